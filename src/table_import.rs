//! Reading tables into records: a sheet (from CSV, text or a workbook, see
//! [`crate::sheet`]) of prospects or zones, its columns recognised by what people call
//! them, validated row by row, all or nothing.

use crate::csv::{parse_csv, Column, PROSPECT_COLUMNS, ZONE_COLUMNS};
use crate::forms::{ProspectDraft, ZoneDraft};
use crate::i18n::{kind_label, stage_label, Lang};
use crate::model::{Prospect, Stage, StageMark, Standing, Text, Zone, ZoneKind};

/// Most errors listed for one file.
const MAX_ERRORS: usize = 50;

/// Which table a CSV holds, from its header row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    Prospects,
    Zones,
}

/// Map header cells to column keys; unknown headers are errors (a typo must not silently
/// drop a column).
fn map_header(row: &[String], columns: &[Column]) -> (Vec<Option<&'static str>>, Vec<String>) {
    let mut unknown = Vec::new();
    let keys = row
        .iter()
        .map(|h| {
            let h = h.trim();
            let found = columns.iter().find(|c| {
                h.eq_ignore_ascii_case(c.key) || h == c.zh || h.eq_ignore_ascii_case(c.en)
            });
            if found.is_none() && !h.is_empty() {
                unknown.push(h.to_string());
            }
            found.map(|c| c.key)
        })
        .collect();
    (keys, unknown)
}

/// Guess the table from the header: a zone table has `name_zh`, a prospect table `name`.
pub fn detect_table(text: &str) -> Option<Table> {
    let rows = parse_csv(text).ok()?;
    let head = rows.first()?;
    let (z, _) = map_header(head, ZONE_COLUMNS);
    if z.contains(&Some("name_zh")) || z.contains(&Some("name_en")) {
        return Some(Table::Zones);
    }
    let (p, _) = map_header(head, PROSPECT_COLUMNS);
    p.contains(&Some("name")).then_some(Table::Prospects)
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

fn row_error(row: usize, field: &str, msg: &Text) -> Text {
    Text::new(
        &format!("第 {row} 行「{field}」：{}", msg.zh),
        &format!("Row {row}, {field}: {}", msg.en),
    )
}

fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "" | "否" | "no" | "n" | "false" | "0" => Some(false),
        "是" | "yes" | "y" | "true" | "1" => Some(true),
        _ => None,
    }
}

fn parse_stage(s: &str) -> Option<Stage> {
    let s = s.trim();
    if s.is_empty() {
        return Some(Stage::Lead);
    }
    Stage::ALL.into_iter().find(|st| {
        stage_label(*st, Lang::Zh) == s
            || stage_label(*st, Lang::En).eq_ignore_ascii_case(s)
            || format!("{st:?}").eq_ignore_ascii_case(s)
    })
}

fn parse_kind(s: &str) -> Option<ZoneKind> {
    let s = s.trim();
    if s.is_empty() {
        return Some(ZoneKind::Other);
    }
    ZoneKind::ALL.into_iter().find(|k| {
        kind_label(*k, Lang::Zh) == s
            || kind_label(*k, Lang::En).eq_ignore_ascii_case(s)
            || format!("{k:?}").eq_ignore_ascii_case(s)
    })
}

/// One data row, read through the header.
struct Row<'a> {
    keys: &'a [Option<&'static str>],
    cells: &'a [String],
}

impl Row<'_> {
    /// The trimmed cell of column `key` (empty when absent).
    fn get(&self, key: &str) -> String {
        self.keys
            .iter()
            .position(|k| *k == Some(key))
            .and_then(|c| self.cells.get(c))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    }

    /// Whether the table has column `key` at all.
    fn has(&self, key: &str) -> bool {
        self.keys.contains(&Some(key))
    }
}

/// The shared frame of every table import: parse, map the header (unknown columns are
/// errors), read each row with `read` (which returns the row's id and record, or its
/// errors), refuse duplicate ids, and return every record or every error (capped).
fn import_rows<T>(
    text: &str,
    columns: &[Column],
    required: &[&str],
    mut read: impl FnMut(usize, &Row) -> Result<(String, T), Vec<Text>>,
) -> Result<Vec<T>, Vec<Text>> {
    let rows = parse_csv(text).map_err(|e| vec![e.message])?;
    let Some((head, body)) = rows.split_first() else {
        return Err(vec![Text::new("文件是空的", "The file is empty")]);
    };
    let (keys, unknown) = map_header(head, columns);
    let mut errors: Vec<Text> = unknown
        .iter()
        .map(|h| Text::new(&format!("未知的列：{h}"), &format!("Unknown column: {h}")))
        .collect();
    if !required.is_empty() && !required.iter().any(|r| keys.contains(&Some(*r))) {
        errors.push(Text::new(
            &format!("缺少必需的列（{}）", required.join(" / ")),
            &format!(
                "The table needs one of these columns: {}",
                required.join(", ")
            ),
        ));
    }
    let mut out = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for (i, cells) in body.iter().enumerate() {
        let n = i + 2; // 1-based, after the header
        if cells.len() > keys.len() {
            errors.push(Text::new(
                &format!("第 {n} 行的列数多于表头"),
                &format!("Row {n} has more cells than the header"),
            ));
            continue;
        }
        match read(n, &Row { keys: &keys, cells }) {
            Ok((id, record)) => {
                if ids.insert(id.clone()) {
                    out.push(record);
                } else {
                    errors.push(row_error(
                        n,
                        "id",
                        &Text::new(&format!("编号 {id} 重复"), &format!("duplicate id {id}")),
                    ));
                }
            }
            Err(row_errors) => errors.extend(row_errors),
        }
        if errors.len() >= MAX_ERRORS {
            break;
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        errors.truncate(MAX_ERRORS);
        Err(errors)
    }
}

/// Field errors of a draft as row errors.
fn field_errors<F: std::fmt::Debug>(n: usize, errors: Vec<(F, Text)>) -> Vec<Text> {
    errors
        .into_iter()
        .map(|(field, msg)| row_error(n, &format!("{field:?}").to_lowercase(), &msg))
        .collect()
}

/// Prospects from a CSV table; every problem by row and field, or all rows.
/// `now` is the capture time given to rows without one.
pub fn prospects_from_csv(text: &str, now: &str) -> Result<Vec<Prospect>, Vec<Text>> {
    import_rows(text, PROSPECT_COLUMNS, &["name", "industry"], |n, row| {
        let mut errors = Vec::new();
        let stage = parse_stage(&row.get("stage"));
        if stage.is_none() {
            errors.push(row_error(
                n,
                "stage",
                &Text::new("无法识别的阶段", "unknown stage"),
            ));
        }
        let mut flag = |field: &str| {
            parse_bool(&row.get(field)).unwrap_or_else(|| {
                errors.push(row_error(
                    n,
                    field,
                    &Text::new("请填“是”或“否”", "use yes or no"),
                ));
                false
            })
        };
        let (must_factory, must_land) = (flag("must_factory"), flag("must_land"));
        let standing = parse_standing(&row.get("standing"));
        if standing.is_none() {
            errors.push(row_error(
                n,
                "standing",
                &Text::new("无法识别的状态", "unknown standing"),
            ));
        }
        let history = parse_history(&row.get("history"));
        if history.is_none() {
            errors.push(row_error(
                n,
                "history",
                &Text::new("无法识别的阶段记录", "unreadable stage history"),
            ));
        }
        let mut stage_dates = Vec::new();
        for (stage, key) in [
            (Stage::Signed, "signed_date"),
            (Stage::Started, "started_date"),
            (Stage::Operating, "operating_date"),
        ] {
            let cell = row.get(key);
            if cell.is_empty() {
                continue;
            }
            match crate::dates::normalize_date(&cell) {
                Some(d) => stage_dates.push((stage, d)),
                None => errors.push(row_error(
                    n,
                    key,
                    &Text::new("日期应为 YYYY-MM-DD", "dates are YYYY-MM-DD"),
                )),
            }
        }
        let draft = ProspectDraft {
            name: row.get("name"),
            industry: row.get("industry"),
            products: row.get("products"),
            investment: row.get("investment_wan"),
            factory: row.get("factory_m2"),
            land: row.get("land_mu"),
            jobs: row.get("jobs"),
            origin: row.get("origin"),
            notes: row.get("notes"),
            stage: stage.unwrap_or_default(),
            must_factory,
            must_land,
            code_name: row.get("code_name"),
        };
        // The capture form keeps an amount it cannot read as typed; a file is strict
        // instead, so the row can be corrected and the file imported again.
        errors.extend(field_errors(n, draft.amount_errors()));
        let id = match row.get("id") {
            id if id.is_empty() => {
                stable_id("p-csv", &[&draft.name, &draft.industry, &draft.origin])
            }
            id => id,
        };
        let created = match row.get("created") {
            c if c.is_empty() => now.to_string(),
            c => c,
        };
        match draft.to_prospect(&id, &created) {
            Ok(mut p) if errors.is_empty() => {
                p.zone_id = row.get("zone_id");
                // As typed, where the amount column gave no value (kept for review, or
                // money in another currency); else what the amount column kept.
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
                p.standing = standing.unwrap_or_default();
                if p.standing != Standing::Active {
                    p.standing_reason = row.get("standing_reason");
                }
                p.stage_history = history.unwrap_or_default();
                if p.stage_history.is_empty() && !stage_dates.is_empty() {
                    // A ledger kept elsewhere: 线索 at capture, then the dates it gives.
                    let captured = p.captured_date().unwrap_or_default();
                    p.stage_history.push(mark(Stage::Lead, captured));
                    for (stage, date) in stage_dates {
                        if stage.index() <= p.stage.index() {
                            p.stage_history.push(mark(stage, date));
                        }
                    }
                }
                Ok((id, p))
            }
            Ok(_) => Err(errors),
            Err(e) => {
                errors.extend(field_errors(n, e));
                Err(errors)
            }
        }
    })
}

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
            Some((parse_stage(label)?, date))
        });
        let (stage, date) = match dated {
            Some(d) => d,
            None => (parse_stage(item)?, String::new()),
        };
        marks.push(mark(stage, date));
    }
    Some(marks)
}

/// Zones from a CSV table, applied over the matching `existing` zone (same id) so that
/// what the table does not hold (incentives, services, contacts, keywords) is kept.
pub fn zones_from_csv(text: &str, existing: &[Zone]) -> Result<Vec<Zone>, Vec<Text>> {
    import_rows(text, ZONE_COLUMNS, &[], |n, row| {
        let mut errors = Vec::new();
        let kind = parse_kind(&row.get("kind"));
        if kind.is_none() {
            errors.push(row_error(
                n,
                "kind",
                &Text::new("无法识别的园区类型", "unknown zone kind"),
            ));
        }
        let id = match row.get("id") {
            id if id.is_empty() => {
                stable_id("zone-csv", &[&row.get("name_zh"), &row.get("name_en")])
            }
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
        let draft = ZoneDraft {
            name_zh: pick("name_zh", &current.name_zh),
            name_en: pick("name_en", &current.name_en),
            kind: if row.has("kind") {
                kind.unwrap_or(base.kind)
            } else {
                base.kind
            },
            location_zh: pick("location_zh", &current.location_zh),
            location_en: pick("location_en", &current.location_en),
            summary_zh: pick("summary_zh", &current.summary_zh),
            summary_en: pick("summary_en", &current.summary_en),
            clusters: pick("clusters", &current.clusters),
            available_m2: pick("available_m2", &current.available_m2),
            built_m2: pick("built_m2", &current.built_m2),
            planned_m2: pick("planned_m2", &current.planned_m2),
            occupancy_pct: pick("occupancy_pct", &current.occupancy_pct),
            land_mu: pick("land_mu", &current.land_mu),
            min_investment: pick("min_investment_wan", &current.min_investment),
            min_intensity: pick("min_intensity", &current.min_intensity),
            as_of: pick("as_of", &current.as_of),
            restricted: pick("restricted", &current.restricted),
        };
        match draft.apply(&base) {
            Ok(z) if errors.is_empty() => Ok((id, z)),
            Ok(_) => Err(errors),
            Err(e) => {
                errors.extend(field_errors(n, e));
                Err(errors)
            }
        }
    })
}

/// The records of a CSV table (prospects or zones, told apart by the header), all valid,
/// as a dataset to preview and merge; zone rows apply over the zones in `current`.
pub fn read_table(
    current: &crate::model::Dataset,
    text: &str,
    now: &str,
) -> Result<crate::model::Dataset, Vec<Text>> {
    match detect_table(text) {
        Some(Table::Prospects) => Ok(crate::model::Dataset {
            prospects: prospects_from_csv(text, now)?,
            ..Default::default()
        }),
        Some(Table::Zones) => Ok(crate::model::Dataset {
            zones: zones_from_csv(text, &current.zones)?,
            ..Default::default()
        }),
        None => Err(vec![match parse_csv(text) {
            Err(e) => e.message,
            Ok(_) => Text::new(
                "无法识别的表格：表头应为意向企业或园区的列名（可先导出一份作模板）",
                "Unrecognised table: the header must have the prospect or zone columns (export one as a template)",
            ),
        }]),
    }
}
