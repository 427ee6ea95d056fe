//! The storage layer in a real browser (headless Chromium via wasm-bindgen-test):
//! save and load, the versioned stored format, damaged and newer data, and storage that
//! is unavailable. Run by `scripts/test.sh`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use zonematch::demo::demo_dataset;
use zonematch::i18n::Lang;
use zonematch::model::{Change, Dataset, Prospect, SCHEMA_VERSION};
use zonematch::storage::{LoadOutcome, SaveError, Store, BACKUP_KEY, DATA_KEY, QUARANTINE_PREFIX};

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

/// Save `data` as a whole (a merge of everything into an empty store).
fn save(store: &mut Store, data: &Dataset) -> Result<Option<Dataset>, SaveError> {
    store.commit(&Change::Merge(data.clone()), data)
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
    save(&mut store, &data).unwrap();
    let mut reopened = Store::open();
    assert_eq!(reopened.load(), LoadOutcome::Loaded(data));
}

#[wasm_bindgen_test]
fn stored_format_is_versioned() {
    clear();
    save(&mut Store::open(), &sample()).unwrap();
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
    save(&mut store, &sample()).unwrap();
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
    assert_eq!(save(&mut store, &sample()), Err(SaveError::ReadOnly));
    assert_eq!(local().get_item(DATA_KEY).unwrap().as_deref(), Some(newer));
}

#[wasm_bindgen_test]
fn unavailable_storage_runs_in_memory_without_panicking() {
    clear();
    save(&mut Store::open(), &sample()).unwrap();
    with_storage_blocked(|| {
        let mut store = Store::open();
        assert!(!store.is_available());
        assert_eq!(store.load(), LoadOutcome::Unavailable);
        assert_eq!(
            save(&mut store, &demo_dataset()),
            Err(SaveError::Unavailable)
        );
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

#[wasm_bindgen_test]
fn previous_generation_is_kept_as_backup() {
    clear();
    let mut store = Store::open();
    let first = sample();
    save(&mut store, &first).unwrap();
    let first_raw = local().get_item(DATA_KEY).unwrap().unwrap();
    let mut second = first.clone();
    let p = Prospect {
        id: "p-2".into(),
        name: "第二家".into(),
        ..Default::default()
    };
    second.apply(&Change::UpsertProspect(p.clone()));
    store.commit(&Change::UpsertProspect(p), &second).unwrap();
    assert_eq!(
        local().get_item(BACKUP_KEY).unwrap().as_deref(),
        Some(first_raw.as_str())
    );
    assert_eq!(Store::open().load(), LoadOutcome::Loaded(second));
}

#[wasm_bindgen_test]
fn a_tab_never_overwrites_another_tabs_newer_save() {
    clear();
    let base = sample();
    let mut tab_a = Store::open();
    save(&mut tab_a, &base).unwrap();
    let mut tab_b = Store::open();
    assert_eq!(tab_b.load(), LoadOutcome::Loaded(base.clone()));

    // Tab A adds a prospect; tab B, which has not seen it, adds another.
    let from_a = Prospect {
        id: "a".into(),
        name: "A 的企业".into(),
        ..Default::default()
    };
    let mut data_a = base.clone();
    data_a.apply(&Change::UpsertProspect(from_a.clone()));
    assert_eq!(
        tab_a.commit(&Change::UpsertProspect(from_a.clone()), &data_a),
        Ok(None)
    );

    let from_b = Prospect {
        id: "b".into(),
        name: "B 的企业".into(),
        ..Default::default()
    };
    let mut data_b = base.clone();
    data_b.apply(&Change::UpsertProspect(from_b.clone()));
    let merged = tab_b
        .commit(&Change::UpsertProspect(from_b.clone()), &data_b)
        .unwrap()
        .expect("tab B must merge with tab A's newer save");
    assert!(merged.prospect("a").is_some() && merged.prospect("b").is_some());
    let LoadOutcome::Loaded(stored) = Store::open().load() else {
        panic!("stored data")
    };
    assert!(stored.prospect("a").is_some() && stored.prospect("b").is_some());

    // Tab A learns of B's save through the storage event.
    let seen = tab_a.reload_if_newer().unwrap().expect("newer data");
    assert!(seen.prospect("b").is_some());
    assert_eq!(tab_a.reload_if_newer(), Ok(None));
}

#[wasm_bindgen_test]
fn an_older_tab_never_writes_over_a_newer_schema() {
    clear();
    let mut old_tab = Store::open();
    save(&mut old_tab, &sample()).unwrap();
    let newer = "{\"format\":\"zonematch\",\"schema_version\":99,\"revision\":50,\"zones\":[],\"prospects\":[]}";
    local().set_item(DATA_KEY, newer).unwrap();
    let p = Prospect {
        id: "x".into(),
        name: "x".into(),
        ..Default::default()
    };
    assert_eq!(
        old_tab.commit(&Change::UpsertProspect(p), &sample()),
        Err(SaveError::NewerElsewhere)
    );
    assert_eq!(local().get_item(DATA_KEY).unwrap().as_deref(), Some(newer));
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_and_changes_nothing() {
    clear();
    let mut store = Store::open();
    save(&mut store, &sample()).unwrap();
    let before = local().get_item(DATA_KEY).unwrap();
    // Fill the quota with filler until a write fails.
    let chunk = "x".repeat(512 * 1024);
    let mut i = 0;
    while local().set_item(&format!("filler.{i}"), &chunk).is_ok() {
        i += 1;
        assert!(i < 200, "quota never reached");
    }
    let mut big = sample();
    big.prospects.push(Prospect {
        id: "big".into(),
        name: "y".repeat(600 * 1024),
        ..Default::default()
    });
    let result = store.commit(&Change::UpsertProspect(big.prospects[1].clone()), &big);
    assert_eq!(result, Err(SaveError::QuotaFull));
    assert_eq!(local().get_item(DATA_KEY).unwrap(), before);
    clear();
}

#[wasm_bindgen_test]
fn a_partly_damaged_store_keeps_every_intact_record() {
    clear();
    save(&mut Store::open(), &sample()).unwrap();
    let raw = local().get_item(DATA_KEY).unwrap().unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&raw).unwrap();
    v["prospects"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"id": "broken", "factory_m2": "lots"}));
    local().set_item(DATA_KEY, &v.to_string()).unwrap();
    let LoadOutcome::Salvaged {
        data,
        dropped,
        quarantine_key,
    } = Store::open().load()
    else {
        panic!("expected a salvage");
    };
    assert_eq!(dropped, 1);
    assert_eq!(data, sample());
    assert_eq!(
        local().get_item(&quarantine_key).unwrap(),
        Some(v.to_string())
    );
}

#[wasm_bindgen_test]
fn an_unreadable_store_falls_back_to_the_previous_generation() {
    clear();
    let mut store = Store::open();
    save(&mut store, &demo_dataset()).unwrap();
    save(&mut store, &sample()).unwrap();
    local()
        .set_item(DATA_KEY, "{\"schema_version\":2,\"zon")
        .unwrap();
    let LoadOutcome::RestoredBackup { data, .. } = Store::open().load() else {
        panic!("expected the backup");
    };
    assert_eq!(data, demo_dataset());
}
