//! Amounts as people say them: `2万平米`, `一点二亿`, `3个亿`, `20,000 sqm`, `USD 5 million`,
//! `500万美元`, `3.3公顷`. One pure reader, [`read`], for every amount field.
//!
//! What the reader gives, by field:
//! - money: CNY in 万元 (10,000 yuan), or a foreign amount kept as entered (currency code
//!   and the amount in that currency's units, never converted to 万元: the app holds no
//!   exchange rates);
//! - factory space: m²;
//! - land: 亩 (mu);
//! - a count (jobs, a percentage): the plain number.
//!
//! A bare number is in the field's own unit (万元, m², 亩). A money amount written with a
//! magnitude word (`万`, `亿`, `million`, `k` …) or a currency marker (`元`, `¥`, `RMB` …)
//! is in yuan, so `1.2亿` is 12,000 万元 and `300 million` is 30,000 万元, while `8500` is
//! 8,500 万元.
//!
//! Area units (exact by definition of the Chinese market units, 《中华人民共和国法定计量
//! 单位》 and the 市制 tables):
//! - 1 亩 = 10000/15 m² (666.666… m²; `model::SQM_PER_MU`, 666.67, is this value rounded);
//! - 1 公顷 (hectare) = 10,000 m² = 15 亩 exactly;
//! - 1 平方公里 (km²) = 100 公顷 = 1,500 亩 exactly.
//!
//! Land units go straight to 亩 without passing through a rounded m² figure, so
//! `3.3公顷` is 49.5 亩 and `0.5平方公里` is 750 亩 exactly.
//!
//! Text is read after the width fold (full-width digits and `，`), the traditional →
//! simplified fold of [`super::fold`] (`萬`, `億`, `兩`, `畝`, `公頃`, `美圓`) and lower
//! case; spaces are ignored, except between digits, where they separate thousands
//! (`20 000`). Nothing here panics, whatever the input.

use super::{fold::fold_script, normalize::to_half_width};

/// Which field an amount is typed into: it decides the unit of a bare number and which
/// units are of the right kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// Money; a bare number is 万元.
    Money,
    /// Floor space; a bare number is m².
    Area,
    /// Land; a bare number is 亩.
    Land,
    /// A plain count (people, a percentage); area and money units are refused.
    Count,
}

/// What a typed amount was read as.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Amount {
    /// CNY, in 万元.
    Wan(f64),
    /// Money in another currency, as entered: ISO 4217 code (`USD`) and the amount in
    /// that currency's units (`5000000.0`). Never converted.
    Foreign { currency: &'static str, amount: f64 },
    /// Square metres.
    M2(f64),
    /// 亩 (mu).
    Mu(f64),
    /// A plain number.
    Count(f64),
}

impl Amount {
    /// The number, in the variant's unit (万元, the foreign currency, m², 亩, or none).
    pub fn value(self) -> f64 {
        match self {
            Amount::Wan(v) | Amount::M2(v) | Amount::Mu(v) | Amount::Count(v) => v,
            Amount::Foreign { amount, .. } => amount,
        }
    }
}

/// Why a typed amount was not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountError {
    /// Not an amount this reader understands (`很多`, `2万多`, `1..2`, `两三万`).
    Unreadable,
    /// A negative amount.
    Negative,
    /// A unit of the wrong kind for the field: money in an area field, an area in a money
    /// field, either in a count.
    WrongKind,
}

/// What a word before or after the number says.
#[derive(Clone, Copy, PartialEq)]
enum Tag {
    /// A currency (ISO 4217 code; `CNY` for yuan).
    Cur(&'static str),
    /// An area unit, in fifteenths of a square metre (so that m², 亩, 公顷 and km² are all
    /// whole numbers: 15, 10,000, 150,000 and 15,000,000).
    Area(f64),
    /// People, percent.
    Count,
    /// "About", "+": says nothing about the amount.
    Filler,
    /// A minus sign.
    Minus,
}

const M2: Tag = Tag::Area(15.0);
const MU: Tag = Tag::Area(10_000.0);
const HA: Tag = Tag::Area(150_000.0);
const KM2: Tag = Tag::Area(15_000_000.0);
const CNY: Tag = Tag::Cur("CNY");
const USD: Tag = Tag::Cur("USD");
const EUR: Tag = Tag::Cur("EUR");
const HKD: Tag = Tag::Cur("HKD");
const JPY: Tag = Tag::Cur("JPY");
const GBP: Tag = Tag::Cur("GBP");

/// Words before the number (after folding, lower case, spaces removed). A longer word
/// that begins like a shorter one comes first.
const PREFIXES: &[(&str, Tag)] = &[
    ("大约", Tag::Filler),
    ("大概", Tag::Filler),
    ("约", Tag::Filler),
    ("approx.", Tag::Filler),
    ("approx", Tag::Filler),
    ("about", Tag::Filler),
    ("around", Tag::Filler),
    ("~", Tag::Filler),
    ("≈", Tag::Filler),
    ("+", Tag::Filler),
    ("-", Tag::Minus),
    ("−", Tag::Minus),
    ("负", Tag::Minus),
    ("人民币", CNY),
    ("rmb", CNY),
    ("cny", CNY),
    ("￥", CNY),
    ("¥", CNY),
    ("us$", USD),
    ("usd", USD),
    ("$", USD),
    ("hk$", HKD),
    ("hkd", HKD),
    ("eur", EUR),
    ("€", EUR),
    ("gbp", GBP),
    ("£", GBP),
    ("jpy", JPY),
];

/// Words after the number. A word that ends like a shorter one comes first
/// (`km2` before `m2`, `美元` before `元`, `新台币` before `台币`).
const SUFFIXES: &[(&str, Tag)] = &[
    ("左右", Tag::Filler),
    ("上下", Tag::Filler),
    // Land and large areas.
    ("平方公里", KM2),
    ("平方千米", KM2),
    ("km²", KM2),
    ("km2", KM2),
    ("㎢", KM2),
    ("sqkm", KM2),
    ("squarekilometres", KM2),
    ("squarekilometers", KM2),
    ("squarekilometre", KM2),
    ("squarekilometer", KM2),
    ("公顷", HA),
    ("hectares", HA),
    ("hectare", HA),
    ("ha", HA),
    ("㏊", HA),
    ("亩", MU),
    ("mu", MU),
    // Square metres.
    ("平方米", M2),
    ("平米", M2),
    ("平方", M2),
    ("平", M2),
    ("㎡", M2),
    ("m²", M2),
    ("m2", M2),
    ("sqm", M2),
    ("sq.m.", M2),
    ("sq.m", M2),
    ("squaremetres", M2),
    ("squaremeters", M2),
    ("squaremetre", M2),
    ("squaremeter", M2),
    // Foreign money: every "…元" before the yuan's own 元.
    ("美元", USD),
    ("美金", USD),
    ("usdollars", USD),
    ("dollars", USD),
    ("dollar", USD),
    ("usd", USD),
    ("欧元", EUR),
    ("euros", EUR),
    ("euro", EUR),
    ("eur", EUR),
    ("€", EUR),
    ("港币", HKD),
    ("港元", HKD),
    ("hkd", HKD),
    ("日元", JPY),
    ("yen", JPY),
    ("jpy", JPY),
    ("英镑", GBP),
    ("pounds", GBP),
    ("gbp", GBP),
    ("韩元", Tag::Cur("KRW")),
    ("krw", Tag::Cur("KRW")),
    ("新加坡元", Tag::Cur("SGD")),
    ("新元", Tag::Cur("SGD")),
    ("sgd", Tag::Cur("SGD")),
    ("澳元", Tag::Cur("AUD")),
    ("aud", Tag::Cur("AUD")),
    ("加元", Tag::Cur("CAD")),
    ("加币", Tag::Cur("CAD")),
    ("cad", Tag::Cur("CAD")),
    ("新台币", Tag::Cur("TWD")),
    ("台币", Tag::Cur("TWD")),
    ("twd", Tag::Cur("TWD")),
    ("瑞士法郎", Tag::Cur("CHF")),
    ("chf", Tag::Cur("CHF")),
    // Yuan.
    ("人民币", CNY),
    ("元", CNY),
    ("rmb", CNY),
    ("cny", CNY),
    ("yuan", CNY),
    // Counts.
    ("人", Tag::Count),
    ("名", Tag::Count),
    ("%", Tag::Count),
    ("people", Tag::Count),
    ("jobs", Tag::Count),
    ("employees", Tag::Count),
];

/// English magnitude words after a number; longer first (`million` before `m`).
const MAGNITUDES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("mio", 1e6),
    ("mn", 1e6),
    ("bn", 1e9),
    ("k", 1e3),
    ("m", 1e6),
    ("b", 1e9),
];

/// Chinese names of the currencies the reader knows, for display.
const CURRENCY_ZH: &[(&str, &str)] = &[
    ("CNY", "元"),
    ("USD", "美元"),
    ("EUR", "欧元"),
    ("HKD", "港元"),
    ("JPY", "日元"),
    ("GBP", "英镑"),
    ("KRW", "韩元"),
    ("SGD", "新加坡元"),
    ("AUD", "澳元"),
    ("CAD", "加元"),
    ("TWD", "新台币"),
    ("CHF", "瑞士法郎"),
];

/// The Chinese name of a currency code the reader returns (`USD` → `美元`); the code
/// itself for any other.
pub fn currency_zh(code: &str) -> &str {
    CURRENCY_ZH
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(code, |(_, zh)| zh)
}

/// Longest input read, in bytes; anything longer is not an amount someone typed.
const MAX_LEN: usize = 256;

/// Read an amount typed into `field`. Empty (or blank) input is `Ok(None)`.
///
/// ```
/// use zonematch::text::amount::{read, Amount, AmountError, Field};
/// assert_eq!(read("2万平米", Field::Area), Ok(Some(Amount::M2(20_000.0))));
/// assert_eq!(read("一点二亿", Field::Money), Ok(Some(Amount::Wan(12_000.0))));
/// assert_eq!(read("3.3公顷", Field::Land), Ok(Some(Amount::Mu(49.5))));
/// assert_eq!(
///     read("500万美元", Field::Money),
///     Ok(Some(Amount::Foreign { currency: "USD", amount: 5_000_000.0 }))
/// );
/// assert_eq!(read("2万美元", Field::Land), Err(AmountError::WrongKind));
/// assert_eq!(read("", Field::Money), Ok(None));
/// ```
pub fn read(input: &str, field: Field) -> Result<Option<Amount>, AmountError> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    if input.len() > MAX_LEN {
        return Err(AmountError::Unreadable);
    }
    let mut s = String::with_capacity(input.len());
    let mut space = false;
    for c in fold_script(&to_half_width(input)).chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        // A space between digits separates thousands (`20 000`), like a comma: `1 2`
        // is then refused as `1,2` is.
        if space && c.is_ascii_digit() && s.ends_with(|p: char| p.is_ascii_digit()) {
            s.push(',');
        }
        space = false;
        // 圆 is the formal spelling of 元 (美圆, 日圆); fold it once here.
        s.push(if c == '圆' { '元' } else { c });
    }
    let s = s.to_lowercase();
    let mut rest = s.as_str();
    let mut unit: Option<Tag> = None;
    let mut minus = false;
    // Words before the number, then words after it; each list is scanned until nothing
    // more comes off (`约￥3亿`, `3亿元人民币`).
    for (table, front) in [(PREFIXES, true), (SUFFIXES, false)] {
        'strip: loop {
            for &(word, tag) in table {
                let stripped = if front {
                    rest.strip_prefix(word)
                } else {
                    rest.strip_suffix(word)
                };
                if let Some(r) = stripped {
                    rest = r;
                    match tag {
                        Tag::Filler => {}
                        Tag::Minus => minus = true,
                        _ => match unit {
                            None => unit = Some(tag),
                            Some(u) if u == tag => {}
                            Some(_) => return Err(AmountError::Unreadable),
                        },
                    }
                    continue 'strip;
                }
            }
            break;
        }
    }
    let (number, magnitude) = number(rest)?;
    if minus && number != 0.0 {
        return Err(AmountError::Negative);
    }
    let amount = match (field, unit) {
        (Field::Money, None) if magnitude => Amount::Wan(number / 1e4),
        (Field::Money, None) => Amount::Wan(number),
        (Field::Money, Some(Tag::Cur("CNY"))) => Amount::Wan(number / 1e4),
        (Field::Money, Some(Tag::Cur(currency))) => Amount::Foreign {
            currency,
            amount: number,
        },
        (Field::Area, None) => Amount::M2(number),
        (Field::Area, Some(Tag::Area(f))) => Amount::M2(number * f / 15.0),
        (Field::Land, None) => Amount::Mu(number),
        (Field::Land, Some(Tag::Area(f))) => Amount::Mu(number * f / 10_000.0),
        (Field::Count, None | Some(Tag::Count)) => Amount::Count(number),
        _ => return Err(AmountError::WrongKind),
    };
    let v = amount.value();
    if !v.is_finite() {
        return Err(AmountError::Unreadable);
    }
    // Undo the last-bit noise of decimal factors (1.15 × 10⁸ / 10⁴ = 11499.999999999998).
    let tidy = if v < 1e9 { (v * 1e6).round() / 1e6 } else { v };
    Ok(Some(match amount {
        Amount::Wan(_) => Amount::Wan(tidy),
        Amount::Foreign { currency, .. } => Amount::Foreign {
            currency,
            amount: tidy,
        },
        Amount::M2(_) => Amount::M2(tidy),
        Amount::Mu(_) => Amount::Mu(tidy),
        Amount::Count(_) => Amount::Count(tidy),
    }))
}

fn cn_digit(c: char) -> Option<f64> {
    Some(match c {
        '零' | '〇' => 0.0,
        '一' | '壹' => 1.0,
        '二' | '两' | '贰' => 2.0,
        '三' | '叁' => 3.0,
        '四' | '肆' => 4.0,
        '五' | '伍' => 5.0,
        '六' | '陆' => 6.0,
        '七' | '柒' => 7.0,
        '八' | '捌' => 8.0,
        '九' | '玖' => 9.0,
        _ => return None,
    })
}

/// The leading ASCII decimal of `s` (`20,000.5`; commas only between groups of three
/// digits) and its length in bytes, or `None` when `s` does not start with one.
fn decimal(s: &str) -> Option<(f64, usize)> {
    let b = s.as_bytes();
    let mut digits = String::new();
    let mut i = 0;
    let mut group = 0;
    let mut grouped = false;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            digits.push(c as char);
            group += 1;
            i += 1;
        } else if c == b','
            && group > 0
            && (grouped || group <= 3)
            && (!grouped || group == 3)
            && b.len() >= i + 4
            && b[i + 1..i + 4].iter().all(u8::is_ascii_digit)
            && !b.get(i + 4).is_some_and(u8::is_ascii_digit)
        {
            grouped = true;
            group = 0;
            i += 1;
        } else {
            break;
        }
    }
    if i < b.len() && b[i] == b'.' {
        let start = i + 1;
        let mut j = start;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j > start {
            digits.push('.');
            digits.push_str(&s[start..j]);
            i = j;
        }
    }
    if digits.is_empty() {
        return None;
    }
    if digits.starts_with('.') {
        digits.insert(0, '0');
    }
    digits.parse().ok().map(|v| (v, i))
}

/// The number in `s` (what is left once currency and unit words are off) and whether it
/// used a magnitude word (万, 亿, thousand, million, k, …).
///
/// Chinese numerals follow the usual grammar: 千/百/十 build a section, 万 and 亿 close
/// one (`八千五百万`, `十二万`, `一亿二千万`); a lone digit after a unit is the next place
/// down, as people say it (`一万五`, `1万5` = 15,000, `两千五` = 2,500); `零` is a place holder
/// (`一千零五`). Two digits in a row (`两三万`, a range) are refused. Arabic and Chinese mix
/// (`3千`, `1.2亿`, `3个亿`).
fn number(s: &str) -> Result<(f64, bool), AmountError> {
    use AmountError::Unreadable;
    // big: closed by an English magnitude; total: closed by 亿; mid: closed by 万;
    // sec: the section below 万; cur: the digit or decimal not yet placed.
    let (mut big, mut total, mut mid, mut sec) = (0.0_f64, 0.0_f64, 0.0_f64, 0.0_f64);
    let mut cur: Option<f64> = None;
    let mut cur_lone = false;
    let mut last_unit = 1.0;
    let mut seen = false;
    let mut magnitude = false;
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        let next = i + c.len_utf8();
        if c.is_ascii_digit() || c == '.' {
            let (v, len) = decimal(&s[i..]).ok_or(Unreadable)?;
            if cur.is_some() {
                return Err(Unreadable);
            }
            cur = Some(v);
            cur_lone = len == 1;
            seen = true;
            i += len;
            continue;
        }
        if let Some(d) = cn_digit(c) {
            if cur.is_some() {
                return Err(Unreadable);
            }
            seen = true;
            i = next;
            if d == 0.0 {
                last_unit = 10.0;
                continue;
            }
            cur = Some(d);
            cur_lone = true;
            continue;
        }
        i = next;
        match c {
            '点' => {
                // A Chinese decimal point: digits of either script follow.
                let whole = cur.ok_or(Unreadable)?;
                if whole.fract() != 0.0 {
                    return Err(Unreadable);
                }
                let (mut v, mut scale, mut any) = (whole, 0.1, false);
                while let Some(c2) = s[i..].chars().next() {
                    let d = match c2.to_digit(10) {
                        Some(d) => f64::from(d),
                        None => match cn_digit(c2) {
                            Some(d) => d,
                            None => break,
                        },
                    };
                    v += d * scale;
                    scale /= 10.0;
                    any = true;
                    i += c2.len_utf8();
                }
                if !any {
                    return Err(Unreadable);
                }
                cur = Some(v);
                cur_lone = false;
            }
            '十' | '拾' | '百' | '佰' | '千' | '仟' => {
                let u = match c {
                    '十' | '拾' => 10.0,
                    '百' | '佰' => 100.0,
                    _ => 1000.0,
                };
                sec += cur.take().unwrap_or(1.0) * u;
                last_unit = u;
                seen = true;
            }
            '万' => {
                if mid != 0.0 || (sec == 0.0 && cur.is_none()) {
                    return Err(Unreadable);
                }
                mid = (sec + cur.take().unwrap_or(0.0)) * 1e4;
                sec = 0.0;
                last_unit = 1e4;
                magnitude = true;
            }
            '亿' => {
                if mid == 0.0 && sec == 0.0 && cur.is_none() {
                    return Err(Unreadable);
                }
                total = (total + mid + sec + cur.take().unwrap_or(0.0)) * 1e8;
                mid = 0.0;
                sec = 0.0;
                last_unit = 1e8;
                magnitude = true;
            }
            // 3个亿, 五个万 (said, if rarely written).
            '个' if cur.is_some() && matches!(s[i..].chars().next(), Some('亿' | '万')) => {}
            _ if c.is_ascii_alphabetic() => {
                let rest = &s[i - 1..];
                let &(word, f) = MAGNITUDES
                    .iter()
                    .find(|(w, _)| rest.starts_with(w))
                    .ok_or(Unreadable)?;
                let pending = total + mid + sec + cur.take().unwrap_or(0.0);
                if !seen {
                    return Err(Unreadable);
                }
                big += pending * f;
                total = 0.0;
                mid = 0.0;
                sec = 0.0;
                last_unit = 1.0;
                magnitude = true;
                i = i - 1 + word.len();
            }
            _ => return Err(Unreadable),
        }
    }
    if !seen {
        return Err(Unreadable);
    }
    if let Some(d) = cur {
        // 一万五, 1万5 = 15,000: a lone digit after a unit is the next place down.
        let place = if cur_lone && last_unit > 1.0 {
            last_unit / 10.0
        } else {
            1.0
        };
        sec += d * place;
    }
    Ok((big + total + mid + sec, magnitude))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        let cases: &[(&str, f64)] = &[
            ("八千五百万", 85_000_000.0),
            ("十二万", 120_000.0),
            ("二十", 20.0),
            ("十二", 12.0),
            ("一万五", 15_000.0),
            ("1万5", 15_000.0),
            ("1万5000", 15_000.0),
            ("1万零5", 10_005.0),
            ("两千五", 2_500.0),
            ("一千零五", 1_005.0),
            ("一亿二千万", 120_000_000.0),
            ("2万亿", 2e12),
            ("1.2千万", 12_000_000.0),
            ("3千5百", 3_500.0),
            ("5million300thousand", 5_300_000.0),
        ];
        for (s, want) in cases {
            let (got, _) = number(s).unwrap();
            assert!((got - want).abs() < 1e-6, "{s}: {got}");
        }
        for s in [
            "两三万",
            "万",
            "亿",
            "亿万",
            "2万3万",
            "个亿",
            "1,2",
            "x",
            "",
            ".",
        ] {
            assert!(number(s).is_err(), "{s}");
        }
    }
}
