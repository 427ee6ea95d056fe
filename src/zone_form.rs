//! The zone editor's draft: a profile's chain map (产业链招商图谱: clusters and their links,
//! present or wanted) and its incentives as rows, with the plain fields of
//! [`ZoneDraft`]. Pure, so what is refused and what is kept is tested natively; the view
//! (`app::zone_editor`) only renders the rows and calls these methods.
//!
//! Saving ([`ZoneForm::apply`]) either gives the whole edited profile or refuses with every
//! problem, each with a message in both languages: a refused save changes nothing.

use crate::dates::{beijing_date, YearMonth};
use crate::forms::{split_wanted, ZoneDraft, ZoneField};
use crate::i18n::{
    chain_stage_label, fmt_m2, fmt_mu, fmt_wan, incentive_category_label, kind_label,
    link_status_label,
};
use crate::matching::CLASSIFICATION_FLOOR;
use crate::model::{
    parse_area_m2, parse_land_mu, parse_quantity, parse_wan, ChainLink, ChainStage, Cluster,
    FieldError, Incentive, IncentiveCategory, Lang, LinkStatus, Text, Zone, ZoneKind,
};
use crate::national::{NationalCatalogue, NationalEntry};
use crate::taxonomy::taxonomy;

/// Identifies a row while the form is open (stable when rows are added, removed or
/// moved), so the view can key its lists and put an error under the right row.
pub type RowKey = u32;

/// What [`ZoneForm::apply`] writes as the profile's source (来源): the facts are now the
/// user's own, typed on this device. Both languages, since the source is shown as stored.
pub const EDITED_SOURCE: &str = "本机编辑 / edited on this device";

/// One chain link (产业链环节) as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LinkRow {
    pub key: RowKey,
    pub name_zh: String,
    pub name_en: String,
    pub stage: ChainStage,
    pub status: LinkStatus,
    /// Taxonomy codes as typed (GB/T 4754-2017 `3841`, or `SEI1`-`SEI9`), separated by
    /// commas or spaces; empty lets matching classify the name itself.
    pub codes: String,
    /// The stored link this row edits (its keywords and unknown fields are kept).
    origin: Option<ChainLink>,
}

/// One industrial cluster (产业集群) as typed, with its links.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClusterRow {
    pub key: RowKey,
    pub name_zh: String,
    pub name_en: String,
    /// Taxonomy codes as typed (see [`LinkRow::codes`]).
    pub codes: String,
    pub links: Vec<LinkRow>,
    /// The stored cluster this row edits, without its links.
    origin: Option<Cluster>,
}

/// One incentive policy (优惠政策) as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IncentiveRow {
    pub key: RowKey,
    pub name_zh: String,
    pub name_en: String,
    pub category: IncentiveCategory,
    /// Most the policy pays one enterprise, as typed: 万元 when bare (`500`), or `5000万`,
    /// `1亿`.
    pub max_amount: String,
    /// Only for projects that rent or buy factory space.
    pub requires_factory: bool,
    /// Only for projects that need land.
    pub requires_land: bool,
    /// Only for projects investing at least this much, as typed (万元 when bare).
    pub min_investment: String,
    /// Only for these industries: taxonomy codes as typed (see [`LinkRow::codes`]); empty
    /// means any industry.
    pub codes: String,
    /// The stored incentive this row edits (its unknown fields are kept).
    origin: Option<Incentive>,
}

/// The zone editor's fields as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ZoneForm {
    /// Names, kind, place, summary, factory space (m²), land (亩), thresholds, restricted
    /// industries and the "as of" month (`YYYY-MM`, the month of the edit unless the user
    /// dates the facts earlier). Its `clusters` text is not used: the rows replace it.
    pub basics: ZoneDraft,
    /// Remark on factory space and land (e.g. "area not published"), Chinese.
    pub land_note_zh: String,
    /// The same remark in English.
    pub land_note_en: String,
    /// How many incentive policies the zone states in all, as typed (more than are listed).
    pub incentive_count: String,
    /// Most one enterprise or project can receive from all policies, as typed (万元 when
    /// bare, or `1亿`).
    pub incentive_cap: String,
    pub clusters: Vec<ClusterRow>,
    pub incentives: Vec<IncentiveRow>,
    /// Why the last save was refused, each problem by field (see [`ZoneForm::apply`]):
    /// shown under the fields. Empty while no save was refused.
    pub refused: Vec<(FormField, Text)>,
    /// The zone already listed (its id) that a new zone, named the way people say it,
    /// would duplicate: offered to open instead.
    pub duplicate: Option<String>,
    next_key: RowKey,
}

/// A field of the zone editor that can be refused: one of the plain fields, or a field of
/// one row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormField {
    Basic(ZoneField),
    AsOf,
    IncentiveCount,
    IncentiveCap,
    ClusterName(RowKey),
    ClusterCodes(RowKey),
    LinkName(RowKey),
    LinkCodes(RowKey),
    IncentiveName(RowKey),
    IncentiveMax(RowKey),
    IncentiveMinInvestment(RowKey),
    IncentiveCodes(RowKey),
}

/// A taxonomy code suggested for a name, with the code's name to show beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeSuggestion {
    pub code: String,
    pub name: Text,
}

/// The taxonomy entry the name most likely describes, when the taxonomy is confident
/// enough to say so (confidence ≥ [`CLASSIFICATION_FLOOR`], the floor matching uses):
/// from the Chinese name, else the English one. A wanted note (`（招商）`) is ignored.
///
/// ```
/// use zonematch::zone_form::suggest_code;
/// assert_eq!(suggest_code("集成电路封装", "").unwrap().code, "3973");
/// assert_eq!(suggest_code("", "").map(|s| s.code), None);
/// ```
pub fn suggest_code(name_zh: &str, name_en: &str) -> Option<CodeSuggestion> {
    let t = taxonomy();
    [name_zh, name_en]
        .into_iter()
        .map(|n| split_wanted(n).0)
        .filter(|n| !n.is_empty())
        .find_map(|n| {
            let best = t.classify_text(n).into_iter().next()?;
            (best.confidence >= CLASSIFICATION_FLOOR).then(|| {
                let e = t.entry(best.entry);
                CodeSuggestion {
                    code: e.code.to_string(),
                    name: Text::new(e.zh, e.en),
                }
            })
        })
}

/// The codes typed into a code field, each checked against the taxonomy: `3841, sei6` is
/// `["3841", "SEI6"]`. An unknown code refuses the field, naming it.
pub fn parse_codes(typed: &str) -> Result<Vec<String>, Text> {
    let t = taxonomy();
    let mut codes: Vec<String> = Vec::new();
    let mut unknown = Vec::new();
    for token in typed
        .split([',', '，', '、', ';', '；', ' ', '\u{3000}'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        // Codes are ASCII (`3841`, `SEI6`): ASCII case folding is enough, and keeps
        // Unicode's case tables out of the app.
        let code = token.to_ascii_uppercase();
        if t.find(&code).is_none() {
            unknown.push(token.to_string());
        } else if !codes.contains(&code) {
            codes.push(code);
        }
    }
    if unknown.is_empty() {
        return Ok(codes);
    }
    let list = unknown.join("、");
    Err(Text::new(
        &format!(
            "未知的行业代码“{list}”：请填写国民经济行业分类（GB/T 4754-2017）代码（如 3841）或战略性新兴产业 SEI1–SEI9，也可留空"
        ),
        &format!(
            "Unknown industry code “{}”: use a GB/T 4754-2017 code (such as 3841) or a strategic emerging industry SEI1–SEI9, or leave it empty",
            unknown.join("”, “")
        ),
    ))
}

/// What the typed codes name (`3841 锂离子电池制造`), or why they are refused (`true`),
/// shown beside the field as the user types; `None` when empty.
pub fn codes_reading(typed: &str) -> Option<(Text, bool)> {
    match parse_codes(typed) {
        Ok(codes) if codes.is_empty() => None,
        Ok(codes) => {
            let t = taxonomy();
            let names = |zh: bool| {
                codes
                    .iter()
                    .filter_map(|c| t.find(c))
                    .map(|e| format!("{} {}", e.code, if zh { &e.zh } else { &e.en }))
                    .collect::<Vec<_>>()
            };
            Some((
                Text::new(
                    &format!("= {}", names(true).join("；")),
                    &format!("= {}", names(false).join("; ")),
                ),
                false,
            ))
        }
        Err(e) => Some((e, true)),
    }
}

/// What an amount typed into a zone field reads as (`= 5,000万元` / `= CNY 50 million`),
/// or why it is refused (`true`); `None` when empty.
fn amount_reading(
    typed: &str,
    parse: fn(&str) -> Result<Option<f64>, FieldError>,
    show: fn(f64, Lang) -> String,
) -> Option<(Text, bool)> {
    match parse(typed) {
        Ok(None) => None,
        Ok(Some(v)) => Some((
            Text::new(
                &format!("= {}", show(v, Lang::Zh)),
                &format!("= {}", show(v, Lang::En)),
            ),
            false,
        )),
        Err(e) => Some((e.message(), true)),
    }
}

/// [`amount_reading`] for money, 万元 (`5000万`, `1亿`).
pub fn money_reading(typed: &str) -> Option<(Text, bool)> {
    amount_reading(typed, parse_wan, fmt_wan)
}

/// [`amount_reading`] for floor space, m² (`2万平米`).
pub fn area_reading(typed: &str) -> Option<(Text, bool)> {
    amount_reading(typed, parse_area_m2, fmt_m2)
}

/// [`amount_reading`] for land, 亩 (`3.3公顷`).
pub fn land_reading(typed: &str) -> Option<(Text, bool)> {
    amount_reading(typed, parse_land_mu, fmt_mu)
}

/// The month of an edit made at `now` (an ISO 8601 timestamp), in Beijing time: the
/// profile's new "as of".
pub fn edit_month(now: &str) -> Option<YearMonth> {
    beijing_date(now).and_then(|d| YearMonth::of_date(&d))
}

/// The source of a profile edited on this device: [`EDITED_SOURCE`], with the source it
/// had before after it (so the article a demo profile came from stays named).
pub fn edited_source(before: &str) -> String {
    let before = before.trim();
    if before.is_empty() {
        EDITED_SOURCE.to_string()
    } else if before.starts_with(EDITED_SOURCE) {
        before.to_string()
    } else {
        format!("{EDITED_SOURCE}；原始来源 / first source: {before}")
    }
}

/// A number as an editable field shows it: every digit stored, no grouping.
fn plain(v: Option<f64>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

/// Whether a row renamed in both languages is a new thing: keywords (synonyms of the old
/// name) are kept only while at least one of the names is unchanged.
fn same_thing(old: &Text, zh: &str, en: &str) -> bool {
    (!zh.is_empty() && old.zh.trim() == zh) || (!en.is_empty() && old.en.trim() == en)
}

/// Move the row with `key` one place up or down.
fn shift<T>(rows: &mut [T], key: impl Fn(&T) -> bool, up: bool) {
    if let Some(i) = rows.iter().position(key) {
        let j = if up { i.checked_sub(1) } else { Some(i + 1) };
        if let Some(j) = j.filter(|j| *j < rows.len()) {
            rows.swap(i, j);
        }
    }
}

impl ZoneForm {
    /// The form for editing `z`, dated `month` (the month of the edit).
    pub fn from_zone(z: &Zone, month: YearMonth) -> Self {
        let mut form = Self {
            basics: ZoneDraft::from_zone(z),
            land_note_zh: z.land_note.zh.clone(),
            land_note_en: z.land_note.en.clone(),
            incentive_count: z.incentive_count.map(|n| n.to_string()).unwrap_or_default(),
            incentive_cap: plain(z.incentive_cap_wan),
            ..Default::default()
        };
        form.basics.as_of = month.to_string();
        for c in &z.clusters {
            let key = form.new_key();
            let links = c
                .links
                .iter()
                .map(|l| LinkRow {
                    key: form.new_key(),
                    name_zh: l.name.zh.clone(),
                    name_en: l.name.en.clone(),
                    stage: l.stage,
                    status: l.status,
                    codes: l.codes.join(", "),
                    origin: Some(l.clone()),
                })
                .collect();
            form.clusters.push(ClusterRow {
                key,
                name_zh: c.name.zh.clone(),
                name_en: c.name.en.clone(),
                codes: c.codes.join(", "),
                links,
                origin: Some(Cluster {
                    links: Vec::new(),
                    ..c.clone()
                }),
            });
        }
        for i in &z.incentives {
            let key = form.new_key();
            form.incentives.push(IncentiveRow {
                key,
                name_zh: i.name.zh.clone(),
                name_en: i.name.en.clone(),
                category: i.category,
                max_amount: plain(i.max_wan),
                requires_factory: i.requires_factory,
                requires_land: i.requires_land,
                min_investment: plain(i.min_investment_wan),
                codes: i.codes.join(", "),
                origin: Some(i.clone()),
            });
        }
        form
    }

    fn new_key(&mut self) -> RowKey {
        self.next_key += 1;
        self.next_key
    }

    /// Add an empty cluster at the end, with one empty link to fill in.
    pub fn add_cluster(&mut self) -> RowKey {
        let key = self.new_key();
        self.clusters.push(ClusterRow {
            key,
            ..Default::default()
        });
        self.add_link(key);
        key
    }

    /// Remove a cluster and its links.
    pub fn remove_cluster(&mut self, key: RowKey) {
        if let Some(i) = self.clusters.iter().position(|c| c.key == key) {
            self.clusters.remove(i);
        }
    }

    /// Move a cluster one place up (or down).
    pub fn move_cluster(&mut self, key: RowKey, up: bool) {
        shift(&mut self.clusters, |c| c.key == key, up);
    }

    /// Add an empty link at the end of a cluster; `None` when there is no such cluster.
    pub fn add_link(&mut self, cluster: RowKey) -> Option<RowKey> {
        let key = self.new_key();
        let c = self.cluster_mut(cluster)?;
        c.links.push(LinkRow {
            key,
            ..Default::default()
        });
        Some(key)
    }

    /// Remove a link.
    pub fn remove_link(&mut self, key: RowKey) {
        for c in &mut self.clusters {
            if let Some(i) = c.links.iter().position(|l| l.key == key) {
                c.links.remove(i);
            }
        }
    }

    /// Move a link one place up (or down) within its cluster.
    pub fn move_link(&mut self, key: RowKey, up: bool) {
        for c in &mut self.clusters {
            shift(&mut c.links, |l| l.key == key, up);
        }
    }

    /// Add an empty incentive at the end.
    pub fn add_incentive(&mut self) -> RowKey {
        let key = self.new_key();
        self.incentives.push(IncentiveRow {
            key,
            ..Default::default()
        });
        key
    }

    /// Remove an incentive.
    pub fn remove_incentive(&mut self, key: RowKey) {
        if let Some(i) = self.incentives.iter().position(|i| i.key == key) {
            self.incentives.remove(i);
        }
    }

    pub fn cluster(&self, key: RowKey) -> Option<&ClusterRow> {
        self.clusters.iter().find(|c| c.key == key)
    }

    pub fn cluster_mut(&mut self, key: RowKey) -> Option<&mut ClusterRow> {
        self.clusters.iter_mut().find(|c| c.key == key)
    }

    pub fn link(&self, key: RowKey) -> Option<&LinkRow> {
        self.clusters
            .iter()
            .flat_map(|c| &c.links)
            .find(|l| l.key == key)
    }

    pub fn link_mut(&mut self, key: RowKey) -> Option<&mut LinkRow> {
        self.clusters
            .iter_mut()
            .flat_map(|c| &mut c.links)
            .find(|l| l.key == key)
    }

    pub fn incentive(&self, key: RowKey) -> Option<&IncentiveRow> {
        self.incentives.iter().find(|i| i.key == key)
    }

    pub fn incentive_mut(&mut self, key: RowKey) -> Option<&mut IncentiveRow> {
        self.incentives.iter_mut().find(|i| i.key == key)
    }

    /// Read a wanted note typed after a link's name (`储能电池PACK（招商）`, see
    /// [`split_wanted`]) into the link's status now, so the form shows what will be saved.
    /// `true` when there was such a note.
    pub fn tidy_link_name(&mut self, key: RowKey) -> bool {
        let mut tidied = false;
        if let Some(l) = self.link_mut(key) {
            for name in [&mut l.name_zh, &mut l.name_en] {
                let (rest, wanted) = split_wanted(name);
                if wanted {
                    *name = rest.to_string();
                    l.status = LinkStatus::Wanted;
                    tidied = true;
                }
            }
        }
        tidied
    }

    /// Whether the form's "as of" month is the one it was opened with (`month`).
    pub fn dated(&self, month: YearMonth) -> bool {
        YearMonth::parse(&self.basics.as_of) == Some(month)
    }

    /// `base` edited with this form, saved in `month`: the plain fields, clusters, links
    /// and incentives are the form's; the "as of" month is the form's (by default
    /// `month`, never later) and the source is [`edited_source`]. What the form does not
    /// hold is kept: services, contacts, target regions, unknown fields of every record,
    /// and the keywords of clusters and links not renamed in both languages. The result is
    /// a profile the user keeps, never reference data, even when `base` was a national
    /// catalogue entry (its id and catalogue code are kept, linking the two). Refused,
    /// with every problem by field and nothing applied, when a name, amount or code
    /// cannot be used.
    pub fn apply(&self, base: &Zone, month: YearMonth) -> Result<Zone, Vec<(FormField, Text)>> {
        let mut basic_errors = Vec::new();
        let mut z = self.basics.apply_basics(base, &mut basic_errors);
        let mut errors: Vec<(FormField, Text)> = basic_errors
            .into_iter()
            .map(|(f, t)| (FormField::Basic(f), t))
            .collect();
        match YearMonth::parse(&self.basics.as_of) {
            Some(m) if m <= month => z.as_of = m.to_string(),
            Some(_) => errors.push((
                FormField::AsOf,
                Text::new(
                    &format!("资料日期不能晚于本月（{month}）"),
                    &format!("The facts cannot be dated after this month ({month})"),
                ),
            )),
            None => errors.push((
                FormField::AsOf,
                Text::new(
                    &format!("请按“年-月”填写资料日期，如 {month}"),
                    &format!("Enter the month the facts are as of, as year-month: {month}"),
                ),
            )),
        }
        z.incentive_cap_wan = parse_wan(&self.incentive_cap).unwrap_or_else(|e| {
            errors.push((FormField::IncentiveCap, e.message()));
            None
        });
        z.incentive_count = match parse_quantity(&self.incentive_count) {
            Ok(None) => None,
            Ok(Some(n)) if n.fract() == 0.0 && n <= f64::from(u32::MAX) => Some(n as u32),
            Ok(Some(_)) => {
                errors.push((
                    FormField::IncentiveCount,
                    Text::new("政策条数应为整数", "The number of policies must be whole"),
                ));
                None
            }
            Err(e) => {
                errors.push((FormField::IncentiveCount, e.message()));
                None
            }
        };
        z.land_note = Text::new(self.land_note_zh.trim(), self.land_note_en.trim());
        z.clusters = self.clusters_applied(&mut errors);
        z.incentives = self.incentives_applied(&mut errors);
        z.source = edited_source(&base.source);
        // A catalogue entry taken up as a profile is the user's from now on.
        z.reference = false;
        if errors.is_empty() {
            Ok(z)
        } else {
            Err(errors)
        }
    }

    fn clusters_applied(&self, errors: &mut Vec<(FormField, Text)>) -> Vec<Cluster> {
        let codes = |errors: &mut Vec<(FormField, Text)>, field: FormField, typed: &str| {
            parse_codes(typed).unwrap_or_else(|e| {
                errors.push((field, e));
                Vec::new()
            })
        };
        let mut out = Vec::new();
        for c in &self.clusters {
            let (zh, en) = (c.name_zh.trim(), c.name_en.trim());
            let cluster_codes = codes(errors, FormField::ClusterCodes(c.key), &c.codes);
            let mut links = Vec::new();
            for l in &c.links {
                let (zh, zh_wanted) = split_wanted(&l.name_zh);
                let (en, en_wanted) = split_wanted(&l.name_en);
                let link_codes = codes(errors, FormField::LinkCodes(l.key), &l.codes);
                if zh.is_empty() && en.is_empty() {
                    if !l.codes.trim().is_empty() {
                        errors.push((FormField::LinkName(l.key), name_needed()));
                    }
                    continue;
                }
                let old = l.origin.as_ref();
                let keep = old.is_some_and(|o| same_thing(&o.name, zh, en));
                links.push(ChainLink {
                    name: Text::new(zh, en),
                    stage: l.stage,
                    status: if zh_wanted || en_wanted {
                        LinkStatus::Wanted
                    } else {
                        l.status
                    },
                    keywords: old
                        .filter(|_| keep)
                        .map(|o| o.keywords.clone())
                        .unwrap_or_default(),
                    codes: link_codes,
                    extra: old.map(|o| o.extra.clone()).unwrap_or_default(),
                });
            }
            if zh.is_empty() && en.is_empty() {
                if !links.is_empty() || !c.codes.trim().is_empty() {
                    errors.push((FormField::ClusterName(c.key), name_needed()));
                }
                continue;
            }
            let old = c.origin.as_ref();
            let keep = old.is_some_and(|o| same_thing(&o.name, zh, en));
            out.push(Cluster {
                name: Text::new(zh, en),
                keywords: old
                    .filter(|_| keep)
                    .map(|o| o.keywords.clone())
                    .unwrap_or_default(),
                codes: cluster_codes,
                links,
                extra: old.map(|o| o.extra.clone()).unwrap_or_default(),
            });
        }
        out
    }

    fn incentives_applied(&self, errors: &mut Vec<(FormField, Text)>) -> Vec<Incentive> {
        let mut out = Vec::new();
        for i in &self.incentives {
            let (zh, en) = (i.name_zh.trim(), i.name_en.trim());
            let mut money = |field: FormField, typed: &str| {
                parse_wan(typed).unwrap_or_else(|e| {
                    errors.push((field, e.message()));
                    None
                })
            };
            let max_wan = money(FormField::IncentiveMax(i.key), &i.max_amount);
            let min_investment_wan =
                money(FormField::IncentiveMinInvestment(i.key), &i.min_investment);
            let codes = parse_codes(&i.codes).unwrap_or_else(|e| {
                errors.push((FormField::IncentiveCodes(i.key), e));
                Vec::new()
            });
            if zh.is_empty() && en.is_empty() {
                let typed = [&i.max_amount, &i.min_investment, &i.codes]
                    .iter()
                    .any(|s| !s.trim().is_empty());
                if typed || i.requires_factory || i.requires_land {
                    errors.push((FormField::IncentiveName(i.key), name_needed()));
                }
                continue;
            }
            out.push(Incentive {
                name: Text::new(zh, en),
                category: i.category,
                max_wan,
                requires_factory: i.requires_factory,
                requires_land: i.requires_land,
                min_investment_wan,
                codes,
                extra: i
                    .origin
                    .as_ref()
                    .map(|o| o.extra.clone())
                    .unwrap_or_default(),
            });
        }
        out
    }
}

/// The row key of the plain fields (rows are numbered from 1).
pub const NO_ROW: RowKey = 0;

/// A text field of the editor: one of the plain fields, or a field of the row its key
/// names. The view draws every text field the same way, from this and [`ZoneForm::text`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextField {
    NameZh,
    NameEn,
    LocationZh,
    LocationEn,
    SummaryZh,
    SummaryEn,
    AvailableM2,
    BuiltM2,
    PlannedM2,
    Occupancy,
    Land,
    LandNoteZh,
    LandNoteEn,
    MinInvestment,
    MinIntensity,
    Restricted,
    IncentiveCount,
    IncentiveCap,
    AsOf,
    ClusterNameZh,
    ClusterNameEn,
    ClusterCodes,
    LinkNameZh,
    LinkNameEn,
    LinkCodes,
    IncentiveNameZh,
    IncentiveNameEn,
    IncentiveMax,
    IncentiveMinInvestment,
    IncentiveCodes,
}

impl TextField {
    /// The field as a refused save names it (`key`: its row); `None` when it is never
    /// refused.
    pub fn refused_as(self, key: RowKey) -> Option<FormField> {
        use FormField::Basic as B;
        use TextField as T;
        Some(match self {
            T::NameZh => B(ZoneField::Name),
            T::AvailableM2 => B(ZoneField::AvailableM2),
            T::BuiltM2 => B(ZoneField::BuiltM2),
            T::PlannedM2 => B(ZoneField::PlannedM2),
            T::Occupancy => B(ZoneField::Occupancy),
            T::Land => B(ZoneField::Land),
            T::MinInvestment => B(ZoneField::MinInvestment),
            T::MinIntensity => B(ZoneField::MinIntensity),
            T::IncentiveCount => FormField::IncentiveCount,
            T::IncentiveCap => FormField::IncentiveCap,
            T::AsOf => FormField::AsOf,
            T::ClusterNameZh => FormField::ClusterName(key),
            T::ClusterCodes => FormField::ClusterCodes(key),
            T::LinkNameZh => FormField::LinkName(key),
            T::LinkCodes => FormField::LinkCodes(key),
            T::IncentiveNameZh => FormField::IncentiveName(key),
            T::IncentiveMax => FormField::IncentiveMax(key),
            T::IncentiveMinInvestment => FormField::IncentiveMinInvestment(key),
            T::IncentiveCodes => FormField::IncentiveCodes(key),
            _ => return None,
        })
    }

    /// Whether the field shows what its text reads as ([`TextField::reading`]).
    pub fn reads(self) -> bool {
        use TextField as T;
        matches!(
            self,
            T::AvailableM2
                | T::BuiltM2
                | T::PlannedM2
                | T::Land
                | T::MinInvestment
                | T::IncentiveCap
                | T::IncentiveMax
                | T::IncentiveMinInvestment
                | T::ClusterCodes
                | T::LinkCodes
                | T::IncentiveCodes
        )
    }

    /// What `typed` reads as in this field (`= 20,000 m²`), or why it cannot be read
    /// (`true`); `None` when empty or when the field shows no reading.
    pub fn reading(self, typed: &str) -> Option<(Text, bool)> {
        use TextField as T;
        match self {
            T::AvailableM2 | T::BuiltM2 | T::PlannedM2 => area_reading(typed),
            T::Land => land_reading(typed),
            T::MinInvestment | T::IncentiveCap | T::IncentiveMax | T::IncentiveMinInvestment => {
                money_reading(typed)
            }
            T::ClusterCodes | T::LinkCodes | T::IncentiveCodes => codes_reading(typed),
            _ => None,
        }
    }

    /// The names a code field's suggestion is read from (a cluster's or a link's).
    fn named_by(self) -> Option<(TextField, TextField)> {
        match self {
            TextField::ClusterCodes => Some((TextField::ClusterNameZh, TextField::ClusterNameEn)),
            TextField::LinkCodes => Some((TextField::LinkNameZh, TextField::LinkNameEn)),
            _ => None,
        }
    }
}

/// A choice of the editor, drawn as a select: its options are [`Choice::values`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The zone's kind (a plain field).
    Kind,
    /// A link's place in its chain.
    Stage,
    /// A link present or wanted.
    Status,
    /// An incentive's category.
    Category,
}

const STAGES: [ChainStage; 4] = [
    ChainStage::Upstream,
    ChainStage::Midstream,
    ChainStage::Downstream,
    ChainStage::Unknown,
];
const STATUSES: [LinkStatus; 2] = [LinkStatus::Present, LinkStatus::Wanted];
const CATEGORIES: [IncentiveCategory; 3] = [
    IncentiveCategory::Reward,
    IncentiveCategory::Subsidy,
    IncentiveCategory::Support,
];

impl Choice {
    /// The options' values, as the select stores them.
    pub fn values(self) -> &'static [&'static str] {
        match self {
            Choice::Kind => &[
                "HighTech",
                "EconomicTechnological",
                "Demonstration",
                "Other",
            ],
            Choice::Stage => &["upstream", "midstream", "downstream", "unknown"],
            Choice::Status => &["present", "wanted"],
            Choice::Category => &["reward", "subsidy", "support"],
        }
    }

    /// The label of option `i` in `lang`.
    pub fn label(self, i: usize, lang: Lang) -> &'static str {
        match self {
            Choice::Kind => kind_label(ZoneKind::ALL[i], lang),
            Choice::Stage => match STAGES[i] {
                ChainStage::Unknown => match lang {
                    Lang::Zh => "未定",
                    Lang::En => "not set",
                },
                s => chain_stage_label(s, lang),
            },
            Choice::Status => link_status_label(STATUSES[i], lang),
            Choice::Category => incentive_category_label(CATEGORIES[i], lang),
        }
    }
}

/// A yes/no condition of an incentive, drawn as a checkbox.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag {
    RequiresFactory,
    RequiresLand,
}

/// An edit the user makes: what the view sends, [`ZoneForm::edit`] carries out.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// A text field of a row ([`NO_ROW`] for the plain fields) now holds this text.
    Text(TextField, RowKey, String),
    /// The user left a text field: a link's wanted note is read (see
    /// [`ZoneForm::tidy_link_name`]).
    Left(TextField, RowKey),
    /// A select now holds this value (one of [`Choice::values`]).
    Choose(Choice, RowKey, String),
    Flag(Flag, RowKey, bool),
    /// What a button does.
    Press(Press),
}

/// What a button of the editor does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Press {
    AddCluster,
    /// A link at the end of this cluster.
    AddLink(RowKey),
    AddIncentive,
    /// Move a cluster or a link one place up (`true`) or down.
    Move(RowKey, bool),
    /// Remove a cluster (with its links), a link or an incentive.
    Remove(RowKey),
    /// Take the code suggested for the row's names (see [`ZoneForm::code_offer`]) into
    /// its code field.
    UseCode(TextField, RowKey),
    /// Empty a text field.
    Clear(TextField, RowKey),
}

impl Edit {
    /// Whether the edit adds, moves or removes a row, so the rows are drawn again.
    pub fn reshapes(&self) -> bool {
        matches!(
            self,
            Edit::Press(
                Press::AddCluster
                    | Press::AddLink(_)
                    | Press::AddIncentive
                    | Press::Move(..)
                    | Press::Remove(_)
            )
        )
    }
}

/// The taxonomy code last suggested for a row's names, with the names it was read from,
/// so it is worked out again only when they change (see [`ZoneForm::code_offer`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SuggestedCode {
    names: (String, String),
    suggestion: Option<CodeSuggestion>,
}

/// Whether `code` is among the codes typed.
fn has_code(typed: &str, code: &str) -> bool {
    typed
        .split([',', '，', '、', ';', '；', ' '])
        .any(|c| c.trim().eq_ignore_ascii_case(code))
}

impl ZoneForm {
    /// The text of a field of row `key` ([`NO_ROW`] for the plain fields); empty when
    /// there is no such row.
    pub fn text(&self, f: TextField, key: RowKey) -> &str {
        self.text_ref(f, key).map_or("", String::as_str)
    }

    fn text_ref(&self, f: TextField, key: RowKey) -> Option<&String> {
        use TextField as T;
        let b = &self.basics;
        Some(match f {
            T::NameZh => &b.name_zh,
            T::NameEn => &b.name_en,
            T::LocationZh => &b.location_zh,
            T::LocationEn => &b.location_en,
            T::SummaryZh => &b.summary_zh,
            T::SummaryEn => &b.summary_en,
            T::AvailableM2 => &b.available_m2,
            T::BuiltM2 => &b.built_m2,
            T::PlannedM2 => &b.planned_m2,
            T::Occupancy => &b.occupancy_pct,
            T::Land => &b.land_mu,
            T::MinInvestment => &b.min_investment,
            T::MinIntensity => &b.min_intensity,
            T::Restricted => &b.restricted,
            T::AsOf => &b.as_of,
            T::LandNoteZh => &self.land_note_zh,
            T::LandNoteEn => &self.land_note_en,
            T::IncentiveCount => &self.incentive_count,
            T::IncentiveCap => &self.incentive_cap,
            T::ClusterNameZh | T::ClusterNameEn | T::ClusterCodes => {
                let c = self.cluster(key)?;
                match f {
                    T::ClusterNameZh => &c.name_zh,
                    T::ClusterNameEn => &c.name_en,
                    _ => &c.codes,
                }
            }
            T::LinkNameZh | T::LinkNameEn | T::LinkCodes => {
                let l = self.link(key)?;
                match f {
                    T::LinkNameZh => &l.name_zh,
                    T::LinkNameEn => &l.name_en,
                    _ => &l.codes,
                }
            }
            T::IncentiveNameZh
            | T::IncentiveNameEn
            | T::IncentiveMax
            | T::IncentiveMinInvestment
            | T::IncentiveCodes => {
                let i = self.incentive(key)?;
                match f {
                    T::IncentiveNameZh => &i.name_zh,
                    T::IncentiveNameEn => &i.name_en,
                    T::IncentiveMax => &i.max_amount,
                    T::IncentiveMinInvestment => &i.min_investment,
                    _ => &i.codes,
                }
            }
        })
    }

    fn text_mut(&mut self, f: TextField, key: RowKey) -> Option<&mut String> {
        use TextField as T;
        Some(match f {
            T::NameZh => &mut self.basics.name_zh,
            T::NameEn => &mut self.basics.name_en,
            T::LocationZh => &mut self.basics.location_zh,
            T::LocationEn => &mut self.basics.location_en,
            T::SummaryZh => &mut self.basics.summary_zh,
            T::SummaryEn => &mut self.basics.summary_en,
            T::AvailableM2 => &mut self.basics.available_m2,
            T::BuiltM2 => &mut self.basics.built_m2,
            T::PlannedM2 => &mut self.basics.planned_m2,
            T::Occupancy => &mut self.basics.occupancy_pct,
            T::Land => &mut self.basics.land_mu,
            T::MinInvestment => &mut self.basics.min_investment,
            T::MinIntensity => &mut self.basics.min_intensity,
            T::Restricted => &mut self.basics.restricted,
            T::AsOf => &mut self.basics.as_of,
            T::LandNoteZh => &mut self.land_note_zh,
            T::LandNoteEn => &mut self.land_note_en,
            T::IncentiveCount => &mut self.incentive_count,
            T::IncentiveCap => &mut self.incentive_cap,
            T::ClusterNameZh | T::ClusterNameEn | T::ClusterCodes => {
                let c = self.cluster_mut(key)?;
                match f {
                    T::ClusterNameZh => &mut c.name_zh,
                    T::ClusterNameEn => &mut c.name_en,
                    _ => &mut c.codes,
                }
            }
            T::LinkNameZh | T::LinkNameEn | T::LinkCodes => {
                let l = self.link_mut(key)?;
                match f {
                    T::LinkNameZh => &mut l.name_zh,
                    T::LinkNameEn => &mut l.name_en,
                    _ => &mut l.codes,
                }
            }
            T::IncentiveNameZh
            | T::IncentiveNameEn
            | T::IncentiveMax
            | T::IncentiveMinInvestment
            | T::IncentiveCodes => {
                let i = self.incentive_mut(key)?;
                match f {
                    T::IncentiveNameZh => &mut i.name_zh,
                    T::IncentiveNameEn => &mut i.name_en,
                    T::IncentiveMax => &mut i.max_amount,
                    T::IncentiveMinInvestment => &mut i.min_investment,
                    _ => &mut i.codes,
                }
            }
        })
    }

    /// Why field `f` of row `key` was refused by the last save, if it was.
    pub fn refusal(&self, f: TextField, key: RowKey) -> Option<&Text> {
        let field = f.refused_as(key)?;
        self.refused
            .iter()
            .find(|(x, _)| *x == field)
            .map(|(_, t)| t)
    }

    /// What the text of a field reads as ([`TextField::reading`]).
    pub fn reading(&self, f: TextField, key: RowKey) -> Option<(Text, bool)> {
        f.reading(self.text(f, key))
    }

    /// The option a select shows (an index into [`Choice::values`]); `None` when there
    /// is no such row.
    pub fn choice(&self, c: Choice, key: RowKey) -> Option<usize> {
        match c {
            Choice::Kind => ZoneKind::ALL.iter().position(|k| *k == self.basics.kind),
            Choice::Stage => {
                let stage = self.link(key)?.stage;
                STAGES.iter().position(|s| *s == stage)
            }
            Choice::Status => {
                let status = self.link(key)?.status;
                STATUSES.iter().position(|s| *s == status)
            }
            Choice::Category => {
                let category = self.incentive(key)?.category;
                CATEGORIES.iter().position(|c| *c == category)
            }
        }
    }

    /// Whether an incentive's condition is ticked.
    pub fn flag(&self, f: Flag, key: RowKey) -> bool {
        self.incentive(key).is_some_and(|i| match f {
            Flag::RequiresFactory => i.requires_factory,
            Flag::RequiresLand => i.requires_land,
        })
    }

    /// Carry out an edit; `false` when it changed nothing (leaving a field that needs no
    /// tidying, or a row that is gone), so the view need not redraw.
    pub fn edit(&mut self, e: Edit) -> bool {
        match e {
            Edit::Text(f, key, v) => match self.text_mut(f, key) {
                Some(s) => *s = v,
                None => return false,
            },
            Edit::Left(TextField::LinkNameZh | TextField::LinkNameEn, key) => {
                return self.tidy_link_name(key);
            }
            Edit::Left(..) => return false,
            Edit::Choose(c, key, v) => {
                let Some(i) = c.values().iter().position(|x| *x == v) else {
                    return false;
                };
                match c {
                    Choice::Kind => self.basics.kind = ZoneKind::ALL[i],
                    Choice::Stage => match self.link_mut(key) {
                        Some(l) => l.stage = STAGES[i],
                        None => return false,
                    },
                    Choice::Status => match self.link_mut(key) {
                        Some(l) => l.status = STATUSES[i],
                        None => return false,
                    },
                    Choice::Category => match self.incentive_mut(key) {
                        Some(x) => x.category = CATEGORIES[i],
                        None => return false,
                    },
                }
            }
            Edit::Flag(f, key, v) => match (self.incentive_mut(key), f) {
                (Some(i), Flag::RequiresFactory) => i.requires_factory = v,
                (Some(i), Flag::RequiresLand) => i.requires_land = v,
                (None, _) => return false,
            },
            Edit::Press(Press::AddCluster) => {
                self.add_cluster();
            }
            Edit::Press(Press::AddLink(cluster)) => return self.add_link(cluster).is_some(),
            Edit::Press(Press::AddIncentive) => {
                self.add_incentive();
            }
            Edit::Press(Press::Move(key, up)) => {
                self.move_cluster(key, up);
                self.move_link(key, up);
            }
            Edit::Press(Press::Remove(key)) => {
                self.remove_cluster(key);
                self.remove_link(key);
                self.remove_incentive(key);
            }
            Edit::Press(Press::UseCode(f, key)) => {
                let code = self
                    .code_offer(f, key, &mut SuggestedCode::default())
                    .map(|s| s.code);
                match (code, self.text_mut(f, key)) {
                    (Some(code), Some(s)) => *s = code,
                    _ => return false,
                }
            }
            Edit::Press(Press::Clear(f, key)) => match self.text_mut(f, key) {
                Some(s) => s.clear(),
                None => return false,
            },
        }
        true
    }

    /// The keys of the rows under `parent`: the clusters for [`NO_ROW`], else the links
    /// of that cluster.
    pub fn row_keys(&self, parent: RowKey) -> Vec<RowKey> {
        if parent == NO_ROW {
            self.clusters.iter().map(|c| c.key).collect()
        } else {
            self.cluster(parent)
                .map(|c| c.links.iter().map(|l| l.key).collect())
                .unwrap_or_default()
        }
    }

    /// The keys of the incentive rows.
    pub fn incentive_keys(&self) -> Vec<RowKey> {
        self.incentives.iter().map(|i| i.key).collect()
    }

    /// Whether link `key` is wanted.
    pub fn wanted(&self, key: RowKey) -> bool {
        self.link(key)
            .is_some_and(|l| l.status == LinkStatus::Wanted)
    }

    /// The code to offer beside code field `codes` (a cluster's or a link's): the one
    /// [`suggest_code`] gives for the row's names, unless the field already holds it.
    /// `last` keeps the suggestion between calls: the names are classified again only
    /// when they change, not on every keystroke elsewhere in the form.
    pub fn code_offer(
        &self,
        codes: TextField,
        key: RowKey,
        last: &mut SuggestedCode,
    ) -> Option<CodeSuggestion> {
        let (zh, en) = codes.named_by()?;
        let (zh, en) = (self.text(zh, key), self.text(en, key));
        if last.names.0 != zh || last.names.1 != en {
            *last = SuggestedCode {
                names: (zh.to_string(), en.to_string()),
                suggestion: suggest_code(zh, en),
            };
        }
        last.suggestion
            .as_ref()
            .filter(|s| !has_code(self.text(codes, key), &s.code))
            .cloned()
    }
}

/// Why a save could not be dated: the device's clock could not be read.
pub fn no_date() -> Text {
    Text::new(
        "无法读取本机日期，请检查设备时间",
        "Cannot read this device's date; check its clock",
    )
}

/// Why a new zone is refused: it is `existing` (named as people say it), already listed.
pub fn already_listed(existing: &Text) -> Text {
    Text::new(
        &format!(
            "“{}”已在园区列表中，请打开并修改它，不要重复添加",
            existing.zh
        ),
        &format!(
            "“{}” is already in the zone list: open and edit it instead of adding it again",
            existing.get(Lang::En)
        ),
    )
}

/// The national-catalogue entry a new zone named `name` is, its name said the way
/// people say it (长治高新区 for 长治高新技术产业开发区): a national zone before a
/// provincial one of the same name. `None` when no entry has this name (or the name is
/// too short to tell).
pub fn catalogue_entry<'a>(c: &'a NationalCatalogue, name: &str) -> Option<&'a NationalEntry> {
    c.find_named(name)
}

fn name_needed() -> Text {
    Text::new(
        "请填写名称（中文或英文），或删除此行",
        "Enter a name (Chinese or English), or remove this row",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_zones;

    const MONTH: YearMonth = YearMonth {
        year: 2026,
        month: 5,
    };

    fn changzhi() -> Zone {
        demo_zones()
            .into_iter()
            .find(|z| z.id == "changzhi-htz")
            .unwrap()
    }

    /// `base` as saved in [`MONTH`] with nothing else changed.
    fn resaved(base: &Zone) -> Zone {
        Zone {
            as_of: MONTH.to_string(),
            source: edited_source(&base.source),
            ..base.clone()
        }
    }

    #[test]
    fn an_unchanged_form_only_dates_the_profile() {
        for z in demo_zones() {
            let form = ZoneForm::from_zone(&z, MONTH);
            assert!(form.dated(MONTH));
            assert_eq!(form.apply(&z, MONTH).unwrap(), resaved(&z), "{}", z.id);
        }
    }

    #[test]
    fn saving_dates_the_profile_to_the_edit_month_and_names_the_device() {
        let base = changzhi();
        assert_eq!(base.as_of, "2023-08");
        let z = ZoneForm::from_zone(&base, MONTH)
            .apply(&base, MONTH)
            .unwrap();
        assert_eq!(z.as_of, "2026-05");
        assert!(z.source.starts_with(EDITED_SOURCE));
        assert!(z.source.contains("长治高新技术产业开发区招商引资纪实"));
        // Edited again: the source is not repeated.
        let again = ZoneForm::from_zone(&z, MONTH).apply(&z, MONTH).unwrap();
        assert_eq!(again.source, z.source);
        assert_eq!(edited_source(""), EDITED_SOURCE);
        // The month of the edit is Beijing's: 16:00 UTC on 30 April is 1 May there.
        assert_eq!(edit_month("2026-04-30T16:00:00.000Z"), Some(MONTH));
        assert_eq!(
            edit_month("2026-04-30T15:59:00.000Z"),
            YearMonth::new(2026, 4)
        );
        // The user may date the facts earlier, never later, and must give a month.
        let mut form = ZoneForm::from_zone(&base, MONTH);
        form.basics.as_of = "2026-03".into();
        assert_eq!(form.apply(&base, MONTH).unwrap().as_of, "2026-03");
        for bad in ["2026-06", "last spring", ""] {
            form.basics.as_of = bad.into();
            let errors = form.apply(&base, MONTH).unwrap_err();
            assert_eq!(errors[0].0, FormField::AsOf, "{bad}");
        }
    }

    #[test]
    fn a_wanted_link_round_trips_with_its_stage_and_english_name() {
        let base = changzhi();
        let mut form = ZoneForm::from_zone(&base, MONTH);
        let cluster = form.clusters[0].key;
        let key = form.add_link(cluster).unwrap();
        let link = form.link_mut(key).unwrap();
        link.name_zh = "储能电池PACK".into();
        link.name_en = "Energy-storage battery packs".into();
        link.stage = ChainStage::Downstream;
        link.status = LinkStatus::Wanted;
        form.basics.available_m2 = "2万平米".into();
        let z = form.apply(&base, MONTH).unwrap();
        let saved = z.clusters[0].links.last().unwrap();
        assert_eq!(
            saved.name,
            Text::new("储能电池PACK", "Energy-storage battery packs")
        );
        assert_eq!(
            (saved.stage, saved.status),
            (ChainStage::Downstream, LinkStatus::Wanted)
        );
        assert_eq!(z.factory.available_m2, Some(20_000.0));
        let a = z.factory.availability().unwrap();
        assert!(!a.estimated, "a stated free space is shown as stated");
        // Back into a form and saved again: the same profile.
        let back = ZoneForm::from_zone(&z, MONTH);
        let row = back
            .link(back.clusters[0].links.last().unwrap().key)
            .unwrap();
        assert_eq!(row.status, LinkStatus::Wanted);
        assert_eq!(row.stage, ChainStage::Downstream);
        assert_eq!(row.name_en, "Energy-storage battery packs");
        assert_eq!(back.apply(&z, MONTH).unwrap(), z);
        // The other links and clusters are as they were.
        assert_eq!(z.clusters[1..], base.clusters[1..]);
        assert_eq!(
            z.clusters[0].links[..base.clusters[0].links.len()],
            base.clusters[0].links[..]
        );
    }

    #[test]
    fn a_wanted_note_in_the_name_marks_the_link_wanted() {
        let base = changzhi();
        for typed in [
            "储能电池PACK（招商）",
            "储能电池PACK(招引)",
            " 储能电池PACK （招商） ",
        ] {
            let mut form = ZoneForm::from_zone(&base, MONTH);
            let cluster = form.clusters[0].key;
            let key = form.add_link(cluster).unwrap();
            form.link_mut(key).unwrap().name_zh = typed.into();
            // Saved straight away, or tidied first when the user leaves the field.
            let saved = form.apply(&base, MONTH).unwrap();
            let link = saved.clusters[0].links.last().unwrap();
            assert_eq!(
                (link.name.zh.as_str(), link.status),
                ("储能电池PACK", LinkStatus::Wanted),
                "{typed}"
            );
            form.tidy_link_name(key);
            let row = form.link(key).unwrap();
            assert_eq!(
                (row.name_zh.as_str(), row.status),
                ("储能电池PACK", LinkStatus::Wanted)
            );
            assert_eq!(form.apply(&base, MONTH).unwrap(), saved);
        }
        // A bracket that is part of the name stays.
        assert_eq!(
            split_wanted("电子高端材料（铜箔）"),
            ("电子高端材料（铜箔）", false)
        );
        assert_eq!(
            split_wanted("Battery packs (wanted)"),
            ("Battery packs", true)
        );
        assert_eq!(split_wanted("（招商）"), ("（招商）", false));
    }

    #[test]
    fn codes_are_suggested_from_the_name_and_checked() {
        let s = suggest_code("储能电池PACK（招商）", "").unwrap();
        assert!(s.code.starts_with("384"), "{s:?}");
        assert!(s.name.zh.contains("电池"));
        assert_eq!(suggest_code("", "IC packaging").unwrap().code, "3973");
        assert_eq!(suggest_code("xyz", "qqq"), None);
        assert_eq!(
            parse_codes(" 3841， sei6 3841"),
            Ok(vec!["3841".into(), "SEI6".into()])
        );
        assert_eq!(parse_codes(""), Ok(vec![]));
        let (text, bad) = codes_reading("3841").unwrap();
        assert!(!bad);
        assert_eq!(text.zh, "= 3841 锂离子电池制造");

        // Accepting a suggestion stores its code; another code or none can be typed.
        let base = changzhi();
        let mut form = ZoneForm::from_zone(&base, MONTH);
        let cluster = form.clusters[0].key;
        let key = form.add_link(cluster).unwrap();
        form.link_mut(key).unwrap().name_zh = "储能电池PACK".into();
        let suggested = suggest_code("储能电池PACK", "").unwrap().code;
        form.link_mut(key).unwrap().codes = suggested.clone();
        let z = form.apply(&base, MONTH).unwrap();
        assert_eq!(z.clusters[0].links.last().unwrap().codes, vec![suggested]);
        form.link_mut(key).unwrap().codes = String::new();
        let z = form.apply(&base, MONTH).unwrap();
        assert!(z.clusters[0].links.last().unwrap().codes.is_empty());

        // An unknown code is refused, naming it, in both languages.
        form.link_mut(key).unwrap().codes = "3841, 9999x".into();
        let errors = form.apply(&base, MONTH).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].0, FormField::LinkCodes(key));
        assert!(errors[0].1.zh.contains("未知的行业代码“9999x”"));
        assert!(errors[0].1.en.contains("Unknown industry code “9999x”"));
        assert!(codes_reading("9999x").unwrap().1);
    }

    #[test]
    fn incentive_amounts_are_read_as_wan() {
        let base = changzhi();
        let mut form = ZoneForm::from_zone(&base, MONTH);
        let key = form.add_incentive();
        let row = form.incentive_mut(key).unwrap();
        row.name_zh = "设备补贴".into();
        row.name_en = "Equipment subsidy".into();
        row.category = IncentiveCategory::Subsidy;
        row.max_amount = "5000万".into();
        row.min_investment = "1亿".into();
        row.requires_factory = true;
        row.codes = "3841".into();
        form.incentive_cap = "1亿".into();
        let z = form.apply(&base, MONTH).unwrap();
        let i = z.incentives.last().unwrap();
        assert_eq!(i.max_wan, Some(5_000.0));
        assert_eq!(i.min_investment_wan, Some(10_000.0));
        assert_eq!(i.category, IncentiveCategory::Subsidy);
        assert!(i.requires_factory && !i.requires_land);
        assert_eq!(i.codes, vec!["3841"]);
        assert_eq!(z.incentive_cap_wan, Some(10_000.0));
        assert_eq!(z.incentive_count, base.incentive_count);
        let (text, bad) = money_reading("5000万").unwrap();
        assert!(!bad);
        assert_eq!(
            (text.zh.as_str(), text.en.as_str()),
            ("= 5,000万元", "= CNY 50 million")
        );
        assert_eq!(area_reading("2万平米").unwrap().0.en, "= 20,000 m²");
        assert_eq!(land_reading("3.3公顷").unwrap().0.zh, "= 49.5 亩");
        // Removing a policy removes it.
        form.remove_incentive(key);
        assert_eq!(
            form.apply(&base, MONTH).unwrap().incentives,
            base.incentives
        );
    }

    #[test]
    fn bad_amounts_are_refused_in_both_languages_and_change_nothing() {
        let base = changzhi();
        let mut form = ZoneForm::from_zone(&base, MONTH);
        let key = form.add_incentive();
        let row = form.incentive_mut(key).unwrap();
        row.name_zh = "房租补贴".into();
        row.max_amount = "很多".into();
        row.min_investment = "500万美元".into();
        form.incentive_count = "13.5".into();
        form.basics.available_m2 = "2万平米".into();
        let stored = base.clone();
        let errors = form.apply(&base, MONTH).unwrap_err();
        let fields: Vec<FormField> = errors.iter().map(|e| e.0).collect();
        assert_eq!(
            fields,
            vec![
                FormField::IncentiveCount,
                FormField::IncentiveMax(key),
                FormField::IncentiveMinInvestment(key),
            ]
        );
        for (_, t) in &errors {
            assert!(!t.zh.is_empty() && !t.en.is_empty());
        }
        assert_eq!(errors[1].1, FieldError::NotANumber.message());
        assert_eq!(errors[2].1, FieldError::ForeignCurrency.message());
        assert_eq!(base, stored, "a refused save changes nothing");
        assert!(money_reading("很多").unwrap().1);
    }

    #[test]
    fn rows_need_a_name_and_empty_rows_are_dropped() {
        let base = changzhi();
        let mut form = ZoneForm::from_zone(&base, MONTH);
        let empty_cluster = form.add_cluster();
        let empty_incentive = form.add_incentive();
        assert_eq!(form.apply(&base, MONTH).unwrap(), resaved(&base));
        let link = form.cluster(empty_cluster).unwrap().links[0].key;
        form.link_mut(link).unwrap().name_zh = "储能电池".into();
        form.incentive_mut(empty_incentive).unwrap().max_amount = "50".into();
        let fields: Vec<FormField> = form
            .apply(&base, MONTH)
            .unwrap_err()
            .into_iter()
            .map(|e| e.0)
            .collect();
        assert_eq!(
            fields,
            vec![
                FormField::ClusterName(empty_cluster),
                FormField::IncentiveName(empty_incentive)
            ]
        );
        form.cluster_mut(empty_cluster).unwrap().name_zh = "储能".into();
        form.remove_incentive(empty_incentive);
        let z = form.apply(&base, MONTH).unwrap();
        assert_eq!(z.clusters.last().unwrap().name.zh, "储能");
        assert_eq!(
            z.clusters.last().unwrap().links[0].status,
            LinkStatus::Present
        );
    }

    #[test]
    fn a_catalogue_entry_taken_up_becomes_a_profile() {
        let entry = Zone {
            id: "G142057".into(),
            name: Text::new(
                "长治高新技术产业开发区",
                "Changzhi High-tech Industrial Development Zone",
            ),
            catalogue_code: "G142057".into(),
            reference: true,
            as_of: "2018-04".into(),
            source: "《中国开发区审核公告目录》(2018)".into(),
            clusters: vec![Cluster {
                name: Text::new("光电", "Optoelectronics"),
                codes: vec!["3976".into()],
                ..Default::default()
            }],
            ..Default::default()
        };
        let mut form = ZoneForm::from_zone(&entry, MONTH);
        form.basics.available_m2 = "2万平米".into();
        let z = form.apply(&entry, MONTH).unwrap();
        assert!(!z.reference);
        assert_eq!(
            (z.id.as_str(), z.catalogue_code.as_str()),
            ("G142057", "G142057")
        );
        assert_eq!(z.clusters, entry.clusters);
        assert_eq!(z.as_of, "2026-05");
        assert!(z.source.ends_with("《中国开发区审核公告目录》(2018)"));
    }

    #[test]
    fn rows_move_and_go() {
        let base = changzhi();
        let mut form = ZoneForm::from_zone(&base, MONTH);
        let keys: Vec<RowKey> = form.clusters.iter().map(|c| c.key).collect();
        form.move_cluster(keys[0], true); // already first: stays
        form.move_cluster(keys[3], false); // already last: stays
        assert_eq!(form.apply(&base, MONTH).unwrap(), resaved(&base));
        form.move_cluster(keys[1], true);
        let z = form.apply(&base, MONTH).unwrap();
        assert_eq!(z.clusters[0], base.clusters[1]);
        assert_eq!(z.clusters[1], base.clusters[0]);
        let first_link = form.clusters[1].links[0].key;
        form.move_link(first_link, false);
        form.remove_cluster(keys[2]);
        let z = form.apply(&base, MONTH).unwrap();
        assert_eq!(z.clusters.len(), 3);
        assert_eq!(z.clusters[1].links[1], base.clusters[0].links[0]);
        form.remove_link(first_link);
        let z = form.apply(&base, MONTH).unwrap();
        assert_eq!(z.clusters[1].links.len(), base.clusters[0].links.len() - 1);
    }

    #[test]
    fn unknown_fields_and_keywords_of_unchanged_rows_are_kept() {
        let mut base = changzhi();
        base.extra
            .insert("admin_division_code".into(), "140400".into());
        base.factory
            .extra
            .insert("rent_yuan_per_m2_month".into(), 9.5.into());
        base.clusters[0]
            .extra
            .insert("scale_target".into(), "百亿级".into());
        base.clusters[0].links[0]
            .extra
            .insert("leader".into(), "某链主企业".into());
        base.incentives.push(Incentive {
            name: Text::new("房租补贴", "Rent subsidy"),
            ..Default::default()
        });
        base.incentives[0]
            .extra
            .insert("legal_basis".into(), "某文件".into());
        let mut form = ZoneForm::from_zone(&base, MONTH);
        form.basics.available_m2 = "9000".into();
        // The English name of the first link is corrected: still the same link.
        form.clusters[0].links[0].name_en = "Copper foil".into();
        // The second link is renamed in both languages: a new link, old synonyms dropped.
        form.clusters[0].links[1].name_zh = "功率器件".into();
        form.clusters[0].links[1].name_en = "Power devices".into();
        let z = form.apply(&base, MONTH).unwrap();
        let v = serde_json::to_value(&z).unwrap();
        assert_eq!(v["admin_division_code"], "140400");
        assert_eq!(v["factory"]["rent_yuan_per_m2_month"], 9.5);
        assert_eq!(v["factory"]["available_m2"], 9000.0);
        assert_eq!(v["clusters"][0]["scale_target"], "百亿级");
        assert_eq!(v["clusters"][0]["links"][0]["leader"], "某链主企业");
        assert_eq!(v["incentives"][0]["legal_basis"], "某文件");
        assert_eq!(z.clusters[0].keywords, base.clusters[0].keywords);
        assert_eq!(
            z.clusters[0].links[0].keywords,
            base.clusters[0].links[0].keywords
        );
        assert!(z.clusters[0].links[1].keywords.is_empty());
        assert_eq!(z.services, base.services);
        assert_eq!(z.target_regions, base.target_regions);
        assert_eq!(z.contacts, base.contacts);
        assert_eq!(z.id, base.id);
    }

    const TEXT_FIELDS: [TextField; 30] = {
        use TextField as T;
        [
            T::NameZh,
            T::NameEn,
            T::LocationZh,
            T::LocationEn,
            T::SummaryZh,
            T::SummaryEn,
            T::AvailableM2,
            T::BuiltM2,
            T::PlannedM2,
            T::Occupancy,
            T::Land,
            T::LandNoteZh,
            T::LandNoteEn,
            T::MinInvestment,
            T::MinIntensity,
            T::Restricted,
            T::IncentiveCount,
            T::IncentiveCap,
            T::AsOf,
            T::ClusterNameZh,
            T::ClusterNameEn,
            T::ClusterCodes,
            T::LinkNameZh,
            T::LinkNameEn,
            T::LinkCodes,
            T::IncentiveNameZh,
            T::IncentiveNameEn,
            T::IncentiveMax,
            T::IncentiveMinInvestment,
            T::IncentiveCodes,
        ]
    };

    /// The row a field of `form` belongs to (the first cluster, link or incentive).
    fn row_of(form: &ZoneForm, f: TextField) -> RowKey {
        use TextField as T;
        match f {
            T::ClusterNameZh | T::ClusterNameEn | T::ClusterCodes => form.clusters[0].key,
            T::LinkNameZh | T::LinkNameEn | T::LinkCodes => form.clusters[0].links[0].key,
            T::IncentiveNameZh
            | T::IncentiveNameEn
            | T::IncentiveMax
            | T::IncentiveMinInvestment
            | T::IncentiveCodes => form.incentives[0].key,
            _ => NO_ROW,
        }
    }

    #[test]
    fn every_text_field_is_its_own_and_edits_reach_the_draft() {
        let base = changzhi();
        let mut form = ZoneForm::from_zone(&base, MONTH);
        assert_eq!(form.text(TextField::NameZh, NO_ROW), base.name.zh);
        assert_eq!(
            form.text(TextField::LinkNameEn, form.clusters[0].links[0].key),
            base.clusters[0].links[0].name.en
        );
        for (i, f) in TEXT_FIELDS.into_iter().enumerate() {
            let key = row_of(&form, f);
            assert!(form.edit(Edit::Text(f, key, format!("typed {i}"))), "{f:?}");
        }
        for (i, f) in TEXT_FIELDS.into_iter().enumerate() {
            assert_eq!(
                form.text(f, row_of(&form, f)),
                format!("typed {i}"),
                "{f:?}"
            );
        }
        // The plain fields land where `apply` reads them.
        assert_eq!(form.basics.name_zh, "typed 0");
        assert_eq!(form.incentive_cap, "typed 17");
        assert_eq!(form.incentives[0].min_investment, "typed 28");
        // A row that is gone reads as empty and takes no edit.
        assert_eq!(form.text(TextField::LinkNameZh, 9999), "");
        assert!(!form.edit(Edit::Text(TextField::LinkNameZh, 9999, "x".into())));
    }

    #[test]
    fn fields_show_readings_and_the_errors_of_a_refused_save() {
        let base = changzhi();
        let mut form = ZoneForm::from_zone(&base, MONTH);
        let link = form.clusters[0].links[0].key;
        form.edit(Edit::Text(TextField::AvailableM2, NO_ROW, "2万平米".into()));
        assert_eq!(
            form.reading(TextField::AvailableM2, NO_ROW),
            Some((Text::new("= 20,000 m²", "= 20,000 m²"), false))
        );
        assert_eq!(
            form.reading(TextField::IncentiveCap, NO_ROW),
            money_reading(&form.incentive_cap)
        );
        assert_eq!(form.reading(TextField::NameZh, NO_ROW), None);
        assert!(!TextField::NameZh.reads() && TextField::LinkCodes.reads());
        form.edit(Edit::Text(TextField::LinkCodes, link, "9999x".into()));
        assert!(form.reading(TextField::LinkCodes, link).unwrap().1);
        form.edit(Edit::Text(TextField::Occupancy, NO_ROW, "150".into()));
        form.refused = form.apply(&base, MONTH).unwrap_err();
        assert!(form.refusal(TextField::Occupancy, NO_ROW).is_some());
        assert!(form
            .refusal(TextField::LinkCodes, link)
            .unwrap()
            .zh
            .contains("9999x"));
        assert!(form
            .refusal(TextField::LinkCodes, form.clusters[0].links[1].key)
            .is_none());
        assert!(form.refusal(TextField::NameEn, NO_ROW).is_none());
        // Every refused field is one the editor shows.
        for (f, _) in &form.refused {
            assert!(
                TEXT_FIELDS
                    .into_iter()
                    .any(|t| t.refused_as(row_of(&form, t)) == Some(*f)
                        || t.refused_as(link) == Some(*f)),
                "{f:?}"
            );
        }
    }

    #[test]
    fn buttons_add_move_and_remove_rows() {
        let base = changzhi();
        let mut form = ZoneForm::from_zone(&base, MONTH);
        let clusters = form.row_keys(NO_ROW);
        assert_eq!(clusters.len(), base.clusters.len());
        let add = Edit::Press(Press::AddCluster);
        assert!(add.reshapes());
        assert!(form.edit(add));
        let added = *form.row_keys(NO_ROW).last().unwrap();
        assert_eq!(
            form.row_keys(added).len(),
            1,
            "a new cluster has a link to fill in"
        );
        assert!(form.edit(Edit::Press(Press::AddLink(added))));
        assert_eq!(form.row_keys(added).len(), 2);
        assert!(!form.edit(Edit::Press(Press::AddLink(9999))));
        form.edit(Edit::Press(Press::Move(added, true)));
        assert_eq!(form.row_keys(NO_ROW)[clusters.len() - 1], added);
        let link = form.row_keys(added)[1];
        form.edit(Edit::Press(Press::Move(link, true)));
        assert_eq!(form.row_keys(added)[0], link);
        form.edit(Edit::Press(Press::Remove(link)));
        assert_eq!(form.row_keys(added).len(), 1);
        form.edit(Edit::Press(Press::Remove(added)));
        assert_eq!(form.row_keys(NO_ROW), clusters);
        form.edit(Edit::Press(Press::AddIncentive));
        let incentive = *form.incentive_keys().last().unwrap();
        form.edit(Edit::Press(Press::Remove(incentive)));
        assert_eq!(form.incentives.len(), base.incentives.len());
        assert_eq!(form.apply(&base, MONTH).unwrap(), resaved(&base));
        assert!(!Edit::Text(TextField::NameZh, NO_ROW, String::new()).reshapes());
    }

    #[test]
    fn selects_and_checkboxes_edit_their_row() {
        let base = changzhi();
        let mut form = ZoneForm::from_zone(&base, MONTH);
        let link = form.clusters[0].links[0].key;
        let choose = |c, key, v: &str| Edit::Choose(c, key, v.to_string());
        assert!(form.edit(choose(Choice::Stage, link, "downstream")));
        assert!(form.edit(choose(Choice::Status, link, "wanted")));
        assert_eq!(form.link(link).unwrap().stage, ChainStage::Downstream);
        assert!(form.wanted(link));
        assert_eq!(form.choice(Choice::Stage, link), Some(2));
        assert_eq!(Choice::Stage.values()[2], "downstream");
        assert_eq!(Choice::Stage.label(3, Lang::En), "not set");
        assert!(!form.edit(choose(Choice::Stage, link, "sideways")));
        assert!(!form.edit(choose(Choice::Stage, 9999, "upstream")));
        assert!(form.edit(choose(Choice::Kind, NO_ROW, "Demonstration")));
        assert_eq!(form.basics.kind, ZoneKind::Demonstration);
        assert_eq!(form.choice(Choice::Kind, NO_ROW), Some(2));
        let key = form.add_incentive();
        assert!(form.edit(choose(Choice::Category, key, "support")));
        assert_eq!(
            form.incentive(key).unwrap().category,
            IncentiveCategory::Support
        );
        assert!(!form.flag(Flag::RequiresLand, key));
        assert!(form.edit(Edit::Flag(Flag::RequiresLand, key, true)));
        assert!(form.flag(Flag::RequiresLand, key));
        assert!(!form.flag(Flag::RequiresFactory, key));
        // Every option has a label in both languages.
        for c in [
            Choice::Kind,
            Choice::Stage,
            Choice::Status,
            Choice::Category,
        ] {
            for i in 0..c.values().len() {
                assert!(!c.label(i, Lang::Zh).is_empty() && !c.label(i, Lang::En).is_empty());
            }
        }
    }

    #[test]
    fn leaving_a_link_name_reads_its_wanted_note() {
        let base = changzhi();
        let mut form = ZoneForm::from_zone(&base, MONTH);
        let link = form.add_link(form.clusters[0].key).unwrap();
        form.edit(Edit::Text(
            TextField::LinkNameZh,
            link,
            "储能电池PACK（招商）".into(),
        ));
        assert!(!form.edit(Edit::Left(TextField::LinkNameEn, 9999)));
        assert!(!form.edit(Edit::Left(TextField::NameZh, NO_ROW)));
        assert!(form.edit(Edit::Left(TextField::LinkNameZh, link)));
        assert_eq!(form.text(TextField::LinkNameZh, link), "储能电池PACK");
        assert!(form.wanted(link));
        // Nothing more to read: nothing changes.
        assert!(!form.edit(Edit::Left(TextField::LinkNameZh, link)));
    }

    #[test]
    fn a_code_is_offered_for_the_name_until_it_is_taken() {
        let base = changzhi();
        let mut form = ZoneForm::from_zone(&base, MONTH);
        let link = form.add_link(form.clusters[0].key).unwrap();
        let mut last = SuggestedCode::default();
        assert_eq!(form.code_offer(TextField::LinkCodes, link, &mut last), None);
        form.edit(Edit::Text(
            TextField::LinkNameZh,
            link,
            "集成电路封装".into(),
        ));
        let offer = form
            .code_offer(TextField::LinkCodes, link, &mut last)
            .unwrap();
        assert_eq!(offer, suggest_code("集成电路封装", "").unwrap());
        // Kept while the names are the same.
        assert_eq!(last.names.0, "集成电路封装");
        assert!(form.edit(Edit::Press(Press::UseCode(TextField::LinkCodes, link))));
        assert_eq!(form.text(TextField::LinkCodes, link), offer.code);
        assert_eq!(form.code_offer(TextField::LinkCodes, link, &mut last), None);
        assert!(form.edit(Edit::Press(Press::Clear(TextField::LinkCodes, link))));
        assert_eq!(form.text(TextField::LinkCodes, link), "");
        assert_eq!(
            form.code_offer(TextField::LinkCodes, link, &mut last),
            Some(offer)
        );
        // Only code fields of clusters and links are offered a code.
        assert_eq!(
            form.code_offer(TextField::IncentiveCodes, link, &mut last),
            None
        );
        assert!(!form.edit(Edit::Press(Press::UseCode(TextField::LinkCodes, 9999))));
    }

    /// The catalogue entry a new zone becomes is the first of those `resolve` finds under
    /// exactly the name's key (as the editor chose it before `catalogue_entry`).
    #[test]
    fn a_new_zone_named_as_a_catalogue_zone_finds_that_entry() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/zones-2018.tsv");
        let text = std::fs::read_to_string(path).expect("the catalogue asset is built");
        let cat = NationalCatalogue::parse(&text).expect("the asset reads");
        // Every 25th entry's name (each `resolve` reads the whole catalogue), the demo
        // zones' and short forms.
        let mut names: Vec<String> = cat
            .entries
            .iter()
            .step_by(25)
            .map(|e| e.name.zh.clone())
            .collect();
        names.extend(demo_zones().into_iter().map(|z| z.name.zh));
        names.extend(
            [
                "长治高新区",
                "太原经开区",
                "运城经开区",
                "苏州工业园",
                "長治高新區",
                "高新区",
                "",
                "x",
            ]
            .map(String::from),
        );
        for e in cat.entries.iter().step_by(25) {
            // A name exactly as printed is that entry (its twin with a repeated code aside).
            let found = catalogue_entry(&cat, &e.name.zh).map(|f| &f.name.zh);
            assert_eq!(found, Some(&e.name.zh), "{}", e.name.zh);
        }
        for (name, code) in [
            ("长治高新区", Some("G142057")),
            ("長治高新區", Some("G142057")),
            ("运城经开区", Some("S147018")),
            ("苏州工业园", Some("G321090")),
            ("漕河泾开发区", Some("G311013")),
            ("中关村", Some("G112001")),
            ("河南新乡经济开发区", Some("S417008")),
            ("青海南川工业园区", Some("S639004")),
            ("南川工业园区", None),
            ("高新区", None),
            ("", None),
            ("x", None),
        ] {
            assert_eq!(
                catalogue_entry(&cat, name).map(|e| e.code.as_str()),
                code,
                "{name}"
            );
        }
        let _ = names;
        assert_eq!(catalogue_entry(&cat, "太原经开区").unwrap().code, "G141004");
    }
}
