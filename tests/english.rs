//! English that reads as English (issue 8): every UI string, rendered in English, has no
//! Chinese characters and no Chinese punctuation, except
//! - inside typographic quotes “…”, which mark a term quoted on purpose (a typed-input
//!   example like “6亿”, a zone's cluster or link name, a value from the user's file), and
//! - the few strings of the allow-list below (the language switch says 中文).
//!
//! Also: every field key the record types write has a label, counts agree with their nouns
//! (1 zone, 2 zones), and no word is said twice in a row ("Reward Project reward").
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::Path;

use zonematch::i18n::{
    chain_stage_label, count, count_noun, criterion_label, exclusion, field_label, fmt_m2, fmt_mu,
    fmt_num, fmt_wan, fmt_wan_per_mu, incentive_category_label, incentive_tag, kind_label,
    known_field_label, link_status_label, preset_label, reason, stage_label, Msg, Noun,
};
use zonematch::import::{preview, FileKind};
use zonematch::matching::{Catalogue, CriterionKind, Preset, ProspectProfile, Weights};
use zonematch::model::{
    ChainLink, ChainStage, Cluster, Contact, FactorySpace, FieldError, Incentive,
    IncentiveCategory, KeepsUnknown, Lang, LinkStatus, MustHave, Prospect, Stage, StageMark,
    Standing, Text, Zone, ZoneKind,
};

/// Whole strings that may be Chinese in the English UI, and why.
const ALLOWED: &[(&str, &str)] = &[
    // The language switch names the other language in that language.
    ("中文", "language switch label"),
];

/// Characters that are Chinese (Han, CJK punctuation, full-width forms, kana, radicals).
fn is_chinese(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FFF     // radicals, ideographic description
        | 0x3000..=0x303F   // CJK symbols and punctuation: 、。「」『』【】〔〕
        | 0x3040..=0x30FF   // kana
        | 0x3100..=0x31FF   // bopomofo, CJK strokes
        | 0x3400..=0x4DBF   // extension A
        | 0x4E00..=0x9FFF   // unified ideographs
        | 0xF900..=0xFAFF   // compatibility ideographs
        | 0xFE30..=0xFE4F   // compatibility forms
        | 0xFF00..=0xFFEF   // full-width forms: ，（）：；！？
        | 0x20000..=0x3FFFF)
}

/// The text outside typographic quotes “…”. An opening quote without its closing one
/// quotes nothing (the rest is checked).
fn outside_quotes(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('“') {
        out.push_str(&rest[..open]);
        let after = &rest[open + '“'.len_utf8()..];
        match after.find('”') {
            Some(close) => rest = &after[close + '”'.len_utf8()..],
            None => {
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Why `text` (rendered in English) is not English, if it is not.
fn not_english(text: &str) -> Option<String> {
    if text.trim().is_empty() {
        return Some("empty".into());
    }
    let bare = if ALLOWED.iter().any(|(allowed, _)| *allowed == text) {
        String::new()
    } else {
        outside_quotes(text)
    };
    let chinese: String = bare.chars().filter(|c| is_chinese(*c)).collect();
    if !chinese.is_empty() {
        return Some(format!("Chinese outside quotes: {chinese}"));
    }
    if text.contains("(s)") {
        return Some("a plural written as (s)".into());
    }
    if let Some(d) = repeated_word(text) {
        return Some(format!("“{d}” said twice"));
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    for w in words.windows(2) {
        let noun = w[1].trim_end_matches(|c: char| c.is_ascii_punctuation());
        if w[0] == "1"
            && [
                "zones",
                "prospects",
                "policies",
                "fields",
                "records",
                "rows",
                "files",
            ]
            .contains(&noun)
        {
            return Some(format!("“{} {}”: plural after 1", w[0], w[1]));
        }
    }
    if text.contains("README") {
        return Some("points to the README, which users do not have".into());
    }
    None
}

/// A word said twice in a row ("the the"), or a word again after one other word with no
/// punctuation between ("Reward Project reward": a tag that repeats the name it labels;
/// "side by side" and lists like "Project reward, Intermediary reward" are fine).
fn repeated_word(text: &str) -> Option<String> {
    let raw: Vec<&str> = text.split_whitespace().collect();
    let word = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let bare = |w: &str| {
        w.chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '\'')
    };
    for i in 0..raw.len() {
        let w = word(raw[i]);
        if w.is_empty() {
            continue;
        }
        if raw.get(i + 1).map(|n| word(n)) == Some(w.clone()) {
            return Some(format!("{w} {w}"));
        }
        if let (Some(mid), Some(next)) = (raw.get(i + 1), raw.get(i + 2)) {
            let long = |s: &str| s.chars().count() >= 3;
            if bare(raw[i])
                && bare(mid)
                && long(mid)
                && long(&w)
                && word(next) == w
                && next.starts_with(|c: char| c.is_alphanumeric())
            {
                return Some(format!("{w} {mid} {w}"));
            }
        }
    }
    None
}

/// Collects every failure, so one run lists them all.
#[derive(Default)]
struct Check {
    checked: usize,
    problems: Vec<String>,
}

impl Check {
    fn en(&mut self, what: impl std::fmt::Display, text: &str) {
        self.checked += 1;
        if let Some(p) = not_english(text) {
            self.problems.push(format!("{what}: {p}: {text:?}"));
        }
    }

    fn fail(&mut self, problem: String) {
        self.problems.push(problem);
    }

    fn done(self, at_least: usize) {
        assert!(
            self.problems.is_empty(),
            "{} of {} strings are not English:\n{}",
            self.problems.len(),
            self.checked,
            self.problems.join("\n")
        );
        assert!(
            self.checked >= at_least,
            "only {} strings checked",
            self.checked
        );
    }
}

#[test]
fn the_check_finds_what_it_should() {
    assert!(not_english("Planned investment (万元; “6亿” = 600 million CNY)").is_some());
    assert!(not_english("Minimum intensity (万元 per mu)").is_some());
    assert!(not_english("Name（English）").is_some());
    assert!(not_english("zones、prospects").is_some());
    assert!(not_english("1 prospects").is_some());
    assert!(not_english("3 prospect(s)").is_some());
    assert!(not_english("Reward Project reward").is_some());
    assert!(not_english("Needs the the zone").is_some());
    assert_eq!(
        not_english("as “Chinese name | English name | link 1, link 2”"),
        None
    );
    assert!(not_english("See the README").is_some());
    assert!(not_english("an unclosed “quote 长治").is_some());
    assert!(not_english("").is_some());
    assert!(not_english("Switch to 中文 here").is_some());
    assert_eq!(not_english("中文"), None);
    assert_eq!(
        not_english("Planned investment (10k CNY; “6亿” = CNY 600 million)"),
        None
    );
    assert_eq!(
        not_english("Matches cluster “新一代信息技术”: term “封测” (100% found)"),
        None
    );
    assert_eq!(not_english("1 prospect · 2 prospects · 0 zones"), None);
    assert_eq!(
        not_english("Needs 20,000 m² of factory space, ≈ 60,000 m² (estimated)"),
        None
    );
}

#[test]
fn every_message_is_english() {
    let mut check = Check::default();
    for m in Msg::ALL {
        check.en(format!("Msg::{m:?}"), m.text(Lang::En));
    }
    check.done(Msg::ALL.len());
}

#[test]
fn every_report_label_and_month_is_english() {
    use zonematch::report::{month_label, Label};
    let mut check = Check::default();
    for l in Label::ALL {
        check.en(format!("report::Label::{l:?}"), l.text(Lang::En));
    }
    let m = zonematch::dates::YearMonth::new(2026, 3).unwrap();
    check.en("month_label".to_string(), &month_label(m, Lang::En));
    check.done(Label::ALL.len() + 1);
}

/// Fails to compile when an incentive category is added without a case here.
fn categories() -> [IncentiveCategory; 3] {
    match IncentiveCategory::Reward {
        IncentiveCategory::Reward | IncentiveCategory::Subsidy | IncentiveCategory::Support => {}
    }
    [
        IncentiveCategory::Reward,
        IncentiveCategory::Subsidy,
        IncentiveCategory::Support,
    ]
}

/// Fails to compile when a chain stage or link status is added without a case here.
fn chain_stages() -> ([ChainStage; 4], [LinkStatus; 2]) {
    match ChainStage::Unknown {
        ChainStage::Upstream
        | ChainStage::Midstream
        | ChainStage::Downstream
        | ChainStage::Unknown => {}
    }
    match LinkStatus::Present {
        LinkStatus::Present | LinkStatus::Wanted => {}
    }
    (
        [
            ChainStage::Upstream,
            ChainStage::Midstream,
            ChainStage::Downstream,
            ChainStage::Unknown,
        ],
        [LinkStatus::Present, LinkStatus::Wanted],
    )
}

#[test]
fn every_label_is_english() {
    let mut check = Check::default();
    for k in ZoneKind::ALL {
        check.en(format!("kind_label({k:?})"), kind_label(k, Lang::En));
    }
    for s in Stage::ALL {
        check.en(format!("stage_label({s:?})"), stage_label(s, Lang::En));
    }
    for s in Standing::ALL {
        check.en(format!("Standing::{s:?}.label"), s.label(Lang::En));
    }
    for c in CriterionKind::ALL {
        check.en(
            format!("criterion_label({c:?})"),
            criterion_label(c, Lang::En),
        );
    }
    for p in Preset::ALL {
        check.en(format!("preset_label({p:?})"), preset_label(p, Lang::En));
    }
    for c in categories() {
        check.en(
            format!("incentive_category_label({c:?})"),
            incentive_category_label(c, Lang::En),
        );
    }
    let (stages, statuses) = chain_stages();
    for s in stages {
        let label = chain_stage_label(s, Lang::En);
        // An unknown stage is shown as nothing at all.
        if s != ChainStage::Unknown {
            check.en(format!("chain_stage_label({s:?})"), label);
        } else if !label.is_empty() {
            check.fail(format!("chain_stage_label(Unknown) shows {label:?}"));
        }
    }
    for s in statuses {
        check.en(
            format!("link_status_label({s:?})"),
            link_status_label(s, Lang::En),
        );
    }
    check.done(25);
}

/// The JSON keys every record type writes, nested records included.
fn every_field_key() -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    let mut add = |ty: &'static str, keys: &'static [&'static str]| {
        out.extend(keys.iter().map(|k| (ty, *k)));
    };
    add("Zone", Zone::FIELDS);
    add("Prospect", Prospect::FIELDS);
    add("Cluster", Cluster::FIELDS);
    add("ChainLink", ChainLink::FIELDS);
    add("FactorySpace", FactorySpace::FIELDS);
    add("Incentive", Incentive::FIELDS);
    add("Contact", Contact::FIELDS);
    add("MustHave", MustHave::FIELDS);
    add("StageMark", StageMark::FIELDS);
    out
}

#[test]
fn every_field_has_an_english_label() {
    let mut check = Check::default();
    let keys = every_field_key();
    assert!(keys.len() > 60, "{} keys", keys.len());
    for (ty, key) in keys {
        match known_field_label(key, Lang::En) {
            None => check.fail(format!("{ty}.{key}: no label")),
            Some(label) => {
                check.en(format!("{ty}.{key}"), label);
                if label.contains('_') {
                    check.fail(format!("{ty}.{key}: label {label:?} is a JSON key"));
                }
            }
        }
        match known_field_label(key, Lang::Zh) {
            Some(zh) if zh.chars().any(is_chinese) => {}
            other => check.fail(format!("{ty}.{key}: Chinese label {other:?}")),
        }
        assert_eq!(
            field_label(key, Lang::En),
            known_field_label(key, Lang::En).unwrap_or(key)
        );
    }
    // A field written by a newer version reads as words, not as a JSON key.
    assert_eq!(field_label("site_visit_date", Lang::En), "site visit date");
    check.done(60);
}

#[test]
fn every_reason_and_exclusion_is_english() {
    let mut check = Check::default();
    let reasons = common::every_reason();
    for r in &reasons {
        common::covered(r);
        check.en(format!("{r:?}"), &reason(r, Lang::En));
    }
    for e in common::every_exclusion() {
        common::covered_exclusion(&e);
        check.en(format!("{e:?}"), &exclusion(&e, Lang::En));
    }
    check.done(reasons.len());
}

/// The reasons the engine gives for real zones and prospects typed in English, as a
/// visitor reading the English screen sees them. The demo zones all have English names.
#[test]
fn reasons_for_the_demo_zones_are_english() {
    let data = zonematch::demo::demo_dataset();
    let catalogue = Catalogue::new(&data.zones);
    let prospects = [
        (
            "21700 cylindrical battery cells",
            "",
            Some(62_000.0),
            Some(20_000.0),
            Some(50.0),
            "Shenzhen",
        ),
        (
            "IC packaging",
            "OSAT, chip packaging and testing",
            Some(5_000.0),
            Some(8_000.0),
            None,
            "Yangtze River Delta",
        ),
        (
            "soy products",
            "vinegar, snack foods",
            Some(800.0),
            None,
            Some(30.0),
            "Beijing",
        ),
        (
            "new-energy vehicles",
            "",
            None,
            Some(200_000.0),
            Some(2_000.0),
            "",
        ),
        ("steel smelting", "", Some(100.0), None, None, "Shanxi"),
        ("", "", None, None, None, ""),
    ];
    let mut check = Check::default();
    for (i, (industry, products, investment, factory, land, origin)) in
        prospects.into_iter().enumerate()
    {
        for must in [false, true] {
            let p = Prospect {
                id: format!("p{i}"),
                name: format!("Prospect {i}"),
                industry: industry.into(),
                products: products.into(),
                investment_wan: investment,
                factory_m2: factory,
                land_mu: land,
                must_have: MustHave {
                    factory: must,
                    land: must,
                    ..Default::default()
                },
                origin: origin.into(),
                ..Default::default()
            };
            let profile = ProspectProfile::new(&p);
            for m in catalogue.rank(&profile, &Weights::default()) {
                for c in &m.criteria {
                    for r in &c.reasons {
                        check.en(
                            format!("{} for {industry:?}", m.zone_id),
                            &reason(r, Lang::En),
                        );
                    }
                }
                for e in &m.exclusions {
                    check.en(
                        format!("{} for {industry:?}", m.zone_id),
                        &exclusion(e, Lang::En),
                    );
                }
            }
        }
    }
    // Policy tags: a tag before a name that already says it is left out.
    for z in &data.zones {
        for inc in &z.incentives {
            let line = match incentive_tag(inc.category, &inc.name, Lang::En) {
                Some(tag) => format!("{tag} {}", inc.name.get(Lang::En)),
                None => inc.name.get(Lang::En).to_string(),
            };
            check.en(format!("{} policy", z.id), &line);
        }
    }
    check.done(100);
}

#[test]
fn policy_tags_never_repeat_the_name() {
    let t = |en: &str| Text::new("政策", en);
    let cases = [
        (IncentiveCategory::Reward, "Project reward", None),
        (IncentiveCategory::Reward, "Intermediary Reward", None),
        (IncentiveCategory::Subsidy, "Rent subsidy", None),
        (IncentiveCategory::Subsidy, "Fit-out subsidies", None),
        (IncentiveCategory::Support, "Talent support", None),
        (
            IncentiveCategory::Support,
            "Talent housing",
            Some("Support"),
        ),
        (
            IncentiveCategory::Subsidy,
            "Land price rebate",
            Some("Subsidy"),
        ),
    ];
    for (c, name, tag) in cases {
        assert_eq!(incentive_tag(c, &t(name), Lang::En), tag, "{name}");
    }
    // Chinese keeps its category tags (补贴类 房租补贴).
    assert_eq!(
        incentive_tag(
            IncentiveCategory::Subsidy,
            &Text::new("房租补贴", "Rent subsidy"),
            Lang::Zh
        ),
        Some("补贴类")
    );
    for c in categories() {
        // A policy with no English name is shown by its Chinese one: keep the tag.
        assert!(incentive_tag(c, &Text::new("某政策", ""), Lang::En).is_some());
    }
}

#[test]
fn counts_agree_with_their_nouns() {
    assert_eq!(count_noun(0, "prospect", "prospects"), "0 prospects");
    assert_eq!(count_noun(1, "prospect", "prospects"), "1 prospect");
    assert_eq!(count_noun(2, "prospect", "prospects"), "2 prospects");
    let expected = [
        (Noun::Zone, ["0 zones", "1 zone", "2 zones"]),
        (Noun::Prospect, ["0 prospects", "1 prospect", "2 prospects"]),
        (Noun::Policy, ["0 policies", "1 policy", "2 policies"]),
        (Noun::Field, ["0 fields", "1 field", "2 fields"]),
        (Noun::Record, ["0 records", "1 record", "2 records"]),
        (Noun::Job, ["0 jobs", "1 job", "2 jobs"]),
    ];
    assert_eq!(expected.len(), Noun::ALL.len());
    for (noun, texts) in expected {
        for (n, text) in texts.iter().enumerate() {
            assert_eq!(count(n, noun, Lang::En), *text);
            assert!(not_english(text).is_none());
            let zh = count(n, noun, Lang::Zh);
            assert!(
                zh.starts_with(&format!("{n} ")) && zh.chars().any(is_chinese),
                "{zh}"
            );
        }
    }
    // Reasons that count policies agree too.
    use zonematch::matching::Reason;
    let none = |listed| reason(&Reason::IncentivesNoneEligible { listed }, Lang::En);
    assert_eq!(none(1), "Does not qualify for the zone's one listed policy");
    assert_eq!(none(2), "Qualifies for none of the zone's 2 policies");
    let some = |listed| {
        reason(
            &Reason::IncentivesEligible {
                eligible: vec![Text::new("房租补贴", "Rent subsidy")],
                listed,
                value_wan: None,
                capped_at_wan: None,
                at_half: false,
            },
            Lang::En,
        )
    };
    assert!(some(1).starts_with("Qualifies for the zone's one listed policy: Rent subsidy"));
    assert!(some(2).starts_with("Qualifies for 1 of 2 policies: Rent subsidy"));
}

#[test]
fn numbers_and_units_are_english() {
    let mut check = Check::default();
    for v in [
        0.0,
        0.5,
        1.0,
        999.0,
        5_000.0,
        10_000.0,
        62_000.0,
        200_000.0,
        1_234_567.5,
    ] {
        check.en(format!("fmt_wan({v})"), &fmt_wan(v, Lang::En));
        check.en(format!("fmt_m2({v})"), &fmt_m2(v, Lang::En));
        check.en(format!("fmt_mu({v})"), &fmt_mu(v, Lang::En));
        check.en(format!("fmt_num({v})"), &fmt_num(v));
        check.en(format!("fmt_wan_per_mu({v})"), &fmt_wan_per_mu(v, Lang::En));
    }
    assert_eq!(fmt_wan(62_000.0, Lang::En), "CNY 620 million");
    assert_eq!(fmt_mu(50.0, Lang::En), "50 mu");
    assert_eq!(fmt_m2(20_000.0, Lang::En), "20,000 m²");
    assert_eq!(fmt_wan_per_mu(300.0, Lang::En), "CNY 3 million per mu");
    assert_eq!(fmt_wan_per_mu(300.0, Lang::Zh), "300万元/亩");
    check.done(45);
}

#[test]
fn typed_field_errors_are_english() {
    let mut check = Check::default();
    for e in [FieldError::NotANumber, FieldError::Negative] {
        check.en(format!("FieldError::{e:?}"), &e.message().en);
    }
    // The capture form and the zone editor, refusing what a hurried user types.
    let draft = zonematch::forms::ProspectDraft {
        investment: "a lot".into(),
        factory: "-5".into(),
        land: "lots".into(),
        jobs: "many".into(),
        ..Default::default()
    };
    let errors = draft.to_prospect("p", "now").expect_err("refused");
    for (field, text) in errors {
        check.en(format!("capture {field:?}"), &text.en);
    }
    let zone = zonematch::forms::ZoneDraft {
        clusters: " | | links\n".into(),
        available_m2: "x".into(),
        occupancy_pct: "150".into(),
        min_investment: "-1".into(),
        ..Default::default()
    };
    let errors = zone.apply(&Zone::default()).expect_err("refused");
    for (field, text) in errors {
        check.en(format!("zone editor {field:?}"), &text.en);
    }
    check.done(6);
}

/// The browser's GBK decoder, natively.
fn gbk(bytes: &[u8]) -> Option<String> {
    Some(encoding_rs::GBK.decode(bytes).0.into_owned())
}

fn files(kind: &str) -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/bad_inputs")
        .join(kind);
    let mut out: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    out.sort();
    out
}

/// Every refusal of the bad-input corpus (tests/bad_inputs), through the app's own import
/// path, says why in English.
#[test]
fn import_errors_are_english() {
    let current = zonematch::demo::demo_dataset();
    let mut check = Check::default();
    let mut refused = 0;
    for (dir, kind) in [("json", FileKind::Json), ("csv", FileKind::Table)] {
        for path in files(dir) {
            let bytes = std::fs::read(&path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            match preview(&current, &bytes, kind, "now", gbk) {
                Ok(_) => check.fail(format!("{name}: was not refused")),
                Err(problems) => {
                    refused += 1;
                    for p in problems {
                        check.en(&name, &p.en);
                    }
                }
            }
        }
    }
    // Refusals the corpus does not hold: a file too large, damaged stored data.
    let huge = vec![b' '; zonematch::transfer::MAX_IMPORT_BYTES + 1];
    for kind in [FileKind::Json, FileKind::Table] {
        for p in preview(&current, &huge, kind, "now", gbk).expect_err("too large") {
            check.en(format!("huge {kind:?}"), &p.en);
        }
    }
    for raw in ["ZMZ1:1:5:abc", "ZMZ1:x"] {
        for p in zonematch::transfer::load_stored(raw)
            .expect_err("damaged")
            .problems
        {
            check.en(raw, &p.en);
        }
    }
    assert!(refused >= 120, "{refused} files refused");
    check.done(refused);
}

/// What an import preview says about records that look like ones already on the device.
#[test]
fn import_previews_are_english() {
    let current = zonematch::demo::demo_dataset();
    let mut incoming = current.clone();
    for z in &mut incoming.zones {
        z.id.push_str("-copy");
    }
    let mut copy_without_english = current.zones[0].clone();
    copy_without_english.id = "no-english".into();
    copy_without_english.name.en.clear();
    incoming.zones.push(copy_without_english);
    let mut with_prospect = current.clone();
    with_prospect.prospects.push(Prospect {
        id: "p1".into(),
        name: "Battery Co.".into(),
        ..Default::default()
    });
    incoming.prospects.push(Prospect {
        id: "p2".into(),
        name: "Battery Co.".into(),
        ..Default::default()
    });
    let plan = zonematch::transfer::plan_import(&with_prospect, &incoming);
    assert!(plan.conflicts.len() > current.zones.len());
    let mut check = Check::default();
    for c in &plan.conflicts {
        check.en("conflict", &c.en);
        if c.en.contains("“”") {
            check.fail(format!("conflict names nothing: {}", c.en));
        }
    }
    check.done(plan.conflicts.len());
}

/// The header rows of the tables the app exports in English: what an English reader of the
/// ledger sees in Excel.
#[test]
fn exported_table_headers_are_english() {
    let data = zonematch::demo::demo_dataset();
    let prospect = Prospect {
        id: "p1".into(),
        name: "Battery Co.".into(),
        industry: "battery cells".into(),
        ..Default::default()
    };
    let mut check = Check::default();
    for (what, text) in [
        (
            "prospects",
            zonematch::csv::prospects_to_csv(&[prospect], Lang::En),
        ),
        ("zones", zonematch::csv::zones_to_csv(&data.zones, Lang::En)),
    ] {
        let rows = zonematch::csv::parse_csv(&text).expect("the app reads its own export");
        for cell in &rows[0] {
            check.en(format!("{what} header"), cell);
        }
    }
    check.done(20);
}
