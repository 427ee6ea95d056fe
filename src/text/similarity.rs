//! Similarity measures that work for unsegmented Chinese and for Latin words.

use super::normalize::{normalize, Normalized};

/// Edits allowed between two Latin words (after stemming) for them to count as the same
/// word, by the shorter word's length. Short words must match exactly: "ic" vs "it" or
/// "ev" vs "eu" are different words, not typos. One edit from 5 letters catches
/// "packagng"; two from 9 catch "photovoltiac" without letting "battery" match "bakery".
pub fn allowed_edits(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// A CJK character pair; a lone character is stored with `'\0'` as its partner so that
/// one-character terms (药, 醋) can still match.
pub type Bigram = (char, char);

/// Text prepared once for repeated comparison: sorted, de-duplicated CJK bigrams and the
/// Latin words.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prepared {
    pub bigrams: Vec<Bigram>,
    pub words: Vec<String>,
    /// The first and last bigram of each run of Chinese (sorted): where a word typed on
    /// its own starts or ends. A pinyin slip of a two-character term counts only there
    /// (电心 typed as a word), not inside a longer run (力电 of 电力电缆).
    pub edges: Vec<Bigram>,
}

impl Prepared {
    pub fn new(text: &str) -> Self {
        Self::from_normalized(&normalize(text))
    }

    pub fn from_normalized(n: &Normalized) -> Self {
        let mut bigrams = Vec::new();
        let mut edges = Vec::new();
        for run in &n.cjk_runs {
            let b = run_bigrams(run);
            if run.len() >= 2 {
                edges.push(b[0]);
                edges.push(b[b.len() - 1]);
            }
            bigrams.extend(b);
        }
        bigrams.sort_unstable();
        bigrams.dedup();
        edges.sort_unstable();
        edges.dedup();
        let mut words: Vec<String> = n.words.iter().map(|w| stem(w)).collect();
        // The shared sort, not a copy of the standard one for strings (equal strings are
        // interchangeable, so the order is the same).
        crate::order::sort_by(&mut words, |a, b| a.cmp(b));
        words.dedup();
        Self {
            bigrams,
            words,
            edges,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.bigrams.is_empty() && self.words.is_empty()
    }

    /// Number of comparable units (bigrams plus words).
    pub fn units(&self) -> usize {
        self.bigrams.len() + self.words.len()
    }
}

fn run_bigrams(run: &[char]) -> Vec<Bigram> {
    match run.len() {
        0 => Vec::new(),
        1 => vec![(run[0], '\0')],
        _ => run.windows(2).map(|w| (w[0], w[1])).collect(),
    }
}

/// Character-bigram Dice coefficient of two strings' CJK text, in 0-1.
///
/// Unlike `strsim::sorensen_dice`, this counts characters, not bytes, so it is right for
/// Chinese:
/// ```
/// use zonematch::text::similarity::cjk_dice;
/// assert!((cjk_dice("新能源汽车", "新能源车") - 4.0 / 7.0).abs() < 1e-9);
/// assert_eq!(cjk_dice("生物医药", "生物医药"), 1.0);
/// ```
pub fn cjk_dice(a: &str, b: &str) -> f64 {
    let (a, b) = (Prepared::new(a), Prepared::new(b));
    if a.bigrams.is_empty() && b.bigrams.is_empty() {
        return 0.0;
    }
    let shared = count_shared(&a.bigrams, &b.bigrams);
    2.0 * shared as f64 / (a.bigrams.len() + b.bigrams.len()) as f64
}

/// Shared elements of two sorted, de-duplicated slices.
fn count_shared(a: &[Bigram], b: &[Bigram]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Crude English stemming: plural endings only ("batteries" → "battery", "cells" →
/// "cell"). Enough for product nouns; a full stemmer would cost size for little gain here.
///
/// Words under five letters are left alone: they are mostly acronyms, and "PCS" (power
/// conversion system) is not the plural of "PC".
pub fn stem(word: &str) -> String {
    if word.len() < 5 {
        return word.to_string();
    }
    if let Some(base) = word.strip_suffix("ies").filter(|b| b.len() >= 3) {
        return format!("{base}y");
    }
    for suffix in ["ches", "shes", "sses", "xes"] {
        if word.ends_with(suffix) {
            return word[..word.len() - 2].to_string();
        }
    }
    if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        return word[..word.len() - 1].to_string();
    }
    word.to_string()
}

/// Similarity of two Latin words in 0-1: 1 for the same stem, otherwise
/// `1 − edits / longer length` when the edits are within [`allowed_edits`], else 0.
/// Edits are counted by optimal string alignment, so a transposition is one edit
/// ("lithuim", "pharmacuetical"). Numbers ("21700") match exactly.
pub fn word_similarity(a: &str, b: &str) -> f64 {
    stem_similarity(&stem(a), &stem(b))
}

/// [`word_similarity`] of two words already stemmed.
pub fn stem_similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    if a.chars().any(|c| c.is_ascii_digit()) || b.chars().any(|c| c.is_ascii_digit()) {
        return 0.0;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    let edits = strsim::osa_distance(a, b);
    if edits <= allowed_edits(la.min(lb)) {
        1.0 - edits as f64 / la.max(lb) as f64
    } else {
        0.0
    }
}

/// How much of `term` is found in `text`, in 0-1: the share of the term's CJK bigrams
/// present in the text plus the share of its words with a close word in the text.
///
/// Asymmetric on purpose: a prospect's description is long and a cluster keyword short, so
/// Dice over both would punish every description for its length.
/// ```
/// use zonematch::text::similarity::{coverage, Prepared};
/// let text = Prepared::new("我们生产21700圆柱动力电池");
/// assert_eq!(coverage(&Prepared::new("动力电池"), &text), 1.0);
/// assert!(coverage(&Prepared::new("power batteries"), &Prepared::new("battery cells")) > 0.4);
/// ```
pub fn coverage(term: &Prepared, text: &Prepared) -> f64 {
    coverage_with_evidence(term, text).0
}

/// Credit of a bigram found by sound only (one character exact, the other a different
/// character with the same toneless pinyin: 光扶 for 光伏): a likely input slip, so it
/// counts, but below the exact spelling.
pub const SOUND_MATCH_CREDIT: f64 = 0.75;

/// Whether text bigram `q` may count as a slip for a term of `term_bigrams` bigrams: not
/// when `q` is itself a known word (`known`: 电信 is telecom, not a slip of 电芯), and for
/// a two-character term only where a word starts or ends ([`Prepared::edges`]).
pub fn slip_allowed(q: Bigram, term_bigrams: usize, text: &Prepared, known: bool) -> bool {
    !known && (term_bigrams > 1 || text.edges.binary_search(&q).is_ok())
}

/// True when the text bigram `q` is a pinyin slip of the term bigram `t`: one character
/// the same, the other different but sounding alike.
pub fn sound_slip(q: Bigram, t: Bigram) -> bool {
    use super::pinyin::sounds_alike;
    q != t
        && q.1 != '\0'
        && t.1 != '\0'
        && ((q.0 == t.0 && sounds_alike(q.1, t.1)) || (q.1 == t.1 && sounds_alike(q.0, t.0)))
}

/// [`coverage`] without pinyin slips: for hard limits, which must not fire on a near
/// spelling (电度表 is not 电镀).
pub fn exact_coverage(term: &Prepared, text: &Prepared) -> f64 {
    let units = term.units();
    if units == 0 || text.is_empty() {
        return 0.0;
    }
    let cjk = if let [(c, '\0')] = term.bigrams.as_slice() {
        f64::from(u8::from(text.bigrams.iter().any(|(a, b)| a == c || b == c)))
    } else {
        count_shared(&term.bigrams, &text.bigrams) as f64
    };
    ((cjk + latin_hits(term, text)) / units as f64).clamp(0.0, 1.0)
}

/// The term's Latin words found in the text, each by its best similarity (0-1).
fn latin_hits(term: &Prepared, text: &Prepared) -> f64 {
    term.words
        .iter()
        .map(|w| {
            text.words
                .iter()
                .map(|t| stem_similarity(w, t))
                .fold(0.0, f64::max)
        })
        .sum()
}

/// Weight of one matched Latin word against one matched CJK bigram: an English word
/// ("battery") carries about as much meaning as a two-character Chinese word (电池), which
/// is one bigram, but single bigrams are often generic (电子, 光电), so a word counts 2.
pub const LATIN_WORD_EVIDENCE: f64 = 2.0;

/// [`coverage`] and the amount of matched evidence behind it (matched bigrams, plus
/// matched Latin words × [`LATIN_WORD_EVIDENCE`]), so that callers can prefer a long,
/// specific term fully found (光电芯片) over a short, generic one (光电).
pub fn coverage_with_evidence(term: &Prepared, text: &Prepared) -> (f64, f64) {
    let units = term.units();
    if units == 0 || text.is_empty() {
        return (0.0, 0.0);
    }
    let cjk_hits = if let [(c, '\0')] = term.bigrams.as_slice() {
        // One-character term (醋, 药): found if the character occurs anywhere.
        let found = text.bigrams.iter().any(|(a, b)| a == c || b == c);
        f64::from(u8::from(found))
    } else {
        // Text bigrams the term has, and those that are slips of one of its bigrams.
        let slips = text
            .bigrams
            .iter()
            .filter(|q| term.bigrams.binary_search(q).is_err())
            .filter(|q| slip_allowed(**q, term.bigrams.len(), text, false))
            .filter(|q| term.bigrams.iter().any(|t| sound_slip(**q, *t)))
            .count();
        count_shared(&term.bigrams, &text.bigrams) as f64 + SOUND_MATCH_CREDIT * slips as f64
    };
    let latin = latin_hits(term, text);
    let coverage = ((cjk_hits + latin) / units as f64).clamp(0.0, 1.0);
    (coverage, cjk_hits + LATIN_WORD_EVIDENCE * latin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dice_counts_characters_not_bytes() {
        let cases: &[(&str, &str, f64)] = &[
            ("新能源汽车", "新能源车", 4.0 / 7.0),
            ("生物医药", "医药生物", 2.0 * 2.0 / 6.0),
            ("光伏", "光伏", 1.0),
            ("光伏", "食醋", 0.0),
            ("abc", "abc", 0.0),
        ];
        for (a, b, want) in cases {
            let got = cjk_dice(a, b);
            assert!((got - want).abs() < 1e-9, "{a} / {b}: {got} != {want}");
        }
    }

    #[test]
    fn word_similarity_table() {
        assert_eq!(word_similarity("ic", "ic"), 1.0);
        assert_eq!(word_similarity("ic", "it"), 0.0);
        assert_eq!(word_similarity("21700", "21701"), 0.0);
        assert_eq!(word_similarity("battery", "batteries"), 1.0);
        assert_eq!(word_similarity("cells", "cell"), 1.0);
        assert!(word_similarity("packaging", "packagng") > 0.85);
        assert!(word_similarity("photovoltaic", "photovoltiac") > 0.8);
        // A transposition is one edit.
        assert!(word_similarity("lithium", "lithuim") > 0.8);
        assert!(word_similarity("pharmaceutical", "pharmacuetical") > 0.9);
        assert!(word_similarity("separator", "seperator") > 0.8);
        assert!(word_similarity("integrated", "intergrated") > 0.8);
        assert_eq!(word_similarity("battery", "bakery"), 0.0);
        assert_eq!(word_similarity("solar", "vinegar"), 0.0);
        assert_eq!(word_similarity("chip", "ship"), 0.0);
    }

    #[test]
    fn coverage_table() {
        let cases: &[(&str, &str, f64, f64)] = &[
            // term, text, min, max
            ("动力电池", "21700圆柱动力电池项目", 1.0, 1.0),
            ("集成电路封装", "IC封装测试", 0.2, 0.2),
            ("食醋", "老陈醋酿造", 0.0, 0.0),
            ("醋", "老陈醋酿造", 1.0, 1.0),
            ("IC packaging", "ic packaging and testing", 1.0, 1.0),
            ("photovoltaic", "photovoltaics glass", 1.0, 1.0),
            ("biopharma", "光伏玻璃", 0.0, 0.0),
            // Pinyin slips: near, below the exact spelling.
            ("光伏组件", "光扶组件", 0.8, 0.95),
            ("电芯", "电心", 0.7, 0.8),
            ("新能源车", "新能原车", 0.8, 0.95),
            ("光伏组件", "光扶", 0.2, 0.3),
            // Traditional script.
            ("锂电池", "鋰電池", 1.0, 1.0),
        ];
        for (term, text, lo, hi) in cases {
            let got = coverage(&Prepared::new(term), &Prepared::new(text));
            assert!(got >= *lo && got <= *hi, "{term} in {text}: {got}");
        }
    }
}
