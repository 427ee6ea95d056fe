//! Any bytes as an import file: never a panic; a refusal leaves the data unchanged and
//! says why in both languages; an acceptance round-trips through export.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zonematch::transfer::{export_json, import_json, merge_import};

fuzz_target!(|bytes: &[u8]| {
    let mut data = zonematch::demo::demo_dataset();
    let before = data.clone();
    match merge_import(&mut data, bytes) {
        Err(e) => {
            assert_eq!(data, before);
            assert!(e.problems.iter().all(|p| !p.zh.is_empty() && !p.en.is_empty()));
        }
        Ok(_) => {
            let again = import_json(&export_json(&data, "fuzz")).expect("own export imports");
            assert_eq!(again, data);
        }
    }
});
