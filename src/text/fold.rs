//! Script folding: traditional characters to simplified, one character at a time, so
//! that `鋰電池` and `锂电池` are the same text to every comparison.
//!
//! The table (`data/t2s.txt`, 1,414 pairs, 8.5 KB, 6.1 KB gzip in the wasm) is OpenCC's
//! `TSCharacters.txt` restricted to the common sets (Big5 level 1 → GB 2312 level 1, or a
//! character of the app's own vocabulary), built by `tools/build_text_tables.py` with its
//! source recorded there. A character-level table is enough for matching; the
//! rare phrase-level differences (乾 as 干 or 乾) do not change which industry a text
//! names.

use std::sync::OnceLock;

const T2S: &str = include_str!("data/t2s.txt");

/// The pairs, sorted by traditional character (as the build script writes them).
fn table() -> &'static [(char, char)] {
    static TABLE: OnceLock<Vec<(char, char)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let chars: Vec<char> = T2S.chars().collect();
        let mut pairs: Vec<(char, char)> = chars.chunks_exact(2).map(|p| (p[0], p[1])).collect();
        pairs.sort_unstable();
        pairs
    })
}

/// The simplified form of `c`, or `c` itself.
///
/// ```
/// use zonematch::text::fold::to_simplified;
/// assert_eq!(to_simplified('鋰'), '锂');
/// assert_eq!(to_simplified('電'), '电');
/// assert_eq!(to_simplified('电'), '电');
/// assert_eq!(to_simplified('a'), 'a');
/// ```
pub fn to_simplified(c: char) -> char {
    // Below the CJK blocks nothing folds: skip the search for Latin text and digits.
    if (c as u32) < 0x3400 {
        return c;
    }
    let t = table();
    match t.binary_search_by_key(&c, |p| p.0) {
        Ok(i) => t[i].1,
        Err(_) => c,
    }
}

/// `s` with every traditional character folded to simplified.
pub fn fold_script(s: &str) -> String {
    s.chars().map(to_simplified).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_descriptions_fold_to_their_simplified_twins() {
        let cases = [
            (
                "鋰電池 / 圓柱21700高能量密度電芯，年產能約1.49億支",
                "锂电池 / 圆柱21700高能量密度电芯，年产能约1.49亿支",
            ),
            ("積體電路封裝測試", "积体电路封装测试"),
            ("醫藥製劑與醫療器械", "医药制剂与医疗器械"),
            ("光電顯示面板", "光电显示面板"),
            ("新能源汽車電驅動系統", "新能源汽车电驱动系统"),
            ("醬油、食醋釀造", "酱油、食醋酿造"),
        ];
        for (trad, simp) in cases {
            assert_eq!(fold_script(trad), simp, "{trad}");
        }
    }

    #[test]
    fn the_table_is_sorted_one_to_one_and_never_maps_to_itself() {
        let t = table();
        assert!(t.len() > 1_400, "{} pairs", t.len());
        assert!(
            t.windows(2).all(|w| w[0].0 < w[1].0),
            "one entry per character"
        );
        assert!(t.iter().all(|(a, b)| a != b));
        // Simplified text is a fixed point.
        let simplified = "锂电池光伏组件集成电路封装测试生物医药";
        assert_eq!(fold_script(simplified), simplified);
    }
}
