//! Tables people already have (issue 10): the four handed field cases with their right
//! values (tests/cases/import, copied from ../shared/cases/import), and table-driven
//! checks of header recognition, units, dates and stage words.

use zonematch::columns::{recognise, Target};
use zonematch::csv::ledger_to_csv;
use zonematch::import::{preview, FileKind};
use zonematch::model::{Dataset, Lang, Prospect, Stage, Zone};
use zonematch::sheet::{decode_text, text_sheet, Cell, Sheet};
use zonematch::table_import::{guess_mapping, read_records, stage_word, Choice, Mapping};

fn case(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/cases/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn gbk(bytes: &[u8]) -> Option<String> {
    let (text, _, bad) = encoding_rs::GBK.decode(bytes);
    (!bad).then(|| text.into_owned())
}

/// What the Data screen does with a picked text file: decode, read, guess the mapping.
fn sheet_of(bytes: &[u8]) -> (Sheet, Mapping) {
    let text = decode_text(bytes, gbk).unwrap();
    let sheet = text_sheet(&text, "case.csv").unwrap();
    let mapping = guess_mapping(&sheet);
    (sheet, mapping)
}

fn prospects_of(bytes: &[u8]) -> Vec<Prospect> {
    let (sheet, mapping) = sheet_of(bytes);
    assert_eq!(mapping.target, Target::Prospects);
    read_records(
        &Dataset::default(),
        &sheet,
        &mapping,
        "2026-11-29T08:00:00Z",
    )
    .unwrap()
    .data
    .prospects
}

#[test]
fn ledger_gbk() {
    let p = prospects_of(&case("ledger-gbk.csv"));
    assert_eq!(p.len(), 3);
    let inv: Vec<_> = p.iter().map(|p| p.investment_wan).collect();
    assert_eq!(inv, [Some(69_000.0), Some(50_000.0), Some(600_000.0)]);
    let land: Vec<_> = p.iter().map(|p| p.land_mu).collect();
    assert_eq!(land, [None, Some(60.0), Some(1500.0)]);
    let factory: Vec<_> = p.iter().map(|p| p.factory_m2).collect();
    assert_eq!(factory, [Some(20_000.0), None, None]);
    let origin: Vec<_> = p.iter().map(|p| p.origin.as_str()).collect();
    assert_eq!(origin, ["广东深圳", "湖北十堰", "北京"]);
    let stages: Vec<_> = p.iter().map(|p| p.stage).collect();
    assert_eq!(stages, [Stage::Signed, Stage::Negotiating, Stage::Signed]);
    // Signing dates: in the stage history where signed, kept in the notes where the
    // project is still negotiating; never a number, never day and month swapped.
    assert_eq!(p[0].reached(Stage::Signed), Some("2023-08-24"));
    assert_eq!(p[2].reached(Stage::Signed), Some("2019-12-06"));
    assert!(
        p[1].notes.contains("签约日期: 2025-03-31"),
        "{}",
        p[1].notes
    );
    // The company is the name; the project and the department are kept in the notes;
    // 序号 is not imported.
    assert_eq!(p[0].name, "深圳市吉岭电池科技有限公司（化名）");
    assert!(p[0].notes.contains("项目名称: 新能源锂电池生产线项目"));
    assert!(p[0].notes.contains("招商责任部门: 招商一部"));
    assert!(!p[0].notes.contains("序号"));
    assert_eq!(p[0].industry, "电池制造");
    assert_eq!(p[0].products, "消费类及动力锂电池，日产50万只");
    // No mojibake.
    for r in &p {
        assert!(!r.name.contains('\u{fffd}') && !r.notes.contains('\u{fffd}'));
    }
}

#[test]
fn ledger_units() {
    let p = prospects_of(&case("ledger-units.csv"));
    assert_eq!(p.len(), 5);
    let inv: Vec<_> = p.iter().map(|p| p.investment_wan).collect();
    assert_eq!(
        inv,
        [
            Some(8500.0),
            Some(12_000.0),
            Some(15_900.0),
            Some(6000.0),
            Some(5000.0)
        ]
    );
    let factory: Vec<_> = p.iter().map(|p| p.factory_m2).collect();
    assert_eq!(
        factory,
        [None, Some(20_000.0), Some(12_000.0), Some(5000.0), None]
    );
    let land: Vec<_> = p.iter().map(|p| p.land_mu).collect();
    assert_eq!(land, [Some(40.0), None, None, None, Some(25.0)]);
    assert_eq!(p[3].stage, Stage::Lead);
    assert_eq!(p[0].stage, Stage::Negotiating);
    assert_eq!(p[1].stage, Stage::Signed);
}

#[test]
fn ledger_multiline_and_its_round_trip() {
    let p = prospects_of(&case("ledger-multiline.csv"));
    assert_eq!(p.len(), 2);
    assert_eq!(p[0].products, "电子铜箔, 锂电铜箔");
    assert_eq!(p[1].products, "-40℃低温锂电池");
    let first_notes: Vec<&str> = p[0].notes.lines().collect();
    assert_eq!(
        &first_notes[..3],
        [
            "8月24日首次接洽",
            "9月3日来园区考察",
            "需要2万㎡标准厂房，对方自称\"链主\"配套企业"
        ]
    );
    assert!(p[0].notes.contains("联系电话: 0355-2026123"));
    assert!(p[0].notes.contains("邮编: 046000"));
    assert!(p[1].notes.contains("邮编: 100080"));
    assert_eq!(p[0].investment_wan, Some(62_000.0));
    assert_eq!(p[1].stage, Stage::Lead);
    // Export then import on a fresh device gives the same records.
    let text = ledger_to_csv(&p, &[], &[], Lang::Zh);
    let back = prospects_of(text.as_bytes());
    assert_eq!(back, p);
}

#[test]
fn catalogue_rows_are_zones() {
    let bytes = case("catalogue-rows.csv");
    let (sheet, mapping) = sheet_of(&bytes);
    assert_eq!(mapping.target, Target::Zones);
    let zones: Vec<Zone> = read_records(&Dataset::default(), &sheet, &mapping, "")
        .unwrap()
        .data
        .zones;
    assert_eq!(zones.len(), 6);
    let first = &zones[0];
    assert_eq!(first.name.zh, "漕河泾新兴技术开发区");
    let clusters: Vec<&str> = first.clusters.iter().map(|c| c.name.zh.as_str()).collect();
    assert_eq!(clusters, ["电子信息", "新材料", "生物医药"]);
    assert_eq!(first.approved, "1988-06");
    assert_eq!(first.as_of, "");
    assert_eq!(first.approved_area_ha, Some(1330.0));
    assert_eq!(first.land_available_mu, None);
    assert_eq!(first.factory.available_m2, None);
    assert_eq!(zones[1].approved_area_ha, Some(65.2));
    assert_eq!(zones[5].approved_area_ha, Some(868.18));
    assert_eq!(zones[5].approved, "2011-06");
    assert_eq!(zones[4].clusters.len(), 3);
    // Importing the page again updates the same zones instead of adding copies.
    let current = Dataset {
        zones: zones.clone(),
        ..Default::default()
    };
    let again = preview(&current, &bytes, FileKind::Table, "t", gbk).unwrap();
    assert_eq!(again.plan.zones_added, 0);
    assert_eq!(again.plan.zones_unchanged, 6);
}

#[test]
fn a_title_row_above_the_header_and_a_column_changed_by_hand() {
    let text = "2024年度签约项目台账（截至12月）\n\n序号,客商名称,产业类别,投资额（亿元）,备注\n1,甲公司,电池,2,首批\n";
    let (sheet, mut mapping) = sheet_of(text.as_bytes());
    assert_eq!(
        mapping.header_row, 2,
        "the title row and a blank line are above the header"
    );
    assert_eq!(mapping.columns[0].choice, Choice::Ignore);
    let p = read_records(&Dataset::default(), &sheet, &mapping, "t")
        .unwrap()
        .data
        .prospects;
    assert_eq!(p[0].name, "甲公司");
    assert_eq!(p[0].investment_wan, Some(20_000.0));
    // The user says 备注 is the products column instead.
    mapping.columns[4].choice = Choice::Field("products");
    let p = read_records(&Dataset::default(), &sheet, &mapping, "t")
        .unwrap()
        .data
        .prospects;
    assert_eq!(p[0].products, "首批");
    assert_eq!(p[0].notes, "");
}

#[test]
fn foreign_money_is_kept_and_flagged() {
    let text = "企业名称,行业,投资额（万美元）\n甲,电池,500\n乙,电池,USD 3 million\n";
    let (sheet, mapping) = sheet_of(text.as_bytes());
    let read = read_records(&Dataset::default(), &sheet, &mapping, "t").unwrap();
    let p = &read.data.prospects;
    assert_eq!(p[0].investment_wan, None);
    assert_eq!(p[0].investment_text, "500万美元");
    assert_eq!(p[1].investment_text, "USD 3 million");
    assert_eq!(read.flags.len(), 2);
    assert_eq!(read.flags[0].row, 2);
    assert_eq!(read.flags[0].column, "投资额（万美元）");
    assert!(read.flags[0].message.en.contains("USD"));
}

#[test]
fn a_decimal_comma_in_a_semicolon_file() {
    let text = "Company;Industry;Investment (100m CNY);Land (mu)\nAcme;batteries;1,5;12,5\n";
    let p = prospects_of(text.as_bytes());
    assert_eq!(p[0].investment_wan, Some(15_000.0));
    assert_eq!(p[0].land_mu, Some(12.5));
}

#[test]
fn excel_unicode_text_utf16_with_tabs() {
    let text = "项目名称\t所属行业\t签约时间\r\n乙项目\t食醋\t45162\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    let p = prospects_of(&bytes);
    assert_eq!(p[0].name, "乙项目");
    assert_eq!(p[0].industry, "食醋");
    // An Excel serial in a date column is a date (kept in the notes: not signed yet).
    assert!(
        p[0].notes.contains("签约时间: 2023-08-24"),
        "{}",
        p[0].notes
    );
}

/// ≥ 60 header spellings and the field each names (prospects, then zones).
#[test]
fn header_spellings() {
    let prospects: &[(&str, Option<&str>)] = &[
        ("项目名称", Some("project")),
        ("企业名称", Some("name")),
        ("投资方", Some("name")),
        ("公司名称", Some("name")),
        ("客商", Some("name")),
        ("客商名称", Some("name")),
        ("投资主体", Some("name")),
        ("Company", Some("name")),
        ("Company Name", Some("name")),
        ("Investor", Some("name")),
        ("所属行业", Some("industry")),
        ("行业", Some("industry")),
        ("产业类别", Some("industry")),
        ("行業類別", Some("industry")),
        ("Industry", Some("industry")),
        ("Sector", Some("industry")),
        ("主要产品", Some("products")),
        ("产品", Some("products")),
        ("主要產品", Some("products")),
        ("Main products", Some("products")),
        ("计划总投资（万元）", Some("investment_wan")),
        ("计划总投资(万元)", Some("investment_wan")),
        ("总投资", Some("investment_wan")),
        ("投资额", Some("investment_wan")),
        ("拟投资额（亿元）", Some("investment_wan")),
        ("协议投资总额（亿元）", Some("investment_wan")),
        ("總投資（萬元）", Some("investment_wan")),
        ("Investment", Some("investment_wan")),
        ("Total investment (100m CNY)", Some("investment_wan")),
        ("用地", Some("land_mu")),
        ("用地面积", Some("land_mu")),
        ("申请用地面积（亩）", Some("land_mu")),
        ("Land (mu)", Some("land_mu")),
        ("厂房", Some("factory_m2")),
        ("厂房面积", Some("factory_m2")),
        ("租赁厂房面积（平方米）", Some("factory_m2")),
        ("厂房需求", Some("factory_m2")),
        ("Factory space (sqm)", Some("factory_m2")),
        ("就业", Some("jobs")),
        ("用工人数", Some("jobs")),
        ("Employees", Some("jobs")),
        ("投资方所在地", Some("origin")),
        ("来源地", Some("origin")),
        ("客商所在地", Some("origin")),
        ("Origin", Some("origin")),
        ("项目进展", Some("stage")),
        ("项目进展状态", Some("stage")),
        ("状态", Some("stage")),
        ("阶段", Some("stage")),
        ("Status", Some("stage")),
        ("签约日期", Some("signed_date")),
        ("签约时间", Some("signed_date")),
        ("Signing date", Some("signed_date")),
        ("备注", Some("notes")),
        ("Remarks", Some("notes")),
        ("联系人", Some("contact")),
        ("电话", Some("phone")),
        ("联系电话", Some("phone")),
        ("序号", Some("serial")),
        ("招商责任部门", None),
        ("邮编", None),
        // The app's own export headers.
        ("企业名称或代号", Some("name")),
        ("计划投资（原文）", Some("investment_text")),
        ("跟进状态", Some("standing")),
        ("Planned investment (10k CNY)", Some("investment_wan")),
    ];
    let zones: &[(&str, Option<&str>)] = &[
        ("开发区名称", Some("name_zh")),
        ("园区名称", Some("name_zh")),
        ("開發區名稱", Some("name_zh")),
        ("级别", Some("level")),
        ("类型", Some("kind")),
        ("批准时间", Some("approved")),
        ("批准日期", Some("approved")),
        ("核准面积（公顷）", Some("approved_area_ha")),
        ("规划面积（平方公里）", Some("approved_area_ha")),
        ("主导产业", Some("leading")),
        ("省份", Some("province")),
        ("开发区代码", Some("code")),
        ("序号", Some("serial")),
        ("名称（中文）", Some("name_zh")),
    ];
    for (target, table) in [(Target::Prospects, prospects), (Target::Zones, zones)] {
        for (header, want) in table {
            assert_eq!(recognise(header, target).key, *want, "{header}");
        }
    }
    assert!(prospects.len() + zones.len() >= 60);
}

/// ≥ 40 cell and header forms and what they are stored as.
#[test]
fn units_in_headers_and_cells() {
    // (header, cell, investment 万元, or factory m² / land 亩 by the header's field)
    type Case<'a> = (&'a str, &'a str, Option<f64>);
    let money: &[Case] = &[
        ("投资额（万元）", "8500", Some(8500.0)),
        ("投资额（万元）", "8500万元", Some(8500.0)),
        ("投资额（万元）", "1.59亿", Some(15_900.0)),
        ("投资额（万元）", "８５００", Some(8500.0)),
        ("投资额（万元）", "69,000", Some(69_000.0)),
        ("投资额（亿元）", "1.2", Some(12_000.0)),
        ("投资额（亿元）", "0.5", Some(5000.0)),
        ("投资额（亿元）", "8500万元", Some(8500.0)),
        ("投资额（亿元）", "6000万", Some(6000.0)),
        ("投资额（亿元）", "1.59亿", Some(15_900.0)),
        ("投资额（元）", "3000000", Some(300.0)),
        ("投资额", "3亿", Some(30_000.0)),
        ("投资额", "5000", Some(5000.0)),
        ("投资额", "一点二亿", Some(12_000.0)),
        ("投資額（億元）", "2", Some(20_000.0)),
        ("投资额（万美元）", "500", None),
        ("Investment (100m CNY)", "2", Some(20_000.0)),
        ("Investment (10k CNY)", "2", Some(2.0)),
    ];
    let factory: &[Case] = &[
        ("厂房需求", "2万平米", Some(20_000.0)),
        ("厂房需求", "1.2万㎡", Some(12_000.0)),
        ("厂房需求", "5,000平方米", Some(5000.0)),
        ("厂房需求", "5000", Some(5000.0)),
        ("厂房需求（平方米）", "20000", Some(20_000.0)),
        ("厂房需求（㎡）", "3000", Some(3000.0)),
        ("厂房需求（m2）", "3000", Some(3000.0)),
        ("厂房需求（万平方米）", "1.5", Some(15_000.0)),
        ("厂房需求（平方米）", "2万平米", Some(20_000.0)),
        ("厂房需求", "２万平方米", Some(20_000.0)),
        ("厂房需求", "20000 sqm", Some(20_000.0)),
        ("厂房需求（亩）", "3", Some(2000.0)),
    ];
    let land: &[Case] = &[
        ("用地面积（亩）", "60", Some(60.0)),
        ("用地面积（公顷）", "4", Some(60.0)),
        ("用地面积（平方公里）", "0.5", Some(750.0)),
        ("用地面积（平方米）", "20000", Some(30.0)),
        ("用地面积", "3.3公顷", Some(49.5)),
        ("用地面积", "100亩", Some(100.0)),
        ("用地面积（亩）", "10公顷", Some(150.0)),
        ("用地面积（亩）", "１５００", Some(1500.0)),
        ("用地面积（㎡）", "6666.67", Some(10.000005)),
        ("Land (ha)", "2", Some(30.0)),
        ("Land (mu)", "2", Some(2.0)),
    ];
    let mut count = 0;
    for (field, cases) in [("investment", money), ("factory", factory), ("land", land)] {
        for (header, cell, want) in cases {
            let text = format!("企业名称,{header}\n甲,\"{cell}\"\n");
            let p = &prospects_of(text.as_bytes())[0];
            let got = match field {
                "investment" => p.investment_wan,
                "factory" => p.factory_m2,
                _ => p.land_mu,
            };
            match (got, want) {
                (Some(g), Some(w)) => assert!((g - w).abs() < 1e-6, "{header} {cell}: {g}"),
                (g, w) => assert_eq!(g, *w, "{header} {cell}"),
            }
            count += 1;
        }
    }
    assert!(count >= 40);
}

#[test]
fn stage_words() {
    let cases: &[(&str, Option<(Stage, bool)>)] = &[
        ("意向", Some((Stage::Lead, false))),
        ("线索", Some((Stage::Lead, false))),
        ("接洽", Some((Stage::Contacted, false))),
        ("已对接", Some((Stage::Contacted, false))),
        ("在谈", Some((Stage::Negotiating, false))),
        ("洽谈中", Some((Stage::Negotiating, false))),
        ("已签约", Some((Stage::Signed, false))),
        ("签约", Some((Stage::Signed, false))),
        ("已簽約", Some((Stage::Signed, false))),
        ("已注册", Some((Stage::Signed, true))),
        ("已备案", Some((Stage::Signed, true))),
        ("完成报批", Some((Stage::Signed, true))),
        ("已开工", Some((Stage::Started, false))),
        ("在建", Some((Stage::Started, false))),
        ("已投产", Some((Stage::Operating, false))),
        ("已竣工", Some((Stage::Operating, false))),
        ("Negotiating", Some((Stage::Negotiating, false))),
        ("", Some((Stage::Lead, false))),
        ("成交", None),
        ("<script>", None),
    ];
    for (word, want) in cases {
        assert_eq!(stage_word(word), *want, "{word}");
    }
}

#[test]
fn unknown_stage_is_kept_and_flagged() {
    let text = "企业名称,行业,项目进展\n甲,电池,筹备中\n";
    let (sheet, mapping) = sheet_of(text.as_bytes());
    let read = read_records(&Dataset::default(), &sheet, &mapping, "t").unwrap();
    assert_eq!(read.data.prospects[0].stage, Stage::Lead);
    assert!(read.data.prospects[0].notes.contains("项目进展: 筹备中"));
    assert_eq!(read.flags[0].value, "筹备中");
}

#[test]
fn workbook_cells_are_typed() {
    // A workbook gives numbers and dates as such: a date cell is a date, a serial in a
    // date column is a date, a number in an investment column takes the header's unit.
    let sheet = Sheet {
        name: "台账".into(),
        rows: vec![
            vec![Cell::Text("签约项目台账".into())],
            vec![
                Cell::Text("企业名称".into()),
                Cell::Text("计划总投资（亿元）".into()),
                Cell::Text("项目进展".into()),
                Cell::Text("签约日期".into()),
                Cell::Text("邮编".into()),
            ],
            vec![
                Cell::Text("甲".into()),
                Cell::Number(1.5),
                Cell::Text("已签约".into()),
                Cell::Date("2023-08-24".into()),
                Cell::Text("046000".into()),
            ],
            vec![
                Cell::Text("乙".into()),
                Cell::Number(2.0),
                Cell::Text("已签约".into()),
                Cell::Number(45162.0),
                Cell::Empty,
            ],
        ],
        separator: None,
    };
    let mapping = guess_mapping(&sheet);
    assert_eq!(mapping.header_row, 1);
    let p = read_records(&Dataset::default(), &sheet, &mapping, "t")
        .unwrap()
        .data
        .prospects;
    assert_eq!(p[0].investment_wan, Some(15_000.0));
    assert_eq!(p[0].reached(Stage::Signed), Some("2023-08-24"));
    assert_eq!(p[1].reached(Stage::Signed), Some("2023-08-24"));
    assert!(p[0].notes.contains("邮编: 046000"));
}

/// Inputs the first CSV import refused and a ledger import takes (tests/flagged_inputs):
/// each imports, and what it cannot store as a value is kept as written and flagged,
/// naming the row and the column.
#[test]
fn values_kept_as_written_are_flagged() {
    let dir = format!("{}/tests/flagged_inputs", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 12);
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(&path).unwrap();
        let pending = preview(&Dataset::default(), &bytes, FileKind::Table, "t", gbk)
            .unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let clean = ["100-", "101-", "124-"].iter().any(|p| name.starts_with(p));
        assert_eq!(
            pending.flags.is_empty(),
            clean,
            "{name}: {:?}",
            pending.flags
        );
        for f in &pending.flags {
            assert_eq!(f.row, 2, "{name}");
            assert!(!f.column.is_empty() && !f.value.is_empty(), "{name}");
        }
        let p = pending.incoming.prospects.first();
        match &name[..3] {
            "104" => assert_eq!(p.unwrap().investment_text, "很多"),
            "106" => assert_eq!(p.unwrap().factory_text, "=1+1"),
            "107" => assert_eq!(p.unwrap().factory_text, "@SUM(A1)"),
            "108" => assert!(p.unwrap().notes.contains("成交")),
            "109" => assert!(p.unwrap().notes.contains("<script>alert(1)</script>")),
            "101" => assert_eq!(p.unwrap().notes, "industy: 电池"),
            "117" => assert_eq!(
                pending.incoming.zones[0].kind,
                zonematch::model::ZoneKind::Other
            ),
            _ => {}
        }
    }
}

#[test]
fn a_ledger_imported_again_changes_only_what_changed() {
    let first =
        "项目名称,投资方,所属行业,计划总投资（万元）,项目进展\n甲项目,甲公司,电池,100,在谈\n";
    let (sheet, mapping) = sheet_of(first.as_bytes());
    let mut data = Dataset::default();
    let read = read_records(&data, &sheet, &mapping, "2026-01-05T02:00:00Z").unwrap();
    data.prospects = read.data.prospects;
    data.prospects[0].origin = "深圳".into();
    // The same file a month later: nothing changes (the capture time, the origin typed
    // in the app and the history stay).
    let again = preview(
        &data,
        first.as_bytes(),
        FileKind::Table,
        "2026-02-05T02:00:00Z",
        gbk,
    )
    .unwrap();
    assert_eq!(again.plan.prospects_unchanged, 1, "{:?}", again.plan);
    // Signed since: the stage moves on the history kept here.
    let signed = first.replace("在谈", "已签约");
    let moved = preview(
        &data,
        signed.as_bytes(),
        FileKind::Table,
        "2026-02-05T02:00:00Z",
        gbk,
    )
    .unwrap();
    let p = &moved.incoming.prospects[0];
    assert_eq!(p.stage, Stage::Signed);
    assert_eq!(p.origin, "深圳");
    assert_eq!(p.created, data.prospects[0].created);
    assert_eq!(p.reached(Stage::Signed), Some("2026-02-05"));
}

/// What the worker proposes to the mapping step and reads back with the user's choices
/// is what the mapping gives natively.
#[test]
fn proposals_and_chosen_keys_read_the_same_records() {
    use zonematch::table_import::{propose, read_chosen};
    let (sheet, mapping) = sheet_of(&case("ledger-gbk.csv"));
    let p = &propose(std::slice::from_ref(&sheet))[0];
    assert_eq!(p.target, "prospects");
    assert_eq!(p.headers.len(), 12);
    assert_eq!(p.units[5], "万元");
    assert_eq!(p.samples[2][0], "深圳市吉岭电池科技有限公司（化名）");
    assert_eq!(p.choices[0][0], "ignore");
    assert_eq!(p.choices[0][11], "notes_column");
    let mut keys = vec![p.target.clone()];
    keys.extend(p.choices[0].iter().cloned());
    assert_eq!(keys, mapping.to_keys());
    let now = "2026-11-29T08:00:00Z";
    let chosen = read_chosen(&Dataset::default(), &sheet, &keys, now).unwrap();
    let direct = read_records(&Dataset::default(), &sheet, &mapping, now).unwrap();
    assert_eq!(chosen, direct);
    // The reply the app reads: the records as a ZoneMatch file, read back the same.
    let reply = chosen.into_reply(now);
    let back = zonematch::transfer::import_json(&reply.records).unwrap();
    assert_eq!(back.prospects, direct.data.prospects);
    // Choices that do not fit the sheet are refused with a message.
    assert!(read_chosen(&Dataset::default(), &sheet, &keys[..3], now).is_err());
}

/// The review's inputs of the same kinds as the handed cases, with their right values.
#[test]
fn units_the_app_does_not_list_are_read_or_flagged_never_taken_as_wan() {
    let text = "企业名称,投资额（亿美元）,总投资（人民币亿元）,协议投资（千元）,合同额（百万美元）\n甲,1.5,1.5,3000,2\n";
    let (sheet, mapping) = sheet_of(text.as_bytes());
    let read = read_records(&Dataset::default(), &sheet, &mapping, "t").unwrap();
    let p = &read.data.prospects[0];
    // The first money column is the investment: 1.5亿美元, foreign, kept and flagged.
    assert_eq!(p.investment_wan, None);
    assert_eq!(p.investment_text, "1.5亿美元");
    assert!(read.flags.iter().any(|f| f.value == "1.5"));
    // The others are kept in the notes as written.
    assert!(p.notes.contains("总投资（人民币亿元）: 1.5"));
    let one = |h: &str, cell: &str| {
        let t = format!("企业名称,{h}\n甲,{cell}\n");
        prospects_of(t.as_bytes())[0].clone()
    };
    assert_eq!(
        one("总投资（人民币亿元）", "1.5").investment_wan,
        Some(15_000.0)
    );
    assert_eq!(one("投资额（千元）", "3000").investment_wan, Some(300.0));
    assert_eq!(one("投资额（百万元）", "2").investment_wan, Some(200.0));
    assert_eq!(one("投资额（百万美元）", "2").investment_text, "2百万美元");
    assert_eq!(one("投资额（千英镑）", "2").investment_wan, None);
}

#[test]
fn number_cells_in_date_columns() {
    let row = |cell: Cell| Sheet {
        name: "s".into(),
        rows: vec![
            vec![
                Cell::Text("企业名称".into()),
                Cell::Text("项目进展".into()),
                Cell::Text("签约日期".into()),
            ],
            vec![Cell::Text("甲".into()), Cell::Text("已签约".into()), cell],
        ],
        separator: None,
    };
    let read = |cell: Cell| {
        let sheet = row(cell);
        read_records(&Dataset::default(), &sheet, &guess_mapping(&sheet), "t").unwrap()
    };
    let signed = |cell: Cell| {
        read(cell).data.prospects[0]
            .reached(Stage::Signed)
            .map(String::from)
    };
    assert_eq!(
        signed(Cell::Number(20230824.0)).as_deref(),
        Some("2023-08-24")
    );
    assert_eq!(signed(Cell::Number(45162.0)).as_deref(), Some("2023-08-24"));
    assert_eq!(
        signed(Cell::Number(202308.0)).as_deref(),
        Some("2023-08-01")
    );
    assert_eq!(signed(Cell::Number(2023.08)).as_deref(), Some("2023-08-01"));
    // 2006.1 is January or October typed as 2006.10: flagged, not guessed.
    let r = read(Cell::Number(2006.1));
    assert_eq!(r.data.prospects[0].reached(Stage::Signed), None);
    assert!(r.flags.iter().any(|f| f.value == "2006.1"));
}

#[test]
fn headers_that_only_contain_a_word_are_other_columns() {
    let zones: &[(&str, Option<&str>)] = &[
        ("建成区面积", None),
        ("规划面积（平方公里）", Some("approved_area_ha")),
    ];
    for (h, want) in zones {
        assert_eq!(recognise(h, Target::Zones).key, *want, "{h}");
    }
    let prospects: &[(&str, Option<&str>)] = &[
        ("投资方国别/地区", Some("origin")),
        ("投资方所在国家/地区", Some("origin")),
        ("企业性质", None),
        ("企业规模", None),
        ("项目类别", None),
        ("项目负责人", None),
        ("建筑面积", Some("factory_m2")),
        ("占地（亩）", Some("land_mu")),
        ("固定资产投资（万元）", Some("investment_wan")),
    ];
    for (h, want) in prospects {
        assert_eq!(recognise(h, Target::Prospects).key, *want, "{h}");
    }
}

#[test]
fn totals_sections_and_the_same_company_twice() {
    let text = "序号,企业名称,行业,投资额（万元）\n一、签约项目,,,\n1,甲公司,电池,100\n2,甲公司,电池,200\n合计,,,300\n";
    let (sheet, mapping) = sheet_of(text.as_bytes());
    let read = read_records(&Dataset::default(), &sheet, &mapping, "t").unwrap();
    let p = &read.data.prospects;
    assert_eq!(
        p.len(),
        2,
        "the total and the section row are not prospects"
    );
    assert_ne!(p[0].id, p[1].id);
    assert_eq!(p[1].investment_wan, Some(200.0));
    let skipped: Vec<usize> = read.flags.iter().map(|f| f.row).collect();
    assert_eq!(skipped, [2, 5]);
    // Importing the same file again updates the same two prospects.
    let current = Dataset {
        prospects: p.clone(),
        ..Default::default()
    };
    let again = preview(&current, text.as_bytes(), FileKind::Table, "t", gbk).unwrap();
    assert_eq!(again.plan.prospects_unchanged, 2);
}

#[test]
fn stage_phrases_and_standings_in_the_stage_column() {
    let cases: &[(&str, Stage)] = &[
        ("已签约待开工", Stage::Signed),
        ("签约未开工", Stage::Signed),
        ("已开工建设", Stage::Started),
        ("已投产运营", Stage::Operating),
        ("拟签约", Stage::Negotiating),
        ("待签约", Stage::Negotiating),
    ];
    for (word, want) in cases {
        assert_eq!(stage_word(word).map(|s| s.0), Some(*want), "{word}");
    }
    let p = prospects_of("企业名称,项目进展\n甲,暂缓\n".as_bytes());
    assert_eq!(p[0].standing, zonematch::model::Standing::Paused);
    assert!(p[0].notes.contains("项目进展: 暂缓"));
}

#[test]
fn a_zone_named_as_people_say_it_keeps_its_profile() {
    let current = zonematch::demo::demo_dataset();
    let before = current.zone("changzhi-htz").unwrap().clone();
    let text = "开发区名称,省份,备注\n长治高新区,山西省,国家级高新区\n";
    let pending = preview(&current, text.as_bytes(), FileKind::Table, "t", gbk).unwrap();
    let z = &pending.incoming.zones[0];
    assert_eq!(z.id, "changzhi-htz");
    assert_eq!(z.name, before.name);
    assert_eq!(z.location, before.location);
    assert!(z.summary.zh.starts_with(&before.summary.zh));
    assert!(z.summary.zh.ends_with("备注: 国家级高新区"));
    assert_eq!(z.clusters, before.clusters);
}

#[test]
fn a_ledger_imported_again_takes_the_signing_day_it_gives() {
    let first = "企业名称,行业,项目进展,签约日期\n甲,电池,在谈,2025-03-31\n";
    let mut data = Dataset::default();
    let (sheet, mapping) = sheet_of(first.as_bytes());
    data.prospects = read_records(&data, &sheet, &mapping, "2025-03-01T02:00:00Z")
        .unwrap()
        .data
        .prospects;
    let second = "企业名称,行业,项目进展,签约日期\n甲,电池,已签约,2025-04-02\n";
    let pending = preview(
        &data,
        second.as_bytes(),
        FileKind::Table,
        "2025-06-20T02:00:00Z",
        gbk,
    )
    .unwrap();
    assert_eq!(
        pending.incoming.prospects[0].reached(Stage::Signed),
        Some("2025-04-02")
    );
}

#[test]
fn zone_area_with_a_thousands_comma() {
    let text = "开发区名称,规划面积\n甲开发区,\"1,200\"\n乙开发区,1200\n";
    let (sheet, mapping) = sheet_of(text.as_bytes());
    let z = read_records(&Dataset::default(), &sheet, &mapping, "t")
        .unwrap()
        .data
        .zones;
    assert_eq!(z[0].approved_area_ha, Some(1200.0));
    assert_eq!(z[1].approved_area_ha, Some(1200.0));
}

#[test]
fn a_catalogue_page_round_trips_through_the_zone_table() {
    let (sheet, mapping) = sheet_of(&case("catalogue-rows.csv"));
    let mut zones = read_records(&Dataset::default(), &sheet, &mapping, "")
        .unwrap()
        .data
        .zones;
    zones[0].level = "national".into();
    zones[0].catalogue_code = "G312001".into();
    for lang in [Lang::Zh, Lang::En] {
        let text = zonematch::csv::zones_to_csv(&zones, lang);
        let back = zonematch::table_import::zones_from_csv(&text, &[]).unwrap();
        assert_eq!(back, zones, "{lang:?}");
    }
}

#[test]
fn a_zone_list_adds_to_a_profiles_clusters_and_never_drops_its_chain_links() {
    let current = zonematch::demo::demo_dataset();
    let before = current.zone("changzhi-htz").unwrap().clone();
    let text = "开发区名称,批准时间,核准面积（平方公里）,主导产业\n长治高新区,1992/11/9,12.68,装备制造、新材料\n";
    let pending = preview(&current, text.as_bytes(), FileKind::Table, "t", gbk).unwrap();
    let z = &pending.incoming.zones[0];
    assert_eq!(&z.clusters[..before.clusters.len()], &before.clusters[..]);
    let names: Vec<&str> = z.clusters.iter().map(|c| c.name.zh.as_str()).collect();
    assert!(names.contains(&"新材料"), "{names:?}");
    assert_eq!(z.approved, "1992-11");
    assert_eq!(z.approved_area_ha, Some(1268.0));
}

#[test]
fn a_ledgers_signing_day_before_the_import_leaves_the_lead_day_unknown() {
    let p = prospects_of("企业名称,项目进展,签约时间\n甲,已开工,2024/3/15\n".as_bytes());
    let stages: Vec<(Stage, &str)> = p[0]
        .stage_history
        .iter()
        .map(|m| (m.stage, m.date.as_str()))
        .collect();
    assert_eq!(
        stages,
        [
            (Stage::Lead, ""),
            (Stage::Signed, "2024-03-15"),
            (Stage::Started, "")
        ]
    );
}
