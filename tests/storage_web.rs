//! The storage layer in a real browser (headless Chromium via wasm-bindgen-test):
//! save and load, the versioned stored format, damaged and newer data, and storage that
//! is unavailable. Run by `scripts/test.sh`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use zonematch::demo::demo_dataset;
use zonematch::i18n::Lang;
use zonematch::model::{Prospect, SCHEMA_VERSION};
use zonematch::storage::{LoadOutcome, SaveError, Store, DATA_KEY, QUARANTINE_PREFIX};

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn clear() {
    local().clear().unwrap();
}

fn keys() -> Vec<String> {
    let s = local();
    (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .collect()
}

fn sample() -> zonematch::model::Dataset {
    let mut d = demo_dataset();
    d.prospects.push(Prospect {
        id: "p-1".into(),
        name: "宁德某电池企业".into(),
        industry: "动力电池".into(),
        factory_m2: Some(20_000.0),
        investment_wan: Some(62_000.0),
        ..Default::default()
    });
    d
}

/// Run `f` while `window.localStorage` throws, as in some private modes.
fn with_storage_blocked(f: impl FnOnce()) {
    let block = js_sys::Function::new_no_args(
        "window.__savedLocalStorage = Object.getOwnPropertyDescriptor(window, 'localStorage') \
           || Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage'); \
         Object.defineProperty(window, 'localStorage', { configurable: true, \
           get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });",
    );
    let unblock = js_sys::Function::new_no_args(
        "Object.defineProperty(window, 'localStorage', window.__savedLocalStorage);",
    );
    block.call0(&JsValue::NULL).unwrap();
    f();
    unblock.call0(&JsValue::NULL).unwrap();
}

#[wasm_bindgen_test]
fn first_visit_is_empty() {
    clear();
    let mut store = Store::open();
    assert!(store.is_available());
    assert_eq!(store.load(), LoadOutcome::Empty);
}

#[wasm_bindgen_test]
fn saved_data_loads_back_identically() {
    clear();
    let data = sample();
    let mut store = Store::open();
    store.save(&data).unwrap();
    let mut reopened = Store::open();
    assert_eq!(reopened.load(), LoadOutcome::Loaded(data));
}

#[wasm_bindgen_test]
fn stored_format_is_versioned() {
    clear();
    Store::open().save(&sample()).unwrap();
    let raw = local().get_item(DATA_KEY).unwrap().unwrap();
    let v: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(v["schema_version"], SCHEMA_VERSION);
    assert_eq!(v["format"], "zonematch");
    assert_eq!(v["prospects"][0]["id"], "p-1");
}

#[wasm_bindgen_test]
fn damaged_value_is_quarantined_not_lost() {
    clear();
    let damaged = "{\"schema_version\":1,\"zones\":[{\"id\":";
    local().set_item(DATA_KEY, damaged).unwrap();
    let mut store = Store::open();
    let LoadOutcome::Corrupt {
        quarantine_key: Some(key),
        problems,
    } = store.load()
    else {
        panic!("expected a quarantined corrupt value");
    };
    assert!(key.starts_with(QUARANTINE_PREFIX));
    assert!(!problems.is_empty());
    assert_eq!(local().get_item(&key).unwrap().as_deref(), Some(damaged));
    // Saving afterwards writes valid data and leaves the quarantined copy alone.
    store.save(&sample()).unwrap();
    assert_eq!(local().get_item(&key).unwrap().as_deref(), Some(damaged));
    assert_eq!(Store::open().load(), LoadOutcome::Loaded(sample()));
}

#[wasm_bindgen_test]
fn newer_schema_is_never_overwritten() {
    clear();
    let newer = "{\"format\":\"zonematch\",\"schema_version\":99,\"zones\":[],\"prospects\":[],\"future\":true}";
    local().set_item(DATA_KEY, newer).unwrap();
    let mut store = Store::open();
    assert_eq!(store.load(), LoadOutcome::Newer);
    assert!(store.is_read_only());
    assert_eq!(store.save(&sample()), Err(SaveError::ReadOnly));
    assert_eq!(local().get_item(DATA_KEY).unwrap().as_deref(), Some(newer));
}

#[wasm_bindgen_test]
fn unavailable_storage_runs_in_memory_without_panicking() {
    clear();
    Store::open().save(&sample()).unwrap();
    with_storage_blocked(|| {
        let mut store = Store::open();
        assert!(!store.is_available());
        assert_eq!(store.load(), LoadOutcome::Unavailable);
        assert_eq!(store.save(&demo_dataset()), Err(SaveError::Unavailable));
        assert_eq!(store.load_lang(), None);
        assert_eq!(store.save_lang(Lang::En), Err(SaveError::Unavailable));
    });
    // What was stored before is untouched.
    assert_eq!(Store::open().load(), LoadOutcome::Loaded(sample()));
}

#[wasm_bindgen_test]
fn language_is_remembered() {
    clear();
    let store = Store::open();
    assert_eq!(store.load_lang(), None);
    store.save_lang(Lang::En).unwrap();
    assert_eq!(Store::open().load_lang(), Some(Lang::En));
    assert!(keys().iter().all(|k| k.starts_with("zonematch.")));
}
