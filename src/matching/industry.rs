//! Industry fit (产业匹配): per cluster and chain link, the best term found in the
//! description and the best taxonomy relation, combined; the best place wins.

use super::*;

/// Industry fit below which a match is noise: a shared section or strategic domain alone,
/// or a weak partial term. Such a zone claims no chain role, and its other criteria
/// (space, investment, incentives, region) do not lift its total or its rank above a zone
/// that really fits (see [`ZoneMatch::fits_industry`]).
pub const INDUSTRY_NOISE_FLOOR: f64 = 0.3;

/// How much a taxonomy match counts against a term match: a shared industry class says
/// "same kind of business", a term says "the very product", so a class alone earns a
/// little less. Text and class evidence combine as a noisy-OR:
/// `1 − (1 − text) × (1 − TAXONOMY_WEIGHT × class)`.
pub const TAXONOMY_WEIGHT: f64 = 0.9;

impl Catalogue {
    /// Industry fit: per cluster and link, text evidence (best term) and taxonomy evidence
    /// (best code relation) combined as a noisy-OR; the best place wins.
    pub(super) fn industry_fit(
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
        // A chain link found by its own words is part of its cluster's industry: it takes
        // the cluster's class evidence when that is stronger than its own. (A link with no
        // words found takes nothing: a class alone does not pick a link.)
        let linked = places
            .iter()
            .any(|(pl, t, _)| pl.link.is_some() && t.is_some());
        let cluster_class: Vec<(Place, ClassEvidence)> = if linked {
            places
                .iter()
                .filter(|(pl, _, _)| pl.link.is_none())
                .map(|(pl, _, c)| (*pl, *c))
                .collect()
        } else {
            Vec::new()
        };
        for (pl, text, class) in places.iter_mut() {
            if pl.link.is_none() || text.is_none() {
                continue;
            }
            let cluster = Place { link: None, ..*pl };
            if let Some((_, Some(cc))) = cluster_class.iter().find(|(c, _)| *c == cluster) {
                if class.is_none_or(|own| own.0 < cc.0) {
                    *class = Some(*cc);
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
                            prospect_code: e.code.to_string(),
                            prospect_name: Text::new(e.zh, e.en),
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
}
