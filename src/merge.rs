//! Three-way merge of datasets: what this tab holds (`ours`), what another tab saved
//! meanwhile (`theirs`), and the stored generation both started from (`base`).
//!
//! The outcome, per record (zone or prospect, matched by id):
//! - changed on one side only: that side's version;
//! - changed on both sides: field by field, each field from the side that changed it;
//!   a field both changed differently takes this tab's value (the later save), and the
//!   other tab's whole record is returned in [`MergeNote::set_aside`] so it can be kept;
//! - deleted on one side and edited on the other: the edited record is kept (an edit is
//!   never lost to a concurrent delete; deleting it again is one more tap);
//! - deleted on one side and unchanged on the other: deleted.
//!
//! Fields are compared as JSON values: objects (e.g. `factory`, `must_have`, names) merge
//! key by key; lists (clusters, incentives, contacts) are one value each.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::model::{Dataset, KeepsUnknown, Prospect, Text, Zone};
use crate::text::index::QuickMap;

/// Which list a record belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordKind {
    Zone,
    Prospect,
}

/// What the merge did to one record that both sides touched.
#[derive(Clone, Debug, PartialEq)]
pub enum MergeOutcome {
    /// Both sides edited it; `conflicts` are the fields both changed differently (this
    /// tab's value kept), as JSON paths such as `notes` or `factory.available_m2`.
    BothEdited { conflicts: Vec<String> },
    /// One side deleted it while the other edited it: kept, with the edit.
    EditKeptOverDelete,
}

/// One record the merge had to decide about, for the message shown to the user.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeNote {
    pub kind: RecordKind,
    pub id: String,
    /// The record's name as shown in lists.
    pub name: Text,
    pub outcome: MergeOutcome,
    /// The other tab's version when one of its fields lost a conflict, as JSON: kept
    /// aside by the caller so that neither edit vanishes without trace.
    pub set_aside: Option<Value>,
}

/// A record as a JSON value. Through the JSON text (the serializer the app already has for
/// files and storage) rather than `serde_json::to_value`, which would compile a second
/// serializer for every record type into the wasm; merges are rare, bytes are not.
pub fn as_json<T: Serialize>(record: &T) -> Value {
    serde_json::to_string(record)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or(Value::Null)
}

/// A record that can be merged: identified by `id`, shown by `label` (in both languages).
pub trait Record: Clone + PartialEq + Serialize + DeserializeOwned + KeepsUnknown {
    const KIND: RecordKind;
    fn id(&self) -> &str;
    fn label(&self) -> Text;
}

impl Record for Zone {
    const KIND: RecordKind = RecordKind::Zone;
    fn id(&self) -> &str {
        &self.id
    }
    fn label(&self) -> Text {
        Text::new(self.name.zh.trim(), self.name.en.trim())
    }
}

impl Record for Prospect {
    const KIND: RecordKind = RecordKind::Prospect;
    fn id(&self) -> &str {
        &self.id
    }
    fn label(&self) -> Text {
        let name = if self.name.trim().is_empty() {
            self.industry.trim()
        } else {
            self.name.trim()
        };
        Text::new(name, name)
    }
}

/// Merge `ours` and `theirs`, both descended from `base` (see the module docs). Records
/// keep `theirs`' order, followed by records only `ours` has, in `ours`' order.
pub fn merge_datasets(
    base: &Dataset,
    ours: &Dataset,
    theirs: &Dataset,
) -> (Dataset, Vec<MergeNote>) {
    let mut notes = Vec::new();
    let zones = merge_records(&base.zones, &ours.zones, &theirs.zones, &mut notes);
    let prospects = merge_records(
        &base.prospects,
        &ours.prospects,
        &theirs.prospects,
        &mut notes,
    );
    (
        Dataset {
            schema_version: ours.schema_version.max(theirs.schema_version),
            zones,
            prospects,
        },
        notes,
    )
}

/// Records by id (the matching index's map type, so no second hash map is compiled).
struct ById<'a, T>(&'a [T], QuickMap<String, u32>);

impl<'a, T: Record> ById<'a, T> {
    fn new(list: &'a [T]) -> Self {
        let mut map = QuickMap::default();
        for (i, r) in list.iter().enumerate() {
            map.entry(r.id().to_string()).or_insert(i as u32);
        }
        Self(list, map)
    }
    fn get(&self, id: &str) -> Option<&'a T> {
        self.1.get(id).map(|&i| &self.0[i as usize])
    }
    fn contains_key(&self, id: &str) -> bool {
        self.1.contains_key(id)
    }
}

/// The keys of two JSON objects, each once: `first`'s, then those only `second` has.
fn union_keys<'a>(
    first: &'a Map<String, Value>,
    second: &'a Map<String, Value>,
) -> Vec<&'a String> {
    let mut keys: Vec<&String> = first.keys().collect();
    keys.extend(second.keys().filter(|k| !first.contains_key(*k)));
    keys
}

/// The three-way merge of one list of records.
pub fn merge_records<T: Record>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    notes: &mut Vec<MergeNote>,
) -> Vec<T> {
    let (b, o, t) = (ById::new(base), ById::new(ours), ById::new(theirs));
    let note = |r: &T, outcome, set_aside| MergeNote {
        kind: T::KIND,
        id: r.id().to_string(),
        name: r.label(),
        outcome,
        set_aside,
    };
    let mut out = Vec::with_capacity(theirs.len().max(ours.len()));
    for their in theirs {
        let id = their.id();
        match (b.get(id), o.get(id)) {
            // Added by the other tab, or unchanged here.
            (None, None) => out.push(their.clone()),
            (Some(base), None) => {
                // Deleted here: the delete stands unless the other tab edited it.
                if base != their {
                    notes.push(note(their, MergeOutcome::EditKeptOverDelete, None));
                    out.push(their.clone());
                }
            }
            (base, Some(our)) => {
                if base == Some(our) || our == their {
                    out.push(their.clone());
                } else if base == Some(their) {
                    out.push(our.clone());
                } else {
                    // Both changed it (or both added the same id): field by field.
                    let (merged, conflicts) = merge_record(base, our, their);
                    let set_aside = (!conflicts.is_empty()).then(|| as_json(their));
                    notes.push(note(our, MergeOutcome::BothEdited { conflicts }, set_aside));
                    out.push(merged);
                }
            }
        }
    }
    for our in ours {
        if t.contains_key(our.id()) {
            continue;
        }
        match b.get(our.id()) {
            // Added here.
            None => out.push(our.clone()),
            // Deleted by the other tab: the delete stands unless this tab edited it.
            Some(base) => {
                if base != our {
                    notes.push(note(our, MergeOutcome::EditKeptOverDelete, None));
                    out.push(our.clone());
                }
            }
        }
    }
    out
}

/// Field-by-field merge of one record changed on both sides; this tab's value wins a
/// conflict. Falls back to this tab's version if the merged fields do not form a valid
/// record (they always should: every field comes whole from a valid record).
fn merge_record<T: Record>(base: Option<&T>, ours: &T, theirs: &T) -> (T, Vec<String>) {
    let b = base.map(as_json).unwrap_or(Value::Object(Map::new()));
    let mut conflicts = Vec::new();
    let merged = merge_values(&b, &as_json(ours), &as_json(theirs), "", &mut conflicts);
    match crate::transfer::record::<T>(&merged) {
        Ok(r) => (r, conflicts),
        Err(_) => (ours.clone(), vec![String::from("*")]),
    }
}

/// Three-way merge of JSON values: objects key by key, anything else whole.
pub fn merge_values(
    base: &Value,
    ours: &Value,
    theirs: &Value,
    path: &str,
    conflicts: &mut Vec<String>,
) -> Value {
    if ours == base || ours == theirs {
        return theirs.clone();
    }
    if theirs == base {
        return ours.clone();
    }
    let empty = Map::new();
    match (ours, theirs) {
        (Value::Object(o), Value::Object(t)) => {
            let b = base.as_object().unwrap_or(&empty);
            let mut out = Map::new();
            for key in union_keys(t, o) {
                let child = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                let get = |m: &Map<String, Value>| m.get(key).cloned().unwrap_or(Value::Null);
                let v = merge_values(&get(b), &get(o), &get(t), &child, conflicts);
                if !v.is_null() || o.contains_key(key) || t.contains_key(key) {
                    out.insert(key.clone(), v);
                }
            }
            Value::Object(out)
        }
        _ => {
            conflicts.push(path.to_string());
            ours.clone()
        }
    }
}

/// A record an action would replace, and the fields of it that would change.
#[derive(Clone, Debug, PartialEq)]
pub struct Overwrite {
    pub kind: RecordKind,
    pub id: String,
    pub name: Text,
    /// JSON names of the top-level fields that differ (see [`changed_fields`]).
    pub fields: Vec<String>,
}

/// What writing `incoming` over `current` (by id) would do: the records it would
/// overwrite with their changed fields, and the names of those it would add. Records
/// that are equal are neither.
pub fn overwrites<T: Record>(current: &[T], incoming: &[T]) -> (Vec<Overwrite>, Vec<Text>) {
    let now = ById::new(current);
    let mut changed = Vec::new();
    let mut added = Vec::new();
    for new in incoming {
        match now.get(new.id()) {
            None => added.push(new.label()),
            Some(old) if old == new => {}
            Some(old) => changed.push(Overwrite {
                kind: T::KIND,
                id: new.id().to_string(),
                name: old.label(),
                fields: changed_fields(old, new),
            }),
        }
    }
    (changed, added)
}

/// The top-level fields in which `after` differs from `before` (JSON names, e.g.
/// `clusters`, `factory`), to say exactly what an action would overwrite.
pub fn changed_fields<T: Serialize>(before: &T, after: &T) -> Vec<String> {
    let (Value::Object(b), Value::Object(a)) = (as_json(before), as_json(after)) else {
        return Vec::new();
    };
    union_keys(&b, &a)
        .into_iter()
        .filter(|k| b.get(*k) != a.get(*k))
        .map(|k| k.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Stage;

    fn prospect(id: &str, name: &str) -> Prospect {
        Prospect {
            id: id.into(),
            name: name.into(),
            industry: "动力电池".into(),
            ..Default::default()
        }
    }

    fn data(prospects: Vec<Prospect>) -> Dataset {
        Dataset {
            schema_version: crate::model::SCHEMA_VERSION,
            zones: Vec::new(),
            prospects,
        }
    }

    #[test]
    fn edits_to_different_fields_of_one_record_both_survive() {
        let base = data(vec![prospect("p", "甲")]);
        let mut ours = base.clone();
        ours.prospects[0].stage = Stage::Negotiating;
        let mut theirs = base.clone();
        theirs.prospects[0].notes = "另一个标签页的备注".into();
        let (merged, notes) = merge_datasets(&base, &ours, &theirs);
        assert_eq!(merged.prospects[0].stage, Stage::Negotiating);
        assert_eq!(merged.prospects[0].notes, "另一个标签页的备注");
        assert_eq!(
            notes[0].outcome,
            MergeOutcome::BothEdited {
                conflicts: Vec::new()
            }
        );
        assert_eq!(notes[0].set_aside, None);
    }

    #[test]
    fn a_field_both_changed_keeps_ours_and_sets_theirs_aside() {
        let base = data(vec![prospect("p", "甲")]);
        let mut ours = base.clone();
        ours.prospects[0].notes = "本页".into();
        let mut theirs = base.clone();
        theirs.prospects[0].notes = "另一页".into();
        theirs.prospects[0].investment_wan = Some(500.0);
        let (merged, notes) = merge_datasets(&base, &ours, &theirs);
        assert_eq!(merged.prospects[0].notes, "本页");
        assert_eq!(merged.prospects[0].investment_wan, Some(500.0));
        assert_eq!(
            notes[0].outcome,
            MergeOutcome::BothEdited {
                conflicts: vec!["notes".into()]
            }
        );
        let kept = notes[0].set_aside.as_ref().unwrap();
        assert_eq!(kept["notes"], "另一页");
    }

    #[test]
    fn nested_fields_merge_key_by_key() {
        let mut z = Zone {
            id: "z".into(),
            ..Default::default()
        };
        z.name.zh = "园区".into();
        let base = Dataset {
            zones: vec![z],
            ..Default::default()
        };
        let mut ours = base.clone();
        ours.zones[0].factory.available_m2 = Some(8_000.0);
        let mut theirs = base.clone();
        theirs.zones[0].factory.built_m2 = Some(100_000.0);
        let (merged, notes) = merge_datasets(&base, &ours, &theirs);
        assert_eq!(merged.zones[0].factory.available_m2, Some(8_000.0));
        assert_eq!(merged.zones[0].factory.built_m2, Some(100_000.0));
        assert!(
            matches!(&notes[0].outcome, MergeOutcome::BothEdited { conflicts } if conflicts.is_empty())
        );
    }

    #[test]
    fn an_edit_wins_over_a_concurrent_delete_on_either_side() {
        let base = data(vec![prospect("p", "甲"), prospect("q", "乙")]);
        // This tab deleted p; the other tab edited it.
        let mut ours = base.clone();
        ours.prospects.retain(|p| p.id != "p");
        let mut theirs = base.clone();
        theirs.prospects[0].stage = Stage::Signed;
        let (merged, notes) = merge_datasets(&base, &ours, &theirs);
        assert_eq!(merged.prospect("p").unwrap().stage, Stage::Signed);
        assert_eq!(notes[0].outcome, MergeOutcome::EditKeptOverDelete);
        // The other tab deleted p; this tab edited it.
        let (merged, notes) = merge_datasets(&base, &theirs, &ours);
        assert_eq!(merged.prospect("p").unwrap().stage, Stage::Signed);
        assert_eq!(notes[0].outcome, MergeOutcome::EditKeptOverDelete);
    }

    #[test]
    fn an_unopposed_delete_and_additions_on_both_sides_apply() {
        let base = data(vec![prospect("p", "甲"), prospect("q", "乙")]);
        let mut ours = base.clone();
        ours.prospects.retain(|p| p.id != "p");
        ours.prospects.push(prospect("mine", "本页新增"));
        let mut theirs = base.clone();
        theirs.prospects.push(prospect("theirs", "另一页新增"));
        let (merged, notes) = merge_datasets(&base, &ours, &theirs);
        let ids: Vec<&str> = merged.prospects.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["q", "theirs", "mine"]);
        assert!(notes.is_empty());
    }

    #[test]
    fn unchanged_sides_take_the_other() {
        let base = data(vec![prospect("p", "甲")]);
        let mut theirs = base.clone();
        theirs.prospects[0].name = "甲（改）".into();
        assert_eq!(merge_datasets(&base, &base, &theirs).0, theirs);
        assert_eq!(merge_datasets(&base, &theirs, &base).0, theirs);
        assert!(merge_datasets(&base, &theirs, &theirs).1.is_empty());
    }

    #[test]
    fn unknown_fields_merge_too() {
        let base = data(vec![prospect("p", "甲")]);
        let mut ours = base.clone();
        ours.prospects[0].notes = "本页".into();
        let mut theirs = base.clone();
        // A field this version does not know (code_name was one until schema 3).
        theirs.prospects[0]
            .extra
            .insert("site_visit".into(), Value::from("蓝鲸"));
        let (merged, _) = merge_datasets(&base, &ours, &theirs);
        assert_eq!(merged.prospects[0].extra["site_visit"], "蓝鲸");
        assert_eq!(merged.prospects[0].notes, "本页");
    }

    #[test]
    fn overwrites_name_records_and_fields() {
        let current = vec![prospect("p", "甲"), prospect("q", "乙")];
        let mut edited = current[0].clone();
        edited.notes = "新备注".into();
        let incoming = vec![edited, current[1].clone(), prospect("r", "丙")];
        let (changed, added) = overwrites(&current, &incoming);
        assert_eq!(changed.len(), 1);
        assert_eq!(
            (changed[0].name.zh.as_str(), changed[0].fields.clone()),
            ("甲", vec!["notes".to_string()])
        );
        assert_eq!(added, [Text::new("丙", "丙")]);
    }

    #[test]
    fn changed_fields_names_what_differs() {
        let a = prospect("p", "甲");
        let mut b = a.clone();
        b.notes = "x".into();
        b.factory_m2 = Some(1.0);
        assert_eq!(changed_fields(&a, &b), ["factory_m2", "notes"]);
        assert!(changed_fields(&a, &a).is_empty());
    }
}
