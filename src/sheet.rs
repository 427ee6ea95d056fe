//! A table as people keep it: sheets of cells, whether they came from a CSV or text file
//! saved by Excel (any encoding it writes, any separator) or from a workbook (`.xlsx`,
//! read by `calamine` in [`crate::workbook`]). Everything that imports a table reads a
//! [`Sheet`]; everything that writes one builds a [`Sheet`] first.
//!
//! Encodings read ([`decode_text`]): UTF-8 with or without a byte order mark, UTF-16 LE
//! and BE (Excel's "Unicode text", with or without a byte order mark), and GBK/GB18030
//! (what Chinese Excel writes as "CSV"), the last through a decoder the caller passes in
//! (the browser's `TextDecoder`), so the wasm carries no GBK table.
//!
//! ```
//! use zonematch::sheet::{text_sheet, Cell};
//! let s = text_sheet("名称;投资\n甲;1,5\n", "t.csv").unwrap();
//! assert_eq!(s.separator, Some(';'));
//! assert_eq!(s.rows[1][1], Cell::Text("1,5".into()));
//! ```

use serde::{Deserialize, Serialize};

use crate::csv::{parse_rows, CsvError};
use crate::model::Text;
use crate::transfer::MAX_IMPORT_BYTES;

/// One cell, typed as the file typed it. Text files give only [`Cell::Text`] and
/// [`Cell::Empty`]; workbooks also give numbers, dates and booleans.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Cell {
    Empty,
    Text(String),
    /// A number as stored (a workbook's numeric cell; no unit).
    Number(f64),
    /// A date, `YYYY-MM-DD` (a workbook's date cell; the time of day, if any, dropped).
    Date(String),
    Bool(bool),
}

impl Cell {
    /// The cell as text, as a person reading the sheet would write it: numbers without
    /// thousands separators or a trailing `.0`, dates `YYYY-MM-DD`, booleans `TRUE`/`FALSE`.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) | Cell::Date(s) => s.clone(),
            Cell::Number(n) => number_text(*n),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        }
    }

    /// Whether the cell holds nothing (empty, or text of only spaces).
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// Text cell, or [`Cell::Empty`] for an empty string.
    pub fn text_or_empty(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }
}

/// A number as plain text: `69000`, `1.59`, never `69000.0` or `6.9e4`.
pub fn number_text(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n}");
        s
    }
}

/// One sheet: its name (the workbook's tab, or the file name for a text file) and its
/// rows, first row first. Rows may differ in length.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
    /// The separator a text file used (`,` `;` or tab); `None` for a workbook. A `;`
    /// file comes from a locale whose decimal mark is a comma (`1,5` is 1.5).
    #[serde(default)]
    pub separator: Option<char>,
}

impl Sheet {
    /// A sheet of text cells from rows of strings (empty strings are empty cells).
    pub fn from_text_rows(name: &str, rows: Vec<Vec<String>>) -> Sheet {
        Sheet {
            name: name.to_string(),
            rows: rows
                .into_iter()
                .map(|r| r.into_iter().map(Cell::text_or_empty).collect())
                .collect(),
            separator: None,
        }
    }

    /// The rows as text ([`Cell::text`]), for CSV.
    pub fn text_rows(&self) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .map(|r| r.iter().map(Cell::text).collect())
            .collect()
    }

    /// Whether no row has a non-blank cell.
    pub fn is_empty(&self) -> bool {
        self.rows.iter().all(|r| r.iter().all(Cell::is_blank))
    }
}

fn too_large() -> Vec<Text> {
    vec![Text::new(
        &format!("文件过大（上限 {} MB）", MAX_IMPORT_BYTES / 1024 / 1024),
        &format!(
            "File too large (limit {} MB)",
            MAX_IMPORT_BYTES / 1024 / 1024
        ),
    )]
}

/// UTF-16 code units from bytes (`le`: little-endian), or `None` for an odd length.
fn utf16(bytes: &[u8], le: bool) -> Option<String> {
    if bytes.len() % 2 != 0 {
        return None;
    }
    let units = bytes.chunks_exact(2).map(|b| {
        if le {
            u16::from_le_bytes([b[0], b[1]])
        } else {
            u16::from_be_bytes([b[0], b[1]])
        }
    });
    char::decode_utf16(units)
        .map(|c| c.ok())
        .collect::<Option<String>>()
}

/// UTF-16 without a byte order mark, told by its zero bytes: text that is mostly ASCII or
/// CJK puts a zero in every other byte of its ASCII characters (tab, digits, line ends).
fn bomless_utf16(bytes: &[u8]) -> Option<bool> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    // A real UTF-8 or GBK text has no zero bytes at all.
    if odd * 4 >= pairs && even == 0 {
        Some(true)
    } else if even * 4 >= pairs && odd == 0 {
        Some(false)
    } else {
        None
    }
}

/// The text of a table file: UTF-8 (a byte order mark dropped), UTF-16 LE/BE (with or
/// without a byte order mark), else `gbk(bytes)` (GBK/GB18030).
///
/// # Errors
/// A file over [`MAX_IMPORT_BYTES`], UTF-16 with broken surrogates, or bytes that no
/// decoder reads, with a message in both languages.
pub fn decode_text(
    bytes: &[u8],
    gbk: impl FnOnce(&[u8]) -> Option<String>,
) -> Result<String, Vec<Text>> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(too_large());
    }
    let unreadable = || {
        vec![Text::new(
            "无法读取该文件（编码应为 UTF-8、GBK 或 UTF-16）",
            "The file could not be read (UTF-8, GBK or UTF-16 expected)",
        )]
    };
    let utf16_le = bytes.starts_with(&[0xFF, 0xFE]);
    if utf16_le || bytes.starts_with(&[0xFE, 0xFF]) {
        return utf16(&bytes[2..], utf16_le).ok_or_else(unreadable);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if let Some(le) = bomless_utf16(bytes) {
        if let Some(text) = utf16(bytes, le) {
            return Ok(text);
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(_) => gbk(bytes).ok_or_else(unreadable),
    }
}

/// The separator of a text table: of `,` `;` and tab, the one found (outside quotes) the
/// same number of times, at least once, on most of the first lines; ties go to tab, then
/// `;`, then `,` (a `;` file often has commas inside its numbers).
pub fn sniff_separator(text: &str) -> char {
    let candidates = ['\t', ';', ','];
    let mut lines: Vec<[usize; 3]> = Vec::new();
    let mut counts = [0usize; 3];
    let mut quoted = false;
    let mut blank = true;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => {
                if !blank {
                    lines.push(counts);
                }
                counts = [0; 3];
                blank = true;
                if lines.len() >= 20 {
                    break;
                }
                continue;
            }
            _ if !quoted => {
                if let Some(i) = candidates.iter().position(|s| *s == c) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
        if !c.is_whitespace() {
            blank = false;
        }
    }
    if !blank {
        lines.push(counts);
    }
    let mut best = (',', 0usize);
    for (i, sep) in candidates.iter().enumerate() {
        // The most common non-zero count of this separator, and on how many lines.
        let mut freq: Vec<(usize, usize)> = Vec::new();
        for l in &lines {
            if l[i] == 0 {
                continue;
            }
            match freq.iter_mut().find(|(n, _)| *n == l[i]) {
                Some(f) => f.1 += 1,
                None => freq.push((l[i], 1)),
            }
        }
        let agree = freq.iter().map(|f| f.1).max().unwrap_or(0);
        if agree > best.1 {
            best = (*sep, agree);
        }
    }
    best.0
}

/// A text table (CSV, TSV or TXT, already decoded) as a sheet named `name`, its
/// separator sniffed.
///
/// # Errors
/// A quote never closed, with its line.
pub fn text_sheet(text: &str, name: &str) -> Result<Sheet, CsvError> {
    let separator = sniff_separator(text);
    let rows = parse_rows(text, separator, true)?;
    let mut sheet = Sheet::from_text_rows(name, rows);
    sheet.separator = Some(separator);
    Ok(sheet)
}

/// What a picked file is, by its first bytes: a workbook (`.xlsx`, a zip; `.xls`, an OLE
/// compound file) or text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileShape {
    Xlsx,
    Xls,
    Text,
}

/// The shape of a file from its bytes (never from its name, which may lie).
pub fn file_shape(bytes: &[u8]) -> FileShape {
    if bytes.starts_with(b"PK\x03\x04") {
        FileShape::Xlsx
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        FileShape::Xls
    } else {
        FileShape::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_gbk(_: &[u8]) -> Option<String> {
        None
    }

    #[test]
    fn encodings() {
        let text = "项目名称\t投资\r\n甲\t1\r\n";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        let mut bare_le = Vec::new();
        for u in text.encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
            bare_le.extend(u.to_le_bytes());
        }
        for bytes in [le, be, bare_le] {
            assert_eq!(decode_text(&bytes, no_gbk).unwrap(), text);
        }
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend(text.as_bytes());
        assert_eq!(decode_text(&bom, no_gbk).unwrap(), text);
        assert!(decode_text(&[0xB9, 0xFE], no_gbk).is_err());
        assert_eq!(
            decode_text(&[0xB9, 0xFE], |_| Some("x".into())).unwrap(),
            "x"
        );
    }

    #[test]
    fn separators() {
        assert_eq!(sniff_separator("a,b,c\n1,2,3\n"), ',');
        assert_eq!(sniff_separator("a;b;c\n1,5;2;3\n"), ';');
        assert_eq!(sniff_separator("a\tb\n\"x,y\"\t2\n"), '\t');
        assert_eq!(sniff_separator("名称,备注\n甲,\"a;b;c\"\n"), ',');
        // A title row with no separator above the header.
        assert_eq!(sniff_separator("2024年签约项目台账\na;b\n1;2\n3;4\n"), ';');
        assert_eq!(sniff_separator(""), ',');
    }

    #[test]
    fn shapes_and_numbers() {
        assert_eq!(file_shape(b"PK\x03\x04rest"), FileShape::Xlsx);
        assert_eq!(file_shape("名称,x".as_bytes()), FileShape::Text);
        assert_eq!(number_text(69000.0), "69000");
        assert_eq!(number_text(1.59), "1.59");
        assert_eq!(Cell::Number(-3.0).text(), "-3");
    }
}
