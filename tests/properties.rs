//! Property tests over generated data (deterministic seeds, many cases): what must hold
//! for every prospect and zone, not just the ones in the tables.

use zonematch::matching::{
    rank_zones, score_zone, Catalogue, CriterionKind, Preset, ProspectProfile, Weights,
};
use zonematch::model::{ChainLink, LinkStatus, Zone};
use zonematch::synthetic::{generate, Rng};
use zonematch::transfer::{export_json, import_json};

const CASES: usize = 400;

fn weights_of(rng: &mut Rng) -> Weights {
    let mut w = *rng.pick(&Preset::ALL.map(|p| p.weights()));
    if rng.chance(0.5) {
        for k in CriterionKind::ALL {
            w.set(k, rng.below(11) as f64);
        }
    }
    w
}

#[test]
fn totals_stay_within_0_to_100_and_criteria_within_0_to_1() {
    let data = generate(60, CASES, 1);
    let catalogue = Catalogue::new(&data.zones);
    let mut rng = Rng::new(2);
    for p in &data.prospects {
        let w = weights_of(&mut rng);
        let ranked = catalogue.rank(&ProspectProfile::new(p), &w);
        assert_eq!(ranked.len(), data.zones.len());
        for m in &ranked {
            assert!(m.total <= 100);
            for c in &m.criteria {
                assert!((0.0..=1.0).contains(&c.score), "{:?} {}", c.kind, c.score);
                assert!(!c.reasons.is_empty(), "{:?} without a reason", c.kind);
            }
        }
        // Excluded zones come after every zone that passes the hard limits; among those,
        // zones that fit the industry come before zones that do not; then by total.
        let first_excluded = ranked
            .iter()
            .position(|m| m.is_excluded())
            .unwrap_or(ranked.len());
        assert!(ranked[first_excluded..].iter().all(|m| m.is_excluded()));
        let passing = &ranked[..first_excluded];
        let first_unfit = passing
            .iter()
            .position(|m| !m.fits_industry())
            .unwrap_or(passing.len());
        assert!(passing[first_unfit..].iter().all(|m| !m.fits_industry()));
        for group in [&passing[..first_unfit], &passing[first_unfit..]] {
            assert!(group.windows(2).all(|w| w[0].total >= w[1].total));
        }
    }
}

#[test]
fn more_available_space_never_lowers_space_fit() {
    let data = generate(CASES, CASES, 3);
    let mut rng = Rng::new(4);
    for (z, p) in data.zones.iter().zip(&data.prospects) {
        let mut p = p.clone();
        p.factory_m2 = Some((1_000 * (1 + rng.below(60))) as f64);
        let w = Weights::default();
        let mut zone = z.clone();
        zone.factory.available_m2 = Some((1_000 * rng.below(60)) as f64);
        let before = score_zone(&p, &zone, &w)
            .criterion(CriterionKind::Space)
            .unwrap()
            .score;
        zone.factory.available_m2 = zone
            .factory
            .available_m2
            .map(|a| a + (1_000 * rng.below(30)) as f64);
        let after = score_zone(&p, &zone, &w)
            .criterion(CriterionKind::Space)
            .unwrap()
            .score;
        assert!(after >= before, "{} -> {}", before, after);
    }
}

#[test]
fn adding_a_matching_chain_link_never_lowers_industry_fit() {
    let data = generate(CASES, CASES, 5);
    for (z, p) in data.zones.iter().zip(&data.prospects) {
        let w = Weights::default();
        let mut zone: Zone = z.clone();
        let before = score_zone(p, &zone, &w)
            .criterion(CriterionKind::Industry)
            .unwrap()
            .score;
        if zone.clusters.is_empty() {
            continue;
        }
        zone.clusters[0].links.push(ChainLink {
            name: zonematch::model::Text::new(&p.industry, ""),
            status: LinkStatus::Wanted,
            ..Default::default()
        });
        let after = score_zone(p, &zone, &w)
            .criterion(CriterionKind::Industry)
            .unwrap()
            .score;
        assert!(
            after >= before - 1e-12,
            "{}: {before} -> {after}",
            p.industry
        );
        if !p.industry.trim().is_empty() {
            assert!(
                after > 0.5,
                "a link named as the prospect's industry matches: {}",
                p.industry
            );
        }
    }
}

#[test]
fn a_pair_scores_the_same_in_both_directions() {
    let data = generate(30, 200, 6);
    let profiles: Vec<ProspectProfile> = data.prospects.iter().map(ProspectProfile::new).collect();
    let w = Weights::default();
    let catalogue = Catalogue::new(&data.zones);
    for (zi, zone) in data.zones[..5].iter().enumerate() {
        let by_prospect = catalogue.rank_prospects(zi, &profiles, &w);
        for m in by_prospect.iter().take(20) {
            let p = data.prospect(&m.prospect_id).unwrap();
            let forward = rank_zones(p, &data.zones, &w);
            let same = forward.iter().find(|f| f.zone_id == zone.id).unwrap();
            assert_eq!(same.total, m.result.total);
        }
    }
}

#[test]
fn every_generated_dataset_round_trips_through_the_file_format() {
    for seed in 0..20 {
        let data = generate(20, 50, seed);
        assert_eq!(import_json(&export_json(&data, "t")).unwrap(), data);
    }
}

#[test]
fn every_persisted_type_round_trips() {
    use zonematch::forms::ProspectDraft;
    use zonematch::i18n::Lang;
    use zonematch::transfer::{encode_stored, load_stored, stored_revision};
    let mut rng = Rng::new(11);
    let words = [
        "动力电池",
        "=1+1",
        "\"quoted\"",
        "a,b",
        "换行\n",
        "emoji 🔋",
        "",
        "  ",
        "<script>",
    ];
    for i in 0..200 {
        let w = weights_of(&mut rng);
        let back: Weights = serde_json::from_str(&serde_json::to_string(&w).unwrap()).unwrap();
        assert_eq!(back, w);
        let lang = if rng.chance(0.5) { Lang::Zh } else { Lang::En };
        assert_eq!(
            serde_json::from_str::<Lang>(&serde_json::to_string(&lang).unwrap()).unwrap(),
            lang
        );
        let draft = ProspectDraft {
            name: rng.pick(&words).to_string(),
            industry: rng.pick(&words).to_string(),
            investment: rng.pick(&["6亿", "", "abc", "1,500"]).to_string(),
            notes: rng.pick(&words).to_string(),
            must_factory: rng.chance(0.5),
            ..Default::default()
        };
        let back: ProspectDraft =
            serde_json::from_str(&serde_json::to_string(&draft).unwrap()).unwrap();
        assert_eq!(back, draft);
        // The stored form, plain for small data and deflated for large.
        let data = generate(
            1 + rng.below(if i % 50 == 0 { 900 } else { 20 }),
            rng.below(60),
            i,
        );
        let stored = encode_stored(&data, i);
        assert_eq!(load_stored(&stored).unwrap(), data);
        assert_eq!(stored_revision(&stored), i);
    }
}
