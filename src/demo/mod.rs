//! Demo data: the zones of the source article (`../shared/seed/`), with only the facts the
//! article states. Every figure it does not give is `null` (shown as unknown).

use crate::lang::Text;
use crate::model::{
    ChainLink, ChainStage, Cluster, Dataset, FactorySpace, Incentive, IncentiveCategory,
    LinkStatus, Zone, ZoneKind, SCHEMA_VERSION,
};

// `demo_zones()`: `src/demo/zones.json` written as Rust by `build.rs` (issue 11: no JSON
// is parsed at start-up; a first visit draws these zones). Each zone is a struct
// expression whose unset fields come from `Default`.
include!(concat!(env!("OUT_DIR"), "/demo_zones.rs"));

// The generated code's constructors: one call each, not inlined, so the demo costs its
// text and little code.
#[inline(never)]
fn s(text: &str) -> String {
    text.to_string()
}

#[inline(never)]
fn t(zh: &str, en: &str) -> Text {
    Text::new(zh, en)
}

#[inline(never)]
fn v(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|x| x.to_string()).collect()
}

#[inline(never)]
fn ts(texts: &[(&str, &str)]) -> Vec<Text> {
    texts.iter().map(|(zh, en)| Text::new(zh, en)).collect()
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

    /// The generated zones equal the JSON file read by the app's own record reader (the
    /// path a backup takes), so build.rs neither drops nor changes a field.
    #[test]
    fn generated_zones_equal_the_json_file() {
        let file: serde_json::Value =
            serde_json::from_str(include_str!("zones.json")).expect("demo zones parse");
        let read: Vec<Zone> = file
            .as_array()
            .expect("an array")
            .iter()
            .map(|z| crate::transfer::record::<Zone>(z).expect("a zone"))
            .collect();
        assert_eq!(read.len(), 7);
        assert_eq!(demo_zones(), read);
    }

    #[test]
    fn demo_file_parses_with_the_article_zones() {
        let zones = demo_zones();
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
