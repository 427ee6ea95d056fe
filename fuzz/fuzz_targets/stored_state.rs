//! Any bytes as the value found in browser storage: the loader (the same validation the
//! storage module runs) never panics, and whatever it accepts can be stored and read back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zonematch::transfer::{encode_stored, import_json, stored_revision};

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let _ = stored_revision(text);
    if let Ok(data) = import_json(text) {
        let stored = encode_stored(&data, 3);
        assert_eq!(stored_revision(&stored), 3);
        assert_eq!(import_json(&stored).expect("own stored value loads"), data);
    }
});
