//! Incentives (优惠政策): the policies the prospect qualifies for and their value.

use super::*;

/// Incentive credit per eligible policy when no amounts are stated: eligibility without
/// a value is weaker evidence than a known amount, so a full list earns half.
pub const UNKNOWN_AMOUNT_CREDIT: f64 = 0.5;

/// Incentive value, as a share of the planned investment, that counts as a full score:
/// zone packages of a few percent of investment are what decides between zones.
pub const STRONG_INCENTIVE_SHARE: f64 = 0.05;

/// Incentives the prospect qualifies for. With stated amounts, the score is their value
/// (after the zone's per-enterprise cap) against [`STRONG_INCENTIVE_SHARE`] of the
/// investment; without amounts, the share of listed policies that apply.
pub(super) fn incentive_fit(
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
                        p.classes
                            .iter()
                            .any(|c| t.relation(t.entry(c.entry).code, code) >= Relation::SameGroup)
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
    let (score, at_half) = match (value, pr.investment_wan.filter(|v| *v > 0.0)) {
        (Some(v), Some(inv)) => ((v / (STRONG_INCENTIVE_SHARE * inv)).min(1.0), false),
        _ => (
            UNKNOWN_AMOUNT_CREDIT * eligible.len() as f64 / listed as f64,
            true,
        ),
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
                at_half,
            }]
        }),
    }
}
