//! Reading tables into records: a sheet (from CSV, text or a workbook, see
//! [`crate::sheet`]) of prospects or zones, through a [`Mapping`] of its columns to
//! fields, into records, all or nothing.
//!
//! 1. [`guess_mapping`] finds the header row (a title row above it is common), tells a
//!    prospect ledger from a zone table, and recognises each column
//!    ([`crate::columns::recognise`]) with the unit its header gives.
//! 2. The user checks the mapping (the Data screen shows each column, what it was taken
//!    for, and sample values) and may change any column or ignore it; a confirmed mapping
//!    is remembered for files with the same headers ([`mapping_key`]).
//! 3. [`read_records`] reads every row. Columns the app has no field for are kept in each
//!    record's notes as `header: value` (a zone's in its Chinese summary), never dropped.
//!    What cannot be stored as a value is kept as typed and flagged ([`Flag`]): money in a
//!    foreign currency, amounts or dates that cannot be read, stage words not known.
//!    Errors (a row with no name, a duplicate id, a value the app's own columns cannot
//!    take) name the row, the column and the value, and refuse the whole file.
//!
//! Cells: a bare number takes the unit of its header (`拟投资额（亿元）` with `1.2` is
//! 12,000 万元), a cell's own unit wins (`8500万元`, `2万平米`); full-width digits are
//! read; in a `;`-separated file a comma is the decimal mark (`1,5` is 1.5). Text is kept
//! as it is: leading zeros (`046000`), phone numbers, and text starting with `-`, `=`,
//! `+` or `@` (`-40℃低温锂电池`). Dates as [`crate::dates::read_cell_date`] reads them.

use crate::columns::{choosable, fold_header, recognise, recognised_count, Target, SERIAL};
use crate::dates::{read_cell_date, CellDate};
use crate::forms::{ProspectDraft, ZoneDraft};
use crate::i18n::{field_label, kind_label, stage_label, Lang};
use crate::model::{Cluster, Dataset, Prospect, Stage, StageMark, Standing, Text, Zone, ZoneKind};
use crate::sheet::{number_text, text_sheet, Cell, Sheet};
use crate::text::amount::{read as read_amount, Amount, Field as AmountField};
use crate::text::normalize::to_half_width;

/// Most errors listed for one file.
const MAX_ERRORS: usize = 50;

/// Rows searched for the header (title rows above it).
const HEADER_SEARCH_ROWS: usize = 12;

/// What a column is read into.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    /// A field of the record, by key (see [`crate::columns`]).
    Field(&'static str),
    /// Kept in the record's notes as `header: value`.
    Notes,
    /// Not imported (the row number `序号`, or what the user chose to leave out).
    Ignore,
}

impl Choice {
    /// As stored for a remembered mapping: the key, `notes_column` or `ignore`.
    pub fn key(&self) -> &'static str {
        match self {
            Choice::Field(k) => k,
            Choice::Notes => "notes_column",
            Choice::Ignore => "ignore",
        }
    }

    /// From [`Choice::key`], for `target`; `None` for a key this version does not know.
    pub fn from_key(key: &str, target: Target) -> Option<Choice> {
        match key {
            "notes_column" => Some(Choice::Notes),
            "ignore" => Some(Choice::Ignore),
            k => choosable(target)
                .into_iter()
                .find(|c| *c == k)
                .map(Choice::Field),
        }
    }
}

/// One column of a mapping.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnMap {
    /// The header as written (empty for a column with no header).
    pub header: String,
    pub choice: Choice,
    /// The unit the header gives, as the amount reader's suffix (`万元`, `亿元`, `亩`).
    pub unit: Option<String>,
}

/// How a sheet's columns are read.
#[derive(Clone, Debug, PartialEq)]
pub struct Mapping {
    pub target: Target,
    /// 0-based index of the header row in the sheet; the rows above it are titles.
    pub header_row: usize,
    pub columns: Vec<ColumnMap>,
}

/// The header row of a sheet: among the first rows, the one whose cells name the most
/// fields (of either target); a sheet where no row names two is read from its first
/// non-blank row.
fn header_row(sheet: &Sheet) -> usize {
    let mut best = (0usize, None::<usize>);
    for (i, row) in sheet.rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
        // A header names two fields at least.
        if row.iter().filter(|c| !c.is_blank()).count() < 2 {
            continue;
        }
        // Real headers are found in the first hundred cells of a row.
        let headers: Vec<String> = row.iter().take(100).map(Cell::text).collect();
        let n = Target::ALL
            .iter()
            .map(|t| recognised_count(&headers, *t))
            .max()
            .unwrap_or(0);
        if n > best.0 {
            best = (n, Some(i));
        }
    }
    match best {
        (n, Some(i)) if n >= 2 => i,
        _ => sheet
            .rows
            .iter()
            .position(|r| r.iter().any(|c| !c.is_blank()))
            .unwrap_or(0),
    }
}

/// The header row's cells as text; a row below it that is longer is refused by
/// [`read_records`] (its values would have no column).
fn headers_at(sheet: &Sheet, row: usize) -> Vec<String> {
    sheet
        .rows
        .get(row)
        .map(|r| r.iter().map(|c| c.text().trim().to_string()).collect())
        .unwrap_or_default()
}

/// The mapping of `sheet`'s columns for `target`, header row found as [`guess_mapping`]
/// finds it. A field claimed by two columns goes to the first; the second is kept in
/// the notes. `project` (项目名称) is the name when no column names the company.
pub fn mapping_for(sheet: &Sheet, target: Target) -> Mapping {
    mapping_at(sheet, target, header_row(sheet))
}

/// [`mapping_for`] with the header in row `row`.
fn mapping_at(sheet: &Sheet, target: Target, row: usize) -> Mapping {
    let headers = headers_at(sheet, row);
    let mut taken: Vec<&'static str> = Vec::new();
    let mut columns: Vec<ColumnMap> = headers
        .iter()
        .map(|h| {
            let r = recognise(h, target);
            let choice = match r.key {
                _ if r.derived => Choice::Ignore,
                Some(SERIAL) => Choice::Ignore,
                Some(k) if !taken.contains(&k) => {
                    taken.push(k);
                    Choice::Field(k)
                }
                _ if h.is_empty() => Choice::Ignore,
                _ => Choice::Notes,
            };
            ColumnMap {
                header: h.clone(),
                choice,
                unit: r.unit.clone(),
            }
        })
        .collect();
    // Columns with no header and no values are not columns.
    for (i, c) in columns.iter_mut().enumerate() {
        if c.header.is_empty()
            && sheet
                .rows
                .iter()
                .skip(row + 1)
                .all(|r| r.get(i).is_none_or(Cell::is_blank))
        {
            c.choice = Choice::Ignore;
        }
    }
    if target == Target::Prospects && !taken.contains(&"name") {
        if let Some(c) = columns
            .iter_mut()
            .find(|c| c.choice == Choice::Field("project"))
        {
            c.choice = Choice::Field("name");
        }
    }
    Mapping {
        target,
        header_row: row,
        columns,
    }
}

/// The mapping the app proposes for `sheet`: its header row, prospects or zones (the
/// target more of whose fields the headers name; prospects on a tie), and each column.
pub fn guess_mapping(sheet: &Sheet) -> Mapping {
    let row = header_row(sheet);
    let headers = headers_at(sheet, row);
    let zones = recognised_count(&headers, Target::Zones);
    let prospects = recognised_count(&headers, Target::Prospects);
    mapping_at(
        sheet,
        if zones > prospects {
            Target::Zones
        } else {
            Target::Prospects
        },
        row,
    )
}

/// The key under which a confirmed mapping is remembered: the folded headers of the
/// header row, hashed (`map-3f1a…`). Files with the same headers share it.
pub fn mapping_key(sheet: &Sheet, header_row: usize) -> String {
    let folded: Vec<String> = headers_at(sheet, header_row)
        .iter()
        .map(|h| fold_header(h))
        .collect();
    let parts: Vec<&str> = folded.iter().map(String::as_str).collect();
    stable_id("map", &parts)
}

impl Mapping {
    /// The choices as remembered: target key, then one [`Choice::key`] per column.
    pub fn to_keys(&self) -> Vec<String> {
        std::iter::once(self.target.key().to_string())
            .chain(self.columns.iter().map(|c| c.choice.key().to_string()))
            .collect()
    }

    /// A remembered mapping applied to `sheet` (the same headers): `None` when it does
    /// not fit (another number of columns, a key this version does not know).
    pub fn from_keys(sheet: &Sheet, keys: &[String]) -> Option<Mapping> {
        let (target, choices) = keys.split_first()?;
        let target = Target::from_key(target)?;
        let mut m = mapping_for(sheet, target);
        if choices.len() != m.columns.len() {
            return None;
        }
        for (c, k) in m.columns.iter_mut().zip(choices) {
            c.choice = Choice::from_key(k, target)?;
        }
        Some(m)
    }

    /// Up to `n` non-blank sample values of column `col`, from the first data rows.
    pub fn samples(&self, sheet: &Sheet, col: usize, n: usize) -> Vec<String> {
        sheet
            .rows
            .iter()
            .skip(self.header_row + 1)
            .filter_map(|r| r.get(col))
            .filter(|c| !c.is_blank())
            .map(Cell::text)
            .take(n)
            .collect()
    }

    /// The headers of the columns kept in the notes.
    pub fn notes_columns(&self) -> Vec<String> {
        self.columns
            .iter()
            .filter(|c| c.choice == Choice::Notes)
            .map(|c| c.header.clone())
            .collect()
    }
}

/// A value imported but not as a plain value: kept as typed, in the notes, or read with a
/// guess the user should check.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Flag {
    /// 1-based row number in the sheet (as a spreadsheet numbers it).
    pub row: usize,
    /// The record's name.
    pub record: String,
    /// The column's header.
    pub column: String,
    /// The cell as written.
    pub value: String,
    pub message: Text,
}

/// What reading a sheet gives: the records, and what to check.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableRead {
    pub data: Dataset,
    pub flags: Vec<Flag>,
}

fn row_error_at(row: usize, column: &str, value: &str, msg: &Text) -> Text {
    let v: String = value.chars().take(40).collect();
    Text::new(
        &format!("第 {row} 行「{column}」（{v}）：{}", msg.zh),
        &format!("Row {row}, “{column}” (“{v}”): {}", msg.en),
    )
}

/// A cell prepared for reading: the cell as the file typed it, and its text.
struct Value<'a> {
    cell: &'a Cell,
    text: String,
}

/// One row of the sheet, read through the mapping.
struct MappedRow<'a> {
    mapping: &'a Mapping,
    cells: Vec<Value<'a>>,
    /// 1-based sheet row.
    n: usize,
    semicolon: bool,
}

const EMPTY: Cell = Cell::Empty;

impl<'a> MappedRow<'a> {
    fn col(&self, key: &str) -> Option<usize> {
        self.mapping
            .columns
            .iter()
            .position(|c| matches!(c.choice, Choice::Field(k) if k == key))
    }

    fn has(&self, key: &str) -> bool {
        self.col(key).is_some()
    }

    /// The trimmed text of column `key` (empty when absent). Two columns the user took
    /// for the same field give both values, one per line.
    fn get(&self, key: &str) -> String {
        let mut out = String::new();
        for (c, v) in self.mapping.columns.iter().zip(&self.cells) {
            if matches!(c.choice, Choice::Field(k) if k == key) {
                let t = v.text.trim();
                if !t.is_empty() {
                    if !out.is_empty() {
                        out.push('\n');
                    }
                    out.push_str(t);
                }
            }
        }
        out
    }

    fn cell(&self, key: &str) -> &Cell {
        self.col(key)
            .and_then(|i| self.cells.get(i))
            .map(|v| v.cell)
            .unwrap_or(&EMPTY)
    }

    fn header(&self, key: &str) -> String {
        self.col(key)
            .map(|i| self.mapping.columns[i].header.clone())
            .unwrap_or_else(|| key.to_string())
    }

    /// An amount cell ready for the amount reader: a bare number gets the header's unit;
    /// a decimal comma of a `;` file becomes a point.
    fn amount(&self, key: &str) -> String {
        self.amount_in(key, None)
    }

    /// [`MappedRow::amount`], a bare number under a header with no unit taking `default`
    /// (公顷 for a zone's approved area, the catalogue's unit).
    fn amount_in(&self, key: &str, default: Option<&str>) -> String {
        let Some(i) = self.col(key) else {
            return String::new();
        };
        let unit = self.mapping.columns[i].unit.as_deref().or(default);
        let text = match self.cells.get(i) {
            Some(Value {
                cell: Cell::Number(n),
                ..
            }) => number_text(*n),
            Some(v) => v.text.trim().to_string(),
            None => String::new(),
        };
        let mut t = to_half_width(&text);
        if self.semicolon && t.matches(',').count() == 1 && !t.contains('.') {
            t = t.replace(',', ".");
        }
        let bare = !t.is_empty()
            && t.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' '));
        match unit {
            Some(u) if bare => format!("{t}{u}"),
            _ if bare => t,
            _ => text,
        }
    }

    /// The `header: value` lines of the columns kept in the notes.
    fn note_lines(&self) -> Vec<String> {
        self.mapping
            .columns
            .iter()
            .zip(&self.cells)
            .filter(|(c, v)| c.choice == Choice::Notes && !v.text.trim().is_empty())
            .map(|(c, v)| {
                let h = if c.header.is_empty() { "?" } else { &c.header };
                format!("{h}: {}", v.text.trim())
            })
            .collect()
    }

    /// A date cell: a workbook date, an Excel serial, a `1988.06` month written as a
    /// number, or text [`read_cell_date`] reads. `Err` keeps the text for a flag.
    fn date(&self, key: &str) -> Result<Option<CellDate>, String> {
        let text = self.get(key);
        match self.cell(key) {
            Cell::Date(d) => Ok(Some(CellDate::Day(d.clone()))),
            Cell::Number(n) => {
                // A number cell: an Excel serial (five digits), `202308` / `20230824`, or
                // a month typed as a number (`1988.06`). `2006.1` is October typed as
                // `2006.10` or January: not guessed.
                let t = number_text(*n);
                let one_decimal = t.split_once('.').is_some_and(|(_, f)| f.len() == 1);
                if one_decimal {
                    return Err(t);
                }
                read_cell_date(&t).map(Some).ok_or(t)
            }
            _ if text.is_empty() => Ok(None),
            _ => read_cell_date(&text).map(Some).ok_or(text),
        }
    }
}

/// Stage words of ledgers, with whether the word says more than the stage (kept in the
/// notes): 意向 / 线索 → lead; 接洽 / 已对接 → contacted; 在谈 / 洽谈中 → negotiating;
/// 已签约 / 签约 → signed; 已注册 / 已备案 / 完成报批 → signed (kept); 已开工 / 在建 →
/// started; 已投产 / 已竣工 → operating; and their English.
const STAGE_WORDS: &[(&str, Stage, bool)] = &[
    ("意向", Stage::Lead, false),
    ("线索", Stage::Lead, false),
    ("有意向", Stage::Lead, false),
    ("初步意向", Stage::Lead, false),
    ("储备", Stage::Lead, false),
    ("lead", Stage::Lead, false),
    ("接洽", Stage::Contacted, false),
    ("已接洽", Stage::Contacted, false),
    ("已对接", Stage::Contacted, false),
    ("对接中", Stage::Contacted, false),
    ("初步接洽", Stage::Contacted, false),
    ("已考察", Stage::Contacted, true),
    ("contacted", Stage::Contacted, false),
    ("在谈", Stage::Negotiating, false),
    ("洽谈中", Stage::Negotiating, false),
    ("洽谈", Stage::Negotiating, false),
    ("正在洽谈", Stage::Negotiating, false),
    ("在洽谈", Stage::Negotiating, false),
    ("谈判中", Stage::Negotiating, false),
    ("negotiating", Stage::Negotiating, false),
    ("innegotiation", Stage::Negotiating, false),
    ("已签约", Stage::Signed, false),
    ("签约", Stage::Signed, false),
    ("已签", Stage::Signed, false),
    ("已签订", Stage::Signed, false),
    ("signed", Stage::Signed, false),
    ("已注册", Stage::Signed, true),
    ("已备案", Stage::Signed, true),
    ("完成报批", Stage::Signed, true),
    ("已落地", Stage::Signed, true),
    ("已开工", Stage::Started, false),
    ("开工", Stage::Started, false),
    ("在建", Stage::Started, false),
    ("建设中", Stage::Started, false),
    ("started", Stage::Started, false),
    ("constructionstarted", Stage::Started, false),
    ("underconstruction", Stage::Started, false),
    ("已投产", Stage::Operating, false),
    ("投产", Stage::Operating, false),
    ("已竣工", Stage::Operating, false),
    ("竣工", Stage::Operating, false),
    ("运营", Stage::Operating, false),
    ("operating", Stage::Operating, false),
    ("inoperation", Stage::Operating, false),
];

/// A stage word as the app writes it or as [`STAGE_WORDS`] lists it, exactly (the stage
/// history cell is read with this alone).
fn exact_stage_word(s: &str) -> Option<(Stage, bool)> {
    let f = fold_header(s);
    if f.is_empty() {
        return Some((Stage::Lead, false));
    }
    if let Some(st) = Stage::ALL.into_iter().find(|st| {
        fold_header(stage_label(*st, Lang::Zh)) == f
            || fold_header(stage_label(*st, Lang::En)) == f
            || fold_header(&format!("{st:?}")) == f
    }) {
        return Some((st, false));
    }
    STAGE_WORDS
        .iter()
        .find(|(w, _, _)| fold_header(w) == f)
        .map(|(_, st, keep)| (*st, *keep))
}

/// A stage word of a ledger: the stage, and whether the word is kept in the notes (it
/// says more than the stage). `None` for a word not known.
pub fn stage_word(s: &str) -> Option<(Stage, bool)> {
    let f = fold_header(s);
    if let Some(found) = exact_stage_word(s) {
        return Some(found);
    }
    // Longer phrases (已签约待开工, 已投产运营, 拟签约): the furthest stage reached that
    // the phrase names, not one it says is still to come (待, 拟, 未). Kept in the notes.
    let not_yet = |w: &str| {
        ["待", "拟", "未", "将", "计划"]
            .iter()
            .any(|n| f.contains(&format!("{n}{w}")))
    };
    let stages = [
        ("投产", Stage::Operating),
        ("竣工", Stage::Operating),
        ("开工", Stage::Started),
        ("在建", Stage::Started),
        ("签约", Stage::Signed),
        ("签订", Stage::Signed),
        ("洽谈", Stage::Negotiating),
        ("在谈", Stage::Negotiating),
        ("对接", Stage::Contacted),
        ("接洽", Stage::Contacted),
    ];
    let reached = stages
        .iter()
        .find(|(w, _)| f.contains(w) && !not_yet(w))
        .map(|(_, st)| *st);
    match reached {
        Some(st) => Some((st, true)),
        // Only a stage still to come: the talks are on.
        None if stages.iter().any(|(w, _)| f.contains(w)) => Some((Stage::Negotiating, true)),
        None => None,
    }
}

/// A standing written where the stage goes (暂缓, 搁置, 流失): the standing.
fn standing_word(s: &str) -> Option<Standing> {
    let f = fold_header(s);
    if ["暂缓", "搁置", "暂停", "onhold", "paused"]
        .iter()
        .any(|w| f.contains(w))
    {
        Some(Standing::Paused)
    } else if ["流失", "放弃", "终止", "lost", "dropped"]
        .iter()
        .any(|w| f.contains(w))
    {
        Some(Standing::Lost)
    } else {
        None
    }
}

/// Zone kinds as tables name them.
fn kind_word(s: &str) -> Option<ZoneKind> {
    let f = fold_header(s);
    if f.is_empty() {
        return Some(ZoneKind::Other);
    }
    if let Some(k) = ZoneKind::ALL.into_iter().find(|k| {
        fold_header(kind_label(*k, Lang::Zh)) == f
            || fold_header(kind_label(*k, Lang::En)) == f
            || fold_header(&format!("{k:?}")) == f
    }) {
        return Some(k);
    }
    if f.contains("高新") || f.contains("hightech") {
        Some(ZoneKind::HighTech)
    } else if f.contains("经济技术开发区")
        || f.contains("经济开发区")
        || f.contains("经开区")
        || f.contains("economic")
    {
        Some(ZoneKind::EconomicTechnological)
    } else if f.contains("示范区") || f.contains("demonstration") {
        Some(ZoneKind::Demonstration)
    } else if f.contains("园区")
        || f.contains("开发区")
        || f.contains("工业")
        || f.contains("保税")
        || f.contains("海关")
        || f.contains("park")
    {
        Some(ZoneKind::Other)
    } else {
        None
    }
}

/// A zone's kind from its name, when the table has no kind column.
fn kind_from_name(name: &str) -> ZoneKind {
    if name.contains("高新") {
        ZoneKind::HighTech
    } else if name.contains("经济技术开发区") || name.contains("经开区") {
        ZoneKind::EconomicTechnological
    } else if name.contains("示范区") {
        ZoneKind::Demonstration
    } else {
        ZoneKind::Other
    }
}

/// `national`, `provincial`, or `None` for a level not known.
fn level_word(s: &str) -> Option<&'static str> {
    let f = fold_header(s);
    if f.is_empty() {
        Some("")
    } else if f.starts_with("国家") || f == "national" || f == "国家级" {
        Some("national")
    } else if f.starts_with("省") || f == "provincial" {
        Some("provincial")
    } else {
        None
    }
}

fn flag(row: &MappedRow, record: &str, key: &str, value: &str, msg: Text) -> Flag {
    Flag {
        row: row.n,
        record: record.to_string(),
        column: row.header(key),
        value: value.to_string(),
        message: msg,
    }
}

/// Rows of the sheet below the header that hold anything, with their 1-based numbers.
fn data_rows<'a>(
    sheet: &'a Sheet,
    mapping: &'a Mapping,
) -> impl Iterator<Item = (usize, &'a Vec<Cell>)> + 'a {
    sheet
        .rows
        .iter()
        .enumerate()
        .skip(mapping.header_row + 1)
        .filter(|(_, r)| r.iter().any(|c| !c.is_blank()))
        .map(|(i, r)| (i + 1, r))
}

/// The records of `sheet` read through `mapping`, checked: all of them and what to check,
/// or every error (capped at 50). Zone rows apply over the zones in `current` (same id),
/// so what the table does not hold is kept. `now` (ISO 8601) stamps the capture time of
/// prospect rows that have none.
///
/// # Errors
/// A table with no rows or without a name column; per row: no name (nor industry, for
/// prospects), a duplicate id, a row longer than the header with values past it, values
/// the app's own columns cannot take (`厂房为必需` other than yes/no, a zone's occupancy
/// over 100 %, an unreadable stage history), each naming the row, the column and the
/// value.
pub fn read_records(
    current: &Dataset,
    sheet: &Sheet,
    mapping: &Mapping,
    now: &str,
) -> Result<TableRead, Vec<Text>> {
    let keys: Vec<&str> = mapping
        .columns
        .iter()
        .filter_map(|c| match c.choice {
            Choice::Field(k) => Some(k),
            _ => None,
        })
        .collect();
    let required: &[&str] = match mapping.target {
        Target::Prospects => &["name", "project", "industry", "code_name"],
        Target::Zones => &["name_zh", "name_en", "id", "code"],
    };
    if !required.iter().any(|r| keys.contains(r)) {
        let labels: Vec<String> = required.iter().map(|k| field_label(k, Lang::Zh)).collect();
        let labels_en: Vec<String> = required.iter().map(|k| field_label(k, Lang::En)).collect();
        return Err(vec![Text::new(
            &format!(
                "没有可识别的名称列：请在对应关系中指定哪一列是{}",
                labels.join("、")
            ),
            &format!(
                "No column was recognised as a name: choose which column holds the {}",
                labels_en.join(", ")
            ),
        )]);
    }
    let width = mapping.columns.len();
    let semicolon = sheet.separator == Some(';');
    let mut out = TableRead::default();
    let mut errors: Vec<Text> = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for (n, cells) in data_rows(sheet, mapping) {
        if let Some((extra, c)) = cells
            .iter()
            .enumerate()
            .skip(width)
            .find(|(_, c)| !c.is_blank())
        {
            errors.push(row_error_at(
                n,
                &format!("#{}", extra + 1),
                &c.text(),
                &Text::new(
                    "这一行的列数多于表头",
                    "the row has more cells than the header",
                ),
            ));
            continue;
        }
        if let Some((col, word)) = summary_row(cells) {
            out.flags.push(Flag {
                row: n,
                record: String::new(),
                column: mapping
                    .columns
                    .get(col)
                    .map(|c| c.header.clone())
                    .unwrap_or_default(),
                value: word,
                message: Text::new(
                    "合计行或分组标题行，不导入",
                    "a total or section row: not imported",
                ),
            });
            continue;
        }
        let row = MappedRow {
            mapping,
            cells: cells
                .iter()
                .map(|c| Value {
                    cell: c,
                    text: c.text(),
                })
                .collect(),
            n,
            semicolon,
        };
        let result = match mapping.target {
            Target::Prospects => prospect_row(&row, now, &mut out.flags)
                .map(|mut p| {
                    // The same company twice with no id of its own (一期, 二期): the
                    // second row is its own prospect, numbered in the file's order.
                    if row.get("id").is_empty() && ids.contains(&p.id) {
                        let base = p.id.clone();
                        let mut k = 2;
                        while ids.contains(&format!("{base}-{k}")) {
                            k += 1;
                        }
                        p.id = format!("{base}-{k}");
                    }
                    p
                })
                .map(|p| match current.prospects.iter().find(|c| c.id == p.id) {
                    Some(here) => keep_unstated(&row, here, p, now),
                    None => p,
                })
                .map(|p| (p.id.clone(), Record::P(Box::new(p)))),
            Target::Zones => zone_row(&row, &current.zones, &mut out.flags)
                .map(|z| (z.id.clone(), Record::Z(Box::new(z)))),
        };
        match result {
            Ok((id, record)) => {
                if !ids.insert(id.clone()) {
                    let (column, value) = if row.get("id").is_empty() {
                        let key = ["name_zh", "name_en", "code"]
                            .into_iter()
                            .find(|k| row.has(k))
                            .unwrap_or("name_zh");
                        (row.header(key), row.get(key))
                    } else {
                        (row.header("id"), id)
                    };
                    errors.push(row_error_at(
                        n,
                        &column,
                        &value,
                        &Text::new(
                            "与前面的一行是同一条记录",
                            "the same record as an earlier row",
                        ),
                    ));
                    continue;
                }
                match record {
                    Record::P(p) => out.data.prospects.push(*p),
                    Record::Z(z) => out.data.zones.push(*z),
                }
            }
            Err(e) => errors.extend(e),
        }
        if errors.len() >= MAX_ERRORS {
            break;
        }
    }
    if errors.is_empty() && out.data.prospects.is_empty() && out.data.zones.is_empty() {
        errors.push(Text::new(
            "表格中没有数据行",
            "The table has no rows below its header",
        ));
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        errors.truncate(MAX_ERRORS);
        Err(errors)
    }
}

/// A row that is not a record: a total (合计, 小计, 总计) in its first filled cell, or a
/// section title (`一、签约项目`, `（二）在谈项目`) alone in its row. The column and the
/// word, for the flag.
fn summary_row(cells: &[Cell]) -> Option<(usize, String)> {
    let filled: Vec<(usize, String)> = cells
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.is_blank())
        .map(|(i, c)| (i, c.text().trim().to_string()))
        .collect();
    let (col, first) = filled.first()?.clone();
    let f = fold_header(&first);
    let total = [
        "合计",
        "小计",
        "总计",
        "累计",
        "总合计",
        "total",
        "subtotal",
        "grandtotal",
    ]
    .contains(&f.as_str());
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let section = filled.len() == 1 && {
        let t = first.trim_start_matches(['(', '（']);
        let head: String = t.chars().take_while(|c| numeral(*c)).collect();
        !head.is_empty() && t[head.len()..].starts_with(['、', '.', '．', ')', '）'])
    };
    (total || section).then_some((col, first))
}

enum Record {
    P(Box<Prospect>),
    Z(Box<Zone>),
}

fn push_line(notes: &mut String, line: &str) {
    if line.is_empty() {
        return;
    }
    if !notes.is_empty() {
        notes.push('\n');
    }
    notes.push_str(line);
}

/// A row for a prospect already here (same id): what the file does not state (a column
/// it lacks) keeps the value here, so importing a ledger again changes only what changed
/// in it. The capture time and stage history stay; a new stage is a move on that history.
fn keep_unstated(row: &MappedRow, here: &Prospect, mut p: Prospect, now: &str) -> Prospect {
    let has = |k: &str| row.has(k);
    if !has("name") && !has("project") {
        p.name = here.name.clone();
    }
    if !has("code_name") {
        p.code_name = here.code_name.clone();
    }
    if !has("industry") {
        p.industry = here.industry.clone();
    }
    if !has("products") {
        p.products = here.products.clone();
    }
    if !has("investment_wan") && !has("investment_text") {
        p.investment_wan = here.investment_wan;
        p.investment_text = here.investment_text.clone();
    }
    if !has("factory_m2") && !has("factory_text") {
        p.factory_m2 = here.factory_m2;
        p.factory_text = here.factory_text.clone();
    }
    if !has("land_mu") && !has("land_text") {
        p.land_mu = here.land_mu;
        p.land_text = here.land_text.clone();
    }
    if !has("jobs") {
        p.jobs = here.jobs;
    }
    if !has("origin") {
        p.origin = here.origin.clone();
    }
    if !has("zone_id") {
        p.zone_id = here.zone_id.clone();
    }
    if !has("must_factory") {
        p.must_have.factory = here.must_have.factory;
    }
    if !has("must_land") {
        p.must_have.land = here.must_have.land;
    }
    if !has("standing") {
        p.standing = here.standing;
        p.standing_reason = here.standing_reason.clone();
    }
    // Notes: the lines here, then the file's lines not already among them.
    let mut notes = if has("notes") {
        String::new()
    } else {
        here.notes.clone()
    };
    for line in p.notes.lines() {
        if !notes.lines().any(|l| l == line) {
            push_line(&mut notes, line);
        }
    }
    p.notes = notes;
    if !has("created") {
        p.created = here.created.clone();
    }
    if !has("history") {
        let stage = p.stage;
        let stage_from_file = has("stage");
        let mut kept = here.clone();
        if stage_from_file && stage != kept.stage {
            // The day the file gives for the stage (签约日期), else today.
            let day = p
                .reached(stage)
                .filter(|d| !d.is_empty())
                .map(String::from)
                .or_else(|| crate::dates::beijing_date(now))
                .unwrap_or_default();
            kept.move_to(stage, &day);
        }
        p.stage = kept.stage;
        p.stage_history = kept.stage_history;
    }
    p.extra = here.extra.clone();
    p.must_have.extra = here.must_have.extra.clone();
    p
}

/// One prospect row.
fn prospect_row(row: &MappedRow, now: &str, flags: &mut Vec<Flag>) -> Result<Prospect, Vec<Text>> {
    let n = row.n;
    let mut errors = Vec::new();
    let project = row.get("project");
    let name = match row.get("name") {
        s if s.is_empty() => project.clone(),
        s => s,
    };
    let record = if name.is_empty() {
        row.get("industry")
    } else {
        name.clone()
    };
    let mut extra_notes: Vec<String> = Vec::new();
    if !project.is_empty() && project != name {
        extra_notes.push(format!("{}: {project}", row.header("project")));
    }
    let stage_cell = row.get("stage");
    let stage = match stage_word(&stage_cell) {
        Some((st, keep)) => {
            if keep {
                extra_notes.push(format!("{}: {stage_cell}", row.header("stage")));
            }
            st
        }
        None if standing_word(&stage_cell).is_some() => {
            extra_notes.push(format!("{}: {stage_cell}", row.header("stage")));
            Stage::Lead
        }
        None => {
            extra_notes.push(format!("{}: {stage_cell}", row.header("stage")));
            flags.push(flag(
                row,
                &record,
                "stage",
                &stage_cell,
                Text::new(
                    "无法识别的阶段，按“线索”导入，原文记入备注",
                    "stage not known: imported as lead, the word kept in the notes",
                ),
            ));
            Stage::Lead
        }
    };
    let mut yes_no = |key: &str| {
        let cell = row.get(key);
        parse_bool(&cell).unwrap_or_else(|| {
            errors.push(row_error_at(
                n,
                &row.header(key),
                &cell,
                &Text::new("请填“是”或“否”", "use yes or no"),
            ));
            false
        })
    };
    let (must_factory, must_land) = (yes_no("must_factory"), yes_no("must_land"));
    // The app's own columns: a value they cannot take is an error naming the cell.
    let mut strict = |key: &str, msg: Text| {
        errors.push(row_error_at(n, &row.header(key), &row.get(key), &msg));
    };
    let standing = parse_standing(&row.get("standing")).unwrap_or_else(|| {
        strict(
            "standing",
            Text::new("无法识别的跟进状态", "unknown standing"),
        );
        Standing::Active
    });
    let history = parse_history(&row.get("history")).unwrap_or_else(|| {
        strict(
            "history",
            Text::new("无法识别的阶段记录", "unreadable stage history"),
        );
        Vec::new()
    });
    let mut stage_dates = Vec::new();
    for (st, key) in [
        (Stage::Signed, "signed_date"),
        (Stage::Started, "started_date"),
        (Stage::Operating, "operating_date"),
    ] {
        match row.date(key) {
            Ok(None) => {}
            Ok(Some(CellDate::Day(d))) => stage_dates.push((st, key, d)),
            Ok(Some(CellDate::Month(m))) => {
                flags.push(flag(
                    row,
                    &record,
                    key,
                    &row.get(key),
                    Text::new(
                        "只有年月，没有日：记为当月 1 日",
                        "a month with no day: recorded as the 1st",
                    ),
                ));
                stage_dates.push((st, key, format!("{m}-01")));
            }
            Err(text) => {
                extra_notes.push(format!("{}: {text}", row.header(key)));
                flags.push(flag(
                    row,
                    &record,
                    key,
                    &text,
                    Text::new(
                        "无法读作日期（年、月、日可能颠倒），原文记入备注",
                        "not read as a date (day and month could be swapped): kept in the notes",
                    ),
                ));
            }
        }
    }
    for key in ["contact", "phone"] {
        let v = row.get(key);
        if !v.is_empty() {
            extra_notes.push(format!("{}: {v}", row.header(key)));
        }
    }

    extra_notes.extend(row.note_lines());
    let draft = ProspectDraft {
        name: name.clone(),
        industry: row.get("industry"),
        products: row.get("products"),
        investment: row.amount("investment_wan"),
        factory: row.amount("factory_m2"),
        land: row.amount("land_mu"),
        jobs: row.amount("jobs"),
        origin: row.get("origin"),
        notes: row.get("notes"),
        stage,
        must_factory,
        must_land,
        code_name: row.get("code_name"),
    };
    for (field, key) in [
        (AmountField::Money, "investment_wan"),
        (AmountField::Area, "factory_m2"),
        (AmountField::Land, "land_mu"),
        (AmountField::Count, "jobs"),
    ] {
        let typed = row.amount(key);
        let msg = match read_amount(&typed, field) {
            Ok(Some(Amount::Foreign { currency, .. })) => Some(Text::new(
                &format!("外币金额（{currency}）按原文保留，不折算为万元，请核对"),
                &format!("money in {currency}: kept as entered, not converted to 万元; check it"),
            )),
            Err(_) => Some(Text::new(
                "无法读取的数额：按原文保留，标记待核对",
                "amount not read: kept as written and marked for review",
            )),
            Ok(_) => None,
        };
        if let Some(msg) = msg {
            flags.push(flag(row, &record, key, &row.get(key), msg));
        }
    }
    let id = match row.get("id") {
        id if id.is_empty() => stable_id(
            "p-csv",
            &[&draft.name, &draft.industry, &draft.origin, &project],
        ),
        id => id,
    };
    let created = match row.get("created") {
        c if c.is_empty() => now.to_string(),
        c => c,
    };
    let mut p = match draft.to_prospect(&id, &created) {
        Ok(p) => p,
        Err(e) => {
            errors.extend(
                e.into_iter()
                    .map(|(_, msg)| row_error_at(n, &row.header("name"), &name, &msg)),
            );
            return Err(errors);
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    for line in &extra_notes {
        push_line(&mut p.notes, line);
    }
    p.zone_id = row.get("zone_id");
    // As typed, where the amount column gave no value (the app's own export keeps them).
    for (text, read, key) in [
        (
            &mut p.investment_text,
            p.investment_wan.is_some(),
            "investment_text",
        ),
        (&mut p.factory_text, p.factory_m2.is_some(), "factory_text"),
        (&mut p.land_text, p.land_mu.is_some(), "land_text"),
    ] {
        let cell = row.get(key);
        if !read && !cell.is_empty() {
            *text = cell;
        }
    }
    p.standing = standing;
    if !row.has("standing") || row.get("standing").is_empty() {
        if let Some(st) = standing_word(&stage_cell) {
            p.standing = st;
        }
    }
    if p.standing != Standing::Active {
        p.standing_reason = row.get("standing_reason");
    }
    p.stage_history = history;
    if p.stage_history.is_empty() && !stage_dates.is_empty() {
        // A ledger kept elsewhere: 线索 at capture, then the dates it gives. A date of a
        // stage not reached yet (a planned signing) is kept in the notes.
        // The day of first contact is not in the file: today's capture is a lead date
        // only when no stage it gives came earlier.
        let captured = p.captured_date().unwrap_or_default();
        let earliest = stage_dates.iter().map(|(_, _, d)| d.as_str()).min();
        let lead_day = match earliest {
            Some(first) if first < captured.as_str() => String::new(),
            _ => captured,
        };
        p.stage_history.push(mark(Stage::Lead, lead_day));
        for (st, key, date) in stage_dates {
            if st.index() <= p.stage.index() {
                p.stage_history.push(mark(st, date));
            } else {
                push_line(&mut p.notes, &format!("{}: {date}", row.header(key)));
            }
        }
        // The stage the file states, undated when it gives no day for it.
        if p.stage_history.last().map(|m| m.stage) != Some(p.stage) {
            p.stage_history.push(mark(p.stage, String::new()));
        }
    }
    Ok(p)
}

/// The clusters named in a 主导产业 cell: `电子信息、新材料、生物医药` (also `，` `,` `;`
/// `；` `/` and line breaks), each a cluster with its Chinese name; a cluster already in
/// `existing` with the same name keeps its chain links and codes.
pub fn leading_clusters(cell: &str, existing: &[Cluster]) -> Vec<Cluster> {
    let mut out: Vec<Cluster> = Vec::new();
    for part in cell.split(['、', '，', ',', ';', '；', '/', '\n']) {
        let name = part.trim();
        if name.is_empty() || out.iter().any(|c| c.name.zh == name) {
            continue;
        }
        out.push(
            existing
                .iter()
                .find(|c| c.name.zh == name)
                .cloned()
                .unwrap_or_else(|| Cluster {
                    name: Text::new(name, ""),
                    ..Default::default()
                }),
        );
    }
    out
}

/// One zone row.
fn zone_row(row: &MappedRow, existing: &[Zone], flags: &mut Vec<Flag>) -> Result<Zone, Vec<Text>> {
    let n = row.n;
    let mut errors = Vec::new();
    let name_zh = row.get("name_zh");
    let record = if name_zh.is_empty() {
        row.get("name_en")
    } else {
        name_zh.clone()
    };
    let kind_cell = row.get("kind");
    let kind = match kind_word(&kind_cell) {
        Some(k) if row.has("kind") => Some(k),
        Some(_) => None,
        None => {
            flags.push(flag(
                row,
                &record,
                "kind",
                &kind_cell,
                Text::new(
                    "无法识别的园区类型，按名称判断，原文记入简介",
                    "zone kind not known: taken from the name, the word kept in the summary",
                ),
            ));
            None
        }
    };
    let code = row.get("code");
    let id = match row.get("id") {
        id if id.is_empty() && !code.is_empty() => format!("zone-{}", code.to_lowercase()),
        id if id.is_empty() => stable_id("zone-csv", &[&name_zh, &row.get("name_en")]),
        id => id,
    };
    let base = existing
        .iter()
        .find(|z| z.id == id)
        .cloned()
        .unwrap_or_else(|| Zone {
            id: id.clone(),
            ..Default::default()
        });
    // Keep what the table does not hold: an absent column is the current value.
    let current = ZoneDraft::from_zone(&base);
    let pick = |key: &str, cur: &str| {
        if row.has(key) {
            row.get(key)
        } else {
            cur.to_string()
        }
    };
    let amount = |key: &str, cur: &str| {
        if row.has(key) {
            row.amount(key)
        } else {
            cur.to_string()
        }
    };
    let mut location = pick("location_zh", &current.location_zh);
    let province = row.get("province");
    if !province.is_empty() && !location.starts_with(&province) {
        location = format!("{province}{location}");
    }
    let draft = ZoneDraft {
        name_zh: pick("name_zh", &current.name_zh),
        name_en: pick("name_en", &current.name_en),
        kind: kind.unwrap_or(if row.has("kind") || base.kind != ZoneKind::Other {
            base.kind
        } else {
            kind_from_name(&name_zh)
        }),
        location_zh: location,
        location_en: pick("location_en", &current.location_en),
        summary_zh: pick("summary_zh", &current.summary_zh),
        summary_en: pick("summary_en", &current.summary_en),
        clusters: pick("clusters", &current.clusters),
        available_m2: amount("available_m2", &current.available_m2),
        built_m2: amount("built_m2", &current.built_m2),
        planned_m2: amount("planned_m2", &current.planned_m2),
        occupancy_pct: amount("occupancy_pct", &current.occupancy_pct),
        land_mu: amount("land_mu", &current.land_mu),
        min_investment: amount("min_investment_wan", &current.min_investment),
        min_intensity: amount("min_intensity", &current.min_intensity),
        as_of: pick("as_of", &current.as_of),
        restricted: pick("restricted", &current.restricted),
    };
    let mut z = match draft.apply(&base) {
        Ok(z) => z,
        Err(e) => {
            errors.extend(e.into_iter().map(|(field, msg)| {
                let key = format!("{field:?}").to_lowercase();
                row_error_at(n, &row.header(&key), &row.get(&key), &msg)
            }));
            return Err(errors);
        }
    };
    if row.has("leading") {
        z.clusters = leading_clusters(&row.get("leading"), &base.clusters);
    }
    if !code.is_empty() {
        z.catalogue_code = code.to_uppercase();
    }
    let level_cell = row.get("level");
    match level_word(&level_cell) {
        Some("") => {}
        Some(l) => z.level = l.to_string(),
        None => flags.push(flag(
            row,
            &record,
            "level",
            &level_cell,
            Text::new(
                "无法识别的级别（应为国家级或省级），原文记入简介",
                "level not known (national or provincial expected): kept in the summary",
            ),
        )),
    }
    match row.date("approved") {
        Ok(None) => {}
        // Kept as a month, as the catalogue states it, whatever the cell gives.
        Ok(Some(CellDate::Day(d) | CellDate::Month(d))) => {
            z.approved = d.chars().take(7).collect();
        }
        Err(text) => flags.push(flag(
            row,
            &record,
            "approved",
            &text,
            Text::new(
                "无法读作年月，原文记入简介",
                "not read as a month: kept in the summary",
            ),
        )),
    }
    if row.has("approved_area_ha") {
        let cell = row.get("approved_area_ha");
        let typed = row.amount_in("approved_area_ha", Some("公顷"));
        match read_amount(&typed, AmountField::Land) {
            Ok(None) => {}
            Ok(Some(a)) => {
                let ha = a.value() / 15.0;
                z.approved_area_ha = Some((ha * 1e6).round() / 1e6);
            }
            Err(_) => flags.push(flag(
                row,
                &record,
                "approved_area_ha",
                &cell,
                Text::new(
                    "无法读取的面积，原文记入简介",
                    "area not read: kept in the summary",
                ),
            )),
        }
    }
    // Unknown words and columns the app has no field for: in the Chinese summary.
    let mut lines = row.note_lines();
    for f in flags.iter().filter(|f| f.row == n) {
        lines.push(format!("{}: {}", f.column, f.value));
    }
    for line in lines {
        if !z.summary.zh.contains(&line) {
            let mut s = z.summary.zh.clone();
            push_line(&mut s, &line);
            z.summary.zh = s;
        }
    }
    Ok(z)
}

/// What the mapping step shows of one sheet, worked out where the table is read (in the
/// browser, the workbook worker, so the app's own wasm carries no header tables) and
/// sent to the app as JSON.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SheetProposal {
    pub name: String,
    /// 0-based row of the header (the rows above are titles).
    pub header_row: usize,
    /// The key a confirmed mapping is remembered under ([`mapping_key`]).
    pub key: String,
    /// The header of each column.
    pub headers: Vec<String>,
    /// The unit each column's header gives (`万元`, `亩`; empty when none).
    pub units: Vec<String>,
    /// Up to three sample values of each column.
    pub samples: Vec<Vec<String>>,
    /// The target the app proposes ([`Target::key`]).
    pub target: String,
    /// The proposed choice of each column ([`Choice::key`]), per target in the order of
    /// [`Target::ALL`].
    pub choices: Vec<Vec<String>>,
    /// The keys a column may take, per target in the order of [`Target::ALL`].
    pub fields: Vec<Vec<String>>,
    /// How many columns name a field: the sheet naming the most is shown first.
    pub named: usize,
}

/// The mapping step's view of every sheet of a table.
pub fn propose(sheets: &[Sheet]) -> Vec<SheetProposal> {
    sheets
        .iter()
        .map(|sheet| {
            let guess = guess_mapping(sheet);
            // The proposed target's mapping is the guess; the other one is made once.
            let mappings: Vec<Mapping> = Target::ALL
                .iter()
                .map(|t| {
                    if *t == guess.target {
                        guess.clone()
                    } else {
                        mapping_at(sheet, *t, guess.header_row)
                    }
                })
                .collect();
            SheetProposal {
                name: sheet.name.clone(),
                header_row: guess.header_row,
                key: mapping_key(sheet, guess.header_row),
                headers: guess.columns.iter().map(|c| c.header.clone()).collect(),
                units: guess
                    .columns
                    .iter()
                    .map(|c| c.unit.clone().unwrap_or_default())
                    .collect(),
                samples: (0..guess.columns.len())
                    .map(|i| guess.samples(sheet, i, 3))
                    .collect(),
                target: guess.target.key().to_string(),
                choices: mappings
                    .iter()
                    .map(|m| m.to_keys().into_iter().skip(1).collect())
                    .collect(),
                fields: Target::ALL
                    .iter()
                    .map(|t| choosable(*t).into_iter().map(String::from).collect())
                    .collect(),
                named: if sheet.is_empty() {
                    0
                } else {
                    guess
                        .columns
                        .iter()
                        .filter(|c| matches!(c.choice, Choice::Field(_)))
                        .count()
                        + 1
                },
            }
        })
        .collect()
}

/// The records of `sheet` read with the choices the user confirmed (`keys`: the target
/// key, then one [`Choice::key`] per column, as [`Mapping::to_keys`] writes them).
///
/// # Errors
/// Choices that do not fit the sheet (another number of columns, a key not known), or
/// what [`read_records`] refuses.
pub fn read_chosen(
    current: &Dataset,
    sheet: &Sheet,
    keys: &[String],
    now: &str,
) -> Result<TableRead, Vec<Text>> {
    let mapping = Mapping::from_keys(sheet, keys).ok_or_else(|| {
        vec![Text::new(
            "列的对应关系与表格不符，请重新打开文件",
            "The column choices do not fit the table: open the file again",
        )]
    })?;
    read_records(current, sheet, &mapping, now)
}

/// [`TableRead`] as the workbook worker sends it to the app: the records as a ZoneMatch
/// JSON file ([`crate::transfer::export_json`]), so the app reads them with the reader it
/// has for files anyway, and the flags.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ReadReply {
    pub records: String,
    pub flags: Vec<Flag>,
}

impl TableRead {
    /// The reply for the app (`now`: the export time written in the file).
    pub fn into_reply(self, now: &str) -> ReadReply {
        ReadReply {
            records: crate::transfer::export_json(&self.data, now),
            flags: self.flags,
        }
    }
}

/// The records of a text table (CSV, TSV or TXT, already decoded), with the mapping the
/// app proposes, as a dataset to preview and merge; zone rows apply over the zones in
/// `current`. What the preview flags is in [`read_text_table`].
pub fn read_table(current: &Dataset, text: &str, now: &str) -> Result<Dataset, Vec<Text>> {
    read_text_table(current, text, now).map(|r| r.data)
}

/// [`read_table`] with its flags.
pub fn read_text_table(current: &Dataset, text: &str, now: &str) -> Result<TableRead, Vec<Text>> {
    let sheet = text_sheet(text, "").map_err(|e| vec![e.message])?;
    if sheet.is_empty() {
        return Err(vec![Text::new("文件是空的", "The file is empty")]);
    }
    let mapping = guess_mapping(&sheet);
    read_records(current, &sheet, &mapping, now)
}

/// Which records a text table holds, by its headers; `None` when it names no field.
pub fn detect_table(text: &str) -> Option<Target> {
    let sheet = text_sheet(text, "").ok()?;
    let m = guess_mapping(&sheet);
    let headers = headers_at(&sheet, m.header_row);
    (recognised_count(&headers, m.target) > 0).then_some(m.target)
}

/// Prospects from a text table (see [`read_table`]).
pub fn prospects_from_csv(text: &str, now: &str) -> Result<Vec<Prospect>, Vec<Text>> {
    let sheet = text_sheet(text, "").map_err(|e| vec![e.message])?;
    let mapping = mapping_for(&sheet, Target::Prospects);
    read_records(&Dataset::default(), &sheet, &mapping, now).map(|r| r.data.prospects)
}

/// Zones from a text table, applied over `existing` (see [`read_table`]).
pub fn zones_from_csv(text: &str, existing: &[Zone]) -> Result<Vec<Zone>, Vec<Text>> {
    let sheet = text_sheet(text, "").map_err(|e| vec![e.message])?;
    let mapping = mapping_for(&sheet, Target::Zones);
    let current = Dataset {
        zones: existing.to_vec(),
        ..Default::default()
    };
    read_records(&current, &sheet, &mapping, "").map(|r| r.data.zones)
}

/// A short stable hash for ids of rows that have none, so re-importing the same row
/// updates it instead of adding a copy.
fn stable_id(prefix: &str, parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{prefix}-{h:012x}")
}

fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "" | "否" | "no" | "n" | "false" | "0" => Some(false),
        "是" | "yes" | "y" | "true" | "1" => Some(true),
        _ => None,
    }
}

/// A stage reached on `date`.
fn mark(stage: Stage, date: String) -> StageMark {
    StageMark {
        stage,
        date,
        ..Default::default()
    }
}

fn parse_standing(s: &str) -> Option<Standing> {
    let s = s.trim();
    if s.is_empty() {
        return Some(Standing::Active);
    }
    Standing::ALL.into_iter().find(|st| {
        st.label(Lang::Zh) == s
            || st.label(Lang::En).eq_ignore_ascii_case(s)
            || format!("{st:?}").eq_ignore_ascii_case(s)
    })
}

/// A stage history cell as [`history_cell`] writes it (stage names in either language,
/// `;` or `；` between marks, dates in any form [`crate::dates::parse_date`] reads).
fn parse_history(cell: &str) -> Option<Vec<StageMark>> {
    let mut marks = Vec::new();
    for item in cell.split([';', '；']) {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        let dated = item.rsplit_once(' ').and_then(|(label, date)| {
            let date = crate::dates::normalize_date(date)?;
            Some((exact_stage_word(label)?.0, date))
        });
        let (stage, date) = match dated {
            Some(d) => d,
            None => (exact_stage_word(item)?.0, String::new()),
        };
        marks.push(mark(stage, date));
    }
    Some(marks)
}
