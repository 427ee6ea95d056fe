//! Text normalisation before any comparison: width, case, punctuation and the affixes of
//! company names that say nothing about industry (有限公司, 集团, Co., Ltd.).

/// Legal-form and group affixes removed from Chinese text. Longest first, so that
/// 有限责任公司 goes before 有限公司 leaves 责任 behind.
const ZH_AFFIXES: &[&str] = &[
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "控股集团",
    "集团公司",
    "集团",
    "控股",
    "公司",
];

/// Latin legal-form words: they carry no industry meaning.
const LATIN_STOPWORDS: &[&str] = &[
    "co",
    "ltd",
    "limited",
    "inc",
    "corp",
    "corporation",
    "company",
    "group",
    "holding",
    "holdings",
    "llc",
    "gmbh",
    "plc",
    "the",
    "and",
    "of",
    "we",
    "make",
    "for",
    "a",
    "an",
];

/// Full-width ASCII variants (！ to ～, and the ideographic space) to half width.
pub fn to_half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// True for characters of the CJK unified ideograph blocks.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Text split into what each similarity measure needs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Normalized {
    /// Runs of CJK characters, in order (punctuation and Latin split runs).
    pub cjk_runs: Vec<Vec<char>>,
    /// Lower-case Latin/digit words, legal stop-words removed.
    pub words: Vec<String>,
}

/// Normalise free text: half width, traditional to simplified script, lower case,
/// affixes dropped, split into CJK runs and Latin words. Zone data and prospect text both
/// pass through here, so `鋰電池` and `锂电池` are the same text to every comparison.
pub fn normalize(input: &str) -> Normalized {
    let mut s = super::fold::fold_script(&to_half_width(input)).to_lowercase();
    for affix in ZH_AFFIXES {
        s = s.replace(affix, " ");
    }
    let mut out = Normalized::default();
    let mut run: Vec<char> = Vec::new();
    let mut word = String::new();
    let flush_word = |word: &mut String, out: &mut Normalized| {
        if !word.is_empty() {
            if !LATIN_STOPWORDS.contains(&word.as_str()) {
                out.words.push(std::mem::take(word));
            } else {
                word.clear();
            }
        }
    };
    for c in s.chars() {
        if is_cjk(c) {
            flush_word(&mut word, &mut out);
            run.push(c);
        } else if c.is_alphanumeric() {
            if !run.is_empty() {
                out.cjk_runs.push(std::mem::take(&mut run));
            }
            word.push(c);
        } else {
            flush_word(&mut word, &mut out);
            if !run.is_empty() {
                out.cjk_runs.push(std::mem::take(&mut run));
            }
        }
    }
    flush_word(&mut word, &mut out);
    if !run.is_empty() {
        out.cjk_runs.push(run);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_width() {
        assert_eq!(to_half_width("ＩＣ封装２１７００"), "IC封装21700");
        assert_eq!(to_half_width("a\u{3000}b"), "a b");
    }

    #[test]
    fn normalize_table() {
        let cases: &[(&str, &[&str], &[&str])] = &[
            ("深圳鑫荣电子科技有限公司", &["深圳鑫荣电子科技"], &[]),
            (
                "Xinrong Electronics Co., Ltd.",
                &[],
                &["xinrong", "electronics"],
            ),
            ("ＩＣ封装、测试", &["封装", "测试"], &["ic"]),
            ("21700圆柱电池", &["圆柱电池"], &["21700"]),
            ("大运集团新能源汽车", &["大运", "新能源汽车"], &[]),
            ("鋰電池 ２１７００電芯", &["锂电池", "电芯"], &["21700"]),
        ];
        for (input, runs, words) in cases {
            let n = normalize(input);
            let got_runs: Vec<String> = n.cjk_runs.iter().map(|r| r.iter().collect()).collect();
            assert_eq!(got_runs, *runs, "{input}");
            assert_eq!(n.words, *words, "{input}");
        }
    }
}
