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

/// Reads `bytes` as a file called `name`. A refusal is fine and must be the person's input's
/// fault, said in words; a file read without complaint must then store without the schema
/// refusing any of it (the Rust checks match every CHECK). A panic anywhere, even one the import
/// catches, is reported by libFuzzer's hook: the parsers' panics are worth knowing too.
pub fn read(name: &str, bytes: &[u8]) {
    let options = ImportOptions::new(FixedOffset::east_opt(3600).unwrap(), now());
    match import::read_bytes(name, bytes.to_vec(), &options) {
        Ok(file) => STORE.with_borrow_mut(|(store, id)| {
            if let Err(e) = file.store(store, Some(*id)) {
                panic!("{name} was read but the store refused it: {e} ({})", e.code());
            }
        }),
        Err(e) => assert!(e.is_bad_input() && !e.to_string().is_empty(), "{e:?}"),
    }
}
