//! The matching engine: scores a prospective enterprise against development zones and
//! explains every score criterion by criterion.
//!
//! Plain Rust with no web types, so it runs natively in tests and benchmarks.
//!
//! The total is a weighted mean of the criteria that apply:
//! `total = round(100 × Σ wᵢ·sᵢ / Σ wᵢ)` over applicable criteria `i`, each score
//! `sᵢ ∈ [0, 1]`. A criterion does not apply when the prospect gave nothing for it (no
//! space need, no investment figure) or the zone publishes nothing it could be judged
//! against; it is still listed, with its reason.
//!
//! ```
//! use zonematch::matching::{rank_zones, Weights};
//! use zonematch::model::Prospect;
//! let zones = zonematch::demo::demo_zones();
//! let prospect = Prospect {
//!     id: "p".into(),
//!     name: "某电池企业".into(),
//!     industry: "21700圆柱动力电池".into(),
//!     factory_m2: Some(20_000.0),
//!     ..Default::default()
//! };
//! let ranked = rank_zones(&prospect, &zones, &Weights::default());
//! assert_eq!(ranked[0].zone_id, "gaoping-etdz");
//! assert!(ranked[0].total <= 100);
//! assert_eq!(ranked[0].criteria.len(), 3);
//! ```

pub mod normalize;
pub mod similarity;

use crate::model::{LinkStatus, Prospect, Text, Zone};
use similarity::{coverage_with_evidence, Prepared};

/// Term coverage below which a hit is noise: one shared bigram out of three or four (e.g.
/// 电子 inside 电子商务 vs 电子材料) says little about the industry.
pub const INDUSTRY_EVIDENCE_FLOOR: f64 = 0.34;

/// Matched evidence (see [`similarity::coverage_with_evidence`]) at which a term counts as
/// fully specific: three bigrams is a four-character Chinese term (动力电池) or, with
/// English words counting two, "battery cell".
pub const SPECIFIC_EVIDENCE: f64 = 3.0;

/// Share of the industry score a fully covered but minimal term (one bigram: 光电, 电子)
/// still earns. The rest is earned by specificity, so that 光电芯片 beats 光电 for an
/// optoelectronic-chip maker, while a short exact hit still outranks no hit at all.
pub const MIN_SPECIFICITY: f64 = 0.7;

/// Credit for a space need when the zone has not published its free space: not a failure
/// (the zone may well have it), but not the certainty of a stated figure either.
pub const UNKNOWN_SPACE_CREDIT: f64 = 0.5;

/// The criteria, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CriterionKind {
    /// 产业匹配: prospect industry/products vs zone clusters and chain links.
    Industry,
    /// 空间匹配: factory m² and land 亩 needed vs available.
    Space,
    /// 投资门槛: planned investment vs the zone's minimum and intensity thresholds.
    Investment,
}

/// Relative weights of the criteria. Only their ratios matter.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weights {
    pub industry: f64,
    pub space: f64,
    pub investment: f64,
}

impl Default for Weights {
    /// Industry first: a zone without the chain is the wrong zone whatever its space;
    /// space next, since a project without a building cannot start; thresholds last,
    /// since zones negotiate them.
    fn default() -> Self {
        Self {
            industry: 0.5,
            space: 0.3,
            investment: 0.2,
        }
    }
}

impl Weights {
    fn of(&self, kind: CriterionKind) -> f64 {
        match kind {
            CriterionKind::Industry => self.industry,
            CriterionKind::Space => self.space,
            CriterionKind::Investment => self.investment,
        }
        .max(0.0)
    }
}

/// Why a criterion scored what it did. Language-neutral: `i18n` renders it.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    NoIndustryGiven,
    /// The best term hit: which cluster, through which chain link (if any), which term.
    IndustryMatch {
        cluster: Text,
        link: Option<Text>,
        link_status: Option<LinkStatus>,
        term: String,
        coverage: f64,
    },
    IndustryNoMatch,
    NoSpaceNeed,
    FactoryFits {
        need_m2: f64,
        available_m2: f64,
        estimated: bool,
    },
    FactoryShort {
        need_m2: f64,
        available_m2: f64,
        estimated: bool,
    },
    FactoryUnknown {
        need_m2: f64,
    },
    LandFits {
        need_mu: f64,
        available_mu: f64,
    },
    LandShort {
        need_mu: f64,
        available_mu: f64,
    },
    LandUnknown {
        need_mu: f64,
    },
    NoInvestmentGiven,
    InvestmentMeetsMinimum {
        investment_wan: f64,
        minimum_wan: f64,
    },
    InvestmentBelowMinimum {
        investment_wan: f64,
        minimum_wan: f64,
    },
    IntensityMeets {
        intensity_wan_per_mu: f64,
        minimum_wan_per_mu: f64,
    },
    IntensityBelow {
        intensity_wan_per_mu: f64,
        minimum_wan_per_mu: f64,
    },
    NoThresholdPublished,
}

/// One criterion's score and the reasons for it.
#[derive(Clone, Debug, PartialEq)]
pub struct CriterionScore {
    pub kind: CriterionKind,
    /// 0-1.
    pub score: f64,
    pub weight: f64,
    /// False when there was nothing to judge; such a criterion does not count in the total.
    pub applicable: bool,
    pub reasons: Vec<Reason>,
}

/// A zone's fit for one prospect.
#[derive(Clone, Debug, PartialEq)]
pub struct ZoneMatch {
    pub zone_id: String,
    /// 0-100, the weighted mean of applicable criteria.
    pub total: u8,
    pub criteria: Vec<CriterionScore>,
}

impl ZoneMatch {
    pub fn criterion(&self, kind: CriterionKind) -> Option<&CriterionScore> {
        self.criteria.iter().find(|c| c.kind == kind)
    }
}

/// One searchable term of a zone: a cluster or chain-link name or keyword.
#[derive(Clone, Debug)]
struct Term {
    prepared: Prepared,
    label: String,
    cluster: usize,
    link: Option<usize>,
}

/// A zone with its terms prepared once, so that ranking while the user types does not
/// re-normalise every profile on every keystroke.
#[derive(Clone, Debug)]
pub struct PreparedZone<'a> {
    pub zone: &'a Zone,
    terms: Vec<Term>,
}

impl<'a> PreparedZone<'a> {
    pub fn new(zone: &'a Zone) -> Self {
        let mut terms = Vec::new();
        let mut push = |label: &str, cluster: usize, link: Option<usize>| {
            let prepared = Prepared::new(label);
            if !prepared.is_empty() {
                terms.push(Term {
                    prepared,
                    label: label.to_string(),
                    cluster,
                    link,
                });
            }
        };
        for (ci, cluster) in zone.clusters.iter().enumerate() {
            push(&cluster.name.zh, ci, None);
            push(&cluster.name.en, ci, None);
            for k in &cluster.keywords {
                push(k, ci, None);
            }
            for (li, link) in cluster.links.iter().enumerate() {
                push(&link.name.zh, ci, Some(li));
                push(&link.name.en, ci, Some(li));
                for k in &link.keywords {
                    push(k, ci, Some(li));
                }
            }
        }
        Self { zone, terms }
    }
}

/// A prospect's text prepared once for scoring against many zones.
#[derive(Clone, Debug)]
pub struct PreparedProspect<'a> {
    pub prospect: &'a Prospect,
    industry: Prepared,
}

impl<'a> PreparedProspect<'a> {
    pub fn new(prospect: &'a Prospect) -> Self {
        let text = format!("{} {}", prospect.industry, prospect.products);
        Self {
            prospect,
            industry: Prepared::new(&text),
        }
    }
}

/// Score one prepared prospect against one prepared zone.
pub fn score(p: &PreparedProspect, z: &PreparedZone, weights: &Weights) -> ZoneMatch {
    let criteria = vec![
        industry_fit(p, z, weights),
        space_fit(p.prospect, z.zone, weights),
        investment_fit(p.prospect, z.zone, weights),
    ];
    let (sum, wsum) = criteria
        .iter()
        .filter(|c| c.applicable)
        .fold((0.0, 0.0), |(s, w), c| {
            (s + c.weight * c.score, w + c.weight)
        });
    let total = if wsum > 0.0 {
        (100.0 * sum / wsum).round().clamp(0.0, 100.0) as u8
    } else {
        0
    };
    ZoneMatch {
        zone_id: z.zone.id.clone(),
        total,
        criteria,
    }
}

/// Score one prospect against one zone.
pub fn score_zone(prospect: &Prospect, zone: &Zone, weights: &Weights) -> ZoneMatch {
    score(
        &PreparedProspect::new(prospect),
        &PreparedZone::new(zone),
        weights,
    )
}

/// Every zone scored for `prospect`, best first; ties go to the zone listed first.
pub fn rank_zones(prospect: &Prospect, zones: &[Zone], weights: &Weights) -> Vec<ZoneMatch> {
    let p = PreparedProspect::new(prospect);
    let mut out: Vec<ZoneMatch> = zones
        .iter()
        .map(|z| score(&p, &PreparedZone::new(z), weights))
        .collect();
    out.sort_by_key(|m| std::cmp::Reverse(m.total));
    out
}

fn industry_fit(p: &PreparedProspect, z: &PreparedZone, weights: &Weights) -> CriterionScore {
    let kind = CriterionKind::Industry;
    let weight = weights.of(kind);
    if p.industry.is_empty() {
        return CriterionScore {
            kind,
            score: 0.0,
            weight,
            applicable: false,
            reasons: vec![Reason::NoIndustryGiven],
        };
    }
    // Best term by coverage × specificity; on a tie a chain link beats a cluster name.
    let mut best: Option<(&Term, f64, f64)> = None;
    for term in &z.terms {
        let (c, evidence) = coverage_with_evidence(&term.prepared, &p.industry);
        if c < INDUSTRY_EVIDENCE_FLOOR {
            continue;
        }
        let specificity =
            MIN_SPECIFICITY + (1.0 - MIN_SPECIFICITY) * (evidence / SPECIFIC_EVIDENCE).min(1.0);
        let s = c * specificity;
        let better = match best {
            None => true,
            Some((b, bs, _)) => s > bs || (s == bs && term.link.is_some() && b.link.is_none()),
        };
        if better {
            best = Some((term, s, c));
        }
    }
    match best {
        Some((term, s, c)) => {
            let cluster = &z.zone.clusters[term.cluster];
            let link = term.link.map(|li| &cluster.links[li]);
            CriterionScore {
                kind,
                score: s,
                weight,
                applicable: true,
                reasons: vec![Reason::IndustryMatch {
                    cluster: cluster.name.clone(),
                    link: link.map(|l| l.name.clone()),
                    link_status: link.map(|l| l.status),
                    term: term.label.clone(),
                    coverage: c,
                }],
            }
        }
        None => CriterionScore {
            kind,
            score: 0.0,
            weight,
            applicable: true,
            reasons: vec![Reason::IndustryNoMatch],
        },
    }
}

fn space_fit(p: &Prospect, zone: &Zone, weights: &Weights) -> CriterionScore {
    let kind = CriterionKind::Space;
    let mut parts = Vec::new();
    let mut reasons = Vec::new();
    if let Some(need) = p.factory_m2.filter(|n| *n > 0.0) {
        match zone.factory.availability() {
            Some(a) if a.m2 >= need => {
                parts.push(1.0);
                reasons.push(Reason::FactoryFits {
                    need_m2: need,
                    available_m2: a.m2,
                    estimated: a.estimated,
                });
            }
            Some(a) => {
                parts.push((a.m2 / need).clamp(0.0, 1.0));
                reasons.push(Reason::FactoryShort {
                    need_m2: need,
                    available_m2: a.m2,
                    estimated: a.estimated,
                });
            }
            None => {
                parts.push(UNKNOWN_SPACE_CREDIT);
                reasons.push(Reason::FactoryUnknown { need_m2: need });
            }
        }
    }
    if let Some(need) = p.land_mu.filter(|n| *n > 0.0) {
        match zone.land_available_mu {
            Some(a) if a >= need => {
                parts.push(1.0);
                reasons.push(Reason::LandFits {
                    need_mu: need,
                    available_mu: a,
                });
            }
            Some(a) => {
                parts.push((a / need).clamp(0.0, 1.0));
                reasons.push(Reason::LandShort {
                    need_mu: need,
                    available_mu: a,
                });
            }
            None => {
                parts.push(UNKNOWN_SPACE_CREDIT);
                reasons.push(Reason::LandUnknown { need_mu: need });
            }
        }
    }
    if parts.is_empty() {
        return CriterionScore {
            kind,
            score: 0.0,
            weight: weights.of(kind),
            applicable: false,
            reasons: vec![Reason::NoSpaceNeed],
        };
    }
    CriterionScore {
        kind,
        score: parts.iter().sum::<f64>() / parts.len() as f64,
        weight: weights.of(kind),
        applicable: true,
        reasons,
    }
}

fn investment_fit(p: &Prospect, zone: &Zone, weights: &Weights) -> CriterionScore {
    let kind = CriterionKind::Investment;
    let weight = weights.of(kind);
    let Some(investment) = p.investment_wan.filter(|v| *v > 0.0) else {
        return CriterionScore {
            kind,
            score: 0.0,
            weight,
            applicable: false,
            reasons: vec![Reason::NoInvestmentGiven],
        };
    };
    let mut parts = Vec::new();
    let mut reasons = Vec::new();
    if let Some(min) = zone.min_investment_wan.filter(|m| *m > 0.0) {
        if investment >= min {
            parts.push(1.0);
            reasons.push(Reason::InvestmentMeetsMinimum {
                investment_wan: investment,
                minimum_wan: min,
            });
        } else {
            parts.push(investment / min);
            reasons.push(Reason::InvestmentBelowMinimum {
                investment_wan: investment,
                minimum_wan: min,
            });
        }
    }
    if let (Some(min), Some(land)) = (
        zone.min_intensity_wan_per_mu.filter(|m| *m > 0.0),
        p.land_mu.filter(|l| *l > 0.0),
    ) {
        let intensity = investment / land;
        if intensity >= min {
            parts.push(1.0);
            reasons.push(Reason::IntensityMeets {
                intensity_wan_per_mu: intensity,
                minimum_wan_per_mu: min,
            });
        } else {
            parts.push(intensity / min);
            reasons.push(Reason::IntensityBelow {
                intensity_wan_per_mu: intensity,
                minimum_wan_per_mu: min,
            });
        }
    }
    if parts.is_empty() {
        return CriterionScore {
            kind,
            score: 0.0,
            weight,
            applicable: false,
            reasons: vec![Reason::NoThresholdPublished],
        };
    }
    CriterionScore {
        kind,
        score: parts.iter().sum::<f64>() / parts.len() as f64,
        weight,
        applicable: true,
        reasons,
    }
}
