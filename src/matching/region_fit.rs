//! Origin region (来源区域): the prospect comes from a region the zone recruits from.

use super::*;

impl Catalogue {
    pub(super) fn region_fit(
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
