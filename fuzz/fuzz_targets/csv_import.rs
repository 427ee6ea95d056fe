//! Any bytes as a picked table file, through the app's own import path (UTF-8, UTF-16,
//! else GBK as the browser decodes it; separator sniffed; header row and columns
//! recognised): never a panic; a refusal says why; what is accepted exports and
//! re-imports to the same records. The mapping step's choices are fuzzed too: any
//! column taken as any field of either target reads without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zonematch::columns::{choosable, Target};
use zonematch::csv::{parse_csv, prospects_to_csv};
use zonematch::i18n::Lang;
use zonematch::import::{preview, preview_sheet, text_table, FileKind};
use zonematch::table_import::{guess_mapping, mapping_for, prospects_from_csv, Choice};

fn gbk(bytes: &[u8]) -> Option<String> {
    Some(encoding_rs::GBK.decode(bytes).0.into_owned())
}

fuzz_target!(|bytes: &[u8]| {
    let _ = parse_csv(&String::from_utf8_lossy(bytes));
    let mut data = zonematch::demo::demo_dataset();
    // Any mapping of the sheet, chosen by the bytes.
    if let Ok(sheet) = text_table(bytes, "fuzz.csv", gbk) {
        let _ = guess_mapping(&sheet);
        for target in Target::ALL {
            let mut mapping = mapping_for(&sheet, target);
            let keys = choosable(target);
            for (i, c) in mapping.columns.iter_mut().enumerate() {
                let pick = bytes.get(i).copied().unwrap_or(0) as usize;
                c.choice = match pick % (keys.len() + 2) {
                    n if n < keys.len() => Choice::Field(keys[n]),
                    n if n == keys.len() => Choice::Notes,
                    _ => Choice::Ignore,
                };
            }
            if let Err(problems) = preview_sheet(&data, &sheet, &mapping, "now") {
                assert!(!problems.is_empty());
            }
        }
    }
    match preview(&data, bytes, FileKind::Table, "now", gbk) {
        Err(problems) => assert!(!problems.is_empty()),
        Ok(pending) => {
            data.apply(&pending.into_change());
            if data.prospects.is_empty() {
                return;
            }
            let out = prospects_to_csv(&data.prospects, Lang::Zh);
            let back = prospects_from_csv(&out, "now").expect("own export imports");
            assert_eq!(back, data.prospects);
        }
    }
});
