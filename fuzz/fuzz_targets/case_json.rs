//! A case as `soleus assess` reads it (JSON text), through parsing and, when it is a valid case,
//! the engine and the plan: no input may panic or hang.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    if let Ok(case) = soleus::engine::Case::from_json(text) {
        let assessment = soleus::engine::assess(&case);
        let _ = soleus::plans::plan(&assessment);
    }
});
