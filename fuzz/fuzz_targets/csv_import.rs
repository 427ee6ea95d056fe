//! Any bytes as a picked table file, through the app's own import path (strict UTF-8,
//! else GBK as the browser decodes it): never a panic; a refusal says why; what is
//! accepted exports and re-imports to the same records.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zonematch::csv::{parse_csv, prospects_to_csv};
use zonematch::table_import::prospects_from_csv;
use zonematch::i18n::Lang;
use zonematch::import::{preview, FileKind};

fn gbk(bytes: &[u8]) -> Option<String> {
    Some(encoding_rs::GBK.decode(bytes).0.into_owned())
}

fuzz_target!(|bytes: &[u8]| {
    let _ = parse_csv(&String::from_utf8_lossy(bytes));
    let mut data = zonematch::demo::demo_dataset();
    match preview(&data, bytes, FileKind::Table, "now", gbk) {
        Err(problems) => assert!(!problems.is_empty()),
        Ok(pending) => {
            data.apply(&pending.into_change());
            let out = prospects_to_csv(&data.prospects, Lang::Zh);
            let back = prospects_from_csv(&out, "now").expect("own export imports");
            assert_eq!(back, data.prospects);
        }
    }
});
