//! What every file target does with its input: read it as the app would, and store what was read.

use std::cell::RefCell;

use chrono::{DateTime, FixedOffset, Utc};
use soleus::Store;
use soleus::import::{self, ImportOptions};

thread_local! {
    /// One store for the whole run: opening one per input would spend the run on migrations.
    static STORE: RefCell<(Store, i64)> = RefCell::new({
        let mut store = Store::open_in_memory().expect("an in-memory store opens");
        let id = soleus::profiles::create(&mut store, "Fuzz", now()).expect("a profile").id;
        (store, id)
    });
}

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-23T12:00:00Z").unwrap().to_utc()
}

/// libFuzzer's hook aborts on every panic, even one the import catches and names (a parser's
/// panic becomes `import_reader_failed`, as in the app). The default hook is put back, so only a
/// panic that escapes the import is a crash; `SOLEUS_FUZZ_CAUGHT_PANICS=1` keeps libFuzzer's, to
/// hunt the parsers' own panics (worth reporting upstream, and keeping in tests/data/reproducers).
fn only_escaping_panics_crash() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        if std::env::var_os("SOLEUS_FUZZ_CAUGHT_PANICS").is_none() {
            let _ = std::panic::take_hook();
        }
    });
}

/// Reads `bytes` as a file called `name`. A refusal is fine and must be the person's input's
/// fault, said in words; a file read without complaint must then store without the schema
/// refusing any of it (the Rust checks match every CHECK).
pub fn read(name: &str, bytes: &[u8]) {
    only_escaping_panics_crash();
    let options = ImportOptions::new(FixedOffset::east_opt(3600).unwrap(), now());
    match import::read_bytes(name, bytes.to_vec(), &options) {
        Ok(file) => STORE.with_borrow_mut(|(store, id)| {
            // A backup's rows are checked as it is restored, so a refusal then is fine; a row the
            // schema refused (import_bad_row or log_value_refused at this stage) or a failure of
            // the store is not.
            if let Err(e) = file.store(store, Some(*id)) {
                let schema = matches!(e.code(), "import_bad_row" | "log_value_refused");
                assert!(e.is_bad_input() && !schema, "{name} was read but the store refused it: {e} ({})", e.code());
            }
        }),
        Err(e) => assert!(e.is_bad_input() && !e.to_string().is_empty(), "{e:?}"),
    }
}
