//! The PouchDB interop module (`team_sync`, issue 12) against PouchDB 9 in a real browser
//! (headless Chromium via wasm-bindgen-test), with no server: the device's database in
//! IndexedDB, and a second in-browser database standing for the team's. Writes, reads,
//! deletions, revisions and their history, the earlier revisions used at start-up, and
//! the live two-way replication with its events and concurrent versions. Run by
//! `scripts/test.sh` (PouchDB's script comes from `node_modules`, installed by it).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::{Map, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use zonematch::model::{Prospect, Stage, Zone};
use zonematch::team_docs::{
    body_text, conflict_revs, from_doc, propose_merge, record_json, synced_at, to_doc, Incoming,
    TeamServer,
};
use zonematch::team_sync::{self, Pouch, SyncEvent};

wasm_bindgen_test_configure!(run_in_browser);

/// PouchDB's browser build, as the app ships it (copied next to index.html by the build).
const POUCHDB: &str = include_str!("../node_modules/pouchdb/dist/pouchdb.min.js");

/// Put PouchDB on the page (the app fetches the same file; the test page has no server
/// for it), then let `team_sync` find it.
async fn pouch_loaded() {
    let document = web_sys::window().unwrap().document().unwrap();
    let has = js_sys::Reflect::has(&web_sys::window().unwrap(), &"PouchDB".into()).unwrap();
    if !has {
        let script = document.create_element("script").unwrap();
        script.set_text_content(Some(POUCHDB));
        document.head().unwrap().append_child(&script).unwrap();
    }
    team_sync::load_script()
        .await
        .expect("PouchDB is on the page");
}

/// A database standing for the team's, in this browser.
fn peer(name: &str) -> Pouch {
    team_sync::open_remote(&TeamServer {
        url: name.into(),
        user: String::new(),
        password: String::new(),
    })
    .unwrap()
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Wait (up to 10 s) until `f` holds.
async fn until(what: &str, f: impl Fn() -> bool) {
    for _ in 0..200 {
        if f() {
            return;
        }
        sleep(50).await;
    }
    panic!("timed out waiting for {what}");
}

fn prospect(id: &str, notes: &str) -> Prospect {
    Prospect {
        id: id.into(),
        name: "宁德锂电配套".into(),
        industry: "动力电池".into(),
        notes: notes.into(),
        ..Default::default()
    }
}

/// The document of `record` at revision `rev` (an update), or new (`None`).
fn doc_at<T: zonematch::merge::Record>(record: &T, rev: Option<&str>) -> Value {
    let mut d: Map<String, Value> = to_doc(record);
    if let Some(rev) = rev {
        d.insert("_rev".into(), Value::from(rev));
    }
    Value::Object(d)
}

fn rev_of(results: &[team_sync::WriteResult], i: usize) -> String {
    results[i].1.clone().expect("written")
}

#[wasm_bindgen_test]
async fn records_are_written_read_and_deleted_as_documents() {
    pouch_loaded().await;
    let db = team_sync::open_local().unwrap();
    let p = prospect("rw-1", "广交会初次见面");
    let z = Zone {
        id: "rw-zone".into(),
        name: zonematch::model::Text::new("苏州工业园区", "Suzhou Industrial Park"),
        ..Default::default()
    };
    let written = team_sync::write(&db, &[doc_at(&p, None), doc_at(&z, None)])
        .await
        .unwrap();
    assert_eq!(written.len(), 2);
    assert_eq!(written[0].0, "prospect:rw-1");
    assert!(rev_of(&written, 0).starts_with("1-"));
    assert!(rev_of(&written, 1).starts_with("1-"));

    // Read back by id: the same records; an id the database never had is left out.
    let ids = vec!["prospect:rw-1".to_string(), "prospect:never".to_string()];
    let docs = team_sync::read(&db, Some(&ids)).await.unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["_rev"], Value::from(rev_of(&written, 0)));
    assert_eq!(from_doc(&docs[0]), Ok(Incoming::Prospect(p.clone())));
    let all = team_sync::read(&db, None).await.unwrap();
    assert!(all.iter().any(|d| d["_id"] == "zone:rw-zone"));

    // Writing over a revision that is no longer the latest is refused (409), not applied.
    let stale = team_sync::write(&db, &[doc_at(&prospect("rw-1", "覆盖"), None)])
        .await
        .unwrap();
    let err = stale[0].1.clone().unwrap_err();
    assert_eq!(err.status, 409);
    let docs = team_sync::read(&db, Some(&ids)).await.unwrap();
    assert_eq!(docs[0]["notes"], "广交会初次见面");

    // A deletion reads back as one.
    let gone =
        serde_json::json!({"_id": "prospect:rw-1", "_rev": rev_of(&written, 0), "_deleted": true});
    let deleted = team_sync::write(&db, &[gone]).await.unwrap();
    assert!(rev_of(&deleted, 0).starts_with("2-"));
    let docs = team_sync::read(&db, Some(&ids)).await.unwrap();
    assert_eq!(docs[0]["_deleted"], true);
    assert_eq!(
        from_doc(&docs[0]),
        Ok(Incoming::Deleted(
            zonematch::merge::RecordKind::Prospect,
            "rw-1".into()
        ))
    );
}

#[wasm_bindgen_test]
async fn revisions_keep_their_history_and_earlier_bodies() {
    pouch_loaded().await;
    let db = team_sync::open_local().unwrap();
    let v1 = prospect("hist-1", "初次见面");
    let v2 = prospect("hist-1", "要两万平米厂房");
    let v3 = prospect("hist-1", "明年春天投产");
    let r1 = rev_of(
        &team_sync::write(&db, &[doc_at(&v1, None)]).await.unwrap(),
        0,
    );
    let r2 = rev_of(
        &team_sync::write(&db, &[doc_at(&v2, Some(&r1))])
            .await
            .unwrap(),
        0,
    );
    let r3 = rev_of(
        &team_sync::write(&db, &[doc_at(&v3, Some(&r2))])
            .await
            .unwrap(),
        0,
    );

    let history = team_sync::history(&db, "prospect:hist-1", &r3)
        .await
        .unwrap();
    assert_eq!(history, vec![r3.clone(), r2.clone(), r1.clone()]);
    let first = team_sync::read_rev(&db, "prospect:hist-1", &r1)
        .await
        .unwrap();
    assert_eq!(first["notes"], "初次见面");

    // The earlier revisions, newest first, as start-up compares them with the record
    // here: a device that last applied v2 finds v3 newer, based on v2.
    let earlier = team_sync::earlier(
        &db,
        &[
            ("prospect:hist-1".into(), r3.clone()),
            ("prospect:not-there".into(), "1-abc".into()),
        ],
        10,
    )
    .await
    .unwrap();
    assert_eq!(earlier.len(), 2);
    let (id, versions) = &earlier[0];
    assert_eq!(id, "prospect:hist-1");
    let revs: Vec<&str> = versions
        .iter()
        .map(|d| d["_rev"].as_str().unwrap())
        .collect();
    assert_eq!(revs, vec![r2.as_str(), r1.as_str()]);
    let base = synced_at(&body_text(&v2), versions).expect("v2 is an earlier version");
    assert_eq!(base["_rev"], Value::from(r2.clone()));
    // A record edited here since is no earlier version.
    assert!(synced_at(&body_text(&prospect("hist-1", "本机改过")), versions).is_none());
    // A document that is not there has none.
    assert!(earlier[1].1.is_empty());
    // Depth is a limit.
    let one = team_sync::earlier(&db, &[("prospect:hist-1".into(), r3)], 1)
        .await
        .unwrap();
    assert_eq!(one[0].1.len(), 1);
}

#[wasm_bindgen_test]
async fn live_replication_sends_receives_and_keeps_concurrent_versions() {
    pouch_loaded().await;
    let local = team_sync::open_local().unwrap();
    let team = peer("zonematch-test-team");
    let events: Rc<RefCell<Vec<SyncEvent>>> = Rc::default();
    let heard = events.clone();
    let replication = team_sync::start(&local, &team, move |e| heard.borrow_mut().push(e));

    // Written here: sent.
    let p = prospect("live-1", "展会登记");
    let r1 = rev_of(
        &team_sync::write(&local, &[doc_at(&p, None)]).await.unwrap(),
        0,
    );
    let sent = |e: &SyncEvent| matches!(e, SyncEvent::Change { pull: false, ids } if ids.iter().any(|i| i == "prospect:live-1"));
    until("the document to be sent", || {
        events.borrow().iter().any(sent)
    })
    .await;
    let there = team_sync::read(&team, Some(&["prospect:live-1".to_string()]))
        .await
        .unwrap();
    assert_eq!(there[0]["_rev"], Value::from(r1.clone()));

    // Written on the team's side: received.
    let q = prospect("live-2", "办公室录入");
    team_sync::write(&team, &[doc_at(&q, None)]).await.unwrap();
    let received = |e: &SyncEvent| matches!(e, SyncEvent::Change { pull: true, ids } if ids.iter().any(|i| i == "prospect:live-2"));
    until("the document to be received", || {
        events.borrow().iter().any(received)
    })
    .await;
    until("the replication to catch up", || {
        matches!(events.borrow().last(), Some(SyncEvent::Paused(None)))
    })
    .await;
    replication.cancel();

    // Edited on both sides while apart: both versions are kept after they meet again.
    let mut here = p.clone();
    here.stage = Stage::Negotiating;
    let mut there_edit = p.clone();
    there_edit.notes = "要两万平米厂房".into();
    team_sync::write(&local, &[doc_at(&here, Some(&r1))])
        .await
        .unwrap();
    team_sync::write(&team, &[doc_at(&there_edit, Some(&r1))])
        .await
        .unwrap();
    events.borrow_mut().clear();
    let heard = events.clone();
    let again = team_sync::start(&local, &team, move |e| heard.borrow_mut().push(e));
    until("both versions to meet", || {
        events
            .borrow()
            .iter()
            .filter(|e| matches!(e, SyncEvent::Change { .. }))
            .count()
            >= 2
    })
    .await;
    let doc = team_sync::read(&local, Some(&["prospect:live-1".to_string()]))
        .await
        .unwrap()
        .remove(0);
    let others = conflict_revs(&doc);
    assert_eq!(others.len(), 1, "one other version: {doc}");
    // The three-way merge of the two, from their common ancestor, keeps both edits.
    let other = team_sync::read_rev(&local, "prospect:live-1", &others[0])
        .await
        .unwrap();
    let ancestor = team_sync::read_rev(&local, "prospect:live-1", &r1)
        .await
        .unwrap();
    let (merged, both) = propose_merge(
        record_json(&ancestor).as_ref(),
        &record_json(&doc).unwrap(),
        &record_json(&other).unwrap(),
    );
    assert!(both.is_empty(), "no field changed on both sides: {both:?}");
    assert_eq!(
        merged["stage"],
        serde_json::to_value(Stage::Negotiating).unwrap()
    );
    assert_eq!(merged["notes"], "要两万平米厂房");
    again.cancel();
}
