//! Any bytes as a picked JSON file, through the app's own import path: never a panic; a
//! refusal leaves the data unchanged and says why in both languages; an acceptance
//! round-trips through export.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zonematch::import::{preview, FileKind};
use zonematch::transfer::{export_json, import_json};

fuzz_target!(|bytes: &[u8]| {
    let mut data = zonematch::demo::demo_dataset();
    match preview(&data, bytes, FileKind::Json, "now", |_| None) {
        Err(problems) => {
            assert!(!problems.is_empty());
            assert!(problems.iter().all(|p| !p.zh.is_empty() && !p.en.is_empty()));
        }
        Ok(pending) => {
            data.apply(&pending.into_change());
            let again = import_json(&export_json(&data, "fuzz")).expect("own export imports");
            assert_eq!(again, data);
        }
    }
});
