//! `pain.csv` as the window hands it over (a name and bytes), through the import's reading and
//! checking: no input may panic, hang or exhaust memory. A refusal is the expected outcome.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| soleus_fuzz::read("pain.csv", bytes));
