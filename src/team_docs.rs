//! Zones and prospects as documents of a CouchDB-protocol database: PouchDB on each device,
//! CouchDB or pouchdb-server for the team (issue 12, team sync).
//!
//! One document per record: `zone:<id>` and `prospect:<id>`. The body is the record's own
//! JSON (as in exported files) with `type` (`"zone"` or `"prospect"`) and `schema_version`
//! added; the database adds `_id` and `_rev`. Reading a document back strips those fields
//! again, refuses a body written by a newer schema ([`DocError::NewerSchema`]: never
//! applied, so nothing is half-read) and keeps the fields this version does not know, as
//! every record read does ([`crate::model::keep_unknown`]).
//!
//! [`Mirror`] is what the device's database holds as far as the app knows: each document's
//! revision and body. [`writes`] compares the app's dataset with it and returns the
//! documents to write (new, changed, deleted records); documents that arrive from the team
//! are recorded in the mirror before they are applied, so they are not sent back.
//!
//! [`propose_merge`] is the three-way merge a conflict's resolve view proposes: each field
//! from the side that changed it ([`crate::merge::merge_values`], as two tabs merge).

use serde_json::{Map, Value};

use crate::merge::{as_json, merge_values, Record, RecordKind};
use crate::model::{Dataset, Prospect, Text, Zone, SCHEMA_VERSION};
use crate::text::index::QuickMap;

/// Prefix of a zone's document id.
pub const ZONE_PREFIX: &str = "zone:";
/// Prefix of a prospect's document id.
pub const PROSPECT_PREFIX: &str = "prospect:";

/// The document id of a record: `zone:<id>` or `prospect:<id>`.
pub fn doc_id(kind: RecordKind, id: &str) -> String {
    match kind {
        RecordKind::Zone => format!("{ZONE_PREFIX}{id}"),
        RecordKind::Prospect => format!("{PROSPECT_PREFIX}{id}"),
    }
}

/// The record a document id names, or `None` for other documents (design documents,
/// anything another tool put in the database): those are left alone.
pub fn parse_doc_id(doc_id: &str) -> Option<(RecordKind, &str)> {
    if let Some(id) = doc_id.strip_prefix(ZONE_PREFIX) {
        Some((RecordKind::Zone, id))
    } else {
        doc_id
            .strip_prefix(PROSPECT_PREFIX)
            .map(|id| (RecordKind::Prospect, id))
    }
}

fn type_name(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Zone => "zone",
        RecordKind::Prospect => "prospect",
    }
}

/// The body of a record's document, without `_rev`: the record's JSON fields, `_id`,
/// `type` and `schema_version` (this version's, [`SCHEMA_VERSION`]).
pub fn to_doc<T: Record>(record: &T) -> Map<String, Value> {
    let mut body = match as_json(record) {
        Value::Object(m) => m,
        _ => Map::new(),
    };
    body.insert("_id".into(), Value::from(doc_id(T::KIND, record.id())));
    body.insert("type".into(), Value::from(type_name(T::KIND)));
    body.insert("schema_version".into(), Value::from(SCHEMA_VERSION));
    body
}

/// A document read from the database, as the app applies it.
// Short-lived values applied once; boxing the records would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Incoming {
    Zone(Zone),
    Prospect(Prospect),
    /// The document's winning revision is a deletion.
    Deleted(RecordKind, String),
}

/// Why a document could not be read as a record. Nothing of it is applied.
#[derive(Clone, Debug, PartialEq)]
pub enum DocError {
    /// Written by a newer version of the app (its `schema_version`, this version's).
    NewerSchema { found: u64, supported: u32 },
    /// Not a zone or prospect document (its id); ignored.
    NotARecord(String),
    /// The body does not read as the record its id names (the document id, the reason).
    Invalid(String, String),
}

/// Fields the database or the document format adds; not part of the record.
const DOC_FIELDS: &[&str] = &[
    "_id",
    "_rev",
    "_deleted",
    "_conflicts",
    "_revisions",
    "_attachments",
    "type",
    "schema_version",
];

/// Read a document (as the database returns it, `_id` and `_rev` included). A body with
/// `_deleted: true` is [`Incoming::Deleted`]. A body without `schema_version` is read as
/// this version's; one with a higher version is refused, as is a body whose `id` is not
/// the one its document id names.
pub fn from_doc(doc: &Value) -> Result<Incoming, DocError> {
    let doc_id = doc.get("_id").and_then(Value::as_str).unwrap_or("");
    let Some((kind, id)) = parse_doc_id(doc_id) else {
        return Err(DocError::NotARecord(doc_id.to_string()));
    };
    if doc.get("_deleted").and_then(Value::as_bool) == Some(true) {
        return Ok(Incoming::Deleted(kind, id.to_string()));
    }
    let found = doc
        .get("schema_version")
        .and_then(Value::as_u64)
        .unwrap_or(SCHEMA_VERSION as u64);
    if found > SCHEMA_VERSION as u64 {
        return Err(DocError::NewerSchema {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    let mut body = doc.as_object().cloned().unwrap_or_default();
    for f in DOC_FIELDS {
        body.remove(*f);
    }
    let body = Value::Object(body);
    let invalid = |e: serde_json::Error| DocError::Invalid(doc_id.to_string(), e.to_string());
    let incoming = match kind {
        RecordKind::Zone => {
            Incoming::Zone(crate::transfer::record::<Zone>(&body).map_err(invalid)?)
        }
        RecordKind::Prospect => {
            Incoming::Prospect(crate::transfer::record::<Prospect>(&body).map_err(invalid)?)
        }
    };
    let read_id = match &incoming {
        Incoming::Zone(z) => z.id.as_str(),
        Incoming::Prospect(p) => p.id.as_str(),
        Incoming::Deleted(_, id) => id.as_str(),
    };
    if read_id != id {
        return Err(DocError::Invalid(
            doc_id.to_string(),
            format!("its record's id is “{read_id}”"),
        ));
    }
    Ok(incoming)
}

/// The revisions a document conflicts with (its `_conflicts`, as the database returns it
/// when asked for them); empty when none.
pub fn conflict_revs(doc: &Value) -> Vec<String> {
    doc["_conflicts"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|r| r.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The body text ([`body_text`]) of the record a document holds, whatever schema it was
/// written with; `None` for a deletion, a document that is not a record, or one this
/// version cannot read.
pub fn doc_body_text(doc: &Value) -> Option<String> {
    match from_doc(doc).ok()? {
        Incoming::Zone(z) => Some(body_text(&z)),
        Incoming::Prospect(p) => Some(body_text(&p)),
        Incoming::Deleted(..) => None,
    }
}

/// Which earlier revision of a document holds exactly `here` (the body text of the
/// record on this device): `earlier` are those revisions' bodies, newest first, as the
/// device's database still holds them. When one does, the document has moved on since
/// this device last applied it (a version received and not yet applied when the tab was
/// closed), so that version is newer than the record here; the revision found is the
/// base to merge from. `None`: the record here is no earlier version, so it was edited
/// here since and is the newer one.
pub fn synced_at<'a>(here: &str, earlier: &'a [Value]) -> Option<&'a Value> {
    earlier
        .iter()
        .find(|doc| doc_body_text(doc).as_deref() == Some(here))
}

/// The generation of a revision: `3` of `3-9f1c…` (0 when unreadable).
pub fn rev_number(rev: &str) -> u64 {
    rev.split('-')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// One document of the device's database as the app last wrote or read it.
#[derive(Clone, Debug, PartialEq)]
pub struct Mirrored {
    /// Its revision (`_rev`), e.g. `3-9f1c…`.
    pub rev: String,
    /// Its body as [`to_doc`] writes it (JSON text, no `_rev`); empty for a deletion.
    pub body: String,
}

/// What the device's database holds, by document id (see the module docs).
#[derive(Clone, Debug, Default)]
pub struct Mirror {
    docs: QuickMap<String, Mirrored>,
    /// Documents this version cannot read (a newer schema, invalid): never written over.
    held: QuickMap<String, ()>,
}

impl Mirror {
    /// Record that the database holds `body` (JSON text of [`to_doc`]) at `rev` for `id`.
    pub fn set(&mut self, id: &str, rev: &str, body: String) {
        self.held.remove(id);
        self.docs.insert(
            id.to_string(),
            Mirrored {
                rev: rev.to_string(),
                body,
            },
        );
    }

    /// Never write over `id` (the database holds a version this app cannot read), until
    /// a readable version of it arrives ([`Mirror::set`]).
    pub fn hold(&mut self, id: &str) {
        self.held.insert(id.to_string(), ());
    }

    /// How many documents are held (see [`Mirror::hold`]).
    pub fn held_count(&self) -> usize {
        self.held.len()
    }

    /// Whether `id` is held (see [`Mirror::hold`]).
    pub fn is_held(&self, id: &str) -> bool {
        self.held.contains_key(id)
    }

    pub fn get(&self, id: &str) -> Option<&Mirrored> {
        self.docs.get(id)
    }
}

/// The body text [`Mirror`] compares: the document of `record`, as JSON text.
pub fn body_text<T: Record>(record: &T) -> String {
    // serde_json::to_string, not Value's Display: the same compact text, through the
    // serializer the app already has (Display compiles a second one).
    serde_json::to_string(&Value::Object(to_doc(record))).unwrap_or_default()
}

/// The documents to write so that the device's database holds `data`: every record whose
/// body differs from the mirror's (with the mirror's `_rev`, or none for a new record),
/// and a deletion (`_id`, `_rev`, `_deleted: true`) for every record document the mirror
/// holds that `data` no longer has. Each write comes with the body text to record in the
/// mirror once the database has taken it (empty for a deletion).
///
/// `synced`, when given, is the data as of the last writes that all succeeded: a record
/// equal to its version there is not serialized again (with 12,600 records, an edit costs
/// one record's JSON, not the whole dataset's).
pub fn writes(mirror: &Mirror, synced: Option<&Dataset>, data: &Dataset) -> Vec<(Value, String)> {
    let mut out = Vec::new();
    let mut present: QuickMap<String, ()> = QuickMap::default();
    let empty = Dataset::default();
    let synced = synced.unwrap_or(&empty);
    push_changed(mirror, &synced.zones, &data.zones, &mut out, &mut present);
    push_changed(
        mirror,
        &synced.prospects,
        &data.prospects,
        &mut out,
        &mut present,
    );
    let mut gone: Vec<(&String, &Mirrored)> = mirror
        .docs
        .iter()
        .filter(|(id, m)| !m.body.is_empty() && !present.contains_key(*id) && !mirror.is_held(id))
        .collect();
    crate::order::sort_by(&mut gone, |a, b| a.0.cmp(b.0));
    for (id, m) in gone {
        let mut body = Map::new();
        body.insert("_id".into(), Value::from(id.as_str()));
        body.insert("_rev".into(), Value::from(m.rev.as_str()));
        body.insert("_deleted".into(), Value::Bool(true));
        out.push((Value::Object(body), String::new()));
    }
    out
}

fn push_changed<T: Record>(
    mirror: &Mirror,
    synced: &[T],
    records: &[T],
    out: &mut Vec<(Value, String)>,
    present: &mut QuickMap<String, ()>,
) {
    let before: QuickMap<&str, &T> = synced.iter().map(|r| (r.id(), r)).collect();
    for r in records {
        let id = doc_id(T::KIND, r.id());
        if mirror.is_held(&id) {
            present.insert(id, ());
            continue;
        }
        let known = mirror.get(&id);
        if known.is_some() && before.get(r.id()).is_some_and(|b| *b == r) {
            present.insert(id, ());
            continue;
        }
        let mut body = to_doc(r);
        let text = serde_json::to_string(&Value::Object(body.clone())).unwrap_or_default();
        if known.is_some_and(|m| m.body == text) {
            present.insert(id, ());
            continue;
        }
        if let Some(m) = known {
            body.insert("_rev".into(), Value::from(m.rev.as_str()));
        }
        present.insert(id, ());
        out.push((Value::Object(body), text));
    }
}

/// A document's record fields as JSON: the document fields (`_id`, `_rev`, `type`,
/// `schema_version`…) stripped. `None` for a deletion or a body that is not an object.
pub fn record_json(doc: &Value) -> Option<Value> {
    if doc.get("_deleted").and_then(Value::as_bool) == Some(true) {
        return None;
    }
    let mut body = doc.as_object()?.clone();
    for f in DOC_FIELDS {
        body.remove(*f);
    }
    Some(Value::Object(body))
}

/// The proposed resolution of a conflict between two versions of a record, as JSON
/// (`kept`, the database's current winner, and `other`), both descended from `base`
/// (their common ancestor, or `None` when the database no longer holds it): each field
/// from the side that changed it; a field both changed differently keeps `kept`'s value
/// and is listed (JSON paths such as `notes` or `must_have.factory`). Without a base every
/// field that differs is such a field. On JSON values, so one copy serves zones and
/// prospects; the caller reads the result as its record type.
pub fn propose_merge(base: Option<&Value>, kept: &Value, other: &Value) -> (Value, Vec<String>) {
    let empty = Value::Object(Map::new());
    let mut conflicts = Vec::new();
    // `merge_values` gives "ours" the fields both changed: the kept version here.
    let merged = merge_values(base.unwrap_or(&empty), kept, other, "", &mut conflicts);
    (merged, conflicts)
}

/// Where a device syncs: the team database's URL (`https://couch.example.org/zonematch`,
/// `http://127.0.0.1:5984/zonematch`), a user and a password. Kept on the device
/// (`zonematch.sync`), never in exported files.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TeamServer {
    pub url: String,
    pub user: String,
    pub password: String,
}

impl TeamServer {
    /// Check what was typed: the URL must be `http://` or `https://` with a host and a
    /// database name after it (CouchDB database names start with a lowercase letter).
    /// The error is bilingual, for the form.
    pub fn checked(url: &str, user: &str, password: &str) -> Result<TeamServer, Text> {
        let url = url.trim().trim_end_matches('/');
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"));
        let Some(rest) = rest else {
            return Err(Text::new(
                "服务器地址应以 http:// 或 https:// 开头，例如 https://couch.example.org/zonematch",
                "The server address must start with http:// or https://, e.g. https://couch.example.org/zonematch",
            ));
        };
        let (host, db) = rest.split_once('/').unwrap_or((rest, ""));
        let db_ok = db.chars().next().is_some_and(|c| c.is_ascii_lowercase()) && !db.contains('/');
        if host.is_empty() || !db_ok {
            return Err(Text::new(
                "地址后应有团队数据库名（小写字母开头），例如 https://couch.example.org/zonematch",
                "Add the team database's name (starting with a lowercase letter) to the address, e.g. https://couch.example.org/zonematch",
            ));
        }
        if user.trim().is_empty() != password.is_empty() {
            return Err(Text::new(
                "用户名和密码应同时填写（或都不填）",
                "Fill in both the user name and the password (or neither)",
            ));
        }
        Ok(TeamServer {
            url: url.to_string(),
            user: user.trim().to_string(),
            password: password.to_string(),
        })
    }

    /// As stored on the device: three lines, URL, user, password.
    pub fn to_lines(&self) -> String {
        format!("{}\n{}\n{}", self.url, self.user, self.password)
    }

    /// Read what [`TeamServer::to_lines`] wrote; anything else is `None`.
    pub fn from_lines(text: &str) -> Option<TeamServer> {
        let mut parts = text.splitn(3, '\n');
        let (url, user, password) = (parts.next()?, parts.next()?, parts.next()?);
        TeamServer::checked(url, user, password).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Stage;

    fn prospect(id: &str, notes: &str) -> Prospect {
        Prospect {
            id: id.into(),
            name: "宁德锂电配套".into(),
            notes: notes.into(),
            ..Default::default()
        }
    }

    fn zone(id: &str) -> Zone {
        Zone {
            id: id.into(),
            name: Text::new("苏州工业园区", "Suzhou Industrial Park"),
            ..Default::default()
        }
    }

    #[test]
    fn ids_name_the_record_and_other_documents_are_left_alone() {
        assert_eq!(doc_id(RecordKind::Zone, "sip"), "zone:sip");
        assert_eq!(doc_id(RecordKind::Prospect, "p:1"), "prospect:p:1");
        assert_eq!(
            parse_doc_id("prospect:p:1"),
            Some((RecordKind::Prospect, "p:1"))
        );
        assert_eq!(parse_doc_id("zone:sip"), Some((RecordKind::Zone, "sip")));
        assert_eq!(parse_doc_id("_design/x"), None);
        assert_eq!(parse_doc_id("settings"), None);
    }

    #[test]
    fn a_record_round_trips_through_its_document() {
        let mut p = prospect("p1", "见面于广交会");
        p.stage = Stage::Negotiating;
        p.extra.insert("future_field".into(), Value::from(7));
        let mut doc = Value::Object(to_doc(&p));
        assert_eq!(doc["_id"], "prospect:p1");
        assert_eq!(doc["type"], "prospect");
        assert_eq!(doc["schema_version"], SCHEMA_VERSION);
        doc["_rev"] = Value::from("2-abc");
        doc["_conflicts"] = Value::from(vec!["2-def"]);
        assert_eq!(from_doc(&doc), Ok(Incoming::Prospect(p)));

        let z = zone("sip");
        let doc = Value::Object(to_doc(&z));
        assert_eq!(doc["type"], "zone");
        assert_eq!(from_doc(&doc), Ok(Incoming::Zone(z)));
    }

    #[test]
    fn a_document_of_an_earlier_schema_reads_and_a_newer_one_is_refused() {
        let old = serde_json::json!({
            "_id": "prospect:p9", "_rev": "1-x", "type": "prospect", "schema_version": 1,
            "id": "p9", "name": "旧记录", "industry": "新能源汽车"
        });
        match from_doc(&old) {
            Ok(Incoming::Prospect(p)) => {
                assert_eq!(p.name, "旧记录");
                assert!(
                    p.extra.is_empty(),
                    "no document field leaks into the record"
                );
            }
            other => panic!("{other:?}"),
        }
        let newer = serde_json::json!({
            "_id": "prospect:p9", "type": "prospect", "schema_version": SCHEMA_VERSION + 1,
            "id": "p9", "name": "新记录"
        });
        assert_eq!(
            from_doc(&newer),
            Err(DocError::NewerSchema {
                found: SCHEMA_VERSION as u64 + 1,
                supported: SCHEMA_VERSION
            })
        );
    }

    #[test]
    fn deletions_foreign_documents_and_mismatched_ids() {
        let gone = serde_json::json!({"_id": "zone:sip", "_rev": "3-a", "_deleted": true});
        assert_eq!(
            from_doc(&gone),
            Ok(Incoming::Deleted(RecordKind::Zone, "sip".into()))
        );
        let design = serde_json::json!({"_id": "_design/app", "views": {}});
        assert!(matches!(from_doc(&design), Err(DocError::NotARecord(_))));
        let wrong = serde_json::json!({"_id": "prospect:a", "id": "b", "name": "x"});
        assert!(matches!(from_doc(&wrong), Err(DocError::Invalid(..))));
        let broken = serde_json::json!({"_id": "prospect:a", "id": "a", "jobs": "many"});
        assert!(matches!(from_doc(&broken), Err(DocError::Invalid(..))));
    }

    #[test]
    fn writes_are_the_new_changed_and_deleted_records_only() {
        let mut data = Dataset {
            schema_version: SCHEMA_VERSION,
            zones: vec![zone("sip")],
            prospects: vec![prospect("p1", "a"), prospect("p2", "b")],
        };
        let mut mirror = Mirror::default();
        let first = writes(&mirror, None, &data);
        assert_eq!(first.len(), 3, "everything is new");
        assert!(first.iter().all(|(doc, _)| doc.get("_rev").is_none()));
        for (i, (doc, text)) in first.iter().enumerate() {
            mirror.set(
                doc["_id"].as_str().unwrap(),
                &format!("1-{i}"),
                text.clone(),
            );
        }
        assert!(writes(&mirror, None, &data).is_empty(), "nothing changed");

        data.prospects[0].notes = "edited".into();
        data.prospects.remove(1);
        let w = writes(&mirror, None, &data);
        assert_eq!(w.len(), 2);
        assert_eq!(w[0].0["_id"], "prospect:p1");
        assert_eq!(
            w[0].0["_rev"], "1-1",
            "an update names the revision it replaces"
        );
        assert_eq!(w[0].0["notes"], "edited");
        assert_eq!(w[1].0["_id"], "prospect:p2");
        assert_eq!(w[1].0["_deleted"], true);
        assert_eq!(w[1].0["_rev"], "1-2");
        assert_eq!(w[1].1, "", "a deletion records no body");
    }

    #[test]
    fn records_unchanged_since_the_last_writes_are_not_serialized_again() {
        let data = Dataset {
            schema_version: SCHEMA_VERSION,
            zones: vec![zone("sip")],
            prospects: vec![prospect("p1", "a")],
        };
        let mut mirror = Mirror::default();
        // The mirror holds a stale body for p1, but p1 equals its synced version: skipped.
        mirror.set("zone:sip", "1-a", body_text(&data.zones[0]));
        mirror.set("prospect:p1", "1-b", String::from("{}"));
        assert!(writes(&mirror, Some(&data), &data).is_empty());
        // Without the synced snapshot the stale body is noticed and rewritten.
        let w = writes(&mirror, None, &data);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].0["_id"], "prospect:p1");
        // A record edited since is written even with the snapshot.
        let mut edited = data.clone();
        edited.prospects[0].notes = "b".into();
        let w = writes(&mirror, Some(&data), &edited);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].0["notes"], "b");
    }

    #[test]
    fn a_document_this_version_cannot_read_is_never_written_over() {
        let data = Dataset {
            schema_version: SCHEMA_VERSION,
            zones: vec![],
            prospects: vec![prospect("p1", "here")],
        };
        let mut mirror = Mirror::default();
        mirror.hold("prospect:p1");
        assert!(writes(&mirror, None, &data).is_empty());
        // A readable version arrives: it is compared (and written over) as any other.
        mirror.set("prospect:p1", "7-x", String::from("{}"));
        assert_eq!(writes(&mirror, None, &data).len(), 1);
    }

    #[test]
    fn a_document_received_from_the_team_is_not_sent_back() {
        let p = prospect("p1", "from tablet B");
        let mut mirror = Mirror::default();
        mirror.set("prospect:p1", "4-b", body_text(&p));
        let data = Dataset {
            schema_version: SCHEMA_VERSION,
            zones: vec![],
            prospects: vec![p],
        };
        assert!(writes(&mirror, None, &data).is_empty());
    }

    #[test]
    fn a_conflict_merges_field_by_field_from_the_common_ancestor() {
        let base = prospect("p1", "met at the fair");
        let mut a = base.clone();
        a.stage = Stage::Contacted;
        let mut b = base.clone();
        b.notes = "wants 20,000 m² by spring".into();
        let merge = |base: Option<&Prospect>, kept: &Prospect, other: &Prospect| {
            let (v, conflicts) =
                propose_merge(base.map(as_json).as_ref(), &as_json(kept), &as_json(other));
            (crate::transfer::record::<Prospect>(&v).unwrap(), conflicts)
        };
        let (merged, conflicts) = merge(Some(&base), &a, &b);
        assert_eq!(merged.stage, Stage::Contacted, "A's stage");
        assert_eq!(merged.notes, "wants 20,000 m² by spring", "B's notes");
        assert!(conflicts.is_empty());

        // Both changed the stage differently: the kept version's stage, named.
        let mut c = b.clone();
        c.stage = Stage::Negotiating;
        let (merged, conflicts) = merge(Some(&base), &a, &c);
        assert_eq!(merged.stage, Stage::Contacted);
        assert_eq!(merged.notes, "wants 20,000 m² by spring");
        assert_eq!(conflicts, vec!["stage".to_string()]);

        // No ancestor: every differing field keeps the kept version's value, and is named.
        let (merged, conflicts) = merge(None, &a, &c);
        assert_eq!(merged, a);
        assert!(
            conflicts.contains(&"stage".to_string()) && conflicts.contains(&"notes".to_string())
        );
    }

    #[test]
    fn conflicting_revisions_are_read_from_the_document() {
        let doc =
            serde_json::json!({"_id": "prospect:p1", "_rev": "3-c", "_conflicts": ["3-a", "2-b"]});
        assert_eq!(
            conflict_revs(&doc),
            vec!["3-a".to_string(), "2-b".to_string()]
        );
        assert!(conflict_revs(&serde_json::json!({"_id": "prospect:p1"})).is_empty());
        assert_eq!(rev_number("3-a"), 3);
        assert_eq!(rev_number("12-9f1c"), 12);
        assert_eq!(rev_number("unreadable"), 0);
    }

    #[test]
    fn a_documents_record_fields_are_its_body_without_the_document_fields() {
        let p = prospect("p1", "x");
        let mut doc = Value::Object(to_doc(&p));
        doc["_rev"] = Value::from("3-c");
        assert_eq!(record_json(&doc), Some(as_json(&p)));
        let gone = serde_json::json!({"_id": "prospect:p1", "_rev": "4-d", "_deleted": true});
        assert_eq!(record_json(&gone), None);
    }

    #[test]
    fn a_version_received_and_not_applied_is_told_from_an_edit_made_here() {
        let v1 = prospect("p1", "宁德锂电配套");
        let mut v2 = v1.clone();
        v2.notes = "要两万平米厂房".into();
        let mut v3 = v2.clone();
        v3.notes = "明年春天投产".into();
        let rev = |n: u32, body: Map<String, Value>| {
            let mut d = body;
            d.insert("_rev".into(), Value::from(format!("{n}-abc")));
            Value::Object(d)
        };
        // The device's database holds v3, received on top of v2 and v1.
        let earlier = vec![rev(2, to_doc(&v2)), rev(1, to_doc(&v1))];
        // The record here is v2: the newest earlier version it equals is the base.
        let found = synced_at(&body_text(&v2), &earlier).expect("v2 is an earlier version");
        assert_eq!(found["_rev"], "2-abc");
        assert_eq!(
            synced_at(&body_text(&v1), &earlier).unwrap()["_rev"],
            "1-abc"
        );
        // Edited here since: no earlier version holds it.
        let mut edited = v2.clone();
        edited.stage = crate::model::Stage::Signed;
        assert!(synced_at(&body_text(&edited), &earlier).is_none());
        // An earlier version written by an earlier schema still compares by its record.
        let mut old = to_doc(&v1);
        old.insert("schema_version".into(), Value::from(1));
        assert!(synced_at(&body_text(&v1), &[rev(1, old)]).is_some());
        // Deletions and unreadable versions match nothing.
        let gone = serde_json::json!({"_id": "prospect:p1", "_rev": "2-x", "_deleted": true});
        assert_eq!(doc_body_text(&gone), None);
        let newer = serde_json::json!({"_id": "prospect:p1", "_rev": "2-y", "schema_version": 999});
        assert_eq!(doc_body_text(&newer), None);
    }

    #[test]
    fn a_server_address_is_checked_and_kept_as_three_lines() {
        let s =
            TeamServer::checked(" http://127.0.0.1:5984/zonematch/ ", "tablet-a", "pw\nx").unwrap();
        assert_eq!(s.url, "http://127.0.0.1:5984/zonematch");
        assert_eq!(TeamServer::from_lines(&s.to_lines()), Some(s));
        assert!(TeamServer::checked("couch.example.org/zonematch", "", "").is_err());
        assert!(TeamServer::checked("https://couch.example.org", "", "").is_err());
        assert!(TeamServer::checked("https://couch.example.org/Team", "", "").is_err());
        assert!(TeamServer::checked("https://couch.example.org/zm", "anna", "").is_err());
        assert!(TeamServer::checked("https://couch.example.org/zm", "", "").is_ok());
        assert_eq!(TeamServer::from_lines("garbage"), None);
    }
}
