//! The zone editor's draft: a profile's chain map (产业链招商图谱: clusters and their links,
//! present or wanted) and its incentives as rows, with the plain fields of
//! [`ZoneDraft`]. Pure, so what is refused and what is kept is tested natively; the view
//! (`app::zone_editor`) only renders the rows and calls these methods.
//!
//! Saving ([`ZoneForm::apply`]) either gives the whole edited profile or refuses with every
//! problem, each with a message in both languages: a refused save changes nothing.

use crate::dates::{beijing_date, YearMonth};
use crate::forms::{split_wanted, ZoneDraft, ZoneField};
use crate::i18n::{fmt_m2, fmt_mu, fmt_wan};
use crate::matching::CLASSIFICATION_FLOOR;
use crate::model::{
    parse_area_m2, parse_land_mu, parse_quantity, parse_wan, ChainLink, ChainStage, Cluster,
    FieldError, Incentive, IncentiveCategory, Lang, LinkStatus, Text, Zone,
};
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
                    code: e.code.clone(),
                    name: Text::new(&e.zh, &e.en),
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
        let code = token.to_uppercase();
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
        self.clusters.retain(|c| c.key != key);
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
            c.links.retain(|l| l.key != key);
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
        self.incentives.retain(|i| i.key != key);
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
    pub fn tidy_link_name(&mut self, key: RowKey) {
        if let Some(l) = self.link_mut(key) {
            for name in [&mut l.name_zh, &mut l.name_en] {
                let (rest, wanted) = split_wanted(name);
                if wanted {
                    *name = rest.to_string();
                    l.status = LinkStatus::Wanted;
                }
            }
        }
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
}
