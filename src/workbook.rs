//! Excel workbooks, read and written: every sheet of an `.xlsx` file as [`Sheet`]s of typed
//! [`Cell`]s ([`read_workbook`], with `calamine`), and [`Sheet`]s as an `.xlsx` file with
//! a bold, frozen header row and fitting column widths ([`write_workbook`], with
//! `rust_xlsxwriter`).
//!
//! Both crates are large, so the browser app never links this module: it runs in a Web
//! Worker (`src/bin/workbook_worker.rs`, its own wasm) that the app starts the first time a
//! workbook is opened or written. Natively the tests call it directly.
//!
//! Cells read: a text cell is its text exactly (never trimmed; leading zeros, `'`, `=`,
//! `-` kept); a number is [`Cell::Number`]; a date-formatted number is [`Cell::Date`]
//! (`YYYY-MM-DD`, from the Excel serial in the workbook's own date system, 1900 or 1904;
//! the time of day dropped), a time of day alone is text `HH:MM` or `HH:MM:SS`; a boolean
//! is [`Cell::Bool`]; an error is its text (`#DIV/0!`). Empty cells are [`Cell::Empty`],
//! and each row ends at its last non-empty cell.
//!
//! Cells written: [`Cell::Text`] as a string (a text starting with `=` is a string, never
//! a formula), [`Cell::Number`] as a number, [`Cell::Date`] as an Excel date shown
//! `yyyy-mm-dd`, [`Cell::Bool`] as a boolean. Written then read, every cell comes back
//! equal.
//!
//! ```
//! use zonematch::sheet::{Cell, Sheet};
//! use zonematch::workbook::{read_workbook, write_workbook};
//! let sheet = Sheet {
//!     name: "台账".into(),
//!     rows: vec![
//!         vec![Cell::Text("编号".into()), Cell::Text("计划投资（万元）".into())],
//!         vec![Cell::Text("046000".into()), Cell::Number(8500.0)],
//!     ],
//!     separator: None,
//! };
//! let bytes = write_workbook(&[sheet.clone()]).unwrap();
//! assert_eq!(read_workbook(&bytes).unwrap(), vec![sheet]);
//! ```

use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use crate::model::Text;
use crate::sheet::{Cell, Sheet};
use crate::transfer::MAX_IMPORT_BYTES;

/// Most cells read from one workbook (all sheets, counting the empty cells to the left of
/// a row's last value): far above 10,000 prospects × 40 columns, well below what the
/// browser's memory allows.
pub const MAX_CELLS: usize = 2_000_000;

/// Most bytes a workbook's parts may declare when inflated, together (zip bombs).
const MAX_INFLATED_BYTES: u64 = 400 * 1024 * 1024;

/// Excel's grid: 1,048,576 rows × 16,384 columns.
const MAX_ROWS: u32 = 1_048_576;
const MAX_COLS: u32 = 16_384;

/// Longest text Excel keeps in one cell (characters).
const MAX_CELL_CHARS: usize = 32_767;

/// A file starting this way is a zip archive (`.xlsx`, `.xlsm`, `.ods`, `.docx`, …).
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// A file starting this way is an OLE compound file: an old `.xls` workbook, or an
/// `.xlsx` encrypted with a password.
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn not_a_workbook() -> Text {
    Text::new(
        "不是 Excel 工作簿（.xlsx）：请在 Excel 中“另存为” .xlsx 或 CSV 后再导入",
        "Not an Excel workbook (.xlsx): save it as .xlsx or CSV in Excel and import that",
    )
}

fn damaged(detail: &str) -> Text {
    Text::new(
        &format!("工作簿已损坏，无法读取（{detail}）"),
        &format!("The workbook is damaged and cannot be read ({detail})"),
    )
}

fn too_many_cells() -> Text {
    Text::new(
        &format!("工作簿单元格过多（上限 {MAX_CELLS} 个）"),
        &format!("The workbook has too many cells (limit {MAX_CELLS})"),
    )
}

/// UTF-16LE bytes of `s`, to find a stream name in an OLE compound file's directory.
fn utf16le(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every sheet of an Excel workbook (`.xlsx`, `.xlsm`), in the workbook's order, each
/// with its tab name and rows of typed cells (see the module notes). A sheet with no
/// cells is kept, with no rows.
///
/// # Errors
/// A bilingual message, never a panic, for: a file over [`MAX_IMPORT_BYTES`]; a file
/// that is not a zip workbook (an old `.xls` says to save it as `.xlsx`; a
/// password-protected workbook says so); a damaged workbook (its zip or XML unreadable,
/// parts declaring more than 400 MB inflated); more than [`MAX_CELLS`] cells.
pub fn read_workbook(bytes: &[u8]) -> Result<Vec<Sheet>, Text> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(Text::new(
            &format!("文件过大（上限 {} MB）", MAX_IMPORT_BYTES / 1024 / 1024),
            &format!(
                "File too large (limit {} MB)",
                MAX_IMPORT_BYTES / 1024 / 1024
            ),
        ));
    }
    if bytes.starts_with(OLE_MAGIC) {
        if contains(bytes, &utf16le("EncryptedPackage")) {
            return Err(Text::new(
                "工作簿设有打开密码：请在 Excel 中取消密码后另存，再导入",
                "The workbook is protected by a password: remove the password in Excel, save, and import again",
            ));
        }
        // calamine's .xls reader allocates by the sizes a file claims, so a damaged .xls
        // could exhaust memory: old workbooks are converted by Excel instead.
        return Err(Text::new(
            "这是旧版 Excel 工作簿（.xls）：请在 Excel 中“另存为” .xlsx 后再导入",
            "This is an old Excel workbook (.xls): save it as .xlsx in Excel and import that",
        ));
    }
    if !bytes.starts_with(ZIP_MAGIC) {
        return Err(not_a_workbook());
    }
    check_inflated_size(bytes)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| xlsx_error(&e))?;
    let names = book.sheet_names();
    let mut budget = MAX_CELLS;
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let rows = read_sheet(&mut book, &name, &mut budget)?;
        sheets.push(Sheet {
            name,
            rows,
            separator: None,
        });
    }
    Ok(sheets)
}

/// The zip's central directory must be readable and declare at most
/// [`MAX_INFLATED_BYTES`] in all; the zip reader then never inflates a part past the size
/// it declares.
fn check_inflated_size(bytes: &[u8]) -> Result<(), Text> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| not_a_workbook())?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let file = zip.by_index_raw(i).map_err(|e| damaged(&e.to_string()))?;
        total = total.saturating_add(file.size());
    }
    if total > MAX_INFLATED_BYTES {
        return Err(damaged("inflated size"));
    }
    Ok(())
}

fn xlsx_error(e: &calamine::XlsxError) -> Text {
    match e {
        calamine::XlsxError::Zip(_) => not_a_workbook(),
        // A zip that is not a workbook (no workbook part): a .docx, an .ods, a plain zip.
        calamine::XlsxError::FileNotFound(_) => not_a_workbook(),
        other => damaged(&other.to_string()),
    }
}

/// One sheet's rows, cell by cell (never the sheet's whole rectangle at once), each
/// non-empty cell taking one from `budget` plus the empty cells before it in its row.
fn read_sheet<RS: std::io::Read + std::io::Seek>(
    book: &mut Xlsx<RS>,
    name: &str,
    budget: &mut usize,
) -> Result<Vec<Vec<Cell>>, Text> {
    let mut reader = book
        .worksheet_cells_reader(name)
        .map_err(|e| xlsx_error(&e))?;
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    loop {
        let next = reader.next_cell().map_err(|e| xlsx_error(&e))?;
        let Some(cell) = next else { break };
        let (r, c) = cell.get_position();
        if r >= MAX_ROWS || c >= MAX_COLS {
            return Err(damaged("cell outside the grid"));
        }
        let value = cell_value(cell.get_value());
        if value == Cell::Empty {
            continue;
        }
        let (r, c) = (r as usize, c as usize);
        if rows.len() <= r {
            rows.resize_with(r + 1, Vec::new);
        }
        let row = &mut rows[r];
        if c < row.len() {
            // The same cell twice: the later one wins, as in Excel.
            row[c] = value;
            continue;
        }
        let cost = c + 1 - row.len();
        if cost > *budget {
            return Err(too_many_cells());
        }
        *budget -= cost;
        row.resize(c, Cell::Empty);
        row.push(value);
    }
    Ok(rows)
}

/// A calamine cell as a [`Cell`].
fn cell_value(data: &DataRef<'_>) -> Cell {
    match data {
        DataRef::Empty => Cell::Empty,
        DataRef::String(s) => Cell::text_or_empty(s.as_str()),
        DataRef::SharedString(s) => Cell::text_or_empty(*s),
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::Error(e) => Cell::Text(e.to_string()),
        DataRef::DateTime(dt) => {
            if dt.is_duration() {
                return Cell::Number(dt.as_f64());
            }
            let serial = dt.as_f64();
            if !(0.0..2_958_466.0).contains(&serial) {
                // Outside Excel's dates (Excel shows ####): the number stored.
                return Cell::Number(serial);
            }
            if serial < 1.0 {
                // A time of day alone.
                let (_, _, _, h, m, s, _) = dt.to_ymd_hms_milli();
                return Cell::Text(if s == 0 {
                    format!("{h:02}:{m:02}")
                } else {
                    format!("{h:02}:{m:02}:{s:02}")
                });
            }
            // calamine's conversion knows the workbook's date system (1900 or 1904) and
            // Excel's 1900-02-29; `serial_date` (below) is the same arithmetic, tested
            // against it, for when the date system is known.
            let (y, mo, d, ..) = dt.to_ymd_hms_milli();
            Cell::Date(format!("{y:04}-{mo:02}-{d:02}"))
        }
        DataRef::DateTimeIso(s) => iso_cell(s),
        DataRef::DurationIso(s) => Cell::text_or_empty(s.as_str()),
    }
}

/// An ISO 8601 date-time cell (`2023-08-24T00:00:00`): its date, or the text as written.
fn iso_cell(s: &str) -> Cell {
    let date = s.get(..10).unwrap_or("");
    let rest = s.get(10..).unwrap_or("");
    if crate::dates::parse_date(date).is_some() && (rest.is_empty() || rest.starts_with('T')) {
        Cell::Date(date.to_string())
    } else {
        Cell::text_or_empty(s)
    }
}

/// The date of an Excel serial day number: in the 1900 date system day 1 is 1900-01-01,
/// day 60 is Excel's 1900-02-29 (a day that never was, kept so that every later serial
/// matches Excel) and day 61 is 1900-03-01; in the 1904 system day 0 is 1904-01-01. The
/// fraction (time of day) is dropped. `None` outside Excel's dates (before day 1, or
/// day 0 in 1904; after 9999-12-31) or for NaN.
pub fn serial_date(serial: f64, date_1904: bool) -> Option<(i32, u32, u32)> {
    if !serial.is_finite() {
        return None;
    }
    let day = serial.floor();
    let (first, last) = if date_1904 {
        (0.0, 2_957_003.0)
    } else {
        (1.0, 2_958_465.0)
    };
    if day < first || day > last {
        return None;
    }
    let day = day as i64;
    if !date_1904 && day == 60 {
        return Some((1900, 2, 29));
    }
    // Days since 1970-01-01: the 1900 system counts from 1899-12-31 as day 0 but also
    // counts the missing 1900-02-29, so from day 61 on its epoch is 1899-12-30.
    let unix_day = if date_1904 {
        day - 24_107
    } else if day < 60 {
        day - 25_568
    } else {
        day - 25_569
    };
    Some(civil_from_days(unix_day))
}

/// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// Sheet names as Excel accepts them: 1-31 characters, none of `[ ] : * ? / \`, not
/// starting or ending with `'`, not `History`, each different from the others (ignoring
/// case). A name that becomes empty is `Sheet{n}`; a repeated one gets ` (2)`, ` (3)`.
pub fn sheet_names(names: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        let mut clean: String = name
            .chars()
            .map(|c| match c {
                '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '_',
                c if c.is_control() => ' ',
                c => c,
            })
            .collect();
        clean = clean.trim().trim_matches('\'').trim().to_string();
        if clean.eq_ignore_ascii_case("history") {
            clean.push('_');
        }
        if clean.is_empty() {
            clean = format!("Sheet{}", i + 1);
        }
        let base: String = clean.chars().take(31).collect();
        let mut candidate = base.clone();
        let mut n = 2;
        while out
            .iter()
            .any(|o| o.to_lowercase() == candidate.to_lowercase())
        {
            let suffix = format!(" ({n})");
            let keep = 31 - suffix.chars().count();
            candidate = format!("{}{suffix}", base.chars().take(keep).collect::<String>());
            n += 1;
        }
        out.push(candidate);
    }
    out
}

/// How wide a column must be for `text`, in Excel's character widths: CJK and other
/// full-width characters count 2, the longest line of a cell counts.
pub fn display_width(text: &str) -> usize {
    text.lines()
        .map(|line| line.chars().map(char_width).sum::<usize>())
        .max()
        .unwrap_or(0)
}

fn char_width(c: char) -> usize {
    let c = c as u32;
    let wide = matches!(c,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD);
    if wide {
        2
    } else {
        1
    }
}

/// Narrowest and widest column written (Excel character widths).
const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 60;

/// A date `YYYY-MM-DD` as an Excel date, when Excel has it (1900-01-01 to 9999-12-31).
fn excel_date(s: &str) -> Option<ExcelDateTime> {
    if crate::dates::normalize_date(s).as_deref() != Some(s) {
        return None;
    }
    let (y, m, d) = crate::dates::parse_date(s)?;
    let (y, m, d) = (
        u16::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    );
    if !(1900..=9999).contains(&y) {
        return None;
    }
    ExcelDateTime::from_ymd(y, m, d).ok()
}

/// Sheets as an `.xlsx` workbook, in order. Each sheet's first row is its header: bold,
/// frozen (it stays in view when scrolling) and with a filter on every column. Column
/// widths fit the longest cell (full-width characters count 2), between 6 and 60.
/// Sheet names are made valid and unique by [`sheet_names`]. A workbook with no sheets
/// gets one empty sheet.
///
/// # Errors
/// A bilingual message for a sheet over Excel's grid (1,048,576 rows, 16,384 columns), a
/// text over 32,767 characters, or a failure of the writer.
pub fn write_workbook(sheets: &[Sheet]) -> Result<Vec<u8>, Text> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let bold_date = Format::new().set_bold().set_num_format("yyyy-mm-dd");
    let wrap = Format::new().set_text_wrap();
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    let names = sheet_names(&names);
    let failed = |e: rust_xlsxwriter::XlsxError| {
        Text::new(
            &format!("无法生成工作簿：{e}"),
            &format!("Could not write the workbook: {e}"),
        )
    };
    if sheets.is_empty() {
        book.add_worksheet();
    }
    for (sheet, name) in sheets.iter().zip(names) {
        if sheet.rows.len() > MAX_ROWS as usize
            || sheet.rows.iter().any(|r| r.len() > MAX_COLS as usize)
        {
            return Err(Text::new(
                &format!("工作表“{name}”超出 Excel 的行列上限"),
                &format!("Sheet “{name}” is larger than Excel allows"),
            ));
        }
        let ws = book.add_worksheet();
        ws.set_name(&name).map_err(failed)?;
        let mut widths: Vec<usize> = Vec::new();
        for (r, row) in sheet.rows.iter().enumerate() {
            let header = r == 0;
            for (c, cell) in row.iter().enumerate() {
                let (row_num, col_num) = (r as u32, c as u16);
                let width = match cell {
                    Cell::Empty => 0,
                    Cell::Text(s) => {
                        if s.chars().count() > MAX_CELL_CHARS {
                            return Err(Text::new(
                                &format!(
                                    "工作表“{name}”第 {} 行的文字超过 Excel 单元格上限（32767 字）",
                                    r + 1
                                ),
                                &format!(
                                    "A text on row {} of sheet “{name}” is longer than an Excel cell holds (32,767 characters)",
                                    r + 1
                                ),
                            ));
                        }
                        if header {
                            ws.write_string_with_format(row_num, col_num, s, &bold)
                        } else if s.contains('\n') {
                            ws.write_string_with_format(row_num, col_num, s, &wrap)
                        } else {
                            ws.write_string(row_num, col_num, s)
                        }
                        .map_err(failed)?;
                        display_width(s)
                    }
                    Cell::Number(n) if n.is_finite() => {
                        if header {
                            ws.write_number_with_format(row_num, col_num, *n, &bold)
                        } else {
                            ws.write_number(row_num, col_num, *n)
                        }
                        .map_err(failed)?;
                        crate::sheet::number_text(*n).len()
                    }
                    // Excel has no NaN or infinity: the text.
                    Cell::Number(n) => {
                        let s = crate::sheet::number_text(*n);
                        ws.write_string(row_num, col_num, &s).map_err(failed)?;
                        s.len()
                    }
                    Cell::Date(s) if s == "1900-02-29" => {
                        // Excel's day that never was (serial 60): only as its serial.
                        let format = if header { &bold_date } else { &date };
                        ws.write_number_with_format(row_num, col_num, 60.0, format)
                            .map_err(failed)?;
                        10
                    }
                    Cell::Date(s) => {
                        match excel_date(s) {
                            Some(d) => {
                                let format = if header { &bold_date } else { &date };
                                ws.write_datetime_with_format(row_num, col_num, &d, format)
                                    .map_err(failed)?;
                            }
                            // Not a date Excel has: the text as given.
                            None => {
                                ws.write_string(row_num, col_num, s).map_err(failed)?;
                            }
                        }
                        display_width(s).max(10)
                    }
                    Cell::Bool(b) => {
                        if header {
                            ws.write_boolean_with_format(row_num, col_num, *b, &bold)
                        } else {
                            ws.write_boolean(row_num, col_num, *b)
                        }
                        .map_err(failed)?;
                        5
                    }
                };
                if widths.len() <= c {
                    widths.resize(c + 1, 0);
                }
                // Room for the header's filter button.
                let width = if header { width + 2 } else { width };
                widths[c] = widths[c].max(width);
            }
        }
        for (c, w) in widths.iter().enumerate() {
            let w = (*w + 1).clamp(MIN_WIDTH, MAX_WIDTH);
            ws.set_column_width(c as u16, w as f64).map_err(failed)?;
        }
        if let Some(header) = sheet.rows.first() {
            if !header.is_empty() {
                ws.set_freeze_panes(1, 0).map_err(failed)?;
                let last_row = sheet.rows.len().saturating_sub(1) as u32;
                ws.autofilter(0, 0, last_row, (header.len() - 1) as u16)
                    .map_err(failed)?;
            }
        }
    }
    book.save_to_buffer().map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serial_dates_in_both_systems() {
        assert_eq!(serial_date(1.0, false), Some((1900, 1, 1)));
        assert_eq!(serial_date(59.0, false), Some((1900, 2, 28)));
        assert_eq!(serial_date(60.0, false), Some((1900, 2, 29)));
        assert_eq!(serial_date(61.0, false), Some((1900, 3, 1)));
        assert_eq!(serial_date(45162.75, false), Some((2023, 8, 24)));
        assert_eq!(serial_date(2_958_465.0, false), Some((9999, 12, 31)));
        assert_eq!(serial_date(0.0, false), None);
        assert_eq!(serial_date(f64::NAN, false), None);
        assert_eq!(serial_date(0.0, true), Some((1904, 1, 1)));
        assert_eq!(serial_date(43700.0, true), Some((2023, 8, 24)));
    }

    #[test]
    fn serial_dates_agree_with_calamine() {
        use calamine::{ExcelDateTime, ExcelDateTimeType};
        for date_1904 in [false, true] {
            let (mut serial, last) = if date_1904 {
                (0.0, 2_957_003.0)
            } else {
                (1.0, 2_958_465.0)
            };
            while serial <= last {
                let dt = ExcelDateTime::new(serial, ExcelDateTimeType::DateTime, date_1904);
                let (y, m, d, ..) = dt.to_ymd_hms_milli();
                assert_eq!(
                    serial_date(serial, date_1904),
                    Some((y as i32, m as u32, d as u32)),
                    "{serial} {date_1904}"
                );
                serial = if serial == last {
                    last + 1.0
                } else if serial < 400.0 {
                    serial + 1.0
                } else {
                    (serial + 997.0).min(last)
                };
            }
        }
    }

    #[test]
    fn names_follow_excels_rules() {
        assert_eq!(
            sheet_names(&["a/b", "A_B", "", "x".repeat(40).as_str(), "history", "'q'"]),
            vec![
                "a_b".to_string(),
                "A_B (2)".into(),
                "Sheet3".into(),
                "x".repeat(31),
                "history_".into(),
                "q".into()
            ]
        );
        let long = "长".repeat(40);
        let names = sheet_names(&[long.as_str(), long.as_str()]);
        assert_eq!(names[1].chars().count(), 31);
        assert!(names[1].ends_with(" (2)"));
    }

    #[test]
    fn widths_count_full_width_twice() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("计划投资（万元）"), 16);
        assert_eq!(display_width("a\nlonger"), 6);
    }
}
