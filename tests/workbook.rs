//! Excel workbooks: what is written reads back cell for cell; workbooks laid out as
//! people lay them out (a title row above the header, several sheets) read whole; bad
//! bytes give an error, never a panic.

use zonematch::sheet::{Cell, Sheet};
use zonematch::workbook::{read_workbook, write_workbook, MAX_CELLS};

fn t(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn d(s: &str) -> Cell {
    Cell::Date(s.to_string())
}

fn sheet(name: &str, rows: Vec<Vec<Cell>>) -> Sheet {
    Sheet {
        name: name.to_string(),
        rows,
        separator: None,
    }
}

/// Texts that spreadsheets like to change.
const AWKWARD: &[&str] = &[
    "'=A1",
    "=SUM(A1)",
    "=1+1",
    "+1",
    "-40℃",
    "@x",
    "'",
    "''quoted",
    "line one\nline two",
    "crlf\r\nend",
    "say \"hi\", then 'bye'",
    "046000",
    "0355-2026123",
    " leading and trailing spaces ",
    "长治高新区",
    "計劃投資（萬元）",
    "1.59亿",
    "TRUE",
    "2023-08-24",
    "45162",
    "<tag> & ampersand",
    "tab\tinside",
    "emoji 🏭",
];

#[test]
fn written_cells_read_back_identical() {
    let mut rows = vec![vec![
        t("文本"),
        t("数字"),
        t("日期"),
        t("布尔"),
        t("空后有值"),
    ]];
    let numbers = [
        0.0,
        1.0,
        -1.0,
        8500.0,
        1.59,
        0.1 + 0.2,
        -40.5,
        12345678.9,
        1e-9,
        4.0e15,
        69000.0,
    ];
    let dates = [
        "1900-01-01",
        "1900-02-28",
        "1900-02-29",
        "1900-03-01",
        "1904-01-01",
        "1999-12-31",
        "2000-02-29",
        "2023-08-24",
        "2026-11-29",
        "9999-12-31",
    ];
    let n = AWKWARD.len().max(numbers.len()).max(dates.len());
    for i in 0..n {
        rows.push(vec![
            AWKWARD.get(i).map_or(Cell::Empty, |s| t(s)),
            numbers.get(i).map_or(Cell::Empty, |x| Cell::Number(*x)),
            dates.get(i).map_or(Cell::Empty, |s| d(s)),
            Cell::Bool(i % 2 == 0),
            if i % 3 == 0 { Cell::Empty } else { t("x") },
        ]);
        // Rows end at their last value.
        while rows.last().unwrap().last() == Some(&Cell::Empty) {
            rows.last_mut().unwrap().pop();
        }
    }
    // An empty row in the middle, a long row, a row starting further right.
    rows.push(vec![]);
    rows.push((0..40).map(|i| Cell::Number(i as f64)).collect());
    rows.push(vec![Cell::Empty, Cell::Empty, t("C")]);
    let sheets = vec![
        sheet("台账", rows),
        sheet("Second", vec![vec![t("only")]]),
        sheet("Empty", vec![]),
    ];
    let bytes = write_workbook(&sheets).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"));
    let back = read_workbook(&bytes).unwrap();
    assert_eq!(back.len(), 3);
    for (a, b) in sheets.iter().zip(&back) {
        assert_eq!(a.name, b.name);
        assert_eq!(a.rows.len(), b.rows.len(), "{}", a.name);
        for (r, (ra, rb)) in a.rows.iter().zip(&b.rows).enumerate() {
            assert_eq!(ra, rb, "sheet {} row {}", a.name, r + 1);
        }
    }
    assert_eq!(sheets, back);
}

#[test]
fn names_are_made_valid_and_unique() {
    let sheets = vec![
        sheet("a/b:c", vec![vec![t("1")]]),
        sheet("a_b_c", vec![vec![t("2")]]),
        sheet(&"很长的工作表名称".repeat(6), vec![vec![t("3")]]),
    ];
    let back = read_workbook(&write_workbook(&sheets).unwrap()).unwrap();
    let names: Vec<&str> = back.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names[0], "a_b_c");
    assert_eq!(names[1], "a_b_c (2)");
    assert_eq!(names[2].chars().count(), 31);
    assert_eq!(back[2].rows, vec![vec![t("3")]]);
}

#[test]
fn no_sheets_and_bad_cells() {
    // No sheets: one empty sheet.
    let back = read_workbook(&write_workbook(&[]).unwrap()).unwrap();
    assert_eq!(back.len(), 1);
    assert!(back[0].rows.is_empty());
    // NaN and infinity are kept as their text; a date Excel has not is kept as text.
    let sheets = vec![sheet(
        "s",
        vec![vec![
            Cell::Number(f64::NAN),
            Cell::Number(f64::INFINITY),
            d("1899-12-31"),
            d("2023/8/24"),
        ]],
    )];
    let back = read_workbook(&write_workbook(&sheets).unwrap()).unwrap();
    assert_eq!(
        back[0].rows[0],
        vec![t("NaN"), t("inf"), t("1899-12-31"), t("2023/8/24")]
    );
    // Too long for one Excel cell: an error.
    let long = sheet("s", vec![vec![t(&"x".repeat(32_768))]]);
    assert!(write_workbook(&[long]).is_err());
}

/// A ledger as zone staff keep it: a title row above the header, a blank row, dates
/// typed as Excel dates (and one in the 1904 date system's workbook), codes as text,
/// amounts as numbers; and a second sheet.
#[test]
fn title_row_and_two_sheets() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
    let ws = book.add_worksheet();
    ws.set_name("签约项目").unwrap();
    ws.merge_range(0, 0, 0, 4, "2023年签约项目台账", &Format::new().set_bold())
        .unwrap();
    for (c, h) in ["项目名称", "计划总投资（万元）", "签约日期", "邮编", "电话"]
        .iter()
        .enumerate()
    {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    ws.write_string(3, 0, "年产 5 万吨电池材料项目").unwrap();
    ws.write_number(3, 1, 85000).unwrap();
    ws.write_datetime_with_format(3, 2, ExcelDateTime::from_ymd(2023, 8, 24).unwrap(), &date)
        .unwrap();
    ws.write_string(3, 3, "046000").unwrap();
    ws.write_string(3, 4, "0355-2026123").unwrap();
    ws.write_string(4, 0, "=不是公式").unwrap();
    ws.write_number(4, 1, 1.59).unwrap();
    // A date with a time of day: the date.
    ws.write_datetime_with_format(
        4,
        2,
        ExcelDateTime::parse_from_str("1900-03-01 13:30:00").unwrap(),
        &Format::new().set_num_format("yyyy-mm-dd hh:mm"),
    )
    .unwrap();
    // A time of day alone.
    ws.write_datetime_with_format(
        4,
        3,
        ExcelDateTime::parse_from_str("08:30").unwrap(),
        &Format::new().set_num_format("hh:mm"),
    )
    .unwrap();
    ws.write_boolean(4, 4, true).unwrap();
    ws.write_formula(5, 1, "=B4+B5").unwrap();
    let ws2 = book.add_worksheet();
    ws2.set_name("园区").unwrap();
    ws2.write_string(0, 0, "开发区名称").unwrap();
    ws2.write_string(0, 1, "核准面积（公顷）").unwrap();
    ws2.write_string(1, 0, "长治高新技术产业开发区").unwrap();
    ws2.write_number(1, 1, 1296).unwrap();
    let bytes = book.save_to_buffer().unwrap();

    let sheets = read_workbook(&bytes).unwrap();
    assert_eq!(sheets.len(), 2);
    assert_eq!(sheets[0].name, "签约项目");
    let rows = &sheets[0].rows;
    assert_eq!(rows[0], vec![t("2023年签约项目台账")]);
    assert!(rows[1].is_empty());
    assert_eq!(
        rows[2],
        vec![
            t("项目名称"),
            t("计划总投资（万元）"),
            t("签约日期"),
            t("邮编"),
            t("电话")
        ]
    );
    assert_eq!(
        rows[3],
        vec![
            t("年产 5 万吨电池材料项目"),
            Cell::Number(85000.0),
            d("2023-08-24"),
            t("046000"),
            t("0355-2026123")
        ]
    );
    assert_eq!(
        rows[4],
        vec![
            t("=不是公式"),
            Cell::Number(1.59),
            d("1900-03-01"),
            t("08:30"),
            Cell::Bool(true)
        ]
    );
    // A formula never computed by a spreadsheet has no value: the row ends empty, and
    // the formula's text is never taken as a value.
    assert!(rows.len() <= 6);
    if let Some(row) = rows.get(5) {
        assert!(row
            .iter()
            .all(|c| *c == Cell::Empty || *c == Cell::Number(0.0)));
    }
    assert_eq!(sheets[1].name, "园区");
    assert_eq!(
        sheets[1].rows,
        vec![
            vec![t("开发区名称"), t("核准面积（公顷）")],
            vec![t("长治高新技术产业开发区"), Cell::Number(1296.0)]
        ]
    );
}

/// The 1904 date system (old Mac workbooks): dates come out as the same calendar dates.
#[test]
fn dates_in_the_1904_system() {
    let bytes =
        write_workbook(&[sheet("s", vec![vec![d("2023-08-24"), d("1904-01-02")]])]).unwrap();
    let bytes = with_1904_dates(&bytes);
    let back = read_workbook(&bytes).unwrap();
    // The serials now count from 1904: each date is 1,462 days later.
    assert_eq!(back[0].rows[0], vec![d("2027-08-25"), d("1908-01-03")]);
}

/// The same workbook with `<workbookPr date1904="1"/>`: rewrites xl/workbook.xml.
fn with_1904_dates(bytes: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == "xl/workbook.xml" {
            let text = String::from_utf8(data).unwrap();
            let text = if text.contains("<workbookPr") {
                text.replacen("<workbookPr", "<workbookPr date1904=\"1\"", 1)
            } else {
                text.replacen("<sheets>", "<workbookPr date1904=\"1\"/><sheets>", 1)
            };
            data = text.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn bad_bytes_are_errors_not_panics() {
    let good = write_workbook(&[sheet(
        "s",
        vec![vec![t("a"), Cell::Number(1.0)], vec![d("2023-08-24")]],
    )])
    .unwrap();
    let mut inputs: Vec<Vec<u8>> = vec![
        vec![],
        b"PK".to_vec(),
        b"PK\x03\x04".to_vec(),
        b"name,amount\n1,2\n".to_vec(),
        "项目名称\t投资\n".as_bytes().to_vec(),
        vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0],
        (0..=255u8).cycle().take(10_000).collect(),
    ];
    // Truncated at many lengths, and with bytes flipped.
    for cut in (0..good.len()).step_by(97) {
        inputs.push(good[..cut].to_vec());
    }
    for at in (0..good.len()).step_by(131) {
        let mut b = good.clone();
        b[at] ^= 0x55;
        inputs.push(b);
    }
    for input in &inputs {
        let _ = read_workbook(input);
    }
    for input in &inputs[..7] {
        let e = read_workbook(input).unwrap_err();
        assert!(!e.zh.is_empty() && !e.en.is_empty());
    }
    // An encrypted workbook (an OLE file holding an EncryptedPackage stream) says so.
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend(vec![0; 100]);
    ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    assert!(read_workbook(&ole).unwrap_err().en.contains("password"));
    // An old .xls says to save as .xlsx.
    assert!(read_workbook(&inputs[5]).unwrap_err().en.contains(".xls"));
    // A zip that is not a workbook.
    let mut plain = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    plain
        .start_file("hello.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    std::io::Write::write_all(&mut plain, b"hi").unwrap();
    let plain = plain.finish().unwrap().into_inner();
    assert!(read_workbook(&plain)
        .unwrap_err()
        .en
        .contains("Not an Excel"));
}

#[test]
fn too_many_cells_is_an_error() {
    // One value far to the right on many rows: the empty cells before it count.
    let rows: Vec<Vec<Cell>> = (0..(MAX_CELLS / 16_000 + 2))
        .map(|_| {
            let mut row = vec![Cell::Empty; 15_999];
            row.push(t("x"));
            row
        })
        .collect();
    let bytes = write_workbook(&[sheet("wide", rows)]).unwrap();
    let e = read_workbook(&bytes).unwrap_err();
    assert!(e.en.contains("too many cells"), "{}", e.en);
}

/// Seed workbooks for the workbook fuzz target (`scripts/setup.sh` runs this with
/// `WORKBOOK_SEEDS=<dir>` before fuzzing): written by the app's own writer, so no binary
/// file is kept in the repository. Without the variable it only checks that they read.
#[test]
fn write_fuzz_seeds() {
    let seeds = [
        (
            "ledger.xlsx",
            vec![sheet(
                "企业台账",
                vec![
                    vec![t("企业名称"), t("计划投资（万元）"), t("签约日期")],
                    vec![t("=A1"), Cell::Number(8500.0), d("2023-08-24")],
                    vec![t("046000"), Cell::Bool(true), d("1900-02-29")],
                ],
            )],
        ),
        (
            "two-sheets.xlsx",
            vec![
                sheet("a", vec![vec![t("标题")], vec![], vec![t("x"), t("y")]]),
                sheet("b", vec![vec![Cell::Empty, Cell::Number(-1.5)]]),
            ],
        ),
        ("empty.xlsx", vec![]),
    ];
    let dir = std::env::var_os("WORKBOOK_SEEDS").map(std::path::PathBuf::from);
    for (name, sheets) in seeds {
        let bytes = write_workbook(&sheets).unwrap();
        assert!(read_workbook(&bytes).is_ok());
        if let Some(dir) = &dir {
            std::fs::write(dir.join(name), &bytes).unwrap();
        }
    }
}
