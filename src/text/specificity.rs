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
/// [`crate::text::similarity::coverage_with_evidence`]): [`MIN_SPECIFICITY`] at no
/// evidence, 0.8 for a single bigram, rising to 1 at [`SPECIFIC_EVIDENCE`].
pub fn specificity(evidence: f64) -> f64 {
    MIN_SPECIFICITY + (1.0 - MIN_SPECIFICITY) * (evidence / SPECIFIC_EVIDENCE).min(1.0)
}

/// A word's specificity in a catalogue, 0-1, as an inverse document frequency normalised
/// by its maximum: `ln(n / df) / ln(n)`, where `df` is how many of the `n` places (zone
/// clusters and links, and taxonomy entries as background) use the word. A word only one
/// place uses (车桥, 风电) is 1; one most places use (制造, 设备) is near 0.
///
/// ```
/// use zonematch::text::specificity::word_specificity;
/// assert_eq!(word_specificity(1, 1000), 1.0);
/// assert!(word_specificity(300, 1000) < 0.2);
/// assert_eq!(word_specificity(0, 1000), 1.0);
/// ```
pub fn word_specificity(df: u32, n: u32) -> f64 {
    let n = f64::from(n.max(2));
    let df = f64::from(df.max(1)).min(n);
    (n / df).ln() / n.ln()
}

/// Credit for a term found only in part (below [`INDUSTRY_EVIDENCE_FLOOR`]) through one
/// shared word, at full specificity: 风电叶片 against a link 风电装备 is half a match.
pub const PARTIAL_WORD_CREDIT: f64 = 0.5;

/// Least specificity for a shared word to earn partial credit: below it the word is
/// common in the catalogue (制造, 装备, 部件, 系统) and says nothing on its own.
pub const SPECIFIC_WORD_FLOOR: f64 = 0.7;
