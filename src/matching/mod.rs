//! The matching engine: scores prospective enterprises against development zones and
//! explains every score criterion by criterion. Plain Rust with no web types, so it runs
//! natively in tests, examples and benchmarks, and in the browser.
//!
//! Six criteria each score 0-1 with reasons: industry fit, chain role (补链/强链/延链),
//! space, investment thresholds, incentives, region. Hard limits (a zone's restricted
//! industries, the prospect's must-have space) are separate: a zone that fails one is
//! *excluded* with the reason, and ranked after every zone that is not.
//!
//! The total is a weighted mean of the criteria that apply:
//! `total = round(100 × Σ wᵢ·sᵢ / Σ wᵢ)` over applicable criteria `i`. A criterion does not
//! apply when the prospect gave nothing for it (no space need, no investment figure) or
//! the zone publishes nothing to judge it by; it is still listed, with its reason.
//!
//! ```
//! use zonematch::matching::{rank_zones, CriterionKind, Preset};
//! use zonematch::model::Prospect;
//! let zones = zonematch::demo::demo_zones();
//! let prospect = Prospect {
//!     id: "p".into(),
//!     name: "某电池企业".into(),
//!     industry: "21700圆柱动力电池".into(),
//!     factory_m2: Some(20_000.0),
//!     ..Default::default()
//! };
//! let ranked = rank_zones(&prospect, &zones, &Preset::Balanced.weights());
//! assert_eq!(ranked[0].zone_id, "gaoping-etdz");
//! assert!(ranked[0].total <= 100);
//! assert_eq!(ranked[0].criteria.len(), CriterionKind::ALL.len());
//! ```

mod catalogue;
mod chain;
mod incentives;
mod industry;
mod investment;
mod limits;
mod parts;
mod profile;
pub mod region;
mod region_fit;
mod space;

pub use catalogue::Catalogue;
use catalogue::{ClassEvidence, CodeTag, Place, PlaceEvidence, Restriction, TextHit};
use chain::chain_fit;
pub use chain::{EXTENDS_VALUE, FILLS_GAP_VALUE, STRENGTHENS_VALUE};
use incentives::incentive_fit;
pub use incentives::{STRONG_INCENTIVE_SHARE, UNKNOWN_AMOUNT_CREDIT};
pub use industry::{INDUSTRY_NOISE_FLOOR, TAXONOMY_WEIGHT};
use investment::investment_fit;
pub use limits::RESTRICTION_COVERAGE;
use limits::{exclusions, is_code};
use parts::Parts;
pub use profile::{ProspectProfile, CLASSIFICATION_FLOOR};
use space::space_fit;
pub use space::UNKNOWN_SPACE_CREDIT;

use serde::{Deserialize, Serialize};

use crate::model::{LinkStatus, Prospect, Text, Zone};
use crate::taxonomy::{affinity_keys, relation_keys, taxonomy, Classification, CodeKey, Relation};
use crate::text::index::QuickMap;
use crate::text::index::TermIndex;
use crate::text::similarity::{self, Bigram, Prepared};
use crate::text::specificity::{
    specificity, word_specificity, INDUSTRY_EVIDENCE_FLOOR, PARTIAL_WORD_CREDIT,
    SPECIFIC_WORD_FLOOR,
};

/// The criteria, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CriterionKind {
    /// 产业匹配: industry/products vs clusters and chain links, by text and taxonomy.
    Industry,
    /// 链位: fills a wanted link (补链), strengthens a present one (强链), extends (延链).
    Chain,
    /// 空间匹配: factory m² and land 亩 needed vs available.
    Space,
    /// 投资门槛: planned investment vs minimum investment and intensity per 亩.
    Investment,
    /// 政策: incentive policies the prospect qualifies for, and their estimated value.
    Incentives,
    /// 区域: the prospect's origin vs the regions the zone recruits from.
    Region,
}

impl CriterionKind {
    pub const ALL: [CriterionKind; 6] = [
        CriterionKind::Industry,
        CriterionKind::Chain,
        CriterionKind::Space,
        CriterionKind::Investment,
        CriterionKind::Incentives,
        CriterionKind::Region,
    ];

    /// Stable lower-case name (used in data attributes and the ranking command's output).
    pub fn key(self) -> &'static str {
        match self {
            CriterionKind::Industry => "industry",
            CriterionKind::Chain => "chain",
            CriterionKind::Space => "space",
            CriterionKind::Investment => "investment",
            CriterionKind::Incentives => "incentives",
            CriterionKind::Region => "region",
        }
    }
}

/// Relative weights of the criteria. Only their ratios matter; negative values count as 0.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Weights {
    pub industry: f64,
    pub chain: f64,
    pub space: f64,
    pub investment: f64,
    pub incentives: f64,
    pub region: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Preset::Balanced.weights()
    }
}

impl Weights {
    pub fn get(&self, kind: CriterionKind) -> f64 {
        match kind {
            CriterionKind::Industry => self.industry,
            CriterionKind::Chain => self.chain,
            CriterionKind::Space => self.space,
            CriterionKind::Investment => self.investment,
            CriterionKind::Incentives => self.incentives,
            CriterionKind::Region => self.region,
        }
        .max(0.0)
    }

    pub fn set(&mut self, kind: CriterionKind, value: f64) {
        let v = if value.is_finite() {
            value.max(0.0)
        } else {
            0.0
        };
        match kind {
            CriterionKind::Industry => self.industry = v,
            CriterionKind::Chain => self.chain = v,
            CriterionKind::Space => self.space = v,
            CriterionKind::Investment => self.investment = v,
            CriterionKind::Incentives => self.incentives = v,
            CriterionKind::Region => self.region = v,
        }
    }

    /// The preset these weights equal, if any.
    pub fn preset(&self) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.weights() == *self)
    }
}

/// Named weightings for common situations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Preset {
    /// Industry first, then space; everything counts.
    Balanced,
    /// Chain-based recruitment (产业链招商): the chain role weighs as much as industry.
    ChainFirst,
    /// The project must move in soon: space dominates.
    SpaceCritical,
    /// The investor compares packages: incentives weigh most after industry.
    IncentiveSeeking,
}

impl Preset {
    pub const ALL: [Preset; 4] = [
        Preset::Balanced,
        Preset::ChainFirst,
        Preset::SpaceCritical,
        Preset::IncentiveSeeking,
    ];

    /// Weights in tenths, so that they read as slider positions (0-10).
    pub fn weights(self) -> Weights {
        let w = |industry, chain, space, investment, incentives, region| Weights {
            industry,
            chain,
            space,
            investment,
            incentives,
            region,
        };
        match self {
            Preset::Balanced => w(4.0, 1.5, 2.0, 1.0, 1.0, 0.5),
            Preset::ChainFirst => w(3.5, 3.5, 1.0, 1.0, 0.5, 0.5),
            Preset::SpaceCritical => w(2.5, 1.0, 4.5, 1.0, 0.5, 0.5),
            Preset::IncentiveSeeking => w(2.5, 1.0, 1.5, 1.0, 3.5, 0.5),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Preset::Balanced => "balanced",
            Preset::ChainFirst => "chain_first",
            Preset::SpaceCritical => "space_critical",
            Preset::IncentiveSeeking => "incentive_seeking",
        }
    }
}

/// The chain role a prospect would play in a zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChainRole {
    /// 补链: a link the zone marks as wanted.
    FillsGap,
    /// 强链: a link the zone already has.
    Strengthens,
    /// 延链: the cluster's industry, but no link of it yet.
    Extends,
}

/// How an industry match was found.
#[derive(Clone, Debug, PartialEq)]
pub enum MatchVia {
    /// A cluster or link name or keyword found in the description.
    Term { term: String, coverage: f64 },
    /// The description's taxonomy class relates to the zone's code.
    Taxonomy {
        prospect_code: String,
        prospect_name: Text,
        zone_code: String,
        zone_name: Text,
        relation: Relation,
    },
}

/// Why a criterion scored what it did. Language-neutral: `i18n` renders it.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    NoIndustryGiven,
    IndustryMatch {
        cluster: Text,
        link: Option<Text>,
        /// The evidence: a term found, a taxonomy relation, or both.
        via: Vec<MatchVia>,
    },
    IndustryNoMatch,
    ChainRole {
        role: ChainRole,
        cluster: Text,
        link: Option<Text>,
    },
    NoChainRelation,
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
    /// The zone has not published its free factory space. `must_have`: the prospect
    /// cannot do without it, so it is to be checked with the zone (neither a pass nor an
    /// exclusion).
    FactoryUnknown {
        need_m2: f64,
        must_have: bool,
    },
    LandFits {
        need_mu: f64,
        available_mu: f64,
    },
    LandShort {
        need_mu: f64,
        available_mu: f64,
    },
    /// The zone has not published its free land (see [`Reason::FactoryUnknown`]).
    LandUnknown {
        need_mu: f64,
        must_have: bool,
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
    NoIncentivesListed,
    /// No investment or space figure: eligibility cannot be judged.
    NoProjectFacts,
    IncentivesEligible {
        eligible: Vec<Text>,
        listed: usize,
        /// Sum of stated amounts of eligible policies, after the zone's cap, 万元.
        value_wan: Option<f64>,
        capped_at_wan: Option<f64>,
        /// Scored as half the share of policies that apply (no amounts published, or no
        /// investment to weigh them against), which the reason must say.
        at_half: bool,
    },
    IncentivesNoneEligible {
        listed: usize,
    },
    NoOriginGiven,
    NoTargetRegions,
    RegionTargeted {
        region: Text,
    },
    RegionNotTargeted {
        origin: String,
    },
    /// The zone is known from the national catalogue only (name, kind, leading
    /// industries): this criterion cannot be judged.
    NotInCatalogue,
}

/// A hard limit the zone fails for this prospect.
#[derive(Clone, Debug, PartialEq)]
pub enum Exclusion {
    /// The prospect's industry is one the zone does not admit.
    RestrictedIndustry { restriction: String },
    /// Factory space is a must-have and the zone's known free space is smaller.
    FactoryMustHave { need_m2: f64, available_m2: f64 },
    /// Land is a must-have and the zone's known free land is smaller.
    LandMustHave { need_mu: f64, available_mu: f64 },
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
    /// Hard limits failed; non-empty means excluded whatever the total.
    pub exclusions: Vec<Exclusion>,
    /// Share of the prospect's description the best-matching cluster or link explains
    /// (0-1); breaks ties between equal totals.
    pub explained: f64,
    /// The zone is reference data (national catalogue only): scored on industry alone,
    /// the other criteria "not scored" and adding nothing to the total, and ranked after
    /// a profiled zone with the same total.
    pub little_data: bool,
}

impl CriterionScore {
    /// A criterion with nothing to judge: listed with its reason, not counted.
    fn not_scored(kind: CriterionKind, weight: f64, explain: bool, reason: Reason) -> Self {
        Self {
            kind,
            score: 0.0,
            weight,
            applicable: false,
            reasons: why(explain, || vec![reason]),
        }
    }
}

impl CriterionScore {
    /// For the industry criterion: false when it applies and is below
    /// [`INDUSTRY_NOISE_FLOOR`] (the zone does not really fit). True for any other.
    pub fn fits(&self) -> bool {
        self.kind != CriterionKind::Industry
            || !self.applicable
            || self.score >= INDUSTRY_NOISE_FLOOR
    }
}

impl ZoneMatch {
    pub fn criterion(&self, kind: CriterionKind) -> Option<&CriterionScore> {
        self.criteria.iter().find(|c| c.kind == kind)
    }

    /// False when the zone's industry fit is below the noise floor: such a zone ranks
    /// after every zone that fits, whatever its space, incentives or region.
    pub fn fits_industry(&self) -> bool {
        self.criterion(CriterionKind::Industry)
            .is_none_or(CriterionScore::fits)
    }

    pub fn is_excluded(&self) -> bool {
        !self.exclusions.is_empty()
    }
}

/// A prospect's fit for one zone (the zone staff's direction).
#[derive(Clone, Debug, PartialEq)]
pub struct ProspectMatch {
    pub prospect_id: String,
    pub result: ZoneMatch,
}

/// Reasons when explaining, nothing (and no allocation) otherwise.
pub(super) fn why(explain: bool, reasons: impl FnOnce() -> Vec<Reason>) -> Vec<Reason> {
    if explain {
        reasons()
    } else {
        Vec::new()
    }
}

/// Order results: zones passing every hard limit first; then by total, then by how much
/// of the description the zone explains. Stable, so full ties keep catalogue order.
pub(super) fn sort_matches<T>(items: &mut [T], get: impl Fn(&T) -> &ZoneMatch) {
    crate::order::sort_by(items, |a, b| {
        let (a, b) = (get(a), get(b));
        a.is_excluded()
            .cmp(&b.is_excluded())
            .then_with(|| b.fits_industry().cmp(&a.fits_industry()))
            .then_with(|| b.total.cmp(&a.total))
            .then_with(|| a.little_data.cmp(&b.little_data))
            .then_with(|| b.explained.total_cmp(&a.explained))
    });
}

/// Score one prospect against one zone.
pub fn score_zone(prospect: &Prospect, zone: &Zone, weights: &Weights) -> ZoneMatch {
    let catalogue = Catalogue::new(std::slice::from_ref(zone));
    catalogue.score(0, &ProspectProfile::new(prospect), weights)
}

/// Every zone ranked for `prospect` (see [`Catalogue::rank`]). Builds the catalogue each
/// call: for repeated ranking, build a [`Catalogue`] once.
pub fn rank_zones(prospect: &Prospect, zones: &[Zone], weights: &Weights) -> Vec<ZoneMatch> {
    Catalogue::new(zones).rank(&ProspectProfile::new(prospect), weights)
}
