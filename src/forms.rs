//! What the capture and edit forms hold while the user types, and how a filled form turns
//! into a record. Pure, so the rules (what is required, which units parse) are tested
//! natively; the views only bind inputs to these drafts.

use crate::i18n::{fmt_m2, fmt_mu, fmt_num, fmt_wan};
use crate::model::{
    parse_area_m2, parse_land_mu, parse_quantity, parse_wan, ChainLink, Cluster, FactorySpace,
    FieldError, Lang, LinkStatus, MustHave, Prospect, Stage, Text, Zone, ZoneKind,
};
use crate::text::amount::{self, Amount, AmountError};

/// The capture form's fields as typed. Serialisable so that a half-filled form survives
/// a reload or an app update (fields added later default when an older draft is read).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ProspectDraft {
    pub name: String,
    /// Code name (代号), what may be shown to visitors.
    pub code_name: String,
    pub industry: String,
    pub products: String,
    pub investment: String,
    pub factory: String,
    pub land: String,
    pub jobs: String,
    pub origin: String,
    pub notes: String,
    pub stage: Stage,
    /// Factory space is a must-have: zones known to lack it are excluded.
    pub must_factory: bool,
    /// Land is a must-have.
    pub must_land: bool,
}

/// A capture-form field that can be refused or marked for review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProspectField {
    Name,
    Investment,
    Factory,
    Land,
    Jobs,
}

/// The amount fields of the capture form, in form order.
const AMOUNT_FIELDS: [ProspectField; 4] = [
    ProspectField::Investment,
    ProspectField::Factory,
    ProspectField::Land,
    ProspectField::Jobs,
];

/// Jobs that could not be read are kept in the notes on a last line starting with this
/// (there is no field for jobs as typed); [`ProspectDraft::from_prospect`] moves that line
/// back into the jobs field.
pub const JOBS_NOTE: &str = "就业人数: ";

impl ProspectField {
    /// The field's short name, for "could not read: …".
    fn label(self) -> Text {
        let (zh, en) = match self {
            ProspectField::Name => ("名称", "name"),
            ProspectField::Investment => ("投资额", "investment"),
            ProspectField::Factory => ("厂房面积", "factory space"),
            ProspectField::Land => ("用地", "land"),
            ProspectField::Jobs => ("就业人数", "jobs"),
        };
        Text::new(zh, en)
    }
}

/// Read what was typed into an amount field, in the field's unit (万元, m², 亩, people).
fn read(field: ProspectField, typed: &str) -> Result<Option<Amount>, AmountError> {
    let kind = match field {
        ProspectField::Investment => amount::Field::Money,
        ProspectField::Factory => amount::Field::Area,
        ProspectField::Land => amount::Field::Land,
        ProspectField::Jobs | ProspectField::Name => amount::Field::Count,
    };
    amount::read(typed, kind)
}

/// What to store for a typed amount: the value in the field's unit, or (foreign money,
/// or text that cannot be read) no value and the text as typed.
fn stored(field: ProspectField, typed: &str) -> (Option<f64>, String) {
    match read(field, typed) {
        Ok(None) => (None, String::new()),
        Ok(Some(Amount::Foreign { .. })) | Err(_) => (None, typed.trim().to_string()),
        Ok(Some(a)) => (Some(a.value()), String::new()),
    }
}

/// A number as an editable field shows it: no grouping, every digit that was stored.
fn plain(v: Option<f64>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

/// What the text typed into a capture-form amount field was read as, shown beside the
/// field as the user types.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// `= 20,000 m²`, `= 6亿元` / `= CNY 600 million`, `= USD 5,000,000 (kept in USD, not
    /// converted)`, or why the text cannot be read and what happens to it.
    pub text: Text,
    /// True when no value can be stored: the text is kept as typed and the field marked
    /// for review (jobs: kept in the notes).
    pub review: bool,
}

/// What `typed` reads as in `field`; `None` for an empty field (or the name field).
///
/// ```
/// use zonematch::forms::{reading, ProspectField};
/// let r = reading(ProspectField::Land, "3.3公顷").unwrap();
/// assert_eq!((r.text.zh.as_str(), r.text.en.as_str()), ("= 49.5 亩", "= 49.5 mu"));
/// assert!(reading(ProspectField::Factory, "2万多").unwrap().review);
/// ```
pub fn reading(field: ProspectField, typed: &str) -> Option<Reading> {
    let value = |zh: String, en: String| Reading {
        text: Text::new(&zh, &en),
        review: false,
    };
    let t = typed.trim();
    Some(match read(field, t) {
        Ok(None) => return None,
        Ok(Some(Amount::Wan(w))) if w < 1.0 => value(
            format!("= {}元", fmt_num(w * 1e4)),
            format!("= CNY {}", fmt_num(w * 1e4)),
        ),
        Ok(Some(Amount::Wan(w))) if w < 100.0 => value(
            format!("= {}", fmt_wan(w, Lang::Zh)),
            format!("= CNY {}", fmt_num(w * 1e4)),
        ),
        Ok(Some(Amount::Wan(w))) => value(
            format!("= {}", fmt_wan(w, Lang::Zh)),
            format!("= {}", fmt_wan(w, Lang::En)),
        ),
        Ok(Some(Amount::Foreign { currency, amount })) => {
            let zh = amount::currency_zh(currency);
            value(
                format!("= {} {zh}（按{zh}保存，不折算为人民币）", fmt_num(amount)),
                format!(
                    "= {currency} {} (kept in {currency}, not converted)",
                    fmt_num(amount)
                ),
            )
        }
        Ok(Some(Amount::M2(v))) => value(
            format!("= {}", fmt_m2(v, Lang::Zh)),
            format!("= {}", fmt_m2(v, Lang::En)),
        ),
        Ok(Some(Amount::Mu(v))) => value(
            format!("= {}", fmt_mu(v, Lang::Zh)),
            format!("= {}", fmt_mu(v, Lang::En)),
        ),
        Ok(Some(Amount::Count(v))) => value(
            format!("= {} 人", fmt_num(v.round())),
            format!(
                "= {} {}",
                fmt_num(v.round()),
                if v.round() == 1.0 { "job" } else { "jobs" }
            ),
        ),
        Err(e) => {
            let (zh, en) = match (e, field) {
                (AmountError::Negative, _) => ("是负数".to_string(), "is negative".to_string()),
                (AmountError::WrongKind, ProspectField::Investment) => {
                    ("不是金额".into(), "is not an amount of money".into())
                }
                (AmountError::WrongKind, ProspectField::Factory) => {
                    ("不是面积".into(), "is not a floor area".into())
                }
                (AmountError::WrongKind, ProspectField::Land) => {
                    ("不是土地面积".into(), "is not an area of land".into())
                }
                (AmountError::WrongKind, _) => {
                    ("不是人数".into(), "is not a number of people".into())
                }
                (AmountError::Unreadable, _) => (String::new(), String::new()),
            };
            let (then_zh, then_en) = if field == ProspectField::Jobs {
                ("将按原文记入备注", "it will be kept in the notes as typed")
            } else {
                (
                    "将按原文保存并标记待核",
                    "it will be saved as typed and marked for review",
                )
            };
            let (zh, en) = if zh.is_empty() {
                (
                    format!("无法识别“{t}”，{then_zh}"),
                    format!("cannot read “{t}”; {then_en}"),
                )
            } else {
                (
                    format!("“{t}”{zh}，{then_zh}"),
                    format!("“{t}” {en}; {then_en}"),
                )
            };
            Reading {
                text: Text::new(&zh, &en),
                review: true,
            }
        }
    })
}

/// "Could not read: factory space “2万多”" for the live ranking, from
/// [`ProspectDraft::unreadable`]; `None` when everything typed was read.
pub fn could_not_read(unreadable: &[(ProspectField, String)]) -> Option<Text> {
    if unreadable.is_empty() {
        return None;
    }
    let zh: Vec<String> = unreadable
        .iter()
        .map(|(f, t)| format!("{}“{t}”", f.label().zh))
        .collect();
    let en: Vec<String> = unreadable
        .iter()
        .map(|(f, t)| format!("{} “{t}”", f.label().en))
        .collect();
    Some(Text::new(
        &format!("无法识别（未用于排序）：{}", zh.join("、")),
        &format!("Could not read (not used for ranking): {}", en.join(", ")),
    ))
}

/// The fields of a stored prospect marked for review: the amount was kept as typed
/// because it could not be read (value empty, text kept, and the text is not money in
/// another currency, which is kept on purpose). With the text as typed.
pub fn review_fields(p: &Prospect) -> Vec<(ProspectField, &str)> {
    let mut out = Vec::new();
    for (field, value, text) in [
        (
            ProspectField::Investment,
            p.investment_wan,
            &p.investment_text,
        ),
        (ProspectField::Factory, p.factory_m2, &p.factory_text),
        (ProspectField::Land, p.land_mu, &p.land_text),
    ] {
        let foreign = matches!(read(field, text), Ok(Some(Amount::Foreign { .. })));
        if value.is_none() && !text.trim().is_empty() && !foreign {
            out.push((field, text.as_str()));
        }
    }
    out
}

/// Whether a stored prospect has an amount marked for review (see [`review_fields`]).
pub fn needs_review(p: &Prospect) -> bool {
    !review_fields(p).is_empty()
}

impl ProspectDraft {
    /// The form for editing `p`: stored values as plain numbers, and the text as typed
    /// where no value was stored (foreign money, text marked for review, jobs kept in the
    /// notes).
    pub fn from_prospect(p: &Prospect) -> Self {
        let typed = |v: Option<f64>, text: &str| match v {
            Some(_) => plain(v),
            None => text.to_string(),
        };
        let (jobs, notes) = match p.jobs {
            Some(j) => (j.to_string(), p.notes.clone()),
            None => match p.notes.rsplit_once('\n') {
                Some((before, last)) if last.starts_with(JOBS_NOTE) => {
                    (last[JOBS_NOTE.len()..].to_string(), before.to_string())
                }
                None if p.notes.starts_with(JOBS_NOTE) => {
                    (p.notes[JOBS_NOTE.len()..].to_string(), String::new())
                }
                _ => (String::new(), p.notes.clone()),
            },
        };
        Self {
            name: p.name.clone(),
            code_name: p.code_name.clone(),
            industry: p.industry.clone(),
            products: p.products.clone(),
            investment: typed(p.investment_wan, &p.investment_text),
            factory: typed(p.factory_m2, &p.factory_text),
            land: typed(p.land_mu, &p.land_text),
            jobs,
            origin: p.origin.clone(),
            notes,
            stage: p.stage,
            must_factory: p.must_have.factory,
            must_land: p.must_have.land,
        }
    }

    /// The record this draft describes. Only a name, a code name or an industry is
    /// required: a booth conversation may give nothing else. An amount never refuses the
    /// form: a value that can be read is stored in its unit; foreign money and text that
    /// cannot be read are kept as typed (`*_text`) with no value, the latter marked for
    /// review ([`review_fields`]); jobs that cannot be read go to the last line of the
    /// notes (`就业人数: …`).
    pub fn to_prospect(
        &self,
        id: &str,
        created: &str,
    ) -> Result<Prospect, Vec<(ProspectField, Text)>> {
        if self.name.trim().is_empty()
            && self.industry.trim().is_empty()
            && self.code_name.trim().is_empty()
        {
            return Err(vec![(
                ProspectField::Name,
                Text::new(
                    "请至少填写企业名称、代号或行业",
                    "Enter at least a name, a code name or an industry",
                ),
            )]);
        }
        let (investment_wan, investment_text) = stored(ProspectField::Investment, &self.investment);
        let (factory_m2, factory_text) = stored(ProspectField::Factory, &self.factory);
        let (land_mu, land_text) = stored(ProspectField::Land, &self.land);
        let (jobs, jobs_text) = stored(ProspectField::Jobs, &self.jobs);
        let mut notes = self.notes.trim().to_string();
        if !jobs_text.is_empty() {
            if !notes.is_empty() {
                notes.push('\n');
            }
            notes.push_str(JOBS_NOTE);
            notes.push_str(&jobs_text);
        }
        Ok(Prospect {
            id: id.to_string(),
            name: self.name.trim().to_string(),
            code_name: self.code_name.trim().to_string(),
            industry: self.industry.trim().to_string(),
            products: self.products.trim().to_string(),
            investment_wan,
            investment_text,
            factory_m2,
            factory_text,
            land_mu,
            land_text,
            jobs: jobs.map(|j| j.round().min(u32::MAX as f64) as u32),
            must_have: MustHave {
                factory: self.must_factory,
                land: self.must_land,
                ..Default::default()
            },
            origin: self.origin.trim().to_string(),
            notes,
            stage: self.stage,
            created: created.to_string(),
            ..Default::default()
        })
    }

    /// `base` edited with this draft: the fields the form holds are replaced; what it does
    /// not hold (the zone, the stage and its history, the standing, the capture time,
    /// fields of newer versions) is kept. Same refusals as [`ProspectDraft::to_prospect`].
    pub fn apply_to(&self, base: &Prospect) -> Result<Prospect, Vec<(ProspectField, Text)>> {
        let edited = self.to_prospect(&base.id, &base.created)?;
        let mut must_have = edited.must_have;
        must_have.extra = base.must_have.extra.clone();
        Ok(Prospect {
            must_have,
            stage: base.stage,
            zone_id: base.zone_id.clone(),
            stage_history: base.stage_history.clone(),
            standing: base.standing,
            standing_reason: base.standing_reason.clone(),
            extra: base.extra.clone(),
            ..edited
        })
    }

    /// A lenient reading for live matching while the user types: fields that cannot be
    /// read (yet) are left out of the ranking; [`ProspectDraft::unreadable`] lists them.
    pub fn preview(&self) -> Prospect {
        Prospect {
            id: String::new(),
            name: self.name.clone(),
            code_name: self.code_name.clone(),
            industry: self.industry.clone(),
            products: self.products.clone(),
            investment_wan: stored(ProspectField::Investment, &self.investment).0,
            factory_m2: stored(ProspectField::Factory, &self.factory).0,
            land_mu: stored(ProspectField::Land, &self.land).0,
            origin: self.origin.clone(),
            must_have: MustHave {
                factory: self.must_factory,
                land: self.must_land,
                ..Default::default()
            },
            ..Default::default()
        }
    }

    /// What [`reading`] says for one amount field of the draft.
    pub fn reading(&self, field: ProspectField) -> Option<Reading> {
        reading(field, self.typed(field))
    }

    fn typed(&self, field: ProspectField) -> &str {
        match field {
            ProspectField::Investment => &self.investment,
            ProspectField::Factory => &self.factory,
            ProspectField::Land => &self.land,
            ProspectField::Jobs => &self.jobs,
            ProspectField::Name => "",
        }
    }

    /// The amount fields whose text cannot be read (unreadable, negative or of the wrong
    /// kind), with the text as typed, in form order. Foreign money is read (and kept), so
    /// it is not listed. See [`could_not_read`] for the sentence.
    pub fn unreadable(&self) -> Vec<(ProspectField, String)> {
        AMOUNT_FIELDS
            .iter()
            .filter(|f| read(**f, self.typed(**f)).is_err())
            .map(|f| (*f, self.typed(*f).trim().to_string()))
            .collect()
    }

    /// The amount fields that cannot be read, with why, for a strict reader (a CSV import
    /// refuses such rows, so the file can be corrected and imported again).
    pub fn amount_errors(&self) -> Vec<(ProspectField, Text)> {
        AMOUNT_FIELDS
            .iter()
            .filter_map(|f| match read(*f, self.typed(*f)) {
                Err(e) => Some((*f, FieldError::from(e).message())),
                Ok(_) => None,
            })
            .collect()
    }
}

/// The zone editor's fields as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ZoneDraft {
    pub name_zh: String,
    pub name_en: String,
    pub kind: ZoneKind,
    pub location_zh: String,
    pub location_en: String,
    pub summary_zh: String,
    pub summary_en: String,
    pub clusters: String,
    pub available_m2: String,
    pub built_m2: String,
    pub planned_m2: String,
    pub occupancy_pct: String,
    pub land_mu: String,
    pub min_investment: String,
    pub min_intensity: String,
    pub as_of: String,
    /// Restricted industries, separated by commas: codes (25, 2614) or words (高耗能).
    pub restricted: String,
}

/// A zone-editor field that can be refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoneField {
    Name,
    Clusters,
    AvailableM2,
    BuiltM2,
    PlannedM2,
    Occupancy,
    Land,
    MinInvestment,
    MinIntensity,
}

fn num_text(v: Option<f64>) -> String {
    v.map(|x| crate::i18n::fmt_num(x).replace(',', ""))
        .unwrap_or_default()
}

impl ZoneDraft {
    pub fn from_zone(z: &Zone) -> Self {
        Self {
            name_zh: z.name.zh.clone(),
            name_en: z.name.en.clone(),
            kind: z.kind,
            location_zh: z.location.zh.clone(),
            location_en: z.location.en.clone(),
            summary_zh: z.summary.zh.clone(),
            summary_en: z.summary.en.clone(),
            clusters: cluster_lines(&z.clusters),
            available_m2: num_text(z.factory.available_m2),
            built_m2: num_text(z.factory.built_m2),
            planned_m2: num_text(z.factory.planned_m2),
            occupancy_pct: num_text(z.factory.occupancy_pct),
            land_mu: num_text(z.land_available_mu),
            min_investment: num_text(z.min_investment_wan),
            min_intensity: num_text(z.min_intensity_wan_per_mu),
            as_of: z.as_of.clone(),
            restricted: z.restricted.join(", "),
        }
    }

    /// `base` with the draft's fields applied; fields the draft does not hold (incentives,
    /// services, contacts, keywords of unchanged clusters) are kept.
    pub fn apply(&self, base: &Zone) -> Result<Zone, Vec<(ZoneField, Text)>> {
        let mut errors = Vec::new();
        let mut z = self.apply_basics(base, &mut errors);
        match parse_cluster_lines(&self.clusters, &base.clusters) {
            Ok(c) => z.clusters = c,
            Err(line) => errors.push((
                ZoneField::Clusters,
                Text::new(
                    &format!("第 {line} 行缺少集群名称"),
                    &format!("Line {line} has no cluster name"),
                ),
            )),
        }
        z.as_of = self.as_of.trim().to_string();
        if errors.is_empty() {
            Ok(z)
        } else {
            Err(errors)
        }
    }

    /// `base` with the draft's names, kind, place, summary, factory space (m²), land (亩),
    /// thresholds (万元, 万元/亩) and restricted industries applied; its clusters and
    /// "as of" date are left as they were (the structured editor,
    /// [`crate::zone_form::ZoneForm`], sets those itself). Refusals go to `errors`.
    pub fn apply_basics(&self, base: &Zone, errors: &mut Vec<(ZoneField, Text)>) -> Zone {
        type Parse = fn(&str) -> Result<Option<f64>, FieldError>;
        let mut num = |field, input: &str, parse: Parse| match parse(input) {
            Ok(v) => v,
            Err(e) => {
                errors.push((field, e.message()));
                None
            }
        };
        let available_m2 = num(ZoneField::AvailableM2, &self.available_m2, parse_area_m2);
        let built_m2 = num(ZoneField::BuiltM2, &self.built_m2, parse_area_m2);
        let planned_m2 = num(ZoneField::PlannedM2, &self.planned_m2, parse_area_m2);
        let occupancy_pct = num(
            ZoneField::Occupancy,
            &self.occupancy_pct.replace('%', ""),
            parse_quantity,
        );
        let land = num(ZoneField::Land, &self.land_mu, parse_land_mu);
        let min_intensity = num(ZoneField::MinIntensity, &self.min_intensity, parse_quantity);
        let min_investment = num(ZoneField::MinInvestment, &self.min_investment, parse_wan);
        if occupancy_pct.is_some_and(|o| o > 100.0) {
            errors.push((
                ZoneField::Occupancy,
                Text::new(
                    "使用率应在 0 到 100 之间",
                    "Share in use must be between 0 and 100",
                ),
            ));
        }
        if self.name_zh.trim().is_empty() && self.name_en.trim().is_empty() {
            errors.push((
                ZoneField::Name,
                Text::new(
                    "请填写园区名称（中文或英文）",
                    "Enter the zone's name (Chinese or English)",
                ),
            ));
        }
        let mut z = base.clone();
        z.name = Text::new(self.name_zh.trim(), self.name_en.trim());
        z.kind = self.kind;
        z.location = Text::new(self.location_zh.trim(), self.location_en.trim());
        z.summary = Text::new(self.summary_zh.trim(), self.summary_en.trim());
        z.factory = FactorySpace {
            planned_m2,
            built_m2,
            occupancy_pct,
            available_m2,
            extra: base.factory.extra.clone(),
        };
        z.land_available_mu = land;
        z.min_investment_wan = min_investment;
        z.min_intensity_wan_per_mu = min_intensity;
        z.restricted = self
            .restricted
            .split([',', '，', '、', ';', '；'])
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(String::from)
            .collect();
        z
    }
}

/// What a link name says about the link's status: `储能电池PACK（招商）`,
/// `储能电池PACK(招引)` or `Battery packs (wanted)` name the link 储能电池PACK / Battery
/// packs, wanted (招引). A note in brackets at the end of the name whose words are one of
/// [`WANTED_NOTES`] is taken off; any other bracket (`电子高端材料（铜箔）`) is part of the
/// name. Returns the name without the note and whether the note was there.
///
/// ```
/// use zonematch::forms::split_wanted;
/// assert_eq!(split_wanted("储能电池PACK（招商）"), ("储能电池PACK", true));
/// assert_eq!(split_wanted(" 储能电池PACK(招引) "), ("储能电池PACK", true));
/// assert_eq!(split_wanted("信创（龙芯）"), ("信创（龙芯）", false));
/// ```
pub fn split_wanted(name: &str) -> (&str, bool) {
    let name = name.trim();
    let Some(close) = name.chars().last().filter(|c| "）)】]".contains(*c)) else {
        return (name, false);
    };
    let body = &name[..name.len() - close.len_utf8()];
    let Some(open) = body.rfind(['（', '(', '【', '[']) else {
        return (name, false);
    };
    let note = body[open..]
        .trim_start_matches(['（', '(', '【', '['])
        .trim()
        .to_lowercase();
    let rest = body[..open].trim_end();
    if rest.is_empty() || !WANTED_NOTES.contains(&note.as_str()) {
        return (name, false);
    }
    (rest, true)
}

/// Notes after a link's name that mean "being recruited" (招引): what zone staff write in
/// their chain maps.
pub const WANTED_NOTES: &[&str] = &[
    "招商",
    "招引",
    "招商中",
    "招引中",
    "拟招引",
    "待招引",
    "待引进",
    "缺链",
    "补链",
    "wanted",
    "to recruit",
    "recruiting",
];

/// The note [`cluster_lines`] writes after a wanted link, read back by
/// [`parse_cluster_lines`].
pub const WANTED_NOTE: &str = "（招引）";

/// Clusters as editable lines: `集群 | English | 环节1、环节2（招引）`, a wanted link marked
/// with [`WANTED_NOTE`] (the CSV table's clusters column).
pub fn cluster_lines(clusters: &[Cluster]) -> String {
    clusters
        .iter()
        .map(|c| {
            let links: Vec<String> = c
                .links
                .iter()
                .map(|l| match l.status {
                    LinkStatus::Wanted => format!("{}{WANTED_NOTE}", l.name.zh),
                    LinkStatus::Present => l.name.zh.clone(),
                })
                .collect();
            format!("{} | {} | {}", c.name.zh, c.name.en, links.join("、"))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Parse cluster lines back. A link named with a wanted note (`储能电池PACK（招商）`, see
/// [`split_wanted`]) is wanted; a cluster or link whose Chinese name is unchanged keeps
/// its keywords, codes, chain stage and (without a note) status. Err carries the 1-based
/// number of a line without a cluster name.
pub fn parse_cluster_lines(text: &str, existing: &[Cluster]) -> Result<Vec<Cluster>, usize> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut parts = line.splitn(3, ['|', '｜']).map(str::trim);
        let zh = parts.next().unwrap_or_default();
        let en = parts.next().unwrap_or_default();
        let links_text = parts.next().unwrap_or_default();
        if zh.is_empty() && en.is_empty() {
            return Err(i + 1);
        }
        let old = existing.iter().find(|c| !zh.is_empty() && c.name.zh == zh);
        let links = links_text
            .split(['、', ',', '，', ';', '；'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|typed| {
                let (name, wanted) = split_wanted(typed);
                let mut link = old
                    .and_then(|c| c.links.iter().find(|l| l.name.zh == name))
                    .cloned()
                    .unwrap_or_else(|| ChainLink {
                        name: Text::new(name, ""),
                        ..Default::default()
                    });
                if wanted {
                    link.status = LinkStatus::Wanted;
                }
                link
            })
            .collect();
        out.push(Cluster {
            name: Text::new(zh, en),
            keywords: old.map(|c| c.keywords.clone()).unwrap_or_default(),
            codes: old.map(|c| c.codes.clone()).unwrap_or_default(),
            links,
            extra: old.map(|c| c.extra.clone()).unwrap_or_default(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn booth_capture_needs_only_a_name_code_name_or_industry() {
        let draft = ProspectDraft {
            industry: "21700圆柱动力电池".into(),
            investment: "6亿".into(),
            factory: "2万平米".into(),
            land: "3.3公顷".into(),
            jobs: "三百人".into(),
            ..Default::default()
        };
        let p = draft.to_prospect("p1", "2026-11-27").unwrap();
        assert_eq!(p.investment_wan, Some(60_000.0));
        assert_eq!(p.factory_m2, Some(20_000.0));
        assert_eq!(p.land_mu, Some(49.5));
        assert_eq!(p.jobs, Some(300));
        assert_eq!(
            (
                p.investment_text.as_str(),
                p.factory_text.as_str(),
                p.land_text.as_str()
            ),
            ("", "", "")
        );
        assert!(!needs_review(&p));
        assert_eq!(
            ProspectDraft::default().to_prospect("p", "").unwrap_err()[0].0,
            ProspectField::Name
        );
        let coded = ProspectDraft {
            code_name: " 猎鹰 ".into(),
            ..Default::default()
        }
        .to_prospect("p", "")
        .unwrap();
        assert_eq!(coded.code_name, "猎鹰");
    }

    #[test]
    fn amounts_never_refuse_the_form() {
        let draft = ProspectDraft {
            name: "甲".into(),
            investment: "很多".into(),
            factory: "2万多".into(),
            land: "2万美元".into(),
            jobs: "300多".into(),
            notes: "展会上认识".into(),
            ..Default::default()
        };
        let p = draft.to_prospect("p", "").unwrap();
        assert_eq!(
            (p.investment_wan, p.factory_m2, p.land_mu, p.jobs),
            (None, None, None, None)
        );
        assert_eq!(p.investment_text, "很多");
        assert_eq!(p.factory_text, "2万多");
        assert_eq!(p.land_text, "2万美元");
        assert_eq!(p.notes, "展会上认识\n就业人数: 300多");
        assert_eq!(
            review_fields(&p),
            vec![
                (ProspectField::Investment, "很多"),
                (ProspectField::Factory, "2万多"),
                (ProspectField::Land, "2万美元"),
            ]
        );
        let negative = ProspectDraft {
            name: "乙".into(),
            factory: "-3".into(),
            ..Default::default()
        };
        let p = negative.to_prospect("p", "").unwrap();
        assert_eq!((p.factory_m2, p.factory_text.as_str()), (None, "-3"));
        assert!(needs_review(&p));
    }

    #[test]
    fn foreign_money_is_kept_not_converted_and_not_for_review() {
        for typed in ["USD 5 million", "500万美元", "US$5m", "5 million dollars"] {
            let p = ProspectDraft {
                name: "Falcon".into(),
                investment: typed.into(),
                ..Default::default()
            }
            .to_prospect("p", "")
            .unwrap();
            assert_eq!(p.investment_wan, None, "{typed}");
            assert_eq!(p.investment_text, typed);
            assert!(!needs_review(&p), "{typed}");
            let r = reading(ProspectField::Investment, typed).unwrap();
            assert!(!r.review);
            assert_eq!(r.text.en, "= USD 5,000,000 (kept in USD, not converted)");
            assert_eq!(r.text.zh, "= 5,000,000 美元（按美元保存，不折算为人民币）");
        }
    }

    #[test]
    fn readings_say_what_was_understood() {
        let cases: &[(ProspectField, &str, &str, &str)] = &[
            (
                ProspectField::Factory,
                "2万平米",
                "= 20,000 m²",
                "= 20,000 m²",
            ),
            (
                ProspectField::Factory,
                "20,000 sqm",
                "= 20,000 m²",
                "= 20,000 m²",
            ),
            (
                ProspectField::Investment,
                "6亿",
                "= 6亿元",
                "= CNY 600 million",
            ),
            (
                ProspectField::Investment,
                "8500万元",
                "= 8,500万元",
                "= CNY 85 million",
            ),
            (
                ProspectField::Investment,
                "300 million",
                "= 3亿元",
                "= CNY 300 million",
            ),
            (ProspectField::Investment, "50", "= 50万元", "= CNY 500,000"),
            (
                ProspectField::Investment,
                "5000元",
                "= 5,000元",
                "= CNY 5,000",
            ),
            (ProspectField::Land, "3.3公顷", "= 49.5 亩", "= 49.5 mu"),
            (ProspectField::Land, "0.5平方公里", "= 750 亩", "= 750 mu"),
            (ProspectField::Jobs, "三百人", "= 300 人", "= 300 jobs"),
            (
                ProspectField::Factory,
                "2万多",
                "无法识别“2万多”，将按原文保存并标记待核",
                "cannot read “2万多”; it will be saved as typed and marked for review",
            ),
            (
                ProspectField::Land,
                "2万美元",
                "“2万美元”不是土地面积，将按原文保存并标记待核",
                "“2万美元” is not an area of land; it will be saved as typed and marked for review",
            ),
            (
                ProspectField::Jobs,
                "300多",
                "无法识别“300多”，将按原文记入备注",
                "cannot read “300多”; it will be kept in the notes as typed",
            ),
        ];
        for (field, typed, zh, en) in cases {
            let r = reading(*field, typed).unwrap();
            assert_eq!(
                (r.text.zh.as_str(), r.text.en.as_str()),
                (*zh, *en),
                "{typed}"
            );
            assert_eq!(r.review, zh.contains('“'), "{typed}");
        }
        assert_eq!(reading(ProspectField::Factory, "  "), None);
    }

    #[test]
    fn preview_reads_leniently_and_lists_what_it_could_not_read() {
        let draft = ProspectDraft {
            industry: "锂电池".into(),
            investment: "USD 5 million".into(),
            factory: "2万多".into(),
            land: "50 mu".into(),
            jobs: "x".into(),
            ..Default::default()
        };
        let p = draft.preview();
        assert_eq!(
            (p.investment_wan, p.factory_m2, p.land_mu),
            (None, None, Some(50.0))
        );
        let unread = draft.unreadable();
        assert_eq!(
            unread,
            vec![
                (ProspectField::Factory, "2万多".to_string()),
                (ProspectField::Jobs, "x".to_string())
            ]
        );
        let t = could_not_read(&unread).unwrap();
        assert_eq!(
            t.en,
            "Could not read (not used for ranking): factory space “2万多”, jobs “x”"
        );
        assert_eq!(t.zh, "无法识别（未用于排序）：厂房面积“2万多”、就业人数“x”");
        assert_eq!(could_not_read(&[]), None);
        assert_eq!(draft.amount_errors().len(), 2);
    }

    #[test]
    fn an_edit_keeps_what_the_form_does_not_hold() {
        let mut base = ProspectDraft {
            name: "某企业".into(),
            industry: "动力电池".into(),
            factory: "2万多".into(),
            ..Default::default()
        }
        .to_prospect("p-1", "2026-10-01T02:00:00.000Z")
        .unwrap();
        base.move_to(Stage::Signed, "2026-10-05");
        base.zone_id = "gaoping-etdz".into();
        base.extra.insert("priority".into(), "A".into());
        let mut draft = ProspectDraft::from_prospect(&base);
        assert_eq!(
            draft.factory, "2万多",
            "the text kept for review is back in the form"
        );
        draft.factory = "2万平米".into();
        let edited = draft.apply_to(&base).unwrap();
        assert_eq!(edited.factory_m2, Some(20_000.0));
        assert!(edited.factory_text.is_empty());
        assert!(!needs_review(&edited));
        assert_eq!(edited.stage, Stage::Signed);
        assert_eq!(edited.reached(Stage::Signed), Some("2026-10-05"));
        assert_eq!(edited.zone_id, "gaoping-etdz");
        assert_eq!(edited.created, base.created);
        assert_eq!(edited.extra.get("priority"), base.extra.get("priority"));
    }

    #[test]
    fn draft_round_trips_a_prospect() {
        let drafts = [
            ProspectDraft {
                name: "Code Falcon".into(),
                industry: "IC packaging".into(),
                investment: "15000".into(),
                land: "50".into(),
                jobs: "300".into(),
                ..Default::default()
            },
            ProspectDraft {
                code_name: "猎鹰".into(),
                investment: "500万美元".into(),
                factory: "2万多".into(),
                land: "1亩".into(),
                jobs: "300多".into(),
                notes: "第一行\n第二行".into(),
                ..Default::default()
            },
            ProspectDraft {
                name: "丙".into(),
                factory: "50亩".into(),
                jobs: "两三百".into(),
                ..Default::default()
            },
        ];
        for draft in drafts {
            let p = draft.to_prospect("p9", "t").unwrap();
            let back = ProspectDraft::from_prospect(&p);
            assert_eq!(back.to_prospect("p9", "t").unwrap(), p, "{draft:?}");
            assert_eq!(back.jobs, draft.jobs.trim());
            assert_eq!(back.notes, draft.notes);
        }
    }

    #[test]
    fn drafts_stored_before_code_names_still_load() {
        let old = r#"{"name":"甲","industry":"电池","investment":"6亿","stage":"lead","must_factory":true}"#;
        let d: ProspectDraft = serde_json::from_str(old).unwrap();
        assert_eq!((d.name.as_str(), d.code_name.as_str()), ("甲", ""));
        assert!(d.must_factory);
    }

    #[test]
    fn zone_edit_keeps_hidden_fields_and_keywords() {
        let zones = crate::demo::demo_zones();
        let base = &zones[0];
        let mut draft = ZoneDraft::from_zone(base);
        assert_eq!(
            draft.apply(base).unwrap(),
            *base,
            "unchanged draft is a no-op"
        );
        draft.available_m2 = "45000".into();
        draft
            .clusters
            .push_str("\n储能 | Energy storage | 储能电池、PCS");
        let z = draft.apply(base).unwrap();
        assert_eq!(z.factory.available_m2, Some(45_000.0));
        assert_eq!(z.clusters.len(), base.clusters.len() + 1);
        assert_eq!(z.clusters[0].keywords, base.clusters[0].keywords);
        assert_eq!(z.clusters.last().unwrap().links.len(), 2);
        assert_eq!(z.incentives, base.incentives);
        draft.restricted = "25，高耗能、 2614".into();
        let z = draft.apply(base).unwrap();
        assert_eq!(z.restricted, vec!["25", "高耗能", "2614"]);
    }

    #[test]
    fn a_wanted_note_after_a_link_name_means_wanted() {
        for (typed, name, wanted) in [
            ("储能电池PACK（招商）", "储能电池PACK", true),
            ("储能电池PACK(招引)", "储能电池PACK", true),
            ("储能电池PACK （招引中）", "储能电池PACK", true),
            ("Battery packs [to recruit]", "Battery packs", true),
            ("储能电池PACK", "储能电池PACK", false),
            ("电子高端材料（铜箔）", "电子高端材料（铜箔）", false),
            ("（招商）", "（招商）", false),
            ("招商服务", "招商服务", false),
        ] {
            assert_eq!(split_wanted(typed), (name, wanted), "{typed}");
        }
        // The text lines of the CSV table read the note, and write it for wanted links.
        let zones = crate::demo::demo_zones();
        let base = &zones[0];
        let mut draft = ZoneDraft::from_zone(base);
        draft
            .clusters
            .push_str("\n储能 | Energy storage | 储能电池PACK（招商）、PCS");
        let z = draft.apply(base).unwrap();
        let links = &z.clusters.last().unwrap().links;
        assert_eq!(links[0].name.zh, "储能电池PACK");
        assert_eq!(links[0].status, LinkStatus::Wanted);
        assert_eq!(links[1].status, LinkStatus::Present);
        assert!(cluster_lines(&z.clusters).contains("储能电池PACK（招引）、PCS"));
        assert_eq!(ZoneDraft::from_zone(&z).apply(&z).unwrap(), z);
    }

    #[test]
    fn zone_edit_refuses_bad_values() {
        let base = Zone::default();
        let draft = ZoneDraft {
            occupancy_pct: "120".into(),
            built_m2: "abc".into(),
            ..Default::default()
        };
        let fields: Vec<_> = draft
            .apply(&base)
            .unwrap_err()
            .into_iter()
            .map(|e| e.0)
            .collect();
        assert!(fields.contains(&ZoneField::Occupancy));
        assert!(fields.contains(&ZoneField::BuiltM2));
        assert!(fields.contains(&ZoneField::Name));
    }
}
