//! The one path a picked file takes into the app, used by the Data screen, by the
//! bad-input tests and by the fuzzers alike: bytes → text → validated records → preview →
//! apply.
//!
//! - JSON (a ZoneMatch export): strict UTF-8 (a byte order mark is accepted; UTF-16 and
//!   other encodings are refused with a message), validated as a whole.
//! - Tables: text files (CSV, TSV, TXT) in UTF-8 (with or without a byte order mark),
//!   UTF-16 or GBK/GB18030, separator sniffed ([`crate::sheet`]); workbooks (`.xlsx`,
//!   `.xls`) are read into the same [`Sheet`]s by [`crate::workbook`] (in the browser in a
//!   worker loaded on demand, so the app's own wasm carries no workbook reader). The GBK
//!   decoder is passed in: in the browser it is the browser's own `TextDecoder`, natively
//!   a WHATWG decoder (the tests use `encoding_rs`), so the wasm carries no GBK table.
//! - A sheet is read through a [`Mapping`] of its columns ([`crate::table_import`]): the
//!   one the app proposes, or the one the user confirmed.
//!
//! Nothing changes until [`Pending::into_change`] is applied; on any error the caller's
//! data is untouched and the problems say why, in both languages.

use crate::model::{Change, Dataset, Text};
use crate::sheet::{decode_text, file_shape, text_sheet, FileShape, Sheet};
use crate::table_import::{guess_mapping, read_records, Flag, Mapping, TableRead};
use crate::transfer::{import_json_bytes, plan_import, ImportPlan};

/// What kind of file the user picked (by the button they used).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A ZoneMatch JSON export.
    Json,
    /// A CSV table of prospects or zones.
    Table,
}

/// A file that validated: the records it brings and what importing them would do.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub incoming: Dataset,
    pub plan: ImportPlan,
    /// Values of a table kept as written or read with a guess, to check (none for JSON).
    pub flags: Vec<Flag>,
}

impl Pending {
    /// The edit that applies the import (add or update by id, keep everything else).
    pub fn into_change(self) -> Change {
        Change::Merge(self.incoming)
    }
}

/// The sheet of a text table file (CSV, TSV, TXT), named `name`: decoded (UTF-8, UTF-16,
/// else `gbk(bytes)`) and split on its sniffed separator.
///
/// # Errors
/// A workbook (it goes through [`crate::workbook`]), a file too large or in no encoding
/// read, a quote never closed, or an empty file.
pub fn text_table(
    bytes: &[u8],
    name: &str,
    gbk: impl FnOnce(&[u8]) -> Option<String>,
) -> Result<Sheet, Vec<Text>> {
    if file_shape(bytes) != FileShape::Text {
        return Err(vec![Text::new(
            "这是 Excel 工作簿，请用“导入表格”打开",
            "This is an Excel workbook: open it with Import table",
        )]);
    }
    let text = decode_text(bytes, gbk)?;
    let sheet = text_sheet(&text, name).map_err(|e| vec![e.message])?;
    if sheet.is_empty() {
        return Err(vec![Text::new("文件是空的", "The file is empty")]);
    }
    Ok(sheet)
}

/// What importing `sheet` through `mapping` would do to `current`, for the preview: the
/// records, the plan and what to check.
///
/// # Errors
/// Every problem of the rows, by row, column and value ([`read_records`]).
pub fn preview_sheet(
    current: &Dataset,
    sheet: &Sheet,
    mapping: &Mapping,
    now: &str,
) -> Result<Pending, Vec<Text>> {
    Ok(pending_table(
        current,
        read_records(current, sheet, mapping, now)?,
    ))
}

/// What importing the records of a table (read here or in the workbook worker) would do
/// to `current`: zones already here recognised by code or name, then the plan.
pub fn pending_table(current: &Dataset, read: TableRead) -> Pending {
    let mut incoming = read.data;
    recognise_zones(current, &mut incoming);
    let plan = plan_import(current, &incoming);
    Pending {
        incoming,
        plan,
        flags: read.flags,
    }
}

/// A ZoneMatch JSON file read and validated against `current`, for the preview.
///
/// # Errors
/// Every problem of the file ([`import_json_bytes`]).
pub fn preview_json(current: &Dataset, bytes: &[u8]) -> Result<Pending, Vec<Text>> {
    let mut incoming = import_json_bytes(bytes).map_err(|e| e.problems)?;
    recognise_zones(current, &mut incoming);
    let plan = plan_import(current, &incoming);
    Ok(Pending {
        incoming,
        plan,
        flags: Vec::new(),
    })
}

/// Read and validate a picked file against `current`, for the preview. `now` (ISO 8601)
/// stamps the capture time of table rows that have none. A table is read with the
/// mapping the app proposes ([`guess_mapping`]).
pub fn preview(
    current: &Dataset,
    bytes: &[u8],
    kind: FileKind,
    now: &str,
    gbk: impl FnOnce(&[u8]) -> Option<String>,
) -> Result<Pending, Vec<Text>> {
    match kind {
        FileKind::Json => preview_json(current, bytes),
        FileKind::Table => {
            let sheet = text_table(bytes, "", gbk)?;
            let mapping = guess_mapping(&sheet);
            preview_sheet(current, &sheet, &mapping, now)
        }
    }
}

/// An incoming zone with a new id that is a zone already here, by its national catalogue
/// code or by its name as people say it (长治高新区 = 长治高新技术产业开发区), takes the id of
/// the zone here: it updates that zone instead of being added twice. It updates it only
/// with what it states: a field it leaves empty keeps the value here, so a thin record
/// (a name and a code) never wipes a detailed profile. Two different catalogue codes are
/// two zones; a zone here is matched by one incoming record at most.
pub fn recognise_zones(current: &Dataset, incoming: &mut Dataset) {
    use crate::names::name_key;
    let keys: Vec<_> = current
        .zones
        .iter()
        .map(|z| (z, z.catalogue_code.trim().to_string(), name_key(&z.name.zh)))
        .collect();
    let mut taken: Vec<String> = incoming.zones.iter().map(|z| z.id.clone()).collect();
    for z in &mut incoming.zones {
        if current.zone(&z.id).is_some() {
            continue;
        }
        let key = name_key(&z.name.zh);
        let code = z.catalogue_code.trim().to_string();
        let same = keys.iter().find(|(here, c, k)| {
            if taken.contains(&here.id) {
                return false;
            }
            match (code.is_empty(), c.is_empty()) {
                (false, false) => c.eq_ignore_ascii_case(&code) && k.compatible(&key),
                _ => key.place.chars().count() >= 2 && k.same(&key),
            }
        });
        if let Some((here, here_code, _)) = same {
            taken.push(here.id.clone());
            let old = z.id.clone();
            let by_code = !code.is_empty() && here_code.eq_ignore_ascii_case(&code);
            *z = fill_from(here, z);
            if !by_code {
                // Recognised by its name as people say it (长治高新区): the name here, as
                // printed, stays.
                z.name = here.name.clone();
            }
            // Prospects of the file that follow the zone follow it to its id here.
            for p in &mut incoming.prospects {
                if p.zone_id == old {
                    p.zone_id = here.id.clone();
                }
            }
        }
    }
}

/// `incoming` with `here`'s id, and `here`'s value for every field `incoming` leaves
/// empty (no text, no figure, no rows).
fn fill_from(here: &crate::model::Zone, incoming: &crate::model::Zone) -> crate::model::Zone {
    let text = |a: &Text, b: &Text| {
        Text::new(
            if a.zh.trim().is_empty() { &b.zh } else { &a.zh },
            if a.en.trim().is_empty() { &b.en } else { &a.en },
        )
    };
    let string = |a: &String, b: &String| {
        if a.trim().is_empty() {
            b.clone()
        } else {
            a.clone()
        }
    };
    fn list<T: Clone>(a: &[T], b: &[T]) -> Vec<T> {
        if a.is_empty() {
            b.to_vec()
        } else {
            a.to_vec()
        }
    }
    let mut z = incoming.clone();
    z.id = here.id.clone();
    z.name = text(&incoming.name, &here.name);
    if incoming.kind == crate::model::ZoneKind::Other {
        z.kind = here.kind;
    }
    // A location here that says more (山西省长治市) than the incoming one (山西省) stays.
    let broader = |a: &str, b: &str| b.starts_with(a) && b.len() > a.len();
    z.location = Text::new(
        if broader(&incoming.location.zh, &here.location.zh)
            || incoming.location.zh.trim().is_empty()
        {
            &here.location.zh
        } else {
            &incoming.location.zh
        },
        if broader(&incoming.location.en, &here.location.en)
            || incoming.location.en.trim().is_empty()
        {
            &here.location.en
        } else {
            &incoming.location.en
        },
    );
    // The summary here, with the incoming lines it does not have yet (a table's columns
    // kept as `header: value` lines add to a profile's summary, never replace it).
    let merged = |a: &str, b: &str| {
        let mut out = b.to_string();
        for line in a.lines().filter(|l| !l.trim().is_empty()) {
            if !out.lines().any(|l| l == line) {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(line);
            }
        }
        out
    };
    z.summary = Text::new(
        &merged(&incoming.summary.zh, &here.summary.zh),
        &merged(&incoming.summary.en, &here.summary.en),
    );
    // A table's leading industries are bare names: the clusters here (with their chain
    // links, keywords and codes) stay, and a name they do not have is added.
    let bare = |c: &crate::model::Cluster| {
        c.links.is_empty() && c.keywords.is_empty() && c.codes.is_empty()
    };
    z.clusters = if !here.clusters.is_empty() && incoming.clusters.iter().all(bare) {
        let mut merged = here.clusters.clone();
        for c in &incoming.clusters {
            if !merged.iter().any(|m| m.name.zh == c.name.zh) {
                merged.push(c.clone());
            }
        }
        merged
    } else {
        list(&incoming.clusters, &here.clusters)
    };
    let (f, h) = (&incoming.factory, &here.factory);
    z.factory.planned_m2 = f.planned_m2.or(h.planned_m2);
    z.factory.built_m2 = f.built_m2.or(h.built_m2);
    z.factory.occupancy_pct = f.occupancy_pct.or(h.occupancy_pct);
    z.factory.available_m2 = f.available_m2.or(h.available_m2);
    z.land_available_mu = incoming.land_available_mu.or(here.land_available_mu);
    z.land_note = text(&incoming.land_note, &here.land_note);
    z.min_investment_wan = incoming.min_investment_wan.or(here.min_investment_wan);
    z.min_intensity_wan_per_mu = incoming
        .min_intensity_wan_per_mu
        .or(here.min_intensity_wan_per_mu);
    z.restricted = list(&incoming.restricted, &here.restricted);
    z.incentives = list(&incoming.incentives, &here.incentives);
    z.incentive_count = incoming.incentive_count.or(here.incentive_count);
    z.incentive_cap_wan = incoming.incentive_cap_wan.or(here.incentive_cap_wan);
    z.services = list(&incoming.services, &here.services);
    z.target_regions = list(&incoming.target_regions, &here.target_regions);
    z.contacts = list(&incoming.contacts, &here.contacts);
    z.as_of = string(&incoming.as_of, &here.as_of);
    z.source = string(&incoming.source, &here.source);
    z.catalogue_code = string(&incoming.catalogue_code, &here.catalogue_code);
    z.level = string(&incoming.level, &here.level);
    z.approved = string(&incoming.approved, &here.approved);
    z.approved_area_ha = incoming.approved_area_ha.or(here.approved_area_ha);
    for (k, v) in &here.extra {
        z.extra.entry(k.clone()).or_insert_with(|| v.clone());
    }
    z
}
