//! The one module that touches PouchDB (npm `pouchdb` 9, `pouchdb.min.js`, copied next to
//! index.html by the build and precached by the service worker): loading its script, the
//! device's database, writes, reads and the live two-way replication with the team's
//! CouchDB-protocol server. Team sync (issue 12) is optional: nothing here runs, and the
//! script is not even fetched, until a server is configured.
//!
//! Values cross as JSON text (`JSON.parse` / `JSON.stringify`), so no second serializer is
//! compiled in; no string is ever handed to PouchDB as code (the Content-Security-Policy has
//! no `unsafe-eval`).

use js_sys::{Function, Object, Promise, Reflect, JSON};
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::model::Text;
use crate::team_docs::{rev_number, TeamServer};
use crate::text::index::QuickMap;

/// PouchDB's browser build, next to index.html.
const SCRIPT_URL: &str = "pouchdb.min.js";
/// The device's database (IndexedDB `_pouch_zonematch-team`).
const LOCAL_NAME: &str = "zonematch-team";

#[wasm_bindgen]
extern "C" {
    /// A PouchDB database: the device's, or the team server's over HTTP.
    #[wasm_bindgen(js_name = PouchDB)]
    #[derive(Clone, Debug)]
    pub type Pouch;
    #[wasm_bindgen(constructor, js_class = "PouchDB", catch)]
    fn open(name: &str, options: &JsValue) -> Result<Pouch, JsValue>;
    #[wasm_bindgen(method, js_name = bulkDocs)]
    fn bulk_docs(this: &Pouch, docs: &JsValue) -> Promise;
    #[wasm_bindgen(method, js_name = allDocs)]
    fn all_docs(this: &Pouch, options: &JsValue) -> Promise;
    #[wasm_bindgen(method, js_name = get)]
    fn get_doc(this: &Pouch, id: &str, options: &JsValue) -> Promise;
    #[wasm_bindgen(method, js_name = bulkGet)]
    fn bulk_get(this: &Pouch, options: &JsValue) -> Promise;
    #[wasm_bindgen(method, js_name = info)]
    fn info(this: &Pouch) -> Promise;
    #[wasm_bindgen(method, js_name = sync)]
    fn sync_with(this: &Pouch, remote: &Pouch, options: &JsValue) -> Replication;

    /// A running replication (an event emitter).
    pub type Replication;
    #[wasm_bindgen(method, js_name = on)]
    fn on(this: &Replication, event: &str, handler: &Function) -> Replication;
    #[wasm_bindgen(method)]
    pub fn cancel(this: &Replication);
}

/// Why a call to PouchDB or the server failed: the HTTP status when there was one
/// (401 wrong user or password, 404 no such database), PouchDB's error name and message.
#[derive(Clone, Debug, PartialEq)]
pub struct PouchError {
    pub status: u16,
    pub name: String,
    pub message: String,
}

impl PouchError {
    fn from_js(e: &JsValue) -> PouchError {
        let text = |k: &str| {
            Reflect::get(e, &JsValue::from_str(k))
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default()
        };
        let status = Reflect::get(e, &JsValue::from_str("status"))
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0) as u16;
        let mut message = text("message");
        if message.is_empty() {
            message = text("reason");
        }
        PouchError {
            status,
            name: text("name"),
            message,
        }
    }

    /// What the user is told, in both languages.
    pub fn text(&self) -> Text {
        match (self.status, self.name.as_str()) {
            (401, _) | (_, "unauthorized") => Text::new(
                "服务器拒绝了用户名或密码：请检查后重新连接",
                "The server refused the user name or password: check them and connect again",
            ),
            (403, _) | (_, "forbidden") => Text::new(
                "此用户无权写入团队数据库：请管理员授权",
                "This user may not write to the team database: ask its administrator",
            ),
            (404, _) | (_, "not_found") => Text::new(
                "服务器上没有这个团队数据库：请检查地址最后的数据库名",
                "There is no such team database on the server: check the database name at the end of the address",
            ),
            (_, "QuotaExceededError") | (_, "quota_exceeded") => Text::new(
                "本机存储已满，同步副本无法写入：本机数据仍在，请清理空间",
                "This device's storage is full, so the sync copy cannot be written: the data on this device is kept; free some space",
            ),
            _ => Text::new(
                &format!("同步出错：{}", self.describe()),
                &format!("Sync error: {}", self.describe()),
            ),
        }
    }

    fn describe(&self) -> String {
        match (self.status, self.message.is_empty()) {
            (0, true) => self.name.clone(),
            (0, false) => self.message.clone(),
            (s, true) => format!("HTTP {s} {}", self.name),
            (s, false) => format!("HTTP {s} {}", self.message),
        }
    }
}

fn js_json(v: &Value) -> JsValue {
    // serde_json::to_string, not Value's Display: the same compact text, through the
    // serializer the app already has (Display compiles a second one).
    JSON::parse(&serde_json::to_string(v).unwrap_or_default()).unwrap_or(JsValue::NULL)
}

fn rust_json(v: &JsValue) -> Value {
    JSON::stringify(v)
        .ok()
        .and_then(|s| s.as_string())
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(Value::Null)
}

async fn wait(p: Promise) -> Result<Value, PouchError> {
    JsFuture::from(p)
        .await
        .map(|v| rust_json(&v))
        .map_err(|e| PouchError::from_js(&e))
}

/// Load PouchDB's script (once; later calls find it loaded). Fails when the script is not
/// cached and the device is offline.
pub async fn load_script() -> Result<(), Text> {
    let window = web_sys::window().ok_or_else(script_failed)?;
    if Reflect::has(&window, &JsValue::from_str("PouchDB")).unwrap_or(false) {
        return Ok(());
    }
    let document = window.document().ok_or_else(script_failed)?;
    let script = document
        .create_element("script")
        .map_err(|_| script_failed())?;
    script
        .set_attribute("src", SCRIPT_URL)
        .map_err(|_| script_failed())?;
    let loaded = Promise::new(&mut |resolve, reject| {
        let _ = Reflect::set(&script, &JsValue::from_str("onload"), &resolve);
        let _ = Reflect::set(&script, &JsValue::from_str("onerror"), &reject);
    });
    document
        .head()
        .ok_or_else(script_failed)?
        .append_child(&script)
        .map_err(|_| script_failed())?;
    JsFuture::from(loaded).await.map_err(|_| script_failed())?;
    Ok(())
}

fn script_failed() -> Text {
    Text::new(
        "无法加载同步组件（可能是离线且尚未缓存）：请联网后重试",
        "Could not load the sync component (offline before it was cached?): connect and try again",
    )
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

/// The device's database. Call after [`load_script`].
pub fn open_local() -> Result<Pouch, PouchError> {
    Pouch::open(LOCAL_NAME, &options(&[])).map_err(|e| PouchError::from_js(&e))
}

/// The team database on the server (not contacted until used; never created: it must
/// exist, see the README's "Team sync").
pub fn open_remote(server: &TeamServer) -> Result<Pouch, PouchError> {
    let mut pairs = vec![("skip_setup", JsValue::TRUE)];
    if !server.user.is_empty() {
        pairs.push((
            "auth",
            options(&[
                ("username", JsValue::from_str(&server.user)),
                ("password", JsValue::from_str(&server.password)),
            ]),
        ));
    }
    Pouch::open(&server.url, &options(&pairs)).map_err(|e| PouchError::from_js(&e))
}

/// Check that the team database answers (right address, user and password).
pub async fn check(remote: &Pouch) -> Result<(), PouchError> {
    wait(remote.info()).await.map(|_| ())
}

/// The outcome of one document of a bulk write: its id and new revision, or the error
/// (409 when the revision written was no longer the latest: read again and retry).
pub type WriteResult = (String, Result<String, PouchError>);

/// Write documents in one request; one result per document, in order.
pub async fn write(db: &Pouch, docs: &[Value]) -> Result<Vec<WriteResult>, PouchError> {
    let reply = wait(db.bulk_docs(&js_json(&Value::Array(docs.to_vec())))).await?;
    let rows = reply.as_array().cloned().unwrap_or_default();
    Ok(rows
        .iter()
        .map(|r| {
            let id = r["id"].as_str().unwrap_or("").to_string();
            let outcome = match r["rev"].as_str() {
                Some(rev) if r.get("error").is_none() => Ok(rev.to_string()),
                _ => Err(PouchError {
                    status: r["status"].as_u64().unwrap_or(0) as u16,
                    name: r["error"]
                        .as_str()
                        .or(r["name"].as_str())
                        .unwrap_or("")
                        .into(),
                    message: r["reason"]
                        .as_str()
                        .or(r["message"].as_str())
                        .unwrap_or("")
                        .into(),
                }),
            };
            (id, outcome)
        })
        .collect())
}

/// The current (winning) version of documents, with the revisions they conflict with
/// (`_conflicts`): every document when `ids` is `None`. A deleted document comes back as
/// `{_id, _rev, _deleted: true}`; an id the database never had is left out.
pub async fn read(db: &Pouch, ids: Option<&[String]>) -> Result<Vec<Value>, PouchError> {
    let mut pairs = vec![
        ("include_docs", JsValue::TRUE),
        ("conflicts", JsValue::TRUE),
    ];
    if let Some(ids) = ids {
        pairs.push((
            "keys",
            js_json(&Value::Array(
                ids.iter().map(|i| Value::from(i.as_str())).collect(),
            )),
        ));
    }
    let reply = wait(db.all_docs(&options(&pairs))).await?;
    let rows = reply["rows"].as_array().cloned().unwrap_or_default();
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            if row["value"]["deleted"].as_bool() == Some(true) {
                let mut gone = serde_json::Map::new();
                gone.insert("_id".into(), row["id"].clone());
                gone.insert("_rev".into(), row["value"]["rev"].clone());
                gone.insert("_deleted".into(), Value::Bool(true));
                return Some(Value::Object(gone));
            }
            match row.get("doc") {
                Some(doc) if doc.is_object() => Some(doc.clone()),
                _ => None,
            }
        })
        .collect())
}

/// One revision of a document (a conflicting one, or an ancestor while the database still
/// holds it).
pub async fn read_rev(db: &Pouch, id: &str, rev: &str) -> Result<Value, PouchError> {
    wait(db.get_doc(id, &options(&[("rev", JsValue::from_str(rev))]))).await
}

/// The revisions of a document's current version, newest first (`3-c…`, `2-b…`, `1-a…`),
/// to find the common ancestor of two conflicting versions.
pub async fn history(db: &Pouch, id: &str, rev: &str) -> Result<Vec<String>, PouchError> {
    let doc = wait(db.get_doc(
        id,
        &options(&[("rev", JsValue::from_str(rev)), ("revs", JsValue::TRUE)]),
    ))
    .await?;
    Ok(revision_chain(&doc))
}

/// The revisions of a document read with `revs: true` (its `_revisions`), newest first.
fn revision_chain(doc: &Value) -> Vec<String> {
    let start = doc["_revisions"]["start"].as_u64().unwrap_or(0);
    doc["_revisions"]["ids"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, h)| Some(format!("{}-{}", start.checked_sub(i as u64)?, h.as_str()?)))
        .collect()
}

/// The earlier revisions of documents, as the database still holds them: for each
/// `(id, rev)` in `docs`, in the same order, the id and the bodies of up to `depth`
/// revisions before `rev`, newest first. Revisions whose body the database does not hold
/// (received from the team without it, or never there) are left out, as is a document
/// that cannot be read. Two requests whatever the number of documents; `Err` when either
/// fails.
pub async fn earlier(
    db: &Pouch,
    docs: &[(String, String)],
    depth: usize,
) -> Result<Vec<(String, Vec<Value>)>, PouchError> {
    let request = |pairs: Vec<Value>, revs: bool| {
        options(&[
            ("docs", js_json(&Value::Array(pairs))),
            ("revs", JsValue::from_bool(revs)),
        ])
    };
    let pair = |id: &str, rev: &str| serde_json::json!({ "id": id, "rev": rev });
    let found = |result: &Value| -> Option<Value> {
        result["docs"]
            .as_array()?
            .iter()
            .find_map(|d| d.get("ok").filter(|ok| ok.is_object()).cloned())
    };
    let current = wait(db.bulk_get(&request(
        docs.iter().map(|(id, rev)| pair(id, rev)).collect(),
        true,
    )))
    .await?;
    let mut wanted = Vec::new();
    for result in current["results"].as_array().into_iter().flatten() {
        let Some(doc) = found(result) else { continue };
        let id = doc["_id"].as_str().unwrap_or("");
        for rev in revision_chain(&doc).iter().skip(1).take(depth) {
            wanted.push(pair(id, rev));
        }
    }
    let mut out: Vec<(String, Vec<Value>)> = docs
        .iter()
        .map(|(id, _)| (id.clone(), Vec::new()))
        .collect();
    if wanted.is_empty() {
        return Ok(out);
    }
    let at: QuickMap<String, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (id.clone(), i))
        .collect();
    let bodies = wait(db.bulk_get(&request(wanted, false))).await?;
    for result in bodies["results"].as_array().into_iter().flatten() {
        let (Some(doc), Some(&i)) = (
            found(result),
            result["id"].as_str().and_then(|id| at.get(id)),
        ) else {
            continue;
        };
        out[i].1.push(doc);
    }
    // PouchDB returns several revisions of one document in no set order.
    for (_, list) in &mut out {
        list.sort_by_key(|d| std::cmp::Reverse(rev_number(d["_rev"].as_str().unwrap_or(""))));
    }
    Ok(out)
}

/// What the replication reports.
#[derive(Clone, Debug, PartialEq)]
pub enum SyncEvent {
    /// Documents were sent (`push`) or received (`pull`): their ids.
    Change { pull: bool, ids: Vec<String> },
    /// Sending or receiving.
    Active,
    /// Caught up (`None`), or waiting to retry after an error (the server unreachable).
    Paused(Option<PouchError>),
    /// The server refused a document (its validation or permissions).
    Denied(PouchError),
    /// Stopped for good (wrong password, no database): the error.
    Error(PouchError),
    /// Sending (`pull: false`) or receiving failed and waits to retry: the error. (The
    /// two-way sync itself then pauses without saying why.)
    Failed { pull: bool, error: PouchError },
}

/// Start the live two-way replication between the device's database and the team's, with
/// retry; `on_event` hears everything it reports. Cancel the returned replication to stop.
/// The closures live as long as the page (a connection is made a few times at most).
pub fn start(local: &Pouch, remote: &Pouch, on_event: impl Fn(SyncEvent) + 'static) -> Replication {
    let on_event = std::rc::Rc::new(on_event);
    let replication = local.sync_with(
        remote,
        &options(&[
            ("live", JsValue::TRUE),
            ("retry", JsValue::TRUE),
            // 500 documents a request (PouchDB's default is 100): a first sync of 12,600
            // records takes 26 requests each way rather than 126.
            ("batch_size", JsValue::from(500)),
        ]),
    );
    let handler = |f: Box<dyn Fn(JsValue)>| Closure::<dyn Fn(JsValue)>::wrap(f).into_js_value();
    let e = on_event.clone();
    replication.on(
        "change",
        handler(Box::new(move |info: JsValue| {
            let info = rust_json(&info);
            let pull = info["direction"].as_str() == Some("pull");
            let ids = info["change"]["docs"]
                .as_array()
                .map(|docs| {
                    docs.iter()
                        .filter_map(|d| d["_id"].as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            e(SyncEvent::Change { pull, ids });
        }))
        .unchecked_ref(),
    );
    let e = on_event.clone();
    replication.on(
        "active",
        handler(Box::new(move |_| e(SyncEvent::Active))).unchecked_ref(),
    );
    let e = on_event.clone();
    replication.on(
        "paused",
        handler(Box::new(move |err: JsValue| {
            let err = (!err.is_undefined() && !err.is_null()).then(|| PouchError::from_js(&err));
            e(SyncEvent::Paused(err));
        }))
        .unchecked_ref(),
    );
    let e = on_event.clone();
    replication.on(
        "denied",
        handler(Box::new(move |err: JsValue| {
            e(SyncEvent::Denied(PouchError::from_js(&err)))
        }))
        .unchecked_ref(),
    );
    for (direction, pull) in [("push", false), ("pull", true)] {
        let Ok(one_way) = Reflect::get(&replication, &JsValue::from_str(direction)) else {
            continue;
        };
        if one_way.is_undefined() {
            continue;
        }
        let one_way: Replication = one_way.unchecked_into();
        let e = on_event.clone();
        one_way.on(
            "paused",
            handler(Box::new(move |err: JsValue| {
                if !err.is_undefined() && !err.is_null() {
                    e(SyncEvent::Failed {
                        pull,
                        error: PouchError::from_js(&err),
                    });
                }
            }))
            .unchecked_ref(),
        );
    }
    let e = on_event;
    replication.on(
        "error",
        handler(Box::new(move |err: JsValue| {
            e(SyncEvent::Error(PouchError::from_js(&err)))
        }))
        .unchecked_ref(),
    );
    replication
}
