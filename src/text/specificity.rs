//! How much a found term says: its coverage in the text, and how specific it is (how
//! much matched evidence stands behind it).

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

/// Credit multiplier for a hit with `evidence` matched units (see
/// [`crate::text::similarity::coverage_with_evidence`]): [`MIN_SPECIFICITY`] for a single
/// bigram, rising to 1 at [`SPECIFIC_EVIDENCE`].
pub fn specificity(evidence: f64) -> f64 {
    MIN_SPECIFICITY + (1.0 - MIN_SPECIFICITY) * (evidence / SPECIFIC_EVIDENCE).min(1.0)
}
