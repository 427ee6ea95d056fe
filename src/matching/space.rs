//! Space fit (空间匹配): factory m² and land 亩 needed against what the zone has free.

use super::*;

/// Credit for a space need when the zone has not published its free space: not a failure
/// (the zone may well have it), but not the certainty of a stated figure either.
pub const UNKNOWN_SPACE_CREDIT: f64 = 0.5;

pub(super) fn space_fit(
    p: &Prospect,
    zone: &Zone,
    weights: &Weights,
    explain: bool,
) -> CriterionScore {
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
            None => parts.add(UNKNOWN_SPACE_CREDIT, || Reason::FactoryUnknown {
                need_m2,
                must_have: p.must_have.factory,
            }),
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
            None => parts.add(UNKNOWN_SPACE_CREDIT, || Reason::LandUnknown {
                need_mu,
                must_have: p.must_have.land,
            }),
        }
    }
    parts.finish(kind, weights.get(kind), Reason::NoSpaceNeed)
}
