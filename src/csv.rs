//! CSV for the people who live in Excel: prospect and zone tables out (UTF-8 with a byte
//! order mark, so Chinese Excel opens them correctly) and in (UTF-8 or GBK, decoded by
//! the caller), validated row by row, all or nothing.
//!
//! Cells that start with `=`, `+`, `-`, `@`, tab or carriage return are written with a
//! leading apostrophe, so a spreadsheet never runs them as formulas (CSV injection); the
//! apostrophe is removed again on import. A cell that itself starts with an apostrophe
//! gets one more, so `'=A1` comes back as `'=A1`.
//!
//! ```
//! use zonematch::csv::{parse_csv, write_csv};
//! let text = write_csv(&[vec!["名称".into(), "备注".into()], vec!["=1+1".into(), "a,b".into()]]);
//! assert!(text.starts_with('\u{feff}'));
//! assert!(text.contains("'=1+1"));
//! assert_eq!(parse_csv(&text).unwrap()[1], vec!["=1+1", "a,b"]);
//! ```

use crate::forms::ZoneDraft;
use crate::i18n::{kind_label, stage_label, Lang};
use crate::model::{Prospect, Stage, Text, Zone};
use crate::report::{BestZone, Label, MonthlyReport, BATCH};
use crate::sheet::{number_text, Cell, Sheet};

/// Largest CSV accepted (bytes of text): far above 10,000 prospects.
pub const MAX_CSV_BYTES: usize = 16 * 1024 * 1024;

fn needs_formula_guard(cell: &str) -> bool {
    matches!(
        cell.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\'')
    )
}

/// One cell as written: guarded against formula injection, quoted when needed.
pub fn escape_cell(cell: &str) -> String {
    let guarded = if needs_formula_guard(cell) {
        format!("'{cell}")
    } else {
        cell.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r'])
        || guarded.starts_with(' ')
        || guarded.ends_with(' ')
    {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// Rows as CSV text: UTF-8 byte order mark, CRLF line ends (what Excel writes).
pub fn write_csv(rows: &[Vec<String>]) -> String {
    let mut out = String::from('\u{feff}');
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| escape_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A CSV syntax error.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvError {
    pub line: usize,
    pub message: Text,
}

/// Parse CSV text (RFC 4180: quoted cells, doubled quotes, line breaks inside quotes,
/// CRLF or LF). A leading byte order mark is ignored; blank lines are skipped. Cells
/// guarded with an apostrophe by [`escape_cell`] come back unguarded.
pub fn parse_csv(text: &str) -> Result<Vec<Vec<String>>, CsvError> {
    parse_delimited(text, ',')
}

/// [`parse_csv`] with another separator: `;` (Excel where the decimal mark is a comma) or
/// tab (Excel's "Unicode text", `.tsv`, `.txt`).
pub fn parse_delimited(text: &str, separator: char) -> Result<Vec<Vec<String>>, CsvError> {
    parse_rows(text, separator, false)
}

/// [`parse_delimited`] keeping blank lines as empty rows (`keep_blank`), so that row
/// numbers are the file's (a ledger's blank line under its title row).
pub fn parse_rows(
    text: &str,
    separator: char,
    keep_blank: bool,
) -> Result<Vec<Vec<String>>, CsvError> {
    if text.len() > MAX_CSV_BYTES {
        return Err(CsvError {
            line: 0,
            message: Text::new(
                &format!("文件过大（上限 {} MB）", MAX_CSV_BYTES / 1024 / 1024),
                &format!("File too large (limit {} MB)", MAX_CSV_BYTES / 1024 / 1024),
            ),
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut cell_was_quoted = false;
    let mut line = 1;
    let mut quote_line = 0;
    let mut chars = text.chars().peekable();
    let finish_cell = |cell: &mut String, row: &mut Vec<String>, _was_quoted: bool| {
        let mut value = std::mem::take(cell);
        if let Some(rest) = value.strip_prefix('\'') {
            if needs_formula_guard(rest) {
                value = rest.to_string();
            }
        }
        row.push(value);
    };
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    cell.push('\n');
                }
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() => {
                quoted = true;
                cell_was_quoted = true;
                quote_line = line;
            }
            c if c == separator => {
                finish_cell(&mut cell, &mut row, cell_was_quoted);
                cell_was_quoted = false;
            }
            // CRLF: the CR belongs to the line end, not to the cell.
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                finish_cell(&mut cell, &mut row, cell_was_quoted);
                cell_was_quoted = false;
                if keep_blank || !(row.len() == 1 && row[0].is_empty()) {
                    rows.push(std::mem::take(&mut row));
                } else {
                    row.clear();
                }
                line += 1;
            }
            _ => cell.push(c),
        }
    }
    if quoted {
        return Err(CsvError {
            line: quote_line,
            message: Text::new(
                &format!("第 {quote_line} 行的引号没有闭合"),
                &format!("The quote opened on line {quote_line} is never closed"),
            ),
        });
    }
    if !cell.is_empty() || !row.is_empty() {
        finish_cell(&mut cell, &mut row, cell_was_quoted);
        if !(row.len() == 1 && row[0].is_empty()) {
            rows.push(row);
        }
    }
    Ok(rows)
}

/// A column: its key, and its header in each language. Import accepts any of the three.
pub(crate) struct Column {
    pub(crate) key: &'static str,
    pub(crate) zh: &'static str,
    pub(crate) en: &'static str,
}

const fn col(key: &'static str, zh: &'static str, en: &'static str) -> Column {
    Column { key, zh, en }
}

/// The prospect ledger (台账). Columns marked "derived" are written for reading (dates
/// and zones worked out from the record and the matching) and ignored on import; the
/// others read back into the record.
pub(crate) const PROSPECT_COLUMNS: &[Column] = &[
    col("id", "编号", "ID"),
    col("name", "企业名称或代号", "Company or code name"),
    col("code_name", "代号", "Code name"),
    col("industry", "行业", "Industry"),
    col("products", "主要产品", "Main products"),
    col(
        "investment_wan",
        "计划投资（万元）",
        "Planned investment (10k CNY)",
    ),
    col(
        "investment_text",
        "计划投资（原文）",
        "Planned investment (as typed)",
    ),
    col(
        "factory_m2",
        "厂房需求（平方米）",
        "Factory space needed (m2)",
    ),
    col(
        "factory_text",
        "厂房需求（原文）",
        "Factory space needed (as typed)",
    ),
    col("land_mu", "用地需求（亩）", "Land needed (mu)"),
    col("land_text", "用地需求（原文）", "Land needed (as typed)"),
    col("jobs", "就业人数", "Jobs"),
    col("origin", "来自地区", "Coming from"),
    // Derived: the name of the zone of `zone_id`.
    col("zone", "跟进园区", "Zone"),
    col("zone_id", "跟进园区编号", "Zone ID"),
    // Derived: the best-ranked zone (crate::report::best_zone) and its score.
    col("best_zone", "最佳匹配园区", "Best-matching zone"),
    col("best_score", "匹配分", "Match score"),
    col("stage", "阶段", "Stage"),
    col("standing", "跟进状态", "Standing"),
    col("standing_reason", "暂缓或流失原因", "Reason paused or lost"),
    // Derived: Beijing dates of capture and of the last move.
    col("created_date", "登记日期", "Date captured"),
    col("last_moved", "最近推进日期", "Date last moved"),
    // Read back only when the stage history is absent (a ledger kept elsewhere).
    col("signed_date", "签约日期", "Date signed"),
    col("started_date", "开工日期", "Date started"),
    col("operating_date", "投产日期", "Date in operation"),
    col("must_factory", "厂房为必需", "Factory must-have"),
    col("must_land", "用地为必需", "Land must-have"),
    col("notes", "备注", "Notes"),
    col("created", "登记时间", "Captured"),
    col("history", "阶段记录", "Stage history"),
];

pub(crate) const ZONE_COLUMNS: &[Column] = &[
    col("id", "编号", "ID"),
    col("name_zh", "名称（中文）", "Name (Chinese)"),
    col("name_en", "名称（英文）", "Name (English)"),
    col("kind", "类型", "Kind"),
    col("location_zh", "所在地（中文）", "Location (Chinese)"),
    col("location_en", "所在地（英文）", "Location (English)"),
    col(
        "clusters",
        "产业集群（集群 | English | 环节）",
        "Clusters (cluster | English | links)",
    ),
    col(
        "available_m2",
        "可用厂房（平方米）",
        "Free factory space (m2)",
    ),
    col(
        "built_m2",
        "已建成厂房（平方米）",
        "Built factory space (m2)",
    ),
    col(
        "planned_m2",
        "规划厂房（平方米）",
        "Planned factory space (m2)",
    ),
    col(
        "occupancy_pct",
        "厂房使用率（%）",
        "Factory space in use (%)",
    ),
    col("land_mu", "可用土地（亩）", "Land available (mu)"),
    col(
        "min_investment_wan",
        "最低投资额（万元）",
        "Minimum investment (10k CNY)",
    ),
    col(
        "min_intensity",
        "投资强度下限（万元/亩）",
        "Minimum intensity (10k CNY per mu)",
    ),
    col("restricted", "限制引进行业", "Restricted industries"),
    col("as_of", "数据截至", "As of"),
    col("summary_zh", "简介（中文）", "Summary (Chinese)"),
    col("summary_en", "简介（英文）", "Summary (English)"),
    col("code", "开发区代码", "Catalogue code"),
    col("level", "级别", "Level"),
    col("approved", "批准时间", "Approved"),
    col("approved_area_ha", "核准面积（公顷）", "Approved area (ha)"),
];

fn header(columns: &[Column], lang: Lang) -> Vec<String> {
    columns
        .iter()
        .map(|c| match lang {
            Lang::Zh => c.zh,
            Lang::En => c.en,
        })
        .map(String::from)
        .collect()
}

/// A stored figure as written to a table: every digit that was stored (to the millionth,
/// which hides the last-bit noise of sums), no grouping, so a table exported and
/// imported again gives back the same value.
fn num(v: Option<f64>) -> String {
    v.map(|x| number_text((x * 1e6).round() / 1e6))
        .unwrap_or_default()
}

/// A cell holding `text` as a number when it is a plain number whose text
/// ([`Cell::text`]) is `text` again, so the CSV written from the cell is unchanged;
/// empty text is an empty cell; anything else stays text.
fn number_cell(text: String) -> Cell {
    if text.is_empty() {
        return Cell::Empty;
    }
    match text.parse::<f64>() {
        Ok(x) if x.is_finite() && number_text(x) == text => Cell::Number(x),
        _ => Cell::Text(text),
    }
}

/// An amount as a number cell, as the CSV writes it (every stored digit, to the millionth).
fn num_cell(v: Option<f64>) -> Cell {
    number_cell(num(v))
}

/// A `YYYY-MM-DD` date as a date cell; other text (a month alone, a timestamp) stays
/// text; empty text is an empty cell.
fn date_cell(text: String) -> Cell {
    if !text.is_empty() && crate::dates::normalize_date(&text).as_deref() == Some(text.as_str()) {
        Cell::Date(text)
    } else {
        Cell::text_or_empty(text)
    }
}

/// A text cell (empty text is an empty cell).
fn text_cell(text: impl Into<String>) -> Cell {
    Cell::text_or_empty(text)
}

fn header_cells(columns: &[Column], lang: Lang) -> Vec<Cell> {
    header(columns, lang).into_iter().map(text_cell).collect()
}

fn yes_no(b: bool, lang: Lang) -> String {
    match (b, lang) {
        (true, Lang::Zh) => "是",
        (false, Lang::Zh) => "否",
        (true, Lang::En) => "yes",
        (false, Lang::En) => "no",
    }
    .to_string()
}

/// The name of the zone `id` in `lang`; empty when there is none.
fn zone_name<'a>(zones: &'a [Zone], id: &str, lang: Lang) -> &'a str {
    match zones.iter().find(|z| z.id == id) {
        Some(z) if !id.is_empty() => z.name.get(lang),
        _ => "",
    }
}

/// A stage history as one cell: `线索 2026-01-05; 接洽 2026-02-01; 在谈` (stage names in
/// `lang`; a mark with no date is the stage name alone).
fn history_cell(p: &Prospect, lang: Lang) -> String {
    let mut out = String::new();
    for m in &p.stage_history {
        if !out.is_empty() {
            out.push_str("; ");
        }
        out.push_str(stage_label(m.stage, lang));
        if !m.date.is_empty() {
            out.push(' ');
            out.push_str(&m.date);
        }
    }
    out
}

/// The prospect ledger (台账) as CSV (UTF-8 with BOM, one header row in `lang`): the
/// text of [`ledger_sheet`].
pub fn ledger_to_csv(
    prospects: &[Prospect],
    zones: &[Zone],
    best: &[Option<BestZone>],
    lang: Lang,
) -> String {
    write_csv(&ledger_sheet(prospects, zones, best, lang).text_rows())
}

/// The prospect ledger (台账) as a sheet named 企业台账 / Prospects: one header row in
/// `lang` (units in the headers: 万元, 平方米, 亩), then one row per prospect with its zone
/// and best-matching zone (`best`: [`crate::report::best_zones`], same order as
/// `prospects`; shorter or empty leaves the column empty), its standing and its stage
/// history. Investment (万元), factory space (m²), land (亩), jobs and the match score
/// are [`Cell::Number`]s (every stored digit, to the millionth); the dates (captured, last moved,
/// signed, started, in operation) are [`Cell::Date`]s, Beijing `YYYY-MM-DD`; the rest
/// is text (the capture time stays an ISO timestamp).
pub fn ledger_sheet(
    prospects: &[Prospect],
    zones: &[Zone],
    best: &[Option<BestZone>],
    lang: Lang,
) -> Sheet {
    let mut rows = vec![header_cells(PROSPECT_COLUMNS, lang)];
    for (i, p) in prospects.iter().enumerate() {
        let best = best.get(i).and_then(Option::as_ref);
        let date = |s: Stage| p.reached(s).unwrap_or_default().to_string();
        rows.push(vec![
            text_cell(p.id.as_str()),
            text_cell(p.name.as_str()),
            text_cell(p.code_name.as_str()),
            text_cell(p.industry.as_str()),
            text_cell(p.products.as_str()),
            num_cell(p.investment_wan),
            text_cell(p.investment_text.as_str()),
            num_cell(p.factory_m2),
            text_cell(p.factory_text.as_str()),
            num_cell(p.land_mu),
            text_cell(p.land_text.as_str()),
            number_cell(p.jobs.map(|j| j.to_string()).unwrap_or_default()),
            text_cell(p.origin.as_str()),
            text_cell(zone_name(zones, &p.zone_id, lang)),
            text_cell(p.zone_id.as_str()),
            text_cell(
                best.map(|b| zone_name(zones, &b.zone_id, lang))
                    .unwrap_or_default(),
            ),
            number_cell(best.map(|b| b.score.to_string()).unwrap_or_default()),
            text_cell(stage_label(p.stage, lang)),
            text_cell(p.standing.label(lang)),
            text_cell(p.standing_reason.as_str()),
            date_cell(p.captured_date().unwrap_or_default()),
            date_cell(p.last_moved()),
            date_cell(date(Stage::Signed)),
            date_cell(date(Stage::Started)),
            date_cell(date(Stage::Operating)),
            text_cell(yes_no(p.must_have.factory, lang)),
            text_cell(yes_no(p.must_have.land, lang)),
            text_cell(p.notes.as_str()),
            text_cell(p.created.as_str()),
            text_cell(history_cell(p, lang)),
        ]);
    }
    Sheet {
        name: match lang {
            Lang::Zh => "企业台账",
            Lang::En => "Prospects",
        }
        .to_string(),
        rows,
        separator: None,
    }
}

/// The ledger without zones ([`ledger_to_csv`] with the zone and best-zone columns
/// empty but for the zone id).
pub fn prospects_to_csv(prospects: &[Prospect], lang: Lang) -> String {
    ledger_to_csv(prospects, &[], &[], lang)
}

/// The header of ledger column `key` in `lang`.
fn column_header(key: &str, lang: Lang) -> String {
    PROSPECT_COLUMNS
        .iter()
        .find(|c| c.key == key)
        .map(|c| match lang {
            Lang::Zh => c.zh,
            Lang::En => c.en,
        })
        .unwrap_or(key)
        .to_string()
}

/// The monthly report (月报) as CSV: the text of [`report_sheet`] (UTF-8 with BOM).
pub fn report_to_csv(
    report: &MonthlyReport,
    prospects: &[Prospect],
    zones: &[Zone],
    best: &[Option<BestZone>],
    lang: Lang,
) -> String {
    write_csv(&report_sheet(report, prospects, zones, best, lang).text_rows())
}

/// The monthly report (月报) as a sheet named 月报 / Monthly report: the figures of the
/// screen, in `lang`.
///
/// One header row per block (Chinese by default): a title row (月报, the month as
/// `2026年3月`, the zone or 全部园区); the 三个一批 table (签约 / 开工 / 投产 and 月末在谈 by
/// count, investment in 万元 and amounts not summed, this month and year to date); the
/// 12-month series; the projects counted this month (category, the day the stage was
/// reached, id, name, code name, zone, investment); the notes of
/// [`crate::report::notes`]. Blocks are separated by an empty row. Counts and amounts
/// (万元, to the millionth) are [`Cell::Number`]s, the days [`Cell::Date`]s, the rest
/// text. `prospects` and `best` are those the report was made from.
pub fn report_sheet(
    report: &MonthlyReport,
    prospects: &[Prospect],
    zones: &[Zone],
    best: &[Option<BestZone>],
    lang: Lang,
) -> Sheet {
    let l = |x: Label| text_cell(x.text(lang));
    let zone_label = |id: &str| match zone_name(zones, id, lang) {
        "" => id.to_string(),
        name => name.to_string(),
    };
    let scope = match &report.zone_id {
        Some(id) => text_cell(zone_label(id)),
        None => l(Label::AllZones),
    };
    let mut rows = vec![
        vec![
            l(Label::Title),
            text_cell(crate::report::month_label(report.month, lang)),
            scope,
        ],
        vec![],
        vec![
            l(Label::Figure),
            l(Label::MonthCount),
            l(Label::MonthInvestment),
            l(Label::MonthNotSummed),
            l(Label::YearCount),
            l(Label::YearInvestment),
            l(Label::YearNotSummed),
        ],
    ];
    let figures = |row: &mut Vec<Cell>, t: &crate::report::Tally| {
        row.push(number_cell(t.count.to_string()));
        row.push(num_cell(Some(t.investment_wan)));
        row.push(number_cell(t.not_summed.to_string()));
    };
    for k in 0..3 {
        let mut row = vec![l(Label::batch(k))];
        figures(&mut row, &report.in_month[k]);
        figures(&mut row, &report.year_to_date[k]);
        rows.push(row);
    }
    let mut row = vec![l(Label::Negotiating)];
    figures(&mut row, &report.negotiating);
    rows.push(row);
    rows.push(vec![]);
    rows.push(vec![l(Label::Last12Months)]);
    rows.push(vec![
        l(Label::Month),
        l(Label::batch(0)),
        l(Label::batch(1)),
        l(Label::batch(2)),
    ]);
    for point in &report.series {
        let mut row = vec![text_cell(crate::report::month_label(point.month, lang))];
        for c in point.counts {
            row.push(number_cell(c.to_string()));
        }
        rows.push(row);
    }
    rows.push(vec![]);
    rows.push(vec![l(Label::Details)]);
    let mut head = vec![l(Label::Category), l(Label::Date)];
    for key in [
        "id",
        "name",
        "code_name",
        "zone",
        "investment_wan",
        "investment_text",
    ] {
        head.push(text_cell(column_header(key, lang)));
    }
    rows.push(head);
    let lists = [
        &report.in_month[0],
        &report.in_month[1],
        &report.in_month[2],
        &report.negotiating,
    ];
    for (k, tally) in lists.into_iter().enumerate() {
        for &i in &tally.prospects {
            let Some(p) = prospects.get(i) else {
                continue;
            };
            let (label, stage) = match BATCH.get(k) {
                Some(stage) => (Label::batch(k), *stage),
                None => (Label::Negotiating, Stage::Negotiating),
            };
            let date = p.reached(stage).unwrap_or_default().to_string();
            let zone = crate::report::zone_of(p, best.get(i).and_then(Option::as_ref))
                .map(zone_label)
                .unwrap_or_default();
            rows.push(vec![
                l(label),
                date_cell(date),
                text_cell(p.id.as_str()),
                text_cell(p.name.as_str()),
                text_cell(p.code_name.as_str()),
                text_cell(zone),
                num_cell(p.investment_wan),
                text_cell(p.investment_text.as_str()),
            ]);
        }
    }
    rows.push(vec![]);
    for note in crate::report::notes(report, lang) {
        rows.push(vec![l(Label::Notes), text_cell(note)]);
    }
    Sheet {
        name: match lang {
            Lang::Zh => "月报",
            Lang::En => "Monthly report",
        }
        .to_string(),
        rows,
        separator: None,
    }
}

/// Zone profiles as CSV, headers in `lang`: the text of [`zones_sheet`].
pub fn zones_to_csv(zones: &[Zone], lang: Lang) -> String {
    write_csv(&zones_sheet(zones, lang).text_rows())
}

/// Zone profiles as a sheet named 园区 / Zones: a header row in `lang` (units in the
/// headers: 平方米, %, 亩, 万元, 万元/亩), then a row per zone as the zone editor writes
/// it. Factory space (m²), occupancy (%), land (亩), minimum investment (万元) and
/// intensity (万元/亩) are [`Cell::Number`]s when plain numbers; the as-of date is a
/// [`Cell::Date`] when it names a day (a month alone stays text); the rest is text.
pub fn zones_sheet(zones: &[Zone], lang: Lang) -> Sheet {
    let mut rows = vec![header_cells(ZONE_COLUMNS, lang)];
    for z in zones {
        let d = ZoneDraft::from_zone(z);
        rows.push(vec![
            text_cell(z.id.as_str()),
            text_cell(d.name_zh),
            text_cell(d.name_en),
            text_cell(kind_label(z.kind, lang)),
            text_cell(d.location_zh),
            text_cell(d.location_en),
            text_cell(d.clusters),
            number_cell(d.available_m2),
            number_cell(d.built_m2),
            number_cell(d.planned_m2),
            number_cell(d.occupancy_pct),
            number_cell(d.land_mu),
            number_cell(d.min_investment),
            number_cell(d.min_intensity),
            text_cell(d.restricted),
            date_cell(d.as_of),
            text_cell(d.summary_zh),
            text_cell(d.summary_en),
            text_cell(z.catalogue_code.as_str()),
            text_cell(match (z.level.as_str(), lang) {
                ("national", Lang::Zh) => "国家级",
                ("national", Lang::En) => "National",
                ("provincial", Lang::Zh) => "省级",
                ("provincial", Lang::En) => "Provincial",
                (other, _) => other,
            }),
            text_cell(z.approved.as_str()),
            number_cell(num(z.approved_area_ha)),
        ]);
    }
    Sheet {
        name: match lang {
            Lang::Zh => "园区",
            Lang::En => "Zones",
        }
        .to_string(),
        rows,
        separator: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::columns::Target;
    use crate::demo::demo_zones;
    use crate::model::MustHave;
    use crate::table_import::*;

    fn prospects() -> Vec<Prospect> {
        vec![
            Prospect {
                id: "p1".into(),
                name: "=HYPERLINK(\"http://x\")".into(),
                industry: "动力电池, 储能".into(),
                products: "21700\n18650".into(),
                investment_wan: Some(62_000.0),
                factory_m2: Some(20_000.0),
                land_mu: None,
                jobs: Some(300),
                origin: "深圳".into(),
                notes: "-5% \"折扣\"".into(),
                stage: Stage::Negotiating,
                must_have: MustHave {
                    factory: true,
                    land: false,
                    ..Default::default()
                },
                created: "2026-11-27T10:00:00Z".into(),
                ..Default::default()
            },
            Prospect {
                id: "p2".into(),
                name: "@公司".into(),
                industry: "+食醋".into(),
                created: "2026-11-27T11:00:00Z".into(),
                ..Default::default()
            },
        ]
    }

    #[test]
    fn prospects_round_trip_in_both_languages() {
        for lang in [Lang::Zh, Lang::En] {
            let text = prospects_to_csv(&prospects(), lang);
            assert!(text.starts_with('\u{feff}'));
            assert_eq!(detect_table(&text), Some(Target::Prospects));
            assert_eq!(
                prospects_from_csv(&text, "now").unwrap(),
                prospects(),
                "{lang:?}"
            );
        }
    }

    #[test]
    fn formulas_are_never_written_bare() {
        let text = prospects_to_csv(&prospects(), Lang::Zh);
        for line in text.lines().skip(1) {
            for cell in line.split(',') {
                let c = cell.trim_start_matches('"');
                assert!(!matches!(c.chars().next(), Some('=' | '+' | '@')), "{cell}");
            }
        }
        assert!(text.contains("'=HYPERLINK"));
        assert!(text.contains("'@公司"));
        assert!(text.contains("'+食醋"));
    }

    #[test]
    fn zones_round_trip_and_keep_what_the_table_lacks() {
        let zones = demo_zones();
        let text = zones_to_csv(&zones, Lang::En);
        assert_eq!(detect_table(&text), Some(Target::Zones));
        assert_eq!(zones_from_csv(&text, &zones).unwrap(), zones);
        // A partial table (id and free space only) changes only that.
        let partial = "id,available_m2\r\nchangzhi-htz,45000\r\n";
        let z = zones_from_csv(partial, &zones).unwrap();
        assert_eq!(z[0].factory.available_m2, Some(45_000.0));
        assert_eq!(z[0].incentives, zones[0].incentives);
        assert_eq!(z[0].clusters, zones[0].clusters);
    }

    #[test]
    fn headers_survive_a_gbk_round_trip() {
        // Chinese Excel saves CSV as GBK: every header must be representable there.
        for c in PROSPECT_COLUMNS.iter().chain(ZONE_COLUMNS) {
            for h in [c.zh, c.en] {
                assert!(
                    h.chars().all(|ch| ch.is_ascii()
                        || crate::text::normalize::is_cjk(ch)
                        || "（）｜".contains(ch)),
                    "{h} has a character GBK may not hold"
                );
            }
        }
    }

    #[test]
    fn rows_without_ids_get_stable_ids() {
        let text = "企业名称或代号,行业\n甲,电池\n乙,食醋\n";
        let a = prospects_from_csv(text, "t").unwrap();
        let b = prospects_from_csv(text, "t").unwrap();
        assert_eq!(a, b);
        assert_ne!(a[0].id, a[1].id);
    }

    #[test]
    fn errors_name_the_row_the_column_and_the_value() {
        let text = "name,investment_wan,stage,must_factory\n甲,很多,签约,是\n乙,5000,未来,也许\n";
        let errors = prospects_from_csv(text, "t").unwrap_err();
        let en: Vec<&str> = errors.iter().map(|e| e.en.as_str()).collect();
        assert_eq!(en, ["Row 3, “must_factory” (“也许”): use yes or no"]);
        assert!(errors[0].zh.starts_with("第 3 行「must_factory」（也许）"));
    }

    #[test]
    fn syntax_table() {
        type Case<'a> = (&'a str, Result<Vec<Vec<&'a str>>, usize>);
        let cases: &[Case] = &[
            ("a,b\r\nc,d\r\n", Ok(vec![vec!["a", "b"], vec!["c", "d"]])),
            (
                "\"a\",\"b\"\r\n\"c\"\r\n",
                Ok(vec![vec!["a", "b"], vec!["c"]]),
            ),
            ("\"a,1\",\"b\"\"q\"\"\"\n", Ok(vec![vec!["a,1", "b\"q\""]])),
            ("\"line\nbreak\",x", Ok(vec![vec!["line\nbreak", "x"]])),
            ("a,,c\n\n\nd", Ok(vec![vec!["a", "", "c"], vec!["d"]])),
            ("\"open,x\nmore", Err(1)),
        ];
        for (text, want) in cases {
            let got = parse_csv(text);
            match (got, want) {
                (Ok(rows), Ok(w)) => assert_eq!(rows, *w, "{text:?}"),
                (Err(e), Err(line)) => assert_eq!(e.line, *line, "{text:?}"),
                (g, w) => panic!("{text:?}: {g:?} vs {w:?}"),
            }
        }
    }

    #[test]
    fn unknown_columns_are_kept_in_the_notes_and_missing_names_refused() {
        let p = prospects_from_csv("nmae,industry\nx,y\n", "t").unwrap();
        assert_eq!(p[0].notes, "nmae: x");
        assert!(prospects_from_csv("", "t").is_err());
        assert!(prospects_from_csv("notes\nx\n", "t").is_err());
    }
}
