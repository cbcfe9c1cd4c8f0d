//! The app's window seen and resized from the X server's side, as a window manager would.
//!
//! WebKitWebDriver's Set Window Rect has been seen to never answer under Xvfb (once in four runs,
//! a long plan resized to 460x760): it waits for the window to report its new frame, and with no
//! window manager that report does not always come. Asking the X server directly returns at once;
//! the caller then waits for the page's viewport to take the size, which is what a test needs.
//! The same connection tells where the window is on the screen and whether a window manager holds
//! it in full screen (the presenter's proof).

use std::ffi::{CStr, CString};
use std::ptr;

use x11_dl::xlib::{self, Xlib};

/// Where the window titled `title` is and how the screen is, as the X server sees them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    /// The window's top-left corner in the screen's coordinates, and its size (no frame).
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
    pub screen_width: u32,
    pub screen_height: u32,
    /// The window manager's _NET_WM_STATE lists _NET_WM_STATE_FULLSCREEN.
    pub fullscreen: bool,
}

impl Placement {
    /// The window covers the whole screen, from its top-left corner.
    pub fn covers_screen(&self) -> bool {
        (self.x, self.y, self.width, self.height) == (0, 0, self.screen_width, self.screen_height)
    }
}

/// A connection to `display`, closed when dropped.
struct Connection {
    x: Xlib,
    dpy: *mut xlib::Display,
}

impl Connection {
    fn open(display: &str) -> Result<Connection, String> {
        let x = Xlib::open().map_err(|e| format!("libX11: {e}"))?;
        let name = CString::new(display).map_err(|e| e.to_string())?;
        // SAFETY: XOpenDisplay with a NUL-terminated name; null is checked.
        let dpy = unsafe { (x.XOpenDisplay)(name.as_ptr()) };
        if dpy.is_null() {
            return Err(format!("cannot open X display {display}"));
        }
        Ok(Connection { x, dpy })
    }

    fn atom(&self, name: &str) -> xlib::Atom {
        let name = CString::new(name).unwrap();
        // SAFETY: an open connection and a NUL-terminated name.
        unsafe { (self.x.XInternAtom)(self.dpy, name.as_ptr(), xlib::False) }
    }

    /// The atoms (or windows) in property `name` of `window`.
    fn longs(&self, window: xlib::Window, name: &str, kind: xlib::Atom) -> Vec<u64> {
        let (mut actual, mut format, mut count, mut after) = (0, 0, 0, 0);
        let mut data: *mut u8 = ptr::null_mut();
        // SAFETY: Xlib fills the out-parameters; data holds `count` longs of format 32 and is
        // freed with XFree.
        unsafe {
            let ok = (self.x.XGetWindowProperty)(self.dpy, window, self.atom(name), 0, 1024, xlib::False, kind,
                &mut actual, &mut format, &mut count, &mut after, &mut data);
            if ok != 0 || data.is_null() {
                return Vec::new();
            }
            let out = if format == 32 {
                std::slice::from_raw_parts(data.cast::<std::os::raw::c_ulong>(), count as usize).iter().map(|&v| v as u64).collect()
            } else {
                Vec::new()
            };
            (self.x.XFree)(data.cast());
            out
        }
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        // SAFETY: the connection opened in `open`, closed once.
        unsafe { (self.x.XCloseDisplay)(self.dpy) };
    }
}

/// Resizes the viewable top-level window titled `title` on `display` to `width` x `height`
/// (through the window manager, when one runs: it receives the request and resizes its frame).
pub fn resize(display: &str, title: &str, width: u32, height: u32) -> Result<(), String> {
    let c = Connection::open(display)?;
    // Every window with the title: a window from the test's previous launch may still be
    // on the display while it closes, and picking only the first found resized that one.
    let found = find(&c, title);
    // SAFETY: windows found on this connection.
    unsafe {
        for &window in &found {
            (c.x.XResizeWindow)(c.dpy, window, width, height);
        }
        (c.x.XSync)(c.dpy, xlib::False);
    }
    if found.is_empty() { Err(format!("no window titled {title:?} on {display}")) } else { Ok(()) }
}

/// Where the (first) viewable window titled `title` is, and whether it is held in full screen.
pub fn placement(display: &str, title: &str) -> Result<Placement, String> {
    let c = Connection::open(display)?;
    let window = *find(&c, title).first().ok_or_else(|| format!("no window titled {title:?} on {display}"))?;
    let fullscreen = c.atom("_NET_WM_STATE_FULLSCREEN") as u64;
    let state = c.longs(window, "_NET_WM_STATE", xlib::XA_ATOM);
    // SAFETY: plain queries on this connection's windows.
    unsafe {
        let root = (c.x.XDefaultRootWindow)(c.dpy);
        let mut attrs: xlib::XWindowAttributes = std::mem::zeroed();
        let mut screen: xlib::XWindowAttributes = std::mem::zeroed();
        if (c.x.XGetWindowAttributes)(c.dpy, window, &mut attrs) == 0 || (c.x.XGetWindowAttributes)(c.dpy, root, &mut screen) == 0 {
            return Err("the window's attributes could not be read".into());
        }
        let (mut x, mut y, mut child) = (0, 0, 0);
        (c.x.XTranslateCoordinates)(c.dpy, window, root, 0, 0, &mut x, &mut y, &mut child);
        Ok(Placement {
            x,
            y,
            width: attrs.width as u32,
            height: attrs.height as u32,
            screen_width: screen.width as u32,
            screen_height: screen.height as u32,
            fullscreen: state.contains(&fullscreen),
        })
    }
}

/// What the X server shows of the (first) viewable window titled `title`: its width, height
/// and pixels as RGB rows. Read from the screen, as a person sees the window, and not through
/// WebKitWebDriver's Take Screenshot, which never answers when WebKit paints without
/// compositing (the app's setting where GL is software: src-tauri/src/webview_settings.rs).
pub fn capture(display: &str, title: &str) -> Result<(u32, u32, Vec<u8>), String> {
    let at = placement(display, title)?;
    let c = Connection::open(display)?;
    // SAFETY: XGetImage of the root window, clipped to the screen; the image is read within its
    // reported size and destroyed once.
    unsafe {
        let root = (c.x.XDefaultRootWindow)(c.dpy);
        let (x, y) = (at.x.max(0), at.y.max(0));
        let width = at.width.min(at.screen_width.saturating_sub(x as u32));
        let height = at.height.min(at.screen_height.saturating_sub(y as u32));
        let image = (c.x.XGetImage)(c.dpy, root, x, y, width, height, !0, xlib::ZPixmap);
        if image.is_null() {
            return Err(format!("the X server gave no image of the window {title:?}"));
        }
        let img = &*image;
        let rgb = if img.bits_per_pixel == 32 {
            let mut rgb = Vec::with_capacity(width as usize * height as usize * 3);
            for row in 0..height as usize {
                let line = std::slice::from_raw_parts(img.data.cast::<u8>().add(row * img.bytes_per_line as usize), width as usize * 4);
                for px in line.chunks_exact(4) {
                    let v = u32::from_ne_bytes([px[0], px[1], px[2], px[3]]) as u64;
                    let channel = |mask: u64| ((v & mask) >> mask.trailing_zeros()) as u8;
                    rgb.extend([channel(img.red_mask), channel(img.green_mask), channel(img.blue_mask)]);
                }
            }
            Ok(rgb)
        } else {
            Err(format!("the screen has {} bits a pixel; only 32 is read", img.bits_per_pixel))
        };
        (c.x.XDestroyImage)(image);
        rgb.map(|rgb| (width, height, rgb))
    }
}

/// Whether an EWMH window manager is running on `display` (it has set _NET_SUPPORTING_WM_CHECK).
pub fn window_manager_running(display: &str) -> bool {
    let Ok(c) = Connection::open(display) else { return false };
    // SAFETY: the root window of this connection.
    let root = unsafe { (c.x.XDefaultRootWindow)(c.dpy) };
    !c.longs(root, "_NET_SUPPORTING_WM_CHECK", xlib::XA_WINDOW).is_empty()
}

/// The viewable windows with this title: children of the root (no window manager), or one or
/// two levels down (a window manager reparents each window into a frame of its own).
fn find(c: &Connection, title: &str) -> Vec<xlib::Window> {
    // SAFETY: the root window of this connection.
    let root = unsafe { (c.x.XDefaultRootWindow)(c.dpy) };
    let mut found = Vec::new();
    let mut level = vec![root];
    for _ in 0..3 {
        let mut next = Vec::new();
        for parent in level {
            for w in children(c, parent) {
                if titled(c, w, title) {
                    found.push(w);
                } else {
                    next.push(w);
                }
            }
        }
        if !found.is_empty() {
            break;
        }
        level = next;
    }
    found
}

fn children(c: &Connection, parent: xlib::Window) -> Vec<xlib::Window> {
    // SAFETY: XQueryTree fills `children` with `count` windows, freed with XFree.
    unsafe {
        let (mut root_back, mut up) = (0, 0);
        let mut children: *mut xlib::Window = ptr::null_mut();
        let mut count = 0u32;
        if (c.x.XQueryTree)(c.dpy, parent, &mut root_back, &mut up, &mut children, &mut count) == 0 || children.is_null() {
            return Vec::new();
        }
        let windows = std::slice::from_raw_parts(children, count as usize).to_vec();
        (c.x.XFree)(children.cast());
        windows
    }
}

/// The window is viewable and named `title`.
fn titled(c: &Connection, w: xlib::Window, title: &str) -> bool {
    // SAFETY: the name Xlib returns is NUL-terminated and freed with XFree.
    unsafe {
        let mut attrs: xlib::XWindowAttributes = std::mem::zeroed();
        if (c.x.XGetWindowAttributes)(c.dpy, w, &mut attrs) == 0 || attrs.map_state != xlib::IsViewable {
            return false;
        }
        let mut name: *mut std::os::raw::c_char = ptr::null_mut();
        if (c.x.XFetchName)(c.dpy, w, &mut name) == 0 || name.is_null() {
            return false;
        }
        let same = CStr::from_ptr(name).to_bytes() == title.as_bytes();
        (c.x.XFree)(name.cast());
        same
    }
}
