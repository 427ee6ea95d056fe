//! An inverted index over short terms (cluster names, chain links, keywords, taxonomy
//! names), so that one description is compared only with the terms it shares a bigram
//! or a word with: this is what keeps one prospect against 2,600 zones within a keystroke.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::pinyin::{readings, Syllable};

/// A syllable as a character of Supplementary Private Use Area-A, for sound keys.
fn sound(r: Syllable) -> char {
    char::from_u32(0xF_0000 + u32::from(r)).unwrap_or('\u{F0000}')
}
use super::similarity::{
    allowed_edits, slip_allowed, stem_similarity, Bigram, Prepared, LATIN_WORD_EVIDENCE,
    SOUND_MATCH_CREDIT,
};

/// A small, fast, non-cryptographic hasher (multiply-rotate, as in rustc's FxHash). Keys
/// here are our own bigrams and words, so flooding attacks are not a concern.
#[derive(Default, Clone, Copy)]
pub struct QuickHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for QuickHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(SEED);
    }
}

pub type QuickMap<K, V> = HashMap<K, V, BuildHasherDefault<QuickHasher>>;

/// One indexed term's size (what its coverage is divided by).
#[derive(Clone, Debug)]
struct TermShape {
    bigrams: u32,
    words: u32,
    /// For one-character terms (醋): found when the character occurs anywhere.
    single: Option<char>,
}

/// A term found in a query: how much of it, and how much evidence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TermHit {
    pub term: u32,
    /// Share of the term found, 0-1.
    pub coverage: f64,
    /// Matched bigrams plus matched words × [`LATIN_WORD_EVIDENCE`].
    pub evidence: f64,
}

/// Inverted index from bigrams and word stems to terms.
#[derive(Clone, Debug, Default)]
pub struct TermIndex {
    shapes: Vec<TermShape>,
    /// Terms by bigram; also by a bigram's first character and the second's reading
    /// (光 + fu → 光伏) and by the first's reading and the second character, where pinyin
    /// slips are found: a reading is written as a private-use character ([`sound`]),
    /// which no text has, so the two kinds of key never meet.
    bigrams: QuickMap<Bigram, Vec<u32>>,
    singles: QuickMap<char, Vec<u32>>,
    /// Two-character words known as such (a whole run of an indexed term, or added with
    /// [`TermIndex::add_words`]): typed, they are themselves, never a slip.
    words2: QuickMap<Bigram, u32>,
    vocab: Vec<String>,
    vocab_ids: QuickMap<String, u32>,
    word_terms: Vec<Vec<u32>>,
}

impl TermIndex {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self) -> usize {
        self.shapes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.shapes.is_empty()
    }

    /// Index `text` as a term; returns its id, or `None` when it has nothing to match on.
    pub fn add(&mut self, text: &str) -> Option<u32> {
        self.add_prepared(&Prepared::new(text))
    }

    /// Know these two-character words as words (see [`TermIndex::query`]'s slips).
    pub fn add_words<'a>(&mut self, words: impl IntoIterator<Item = &'a Bigram>) {
        for w in words {
            self.words2.insert(*w, 0);
        }
    }

    /// The two-character words known as words.
    pub fn words(&self) -> impl Iterator<Item = &Bigram> {
        self.words2.keys()
    }

    pub fn add_prepared(&mut self, p: &Prepared) -> Option<u32> {
        if p.is_empty() {
            return None;
        }
        // A two-character run that is a whole term (电信, 电芯) is a word.
        for e in &p.edges {
            if p.bigrams.len() == 1 && p.bigrams[0] == *e {
                self.words2.insert(*e, 0);
            }
        }
        let id = self.shapes.len() as u32;
        let single = match p.bigrams.as_slice() {
            [(c, '\0')] => Some(*c),
            _ => None,
        };
        if let Some(c) = single {
            self.singles.entry(c).or_default().push(id);
        } else {
            for &(a, b) in &p.bigrams {
                self.bigrams.entry((a, b)).or_default().push(id);
                let push = |list: &mut Vec<u32>| {
                    if list.last() != Some(&id) {
                        list.push(id);
                    }
                };
                for &(_, r) in readings(b) {
                    push(self.bigrams.entry((a, sound(r))).or_default());
                }
                for &(_, r) in readings(a) {
                    push(self.bigrams.entry((sound(r), b)).or_default());
                }
            }
        }
        for w in &p.words {
            let wid = match self.vocab_ids.get(w) {
                Some(&wid) => wid,
                None => {
                    let wid = self.vocab.len() as u32;
                    self.vocab.push(w.clone());
                    self.vocab_ids.insert(w.clone(), wid);
                    self.word_terms.push(Vec::new());
                    wid
                }
            };
            self.word_terms[wid as usize].push(id);
        }
        self.shapes.push(TermShape {
            bigrams: p.bigrams.len() as u32,
            words: p.words.len() as u32,
            single,
        });
        Some(id)
    }

    /// Every term sharing anything with `query`, with its coverage and evidence.
    pub fn query(&self, query: &Prepared) -> Vec<TermHit> {
        let mut cjk: QuickMap<u32, f64> = QuickMap::default();
        let mut latin: QuickMap<u32, f64> = QuickMap::default();
        for b in &query.bigrams {
            if let Some(terms) = self.bigrams.get(b) {
                for t in terms {
                    *cjk.entry(*t).or_default() += 1.0;
                }
            }
        }
        if !self.singles.is_empty() {
            // As code points: sorted by the same code as `slipped` below (u32 and char order
            // alike), not a copy of the sort for char.
            let mut chars: Vec<u32> = query
                .bigrams
                .iter()
                .flat_map(|(a, b)| [*a as u32, *b as u32])
                .filter(|c| *c != 0)
                .collect();
            chars.sort_unstable();
            chars.dedup();
            for c in chars.into_iter().filter_map(char::from_u32) {
                if let Some(terms) = self.singles.get(&c) {
                    for t in terms {
                        *cjk.entry(*t).or_default() = 1.0;
                    }
                }
            }
        }
        // Pinyin slips: a text bigram the term lacks, one character of which is the term's
        // and the other sounds like the term's (see `similarity::sound_slip`).
        let mut slipped: Vec<u32> = Vec::new();
        for &(a, b) in &query.bigrams {
            if b == '\0' || self.words2.contains_key(&(a, b)) {
                continue; // a known word is itself, never a slip
            }
            slipped.clear();
            for &(_, r) in readings(b) {
                slipped.extend(self.bigrams.get(&(a, sound(r))).into_iter().flatten());
            }
            for &(_, r) in readings(a) {
                slipped.extend(self.bigrams.get(&(sound(r), b)).into_iter().flatten());
            }
            if slipped.is_empty() {
                continue;
            }
            slipped.sort_unstable();
            slipped.dedup();
            // Terms that have the bigram exactly were counted above: both lists are in
            // term order, so one pass skips them.
            let exact: &[u32] = self.bigrams.get(&(a, b)).map_or(&[], Vec::as_slice);
            let mut e = 0;
            for &t in &slipped {
                while e < exact.len() && exact[e] < t {
                    e += 1;
                }
                if exact.get(e) == Some(&t) {
                    continue;
                }
                let shape = &self.shapes[t as usize];
                if slip_allowed((a, b), shape.bigrams as usize, query, false) {
                    *cjk.entry(t).or_default() += SOUND_MATCH_CREDIT;
                }
            }
        }
        for (wid, sim) in self.word_matches(&query.words) {
            for t in &self.word_terms[wid as usize] {
                *latin.entry(*t).or_default() += sim;
            }
        }
        let mut hits: Vec<TermHit> = Vec::with_capacity(cjk.len() + latin.len());
        let mut push = |t: u32, c: f64, l: f64| {
            let shape = &self.shapes[t as usize];
            let units = if shape.single.is_some() {
                1
            } else {
                shape.bigrams
            } + shape.words;
            hits.push(TermHit {
                term: t,
                coverage: ((c + l) / f64::from(units.max(1))).clamp(0.0, 1.0),
                evidence: c + LATIN_WORD_EVIDENCE * l,
            });
        };
        for (&t, &c) in &cjk {
            push(t, c, latin.get(&t).copied().unwrap_or(0.0));
        }
        for (&t, &l) in &latin {
            if !cjk.contains_key(&t) {
                push(t, 0.0, l);
            }
        }
        // One hit per term (the keys of two maps, each taken once): the shared sort gives
        // the order sort_unstable did, without a copy of the sort for this type.
        crate::order::sort_by_key(&mut hits, |h| h.term);
        hits
    }

    /// Vocabulary words close to any query word, with the best similarity for each.
    fn word_matches(&self, words: &[String]) -> Vec<(u32, f64)> {
        let mut best: QuickMap<u32, f64> = QuickMap::default();
        for q in words {
            if let Some(&wid) = self.vocab_ids.get(q) {
                best.insert(wid, 1.0);
                continue;
            }
            if q.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            let qlen = q.chars().count();
            let first = q.chars().next();
            for (wid, v) in self.vocab.iter().enumerate() {
                let vlen = v.chars().count();
                let allowed = allowed_edits(qlen.min(vlen));
                // Cheap filters first: typos rarely hit the first letter.
                if allowed == 0 || qlen.abs_diff(vlen) > allowed || v.chars().next() != first {
                    continue;
                }
                let s = stem_similarity(q, v);
                if s > 0.0 {
                    let e = best.entry(wid as u32).or_default();
                    *e = e.max(s);
                }
            }
        }
        best.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::similarity::coverage_with_evidence;

    /// The index must agree with the direct pairwise measure on every term.
    #[test]
    fn index_agrees_with_direct_coverage() {
        let terms = [
            "光伏组件",
            "电芯",
            "锂电池",
            "动力电池",
            "集成电路封装",
            "醋",
            "IC packaging",
            "lithium battery",
            "photovoltaic glass",
            "新能源汽车",
            "21700",
        ];
        let queries = [
            "21700圆柱动力电池",
            "光扶组件 电心 新能原车 集成电陆封装",
            "鋰電池 Lithuim batteris",
            "ＩＣ封装测试 packagng",
            "老陈醋",
            "Lithium batteries and PV glas",
            "新能源车",
        ];
        let mut index = TermIndex::new();
        let ids: Vec<u32> = terms.iter().map(|t| index.add(t).unwrap()).collect();
        for q in queries {
            let qp = Prepared::new(q);
            let hits = index.query(&qp);
            for (t, id) in terms.iter().zip(&ids) {
                let (c, e) = coverage_with_evidence(&Prepared::new(t), &qp);
                let hit = hits.iter().find(|h| h.term == *id);
                match hit {
                    Some(h) => {
                        assert!(
                            (h.coverage - c).abs() < 1e-9,
                            "{t} in {q}: {} vs {c}",
                            h.coverage
                        );
                        assert!((h.evidence - e).abs() < 1e-9, "{t} in {q}: evidence");
                    }
                    None => assert_eq!(c, 0.0, "{t} in {q}: index missed a hit"),
                }
            }
        }
    }
}
