//! A database the app cannot open is explained in the window, with its path, and left as it was.

use soleus_e2e::Display;

#[tokio::test(flavor = "multi_thread")]
async fn a_file_that_is_not_a_database_is_shown_with_its_path_and_left_untouched() {
    let display = Display::start();
    let db = display.db_path();
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    let notes = "my running notes, not a database\n";
    std::fs::write(&db, notes).unwrap();

    let app = display.launch().await;
    app.wait_for("[data-testid=store-error]").await;
    let shown = app.js("return document.querySelector('[data-testid=store-error]').textContent", vec![]).await;
    let shown = shown.as_str().unwrap_or_default().to_string();
    assert!(shown.contains("could not open your data"), "{shown}");
    assert!(shown.contains(&db.display().to_string()), "the message names the file: {shown}");
    app.screenshot("09-store-problem").await;
    app.quit().await;

    assert_eq!(std::fs::read_to_string(&db).unwrap(), notes, "the file is left as it was");
    // (The webview keeps its own caches in the same directory; only our file's companions count.)
    let companions: Vec<_> = std::fs::read_dir(db.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("soleus.db") && n != "soleus.db")
        .collect();
    assert!(companions.is_empty(), "no -wal, -shm or backup file was created: {companions:?}");
}
