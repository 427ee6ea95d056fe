//! Any bytes as a picked Excel workbook: never a panic; a refusal has a message in both
//! languages; what reads writes back as a workbook that reads to the same cells; and
//! the mapping step's proposal and the reading of rows (number and date cells of every
//! kind in every column) never panic either.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zonematch::workbook::{read_workbook, write_workbook};

fuzz_target!(|bytes: &[u8]| {
    match read_workbook(bytes) {
        Err(e) => assert!(!e.zh.is_empty() && !e.en.is_empty()),
        Ok(sheets) => {
            let data = zonematch::demo::demo_dataset();
            for (sheet, proposal) in sheets.iter().zip(zonematch::table_import::propose(&sheets)) {
                for (t, choices) in proposal.choices.iter().enumerate() {
                    let mut keys = vec![["prospects", "zones"][t].to_string()];
                    keys.extend(choices.iter().cloned());
                    if let Err(problems) =
                        zonematch::table_import::read_chosen(&data, sheet, &keys, "now")
                    {
                        assert!(!problems.is_empty());
                    }
                }
            }
            // Texts too long for one Excel cell are refused on writing, never cut.
            let Ok(out) = write_workbook(&sheets) else {
                return;
            };
            let back = read_workbook(&out).expect("own workbook reads");
            assert_eq!(back.len(), sheets.len().max(1));
            for (a, b) in sheets.iter().zip(&back) {
                assert_eq!(a.rows, b.rows, "sheet {}", a.name);
            }
        }
    }
});
