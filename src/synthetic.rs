//! Deterministic synthetic catalogues for benchmarks: a national-scale set of zones
//! (~2,600) and prospects (10,000) built from the shipped taxonomy, the same on every
//! machine and in every build for a given seed.

use crate::matching::CriterionKind;
use crate::model::{
    ChainLink, ChainStage, Cluster, Dataset, FactorySpace, Incentive, IncentiveCategory,
    LinkStatus, MustHave, Prospect, Stage, Text, Zone, ZoneKind, SCHEMA_VERSION,
};
use crate::taxonomy::taxonomy;

/// SplitMix64: small, fast, and good enough to spread synthetic data.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / ((1u64 << 53) as f64)) < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const CITIES: &[&str] = &[
    "深圳", "东莞", "苏州", "上海", "杭州", "北京", "天津", "成都", "重庆", "太原", "合肥", "西安",
    "Shenzhen", "Suzhou", "Beijing", "Germany",
];
const REGIONS: &[&str] = &["粤港澳大湾区", "长三角", "京津冀", "成渝", "山西"];
const NOISE: &[&str] = &["有限公司", "集团", "Co., Ltd.", "科技", "项目", "生产基地"];

/// `zones` zones and `prospects` prospects, deterministic for `seed`.
pub fn generate(zones: usize, prospects: usize, seed: u64) -> Dataset {
    let t = taxonomy();
    let mut rng = Rng::new(seed);
    let divisions: Vec<usize> = (0..t.entries().len())
        .filter(|&i| {
            let c = t.entry(i).code;
            c.len() == 2 && c.chars().all(|ch| ch.is_ascii_digit()) && ("13"..="78").contains(&c)
        })
        .collect();
    let children = |div: &str| -> Vec<usize> {
        (0..t.entries().len())
            .filter(|&i| {
                let c = &t.entry(i).code;
                c.len() > 2 && c.starts_with(div) && c.chars().all(|ch| ch.is_ascii_digit())
            })
            .collect()
    };
    let mut out = Dataset {
        schema_version: SCHEMA_VERSION,
        zones: Vec::with_capacity(zones),
        prospects: Vec::with_capacity(prospects),
    };
    for zi in 0..zones {
        let mut clusters = Vec::new();
        for _ in 0..1 + rng.below(4) {
            let div = t.entry(*rng.pick(&divisions));
            let kids = children(div.code);
            let mut links = Vec::new();
            for _ in 0..rng.below(5) {
                if kids.is_empty() {
                    break;
                }
                let e = t.entry(*rng.pick(&kids));
                links.push(ChainLink {
                    name: Text::new(e.zh, e.en),
                    stage: *rng.pick(&[
                        ChainStage::Upstream,
                        ChainStage::Midstream,
                        ChainStage::Downstream,
                    ]),
                    status: if rng.chance(0.3) {
                        LinkStatus::Wanted
                    } else {
                        LinkStatus::Present
                    },
                    keywords: e.synonyms.iter().take(4).map(|s| s.to_string()).collect(),
                    codes: if rng.chance(0.7) {
                        vec![e.code.to_string()]
                    } else {
                        Vec::new()
                    },
                    ..Default::default()
                });
            }
            clusters.push(Cluster {
                name: Text::new(div.zh, div.en),
                keywords: div.synonyms.iter().map(|s| s.to_string()).collect(),
                codes: vec![div.code.to_string()],
                links,
                ..Default::default()
            });
        }
        let incentives = (0..rng.below(6))
            .map(|k| Incentive {
                name: Text::new(&format!("政策{k}"), &format!("Policy {k}")),
                category: *rng.pick(&[
                    IncentiveCategory::Reward,
                    IncentiveCategory::Subsidy,
                    IncentiveCategory::Support,
                ]),
                max_wan: rng.chance(0.5).then(|| (100 + rng.below(2000)) as f64),
                requires_factory: rng.chance(0.3),
                requires_land: rng.chance(0.2),
                min_investment_wan: rng.chance(0.2).then(|| (1000 * (1 + rng.below(20))) as f64),
                codes: Vec::new(),
                ..Default::default()
            })
            .collect();
        out.zones.push(Zone {
            id: format!("syn-z{zi:05}"),
            name: Text::new(&format!("合成园区{zi}"), &format!("Synthetic zone {zi}")),
            kind: *rng.pick(&ZoneKind::ALL),
            location: Text::new(rng.pick::<&str>(CITIES), ""),
            summary: Text::default(),
            clusters,
            factory: FactorySpace {
                planned_m2: None,
                built_m2: rng
                    .chance(0.5)
                    .then(|| (10_000 * (1 + rng.below(200))) as f64),
                occupancy_pct: rng.chance(0.5).then(|| (50 + rng.below(50)) as f64),
                available_m2: rng.chance(0.4).then(|| (1_000 * rng.below(100)) as f64),
                ..Default::default()
            },
            land_available_mu: rng.chance(0.5).then(|| (10 * rng.below(300)) as f64),
            land_note: Text::default(),
            min_investment_wan: rng.chance(0.3).then(|| (1000 * (1 + rng.below(30))) as f64),
            min_intensity_wan_per_mu: rng.chance(0.3).then(|| (100 + rng.below(400)) as f64),
            restricted: if rng.chance(0.1) {
                vec!["25".into()]
            } else {
                Vec::new()
            },
            incentives,
            incentive_count: None,
            incentive_cap_wan: rng.chance(0.3).then_some(10_000.0),
            services: Vec::new(),
            target_regions: (0..rng.below(3))
                .map(|_| Text::new(rng.pick::<&str>(REGIONS), ""))
                .collect(),
            contacts: Vec::new(),
            as_of: "2026-11".into(),
            source: "synthetic".into(),
            ..Default::default()
        });
    }
    let leaves: Vec<usize> = (0..t.entries().len())
        .filter(|&i| {
            let c = &t.entry(i).code;
            c.len() >= 3 && c.chars().all(|ch| ch.is_ascii_digit())
        })
        .collect();
    for pi in 0..prospects {
        let e = t.entry(*rng.pick(&leaves));
        let mut words: Vec<String> = vec![rng.pick(&[&e.zh, &e.en]).to_string()];
        if let Some(s) = e.synonyms.get(rng.below(e.synonyms.len().max(1))) {
            words.push(s.to_string());
        }
        if rng.chance(0.3) {
            words.push((*rng.pick(NOISE)).to_string());
        }
        out.prospects.push(Prospect {
            id: format!("syn-p{pi:05}"),
            name: format!("合成企业{pi}"),
            industry: words.join(" "),
            products: String::new(),
            investment_wan: rng.chance(0.7).then(|| (500 * (1 + rng.below(200))) as f64),
            factory_m2: rng
                .chance(0.5)
                .then(|| (1_000 * (1 + rng.below(50))) as f64),
            land_mu: rng.chance(0.4).then(|| (10 * (1 + rng.below(50))) as f64),
            jobs: rng.chance(0.5).then(|| (10 * (1 + rng.below(100))) as u32),
            must_have: MustHave {
                factory: rng.chance(0.1),
                land: rng.chance(0.05),
                ..Default::default()
            },
            origin: if rng.chance(0.6) {
                (*rng.pick(CITIES)).to_string()
            } else {
                String::new()
            },
            notes: String::new(),
            stage: *rng.pick(&Stage::ALL),
            created: "2026-11-27T00:00:00Z".into(),
            ..Default::default()
        });
    }
    // Keep CriterionKind in use here so a new criterion reminds us to vary its inputs.
    debug_assert_eq!(CriterionKind::ALL.len(), 6);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic_and_valid() {
        let a = generate(50, 200, 7);
        let b = generate(50, 200, 7);
        assert_eq!(a, b);
        assert_ne!(a, generate(50, 200, 8));
        let text = crate::transfer::export_json(&a, "t");
        assert_eq!(crate::transfer::import_json(&text).unwrap(), a);
    }
}
