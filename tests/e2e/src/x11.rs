//! The app's window resized from the X server's side, as a window manager would.
//!
//! WebKitWebDriver's Set Window Rect has been seen to never answer under Xvfb (once in four runs,
//! a long plan resized to 460x760): it waits for the window to report its new frame, and with no
//! window manager that report does not always come. Asking the X server directly returns at once;
//! the caller then waits for the page's viewport to take the size, which is what a test needs.

use std::ffi::{CStr, CString};
use std::ptr;

use x11_dl::xlib::{self, Xlib};

/// Resizes the viewable top-level window titled `title` on `display` to `width` x `height`.
pub fn resize(display: &str, title: &str, width: u32, height: u32) -> Result<(), String> {
    let x = Xlib::open().map_err(|e| format!("libX11: {e}"))?;
    let name = CString::new(display).map_err(|e| e.to_string())?;
    // SAFETY: plain Xlib calls on a connection opened here and closed before returning; every
    // pointer Xlib hands back is read within its bounds and freed with XFree.
    unsafe {
        let dpy = (x.XOpenDisplay)(name.as_ptr());
        if dpy.is_null() {
            return Err(format!("cannot open X display {display}"));
        }
        // Every window with the title: a window from the test's previous launch may still be
        // on the display while it closes, and picking only the first found resized that one.
        let found = find(&x, dpy, title);
        for &window in &found {
            (x.XResizeWindow)(dpy, window, width, height);
        }
        (x.XSync)(dpy, xlib::False);
        (x.XCloseDisplay)(dpy);
        if found.is_empty() { Err(format!("no window titled {title:?} on {display}")) } else { Ok(()) }
    }
}

/// The mapped children of the root window with this title (no window manager reparents them).
unsafe fn find(x: &Xlib, dpy: *mut xlib::Display, title: &str) -> Vec<xlib::Window> {
    unsafe {
        let root = (x.XDefaultRootWindow)(dpy);
        let (mut root_back, mut parent) = (0, 0);
        let mut children: *mut xlib::Window = ptr::null_mut();
        let mut count = 0u32;
        if (x.XQueryTree)(dpy, root, &mut root_back, &mut parent, &mut children, &mut count) == 0 || children.is_null() {
            return Vec::new();
        }
        let windows = std::slice::from_raw_parts(children, count as usize).to_vec();
        (x.XFree)(children.cast());
        windows.into_iter().filter(|&w| {
            let mut attrs: xlib::XWindowAttributes = std::mem::zeroed();
            if (x.XGetWindowAttributes)(dpy, w, &mut attrs) == 0 || attrs.map_state != xlib::IsViewable {
                return false;
            }
            let mut name: *mut std::os::raw::c_char = ptr::null_mut();
            if (x.XFetchName)(dpy, w, &mut name) == 0 || name.is_null() {
                return false;
            }
            let same = CStr::from_ptr(name).to_bytes() == title.as_bytes();
            (x.XFree)(name.cast());
            same
        })
        .collect()
    }
}
