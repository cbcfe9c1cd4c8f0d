//! The window keeps answering while a large run file is imported (issue 14 item 1, issue 15
//! item 7): with a 20 MB GPX on its way to the core, another command answers and another tab
//! opens BEFORE the import's own answer comes back. An ordering, not a timing: the import of
//! a file this size takes seconds, a command or a tab a fraction of one, unless the import
//! holds the thread they need (the shell's main thread, or the page's).

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use soleus_e2e::Display;

/// A GPX as a watch writes it (a point a second, elevation, heart rate), of about `bytes` bytes.
fn big_gpx(bytes: usize) -> String {
    let mut gpx = String::with_capacity(bytes + 1024);
    gpx.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"Soleus tests\" \
         xmlns=\"http://www.topografix.com/GPX/1/1\" xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">\n\
         <trk><name>A very long run</name><type>running</type><trkseg>\n",
    );
    let mut i = 0u32;
    while gpx.len() < bytes {
        let (h, m, s) = (6 + i / 3600, i / 60 % 60, i % 60);
        let (day, h) = (17 + h / 24, h % 24);
        let lat = 51.5 + f64::from(i % 20_000) * 2.5e-5;
        let lon = -0.1 + f64::from(i / 20_000) * 1e-3;
        write!(
            gpx,
            "<trkpt lat=\"{lat:.7}\" lon=\"{lon:.7}\"><ele>{:.1}</ele><time>2026-11-{day:02}T{h:02}:{m:02}:{s:02}Z</time>\
             <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>{}</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>\n",
            10.0 + f64::from(i % 300) / 10.0,
            130 + i % 30
        )
        .unwrap();
        i += 1;
    }
    gpx.push_str("</trkseg></trk>\n</gpx>\n");
    gpx
}

/// In the page: the moment the import's request leaves (its `fetch` to the shell), then another
/// command and a tab switch, each noted when done, and the import's answer noted when it comes.
const PROBE: &str = r#"
    window.__order = [];
    const note = (what) => window.__order.push(what);
    const send = window.fetch;
    window.fetch = function (url, init) {
      const reply = send.call(this, url, init);
      if (String(url).endsWith('/import_log_file')) {
        note('import sent');
        reply.then((r) => note(r.headers.get('Tauri-Response') === 'ok' ? 'import answered' : 'import refused'), () => note('import failed'));
        setTimeout(async () => {
          await window.__TAURI_INTERNALS__.invoke('list_profiles', {});
          note('command answered');
          document.querySelector('[data-testid=tab-plan]').click();
          const shown = () => !!document.querySelector('[data-testid=screen-plan] [data-testid=plan-tweak]');
          while (!shown()) await new Promise((r) => setTimeout(r, 5));
          note('tab shown');
        }, 0);
      }
      return reply;
    };
"#;

#[tokio::test]
async fn another_command_and_a_tab_answer_while_a_20_mb_run_file_is_imported() {
    let display = Display::start();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long-run.gpx");
    let gpx = big_gpx(20_000_000 - 2_000);
    assert!(gpx.len() <= 20_000_000, "within the window's 20 MB: {}", gpx.len());
    std::fs::write(&path, gpx).unwrap();

    let app = display.launch_with_profile("Ana").await;
    app.open_tab("log").await;
    app.click("[data-testid=log-run-tab]").await;
    app.js(PROBE, vec![]).await;
    app.wait_for("[data-testid=import-input]").await.send_keys(path.to_str().unwrap()).await.expect("a file can be chosen");

    let deadline = Instant::now() + Duration::from_secs(300);
    let order = loop {
        let order = app.js("return window.__order", vec![]).await;
        let steps: Vec<String> = order.as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect();
        if steps.len() == 4 {
            break steps;
        }
        assert!(Instant::now() < deadline, "the import, the command and the tab did not all finish: {steps:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert_eq!(order, ["import sent", "command answered", "tab shown", "import answered"], "in the order they finished");

    // The import did its work: the run is in the Log's history (the tab, shown again, opens on
    // its pain form, so the import's message is not on screen any more).
    app.open_tab("log").await;
    app.wait_for("[data-testid=history] li").await;
    assert_eq!(app.count("[data-testid=history] li").await, 1, "{:?}", app.text("[data-testid=history]").await);
    app.quit().await;
}
