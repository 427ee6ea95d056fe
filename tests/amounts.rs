//! Amounts as people say them (issue 8): every spelling a recruiter may type at a booth,
//! read by `text::amount::read`, and what must be refused.

use zonematch::text::amount::{read, Amount, AmountError, Field};

fn wan(v: f64) -> Amount {
    Amount::Wan(v)
}
fn m2(v: f64) -> Amount {
    Amount::M2(v)
}
fn mu(v: f64) -> Amount {
    Amount::Mu(v)
}
fn foreign(currency: &'static str, amount: f64) -> Amount {
    Amount::Foreign { currency, amount }
}

fn same(a: Amount, b: Amount) -> bool {
    let close = |x: f64, y: f64| (x - y).abs() <= 1e-9 * y.abs().max(1.0);
    match (a, b) {
        (Amount::Wan(x), Amount::Wan(y))
        | (Amount::M2(x), Amount::M2(y))
        | (Amount::Mu(x), Amount::Mu(y))
        | (Amount::Count(x), Amount::Count(y)) => close(x, y),
        (
            Amount::Foreign {
                currency: c,
                amount: x,
            },
            Amount::Foreign {
                currency: d,
                amount: y,
            },
        ) => c == d && close(x, y),
        _ => false,
    }
}

fn check(field: Field, cases: &[(&str, Amount)]) {
    for (typed, want) in cases {
        match read(typed, field) {
            Ok(Some(got)) => assert!(same(got, *want), "{field:?} {typed:?}: {got:?} != {want:?}"),
            other => panic!("{field:?} {typed:?}: {other:?}, wanted {want:?}"),
        }
    }
}

#[test]
fn factory_space_in_m2() {
    check(
        Field::Area,
        &[
            // The examples.
            ("2万平米", m2(20_000.0)),
            ("2万㎡", m2(20_000.0)),
            ("20000平方米", m2(20_000.0)),
            ("2万平方", m2(20_000.0)),
            ("两万平米", m2(20_000.0)),
            ("3千平米", m2(3_000.0)),
            ("20,000 sqm", m2(20_000.0)),
            ("15,000 square meters", m2(15_000.0)),
            // A bare number is m².
            ("20000", m2(20_000.0)),
            ("2万", m2(20_000.0)),
            // More spellings.
            ("20,000 m²", m2(20_000.0)),
            ("20000m2", m2(20_000.0)),
            ("20000 M2", m2(20_000.0)),
            ("20000 SQM", m2(20_000.0)),
            ("20,000 sq m", m2(20_000.0)),
            ("20,000 sq. m.", m2(20_000.0)),
            ("20 000 m²", m2(20_000.0)),
            ("2万 平米", m2(20_000.0)),
            ("1万5000平米", m2(15_000.0)),
            ("15,000 square metres", m2(15_000.0)),
            ("1 square meter", m2(1.0)),
            ("２万平米", m2(20_000.0)),
            ("２０，０００平方米", m2(20_000.0)),
            ("２００００　㎡", m2(20_000.0)),
            ("兩萬平米", m2(20_000.0)),
            ("一万五平米", m2(15_000.0)),
            ("1.5万平方米", m2(15_000.0)),
            ("两万平", m2(20_000.0)),
            ("约2万平米", m2(20_000.0)),
            ("2万平米左右", m2(20_000.0)),
            ("20k sqm", m2(20_000.0)),
            ("八千五百平米", m2(8_500.0)),
            // Land units in a floor-space field, converted exactly.
            ("1公顷", m2(10_000.0)),
            ("3亩", m2(2_000.0)),
            ("0.01平方公里", m2(10_000.0)),
            ("2 hectares", m2(20_000.0)),
        ],
    );
}

#[test]
fn land_in_mu() {
    check(
        Field::Land,
        &[
            ("50亩", mu(50.0)),
            ("3.3公顷", mu(49.5)),
            ("0.5平方公里", mu(750.0)),
            ("50 mu", mu(50.0)),
            ("2 hectares", mu(30.0)),
            // A bare number is 亩.
            ("50", mu(50.0)),
            ("五十", mu(50.0)),
            // More spellings.
            ("50 MU", mu(50.0)),
            ("50畝", mu(50.0)),
            ("五十畝", mu(50.0)),
            ("3.3公頃", mu(49.5)),
            ("0.5平方公裡", mu(750.0)),
            ("0.5平方千米", mu(750.0)),
            ("0.5 km²", mu(750.0)),
            ("0.5km2", mu(750.0)),
            ("0.5 square kilometres", mu(750.0)),
            ("1 hectare", mu(15.0)),
            ("2ha", mu(30.0)),
            ("２００亩", mu(200.0)),
            ("1,200亩", mu(1_200.0)),
            ("二十亩", mu(20.0)),
            ("20000平米", mu(30.0)),
            ("约100亩", mu(100.0)),
        ],
    );
    // Exactly, not through the rounded 666.67 m² per 亩.
    assert_eq!(read("3.3公顷", Field::Land), Ok(Some(mu(49.5))));
    assert_eq!(read("0.5平方公里", Field::Land), Ok(Some(mu(750.0))));
    assert_eq!(read("2 hectares", Field::Land), Ok(Some(mu(30.0))));
}

#[test]
fn money_in_wan() {
    check(
        Field::Money,
        &[
            ("1.2亿", wan(12_000.0)),
            ("一点二亿", wan(12_000.0)),
            ("3个亿", wan(30_000.0)),
            ("三个亿", wan(30_000.0)),
            ("￥3亿", wan(30_000.0)),
            ("8500万", wan(8_500.0)),
            ("8500万元", wan(8_500.0)),
            ("300 million", wan(30_000.0)),
            // A bare number is 万元.
            ("8500", wan(8_500.0)),
            ("1,500", wan(1_500.0)),
            ("八千", wan(8_000.0)),
            // More spellings.
            ("八千五百万", wan(8_500.0)),
            ("十二万", wan(12.0)),
            ("两万", wan(2.0)),
            ("三千万", wan(3_000.0)),
            ("3千万", wan(3_000.0)),
            ("5百万", wan(500.0)),
            ("1.15亿", wan(11_500.0)),
            ("6.2亿元", wan(62_000.0)),
            ("6 亿元", wan(60_000.0)),
            ("一亿二千万", wan(12_000.0)),
            ("一亿五", wan(15_000.0)),
            ("¥3亿", wan(30_000.0)),
            ("RMB 300 million", wan(30_000.0)),
            ("CNY 1.5 billion", wan(150_000.0)),
            ("rmb300m", wan(30_000.0)),
            ("人民币3亿元", wan(30_000.0)),
            ("3亿元人民币", wan(30_000.0)),
            ("3亿人民币", wan(30_000.0)),
            ("5000元", wan(0.5)),
            ("300 million yuan", wan(30_000.0)),
            ("1.5 bn", wan(150_000.0)),
            ("500k", wan(50.0)),
            ("一點二億", wan(12_000.0)),
            ("八千五百萬", wan(8_500.0)),
            ("叁亿", wan(30_000.0)),
            ("３亿", wan(30_000.0)),
            ("８５００万元", wan(8_500.0)),
            ("约5000万", wan(5_000.0)),
            ("0", wan(0.0)),
            ("2万5", wan(2.5)),
            ("三百五十万", wan(350.0)),
            ("八亿五千万", wan(85_000.0)),
            ("１．２亿", wan(12_000.0)),
            ("RMB 5000", wan(0.5)),
            ("1 000 000", wan(1_000_000.0)),
        ],
    );
}

#[test]
fn foreign_money_is_kept_as_entered() {
    check(
        Field::Money,
        &[
            ("USD 5 million", foreign("USD", 5e6)),
            ("500万美元", foreign("USD", 5e6)),
            ("US$5m", foreign("USD", 5e6)),
            ("5 million dollars", foreign("USD", 5e6)),
            ("$5M", foreign("USD", 5e6)),
            ("usd5,000,000", foreign("USD", 5e6)),
            ("5,000,000 USD", foreign("USD", 5e6)),
            ("500萬美圓", foreign("USD", 5e6)),
            ("500万美金", foreign("USD", 5e6)),
            ("EUR 3 million", foreign("EUR", 3e6)),
            ("€3m", foreign("EUR", 3e6)),
            ("300万欧元", foreign("EUR", 3e6)),
            ("3 million euros", foreign("EUR", 3e6)),
            ("HK$10m", foreign("HKD", 1e7)),
            ("1000万港币", foreign("HKD", 1e7)),
            ("1000万港元", foreign("HKD", 1e7)),
            ("1000萬港幣", foreign("HKD", 1e7)),
            ("5亿日元", foreign("JPY", 5e8)),
            ("JPY 500 million", foreign("JPY", 5e8)),
            ("200万英镑", foreign("GBP", 2e6)),
            ("£2m", foreign("GBP", 2e6)),
            ("200萬英鎊", foreign("GBP", 2e6)),
            ("100万新加坡元", foreign("SGD", 1e6)),
        ],
    );
}

#[test]
fn counts() {
    check(
        Field::Count,
        &[
            ("300", Amount::Count(300.0)),
            ("300人", Amount::Count(300.0)),
            ("三百人", Amount::Count(300.0)),
            ("300 jobs", Amount::Count(300.0)),
            ("1,200 employees", Amount::Count(1_200.0)),
            ("95%", Amount::Count(95.0)),
        ],
    );
}

#[test]
fn refusals() {
    use AmountError::*;
    let cases: &[(&str, Field, AmountError)] = &[
        ("很多", Field::Money, Unreadable),
        ("-3", Field::Area, Negative),
        ("-3", Field::Money, Negative),
        ("－3亩", Field::Land, Negative),
        ("负3亿", Field::Money, Negative),
        ("2万美元", Field::Land, WrongKind),
        ("2万美元", Field::Area, WrongKind),
        ("2万平米", Field::Money, WrongKind),
        ("50亩", Field::Money, WrongKind),
        ("300人", Field::Area, WrongKind),
        ("50亩", Field::Count, WrongKind),
        ("1..2", Field::Money, Unreadable),
        ("1.2.3", Field::Money, Unreadable),
        ("2万多", Field::Area, Unreadable),
        ("两三万", Field::Money, Unreadable),
        ("2-3万", Field::Money, Unreadable),
        ("1,2", Field::Money, Unreadable),
        ("1,20000", Field::Money, Unreadable),
        ("1 2", Field::Money, Unreadable),
        ("USD", Field::Money, Unreadable),
        ("¥", Field::Money, Unreadable),
        ("亿", Field::Money, Unreadable),
        ("万元", Field::Money, Unreadable),
        ("平米", Field::Area, Unreadable),
        ("abc", Field::Money, Unreadable),
        ("NaN", Field::Money, Unreadable),
        ("inf", Field::Money, Unreadable),
        ("1e5", Field::Money, Unreadable),
        ("3亿美元人民币", Field::Money, Unreadable),
        ("2万平米亩", Field::Area, Unreadable),
        ("1.", Field::Money, Unreadable),
        ("million", Field::Money, Unreadable),
    ];
    for (typed, field, want) in cases {
        assert_eq!(read(typed, *field), Err(*want), "{field:?} {typed:?}");
    }
}

#[test]
fn empty_is_no_value() {
    for field in [Field::Money, Field::Area, Field::Land, Field::Count] {
        for typed in ["", " ", "\u{3000}", "\t\n"] {
            assert_eq!(read(typed, field), Ok(None), "{field:?} {typed:?}");
        }
    }
}

/// A cheap stand-in for the fuzz targets: odd inputs never panic, and whatever is read is
/// a finite, non-negative number.
#[test]
fn odd_inputs_never_panic() {
    let pieces = [
        "",
        "0",
        "1",
        "9",
        ".",
        ",",
        "，",
        "万",
        "亿",
        "千",
        "百",
        "十",
        "个",
        "点",
        "零",
        "两",
        "-",
        "¥",
        "$",
        "us$",
        "美元",
        "元",
        "m",
        "k",
        "bn",
        "million",
        "平米",
        "㎡",
        "亩",
        "公顷",
        "平方公里",
        "sqm",
        "ha",
        "mu",
        "%",
        "人",
        "约",
        "左右",
        " ",
        "\u{3000}",
        "２",
        "萬",
        "🔋",
        "\u{0}",
        "é",
        "ß",
        "İ",
        "\u{FFFF}",
        "9999999999999999999999",
        "e",
        "多",
        "~",
    ];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..20_000 {
        let len = (next() % 7) as usize;
        let s: String = (0..len)
            .map(|_| pieces[(next() % pieces.len() as u64) as usize])
            .collect();
        for field in [Field::Money, Field::Area, Field::Land, Field::Count] {
            if let Ok(Some(a)) = read(&s, field) {
                assert!(a.value().is_finite() && a.value() >= 0.0, "{s:?}: {a:?}");
            }
        }
    }
    let long = "9".repeat(400);
    assert_eq!(read(&long, Field::Money), Err(AmountError::Unreadable));
    let huge = format!("{}亿亿亿", "9".repeat(200));
    assert!(read(&huge, Field::Money).is_err());
}

/// The capture form never refuses an amount; what it kept as typed (foreign money, text
/// marked for review, jobs in the notes) survives the ledger's CSV export and import, and
/// a CSV amount column stays strict.
#[test]
fn kept_text_survives_the_ledger_csv() {
    use zonematch::csv::prospects_to_csv;
    use zonematch::forms::{needs_review, review_fields, ProspectDraft, ProspectField};
    use zonematch::model::Lang;
    use zonematch::table_import::prospects_from_csv;
    let drafts = [
        ("p1", "猎鹰", "500万美元", "2万平米", "50亩", "300"),
        ("p2", "", "很多", "2万多", "3.3公顷", "300多"),
        ("p3", "", "1.2亿", "20,000 sqm", "2万美元", ""),
    ];
    let prospects: Vec<_> = drafts
        .iter()
        .map(|(id, code, inv, fac, land, jobs)| {
            ProspectDraft {
                name: format!("企业{id}"),
                code_name: code.to_string(),
                investment: inv.to_string(),
                factory: fac.to_string(),
                land: land.to_string(),
                jobs: jobs.to_string(),
                ..Default::default()
            }
            .to_prospect(id, "2026-11-27T10:00:00Z")
            .unwrap()
        })
        .collect();
    assert!(!needs_review(&prospects[0]));
    assert_eq!(prospects[0].investment_text, "500万美元");
    assert_eq!(
        review_fields(&prospects[1]),
        vec![
            (ProspectField::Investment, "很多"),
            (ProspectField::Factory, "2万多")
        ]
    );
    assert_eq!(prospects[1].land_mu, Some(49.5));
    assert_eq!(prospects[1].notes, "就业人数: 300多");
    assert_eq!(
        review_fields(&prospects[2]),
        vec![(ProspectField::Land, "2万美元")]
    );
    for lang in [Lang::Zh, Lang::En] {
        let back = prospects_from_csv(&prospects_to_csv(&prospects, lang), "t").unwrap();
        for (a, b) in prospects.iter().zip(&back) {
            assert_eq!(
                (
                    &a.code_name,
                    a.investment_wan,
                    &a.investment_text,
                    a.factory_m2,
                    &a.factory_text,
                    a.land_mu,
                    &a.land_text,
                    a.jobs,
                    &a.notes
                ),
                (
                    &b.code_name,
                    b.investment_wan,
                    &b.investment_text,
                    b.factory_m2,
                    &b.factory_text,
                    b.land_mu,
                    &b.land_text,
                    b.jobs,
                    &b.notes
                ),
                "{lang:?} {}",
                a.id
            );
        }
    }
    // Spellings in a CSV amount column are read as in the form; unreadable ones are kept
    // as written and marked for review, as the form keeps them (issue 10: a ledger of 300
    // rows is not refused for one "2万多").
    let text =
        "name,investment_wan,factory_m2,land_mu\n甲,1.2亿,2万平米,3.3公顷\n乙,USD 5 million,,\n";
    let rows = prospects_from_csv(text, "t").unwrap();
    assert_eq!(
        (rows[0].investment_wan, rows[0].factory_m2, rows[0].land_mu),
        (Some(12_000.0), Some(20_000.0), Some(49.5))
    );
    assert_eq!(
        (rows[1].investment_wan, rows[1].investment_text.as_str()),
        (None, "USD 5 million")
    );
    let kept = prospects_from_csv("name,factory_m2\n甲,2万多\n", "t").unwrap();
    assert_eq!(
        (kept[0].factory_m2, kept[0].factory_text.as_str()),
        (None, "2万多")
    );
    assert!(zonematch::forms::needs_review(&kept[0]));
}
