//! Records survive other versions of the app:
//! - the stored shape of every record type is checked in (tests/fixtures/schema-shape.json,
//!   one entry per `schema_version`): changing it without bumping `SCHEMA_VERSION` fails here;
//! - fields a newer version added (without a bump, as `website` once was) are kept by this
//!   version's load and save, at every level of a record.

use serde::Serialize;
use serde_json::{json, Map, Value};
use zonematch::model::{
    ChainLink, ChainStage, Cluster, Contact, Dataset, FactorySpace, Incentive, IncentiveCategory,
    KeepsUnknown, LinkStatus, MustHave, Prospect, Stage, StageMark, Standing, Text, Zone, ZoneKind,
    SCHEMA_VERSION,
};
use zonematch::transfer::{encode_stored, export_json, import_json, load_stored};

fn keys<T: Serialize + Default>() -> Value {
    let Value::Object(map) = serde_json::to_value(T::default()).unwrap() else {
        panic!("records serialize as objects");
    };
    Value::from(map.keys().cloned().collect::<Vec<_>>())
}

/// The names a record type reads as its own (the rest it keeps as unknown) must be
/// exactly the names it writes.
fn check_known<T: Serialize + Default + KeepsUnknown>(name: &str) {
    let mut known: Vec<&str> = T::FIELDS.to_vec();
    known.sort();
    let written = keys::<T>();
    let written: Vec<&str> = written
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        known, written,
        "{name}: KeepsUnknown::FIELDS differs from the serialized fields"
    );
}

#[test]
fn every_record_knows_exactly_the_fields_it_writes() {
    check_known::<Zone>("Zone");
    check_known::<Cluster>("Cluster");
    check_known::<ChainLink>("ChainLink");
    check_known::<FactorySpace>("FactorySpace");
    check_known::<Incentive>("Incentive");
    check_known::<Contact>("Contact");
    check_known::<Prospect>("Prospect");
    check_known::<MustHave>("MustHave");
    check_known::<StageMark>("StageMark");
}

fn variants<T: Serialize>(all: &[T]) -> Value {
    Value::from(
        all.iter()
            .map(|v| serde_json::to_value(v).unwrap())
            .collect::<Vec<_>>(),
    )
}

/// Every serialized field name of every record type, and every enum value written.
fn current_shape() -> Value {
    json!({
        "file": serde_json::from_str::<Map<String, Value>>(&export_json(&Dataset::default(), ""))
            .unwrap()
            .keys()
            .cloned()
            .collect::<Vec<_>>(),
        "Text": keys::<Text>(),
        "Zone": keys::<Zone>(),
        "Cluster": keys::<Cluster>(),
        "ChainLink": keys::<ChainLink>(),
        "FactorySpace": keys::<FactorySpace>(),
        "Incentive": keys::<Incentive>(),
        "Contact": keys::<Contact>(),
        "Prospect": keys::<Prospect>(),
        "MustHave": keys::<MustHave>(),
        "StageMark": keys::<StageMark>(),
        "Standing": variants(&Standing::ALL),
        "ZoneKind": variants(&ZoneKind::ALL),
        "Stage": variants(&Stage::ALL),
        "ChainStage": variants(&[ChainStage::Upstream, ChainStage::Midstream, ChainStage::Downstream, ChainStage::Unknown]),
        "LinkStatus": variants(&[LinkStatus::Present, LinkStatus::Wanted]),
        "IncentiveCategory": variants(&[IncentiveCategory::Reward, IncentiveCategory::Subsidy, IncentiveCategory::Support]),
    })
}

#[test]
fn stored_shape_changes_only_with_a_schema_version_bump() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/schema-shape.json"
    );
    let recorded: Map<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let shape = current_shape();
    let version = SCHEMA_VERSION.to_string();
    match recorded.get(&version) {
        Some(r) => assert_eq!(
            *r, shape,
            "the stored shape of a record changed while schema_version is still {version}: \
             bump SCHEMA_VERSION in src/model.rs, add the migration step, and add the new \
             shape to tests/fixtures/schema-shape.json under the new version"
        ),
        None => panic!(
            "schema_version {version} has no recorded shape: add this under \"{version}\" in \
             tests/fixtures/schema-shape.json (keep the older entries):\n{}",
            serde_json::to_string_pretty(&shape).unwrap()
        ),
    }
    // The history is kept: every version up to this one is recorded.
    for v in 2..=SCHEMA_VERSION {
        assert!(
            recorded.contains_key(&v.to_string()),
            "shape of version {v} missing"
        );
    }
}

/// A file as a newer version of the app might write it: a new field at every level.
fn from_a_newer_version() -> String {
    json!({
        "format": "zonematch",
        "schema_version": SCHEMA_VERSION,
        "zones": [{
            "id": "z1",
            "name": {"zh": "长治高新区", "en": "Changzhi High-tech Zone"},
            "admin_division_code": "140400",
            "factory": {"available_m2": 8000.0, "rent_yuan_per_m2_month": 9.5},
            "clusters": [{
                "name": {"zh": "光伏", "en": "PV"},
                "scale_target": "百亿级",
                "links": [{"name": {"zh": "光伏玻璃盖板", "en": ""}, "leader": "某链主企业"}]
            }],
            "incentives": [{"name": {"zh": "房租补贴", "en": "Rent subsidy"}, "years": 3}],
            "contacts": [{"name": "王主任", "wechat": "zone-office"}]
        }],
        "prospects": [{
            "id": "p1",
            "name": "某电池企业",
            "industry": "动力电池",
            "code_name": "蓝鲸",
            "priority": "A",
            "stage_history": [{"stage": "lead", "date": "2026-11-01", "by": "张三"}],
            "must_have": {"factory": true, "power_kva": 5000}
        }]
    })
    .to_string()
}

#[test]
fn fields_from_a_newer_version_survive_load_edit_and_save() {
    let original: Value = serde_json::from_str(&from_a_newer_version()).unwrap();
    let mut data = import_json(&from_a_newer_version()).unwrap();
    // An edit in this version, as the app makes it: on a clone of the record.
    let mut p = data.prospects[0].clone();
    p.stage = Stage::Negotiating;
    data.upsert_prospect(p);
    for written in [export_json(&data, "t"), encode_stored(&data, 3)] {
        let back: Value = serde_json::from_str(&written).unwrap();
        let z = &back["zones"][0];
        let o = &original["zones"][0];
        assert_eq!(z["admin_division_code"], o["admin_division_code"]);
        assert_eq!(z["factory"]["rent_yuan_per_m2_month"], 9.5);
        assert_eq!(z["clusters"][0]["scale_target"], "百亿级");
        assert_eq!(z["clusters"][0]["links"][0]["leader"], "某链主企业");
        assert_eq!(z["incentives"][0]["years"], 3);
        assert_eq!(z["contacts"][0]["wechat"], "zone-office");
        let p = &back["prospects"][0];
        assert_eq!(p["code_name"], "蓝鲸");
        assert_eq!(p["priority"], "A");
        assert_eq!(
            p["stage_history"],
            original["prospects"][0]["stage_history"]
        );
        assert_eq!(p["must_have"]["power_kva"], 5000);
        assert_eq!(p["stage"], "negotiating");
    }
    // And through the stored encoding, read back equal.
    assert_eq!(load_stored(&encode_stored(&data, 3)).unwrap(), data);
}

#[test]
fn the_zone_editor_keeps_fields_it_does_not_know() {
    let data = import_json(&from_a_newer_version()).unwrap();
    let zone = &data.zones[0];
    let mut draft = zonematch::forms::ZoneDraft::from_zone(zone);
    draft.available_m2 = "9000".into();
    draft.clusters.push_str("\n新集群 | New cluster | 环节");
    let edited = draft.apply(zone).unwrap();
    let v = serde_json::to_value(&edited).unwrap();
    assert_eq!(v["admin_division_code"], "140400");
    assert_eq!(v["factory"]["rent_yuan_per_m2_month"], 9.5);
    assert_eq!(v["factory"]["available_m2"], 9000.0);
    assert_eq!(v["clusters"][0]["scale_target"], "百亿级");
    assert_eq!(v["clusters"][0]["links"][0]["leader"], "某链主企业");
}
