//! Toneless pinyin readings, for recognising slips made on a pinyin keyboard: a typist who
//! means 光伏 (guāng fú) and picks 光扶 (guāng fú) typed the right sounds.
//!
//! The table (`data/pinyin.txt`, 13.0 KB, 9.5 KB gzip in the wasm: 396 syllables, 3,760
//! characters, each under its most common reading) comes from pypinyin's `pinyin_dict`
//! (the pinyin-data project, Unicode Unihan), restricted to GB 2312 level 1 plus the other
//! characters the shipped taxonomy and demo zones use; built by
//! `tools/build_text_tables.py`, which records the source. A slip on a character's rarer
//! reading (行 as hang) is not recognised: the second readings cost 1.9 KB gzip.

use std::sync::OnceLock;

const PINYIN: &str = include_str!("data/pinyin.txt");

/// A toneless syllable, as its index in the table (`a` = 0 … `zuo`).
pub type Syllable = u16;

/// Characters with their syllables, sorted by character; a polyphone appears once per
/// reading.
fn table() -> &'static [(char, Syllable)] {
    static TABLE: OnceLock<Vec<(char, Syllable)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut out = Vec::with_capacity(4_000);
        for (i, group) in PINYIN.split('|').enumerate() {
            for c in group.chars().filter(|c| !c.is_ascii_lowercase()) {
                out.push((c, i as Syllable));
            }
        }
        // Once, at first use: the shared sort (a total order, so the same result as
        // sort_unstable) rather than a copy of the sort for this type.
        crate::order::sort_by(&mut out, |a, b| a.cmp(b));
        out
    })
}

/// The toneless readings of `c` (one in the shipped table), empty when the table does
/// not have it.
pub fn readings(c: char) -> &'static [(char, Syllable)] {
    let t = table();
    let start = t.partition_point(|p| p.0 < c);
    let end = start + t[start..].iter().take_while(|p| p.0 == c).count();
    &t[start..end]
}

/// The syllable a character is keyed by for near matches: its first reading.
pub fn key(c: char) -> Option<Syllable> {
    readings(c).first().map(|p| p.1)
}

/// True when two different characters share a toneless reading (扶 and 伏, 心 and 芯).
///
/// ```
/// use zonematch::text::pinyin::sounds_alike;
/// assert!(sounds_alike('扶', '伏'));
/// assert!(sounds_alike('心', '芯'));
/// assert!(sounds_alike('原', '源'));
/// assert!(!sounds_alike('电', '池'));
/// ```
pub fn sounds_alike(a: char, b: char) -> bool {
    let (ra, rb) = (readings(a), readings(b));
    ra.iter().any(|x| rb.iter().any(|y| x.1 == y.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_slips_share_a_reading() {
        for (typed, meant) in [
            ('扶', '伏'),
            ('心', '芯'),
            ('原', '源'),
            ('里', '锂'),
            ('侧', '测'),
            ('要', '药'),
        ] {
            assert!(sounds_alike(typed, meant), "{typed} / {meant}");
        }
        for (a, b) in [('电', '池'), ('光', '伏'), ('芯', '片')] {
            assert!(!sounds_alike(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn the_table_covers_the_common_characters() {
        let t = table();
        assert!(t.len() >= 3_755);
        assert!(key('的').is_some() && key('锂').is_some());
        assert_eq!(key('a'), None);
        // A polyphone is keyed by its most common reading: 行 as xing.
        assert_eq!(readings('行').len(), 1);
        assert!(sounds_alike('行', '型'));
    }
}
