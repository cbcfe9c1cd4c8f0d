//! WebKit's settings for the app's one window, chosen for what it shows: one local page of forms,
//! text and small 2D charts, never a website.
//!
//! Tauri (wry) builds the WebKitGTK view with a browser's defaults: the back/forward page cache
//! on, WebGL and Web Audio on, the context's "web browser" cache model, and WebKit's GPU
//! painting. Measured with `bench/run.py --only window` on a machine without a GPU (README.md,
//! "Performance"), WebKit's web process was most of the memory above the bare window, and most of
//! that was the GPU painting path: Skia on GL, which there is Mesa's llvmpipe, a software GL
//! rasteriser running inside the web process and growing with each screen painted. So:
//! - where GL is software anyway, WebKit paints without GL at all ([`before_webkit_starts`]):
//!   no compositing (its "never accelerate" policy) and Skia on the CPU; the same pixels without
//!   an emulated GPU in between. On a machine with a GPU WebKit's defaults stay.
//! - no page cache and the "document viewer" cache model: the app never navigates away from its
//!   page, so a browser's caches of pages and resources only hold memory;
//! - no WebGL or Web Audio: the app uses neither.
//!
//! These are the app's settings, not the benchmark's: the floor (bench/bare-window) is a stock
//! Tauri window with the defaults, as an app that changes nothing would be.

use tauri::plugin::{Builder, TauriPlugin};
use tauri::Wry;

/// WebKit's own switch for Skia's CPU painting, read by the web process when it starts.
const SKIA_CPU: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// WebKit's own switch for its "never accelerate" policy (no compositing, no GL), read when the
/// view's settings are made: in force from the first load, where the settings' own
/// `set_hardware_acceleration_policy` could only come once Tauri hands over a view already
/// loading the page. (WebKitWebDriver's Take Screenshot never answers in this mode: the
/// end-to-end tests read their screenshots from the X server instead, tests/e2e/src/x11.rs.)
const NO_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Where GL is software, asks WebKit to paint without GL: no compositing, and Skia on the CPU
/// instead of on llvmpipe. Measured (README.md, "Performance"), this takes WebKit's web process
/// after the four tabs from about twice the bare window's memory to about the same. Environment
/// variables, so they must be set before WebKit starts: the first thing [`crate::run`] does,
/// while the process has one thread. A value the person set is kept.
pub fn before_webkit_starts() {
    if !software() {
        return;
    }
    for name in [SKIA_CPU, NO_COMPOSITING] {
        if std::env::var_os(name).is_none() {
            // SAFETY: called first thing in `run`, from `main`, before any other thread exists,
            // so nothing reads the environment at the same time.
            unsafe { std::env::set_var(name, "1") };
        }
    }
}

/// Applies the settings to each webview once Tauri has made it (only the real runtime has a
/// WebKit view: the tests' mock runtime does not get this plugin).
pub fn plugin() -> TauriPlugin<Wry> {
    Builder::new("webview-settings")
        .on_webview_ready(|webview| {
            #[cfg(target_os = "linux")]
            let _ = webview.with_webview(|w| linux::apply(&w.inner()));
            #[cfg(not(target_os = "linux"))]
            let _ = webview;
        })
        .build()
}

/// Whether GL is drawn by the CPU on this machine.
fn software() -> bool {
    rendering_is_software(std::env::var_os("LIBGL_ALWAYS_SOFTWARE").as_deref(), has_render_node())
}

/// Whether GL would be drawn by the CPU anyway: Mesa told so (`LIBGL_ALWAYS_SOFTWARE`, as under
/// Xvfb and in the benchmark), or no GPU render node to draw with (Mesa then falls back to
/// llvmpipe).
fn rendering_is_software(libgl_always_software: Option<&std::ffi::OsStr>, render_node: bool) -> bool {
    let forced = libgl_always_software.is_some_and(|v| !v.is_empty() && v != "0" && v != "false");
    forced || !render_node
}

fn has_render_node() -> bool {
    std::fs::read_dir("/dev/dri")
        .map(|dir| dir.flatten().any(|e| e.file_name().to_string_lossy().starts_with("renderD")))
        .unwrap_or(false)
}

#[cfg(target_os = "linux")]
mod linux {
    use webkit2gtk::{CacheModel, Settings, SettingsExt, WebContextExt, WebView, WebViewExt};

    // Not unit-tested: WebKitSettings cannot be made without GTK on a display. The e2e test
    // `shell` reads the effect back from the page (no WebGL).
    pub fn apply(view: &WebView) {
        if let Some(settings) = WebViewExt::settings(view) {
            configure(&settings);
        }
        if let Some(context) = view.context() {
            context.set_cache_model(CacheModel::DocumentViewer);
        }
    }

    fn configure(settings: &Settings) {
        settings.set_enable_page_cache(false);
        settings.set_enable_webgl(false);
        settings.set_enable_webaudio(false);
    }
}

#[cfg(test)]
mod tests {
    use super::rendering_is_software;
    use std::ffi::OsStr;

    #[test]
    fn software_when_mesa_is_told_so_or_there_is_no_gpu() {
        assert!(rendering_is_software(Some(OsStr::new("1")), true));
        assert!(rendering_is_software(Some(OsStr::new("true")), true));
        assert!(rendering_is_software(None, false));
        assert!(!rendering_is_software(None, true));
        assert!(!rendering_is_software(Some(OsStr::new("0")), true));
        assert!(!rendering_is_software(Some(OsStr::new("")), true));
    }
}
