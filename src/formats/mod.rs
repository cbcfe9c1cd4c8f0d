//! Every file format Soleus writes and reads back, each in both directions in one place, so that
//! import and export never reach into each other: the pain-log CSV (its header, reading it,
//! writing it with the session table, and the spreadsheet-formula guard both ways) and the JSON
//! backup (exporting and restoring a profile). Formats Soleus only reads (GPX, TCX, FIT, Strava's
//! CSV) stay with their parsers in `import/`.

pub mod backup;
pub mod csv;
pub mod pain_csv;
