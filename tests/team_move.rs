//! Team sync's first write (issue 12): a device whose data was stored by any earlier
//! version of the app moves every record to the team's database whole. For each
//! `schema_version` before this one there is a stored dataset of exactly that version's
//! shape: version 1 is a file written by version 1 (tests/fixtures/v1-export.json); 2 to 4
//! are the demo zones and a pipeline of prospects with only the fields each version had
//! (tests/fixtures/schema-shape.json). Each is loaded as the app loads its stored copy,
//! and the documents the first connection writes are checked record by record.

use serde_json::{Map, Value};
use zonematch::demo::demo_dataset;
use zonematch::model::{Dataset, SCHEMA_VERSION};
use zonematch::team_docs::{from_doc, writes, Incoming, Mirror};
use zonematch::transfer::{export_json, import_json, load_stored};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The record type a nested field holds, by the type that holds it.
fn nested(owner: &str, field: &str) -> Option<&'static str> {
    Some(match (owner, field) {
        ("Zone", "clusters") => "Cluster",
        ("Zone", "contacts") => "Contact",
        ("Zone", "factory") => "FactorySpace",
        ("Zone", "incentives") => "Incentive",
        ("Cluster", "links") => "ChainLink",
        ("Prospect", "must_have") => "MustHave",
        ("Prospect", "stage_history") => "StageMark",
        _ => return None,
    })
}

/// `value` (a record of type `owner`, or a list of them) with only the fields `shape`
/// lists for its type, at every level.
fn prune(value: &Value, owner: &str, shape: &Value) -> Value {
    match value {
        Value::Array(items) => Value::Array(items.iter().map(|v| prune(v, owner, shape)).collect()),
        Value::Object(fields) => {
            let Some(known) = shape[owner].as_array() else {
                return value.clone();
            };
            let keep: Vec<&str> = known.iter().filter_map(Value::as_str).collect();
            let mut out = Map::new();
            for (k, v) in fields {
                if !keep.contains(&k.as_str()) {
                    continue;
                }
                let v = match nested(owner, k) {
                    Some(inner) => prune(v, inner, shape),
                    None => v.clone(),
                };
                out.insert(k.clone(), v);
            }
            Value::Object(out)
        }
        other => other.clone(),
    }
}

/// The stored datasets of every earlier schema: (version, stored text).
fn earlier_datasets() -> Vec<(u32, String)> {
    let shapes: Value = serde_json::from_str(&fixture("fixtures/schema-shape.json")).unwrap();
    let mut full: Dataset = demo_dataset();
    full.prospects = import_json(&fixture("e2e/fixtures/pipeline.json"))
        .unwrap()
        .prospects;
    let file: Value = serde_json::from_str(&export_json(&full, "2026-11-01T00:00:00Z")).unwrap();
    let mut out = vec![(1, fixture("fixtures/v1-export.json"))];
    for v in 2..SCHEMA_VERSION {
        let shape = &shapes[v.to_string()];
        assert!(shape.is_object(), "schema-shape.json has version {v}");
        let mut old = file.clone();
        old["zones"] = prune(&file["zones"], "Zone", shape);
        old["prospects"] = prune(&file["prospects"], "Prospect", shape);
        old["schema_version"] = Value::from(v);
        // Fields a later version added are gone (a zone's level came with version 5).
        assert!(old["zones"][0].get("level").is_none());
        assert!(file["zones"][0].get("level").is_some());
        out.push((v, old.to_string()));
    }
    out
}

/// Whether `doc` holds everything `stored` does: the same scalars (numbers by value), lists of the same
/// length, objects with at least the same fields (a later version adds fields with their
/// defaults, at any level).
fn holds(doc: &Value, stored: &Value) -> bool {
    match (doc, stored) {
        (Value::Object(d), Value::Object(s)) => s
            .iter()
            .all(|(k, v)| d.get(k).is_some_and(|dv| holds(dv, v))),
        (Value::Array(d), Value::Array(s)) => {
            d.len() == s.len() && d.iter().zip(s).all(|(a, b)| holds(a, b))
        }
        // 1200000 stored, 1200000.0 written: the same number (m², 万元 are f64).
        (Value::Number(d), Value::Number(s)) => d.as_f64() == s.as_f64(),
        (d, s) => d == s,
    }
}

#[test]
fn data_stored_by_every_earlier_version_moves_to_the_team_database_whole() {
    let datasets = earlier_datasets();
    assert_eq!(datasets.len() as u32, SCHEMA_VERSION - 1);
    for (version, stored) in datasets {
        let original: Value = serde_json::from_str(&stored).unwrap();
        let data = load_stored(&stored)
            .unwrap_or_else(|e| panic!("version {version} loads: {:?}", e.problems));
        assert!(!data.zones.is_empty() && !data.prospects.is_empty());

        // The first connection: the device's database is empty, so every record is written.
        let docs = writes(&Mirror::default(), None, &data);
        assert_eq!(
            docs.len(),
            data.zones.len() + data.prospects.len(),
            "version {version}: one document per record"
        );
        for (doc, _) in &docs {
            assert_eq!(doc["schema_version"], Value::from(SCHEMA_VERSION));
            assert!(doc.get("_rev").is_none(), "new documents");
        }
        let doc_of = |id: &str| {
            docs.iter()
                .map(|(d, _)| d)
                .find(|d| d["_id"] == id)
                .unwrap_or_else(|| panic!("version {version}: no document {id}"))
        };
        for (list, prefix) in [("zones", "zone:"), ("prospects", "prospect:")] {
            for record in original[list].as_array().unwrap() {
                let id = record["id"].as_str().unwrap();
                let doc = doc_of(&format!("{prefix}{id}"));
                // Every field the earlier version stored is in the document, unchanged.
                for (field, value) in record.as_object().unwrap() {
                    assert!(
                        holds(&doc[field], value),
                        "version {version}: {prefix}{id} field {field}: {} against {value}",
                        doc[field]
                    );
                }
                // And the document reads back as the record the device holds.
                match from_doc(doc).unwrap() {
                    Incoming::Zone(z) => {
                        assert_eq!(Some(&z), data.zones.iter().find(|r| r.id == id))
                    }
                    Incoming::Prospect(p) => {
                        assert_eq!(Some(&p), data.prospects.iter().find(|r| r.id == id))
                    }
                    Incoming::Deleted(..) => panic!("not a deletion"),
                }
            }
        }
    }
}
