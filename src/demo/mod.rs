//! Demo data: the zones of the source article (`../shared/seed/`), with only the facts the
//! article states. Every figure it does not give is `null` (shown as unknown).

use crate::model::{Dataset, Zone, SCHEMA_VERSION};

const DEMO_ZONES_JSON: &str = include_str!("zones.json");

/// The demo zones. The embedded file is checked by a test, so this never comes back empty
/// in a released build.
pub fn demo_zones() -> Vec<Zone> {
    let value: serde_json::Value = serde_json::from_str(DEMO_ZONES_JSON).unwrap_or_default();
    value
        .as_array()
        .map(|zones| {
            zones
                .iter()
                .filter_map(|z| crate::transfer::record::<Zone>(z).ok())
                .collect()
        })
        .unwrap_or_default()
}

/// What a first visit starts with: the demo zones and no prospects.
pub fn demo_dataset() -> Dataset {
    Dataset {
        schema_version: SCHEMA_VERSION,
        zones: demo_zones(),
        prospects: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_file_parses_with_the_article_zones() {
        let zones: Vec<Zone> = serde_json::from_str(DEMO_ZONES_JSON).expect("demo zones parse");
        for id in [
            "changzhi-htz",
            "gaoping-etdz",
            "lingchuan-demo",
            "wutai-agri",
            "linfen-edz",
            "yuncheng-etdz",
        ] {
            let z = zones.iter().find(|z| z.id == id).expect(id);
            assert!(
                !z.name.zh.is_empty() && !z.name.en.is_empty(),
                "{id} bilingual name"
            );
            assert!(
                !z.summary.zh.is_empty() && !z.summary.en.is_empty(),
                "{id} summary"
            );
            assert!(!z.as_of.is_empty(), "{id} as-of date");
            for c in &z.clusters {
                assert!(
                    !c.name.zh.is_empty() && !c.name.en.is_empty(),
                    "{id} cluster"
                );
                for l in &c.links {
                    assert!(!l.name.zh.is_empty() && !l.name.en.is_empty(), "{id} link");
                }
            }
        }
    }

    #[test]
    fn demo_facts_match_the_article() {
        let zones = demo_zones();
        let cz = zones.iter().find(|z| z.id == "changzhi-htz").unwrap();
        assert_eq!(cz.factory.planned_m2, Some(1_600_000.0));
        assert_eq!(cz.factory.built_m2, Some(1_200_000.0));
        assert_eq!(cz.incentive_count, Some(13));
        assert_eq!(cz.incentive_cap_wan, Some(10_000.0));
        assert_eq!(cz.clusters.len(), 4);
        // Not stated in the article: must stay unknown.
        assert!(zones.iter().all(|z| z.contacts.is_empty()));
        assert!(zones.iter().all(|z| z.min_investment_wan.is_none()));
        let ids: std::collections::HashSet<_> = zones.iter().map(|z| &z.id).collect();
        assert_eq!(ids.len(), zones.len(), "zone ids are unique");
    }
}
