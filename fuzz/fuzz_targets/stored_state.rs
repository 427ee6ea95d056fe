//! Any bytes as the value found in browser storage (plain JSON or packed deflate): the
//! loader the storage module runs never panics, and what it accepts stores and reads back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zonematch::transfer::{encode_stored, load_stored, stored_revision};

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let _ = stored_revision(text);
    if let Ok(data) = load_stored(text) {
        let stored = encode_stored(&data, 3);
        assert_eq!(stored_revision(&stored), 3);
        assert_eq!(load_stored(&stored).expect("own stored value loads"), data);
    }
});
