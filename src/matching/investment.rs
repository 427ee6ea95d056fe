//! Investment thresholds (投资门槛): planned investment against the zone's minimum and
//! its minimum intensity per 亩.

use super::*;

pub(super) fn investment_fit(
    p: &Prospect,
    zone: &Zone,
    weights: &Weights,
    explain: bool,
) -> CriterionScore {
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
