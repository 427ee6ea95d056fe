//! The field cases handed to the team (../shared/cases/matching/, copied into
//! tests/cases/matching/): six invented zones and seven prospects written as people
//! write them (traditional script, pinyin slips, jargon, a long company profile, a false
//! friend). Each must rank as `expected.json` says with the balanced preset.

use serde_json::Value;
use zonematch::matching::{Catalogue, Preset, ProspectProfile, ZoneMatch};
use zonematch::transfer::import_json;

const PROSPECTS: &str = include_str!("cases/matching/prospects.json");
const EXPECTED: &str = include_str!("cases/matching/expected.json");

fn position(ranked: &[ZoneMatch], zone: &str) -> usize {
    ranked.iter().position(|m| m.zone_id == zone).expect(zone)
}

#[test]
fn every_field_case_ranks_as_expected() {
    let data = import_json(PROSPECTS).expect("the cases import");
    let expected: Value = serde_json::from_str(EXPECTED).unwrap();
    let catalogue = Catalogue::new(&data.zones);
    let weights = Preset::Balanced.weights();
    let rank = |id: &str| {
        let p = data.prospect(id).expect(id);
        catalogue.rank(&ProspectProfile::new(p), &weights)
    };
    let mut failures = Vec::new();
    let cases = expected["expected"].as_object().unwrap();
    assert_eq!(cases.len(), 7);
    for (id, want) in cases {
        let ranked = rank(id);
        let order: Vec<String> = ranked
            .iter()
            .map(|m| format!("{} {}", m.zone_id, m.total))
            .collect();
        if let Some(top) = want["top1"].as_str() {
            if ranked[0].zone_id != top {
                failures.push(format!("{id}: first should be {top}, got {order:?}"));
            }
        }
        for pair in want["above"].as_array().into_iter().flatten() {
            let (a, b) = (pair[0].as_str().unwrap(), pair[1].as_str().unwrap());
            if position(&ranked, a) > position(&ranked, b) {
                failures.push(format!("{id}: {a} should rank above {b}, got {order:?}"));
            }
        }
        for z in want["not_top1"].as_array().into_iter().flatten() {
            if ranked[0].zone_id == z.as_str().unwrap() {
                failures.push(format!("{id}: {z} must not rank first, got {order:?}"));
            }
        }
        if let Some(twin) = want["same_order_as"].as_str() {
            let other = rank(twin);
            let a: Vec<(&str, u8)> = ranked
                .iter()
                .map(|m| (m.zone_id.as_str(), m.total))
                .collect();
            let b: Vec<(&str, u8)> = other
                .iter()
                .map(|m| (m.zone_id.as_str(), m.total))
                .collect();
            if a != b {
                failures.push(format!(
                    "{id}: ranking {a:?} differs from its twin {twin}: {b:?}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
