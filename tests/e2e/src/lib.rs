//! A harness that runs the real Soleus binary in its own X display and drives it over WebDriver.
//!
//! Chain: test -> tauri-driver -> WebKitWebDriver -> the app (see shared notes on Tauri under
//! Linux). Each [`Session`] owns its Xvfb, its tauri-driver and a private XDG_DATA_HOME, and
//! reaps all of them on drop, so a failing assertion leaks no processes and no test touches a
//! real person's data. Relaunching the app keeps the data directory: that is how persistence is
//! tested.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::Value;

mod x11;
pub use x11::Placement;

/// How long to wait for the UI to show an element before failing.
pub const UI_TIMEOUT: Duration = Duration::from_secs(20);

/// The window sizes every screen is photographed at: a laptop (the size the app opens at) and
/// the narrow phone-like column. The first is the one a session starts and ends in.
/// Public cases the files save through the command line before opening the window: one plan of
/// each kind, so every file means the same case by the same name.
pub mod cases {
    /// Public case p-008: a positive calf squeeze test; an Achilles rupture, urgent.
    pub const URGENT: &str = r#"{"findings": {"age": 60, "sex": "male", "heel_raise": "weak", "tendon_thickening": true, "thompson_test": "positive", "ankle_reflex_reduced": true}}"#;
    /// Public case p-001: gradual pain behind the knee, worse downhill; popliteus, self-care.
    pub const SELF_CARE: &str = r#"{"findings": {"onset": "gradual", "location": "behind_knee", "mechanism": "downhill", "worse_downhill": true, "swelling": "none", "knee_locking": false}}"#;
}

pub const WINDOW_SIZES: [(u32, u32); 2] = [(1280, 800), (460, 760)];

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("workspace root")
}

/// The app binary the tests drive: `SOLEUS_APP`, else the debug build `make e2e` produces.
pub fn app_binary() -> PathBuf {
    let path = std::env::var_os("SOLEUS_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target/debug/soleus-desktop"));
    assert!(
        path.exists(),
        "the app binary {} does not exist: build it first with `make e2e` (UI, then the app with --features custom-protocol)",
        path.display()
    );
    path
}

/// The text of a PDF, as pdftotext (Debian's poppler-utils) reads it.
pub fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("run pdftotext (Debian's poppler-utils, in scripts/setup-system.sh --test): {e}"));
    assert!(out.status.success(), "pdftotext: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Where screenshots go, for people to look at what the tests saw.
pub fn screenshot_dir() -> PathBuf {
    let dir = workspace_root().join("target/screenshots");
    std::fs::create_dir_all(&dir).expect("create target/screenshots");
    dir
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A child process killed (SIGTERM first, so tauri-driver stops its WebKitWebDriver) and reaped on drop.
struct Reaped(Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        let pid = self.0.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One X display with a private data directory; the app can be launched in it several times.
pub struct Display {
    /// The window manager, when the display has one: stopped before the X server.
    _wm: Option<Reaped>,
    _xvfb: Reaped,
    display: String,
    data_home: tempfile::TempDir,
    /// A private HOME whose Downloads folder (named in its user-dirs.dirs, as xdg-user-dirs
    /// writes it) receives what the app saves, and whose bin/ holds the fake `xdg-open`.
    home: tempfile::TempDir,
}

/// The screen of a display a test starts with [`Display::start`]: a little taller than the
/// laptop-sized window, so that the window is never the whole screen by accident.
const SCREEN: (u32, u32) = (1280, 900);

impl Display {
    /// A display with no window manager (as most tests need: the window is where it is put).
    pub fn start() -> Display {
        Display::start_on(SCREEN, false)
    }

    /// A display whose screen is `width` x `height`, with a window manager (Openbox, from
    /// scripts/setup-system.sh --test) running on it: full screen is the window manager's to
    /// grant, so the presenter's full screen is proven only here. Waits until it manages windows.
    pub fn with_window_manager(width: u32, height: u32) -> Display {
        Display::start_on((width, height), true)
    }

    fn start_on((width, height): (u32, u32), wm: bool) -> Display {
        let mut xvfb = Command::new("Xvfb")
            .args(["-displayfd", "1", "-screen", "0", &format!("{width}x{height}x24"), "-nolisten", "tcp"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb is installed (make test installs it)");
        let mut line = String::new();
        BufReader::new(xvfb.stdout.take().unwrap()).read_line(&mut line).expect("Xvfb prints its display");
        let xvfb = Reaped(xvfb);
        let display = format!(":{}", line.trim());
        assert!(display.len() > 1, "Xvfb did not report a display number");
        let home = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(home.path().join(".config")).unwrap();
        std::fs::create_dir_all(home.path().join("Downloads")).unwrap();
        std::fs::write(home.path().join(".config/user-dirs.dirs"), "XDG_DOWNLOAD_DIR=\"$HOME/Downloads\"\n").unwrap();
        fake_opener(home.path());
        let wm = wm.then(|| start_window_manager(&display, home.path()));
        Display { _wm: wm, _xvfb: xvfb, display, data_home: tempfile::tempdir().unwrap(), home }
    }

    /// What the app asked the system to open, one line per call: `xdg-open [ARG]...`, as the
    /// fake `xdg-open` first on the app's PATH recorded it. Empty when nothing was opened.
    pub fn opened(&self) -> Vec<String> {
        std::fs::read_to_string(self.home.path().join("opened.log")).unwrap_or_default().lines().map(str::to_string).collect()
    }

    pub fn data_home(&self) -> &Path {
        self.data_home.path()
    }

    /// The Downloads folder of this display's private HOME.
    pub fn downloads(&self) -> PathBuf {
        self.home.path().join("Downloads")
    }

    /// The app's config directory under this display's private HOME (where the window's size is kept).
    pub fn config_dir(&self) -> PathBuf {
        self.home.path().join(".config/org.soleus.app")
    }

    /// The database file the app opens in this display's data directory.
    pub fn db_path(&self) -> PathBuf {
        self.data_home.path().join("org.soleus.app/soleus.db")
    }

    /// Runs the `soleus` CLI (built beside the app) on this display's database, `input` on its stdin; asserts it succeeds.
    pub fn cli(&self, args: &[&str], input: &str) {
        let soleus = app_binary().with_file_name("soleus");
        let mut child = Command::new(&soleus)
            .arg("--db")
            .arg(self.db_path())
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("run {} (build it with `make app`): {e}", soleus.display()));
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "soleus {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }

    /// Saves a finished check (`{"findings": …}` JSON) for `profile` with the CLI, as the Check screen would.
    pub fn save_check(&self, profile: &str, case: &str) {
        self.cli(&["--profile", profile, "log", "save-assessment"], case);
    }

    /// Saves several finished checks for `profile`, oldest first, a little over a second apart:
    /// saved checks are told apart (and listed) by the second they were saved in.
    pub fn save_checks(&self, profile: &str, cases: &[&str]) {
        for (i, case) in cases.iter().enumerate() {
            if i > 0 {
                std::thread::sleep(Duration::from_millis(1100));
            }
            self.save_check(profile, case);
        }
    }

    /// Creates the profile `name` on the setup screen of a first launch, closes the app and saves
    /// a finished check for them with the CLI: the next launch opens on their record, the one here.
    pub async fn profile_with_check(&self, name: &str, case: &str) {
        self.launch_with_profile(name).await.quit().await;
        self.save_check(name, case);
    }

    /// A new display ([`Display::start`]) and the app launched on it with the profile `name`
    /// created ([`Display::launch_with_profile`]): where most tests begin.
    pub async fn start_with_profile(name: &str) -> (Display, Session) {
        let display = Display::start();
        let app = display.launch_with_profile(name).await;
        (display, app)
    }

    /// Launches the app on a first launch and creates the profile `name` on the setup screen; lands on the Check tab.
    pub async fn launch_with_profile(&self, name: &str) -> Session {
        let app = self.launch().await;
        app.wait_for("[data-testid=profile-setup]").await;
        app.create_profile(name).await;
        app.wait_for_text("[data-testid=active-profile] .name", name).await;
        app.wait_for("[data-testid=screen-check]").await;
        app
    }

    /// Launches the app (through a fresh tauri-driver) and connects a WebDriver client to it.
    pub async fn launch(&self) -> Session {
        let port = free_port();
        let native_port = free_port();
        let mut driver = Command::new(tauri_driver());
        driver
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .env_remove("WAYLAND_DISPLAY")
            .env("XDG_DATA_HOME", self.data_home.path())
            .env("XDG_CACHE_HOME", shader_cache())
            .env("PATH", self.path_with_fake_opener());
        let driver = spawn_on(
            &mut driver,
            &self.display,
            self.home.path(),
            "tauri-driver is installed (make test runs `cargo install tauri-driver --locked`)",
        );
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "tauri-driver did not listen on port {port}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": app_binary().display().to_string() }),
        );
        let mut builder = ClientBuilder::native();
        builder.capabilities(caps);
        let url = format!("http://127.0.0.1:{port}");
        // On a loaded machine WebKitWebDriver now and then drops the first request of a
        // session while it is still starting: retry a couple of times, then report.
        let mut attempt = 1;
        let client = loop {
            match builder.connect(&url).await {
                Ok(client) => break client,
                Err(e) if attempt < 3 => {
                    eprintln!("WebDriver session attempt {attempt} failed ({e}); retrying");
                    attempt += 1;
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
                Err(e) => panic!("no WebDriver session with the app after {attempt} attempts: {e}"),
            }
        };
        Session { client: Some(client), _driver: driver, display: self.display.clone() }
    }
}

impl Display {
    /// PATH with this display's bin/ first: the app (started by WebKitWebDriver, started by
    /// tauri-driver, each inheriting it) finds the fake `xdg-open` before any real one.
    fn path_with_fake_opener(&self) -> std::ffi::OsString {
        let mut dirs = vec![self.home.path().join("bin")];
        dirs.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
        std::env::join_paths(dirs).expect("PATH")
    }
}

/// Writes HOME/bin/xdg-open, a script that records each call's arguments in HOME/opened.log
/// and opens nothing: what the app hands to the system viewer is checked, and no test starts a
/// real viewer (this machine's `gio` would otherwise be tried).
fn fake_opener(home: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let bin = home.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let log = home.join("opened.log");
    let script = format!("#!/bin/sh\n{{ printf 'xdg-open'; printf ' [%s]' \"$@\"; printf '\\n'; }} >> '{}'\n", log.display());
    let path = bin.join("xdg-open");
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// Starts `command` on `display` with the test's private HOME (its settings under home/.config),
/// its output dropped; it is killed with the test. `installed` says what to install when it is
/// missing.
fn spawn_on(command: &mut Command, display: &str, home: &Path, installed: &str) -> Reaped {
    let child = command
        .env("DISPLAY", display)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect(installed);
    Reaped(child)
}

/// Starts Openbox on `display` (its own config from the system's defaults, under the private
/// HOME) and waits until it has announced itself on the root window.
fn start_window_manager(display: &str, home: &Path) -> Reaped {
    let wm = spawn_on(
        Command::new("openbox").arg("--sm-disable"),
        display,
        home,
        "openbox is installed (scripts/setup-system.sh --test installs it)",
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    while !x11::window_manager_running(display) {
        assert!(Instant::now() < deadline, "openbox did not start on {display}");
        std::thread::sleep(Duration::from_millis(50));
    }
    wm
}

/// One cache folder for every window the tests open (target/e2e-cache): it holds Mesa's compiled
/// shaders (software rendering under Xvfb), and nothing else today, so each window after the first
/// starts warm instead of compiling them again (about 1.4 s a launch). Data stays per test.
fn shader_cache() -> PathBuf {
    let dir = workspace_root().join("target/e2e-cache");
    std::fs::create_dir_all(&dir).expect("create target/e2e-cache");
    dir
}

/// axe-core's source, from the UI's node_modules (a dev dependency: `npm ci` installs it).
fn axe_source() -> &'static str {
    static SOURCE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SOURCE.get_or_init(|| {
        let path = workspace_root().join("ui/node_modules/axe-core/axe.min.js");
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {} (run `npm ci` in ui/): {e}", path.display()))
    })
}

fn tauri_driver() -> PathBuf {
    if let Some(p) = std::env::var_os("TAURI_DRIVER") {
        return p.into();
    }
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))
        .map(|d| d.join("bin/tauri-driver"));
    match cargo_bin {
        Some(p) if p.exists() => p,
        _ => PathBuf::from("tauri-driver"),
    }
}

/// The running app and a WebDriver client connected to it.
pub struct Session {
    client: Option<Client>,
    _driver: Reaped,
    /// The X display the window is on, for resizing it from the server's side.
    display: String,
}

impl Session {
    pub fn client(&self) -> &Client {
        self.client.as_ref().expect("session is open")
    }

    /// Waits for an element matching `css` to exist.
    pub async fn wait_for(&self, css: &str) -> Element {
        self.wait_for_within(css, UI_TIMEOUT).await
    }

    /// Waits for an element matching `css` to exist, up to `limit`: for a screen that computes
    /// something long first (the accuracy page scores every shipped case set on the spot, which a
    /// debug build on a loaded machine takes most of UI_TIMEOUT for).
    pub async fn wait_for_within(&self, css: &str, limit: Duration) -> Element {
        self.client()
            .wait()
            .at_most(limit)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("the app did not show `{css}` within {limit:?}: {e}"))
    }

    /// Waits until the element matching `css` has exactly this text.
    pub async fn wait_for_text(&self, css: &str, want: &str) {
        let deadline = Instant::now() + UI_TIMEOUT;
        let mut seen = String::new();
        while Instant::now() < deadline {
            // textContent rather than WebDriver's rendered text: WebKitWebDriver reports "" for
            // text inside an ellipsis-clipped box, which is exactly how the header shows names.
            let script = "const e = document.querySelector(arguments[0]); return e ? e.textContent : null;";
            if let Ok(serde_json::Value::String(text)) = self.client().execute(script, vec![css.into()]).await {
                seen = text;
                if seen.trim() == want {
                    return;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        self.screenshot("FAILED").await;
        panic!("`{css}` showed {seen:?}, not {want:?} (see target/screenshots/FAILED.png)");
    }

    pub async fn click(&self, css: &str) {
        self.wait_for(css).await.click().await.unwrap_or_else(|e| panic!("click `{css}`: {e}"));
    }

    /// Clicks `save` and waits for the refusal the form shows at `error`; returns its text.
    pub async fn refusal(&self, save: &str, error: &str) -> String {
        self.click(save).await;
        self.wait_for(error).await;
        self.text(error).await
    }

    pub async fn type_into(&self, css: &str, text: &str) {
        let el = self.wait_for(css).await;
        el.clear().await.unwrap();
        el.send_keys(text).await.unwrap_or_else(|e| panic!("type into `{css}`: {e}"));
    }

    /// Saves a PNG of the window under target/screenshots/NAME.png.
    pub async fn screenshot(&self, name: &str) {
        // Let the page paint what the last action changed: two animation frames.
        let settle = "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));";
        let _ = self.client().execute_async(settle, vec![]).await;
        // From the X server (x11.rs says why not WebKitWebDriver's screenshot), once two reads
        // 150 ms apart agree: where WebKit composites, its frame reaches the screen a little after
        // the page has painted it (a read right after a resize showed the old size's frame).
        let capture = || x11::capture(&self.display, "Soleus").unwrap_or_else(|e| panic!("screenshot {name}: {e}"));
        let mut shot = capture();
        for _ in 0..20 {
            tokio::time::sleep(Duration::from_millis(150)).await;
            let again = capture();
            if again == shot {
                break;
            }
            shot = again;
        }
        let (width, height, rgb) = shot;
        let file = std::fs::File::create(screenshot_dir().join(format!("{name}.png"))).expect("create screenshot");
        let mut png = png::Encoder::new(std::io::BufWriter::new(file), width, height);
        png.set_color(png::ColorType::Rgb);
        png.set_depth(png::BitDepth::Eight);
        png.write_header().and_then(|mut w| w.write_image_data(&rgb)).unwrap_or_else(|e| panic!("write screenshot {name}: {e}"));
    }

    /// Resizes the window to `width` x `height` and waits until the page's viewport has that
    /// size (the window has no frame under Xvfb, so the viewport is the whole window) and has
    /// laid itself out again. The X server is asked directly (`x11.rs`), not WebKitWebDriver,
    /// whose resize has been seen to never answer; a request the window missed is made again.
    pub async fn resize(&self, width: u32, height: u32) {
        let mut seen = Value::Null;
        for attempt in 0..100 {
            if attempt % 25 == 0 {
                x11::resize(&self.display, "Soleus", width, height).unwrap_or_else(|e| panic!("resize the window to {width}x{height}: {e}"));
            }
            // Once, if the X server's resize has not reached the page: the driver's own, which
            // can hang, so under a time limit.
            if attempt == 50 {
                let _ = tokio::time::timeout(Duration::from_secs(30), self.client().set_window_size(width, height)).await;
            }
            seen = self.js("return [window.innerWidth, window.innerHeight]", vec![]).await;
            if seen == serde_json::json!([width, height]) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the window was asked for {width}x{height} but the page is {seen}");
    }

    /// Where the window is on the screen and whether the window manager holds it in full
    /// screen, as the X server says (see [`x11::Placement`]).
    pub fn placement(&self) -> x11::Placement {
        x11::placement(&self.display, "Soleus").unwrap_or_else(|e| panic!("where is the window: {e}"))
    }

    /// The page's viewport now, [width, height] in CSS pixels.
    pub async fn viewport(&self) -> (u64, u64) {
        let v = self.js("return [window.innerWidth, window.innerHeight]", vec![]).await;
        (v[0].as_u64().unwrap(), v[1].as_u64().unwrap())
    }

    /// The page's viewport once it is `want`, or as it is after 5 s: the page may hear of a new
    /// window size a moment after the X server reports it (seen leaving full screen with GL
    /// compositing off, src-tauri/src/webview_settings.rs). The caller asserts.
    pub async fn viewport_settled_at(&self, want: (u64, u64)) -> (u64, u64) {
        let mut seen = self.viewport().await;
        for _ in 0..50 {
            if seen == want {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
            seen = self.viewport().await;
        }
        seen
    }

    /// Screenshots the window at each of [`WINDOW_SIZES`], as `NAME-1280x800.png` and
    /// `NAME-460x760.png`, then returns to the size it was at. `css`, when given, is scrolled to
    /// the top at each size (a layout change moves it).
    pub async fn screenshot_sizes(&self, name: &str, css: Option<&str>) {
        let (w0, h0) = self.viewport().await;
        for (w, h) in WINDOW_SIZES {
            self.resize(w, h).await;
            if let Some(css) = css {
                self.scroll_to(css).await;
            }
            self.screenshot(&format!("{name}-{w}x{h}")).await;
        }
        self.resize(w0 as u32, h0 as u32).await;
    }

    /// Runs axe-core (ui/node_modules/axe-core, injected into the page) on what the window shows
    /// now, and fails on any serious or critical violation, naming the rule, what it asks for
    /// and each element (its selector and HTML). `what` names the screen in the message.
    pub async fn axe(&self, what: &str) {
        let loaded = self.js("return typeof window.axe === 'object'", vec![]).await;
        if loaded != Value::Bool(true) {
            self.js(&format!("{}\nreturn true;", axe_source()), vec![]).await;
        }
        let run = "const done = arguments[arguments.length - 1]; \
            axe.run(document, { resultTypes: ['violations'] }) \
              .then((r) => done(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical') \
                .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, why: n.failureSummary })) })))) \
              .catch((e) => done({ error: String(e) }));";
        let found = self.client().execute_async(run, vec![]).await.unwrap_or_else(|e| panic!("axe on {what}: {e}"));
        if let Some(error) = found.get("error") {
            panic!("axe could not run on {what}: {error}");
        }
        let violations = found.as_array().cloned().unwrap_or_default();
        if violations.is_empty() {
            return;
        }
        let mut report = String::new();
        for v in &violations {
            report.push_str(&format!("\n- {} ({}): {}", v["id"].as_str().unwrap_or("?"), v["impact"].as_str().unwrap_or("?"), v["help"].as_str().unwrap_or("")));
            for n in v["nodes"].as_array().into_iter().flatten() {
                report.push_str(&format!("\n    at {}: {}\n      {}", n["target"].as_str().unwrap_or(""), n["html"].as_str().unwrap_or(""), n["why"].as_str().unwrap_or("").replace('\n', "\n      ")));
            }
        }
        self.screenshot(&format!("AXE-{what}")).await;
        panic!("axe-core found {} serious or critical violation(s) on {what} (see target/screenshots/AXE-{what}.png):{report}", violations.len());
    }

    /// Runs `script` in the window with `arguments` = `args`, and returns what it returns.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client().execute(script, args).await.unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// The text content of the first element matching `css`, or "" when there is none.
    pub async fn text(&self, css: &str) -> String {
        let script = "const e = document.querySelector(arguments[0]); return e ? e.textContent : '';";
        self.js(script, vec![css.into()]).await.as_str().unwrap_or_default().to_string()
    }

    /// How many elements match `css` now.
    pub async fn count(&self, css: &str) -> u64 {
        self.js("return document.querySelectorAll(arguments[0]).length", vec![css.into()]).await.as_u64().unwrap()
    }

    /// Scrolls the first element matching `css` to the top of the screen.
    pub async fn scroll_to(&self, css: &str) {
        self.js("document.querySelector(arguments[0]).scrollIntoView({ block: 'start' });", vec![css.into()]).await;
    }

    /// Types `name` on the setup screen's profile form and presses Create.
    pub async fn create_profile(&self, name: &str) {
        self.type_into("[data-testid=profile-name]", name).await;
        self.click("[data-testid=create-profile]").await;
    }

    /// Clicks a tab and waits for its screen.
    pub async fn open_tab(&self, tab: &str) {
        self.click(&format!("[data-testid=tab-{tab}]")).await;
        self.wait_for(&format!("[data-testid=screen-{tab}]")).await;
    }

    /// Opens a tab and waits until its screen shows `css` (what the test looks at there).
    pub async fn open_tab_showing(&self, tab: &str, css: &str) -> Element {
        self.open_tab(tab).await;
        self.wait_for(css).await
    }

    /// Clicks `css` and waits for `shows`, what the click opens or brings.
    pub async fn click_and_wait(&self, css: &str, shows: &str) -> Element {
        self.click(css).await;
        self.wait_for(shows).await
    }

    /// Chooses the theme ("light", "dark", "system") in the settings, as a person would, checks
    /// it applied, and goes back to the screen that was open.
    pub async fn set_theme(&self, theme: &str) {
        self.open_settings().await;
        self.click(&format!("[data-testid=theme-{theme}]")).await;
        // Applied once the setting is saved: a round trip to the core.
        let mut now = Value::Null;
        for _ in 0..50 {
            now = self.js("return document.documentElement.dataset.theme ?? 'system'", vec![]).await;
            if now == Value::from(theme) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(now, Value::from(theme), "the theme chosen in the settings is applied");
        self.click("[data-testid=settings-back]").await;
    }

    /// Opens the menu under the person's name, unless it is open already.
    pub async fn open_menu(&self) {
        if self.count("[data-testid=profile-menu]").await == 0 {
            self.click("[data-testid=active-profile]").await;
        }
        self.wait_for("[data-testid=profile-menu]").await;
    }

    /// Opens the settings from the menu under the person's name.
    pub async fn open_settings(&self) {
        self.open_menu().await;
        self.click("[data-testid=open-settings]").await;
        self.wait_for("[data-testid=settings]").await;
    }

    /// Opens `name`'s record as a physio would: the menu, a search by name, the match.
    pub async fn switch_profile(&self, name: &str) {
        self.open_menu().await;
        self.type_into("[data-testid=profile-menu] [data-testid=patient-search]", name).await;
        let script = "return [...document.querySelectorAll('[data-testid=profile-menu] [data-testid=patient-result]')] \
            .findIndex((b) => b.textContent.trim() === arguments[0])";
        let mut at = -1;
        for _ in 0..50 {
            at = self.js(script, vec![name.into()]).await.as_i64().unwrap_or(-1);
            if at >= 0 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(at >= 0, "the search for {name:?} does not offer it");
        let results = self.client().find_all(Locator::Css("[data-testid=profile-menu] [data-testid=patient-result]")).await.unwrap();
        results[at as usize].click().await.unwrap();
        self.wait_for_text("[data-testid=active-profile] .name", name).await;
    }

    /// Starts a new patient from the menu (one click, then the name) and waits for their record.
    pub async fn new_patient(&self, name: &str) {
        self.open_menu().await;
        self.click("[data-testid=new-patient]").await;
        self.type_into("[data-testid=new-patient-name]", name).await;
        self.click("[data-testid=new-patient-save]").await;
        self.wait_for_text("[data-testid=active-profile] .name", name).await;
    }

    /// Pins the theme on the page only (data-theme on the root, as the setting does), for a picture where the menu cannot be reached.
    pub async fn pin_theme(&self, theme: &str) {
        self.js("document.documentElement.dataset.theme = arguments[0];", vec![theme.into()]).await;
    }

    /// Screenshots NAME-light and NAME-dark, each first scrolled to `css` if given; leaves the dark theme pinned.
    pub async fn screenshots(&self, name: &str, css: Option<&str>) {
        for theme in ["light", "dark"] {
            self.pin_theme(theme).await;
            if let Some(css) = css {
                self.scroll_to(css).await;
            }
            self.screenshot(&format!("{name}-{theme}")).await;
        }
    }

    /// Ends the WebDriver session, which quits the app, and stops its driver.
    pub async fn quit(mut self) {
        if let Some(client) = self.client.take() {
            let _ = client.close().await;
        }
    }
}
