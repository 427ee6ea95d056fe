//! Moving data between devices: the JSON file format (export and import), also used for
//! what is kept in browser storage.
//!
//! Import is all or nothing: [`import_json`] validates the whole file and returns either a
//! complete [`Dataset`] or every problem found, each with a message in both languages.
//!
//! ```
//! use zonematch::transfer::{export_json, import_json};
//! let data = zonematch::demo::demo_dataset();
//! let file = export_json(&data, "2026-11-27T10:00:00Z");
//! assert_eq!(import_json(&file).unwrap(), data);
//! assert!(import_json("{ not json").is_err());
//! ```

use serde::Serialize;
use serde_json::Value;

use crate::model::{Dataset, Lang, Prospect, Text, Zone, SCHEMA_VERSION};
// Sets of ids as the maps the team sync keeps (one hashing code in the wasm, not std's too).
use crate::text::index::QuickMap;

/// The `format` field that marks a ZoneMatch file.
pub const FORMAT_TAG: &str = "zonematch";

/// Largest file accepted (bytes). A national catalogue (~2,600 zones) with 10,000
/// prospects is a few MB of JSON; anything far beyond is not ours.
pub const MAX_IMPORT_BYTES: usize = 32 * 1024 * 1024;

/// Most problems listed for one file: past this the user needs a different file, not a
/// longer list.
const MAX_PROBLEMS: usize = 50;

/// The file as written: the dataset plus the format tag and the export time.
#[derive(Serialize)]
pub struct DataFile<'a> {
    format: &'static str,
    schema_version: u32,
    exported_at: &'a str,
    zones: &'a [Zone],
    prospects: &'a [Prospect],
    /// Save counter, only in browser storage: lets a tab see that another tab has saved.
    #[serde(skip_serializing_if = "Option::is_none")]
    revision: Option<u64>,
}

/// The serialisable file for `data`; storage writes this same shape.
pub fn data_file<'a>(data: &'a Dataset, exported_at: &'a str) -> DataFile<'a> {
    DataFile {
        format: FORMAT_TAG,
        schema_version: SCHEMA_VERSION,
        exported_at,
        zones: &data.zones,
        prospects: &data.prospects,
        revision: None,
    }
}

/// The whole dataset as a pretty-printed JSON file.
pub fn export_json(data: &Dataset, exported_at: &str) -> String {
    serde_json::to_string_pretty(&data_file(data, exported_at)).unwrap_or_default()
}

/// Stored JSON longer than this (in bytes) is deflated: below it, plain JSON is small
/// enough and stays readable in the browser's developer tools.
pub const COMPRESS_ABOVE_BYTES: usize = 1_000_000;

/// Marks a deflated stored value: `ZMZ1:<revision>:<byte count>:` then 15 bits per
/// character. The revision sits outside the packed body so that checking whether another
/// tab has saved (on every save) does not inflate the whole dataset.
const PACKED_PREFIX: &str = "ZMZ1:";

/// Deflate level: 3 gives ~9× on catalogue JSON in ~30 ms native; 6 gains 7% for twice
/// the time, paid on every save.
const DEFLATE_LEVEL: u8 = 3;

/// Largest inflated value accepted: a damaged or hostile value must not expand without
/// bound.
const MAX_INFLATED_BYTES: usize = 4 * MAX_IMPORT_BYTES;

/// Compact form, as kept in browser storage, with its save counter: plain JSON, or for
/// large datasets deflated JSON packed 15 bits per character (every code unit below the
/// surrogate range, so any browser stores it as is).
pub fn encode_stored(data: &Dataset, revision: u64) -> String {
    let mut file = data_file(data, "");
    file.revision = Some(revision);
    let json = serde_json::to_string(&file).unwrap_or_default();
    if json.len() <= COMPRESS_ABOVE_BYTES {
        return json;
    }
    let deflated = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), DEFLATE_LEVEL);
    format!(
        "{PACKED_PREFIX}{revision}:{}:{}",
        deflated.len(),
        pack15(&deflated)
    )
}

/// The JSON text of a stored value (inflating a packed one).
pub fn decode_stored(raw: &str) -> Result<std::borrow::Cow<'_, str>, ImportError> {
    let Some(rest) = raw.strip_prefix(PACKED_PREFIX) else {
        return Ok(std::borrow::Cow::Borrowed(raw));
    };
    let damaged = || {
        ImportError::one(
            ImportErrorKind::NotJson,
            Text::new(
                "保存的压缩数据已损坏",
                "The stored compressed data is damaged",
            ),
        )
    };
    let (_revision, rest) = rest.split_once(':').ok_or_else(damaged)?;
    let (len, body) = rest.split_once(':').ok_or_else(damaged)?;
    let len: usize = len.parse().map_err(|_| damaged())?;
    let bytes = unpack15(body, len).ok_or_else(damaged)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, MAX_INFLATED_BYTES)
        .map_err(|_| damaged())?;
    String::from_utf8(json)
        .map(std::borrow::Cow::Owned)
        .map_err(|_| damaged())
}

/// Bytes as characters carrying 15 bits each (U+0000-U+7FFF).
fn pack15(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 8 / 15 * 3 + 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            out.push(char::from_u32((acc >> bits) & 0x7FFF).unwrap_or('\0'));
            acc &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        out.push(char::from_u32((acc << (15 - bits)) & 0x7FFF).unwrap_or('\0'));
    }
    out
}

/// Inverse of [`pack15`]; `None` for characters outside the packing range or a length
/// that does not match.
fn unpack15(text: &str, len: usize) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(len.min(MAX_INFLATED_BYTES));
    let (mut acc, mut bits) = (0u64, 0u32);
    for c in text.chars() {
        let v = c as u32;
        if v > 0x7FFF || out.len() == len {
            // Outside the packing range, or characters after the last byte.
            return None;
        }
        acc = (acc << 15) | u64::from(v);
        bits += 15;
        while bits >= 8 && out.len() < len {
            bits -= 8;
            out.push(((acc >> bits) & 0xFF) as u8);
        }
        acc &= (1u64 << bits) - 1;
    }
    (out.len() == len).then_some(out)
}

/// What can be saved from a stored value that failed validation: every record that is
/// valid on its own (the first of duplicate ids), and how many were dropped. `None` when
/// the value is not even readable JSON of a version this app knows.
pub fn salvage(raw: &str) -> Option<(Dataset, usize)> {
    let json = decode_stored(raw).ok()?;
    let value: Value = serde_json::from_str(&json).ok()?;
    let obj = value.as_object()?;
    let version = obj.get("schema_version")?.as_u64()?;
    if version == 0 || version > u64::from(SCHEMA_VERSION) {
        return None;
    }
    let mut dropped = 0;
    let mut keep = |key: &str, check: &dyn Fn(&Value) -> bool| -> Vec<Value> {
        let items = obj
            .get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let mut ids: QuickMap<String, ()> = QuickMap::default();
        items
            .into_iter()
            .filter(|item| {
                let id = item
                    .get("id")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string();
                let ok = item.is_object() && check(item) && ids.insert(id, ()).is_none();
                if !ok {
                    dropped += 1;
                }
                ok
            })
            .collect()
    };
    let zone_ok = |v: &Value| {
        record::<Zone>(v).is_ok_and(|z| {
            let mut p = Vec::new();
            validate_zones(std::slice::from_ref(&z), &mut p);
            p.is_empty()
        })
    };
    let prospect_ok = |v: &Value| {
        record::<Prospect>(v).is_ok_and(|x| {
            let mut p = Vec::new();
            validate_prospects(std::slice::from_ref(&x), &mut p);
            p.is_empty()
        })
    };
    let zones: Vec<Zone> = keep("zones", &zone_ok)
        .iter()
        .filter_map(|v| record::<Zone>(v).ok())
        .collect();
    let prospects: Vec<Prospect> = keep("prospects", &prospect_ok)
        .iter()
        .filter_map(|v| record::<Prospect>(v).ok())
        .collect();
    Some((
        Dataset {
            schema_version: SCHEMA_VERSION,
            zones,
            prospects,
        },
        dropped,
    ))
}

/// Parse and validate a stored value (plain or packed).
pub fn load_stored(raw: &str) -> Result<Dataset, ImportError> {
    import_json(&decode_stored(raw)?)
}

/// The save counter of a stored value (0 when absent or unreadable).
pub fn stored_revision(raw: &str) -> u64 {
    #[derive(serde::Deserialize)]
    struct Meta {
        #[serde(default)]
        revision: u64,
    }
    if let Some(rest) = raw.strip_prefix(PACKED_PREFIX) {
        return rest
            .split_once(':')
            .and_then(|(r, _)| r.parse().ok())
            .unwrap_or(0);
    }
    serde_json::from_str::<Meta>(raw)
        .map(|m| m.revision)
        .unwrap_or(0)
}

/// Why a file was refused: every problem found, in both languages.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportError {
    pub kind: ImportErrorKind,
    pub problems: Vec<Text>,
}

/// The broad class of an import failure, for callers that react differently (storage keeps
/// a newer-version file untouched rather than quarantining it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportErrorKind {
    TooLarge,
    NotJson,
    NotZoneMatch,
    NewerVersion,
    Invalid,
}

impl ImportError {
    fn one(kind: ImportErrorKind, text: Text) -> Self {
        Self {
            kind,
            problems: vec![text],
        }
    }
}

/// Decode a picked file's bytes as UTF-8 text, refusing other encodings with a clear
/// message instead of importing garbled names.
pub fn decode_utf8(bytes: &[u8]) -> Result<&str, ImportError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ImportError::one(
            ImportErrorKind::NotJson,
            Text::new(
                "文件是 UTF-16 编码，请另存为 UTF-8 后再导入",
                "The file is UTF-16; save it as UTF-8 and import again",
            ),
        ));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        ImportError::one(
            ImportErrorKind::NotJson,
            Text::new(
                &format!(
                    "文件不是 UTF-8 编码（第 {} 字节起无法识别）",
                    e.valid_up_to() + 1
                ),
                &format!(
                    "The file is not UTF-8 (unreadable from byte {})",
                    e.valid_up_to() + 1
                ),
            ),
        )
    })
}

/// [`import_json`] on a file's raw bytes (see [`decode_utf8`]).
pub fn import_json_bytes(bytes: &[u8]) -> Result<Dataset, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return import_json(&" ".repeat(MAX_IMPORT_BYTES + 1));
    }
    import_json(decode_utf8(bytes)?)
}

/// Parse and validate a ZoneMatch JSON file.
pub fn import_json(text: &str) -> Result<Dataset, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::one(
            ImportErrorKind::TooLarge,
            Text::new(
                &format!("文件过大（上限 {} MB）", MAX_IMPORT_BYTES / 1024 / 1024),
                &format!(
                    "File too large (limit {} MB)",
                    MAX_IMPORT_BYTES / 1024 / 1024
                ),
            ),
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::one(
            ImportErrorKind::NotJson,
            Text::new("文件是空的", "The file is empty"),
        ));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        ImportError::one(
            ImportErrorKind::NotJson,
            Text::new(
                &format!(
                    "不是有效的 JSON 文件（第 {} 行第 {} 列）",
                    e.line(),
                    e.column()
                ),
                &format!(
                    "Not a valid JSON file (line {}, column {})",
                    e.line(),
                    e.column()
                ),
            ),
        )
    })?;
    let Value::Object(obj) = value else {
        return Err(not_ours());
    };
    if let Some(tag) = obj.get("format") {
        if tag.as_str() != Some(FORMAT_TAG) {
            return Err(not_ours());
        }
    }
    let version = match obj.get("schema_version").and_then(Value::as_u64) {
        Some(v) => v,
        None => return Err(not_ours()),
    };
    if version > SCHEMA_VERSION as u64 {
        return Err(ImportError::one(
            ImportErrorKind::NewerVersion,
            Text::new(
                &format!(
                    "文件格式版本 {version} 比本应用（{SCHEMA_VERSION}）新，请先更新应用"
                ),
                &format!(
                    "The file's format version {version} is newer than this app's ({SCHEMA_VERSION}); update the app first"
                ),
            ),
        ));
    }
    if version == 0 {
        return Err(not_ours());
    }
    let obj = migrate(version as u32, obj);
    let mut problems = Vec::new();
    let zones: Vec<Zone> = parse_list(&obj, "zones", ("园区", "Zone"), &mut problems);
    let prospects: Vec<Prospect> =
        parse_list(&obj, "prospects", ("意向企业", "Prospect"), &mut problems);
    validate_zones(&zones, &mut problems);
    validate_prospects(&prospects, &mut problems);
    if problems.is_empty() {
        Ok(Dataset {
            schema_version: SCHEMA_VERSION,
            zones,
            prospects,
        })
    } else {
        problems.truncate(MAX_PROBLEMS);
        Err(ImportError {
            kind: ImportErrorKind::Invalid,
            problems,
        })
    }
}

/// What importing a valid file would do, shown before anything changes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportPlan {
    pub zones_added: usize,
    pub zones_updated: usize,
    pub zones_unchanged: usize,
    pub prospects_added: usize,
    pub prospects_updated: usize,
    pub prospects_unchanged: usize,
    /// New records whose name matches an existing record with another id: probably the
    /// same zone or enterprise entered twice. Imported as new records; listed to check.
    pub conflicts: Vec<Text>,
    /// Records the import would overwrite, with the fields that would change: what the
    /// user is asked to confirm losing.
    pub overwrites: Vec<crate::merge::Overwrite>,
}

/// Compare an incoming dataset with the current one: records are matched by id; a new id
/// with an existing name is a conflict to check.
pub fn plan_import(current: &Dataset, incoming: &Dataset) -> ImportPlan {
    let mut plan = ImportPlan {
        overwrites: crate::merge::overwrites(&current.zones, &incoming.zones).0,
        ..Default::default()
    };
    plan.overwrites
        .extend(crate::merge::overwrites(&current.prospects, &incoming.prospects).0);
    for z in &incoming.zones {
        match current.zone(&z.id) {
            Some(old) if old == z => plan.zones_unchanged += 1,
            Some(_) => plan.zones_updated += 1,
            None => {
                plan.zones_added += 1;
                let same_name = current.zones.iter().find(|o| {
                    (!z.name.zh.is_empty() && o.name.zh == z.name.zh)
                        || (!z.name.en.is_empty() && o.name.en == z.name.en)
                });
                if let Some(o) = same_name {
                    plan.conflicts.push(Text::new(
                        &format!(
                            "园区“{}”（{}）与本机已有的“{}”（{}）同名",
                            z.name.get(Lang::Zh),
                            z.id,
                            o.name.get(Lang::Zh),
                            o.id
                        ),
                        &format!(
                            "Zone “{}” ({}) has the same name as “{}” ({}) on this device",
                            z.name.get(Lang::En),
                            z.id,
                            o.name.get(Lang::En),
                            o.id
                        ),
                    ));
                }
            }
        }
    }
    for p in &incoming.prospects {
        match current.prospect(&p.id) {
            Some(old) if old == p => plan.prospects_unchanged += 1,
            Some(_) => plan.prospects_updated += 1,
            None => {
                plan.prospects_added += 1;
                if let Some(o) = current
                    .prospects
                    .iter()
                    .find(|o| !p.name.trim().is_empty() && o.name.trim() == p.name.trim())
                {
                    plan.conflicts.push(Text::new(
                        &format!(
                            "意向企业“{}”（{}）与本机已有记录（{}）同名",
                            p.name, p.id, o.id
                        ),
                        &format!(
                            "Prospect “{}” ({}) has the same name as a record on this device ({})",
                            p.name, p.id, o.id
                        ),
                    ));
                }
            }
        }
    }
    plan
}

/// Bring a file of an earlier `schema_version` to the current shape, one version at a
/// time. Every step is listed, even when it changes nothing, so that the history of the
/// format is in one place.
fn migrate(from: u32, mut obj: serde_json::Map<String, Value>) -> serde_json::Map<String, Value> {
    // Each step takes a file of version v to v + 1.
    // 1 → 2: codes, restricted industries, incentive eligibility and must-haves were added
    // with defaults, so version 1 records read unchanged: no step body is needed.
    // 2 → 3: code name, amount texts, stage history and standing were added with defaults
    // (an empty history: the dates stages were reached before were never recorded).
    // 3 → 4: a zone's national catalogue code was added, default empty.
    // 4 → 5: a zone's level, approval date and approved planning area (公顷) were added,
    // default empty (tables imported from the catalogue's layout fill them).
    debug_assert!(from <= SCHEMA_VERSION);
    obj.insert("schema_version".into(), Value::from(SCHEMA_VERSION));
    obj
}

fn not_ours() -> ImportError {
    ImportError::one(
        ImportErrorKind::NotZoneMatch,
        Text::new(
            "不是园区招商匹配的数据文件：应选择本应用“导出全部数据（JSON）”生成的备份文件",
            "Not a ZoneMatch data file: choose a backup written by “Export all data (JSON)”",
        ),
    )
}

/// Parse each element of a top-level array on its own, so that errors name the record.
fn parse_list<T: serde::de::DeserializeOwned + crate::model::KeepsUnknown>(
    obj: &serde_json::Map<String, Value>,
    key: &str,
    (what_zh, what_en): (&str, &str),
    problems: &mut Vec<Text>,
) -> Vec<T> {
    let Some(Value::Array(items)) = obj.get(key) else {
        problems.push(Text::new(
            &format!("缺少“{key}”列表"),
            &format!("The “{key}” list is missing"),
        ));
        return Vec::new();
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        // serde would also build a record from an array of its fields; a file that does
        // that is not ours.
        if !item.is_object() {
            problems.push(Text::new(
                &format!("{what_zh}第 {} 条不是对象", i + 1),
                &format!(
                    "{what_en} {} is not a record (a JSON object in braces)",
                    i + 1
                ),
            ));
            continue;
        }
        match record::<T>(item) {
            Ok(v) => out.push(v),
            Err(e) => {
                let msg = e.to_string();
                // Past MAX_PROBLEMS the problem is cut from the list anyway: skip the search.
                let mut field = if problems.len() < MAX_PROBLEMS {
                    fault_path(item, &msg, &|v| {
                        T::deserialize(v).err().map(|e| e.to_string())
                    })
                } else {
                    String::new()
                };
                let top_level = field.is_empty();
                if top_level {
                    // A missing field is reported at its parent: name the field itself.
                    field = msg
                        .strip_prefix("missing field `")
                        .and_then(|r| r.split('`').next())
                        .unwrap_or("")
                        .to_string();
                }
                let (zh, en) = explain_serde(&msg);
                let en = if top_level && msg.starts_with("missing field") {
                    format!("{what_en} {}: {en}", i + 1)
                } else {
                    format!("{what_en} {}, field “{field}”: {en}", i + 1)
                };
                problems.push(Text::new(
                    &format!("{what_zh}第 {} 条，字段“{field}”：{zh}", i + 1),
                    &en,
                ));
            }
        }
    }
    out
}

/// Deserialize one record from a JSON value, keeping the fields this version does not
/// know ([`crate::model::keep_unknown`]). Every record in the app goes through this one
/// function, so the (large) deserializer of each record type is compiled once. On error,
/// [`fault_path`] finds the field at fault without a second deserializer.
pub fn record<T: serde::de::DeserializeOwned + crate::model::KeepsUnknown>(
    item: &Value,
) -> Result<T, serde_json::Error> {
    let mut r = T::deserialize(item)?;
    crate::model::keep_unknown(&mut r, item);
    Ok(r)
}

/// Most records tried while looking for the field at fault; then the path found so far
/// is named. A normal record needs well under 100.
const FAULT_TRIALS: usize = 200;

/// One step of a path into a record: an object's key or a list's index.
enum Step {
    Key(String),
    Index(usize),
}

/// Where in the record `item` the serde error `msg` arose, written as the import messages
/// always have: `factory_m2`, `must_have.factory`, `clusters[2].links[0].name`. Empty when
/// nothing inside the record is at fault, as when a required field of the record itself
/// is missing (the caller names that field from the message). `error_of` tells how a
/// candidate record fails, if it does; it is the only part that knows the record type.
///
/// Found by elimination, so that no second, path-tracking deserializer (serde_path_to_error,
/// ~35 KB of wasm) is compiled for every record type. serde stops at the first error,
/// reading an object's keys in map order and a list in order; so, level by level from the
/// record down:
/// - In a list, the element at fault is the last of the shortest leading run of elements
///   that still fails with `msg` (found by halving, so long lists cost little). The list
///   stays cut there while the search goes deeper, so that an error further on in the
///   record cannot stand in for the one sought.
/// - In an object, the same with its leading keys, except when `msg` is a missing field:
///   cutting keys off would report other required keys missing, so the key at fault is
///   the first whose removal changes the error (a required key whose removal only
///   reports that key itself missing is not it).
///
/// The search goes on into the value at fault and stops at a value with nothing inside it
/// at fault: a text or number, a list or object of the wrong type (`{"zz": 1}` read as
/// the unknown enum variant `zz` included), or the object a required field is missing
/// from (where serde_path_to_error reported it too). So with one error in the record, or
/// several with different messages, the path is the one serde reached first, as before.
/// Several errors with the very same message can give another of them: a required field
/// missing both from a nested object and from the record itself is named at the record
/// (the caller then names the field alone). After [`FAULT_TRIALS`] tries the path found
/// so far is named. Either way the message reported is serde's own.
fn fault_path(item: &Value, msg: &str, error_of: &dyn Fn(&Value) -> Option<String>) -> String {
    fn slot<'a>(mut v: &'a mut Value, steps: &[Step]) -> Option<&'a mut Value> {
        for s in steps {
            v = match s {
                Step::Key(k) => v.get_mut(k.as_str())?,
                Step::Index(i) => v.get_mut(*i)?,
            };
        }
        Some(v)
    }
    let mut work = item.clone();
    let mut steps: Vec<Step> = Vec::new();
    let mut path = String::new();
    let mut trials = 0;
    // Whether the record fails with `msg` (`Some(true)`), otherwise (`Some(false)`), or
    // out of tries (`None`) when the value at `steps` is replaced by `candidate`. A missing
    // field `key` is taken as `msg`: it is the removed key missing, not what failed before.
    let mut fails_so = |work: &mut Value, steps: &[Step], candidate: Value, key: &str| {
        trials += 1;
        if trials > FAULT_TRIALS {
            return None;
        }
        let saved = std::mem::replace(slot(work, steps)?, candidate);
        let e = error_of(work);
        *slot(work, steps)? = saved;
        Some(e.is_some_and(|e| e == msg || e == format!("missing field `{key}`")))
    };
    let missing = msg.starts_with("missing field");
    while let Some(node) = slot(&mut work, &steps).map(|v| v.clone()) {
        let (len, first): (usize, &dyn Fn(usize) -> Value) = match &node {
            // Inserted one by one: collecting into a map would compile a sort of its own.
            Value::Object(m) => (m.len(), &|n| {
                let mut prefix = serde_json::Map::new();
                for (k, v) in m.iter().take(n) {
                    prefix.insert(k.clone(), v.clone());
                }
                Value::Object(prefix)
            }),
            Value::Array(a) => (a.len(), &|n| Value::Array(a[..n].to_vec())),
            _ => break,
        };
        let key = |i: usize| match &node {
            Value::Object(m) => m.keys().nth(i).map(|k| Step::Key(k.clone())),
            _ => Some(Step::Index(i)),
        };
        let mut at_fault = None;
        if let (Value::Object(m), true) = (&node, missing) {
            for k in m.keys() {
                let mut rest = m.clone();
                rest.remove(k);
                match fails_so(&mut work, &steps, Value::Object(rest), k) {
                    Some(true) => continue,
                    Some(false) => at_fault = Some(Step::Key(k.clone())),
                    None => {}
                }
                break;
            }
        } else {
            // The whole node fails with `msg`: find the fewest leading entries that do.
            let (mut lo, mut hi) = (0, len);
            while lo < hi {
                match fails_so(&mut work, &steps, first((lo + hi) / 2), "") {
                    Some(true) => hi = (lo + hi) / 2,
                    Some(false) => lo = (lo + hi) / 2 + 1,
                    None => break,
                }
            }
            if lo == hi && hi > 0 {
                at_fault = key(hi - 1);
                // Keep the node cut there, so that below it an error later in the record
                // cannot stand in for the one sought.
                if let Some(v) = slot(&mut work, &steps) {
                    *v = first(hi);
                }
            }
        }
        // `{"zz": 1}` for an enum is read as variant `zz`: the enum is at fault, not a key
        // (unless the key's own value is the text `zz`).
        if let (Some(Step::Key(k)), Value::Object(m)) = (&at_fault, &node) {
            if m.len() == 1
                && m[k].as_str() != Some(k)
                && msg.starts_with(&format!("unknown variant `{k}`"))
            {
                at_fault = None;
            }
        }
        match &at_fault {
            Some(Step::Key(k)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Some(Step::Index(i)) => path.push_str(&format!("[{i}]")),
            None => break,
        }
        steps.extend(at_fault);
    }
    path
}

/// A serde error message in both languages: the common kinds translated, the details
/// (values, expected types) kept as they are.
fn explain_serde(msg: &str) -> (String, String) {
    let zh = if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (got, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        format!("类型错误，应为 {}，实为 {got}", zh_type(expected))
    } else if let Some(rest) = msg.strip_prefix("missing field ") {
        format!("缺少必填字段 {rest}")
    } else if let Some(rest) = msg.strip_prefix("unknown variant ") {
        format!("无法识别的取值 {rest}")
    } else if let Some(rest) = msg.strip_prefix("invalid value: ") {
        format!("取值无效：{rest}")
    } else if msg.starts_with("recursion limit exceeded") {
        "嵌套层级过深".to_string()
    } else {
        format!("格式错误：{msg}")
    };
    (zh, en_serde(msg))
}

/// A serde error message in plain English: "should be a number, not the text “many”"
/// rather than "invalid type: string \"many\", expected f64".
fn en_serde(msg: &str) -> String {
    let unquote = |s: &str| s.trim().trim_matches('`').to_string();
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (got, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        format!("should be {}, not {}", en_type(expected), en_value(got))
    } else if let Some(rest) = msg.strip_prefix("invalid value: ") {
        let (got, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        format!("should be {}, not {}", en_type(expected), en_value(got))
    } else if let Some(rest) = msg.strip_prefix("missing field ") {
        format!("the required field “{}” is missing", unquote(rest))
    } else if let Some(rest) = msg.strip_prefix("unknown variant ") {
        let (got, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let choices: Vec<String> = expected
            .trim_start_matches("one of ")
            .split(", ")
            .flat_map(|c| c.split(" or "))
            .map(unquote)
            .filter(|c| !c.is_empty())
            .collect();
        format!(
            "“{}” is not a known value; use one of: {}",
            unquote(got),
            choices.join(", ")
        )
    } else if msg.starts_with("recursion limit exceeded") {
        "nested too deeply".to_string()
    } else {
        format!("not in the expected format ({msg})")
    }
}

/// What serde expected, in words: "f64" → "a number".
fn en_type(expected: &str) -> String {
    let e = expected.trim();
    match e {
        "f64" | "f32" | "a number" => "a number".into(),
        "u32" | "u64" | "usize" => "a whole number, 0 or more".into(),
        "a string" => "text".into(),
        "a sequence" => "a list".into(),
        "a boolean" => "true or false".into(),
        "a map" => "an object".into(),
        _ if e.starts_with("struct ") => "an object".into(),
        _ => e.into(),
    }
}

/// What serde found, in words: "string \"many\"" → "the text “many”",
/// "integer `5`" → "the number 5".
fn en_value(got: &str) -> String {
    let tick = |s: &str| s.trim().trim_matches('`').to_string();
    if let Some(v) = got.strip_prefix("string ") {
        format!("the text “{}”", v.trim().trim_matches('"'))
    } else if let Some(v) = got
        .strip_prefix("integer ")
        .or_else(|| got.strip_prefix("floating point "))
    {
        format!("the number {}", tick(v))
    } else if let Some(v) = got.strip_prefix("boolean ") {
        tick(v)
    } else {
        match got.trim() {
            "null" => "an empty value (null)".into(),
            "sequence" => "a list".into(),
            "map" => "an object".into(),
            other => other.into(),
        }
    }
}

fn zh_type(expected: &str) -> String {
    let e = expected.trim_end_matches(|c: char| c.is_whitespace());
    match e {
        "f64" | "u32" | "u64" | "a number" => "数字".into(),
        "a string" => "文本".into(),
        "a sequence" => "列表".into(),
        "a boolean" => "是/否".into(),
        "struct Text" | "struct Zone" | "struct Prospect" | "a map" => "对象".into(),
        _ if e.starts_with("struct ") => "对象".into(),
        _ if e.starts_with("one of ") => format!("以下之一：{}", &e[7..]),
        _ => e.into(),
    }
}

fn bad_number(v: Option<f64>) -> bool {
    v.is_some_and(|x| !x.is_finite() || x < 0.0)
}

fn validate_zones(zones: &[Zone], problems: &mut Vec<Text>) {
    let mut ids: QuickMap<&str, ()> = QuickMap::default();
    for (i, z) in zones.iter().enumerate() {
        let n = i + 1;
        if z.id.trim().is_empty() {
            problems.push(Text::new(
                &format!("园区第 {n} 条：缺少 id"),
                &format!("Zone {n}: id is missing"),
            ));
        } else if ids.insert(z.id.as_str(), ()).is_some() {
            problems.push(Text::new(
                &format!("园区第 {n} 条：id “{}” 重复", z.id),
                &format!("Zone {n}: duplicate id “{}”", z.id),
            ));
        }
        if z.name.is_empty() {
            problems.push(Text::new(
                &format!("园区第 {n} 条：缺少名称"),
                &format!("Zone {n}: name is missing"),
            ));
        }
        let numbers = [
            z.factory.planned_m2,
            z.factory.built_m2,
            z.factory.available_m2,
            z.factory.occupancy_pct,
            z.land_available_mu,
            z.min_investment_wan,
            z.min_intensity_wan_per_mu,
            z.incentive_cap_wan,
        ];
        for c in &z.contacts {
            if !c.website.trim().is_empty() && crate::model::safe_url(&c.website).is_none() {
                problems.push(Text::new(
                    &format!("园区第 {n} 条：联系人网址“{}”不是 http(s) 地址", c.website),
                    &format!(
                        "Zone {n}: contact website “{}” is not a web address (http:// or https://)",
                        c.website
                    ),
                ));
            }
        }
        if numbers.into_iter().any(bad_number) || z.factory.occupancy_pct.is_some_and(|o| o > 100.0)
        {
            problems.push(Text::new(
                &format!(
                    "园区第 {n} 条（{}）：面积、金额等数值不能为负数，使用率不超过 100",
                    z.name.get(Lang::Zh)
                ),
                &format!(
                    "Zone {n} “{}”: areas and amounts cannot be negative, and the share in use cannot be over 100",
                    z.name.get(Lang::En)
                ),
            ));
        }
    }
}

fn validate_prospects(prospects: &[Prospect], problems: &mut Vec<Text>) {
    let mut ids: QuickMap<&str, ()> = QuickMap::default();
    for (i, p) in prospects.iter().enumerate() {
        let n = i + 1;
        if p.id.trim().is_empty() {
            problems.push(Text::new(
                &format!("意向企业第 {n} 条：缺少 id"),
                &format!("Prospect {n}: id is missing"),
            ));
        } else if ids.insert(p.id.as_str(), ()).is_some() {
            problems.push(Text::new(
                &format!("意向企业第 {n} 条：id “{}” 重复", p.id),
                &format!("Prospect {n}: duplicate id “{}”", p.id),
            ));
        }
        if p.name.trim().is_empty() && p.industry.trim().is_empty() {
            problems.push(Text::new(
                &format!("意向企业第 {n} 条：名称和行业都为空"),
                &format!("Prospect {n}: both name and industry are empty"),
            ));
        }
        if [p.investment_wan, p.factory_m2, p.land_mu]
            .into_iter()
            .any(bad_number)
        {
            problems.push(Text::new(
                &format!("意向企业第 {n} 条（{}）：投资、面积不能为负数", p.name),
                &format!(
                    "Prospect {n} “{}”: investment and areas cannot be negative",
                    p.name
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_dataset;

    fn sample() -> Dataset {
        let mut d = demo_dataset();
        d.prospects.push(Prospect {
            id: "p-1".into(),
            name: "某电池企业 Battery Co.".into(),
            industry: "21700圆柱动力电池".into(),
            investment_wan: Some(62_000.0),
            factory_m2: Some(20_000.0),
            ..Default::default()
        });
        d
    }

    #[test]
    fn round_trip_is_exact() {
        let d = sample();
        assert_eq!(import_json(&export_json(&d, "t")).unwrap(), d);
        assert_eq!(import_json(&encode_stored(&d, 7)).unwrap(), d);
        assert_eq!(stored_revision(&encode_stored(&d, 7)), 7);
        assert_eq!(stored_revision(&export_json(&d, "t")), 0);
        assert_eq!(stored_revision("garbage"), 0);
    }

    #[test]
    fn large_datasets_are_stored_deflated_and_read_back() {
        let big = crate::synthetic::generate(400, 3000, 9);
        let stored = encode_stored(&big, 11);
        assert!(stored.starts_with(PACKED_PREFIX));
        let plain = serde_json::to_string(&data_file(&big, "")).unwrap();
        assert!(
            stored.chars().count() * 3 < plain.chars().count(),
            "at least 3× smaller"
        );
        assert!(stored.chars().all(|c| (c as u32) < 0xD800));
        assert_eq!(load_stored(&stored).unwrap(), big);
        assert_eq!(stored_revision(&stored), 11);
        // Small data stays plain JSON.
        assert!(!encode_stored(&sample(), 1).starts_with(PACKED_PREFIX));
        // Damage anywhere is refused, never panics.
        for cut in [6, 20, stored.len() / 2, stored.len() - 3] {
            let mut damaged: String = stored.chars().take(cut).collect();
            damaged.push('\u{9fff}');
            assert!(load_stored(&damaged).is_err());
        }
    }

    #[test]
    fn damaged_stores_keep_every_valid_record() {
        let mut v: Value = serde_json::from_str(&encode_stored(&sample(), 4)).unwrap();
        v["prospects"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({"id": "bad", "factory_m2": "x"}));
        v["zones"][2]["factory"]["occupancy_pct"] = serde_json::json!(400);
        let raw = v.to_string();
        assert!(load_stored(&raw).is_err());
        let (kept, dropped) = salvage(&raw).unwrap();
        assert_eq!(dropped, 2);
        assert_eq!(kept.prospects, sample().prospects);
        assert_eq!(kept.zones.len(), sample().zones.len() - 1);
        assert!(salvage("{\"schema_version\":2,\"zones\":[").is_none());
        assert!(salvage("{\"schema_version\":99,\"zones\":[]}").is_none());
    }

    #[test]
    fn field_errors_name_the_field_in_both_languages() {
        let err = import_json(
            "{\"schema_version\":2,\"zones\":[],\"prospects\":[{\"id\":\"p\",\"name\":\"x\",\"factory_m2\":\"lots\"},{\"name\":\"y\"}]}",
        )
        .unwrap_err();
        assert_eq!(
            err.problems[0].zh,
            "意向企业第 1 条，字段“factory_m2”：类型错误，应为 数字，实为 string \"lots\""
        );
        assert_eq!(
            err.problems[0].en,
            "Prospect 1, field “factory_m2”: should be a number, not the text “lots”"
        );
        assert_eq!(
            err.problems[1].en,
            "Prospect 2: the required field “id” is missing"
        );
        assert!(err.problems[1].zh.contains("字段“id”：缺少必填字段"));
    }

    #[test]
    fn packed_values_found_by_the_fuzzer_are_refused() {
        // Length 1 followed by more characters than one byte needs.
        assert!(decode_stored("ZMZ1:1:\".\0z:1sps\"").is_err());
        assert!(load_stored("ZMZ1:1:\".\0z:1sps\"").is_err());
        assert!(unpack15("abc", 1).is_none());
        assert!(decode_stored("ZMZ1:99999999999:a").is_err());
    }

    #[test]
    fn packing_round_trips_every_length() {
        for n in 0..64 {
            let bytes: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(unpack15(&pack15(&bytes), n).unwrap(), bytes, "{n}");
        }
    }

    #[test]
    fn every_number_reads_back_exactly() {
        // Found by the fuzzer: without float_roundtrip, 2.0000555555555558e54 came back
        // one unit in the last place off.
        let mut d = sample();
        for (i, v) in [
            2.0000555555555558e54,
            0.1 + 0.2,
            1e-300,
            123_456_789.123_456_79,
            f64::MAX,
        ]
        .into_iter()
        .enumerate()
        {
            d.prospects.push(Prospect {
                id: format!("f{i}"),
                name: "x".into(),
                factory_m2: Some(v),
                ..Default::default()
            });
        }
        assert_eq!(import_json(&export_json(&d, "t")).unwrap(), d);
        assert_eq!(load_stored(&encode_stored(&d, 1)).unwrap(), d);
    }

    #[test]
    fn byte_order_mark_is_accepted() {
        let d = sample();
        let with_bom = format!("\u{feff}{}", export_json(&d, "t"));
        assert_eq!(import_json(&with_bom).unwrap(), d);
    }

    /// (input, expected kind, a word the English message must contain)
    #[test]
    fn bad_files_are_refused_with_reasons() {
        let cases: &[(&str, ImportErrorKind, &str)] = &[
            ("", ImportErrorKind::NotJson, "empty"),
            ("{\"schema_version\":1,", ImportErrorKind::NotJson, "line 1"),
            ("[1,2,3]", ImportErrorKind::NotZoneMatch, "ZoneMatch"),
            ("{\"zones\":[]}", ImportErrorKind::NotZoneMatch, "Export all data"),
            (
                "{\"format\":\"other\",\"schema_version\":1,\"zones\":[],\"prospects\":[]}",
                ImportErrorKind::NotZoneMatch,
                "ZoneMatch",
            ),
            (
                "{\"schema_version\":99,\"zones\":[],\"prospects\":[]}",
                ImportErrorKind::NewerVersion,
                "newer",
            ),
            ("{\"schema_version\":1,\"prospects\":[]}", ImportErrorKind::Invalid, "missing"),
            (
                "{\"schema_version\":1,\"zones\":[{\"id\":\"a\",\"name\":{\"zh\":\"甲\"}},{\"id\":\"a\",\"name\":{\"zh\":\"乙\"}}],\"prospects\":[]}",
                ImportErrorKind::Invalid,
                "duplicate",
            ),
            (
                "{\"schema_version\":1,\"zones\":[],\"prospects\":[{\"id\":\"p\",\"name\":\"x\",\"factory_m2\":\"lots\"}]}",
                ImportErrorKind::Invalid,
                "Prospect 1",
            ),
            (
                "{\"schema_version\":1,\"zones\":[],\"prospects\":[{\"id\":\"p\",\"name\":\"x\",\"factory_m2\":-5}]}",
                ImportErrorKind::Invalid,
                "negative",
            ),
            (
                "{\"schema_version\":1,\"zones\":[{\"id\":\"z\",\"name\":{\"zh\":\"甲\"},\"factory\":{\"occupancy_pct\":150}}],\"prospects\":[]}",
                ImportErrorKind::Invalid,
                "over 100",
            ),
            (
                "{\"schema_version\":1,\"zones\":[],\"prospects\":[{\"id\":\"\",\"name\":\"\"}]}",
                ImportErrorKind::Invalid,
                "id is missing",
            ),
        ];
        for (input, kind, word) in cases {
            let err = import_json(input).expect_err(input);
            assert_eq!(err.kind, *kind, "{input}");
            let all_en: String = err.problems.iter().map(|p| p.en.clone()).collect();
            let all_zh: String = err.problems.iter().map(|p| p.zh.clone()).collect();
            assert!(all_en.contains(word), "{input}: {all_en}");
            assert!(!all_zh.is_empty());
        }
    }

    #[test]
    fn import_plan_counts_additions_updates_and_name_conflicts() {
        let current = sample();
        let mut incoming = sample();
        incoming.prospects[0].notes = "changed".into();
        incoming.prospects.push(Prospect {
            id: "p-2".into(),
            name: "某电池企业 Battery Co.".into(),
            ..Default::default()
        });
        incoming.zones.truncate(2);
        let plan = plan_import(&current, &incoming);
        assert_eq!(
            (plan.zones_added, plan.zones_updated, plan.zones_unchanged),
            (0, 0, 2)
        );
        assert_eq!(
            (
                plan.prospects_added,
                plan.prospects_updated,
                plan.prospects_unchanged
            ),
            (1, 1, 0)
        );
        assert_eq!(plan.conflicts.len(), 1);
        assert!(plan.conflicts[0].en.contains("same name"));
    }

    #[test]
    fn version_1_files_still_import() {
        let v1 = include_str!("../tests/fixtures/v1-export.json");
        let d = import_json(v1).expect("a version 1 export imports");
        assert_eq!(d.schema_version, SCHEMA_VERSION);
        assert_eq!(d.zones.len(), 7);
        assert_eq!(d.prospects[0].id, "p-v1-1");
        assert_eq!(d.prospects[0].stage, crate::model::Stage::Negotiating);
        assert!(!d.prospects[0].must_have.factory);
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(
            import_json(&deep).unwrap_err().kind,
            ImportErrorKind::NotJson
        );
    }

    #[test]
    fn oversized_file_is_refused() {
        let big = " ".repeat(MAX_IMPORT_BYTES + 1);
        assert_eq!(
            import_json(&big).unwrap_err().kind,
            ImportErrorKind::TooLarge
        );
    }
}
