//! The zones prepared for ranking (one term index for every cluster and link, codes,
//! restrictions, regions), and the ranking itself: every criterion scored per zone.

use super::*;

/// Where in a zone a term or code sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Place {
    pub(super) zone: u32,
    pub(super) cluster: u16,
    pub(super) link: Option<u16>,
}

/// Evidence for one cluster or link: its best text hit and its best class relation
/// (score, index of the prospect's class, the zone's code tag).
pub(super) type PlaceEvidence<'a> = (Place, Option<&'a TextHit>, ClassEvidence<'a>);

/// The best class relation of a place: (score, index of the prospect's class, zone tag).
pub(super) type ClassEvidence<'a> = Option<(f64, usize, &'a CodeTag)>;

/// The best term of one cluster or link found in a description.
#[derive(Clone, Debug)]
pub(super) struct TextHit {
    pub(super) place: Place,
    pub(super) score: f64,
    pub(super) term: u32,
    pub(super) coverage: f64,
}

#[derive(Clone, Debug)]
pub(super) struct CodeTag {
    pub(super) code: String,
    pub(super) key: CodeKey,
    /// The code's taxonomy name, for reasons (empty when the code is not listed).
    pub(super) name: Text,
    pub(super) place: Place,
}

/// A zone's restricted industry, resolved once.
#[derive(Clone, Debug)]
pub(super) struct Restriction {
    pub(super) text: String,
    /// Set when the restriction is a taxonomy code.
    pub(super) key: Option<CodeKey>,
    pub(super) prepared: Prepared,
}

/// The catalogue's word statistics, for the specificity of a shared word (see
/// [`word_specificity`]).
#[derive(Clone, Debug, Default)]
pub(super) struct WordStats {
    /// In how many places (clusters and links of all zones) each bigram occurs.
    pub(super) bigram_places: QuickMap<Bigram, u32>,
    /// Number of places, plus taxonomy entries (the background of the specificity).
    pub(super) places_total: u32,
}

/// A set of zones prepared for ranking: all cluster and link terms in one inverted index,
/// taxonomy codes (stated, or found from the names), target regions. Build it when
/// profiles change, not per keystroke.
#[derive(Clone, Debug)]
pub struct Catalogue {
    pub(super) zones: Vec<Zone>,
    pub(super) index: TermIndex,
    pub(super) term_place: Vec<(Place, String)>,
    /// Bigrams of each indexed term (for the longest-term rule, [`crate::taxonomy::Cover`]).
    pub(super) term_bigrams: Vec<Vec<Bigram>>,
    /// Per term, the bigrams that can be words of it: the first and last of each run
    /// (风电 and 装备 of 风电装备, never the junction 电装), and known two-character words.
    pub(super) term_words: Vec<Vec<Bigram>>,
    /// Per term, its words specific enough for partial credit (specificity at least
    /// [`SPECIFIC_WORD_FLOOR`]), with their specificity: worked out once, not per keystroke.
    pub(super) term_specific: Vec<Vec<(Bigram, f64)>>,
    /// How specific each word is in this catalogue (shared with the one-zone catalogues
    /// made from it, so that a pair scores the same in both directions).
    pub(super) stats: std::sync::Arc<WordStats>,
    /// Per zone: every cluster and link with the union of its terms' units.
    pub(super) place_units: Vec<Vec<(Place, Prepared)>>,
    pub(super) codes: Vec<Vec<CodeTag>>,
    pub(super) restrictions: Vec<Vec<Restriction>>,
    pub(super) regions: Vec<Vec<(&'static str, Text)>>,
}

impl Catalogue {
    pub fn new(zones: &[Zone]) -> Self {
        let t = taxonomy();
        let mut index = TermIndex::new();
        // The taxonomy's two-character words are words here too (电信 is not a slip).
        index.add_words(t.words());
        let mut term_place = Vec::new();
        let mut term_bigrams = Vec::new();
        let mut term_words = Vec::new();
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
                            term_bigrams.push(prepared.bigrams.clone());
                            term_words.push(prepared.edges.clone());
                            union.bigrams.extend(prepared.bigrams);
                            union.words.extend(prepared.words);
                        }
                    }
                    union.bigrams.sort_unstable();
                    union.bigrams.dedup();
                    crate::order::sort_by(&mut union.words, |a, b| a.cmp(b));
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
        let mut catalogue = Self {
            zones: zones.to_vec(),
            stats: {
                let mut df: QuickMap<Bigram, u32> = QuickMap::default();
                for (_, union) in place_units.iter().flatten() {
                    for b in &union.bigrams {
                        *df.entry(*b).or_default() += 1;
                    }
                }
                let places = place_units.iter().map(Vec::len).sum::<usize>();
                std::sync::Arc::new(WordStats {
                    bigram_places: df,
                    places_total: (places + t.entries().len()) as u32,
                })
            },
            index,
            term_place,
            term_bigrams,
            term_words,
            term_specific: Vec::new(),
            place_units,
            codes,
            restrictions,
            regions,
        };
        catalogue.term_specific = catalogue.specific_words();
        catalogue
    }

    /// Each term's specific words under this catalogue's statistics.
    fn specific_words(&self) -> Vec<Vec<(Bigram, f64)>> {
        let t = taxonomy();
        let known: Vec<Bigram> = {
            let mut k: Vec<Bigram> = self.index.words().copied().collect();
            k.sort_unstable();
            k
        };
        self.term_bigrams
            .iter()
            .zip(&self.term_words)
            .map(|(bigrams, edges)| {
                bigrams
                    .iter()
                    .filter(|b| {
                        b.1 != '\0'
                            && (edges.binary_search(b).is_ok() || known.binary_search(b).is_ok())
                    })
                    .map(|b| {
                        let df = self.stats.bigram_places.get(b).copied().unwrap_or(0)
                            + t.bigram_entries(b);
                        (*b, word_specificity(df, self.stats.places_total))
                    })
                    .filter(|(_, spec)| *spec >= SPECIFIC_WORD_FLOOR)
                    .collect()
            })
            .collect()
    }

    /// Every prospect ranked for zone `zi` (the zone staff's view): those that pass the
    /// zone's hard limits first, best first. The zone is judged with this catalogue's word
    /// statistics, so the score of a pair is the same in both directions.
    pub fn rank_prospects(
        &self,
        zi: usize,
        prospects: &[ProspectProfile],
        weights: &Weights,
    ) -> Vec<ProspectMatch> {
        let mut one = Catalogue::new(std::slice::from_ref(&self.zones[zi]));
        // This catalogue's statistics and known words, so a pair scores the same both ways.
        one.stats = self.stats.clone();
        one.index.add_words(self.index.words());
        one.term_specific = one.specific_words();
        let mut out: Vec<ProspectMatch> = prospects
            .iter()
            .map(|p| ProspectMatch {
                prospect_id: p.prospect.id.clone(),
                result: one.score(0, p, weights),
            })
            .collect();
        sort_matches(&mut out, |m| &m.result);
        out
    }

    /// The position of the zone with this id.
    pub fn position(&self, zone_id: &str) -> Option<usize> {
        self.zones.iter().position(|z| z.id == zone_id)
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
    pub(super) fn text_hits(&self, p: &ProspectProfile) -> Vec<Vec<TextHit>> {
        let mut hits: Vec<Vec<TextHit>> = vec![Vec::new(); self.zones.len()];
        if p.text.is_empty() {
            return hits;
        }
        for hit in self.index.query(&p.text) {
            let (place, _) = &self.term_place[hit.term as usize];
            // Found only in part: credit for a specific shared word (风电 of 风电装备); never
            // less when more of the term is found.
            let partial = PARTIAL_WORD_CREDIT * self.shared_word_specificity(hit.term, p);
            let score = if hit.coverage >= INDUSTRY_EVIDENCE_FLOOR {
                (hit.coverage * specificity(hit.evidence)).max(partial)
            } else {
                partial
            };
            if score <= 0.0 || (!p.covers.is_empty() && self.claimed(hit.term, *place, p)) {
                continue;
            }
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

    /// The specificity of the most specific word the term shares with the text, or 0 when
    /// none reaches [`SPECIFIC_WORD_FLOOR`].
    fn shared_word_specificity(&self, term: u32, p: &ProspectProfile) -> f64 {
        self.term_specific[term as usize]
            .iter()
            .filter(|(b, _)| p.text.bigrams.binary_search(b).is_ok())
            .map(|(_, spec)| *spec)
            .fold(0.0, f64::max)
    }

    /// True when the term was found only inside a longer known term of another industry
    /// (see [`crate::taxonomy::Cover::claims`]). The term's industry is its place's codes,
    /// else its cluster's.
    fn claimed(&self, term: u32, place: Place, p: &ProspectProfile) -> bool {
        let bigrams = &self.term_bigrams[term as usize];
        let matched = crate::taxonomy::shared_bigrams(bigrams, &p.text.bigrams);
        let tags = &self.codes[place.zone as usize];
        let mut keys: Vec<CodeKey> = tags
            .iter()
            .filter(|t| t.place == place)
            .map(|t| t.key)
            .collect();
        if keys.is_empty() {
            let cluster = Place {
                link: None,
                ..place
            };
            keys = tags
                .iter()
                .filter(|t| t.place == cluster)
                .map(|t| t.key)
                .collect();
        }
        p.covers.iter().any(|c| c.claims(&matched, bigrams, &keys))
    }

    /// Share of the description's units covered by the terms of `place`.
    pub(super) fn explained(&self, place: Place, p: &ProspectProfile) -> f64 {
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

    pub(super) fn score_zone(
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
        let criteria = if zone.reference {
            // Reference data knows the industries only: every other criterion is "not
            // scored", and (below) still weighs in the total, so that it adds nothing.
            let mut c = vec![industry];
            c.extend(CriterionKind::ALL[1..].iter().map(|k| {
                CriterionScore::not_scored(*k, weights.get(*k), explain, Reason::NotInCatalogue)
            }));
            c
        } else {
            vec![
                industry,
                chain_fit(zone, p, place, weights, explain),
                space_fit(&p.prospect, zone, weights, explain),
                investment_fit(&p.prospect, zone, weights, explain),
                incentive_fit(zone, p, weights, explain),
                self.region_fit(zi, p, weights, explain),
            ]
        };
        // Without a real industry fit, only industry and chain count toward the total:
        // free space or a targeted region does not make a zone fit a prospect.
        let fits = criteria[0].fits();
        // For reference data, a criterion the prospect gave facts for counts in the
        // denominator with nothing in the numerator: the total is what is known, so a
        // profiled zone with the same industry fit is never below it.
        let counts_in_total =
            |c: &CriterionScore| c.applicable || (zone.reference && would_apply(c.kind, p));
        let (sum, wsum) =
            criteria
                .iter()
                .filter(|c| counts_in_total(c))
                .fold((0.0, 0.0), |(s, w), c| {
                    let counts =
                        fits || matches!(c.kind, CriterionKind::Industry | CriterionKind::Chain);
                    (
                        s + if counts { c.weight * c.score } else { 0.0 },
                        w + c.weight,
                    )
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
            little_data: zone.reference,
        }
    }
}

/// Whether a criterion would be judged for this prospect by a zone that publishes
/// everything: the prospect gave what it needs (a description for chain role, a space
/// need, an investment, project facts for incentives, an origin).
fn would_apply(kind: CriterionKind, p: &ProspectProfile) -> bool {
    let pr = &p.prospect;
    let space = pr.factory_m2.is_some_and(|m| m > 0.0) || pr.land_mu.is_some_and(|m| m > 0.0);
    let investment = pr.investment_wan.is_some_and(|v| v > 0.0);
    match kind {
        CriterionKind::Industry | CriterionKind::Chain => !p.text.is_empty(),
        CriterionKind::Space => space,
        CriterionKind::Investment => investment,
        // As `incentive_fit` judges: any stated figure, zero included.
        CriterionKind::Incentives => {
            pr.investment_wan.is_some() || pr.factory_m2.is_some() || pr.land_mu.is_some()
        }
        CriterionKind::Region => !pr.origin.trim().is_empty(),
    }
}

/// Stated codes, or, when none are stated, the taxonomy's best guess from the name.
pub(super) fn tag_codes(
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
                    .map(|e| Text::new(e.zh, e.en))
                    .unwrap_or_default(),
                place,
            });
        }
        return;
    }
    let guess = t.classify_text(&format!("{} {}", name.zh, name.en));
    // A link's industry lies within its cluster's: a guess from the link's name that is
    // not even in the cluster's division (硅片 in a PV cluster guessed as chips) is
    // dropped, and the link is judged by its cluster's codes.
    let cluster = Place {
        link: None,
        ..place
    };
    let cluster_keys: Vec<CodeKey> = tags
        .iter()
        .filter(|t| place.link.is_some() && t.place == cluster)
        .map(|t| t.key)
        .collect();
    if let Some(c) = guess.first().filter(|c| {
        c.confidence >= CLASSIFICATION_FLOOR
            && (cluster_keys.is_empty()
                || cluster_keys.iter().any(|k| {
                    relation_keys(&t.key(t.entry(c.entry).code), k) >= Relation::SameDivision
                }))
    }) {
        let e = t.entry(c.entry);
        tags.push(CodeTag {
            key: t.key(e.code),
            code: e.code.to_string(),
            name: Text::new(e.zh, e.en),
            place,
        });
    }
}
