//! The leading-industry terms of the national catalogue carry the right industry codes
//! (public/zones-2018.tsv, built by tools/build_catalogue.py). The app scores catalogue
//! zones on these codes alone, so a wrong code is a wrong match: a zone whose industry
//! 金属加工 (metal processing) were coded 137 (vegetable processing) would match food
//! prospects.

use zonematch::national::NationalCatalogue;
use zonematch::taxonomy::taxonomy;

fn catalogue() -> NationalCatalogue {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/zones-2018.tsv");
    let text = std::fs::read_to_string(path).expect("the catalogue asset is built");
    NationalCatalogue::parse(&text).expect("the asset reads")
}

/// What a term's code may be: `"31"` that code exactly, `"33*"` a code starting with 33,
/// `""` no code, `"!13*"` anything but a code starting with 13. A code must satisfy every
/// `!` pattern and, when there are others, one of them.
fn fits(code: &str, patterns: &[&str]) -> bool {
    let one = |p: &str| match p.strip_suffix('*') {
        Some(prefix) => !code.is_empty() && code.starts_with(prefix),
        None => code == p,
    };
    let (not, yes): (Vec<&str>, Vec<&str>) = patterns.iter().partition(|p| p.starts_with('!'));
    not.iter().all(|p| !one(&p[1..])) && (yes.is_empty() || yes.iter().any(|p| one(p)))
}

/// Terms and the codes they may carry: the frequent terms, every term whose code was found
/// wrong before (the old wrong code in the comment), and terms coded by the tool's rule
/// table or by hand fixes.
const CASES: &[(&str, &[&str])] = &[
    // The most frequent terms.
    ("装备制造", &["34*", "35*", "SEI2"]),
    ("电子信息", &["39*", "SEI1"]),
    ("生物医药", &["27*", "SEI4"]),
    ("食品", &["14*"]),
    ("新材料", &["SEI3"]),
    ("机械", &["34*"]),
    ("建材", &["30*"]),
    ("医药", &["27*"]),
    ("农副产品加工", &["13*"]),
    ("化工", &["26*"]),
    ("新能源", &["SEI6"]),
    ("汽车零部件", &["3670"]),
    ("钢铁", &["31*"]),
    ("有色金属", &["32*"]),
    // Curated terms coded wrong before.
    ("电气机械器材", &["38*"]),           // was 34
    ("电器机械器材", &["38*"]),           // was 34
    ("非金属矿物制品", &["30"]),          // was 10 (mining)
    ("非金属矿制品", &["30"]),            // was 10
    ("金属加工", &["33*", "31*", "32*"]), // was 137 (vegetable processing)
    ("木制品加工", &["20*"]),             // was 14
    ("矿产品加工", &["!13*"]),            // was 13
    ("林产品加工", &["20*"]),             // was 13
    ("黑色金属冶炼压延加工", &["31"]),    // was 321 (non-ferrous)
    ("石油化工", &["25*", "26*"]),        // was 07 (extraction)
    ("石化", &["25*", "26*"]),
    ("天然气化工", &["26*"]),  // was 07
    ("石油装备", &["35*"]),    // was 07
    ("设备制造", &["", "34"]), // was 392 (communication equipment)
    ("特种纸", &["22*"]),      // was 01 (farming)
    // Hand-named terms coded wrong before.
    ("钢铁冶炼", &["31*"]),                       // was 321
    ("特钢冶炼", &["31*"]),                       // was 321
    ("铁合金冶炼", &["31*"]),                     // was 321
    ("石油加工", &["25*"]),                       // was 07
    ("石油炼化", &["25*"]),                       // was 07
    ("石油天然气化工", &["26*"]),                 // was 07
    ("煤制天然气", &["25*", "26*"]),              // was 07
    ("石油机械", &["35*"]),                       // was 07
    ("电力电器", &["38*"]),                       // was 44 (power generation)
    ("电力设备", &["38*"]),                       // was 44
    ("电力设备器材", &["38*"]),                   // was 44
    ("能源电力设备", &["38*"]),                   // was 44
    ("燃气轮机", &["34*"]),                       // was 45 (gas supply)
    ("燃气设备", &["!45*", "34*", "35*", "38*"]), // was 45
    ("宝石加工", &["24*"]),                       // was 131 (grain milling)
    ("玉石加工", &["24*"]),                       // was 131
    ("稀贵金属加工", &["32*"]),                   // was 137
    ("矿物制品", &["30*"]),                       // was 2761 (biological drugs)
    ("碳化硅冶炼", &["30*", "32*"]),              // was 3972 (semiconductor devices)
    ("康体", &[""]),                              // was 2762 (vaccines)
    ("核燃料加工", &["25*"]),                     // was 254 (biomass fuels)
    ("卫生用品", &["!84*", "27*", "22*"]),        // was 84 (health services)
    ("羽绒制品加工", &["19*"]),                   // was 14
    ("木竹品加工", &["20*"]),                     // was 14
    ("民族特需用品加工", &[""]),                  // was 14
    ("林木产品加工", &["20*"]),                   // was 13
    ("木竹产品加工", &["20*"]),                   // was 13
    ("轻工产品加工", &[""]),                      // was 13
    ("进口产品加工", &[""]),                      // was 13
    ("产品加工", &[""]),                          // was 13
    ("中药材加工", &["2730", "27"]),              // was 017 (herb growing)
    ("农业装备", &["357"]),                       // was 01
    ("自行车零部件", &["37*"]),                   // was 3670 (auto parts)
    ("商业服务", &[""]),                          // was 05 (farm services)
    ("工业服务", &[""]),                          // was 05
    ("高分子材料", &["265", "26", "SEI3"]),       // was 3985 (electronic materials)
    ("包装材料", &["!3985", "", "22*", "29*"]),   // was 3985
    ("能源原材料", &["!3985"]),                   // was 3985
    ("橡塑制品", &["29*"]),                       // was 309
    ("无机非金属", &["30*"]),                     // was 10
    ("金属及非金属材料加工", &["!10*"]),          // was 10
    ("旅游产品加工", &["!786", "", "24*"]),       // was 786 (scenic areas)
    ("文旅休闲用品", &["24*"]),                   // was 786
    ("游戏游艺设备", &["24*"]),                   // was 657 (digital content)
    ("金属玻璃家具", &["21*"]),                   // was 304 (glass)
    // Terms not curated: plausible classifier codes kept, implausible ones replaced.
    ("光电信息", &["39*", "SEI1"]), // was 63 (shared only 电信)
    ("非金属制品", &["30*"]),       // was 33 (shared only 金属)
    ("黑色金属加工", &["31*"]),     // was 32
    ("黑色金属冶炼加工", &["31*"]), // was 321
    ("肉制品加工", &["135*"]),      // was 14
    ("食用菌加工", &["13*"]),       // was 014 (growing)
    ("茶叶加工", &["15*"]),
    ("铜材拆解加工", &["42*"]),
    ("电器拆解", &["42*"]),   // was 38
    ("输变电设备", &["382"]), // was 356
    ("风电装备", &["3415", "34"]),
    ("冷链物流", &["59*"]),
    ("钢材", &["31*"]),
    ("铝", &["32*"]),
    ("体育用品", &["24*"]),  // was 89 (sports services)
    ("铸造机械", &["342*"]), // was 34
    ("数控机床", &["342*"]),
    ("粮食加工", &["131"]),
];

#[test]
fn terms_carry_the_codes_of_their_industries() {
    let cat = catalogue();
    let code = |zh: &str| -> Option<&str> {
        cat.industries
            .iter()
            .find(|i| i.name.zh == zh)
            .map(|i| i.code.as_str())
    };
    let mut wrong = Vec::new();
    for (term, patterns) in CASES {
        match code(term) {
            None => wrong.push(format!("{term}: not in the catalogue")),
            Some(c) if !fits(c, patterns) => {
                wrong.push(format!("{term}: {c:?}, expected {patterns:?}"))
            }
            Some(_) => {}
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert!(CASES.len() >= 40);
}

#[test]
fn every_code_is_one_the_app_knows() {
    let cat = catalogue();
    let t = taxonomy();
    let unknown: Vec<String> = cat
        .industries
        .iter()
        .filter(|i| !i.code.is_empty() && t.find(&i.code).is_none())
        .map(|i| format!("{} {}", i.name.zh, i.code))
        .collect();
    assert!(
        unknown.is_empty(),
        "codes the app's taxonomy does not list: {unknown:?}"
    );
    // Most terms are coded; the rest are too generic to be (产品加工, 商业服务).
    let coded = cat.industries.iter().filter(|i| !i.code.is_empty()).count();
    assert!(
        coded * 10 >= cat.industries.len() * 8,
        "{coded} of {} coded",
        cat.industries.len()
    );
}

/// A term that is the Chinese name of a GB/T 4754 division (电气机械器材 for 电气机械和器材
/// 制造业, 黑色金属冶炼压延加工 for 黑色金属冶炼和压延加工业) is coded in that division.
#[test]
fn a_term_that_names_a_division_is_coded_in_it() {
    let cat = catalogue();
    let t = taxonomy();
    let bare = |s: &str| -> String {
        let s = s
            .strip_suffix("制造业")
            .or_else(|| s.strip_suffix('业'))
            .unwrap_or(s);
        s.chars()
            .filter(|c| !matches!(c, '和' | '及' | '、'))
            .collect()
    };
    let mut seen = 0;
    let mut wrong = Vec::new();
    for division in (1..=97).map(|n| format!("{n:02}")) {
        let Some(entry) = t.find(&division) else {
            continue;
        };
        let name = bare(entry.zh);
        for i in cat.industries.iter().filter(|i| bare(&i.name.zh) == name) {
            seen += 1;
            if !i.code.starts_with(&division) {
                wrong.push(format!("{} is {}, coded {:?}", i.name.zh, entry.zh, i.code));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    // 电气机械器材, 非金属矿物制品, 黑色金属冶炼压延加工, 金属制品, 通用设备 and more.
    assert!(seen >= 20, "{seen} terms name a division");
}

/// A term that names processing or products (…加工, …制品, …制造) is coded in
/// manufacturing (section C), in mining (B: ore dressing, gas processing), in a strategic
/// emerging industry, or not at all: never as farming or a service (中药材加工 is no
/// herb growing, 旅游产品加工 no scenic-area management).
#[test]
fn processing_and_products_are_coded_as_making_things() {
    let cat = catalogue();
    let t = taxonomy();
    let mut checked = 0;
    let mut wrong = Vec::new();
    for i in &cat.industries {
        let zh = i.name.zh.as_str();
        if i.code.is_empty() || !["加工", "制品", "制造"].iter().any(|s| zh.ends_with(s)) {
            continue;
        }
        checked += 1;
        let section = t.find(&i.code).map(|e| e.section).unwrap_or("?");
        if !(i.code.starts_with("SEI") || section == "B" || section == "C") {
            wrong.push(format!("{zh}: {} (section {section})", i.code));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert!(checked >= 100, "{checked} processing terms");
}
