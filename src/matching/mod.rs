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

pub mod index;
pub mod normalize;
pub mod region;
pub mod similarity;

use serde::{Deserialize, Serialize};

use crate::model::{LinkStatus, Prospect, Text, Zone};
use crate::taxonomy::{affinity_keys, relation_keys, taxonomy, Classification, CodeKey, Relation};
use index::TermIndex;
use similarity::Prepared;

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

/// Smallest classification confidence used for hierarchy matching and restrictions:
/// below it the taxonomy guess is too weak to stand on.
pub const CLASSIFICATION_FLOOR: f64 = 0.5;

/// How much a taxonomy match counts against a term match: a shared industry class says
/// "same kind of business", a term says "the very product", so a class alone earns a
/// little less. Text and class evidence combine as a noisy-OR:
/// `1 − (1 − text) × (1 − TAXONOMY_WEIGHT × class)`.
pub const TAXONOMY_WEIGHT: f64 = 0.9;

/// Incentive credit per eligible policy when no amounts are stated: eligibility without
/// a value is weaker evidence than a known amount, so a full list earns half.
pub const UNKNOWN_AMOUNT_CREDIT: f64 = 0.5;

/// Credit for a space need when the zone has not published its free space: not a failure
/// (the zone may well have it), but not the certainty of a stated figure either.
pub const UNKNOWN_SPACE_CREDIT: f64 = 0.5;

/// Chain-role values: filling a link the zone is recruiting for is what chain-based
/// recruitment (产业链招商图谱) is about; strengthening a present link adds capacity and
/// suppliers; extending (a related industry the cluster does not have yet) is a bet.
pub const FILLS_GAP_VALUE: f64 = 1.0;
pub const STRENGTHENS_VALUE: f64 = 0.75;
pub const EXTENDS_VALUE: f64 = 0.5;

/// Incentive value, as a share of the planned investment, that counts as a full score:
/// zone packages of a few percent of investment are what decides between zones.
pub const STRONG_INCENTIVE_SHARE: f64 = 0.05;

/// Share of a restricted-industry word that must be found in a description to exclude.
pub const RESTRICTION_COVERAGE: f64 = 0.67;

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
    NoIncentivesListed,
    /// No investment or space figure: eligibility cannot be judged.
    NoProjectFacts,
    IncentivesEligible {
        eligible: Vec<Text>,
        listed: usize,
        /// Sum of stated amounts of eligible policies, after the zone's cap, 万元.
        value_wan: Option<f64>,
        capped_at_wan: Option<f64>,
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

impl ZoneMatch {
    pub fn criterion(&self, kind: CriterionKind) -> Option<&CriterionScore> {
        self.criteria.iter().find(|c| c.kind == kind)
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

/// A prospect prepared once for scoring against many zones: normalised text, taxonomy
/// classification, origin regions. Rebuild it when the prospect changes.
#[derive(Clone, Debug)]
pub struct ProspectProfile {
    pub prospect: Prospect,
    text: Prepared,
    classes: Vec<Classification>,
    /// Resolved codes of `classes`, same order.
    class_keys: Vec<CodeKey>,
    regions: Vec<&'static str>,
}

impl ProspectProfile {
    pub fn new(prospect: &Prospect) -> Self {
        let text = Prepared::new(&format!("{} {}", prospect.industry, prospect.products));
        let t = taxonomy();
        let classes: Vec<Classification> = t
            .classify(&text)
            .into_iter()
            .filter(|c| c.confidence >= CLASSIFICATION_FLOOR)
            .collect();
        let class_keys = classes
            .iter()
            .map(|c| t.key(&t.entry(c.entry).code))
            .collect();
        Self {
            prospect: prospect.clone(),
            text,
            classes,
            class_keys,
            regions: region::regions_of(&prospect.origin),
        }
    }

    /// Taxonomy codes the description was classified as, with confidence.
    pub fn classes(&self) -> Vec<(String, f64)> {
        let t = taxonomy();
        self.classes
            .iter()
            .map(|c| (t.entry(c.entry).code.clone(), c.confidence))
            .collect()
    }
}

/// Where in a zone a term or code sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Place {
    zone: u32,
    cluster: u16,
    link: Option<u16>,
}

/// Evidence for one cluster or link: its best text hit and its best class relation
/// (score, index of the prospect's class, the zone's code tag).
type PlaceEvidence<'a> = (
    Place,
    Option<&'a TextHit>,
    Option<(f64, usize, &'a CodeTag)>,
);

/// The best term of one cluster or link found in a description.
#[derive(Clone, Debug)]
struct TextHit {
    place: Place,
    score: f64,
    term: u32,
    coverage: f64,
}

#[derive(Clone, Debug)]
struct CodeTag {
    code: String,
    key: CodeKey,
    /// The code's taxonomy name, for reasons (empty when the code is not listed).
    name: Text,
    place: Place,
}

/// A zone's restricted industry, resolved once.
#[derive(Clone, Debug)]
struct Restriction {
    text: String,
    /// Set when the restriction is a taxonomy code.
    key: Option<CodeKey>,
    prepared: Prepared,
}

/// A set of zones prepared for ranking: all cluster and link terms in one inverted index,
/// taxonomy codes (stated, or found from the names), target regions. Build it when
/// profiles change, not per keystroke.
#[derive(Clone, Debug)]
pub struct Catalogue {
    zones: Vec<Zone>,
    index: TermIndex,
    term_place: Vec<(Place, String)>,
    /// Per zone: every cluster and link with the union of its terms' units.
    place_units: Vec<Vec<(Place, Prepared)>>,
    codes: Vec<Vec<CodeTag>>,
    restrictions: Vec<Vec<Restriction>>,
    regions: Vec<Vec<(&'static str, Text)>>,
}

impl Catalogue {
    pub fn new(zones: &[Zone]) -> Self {
        let t = taxonomy();
        let mut index = TermIndex::new();
        let mut term_place = Vec::new();
        let mut codes = Vec::with_capacity(zones.len());
        let mut regions = Vec::with_capacity(zones.len());
        let mut place_units = Vec::with_capacity(zones.len());
        let mut restrictions = Vec::with_capacity(zones.len());
        for (zi, zone) in zones.iter().enumerate() {
            let mut tags = Vec::new();
            let mut units: Vec<(Place, Prepared)> = Vec::new();
            for (ci, cluster) in zone.clusters.iter().enumerate() {
                let cplace = Place {
                    zone: zi as u32,
                    cluster: ci as u16,
                    link: None,
                };
                let mut add_terms = |place: Place, name: &Text, keywords: &[String]| {
                    let mut union = Prepared::default();
                    for term in [&name.zh, &name.en].into_iter().chain(keywords) {
                        let prepared = Prepared::new(term);
                        if index.add_prepared(&prepared).is_some() {
                            term_place.push((place, term.clone()));
                            union.bigrams.extend(prepared.bigrams);
                            union.words.extend(prepared.words);
                        }
                    }
                    union.bigrams.sort_unstable();
                    union.bigrams.dedup();
                    union.words.sort();
                    union.words.dedup();
                    units.push((place, union));
                };
                add_terms(cplace, &cluster.name, &cluster.keywords);
                tag_codes(&mut tags, cplace, &cluster.codes, &cluster.name, t);
                for (li, link) in cluster.links.iter().enumerate() {
                    let lplace = Place {
                        link: Some(li as u16),
                        ..cplace
                    };
                    add_terms(lplace, &link.name, &link.keywords);
                    tag_codes(&mut tags, lplace, &link.codes, &link.name, t);
                }
            }
            codes.push(tags);
            place_units.push(units);
            restrictions.push(
                zone.restricted
                    .iter()
                    .map(|r| r.trim())
                    .filter(|r| !r.is_empty())
                    .map(|r| Restriction {
                        text: r.to_string(),
                        key: is_code(r).then(|| t.key(r)),
                        prepared: Prepared::new(r),
                    })
                    .collect(),
            );
            let mut zr = Vec::new();
            for target in &zone.target_regions {
                for id in region::regions_of(&format!("{} {}", target.zh, target.en)) {
                    if !zr.iter().any(|(r, _)| *r == id) {
                        zr.push((id, target.clone()));
                    }
                }
            }
            regions.push(zr);
        }
        Self {
            zones: zones.to_vec(),
            index,
            term_place,
            place_units,
            codes,
            restrictions,
            regions,
        }
    }

    pub fn zones(&self) -> &[Zone] {
        &self.zones
    }

    /// Every zone scored for the prospect: zones that pass the hard limits first, best
    /// first; then excluded zones, best first. Ties keep catalogue order.
    pub fn rank(&self, p: &ProspectProfile, weights: &Weights) -> Vec<ZoneMatch> {
        self.rank_explaining(p, weights, usize::MAX)
    }

    /// [`Catalogue::rank`], with reasons only for the first `explain` zones: what a screen
    /// that shows the best few zones needs, at a fraction of the cost for thousands of
    /// zones. Scores, totals and exclusions are complete for every zone.
    pub fn rank_explaining(
        &self,
        p: &ProspectProfile,
        weights: &Weights,
        explain: usize,
    ) -> Vec<ZoneMatch> {
        let text_hits = self.text_hits(p);
        let mut out: Vec<(usize, ZoneMatch)> = (0..self.zones.len())
            .map(|zi| (zi, self.score_zone(zi, p, &text_hits[zi], weights, false)))
            .collect();
        sort_matches(&mut out, |(_, m)| m);
        out.into_iter()
            .enumerate()
            .map(|(rank, (zi, m))| {
                if rank < explain {
                    self.score_zone(zi, p, &text_hits[zi], weights, true)
                } else {
                    m
                }
            })
            .collect()
    }

    /// Score zone `zi` (catalogue order) for the prospect.
    pub fn score(&self, zi: usize, p: &ProspectProfile, weights: &Weights) -> ZoneMatch {
        let hits = self.text_hits(p);
        self.score_zone(zi, p, &hits[zi], weights, true)
    }

    /// Text hits per zone: the best term per cluster or link, as (place, score, term,
    /// coverage).
    fn text_hits(&self, p: &ProspectProfile) -> Vec<Vec<TextHit>> {
        let mut hits: Vec<Vec<TextHit>> = vec![Vec::new(); self.zones.len()];
        if p.text.is_empty() {
            return hits;
        }
        for hit in self.index.query(&p.text) {
            if hit.coverage < INDUSTRY_EVIDENCE_FLOOR {
                continue;
            }
            let score = hit.coverage * specificity(hit.evidence);
            let (place, _) = &self.term_place[hit.term as usize];
            let zone_hits = &mut hits[place.zone as usize];
            match zone_hits.iter_mut().find(|h| h.place == *place) {
                Some(h) if score > h.score => {
                    h.score = score;
                    h.term = hit.term;
                    h.coverage = hit.coverage;
                }
                Some(_) => {}
                None => zone_hits.push(TextHit {
                    place: *place,
                    score,
                    term: hit.term,
                    coverage: hit.coverage,
                }),
            }
        }
        hits
    }

    /// Share of the description's units covered by the terms of `place`.
    fn explained(&self, place: Place, p: &ProspectProfile) -> f64 {
        let total = p.text.units();
        if total == 0 {
            return 0.0;
        }
        let Some((_, union)) = self.place_units[place.zone as usize]
            .iter()
            .find(|(pl, _)| *pl == place)
        else {
            return 0.0;
        };
        let bigrams = p
            .text
            .bigrams
            .iter()
            .filter(|b| union.bigrams.binary_search(b).is_ok())
            .count();
        // Exact stems only: this is a tie-breaker, not worth an edit distance per zone.
        let words = p
            .text
            .words
            .iter()
            .filter(|w| union.words.binary_search(w).is_ok())
            .count();
        (bigrams + words) as f64 / total as f64
    }

    fn score_zone(
        &self,
        zi: usize,
        p: &ProspectProfile,
        text_hits: &[TextHit],
        weights: &Weights,
        explain: bool,
    ) -> ZoneMatch {
        let zone = &self.zones[zi];
        let (industry, place) = self.industry_fit(zi, p, text_hits, weights, explain);
        let explained = place.map(|(pl, _)| self.explained(pl, p)).unwrap_or(0.0);
        let criteria = vec![
            industry,
            chain_fit(zone, p, place, weights, explain),
            space_fit(&p.prospect, zone, weights, explain),
            investment_fit(&p.prospect, zone, weights, explain),
            incentive_fit(zone, p, weights, explain),
            self.region_fit(zi, p, weights, explain),
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
            zone_id: zone.id.clone(),
            total,
            criteria,
            exclusions: exclusions(zone, &self.restrictions[zi], p),
            explained,
        }
    }

    /// Industry fit: per cluster and link, text evidence (best term) and taxonomy evidence
    /// (best code relation) combined as a noisy-OR; the best place wins.
    fn industry_fit(
        &self,
        zi: usize,
        p: &ProspectProfile,
        text_hits: &[TextHit],
        weights: &Weights,
        explain: bool,
    ) -> (CriterionScore, Option<(Place, f64)>) {
        let kind = CriterionKind::Industry;
        let weight = weights.get(kind);
        if p.text.is_empty() {
            return (
                CriterionScore::not_scored(kind, weight, explain, Reason::NoIndustryGiven),
                None,
            );
        }
        let zone = &self.zones[zi];
        let t = taxonomy();
        // (place, text hit, best class evidence: (score, class index, zone tag))
        let mut places: Vec<PlaceEvidence> =
            text_hits.iter().map(|h| (h.place, Some(h), None)).collect();
        for tag in &self.codes[zi] {
            for (ci, (class, key)) in p.classes.iter().zip(&p.class_keys).enumerate() {
                let score = class.confidence * affinity_keys(key, &tag.key);
                if score <= 0.0 {
                    continue;
                }
                let slot = match places.iter_mut().find(|(pl, _, _)| *pl == tag.place) {
                    Some(slot) => slot,
                    None => {
                        places.push((tag.place, None, None));
                        places.last_mut().expect("just pushed")
                    }
                };
                if slot.2.is_none_or(|(s, _, _)| score > s) {
                    slot.2 = Some((score, ci, tag));
                }
            }
        }
        let combined = |text: Option<&TextHit>, class: Option<(f64, usize, &CodeTag)>| {
            let ts = text.map(|h| h.score).unwrap_or(0.0);
            let cs = class.map(|c| c.0).unwrap_or(0.0);
            1.0 - (1.0 - ts) * (1.0 - TAXONOMY_WEIGHT * cs)
        };
        let best = places.iter().max_by(|a, b| {
            combined(a.1, a.2)
                .total_cmp(&combined(b.1, b.2))
                .then_with(|| a.0.link.is_some().cmp(&b.0.link.is_some()))
                .then_with(|| {
                    let ta = a.1.map(|h| h.score).unwrap_or(0.0);
                    let tb = b.1.map(|h| h.score).unwrap_or(0.0);
                    ta.total_cmp(&tb)
                })
                // Earlier places first on a full tie (max_by keeps the last maximum).
                .then_with(|| (b.0.cluster, b.0.link).cmp(&(a.0.cluster, a.0.link)))
        });
        match best {
            Some((place, text, class)) if combined(*text, *class) > 0.0 => {
                let score = combined(*text, *class).clamp(0.0, 1.0);
                let cluster = &zone.clusters[place.cluster as usize];
                let reasons = why(explain, || {
                    let mut via = Vec::new();
                    if let Some(h) = text {
                        via.push(MatchVia::Term {
                            term: self.term_place[h.term as usize].1.clone(),
                            coverage: h.coverage,
                        });
                    }
                    if let Some((_, ci, tag)) = class {
                        let e = t.entry(p.classes[*ci].entry);
                        via.push(MatchVia::Taxonomy {
                            prospect_code: e.code.clone(),
                            prospect_name: Text::new(&e.zh, &e.en),
                            zone_code: tag.code.clone(),
                            zone_name: tag.name.clone(),
                            relation: relation_keys(&p.class_keys[*ci], &tag.key),
                        });
                    }
                    vec![Reason::IndustryMatch {
                        cluster: cluster.name.clone(),
                        link: place.link.map(|l| cluster.links[l as usize].name.clone()),
                        via,
                    }]
                });
                (
                    CriterionScore {
                        kind,
                        score,
                        weight,
                        applicable: true,
                        reasons,
                    },
                    Some((*place, score)),
                )
            }
            _ => (
                CriterionScore {
                    kind,
                    score: 0.0,
                    weight,
                    applicable: true,
                    reasons: why(explain, || vec![Reason::IndustryNoMatch]),
                },
                None,
            ),
        }
    }

    fn region_fit(
        &self,
        zi: usize,
        p: &ProspectProfile,
        weights: &Weights,
        explain: bool,
    ) -> CriterionScore {
        let kind = CriterionKind::Region;
        let weight = weights.get(kind);
        let not_applicable = |reason| CriterionScore::not_scored(kind, weight, explain, reason);
        if p.prospect.origin.trim().is_empty() {
            return not_applicable(Reason::NoOriginGiven);
        }
        let targets = &self.regions[zi];
        if targets.is_empty() {
            return not_applicable(Reason::NoTargetRegions);
        }
        match targets.iter().find(|(id, _)| p.regions.contains(id)) {
            Some((_, name)) => CriterionScore {
                kind,
                score: 1.0,
                weight,
                applicable: true,
                reasons: why(explain, || {
                    vec![Reason::RegionTargeted {
                        region: name.clone(),
                    }]
                }),
            },
            None => CriterionScore {
                kind,
                score: 0.0,
                weight,
                applicable: true,
                reasons: why(explain, || {
                    vec![Reason::RegionNotTargeted {
                        origin: p.prospect.origin.clone(),
                    }]
                }),
            },
        }
    }
}

fn specificity(evidence: f64) -> f64 {
    MIN_SPECIFICITY + (1.0 - MIN_SPECIFICITY) * (evidence / SPECIFIC_EVIDENCE).min(1.0)
}

/// Stated codes, or, when none are stated, the taxonomy's best guess from the name.
fn tag_codes(
    tags: &mut Vec<CodeTag>,
    place: Place,
    stated: &[String],
    name: &Text,
    t: &crate::taxonomy::Taxonomy,
) {
    if !stated.is_empty() {
        for code in stated {
            let code = code.trim();
            tags.push(CodeTag {
                code: code.to_string(),
                key: t.key(code),
                name: t
                    .find(code)
                    .map(|e| Text::new(&e.zh, &e.en))
                    .unwrap_or_default(),
                place,
            });
        }
        return;
    }
    let guess = t.classify_text(&format!("{} {}", name.zh, name.en));
    if let Some(c) = guess
        .first()
        .filter(|c| c.confidence >= CLASSIFICATION_FLOOR)
    {
        let e = t.entry(c.entry);
        tags.push(CodeTag {
            key: t.key(&e.code),
            code: e.code.clone(),
            name: Text::new(&e.zh, &e.en),
            place,
        });
    }
}

fn chain_fit(
    zone: &Zone,
    p: &ProspectProfile,
    matched: Option<(Place, f64)>,
    weights: &Weights,
    explain: bool,
) -> CriterionScore {
    let kind = CriterionKind::Chain;
    let weight = weights.get(kind);
    if p.text.is_empty() {
        return CriterionScore::not_scored(kind, weight, explain, Reason::NoIndustryGiven);
    }
    let Some((place, industry)) = matched else {
        return CriterionScore {
            kind,
            score: 0.0,
            weight,
            applicable: true,
            reasons: why(explain, || vec![Reason::NoChainRelation]),
        };
    };
    let cluster = &zone.clusters[place.cluster as usize];
    let (role, link) = match place.link.map(|l| &cluster.links[l as usize]) {
        Some(l) if l.status == LinkStatus::Wanted => (ChainRole::FillsGap, Some(l.name.clone())),
        Some(l) => (ChainRole::Strengthens, Some(l.name.clone())),
        None => (ChainRole::Extends, None),
    };
    let value = match role {
        ChainRole::FillsGap => FILLS_GAP_VALUE,
        ChainRole::Strengthens => STRENGTHENS_VALUE,
        ChainRole::Extends => EXTENDS_VALUE,
    };
    // A role is only as certain as the industry match it rests on.
    CriterionScore {
        kind,
        score: (value * industry).clamp(0.0, 1.0),
        weight,
        applicable: true,
        reasons: why(explain, || {
            vec![Reason::ChainRole {
                role,
                cluster: cluster.name.clone(),
                link,
            }]
        }),
    }
}

/// A criterion that averages several checks (factory and land; minimum investment and
/// intensity), with a reason per check when explaining.
struct Parts {
    scores: Vec<f64>,
    reasons: Vec<Reason>,
    explain: bool,
}

impl Parts {
    fn new(explain: bool) -> Self {
        Self {
            scores: Vec::new(),
            reasons: Vec::new(),
            explain,
        }
    }

    fn add(&mut self, score: f64, reason: impl FnOnce() -> Reason) {
        self.scores.push(score.clamp(0.0, 1.0));
        if self.explain {
            self.reasons.push(reason());
        }
    }

    /// Have-versus-need: full credit when met, partial credit `have / need` otherwise.
    fn ratio(
        &mut self,
        have: f64,
        need: f64,
        met: impl FnOnce() -> Reason,
        short: impl FnOnce() -> Reason,
    ) {
        if have >= need {
            self.add(1.0, met);
        } else {
            self.add(have / need, short);
        }
    }

    /// The mean of the checks, or not scored with `none` when there was nothing to check.
    fn finish(self, kind: CriterionKind, weight: f64, none: Reason) -> CriterionScore {
        if self.scores.is_empty() {
            return CriterionScore::not_scored(kind, weight, self.explain, none);
        }
        CriterionScore {
            kind,
            score: self.scores.iter().sum::<f64>() / self.scores.len() as f64,
            weight,
            applicable: true,
            reasons: self.reasons,
        }
    }
}

fn space_fit(p: &Prospect, zone: &Zone, weights: &Weights, explain: bool) -> CriterionScore {
    let kind = CriterionKind::Space;
    let mut parts = Parts::new(explain);
    if let Some(need_m2) = p.factory_m2.filter(|n| *n > 0.0) {
        match zone.factory.availability() {
            Some(a) => parts.ratio(
                a.m2,
                need_m2,
                || Reason::FactoryFits {
                    need_m2,
                    available_m2: a.m2,
                    estimated: a.estimated,
                },
                || Reason::FactoryShort {
                    need_m2,
                    available_m2: a.m2,
                    estimated: a.estimated,
                },
            ),
            None => parts.add(UNKNOWN_SPACE_CREDIT, || Reason::FactoryUnknown { need_m2 }),
        }
    }
    if let Some(need_mu) = p.land_mu.filter(|n| *n > 0.0) {
        match zone.land_available_mu {
            Some(available_mu) => parts.ratio(
                available_mu,
                need_mu,
                || Reason::LandFits {
                    need_mu,
                    available_mu,
                },
                || Reason::LandShort {
                    need_mu,
                    available_mu,
                },
            ),
            None => parts.add(UNKNOWN_SPACE_CREDIT, || Reason::LandUnknown { need_mu }),
        }
    }
    parts.finish(kind, weights.get(kind), Reason::NoSpaceNeed)
}

fn investment_fit(p: &Prospect, zone: &Zone, weights: &Weights, explain: bool) -> CriterionScore {
    let kind = CriterionKind::Investment;
    let weight = weights.get(kind);
    let Some(investment_wan) = p.investment_wan.filter(|v| *v > 0.0) else {
        return CriterionScore::not_scored(kind, weight, explain, Reason::NoInvestmentGiven);
    };
    let mut parts = Parts::new(explain);
    if let Some(minimum_wan) = zone.min_investment_wan.filter(|m| *m > 0.0) {
        parts.ratio(
            investment_wan,
            minimum_wan,
            || Reason::InvestmentMeetsMinimum {
                investment_wan,
                minimum_wan,
            },
            || Reason::InvestmentBelowMinimum {
                investment_wan,
                minimum_wan,
            },
        );
    }
    if let (Some(minimum_wan_per_mu), Some(land)) = (
        zone.min_intensity_wan_per_mu.filter(|m| *m > 0.0),
        p.land_mu.filter(|l| *l > 0.0),
    ) {
        let intensity_wan_per_mu = investment_wan / land;
        parts.ratio(
            intensity_wan_per_mu,
            minimum_wan_per_mu,
            || Reason::IntensityMeets {
                intensity_wan_per_mu,
                minimum_wan_per_mu,
            },
            || Reason::IntensityBelow {
                intensity_wan_per_mu,
                minimum_wan_per_mu,
            },
        );
    }
    parts.finish(kind, weight, Reason::NoThresholdPublished)
}

/// Incentives the prospect qualifies for. With stated amounts, the score is their value
/// (after the zone's per-enterprise cap) against [`STRONG_INCENTIVE_SHARE`] of the
/// investment; without amounts, the share of listed policies that apply.
fn incentive_fit(
    zone: &Zone,
    p: &ProspectProfile,
    weights: &Weights,
    explain: bool,
) -> CriterionScore {
    let kind = CriterionKind::Incentives;
    let weight = weights.get(kind);
    if zone.incentives.is_empty() {
        return CriterionScore::not_scored(kind, weight, explain, Reason::NoIncentivesListed);
    }
    let pr = &p.prospect;
    if pr.investment_wan.is_none() && pr.factory_m2.is_none() && pr.land_mu.is_none() {
        return CriterionScore::not_scored(kind, weight, explain, Reason::NoProjectFacts);
    }
    let t = taxonomy();
    let eligible: Vec<&crate::model::Incentive> = zone
        .incentives
        .iter()
        .filter(|i| {
            (!i.requires_factory || pr.factory_m2.is_some_and(|m| m > 0.0))
                && (!i.requires_land || pr.land_mu.is_some_and(|m| m > 0.0))
                && i.min_investment_wan
                    .is_none_or(|min| pr.investment_wan.is_some_and(|v| v >= min))
                && (i.codes.is_empty()
                    || i.codes.iter().any(|code| {
                        p.classes.iter().any(|c| {
                            t.relation(&t.entry(c.entry).code, code) >= Relation::SameGroup
                        })
                    }))
        })
        .collect();
    let listed = zone.incentives.len();
    if eligible.is_empty() {
        return CriterionScore {
            kind,
            score: 0.0,
            weight,
            applicable: true,
            reasons: why(explain, || vec![Reason::IncentivesNoneEligible { listed }]),
        };
    }
    let stated: Vec<f64> = eligible.iter().filter_map(|i| i.max_wan).collect();
    let (value, capped_at) = if stated.is_empty() {
        (None, None)
    } else {
        let sum: f64 = stated.iter().sum();
        match zone.incentive_cap_wan {
            Some(cap) if sum > cap => (Some(cap), Some(cap)),
            _ => (Some(sum), None),
        }
    };
    let score = match (value, pr.investment_wan.filter(|v| *v > 0.0)) {
        (Some(v), Some(inv)) => (v / (STRONG_INCENTIVE_SHARE * inv)).min(1.0),
        _ => UNKNOWN_AMOUNT_CREDIT * eligible.len() as f64 / listed as f64,
    };
    CriterionScore {
        kind,
        score: score.clamp(0.0, 1.0),
        weight,
        applicable: true,
        reasons: why(explain, || {
            vec![Reason::IncentivesEligible {
                eligible: eligible.iter().map(|i| i.name.clone()).collect(),
                listed,
                value_wan: value,
                capped_at_wan: capped_at,
            }]
        }),
    }
}

fn is_code(r: &str) -> bool {
    r.chars().all(|c| c.is_ascii_digit())
        || r.starts_with("SEI")
        || (r.len() == 1 && r.chars().all(|c| c.is_ascii_uppercase()))
}

fn exclusions(zone: &Zone, restrictions: &[Restriction], p: &ProspectProfile) -> Vec<Exclusion> {
    let mut out = Vec::new();
    for r in restrictions {
        let hit = match &r.key {
            // The prospect's class is the restricted code or inside it.
            Some(key) => p.class_keys.iter().any(|k| {
                matches!(relation_keys(k, key), Relation::Same)
                    || (matches!(relation_keys(k, key), Relation::Contains) && k.is_within(key))
            }),
            None => similarity::coverage(&r.prepared, &p.text) >= RESTRICTION_COVERAGE,
        };
        if hit {
            out.push(Exclusion::RestrictedIndustry {
                restriction: r.text.clone(),
            });
        }
    }
    let pr = &p.prospect;
    if pr.must_have.factory {
        if let (Some(need), Some(a)) = (pr.factory_m2, zone.factory.availability()) {
            if a.m2 < need {
                out.push(Exclusion::FactoryMustHave {
                    need_m2: need,
                    available_m2: a.m2,
                });
            }
        }
    }
    if pr.must_have.land {
        if let (Some(need), Some(a)) = (pr.land_mu, zone.land_available_mu) {
            if a < need {
                out.push(Exclusion::LandMustHave {
                    need_mu: need,
                    available_mu: a,
                });
            }
        }
    }
    out
}

/// Reasons when explaining, nothing (and no allocation) otherwise.
fn why(explain: bool, reasons: impl FnOnce() -> Vec<Reason>) -> Vec<Reason> {
    if explain {
        reasons()
    } else {
        Vec::new()
    }
}

/// Order results: zones passing every hard limit first; then by total, then by how much
/// of the description the zone explains. Stable, so full ties keep catalogue order.
fn sort_matches<T>(items: &mut [T], get: impl Fn(&T) -> &ZoneMatch) {
    items.sort_by(|a, b| {
        let (a, b) = (get(a), get(b));
        a.is_excluded()
            .cmp(&b.is_excluded())
            .then_with(|| b.total.cmp(&a.total))
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

/// Every prospect ranked for one zone (the zone staff's view): those that pass the zone's
/// hard limits first, best first. The score of a pair is the same in both directions.
pub fn rank_prospects(
    zone: &Zone,
    prospects: &[ProspectProfile],
    weights: &Weights,
) -> Vec<ProspectMatch> {
    let catalogue = Catalogue::new(std::slice::from_ref(zone));
    let mut out: Vec<ProspectMatch> = prospects
        .iter()
        .map(|p| ProspectMatch {
            prospect_id: p.prospect.id.clone(),
            result: catalogue.score(0, p, weights),
        })
        .collect();
    sort_matches(&mut out, |m| &m.result);
    out
}
