//! The industry taxonomy shipped with the app: GB/T 4754-2017 (all 20 sections and 97
//! divisions, plus the groups and classes zone clusters need) and the nine 2018 strategic
//! emerging industry domains (`SEI1`-`SEI9`), with Chinese and English names and everyday
//! synonyms. Built by `tools/build_taxonomy.py`; source and date are in the data file.
//!
//! ```
//! use zonematch::taxonomy::{taxonomy, Relation};
//! let t = taxonomy();
//! let hits = t.classify_text("21700 cylindrical Li-ion battery cells");
//! assert_eq!(t.entry(hits[0].entry).code, "3841");
//! assert_eq!(t.relation("3841", "384"), Relation::Contains);
//! assert_eq!(t.relation("3841", "3612"), Relation::SameDomain);
//! ```

use std::sync::OnceLock;

use crate::text::index::{QuickMap, TermIndex};
use crate::text::normalize::{normalize, Normalized};
use crate::text::similarity::{Bigram, Prepared};
use crate::text::specificity::{INDUSTRY_EVIDENCE_FLOOR, MIN_SPECIFICITY, SPECIFIC_EVIDENCE};

// `SOURCE`, `COMPILED` and `ENTRIES`: `taxonomy.json` written by `build.rs` as one text,
// an entry per line and its fields tab-separated (issue 11: no JSON is parsed at
// start-up or at the first match; the entries are slices of the text).
include!(concat!(env!("OUT_DIR"), "/taxonomy_data.rs"));

/// Most taxonomy entries kept for one description: a description rarely names more than
/// a couple of industries, and more hits only add noise to hierarchy matching.
pub const MAX_CLASSIFICATION_HITS: usize = 3;

/// One taxonomy entry, its texts slices of the data built into the app (see `build.rs`).
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// `A`-`T` (section), 2-4 digits (division, group, class) or `SEI1`-`SEI9`.
    pub code: &'static str,
    /// Section letter of the entry (empty for strategic domains).
    pub section: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    /// Everyday names, abbreviations and jargon, in both languages.
    pub synonyms: Vec<&'static str>,
    /// Strategic emerging industry domains (1-9) the entry belongs to.
    pub sei: Vec<u8>,
}

impl Entry {
    /// One line of `ENTRIES`: code, section, names, `|`-separated synonyms and domain
    /// digits, tab-separated (the shape `build.rs` writes and checks).
    fn from_line(line: &'static str) -> Self {
        let mut f = line.split('\t');
        let mut next = || f.next().unwrap_or("");
        let (code, section, zh, en) = (next(), next(), next(), next());
        let synonyms = next().split('|').filter(|s| !s.is_empty()).collect();
        let sei = next().bytes().map(|d| d.wrapping_sub(b'0')).collect();
        Self {
            code,
            section,
            zh,
            en,
            synonyms,
            sei,
        }
    }
}

impl Entry {
    /// 1 section, 2 division, 3 group, 4 class, 0 strategic domain.
    pub fn level(&self) -> u8 {
        if self.code.starts_with("SEI") {
            0
        } else if self.code.chars().all(|c| c.is_ascii_digit()) {
            self.code.len().min(4) as u8
        } else {
            1
        }
    }
}

/// How two taxonomy codes relate, from closest to unrelated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relation {
    Unrelated,
    /// Same GB/T section (e.g. both manufacturing).
    SameSection,
    /// Share a strategic emerging industry domain.
    SameDomain,
    /// Same division (2 digits).
    SameDivision,
    /// Same group (3 digits).
    SameGroup,
    /// One code is the parent of the other (384 ⊃ 3841).
    Contains,
    Same,
}

impl Relation {
    /// Industry-fit credit for a relation: same class > same group > same division >
    /// same domain > same section. A parent/child pair is nearly as good as a match (a
    /// zone recruiting "battery manufacturing" wants a Li-ion maker); a shared section
    /// says little (most zones are manufacturing), so it earns little.
    pub fn credit(self) -> f64 {
        match self {
            Relation::Same => 1.0,
            Relation::Contains => 0.9,
            Relation::SameGroup => 0.8,
            Relation::SameDivision => 0.6,
            Relation::SameDomain => 0.45,
            Relation::SameSection => 0.15,
            Relation::Unrelated => 0.0,
        }
    }
}

/// A code resolved once for fast comparison: its digits, section, strategic domains and
/// breadth. Comparing two keys is arithmetic; comparing two code strings looks them up.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CodeKey {
    /// The GB/T code's digits as a number (3841), `len` digits long; `len` 0 for a
    /// section or domain. Prefixes compare by integer division, not string slices.
    num: u32,
    len: u8,
    /// Section letter as a byte, 0 if unknown.
    section: u8,
    /// Bit `n` set for strategic domain `n` (1-9).
    domains: u16,
    /// The code is a strategic domain (`SEIn`).
    domain_code: bool,
    /// Most credit a match at this code's level can earn (see [`breadth_cap`]).
    cap: f32,
}

impl CodeKey {
    /// The first `n` digits as a number (n ≤ len).
    fn prefix(&self, n: u8) -> u32 {
        self.num / 10u32.pow(u32::from(self.len.saturating_sub(n)))
    }

    /// True when this code lies inside `outer` (3841 within 38, 384 or C).
    pub fn is_within(&self, outer: &CodeKey) -> bool {
        if outer.len > 0 {
            self.len >= outer.len && self.prefix(outer.len) == outer.num
        } else if outer.domain_code {
            self.domains & outer.domains != 0
        } else {
            outer.section != 0 && self.section == outer.section
        }
    }
}

/// Most credit a match at a code's level can earn, whatever the relation: agreeing on a
/// whole strategic domain or section is coarse evidence even when the codes are equal.
pub fn breadth_cap(code: &str) -> f64 {
    if code.starts_with("SEI") {
        return Relation::SameDomain.credit();
    }
    if !code.chars().all(|c| c.is_ascii_digit()) {
        return Relation::SameSection.credit();
    }
    match code.len() {
        0 | 1 => Relation::SameSection.credit(),
        2 => Relation::SameDivision.credit(),
        3 => Relation::Contains.credit(),
        _ => Relation::Same.credit(),
    }
}

/// A taxonomy entry found in a text, with a confidence in 0-1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Classification {
    pub entry: usize,
    pub confidence: f64,
}

pub struct Taxonomy {
    /// Where the standard's codes and names come from, and who added the rest.
    pub source: &'static str,
    /// When `tools/build_taxonomy.py` compiled the data (YYYY-MM-DD).
    pub compiled: &'static str,
    entries: Vec<Entry>,
    index: TermIndex,
    /// Entry of each indexed term.
    term_entry: Vec<usize>,
    /// Bigrams of each indexed term.
    term_bigrams: Vec<Vec<Bigram>>,
    /// Chinese terms of [`MIN_COVER_CHARS`] or more characters (names and synonyms, as
    /// normalised text) → entry: the known terms that claim a span of a description.
    known: QuickMap<String, u32>,
    /// First bigram of each known term → its longest length, so a text is searched only
    /// where a known term can start.
    known_starts: QuickMap<Bigram, u32>,
    /// In how many entries each Chinese bigram occurs (names and synonyms): the
    /// background against which a catalogue's words are judged specific.
    bigram_entries: QuickMap<Bigram, u32>,
}

/// Shortest known term that claims its span of a text (three characters: 电池片,
/// 生物质发电, 电子商务, 醋酸纤维): a shorter term inside it is then part of it. (Two-character
/// words as claimers were measured worse: they split longer terms that do belong.)
pub const MIN_COVER_CHARS: usize = 3;

/// Longest known term looked for in a text.
const MAX_COVER_CHARS: usize = 10;

/// A known taxonomy term found whole in a text (leftmost-longest): the span's bigrams and
/// the entry it names. Shorter terms found only inside it do not also count when their
/// industry is another (see [`Cover::claims`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Cover {
    pub bigrams: Vec<Bigram>,
    pub entry: usize,
    pub key: CodeKey,
}

impl Cover {
    /// True when a term whose `matched` bigrams (those of its found in the text) all lie
    /// in this span, and whose industry `term_keys` is unrelated to the span's (not even the
    /// same group), was found only as part of this longer term: 电池 (batteries) inside
    /// 电池片 (solar cells), 生物 inside 生物质发电 (biomass power). A term with no known
    /// industry is claimed too: the longest known term wins.
    pub fn claims(&self, matched: &[Bigram], term: &[Bigram], term_keys: &[CodeKey]) -> bool {
        !matched.is_empty()
            && term != self.bigrams.as_slice()
            && matched
                .iter()
                .all(|b| self.bigrams.binary_search(b).is_ok())
            && term_keys
                .iter()
                .all(|k| relation_keys(k, &self.key) < Relation::SameGroup)
    }
}

impl Taxonomy {
    fn load() -> Self {
        let mut index = TermIndex::new();
        let mut term_entry = Vec::new();
        let mut term_bigrams = Vec::new();
        let mut known: QuickMap<String, u32> = QuickMap::default();
        let mut known_starts: QuickMap<Bigram, u32> = QuickMap::default();
        let mut bigram_entries: QuickMap<Bigram, u32> = QuickMap::default();
        let entries: Vec<Entry> = ENTRIES.lines().map(Entry::from_line).collect();
        for (i, e) in entries.iter().enumerate() {
            let mut entry_bigrams: Vec<Bigram> = Vec::new();
            for t in [e.zh, e.en].iter().chain(&e.synonyms) {
                let n = normalize(t);
                let prepared = Prepared::from_normalized(&n);
                entry_bigrams.extend(&prepared.bigrams);
                if index.add_prepared(&prepared).is_some() {
                    term_entry.push(i);
                    term_bigrams.push(prepared.bigrams);
                }
                if let [run] = n.cjk_runs.as_slice() {
                    if (MIN_COVER_CHARS..=MAX_COVER_CHARS).contains(&run.len()) {
                        // The finest entry keeps a term two entries share.
                        let text: String = run.iter().collect();
                        let finer = |old: u32| entries[old as usize].level() < e.level();
                        if known.get(&text).is_none_or(|&old| finer(old)) {
                            known.insert(text, i as u32);
                        }
                        let longest = known_starts.entry((run[0], run[1])).or_insert(0);
                        *longest = (*longest).max(run.len() as u32);
                    }
                }
            }
            entry_bigrams.sort_unstable();
            entry_bigrams.dedup();
            for b in entry_bigrams {
                *bigram_entries.entry(b).or_default() += 1;
            }
        }
        Self {
            source: SOURCE,
            compiled: COMPILED,
            entries,
            index,
            term_entry,
            term_bigrams,
            known,
            known_starts,
            bigram_entries,
        }
    }

    /// The two-character words the taxonomy knows (see [`TermIndex::add_words`]).
    pub fn words(&self) -> impl Iterator<Item = &Bigram> {
        self.index.words()
    }

    /// In how many taxonomy entries the bigram occurs.
    pub fn bigram_entries(&self, b: &Bigram) -> u32 {
        self.bigram_entries.get(b).copied().unwrap_or(0)
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn entry(&self, i: usize) -> &Entry {
        &self.entries[i]
    }

    pub fn find(&self, code: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.code == code)
    }

    pub fn classify_text(&self, text: &str) -> Vec<Classification> {
        let n = normalize(text);
        self.classify(&Prepared::from_normalized(&n), &self.covers(&n))
    }

    /// The known terms found whole in a text, leftmost-longest, each claiming its span
    /// (see [`Cover`]).
    pub fn covers(&self, text: &Normalized) -> Vec<Cover> {
        let mut out = Vec::new();
        let mut s = String::new();
        for run in &text.cjk_runs {
            let mut i = 0;
            while i + MIN_COVER_CHARS <= run.len() {
                let most = self
                    .known_starts
                    .get(&(run[i], run[i + 1]))
                    .map_or(0, |&n| n as usize)
                    .min(MAX_COVER_CHARS)
                    .min(run.len() - i);
                let longest = (MIN_COVER_CHARS..=most).rev().find_map(|len| {
                    s.clear();
                    s.extend(&run[i..i + len]);
                    self.known.get(&s).map(|&e| (len, e as usize))
                });
                match longest {
                    Some((len, entry)) => {
                        let mut bigrams: Vec<Bigram> =
                            run[i..i + len].windows(2).map(|w| (w[0], w[1])).collect();
                        bigrams.sort_unstable();
                        bigrams.dedup();
                        out.push(Cover {
                            bigrams,
                            entry,
                            key: self.key(self.entries[entry].code),
                        });
                        i += len;
                    }
                    None => i += 1,
                }
            }
        }
        out
    }

    /// The entries `text` most likely describes, best first (at most
    /// [`MAX_CLASSIFICATION_HITS`]). Confidence is term coverage × specificity, as for
    /// industry fit; on equal confidence the finer level (class over group) wins. A term
    /// found only inside a longer known term of another industry (`covers`) does not
    /// count: 电池片 is a solar cell, not a battery.
    pub fn classify(&self, text: &Prepared, covers: &[Cover]) -> Vec<Classification> {
        let mut best: Vec<Classification> = Vec::new();
        for hit in self.index.query(text) {
            if hit.coverage < INDUSTRY_EVIDENCE_FLOOR {
                continue;
            }
            let entry = self.term_entry[hit.term as usize];
            if !covers.is_empty() {
                let term = &self.term_bigrams[hit.term as usize];
                let matched = shared_bigrams(term, &text.bigrams);
                let keys = [self.key(self.entries[entry].code)];
                if covers.iter().any(|c| c.claims(&matched, term, &keys)) {
                    continue;
                }
            }
            let specificity = MIN_SPECIFICITY
                + (1.0 - MIN_SPECIFICITY) * (hit.evidence / SPECIFIC_EVIDENCE).min(1.0);
            let confidence = hit.coverage * specificity;
            match best.iter_mut().find(|c| c.entry == entry) {
                Some(c) => c.confidence = c.confidence.max(confidence),
                None => best.push(Classification { entry, confidence }),
            }
        }
        crate::order::sort_by(&mut best, |a, b| {
            b.confidence.total_cmp(&a.confidence).then_with(|| {
                self.entries[b.entry]
                    .level()
                    .cmp(&self.entries[a.entry].level())
            })
        });
        best.truncate(MAX_CLASSIFICATION_HITS);
        best
    }

    /// How codes `a` and `b` relate (either may be a section letter, a 2-4 digit code, or
    /// a strategic domain `SEIn`; unknown codes relate only by their digits).
    pub fn relation(&self, a: &str, b: &str) -> Relation {
        let (a, b) = (a.trim(), b.trim());
        if a.is_empty() || b.is_empty() {
            return Relation::Unrelated;
        }
        if a == b {
            return Relation::Same;
        }
        relation_keys(&self.key(a), &self.key(b))
    }

    /// Industry-fit credit of two codes: the relation's credit, capped by the breadth of
    /// the broader code (see [`breadth_cap`]).
    pub fn affinity(&self, a: &str, b: &str) -> f64 {
        affinity_keys(&self.key(a), &self.key(b))
    }

    /// Resolve a code for repeated comparison.
    pub fn key(&self, code: &str) -> CodeKey {
        let code = code.trim();
        let mut key = CodeKey {
            cap: breadth_cap(code) as f32,
            ..Default::default()
        };
        for d in self.domains(code) {
            if (1..=15).contains(&d) {
                key.domains |= 1 << d;
            }
        }
        if code.starts_with("SEI") {
            key.domain_code = true;
        } else if !code.is_empty() && code.len() <= 4 && code.chars().all(|c| c.is_ascii_digit()) {
            key.len = code.len() as u8;
            key.num = code.parse().unwrap_or(0);
        }
        key.section = self.section(code).bytes().next().unwrap_or(0);
        key
    }

    /// Strategic domains of a code: its own, or those of its nearest listed ancestor.
    fn domains(&self, code: &str) -> Vec<u8> {
        if let Some(n) = code.strip_prefix("SEI").and_then(|n| n.parse::<u8>().ok()) {
            return vec![n];
        }
        let mut c = code;
        while !c.is_empty() {
            if let Some(e) = self.find(c) {
                if !e.sei.is_empty() {
                    return e.sei.clone();
                }
            }
            c = &c[..c.len() - 1];
        }
        Vec::new()
    }

    /// Section letter of a code (`C` for 3841).
    fn section(&self, code: &str) -> String {
        if code.len() == 1 && code.chars().all(|c| c.is_ascii_uppercase()) {
            return code.to_string();
        }
        if code.len() >= 2 && code.chars().all(|c| c.is_ascii_digit()) {
            if let Some(e) = self.find(&code[..2]) {
                return e.section.to_string();
            }
        }
        String::new()
    }
}

/// The bigrams of `text` (sorted) through which `term` (sorted) was found: those the term
/// has, and those that are pinyin slips of one of its bigrams; for a one-character term
/// (醋), every text bigram with that character in it.
pub fn shared_bigrams(term: &[Bigram], text: &[Bigram]) -> Vec<Bigram> {
    if let [(c, '\0')] = term {
        return text
            .iter()
            .filter(|(a, b)| a == c || b == c)
            .copied()
            .collect();
    }
    text.iter()
        .filter(|q| {
            term.binary_search(q).is_ok()
                || term
                    .iter()
                    .any(|t| crate::text::similarity::sound_slip(**q, *t))
        })
        .copied()
        .collect()
}

/// [`Taxonomy::relation`] on resolved keys.
pub fn relation_keys(a: &CodeKey, b: &CodeKey) -> Relation {
    if a == b && (a.len > 0 || a.domain_code || a.section != 0) {
        return Relation::Same;
    }
    if a.len >= 2 && b.len >= 2 {
        let n = a.len.min(b.len);
        if a.prefix(n) == b.prefix(n) {
            return Relation::Contains;
        }
        if n >= 3 && a.prefix(3) == b.prefix(3) {
            return Relation::SameGroup;
        }
        if a.prefix(2) == b.prefix(2) {
            return Relation::SameDivision;
        }
    }
    if a.domains & b.domains != 0 {
        return Relation::SameDomain;
    }
    if a.section != 0 && a.section == b.section {
        let section_only = |k: &CodeKey| k.len == 0 && !k.domain_code;
        if section_only(a) || section_only(b) {
            return Relation::Contains;
        }
        return Relation::SameSection;
    }
    Relation::Unrelated
}

/// [`Taxonomy::affinity`] on resolved keys.
pub fn affinity_keys(a: &CodeKey, b: &CodeKey) -> f64 {
    relation_keys(a, b)
        .credit()
        .min(f64::from(a.cap))
        .min(f64::from(b.cap))
}

static TAXONOMY: OnceLock<Taxonomy> = OnceLock::new();

/// The shipped taxonomy, loaded and indexed on first use.
pub fn taxonomy() -> &'static Taxonomy {
    TAXONOMY.get_or_init(Taxonomy::load)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table build.rs writes reads back as exactly the JSON file: every entry, field,
    /// synonym and domain, in order.
    #[test]
    fn built_table_equals_the_json_file() {
        let file: serde_json::Value =
            serde_json::from_str(include_str!("taxonomy.json")).expect("taxonomy parses");
        let json = file["entries"].as_array().expect("entries");
        let t = taxonomy();
        assert_eq!(t.entries().len(), json.len());
        assert!(json.len() > 200, "{} entries", json.len());
        let strs = |v: &serde_json::Value| -> Vec<String> {
            let items = v.as_array().expect("a list");
            items
                .iter()
                .map(|x| x.as_str().expect("text").to_string())
                .collect()
        };
        for (e, j) in t.entries().iter().zip(json) {
            assert_eq!(e.code, j["code"].as_str().unwrap());
            assert_eq!(e.section, j["sec"].as_str().unwrap());
            assert_eq!(e.zh, j["zh"].as_str().unwrap());
            assert_eq!(e.en, j["en"].as_str().unwrap());
            assert_eq!(e.synonyms, strs(&j["syn"]), "{}", e.code);
            let sei: Vec<u8> = j["sei"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_u64().unwrap() as u8)
                .collect();
            assert_eq!(e.sei, sei, "{}", e.code);
        }
        assert_eq!(t.source, file["source"].as_str().unwrap());
        assert_eq!(t.compiled, file["compiled"].as_str().unwrap());
    }

    #[test]
    fn taxonomy_is_complete_at_the_top_levels() {
        let t = taxonomy();
        let sections = t.entries().iter().filter(|e| e.code.len() == 1).count();
        let divisions = t
            .entries()
            .iter()
            .filter(|e| e.code.len() == 2 && e.code.chars().all(|c| c.is_ascii_digit()))
            .count();
        let domains = t
            .entries()
            .iter()
            .filter(|e| e.code.starts_with("SEI"))
            .count();
        assert_eq!((sections, divisions, domains), (20, 97, 9));
        for e in t.entries() {
            assert!(
                !e.zh.is_empty() && !e.en.is_empty(),
                "{} needs both names",
                e.code
            );
        }
        assert!(t.source.contains("GB/T 4754-2017") && !t.compiled.is_empty());
    }

    #[test]
    fn classifies_everyday_words_in_both_languages() {
        let t = taxonomy();
        let cases: &[(&str, &str)] = &[
            ("动力电池", "3841"),
            ("锂电池电芯", "3841"),
            ("21700 cylindrical battery cells", "3841"),
            ("封测", "3973"),
            ("IC packaging and testing", "3973"),
            ("新能源汽车整车", "3612"),
            ("NEV", "3612"),
            ("光伏组件", "3825"),
            ("solar modules", "3825"),
            ("生物制药", "276"),
            ("食醋", "1462"),
            ("矿泉水", "1522"),
            ("工业机器人", "3491"),
            ("污水处理", "4620"),
            ("芯片设计 fabless", "6520"),
        ];
        for (text, code) in cases {
            let hits = t.classify_text(text);
            let got: Vec<&str> = hits.iter().map(|h| t.entry(h.entry).code).collect();
            assert_eq!(got.first().copied(), Some(*code), "{text}: {got:?}");
            assert!(hits[0].confidence > 0.5 && hits[0].confidence <= 1.0);
        }
        assert!(t.classify_text("qwerty 呵呵").is_empty());
    }

    #[test]
    fn relations_follow_the_hierarchy() {
        let t = taxonomy();
        let cases: &[(&str, &str, Relation)] = &[
            ("3841", "3841", Relation::Same),
            ("3841", "384", Relation::Contains),
            ("38", "3841", Relation::Contains),
            ("3973", "3976", Relation::SameGroup),
            ("3973", "3985", Relation::SameDivision),
            ("3841", "3612", Relation::SameDomain),
            ("3973", "SEI1", Relation::SameDomain),
            ("1462", "3841", Relation::SameSection),
            ("C", "3841", Relation::Contains),
            ("1462", "7721", Relation::Unrelated),
            ("", "3841", Relation::Unrelated),
        ];
        for (a, b, want) in cases {
            assert_eq!(t.relation(a, b), *want, "{a} vs {b}");
            assert_eq!(t.relation(b, a), *want, "{b} vs {a} (symmetric)");
        }
        let credits: Vec<f64> = [
            Relation::Same,
            Relation::Contains,
            Relation::SameGroup,
            Relation::SameDivision,
            Relation::SameDomain,
            Relation::SameSection,
            Relation::Unrelated,
        ]
        .iter()
        .map(|r| r.credit())
        .collect();
        assert!(
            credits.windows(2).all(|w| w[0] > w[1]),
            "closer relations earn more"
        );
    }
}
