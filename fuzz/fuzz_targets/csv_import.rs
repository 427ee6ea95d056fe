//! Any text as a CSV table: never a panic; a refusal leaves the data unchanged; what is
//! accepted exports and re-imports to the same records.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zonematch::csv::{merge_import_csv, parse_csv, prospects_from_csv, prospects_to_csv};
use zonematch::i18n::Lang;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let _ = parse_csv(&text);
    let mut data = zonematch::demo::demo_dataset();
    let before = data.clone();
    match merge_import_csv(&mut data, &text, "now") {
        Err(e) => {
            assert_eq!(data, before);
            assert!(!e.is_empty());
        }
        Ok(_) => {
            let out = prospects_to_csv(&data.prospects, Lang::Zh);
            let back = prospects_from_csv(&out, "now").expect("own export imports");
            assert_eq!(back, data.prospects);
        }
    }
});
