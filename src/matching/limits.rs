//! Hard limits: restricted industries and must-have space exclude a zone, whatever its
//! score.

use super::*;

/// Share of a restricted-industry word that must be found in a description to exclude.
pub const RESTRICTION_COVERAGE: f64 = 0.67;

pub(super) fn is_code(r: &str) -> bool {
    r.chars().all(|c| c.is_ascii_digit())
        || r.starts_with("SEI")
        || (r.len() == 1 && r.chars().all(|c| c.is_ascii_uppercase()))
}

pub(super) fn exclusions(
    zone: &Zone,
    restrictions: &[Restriction],
    p: &ProspectProfile,
) -> Vec<Exclusion> {
    let mut out = Vec::new();
    for r in restrictions {
        let hit = match &r.key {
            // The prospect's class is the restricted code or inside it.
            Some(key) => p.class_keys.iter().any(|k| {
                matches!(relation_keys(k, key), Relation::Same)
                    || (matches!(relation_keys(k, key), Relation::Contains) && k.is_within(key))
            }),
            None => similarity::exact_coverage(&r.prepared, &p.text) >= RESTRICTION_COVERAGE,
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
