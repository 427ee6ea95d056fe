//! Chain role (链位): fills a wanted link (补链), strengthens a present one (强链), or
//! extends the cluster (延链).

use super::*;

/// Chain-role values: filling a link the zone is recruiting for is what chain-based
/// recruitment (产业链招商图谱) is about; strengthening a present link adds capacity and
/// suppliers; extending (a related industry the cluster does not have yet) is a bet.
pub const FILLS_GAP_VALUE: f64 = 1.0;
pub const STRENGTHENS_VALUE: f64 = 0.75;
pub const EXTENDS_VALUE: f64 = 0.5;

pub(super) fn chain_fit(
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
    // A role is claimed only on a real industry fit: below the noise floor the zone's
    // chains are not this prospect's.
    let Some((place, industry)) = matched.filter(|(_, s)| *s >= INDUSTRY_NOISE_FLOOR) else {
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
