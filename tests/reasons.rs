//! Every reason and exclusion the engine can give, rendered in both languages, reads
//! naturally: no word said twice in a row (English "the the", Chinese 属同属 or 电池电池),
//! no class compared with itself ("3841 … and 3841 … are the same industry"), no empty
//! slot, and no Chinese left in the English (names of places and terms aside).

mod common;

use common::{covered, doubled, every_exclusion, every_reason};
use zonematch::i18n::{exclusion, reason};
use zonematch::model::Lang;

#[test]
fn every_reason_reads_naturally_in_both_languages() {
    let mut problems = Vec::new();
    let reasons = every_reason();
    let exclusions = every_exclusion();
    assert!(reasons.len() > 40);
    let rendered = reasons
        .iter()
        .inspect(|r| covered(r))
        .map(|r| (format!("{r:?}"), reason(r, Lang::Zh), reason(r, Lang::En)))
        .chain(exclusions.iter().map(|e| {
            (
                format!("{e:?}"),
                exclusion(e, Lang::Zh),
                exclusion(e, Lang::En),
            )
        }));
    for (what, zh, en) in rendered {
        for text in [&zh, &en] {
            if text.trim().is_empty() || text.contains("“”") || text.contains("「」") {
                problems.push(format!("{what}: empty slot in {text:?}"));
            }
            if let Some(d) = doubled(text) {
                problems.push(format!("{what}: {d} said twice in {text:?}"));
            }
        }
        // A class is never compared with itself.
        if what.contains("prospect_code: \"3841\", prospect_name: Text { zh: \"锂离子电池制造\", en: \"Lithium-ion batteries\" }, zone_code: \"3841\"")
            && (en.matches("3841").count() > 1 || zh.matches("3841").count() > 1)
        {
            problems.push(format!("{what}: the class is compared with itself: {en} / {zh}"));
        }
        // English is English: Chinese only inside quotes (names, terms) or as the
        // 补链/强链/延链 terms of art.
        let outside_quotes: String = en
            .split('“')
            .enumerate()
            .map(|(i, part)| {
                if i == 0 {
                    part
                } else {
                    part.split_once('”').map_or("", |(_, rest)| rest)
                }
            })
            .collect();
        let stripped = outside_quotes
            .replace("(补链)", "")
            .replace("(强链)", "")
            .replace("(延链)", "")
            .replace("锂离子电池制造", "")
            .replace("山东", "");
        if stripped
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        {
            problems.push(format!("{what}: Chinese outside quotes in English: {en}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_check_finds_doubled_words() {
    assert!(doubled("行业分类 3841 与 384 属同属战略性新兴产业领域").is_some());
    assert!(doubled("电池电池").is_some());
    assert!(doubled("the the zone").is_some());
    assert_eq!(
        doubled("行业分类 3841 与 384 属同一战略性新兴产业领域"),
        None
    );
}
