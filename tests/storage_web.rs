//! The storage layer in a real browser (headless Chromium via wasm-bindgen-test):
//! save and load, the versioned stored format, damaged and newer data, and storage that
//! is unavailable. Run by `scripts/test.sh`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use zonematch::demo::demo_dataset;
use zonematch::i18n::Lang;
use zonematch::model::{Change, Dataset, Prospect, SCHEMA_VERSION};
use zonematch::storage::{
    LoadOutcome, Probe, SaveError, Store, BACKUP_KEY, DATA_KEY, QUARANTINE_PREFIX, SET_ASIDE_PREFIX,
};

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

/// Save `data`: the merged data when another tab had saved, or `None`.
fn save(store: &mut Store, data: &Dataset) -> Result<Option<Dataset>, SaveError> {
    let commit = store.commit(data);
    commit.saved.map(|_| commit.merged.map(|m| m.data))
}

/// Run `f` while `localStorage.setItem` throws a full-quota error: for every key when
/// `all`, else only for the dataset's key (as when it has outgrown the quota).
fn with_writes_failing<R>(all: bool, f: impl FnOnce() -> R) -> R {
    let install = js_sys::Function::new_with_args(
        "all",
        "window.__setItem = Storage.prototype.setItem; \
         Storage.prototype.setItem = function (k, v) { \
           if (all || k === 'zonematch.data') \
             throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); \
           return window.__setItem.call(this, k, v); };",
    );
    let remove = js_sys::Function::new_no_args("Storage.prototype.setItem = window.__setItem;");
    install
        .call1(&JsValue::NULL, &JsValue::from_bool(all))
        .unwrap();
    let r = f();
    remove.call0(&JsValue::NULL).unwrap();
    r
}

fn prospect(id: &str, name: &str) -> Prospect {
    Prospect {
        id: id.into(),
        name: name.into(),
        industry: "动力电池".into(),
        ..Default::default()
    }
}

fn stored() -> Dataset {
    match Store::open().load() {
        LoadOutcome::Loaded(d) => d,
        other => panic!("expected stored data, got {other:?}"),
    }
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
    second.apply(&Change::UpsertProspect(p));
    save(&mut store, &second).unwrap();
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
    assert_eq!(save(&mut tab_a, &data_a), Ok(None));

    let from_b = Prospect {
        id: "b".into(),
        name: "B 的企业".into(),
        ..Default::default()
    };
    let mut data_b = base.clone();
    data_b.apply(&Change::UpsertProspect(from_b.clone()));
    let merged = save(&mut tab_b, &data_b)
        .unwrap()
        .expect("tab B must merge with tab A's newer save");
    assert!(merged.prospect("a").is_some() && merged.prospect("b").is_some());
    let LoadOutcome::Loaded(stored) = Store::open().load() else {
        panic!("stored data")
    };
    assert!(stored.prospect("a").is_some() && stored.prospect("b").is_some());

    // Tab A learns of B's save through the storage event.
    let seen = tab_a.reload_if_newer(&data_a).unwrap().expect("newer data");
    assert!(seen.data.prospect("b").is_some());
    assert_eq!(tab_a.reload_if_newer(&seen.data), Ok(None));
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
    let mut data = sample();
    data.upsert_prospect(p);
    assert_eq!(save(&mut old_tab, &data), Err(SaveError::NewerElsewhere));
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
    assert_eq!(save(&mut store, &big), Err(SaveError::QuotaFull));
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

#[wasm_bindgen_test]
fn private_mode_is_found_at_start_not_at_the_first_save() {
    clear();
    // Old Safari's private mode: reads work, every write throws a full quota.
    let (probe, available, outcome) = with_writes_failing(true, || {
        let mut store = Store::open();
        (store.probe(), store.is_available(), store.load())
    });
    assert_eq!(probe, Probe::NotKept);
    assert!(!available);
    assert_eq!(outcome, LoadOutcome::Unavailable);
    // A quota that is really full, with data stored: the data is read, and said full.
    save(&mut Store::open(), &sample()).unwrap();
    let (probe, outcome) = with_writes_failing(true, || {
        let mut store = Store::open();
        (store.probe(), store.load())
    });
    assert_eq!(probe, Probe::QuotaFull);
    assert_eq!(outcome, LoadOutcome::Loaded(sample()));
    assert_eq!(Store::open().probe(), Probe::Writable);
    assert!(
        keys().iter().all(|k| k != "zonematch.probe"),
        "the probe cleans up"
    );
}

#[wasm_bindgen_test]
fn a_failed_save_leaves_the_stored_value_and_its_backup_as_they_were() {
    clear();
    let mut store = Store::open();
    save(&mut store, &demo_dataset()).unwrap();
    save(&mut store, &sample()).unwrap();
    let (data_before, backup_before) = (
        local().get_item(DATA_KEY).unwrap(),
        local().get_item(BACKUP_KEY).unwrap(),
    );
    assert!(backup_before.is_some());
    let mut next = sample();
    next.upsert_prospect(prospect("p-new", "保存失败的企业"));
    let result = with_writes_failing(false, || save(&mut store, &next));
    assert_eq!(result, Err(SaveError::QuotaFull));
    assert!(store.has_unsaved());
    assert_eq!(local().get_item(DATA_KEY).unwrap(), data_before);
    assert_eq!(local().get_item(BACKUP_KEY).unwrap(), backup_before);
    // Once writes work again, the unsaved change is stored.
    save(&mut store, &next).unwrap();
    assert!(!store.has_unsaved());
    assert_eq!(stored(), next);
}

#[wasm_bindgen_test]
fn changes_held_only_in_memory_survive_another_tabs_save() {
    clear();
    let base = sample();
    let mut tab_a = Store::open();
    save(&mut tab_a, &base).unwrap();
    let mut tab_b = Store::open();
    tab_b.load();
    // Tab A captures a prospect while its saves fail (quota full): memory only.
    let mut data_a = base.clone();
    data_a.upsert_prospect(prospect("only-in-a", "只在甲页内存中"));
    assert_eq!(
        with_writes_failing(false, || save(&mut tab_a, &data_a)),
        Err(SaveError::QuotaFull)
    );
    // Tab B saves; tab A hears of it and must not drop its unsaved record.
    let mut data_b = base.clone();
    data_b.upsert_prospect(prospect("from-b", "乙页的企业"));
    save(&mut tab_b, &data_b).unwrap();
    let seen = tab_a.reload_if_newer(&data_a).unwrap().expect("B's save");
    assert!(seen.data.prospect("only-in-a").is_some());
    assert!(seen.data.prospect("from-b").is_some());
    assert!(tab_a.has_unsaved(), "still marked unsaved");
    // Tab A's next save stores both.
    assert_eq!(save(&mut tab_a, &seen.data), Ok(None));
    let now = stored();
    assert!(now.prospect("only-in-a").is_some() && now.prospect("from-b").is_some());
}

#[wasm_bindgen_test]
fn two_tabs_editing_one_record_keep_both_edits() {
    clear();
    let mut base = sample();
    base.upsert_prospect(prospect("shared", "两页共同编辑"));
    base.upsert_prospect(prospect("doomed", "甲页删除"));
    let mut tab_a = Store::open();
    save(&mut tab_a, &base).unwrap();
    let mut tab_b = Store::open();
    tab_b.load();
    // A: notes of `shared`, deletes `doomed`. B (not synced): stage and notes of
    // `shared`, and edits `doomed`.
    let mut a = base.clone();
    a.prospects
        .iter_mut()
        .find(|p| p.id == "shared")
        .unwrap()
        .notes = "甲的备注".into();
    a.apply(&Change::DeleteProspect("doomed".into()));
    save(&mut tab_a, &a).unwrap();
    let mut b = base.clone();
    {
        let p = b.prospects.iter_mut().find(|p| p.id == "shared").unwrap();
        p.stage = zonematch::model::Stage::Negotiating;
        p.notes = "乙的备注".into();
    }
    b.prospects
        .iter_mut()
        .find(|p| p.id == "doomed")
        .unwrap()
        .origin = "深圳".into();
    let commit = tab_b.commit(&b);
    assert_eq!(commit.saved, Ok(()));
    let merged = commit.merged.expect("merged with A's save");
    assert_eq!(merged.notes.len(), 2);
    let now = stored();
    assert_eq!(now, merged.data);
    let shared = now.prospect("shared").unwrap();
    assert_eq!(shared.stage, zonematch::model::Stage::Negotiating);
    assert_eq!(
        shared.notes, "乙的备注",
        "the later save wins a field both changed"
    );
    assert_eq!(
        now.prospect("doomed").unwrap().origin,
        "深圳",
        "an edit beats a delete"
    );
    // A's losing value is set aside, not lost.
    let aside: Vec<String> = keys()
        .into_iter()
        .filter(|k| k.starts_with(SET_ASIDE_PREFIX))
        .map(|k| local().get_item(&k).unwrap().unwrap())
        .collect();
    assert_eq!(aside.len(), 1);
    assert!(aside[0].contains("甲的备注"));
    assert!(Store::open()
        .quarantined()
        .iter()
        .any(|(_, v)| v.contains("甲的备注")));
}

#[wasm_bindgen_test]
fn the_compressed_format_saves_and_loads_in_real_local_storage() {
    clear();
    let big = zonematch::synthetic::generate(400, 3000, 9);
    let mut store = Store::open();
    save(&mut store, &big).unwrap();
    let raw = local().get_item(DATA_KEY).unwrap().unwrap();
    assert!(
        raw.starts_with("ZMZ1:"),
        "above the threshold the value is packed"
    );
    assert_eq!(stored(), big);
    // Another tab merging with a packed value.
    let mut other = Store::open();
    other.load();
    let mut more = big.clone();
    more.upsert_prospect(prospect("after-pack", "压缩之后"));
    save(&mut store, &more).unwrap();
    let mut theirs = big.clone();
    theirs.upsert_prospect(prospect("other-tab", "另一页"));
    let merged = save(&mut other, &theirs).unwrap().expect("merge");
    assert!(merged.prospect("after-pack").is_some() && merged.prospect("other-tab").is_some());
    assert_eq!(stored(), merged);
    clear();
}

#[wasm_bindgen_test]
fn the_previous_generation_is_offered_for_undo_only_while_the_backup_holds_it() {
    clear();
    let mut store = Store::open();
    save(&mut store, &sample()).unwrap();
    let mut edited = sample();
    edited.zones[0].name.zh = "改过的名称".into();
    let commit = store.commit(&edited);
    let revision = commit
        .backup_revision
        .expect("the first generation became the backup");
    assert_eq!(store.previous_generation(revision), Some(sample()));
    assert_eq!(store.previous_generation(revision + 7), None);
    save(&mut store, &demo_dataset()).unwrap();
    assert_eq!(
        store.previous_generation(revision),
        None,
        "the backup moved on"
    );
}
