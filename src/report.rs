//! The monthly report (月报) of the pipeline, for one zone or all: 三个一批 (the projects
//! signed, started and in operation) in the month and in the year to date, the projects
//! in negotiation at the end of the month, and the last 12 months as a series.
//!
//! How it counts (also said in [`notes`], so the screen and the CSV say it too):
//! - A prospect counts for 签约 / 开工 / 投产 in the month of the day it reached the stage
//!   ([`Prospect::reached`], Beijing dates): a project that reaches 投产 in the month it
//!   signed counts in all three. A prospect moved back below a stage no longer counts for
//!   it (a move back is a correction); one that reaches it again counts at the new date.
//! - Paused (暂缓) and lost (流失) prospects still count for the stages they reached: the
//!   signing happened. Only the negotiating figure leaves them out.
//! - Year to date (本年累计) is 1 January to the last day of the month, same year.
//! - Negotiating at month end (月末在谈): at 在谈 on the month's last day by its history
//!   and active then (paused or lost later still counts).
//! - Records with no history (captured before stage dates were kept) count in no month's
//!   three figures ([`MonthlyReport::undated`] says how many); for the negotiating figure
//!   they are taken to have been at their current stage since capture.
//! - Investment: summed in 万元; an amount in a foreign currency or not readable (kept as
//!   typed) is counted but not summed ([`Tally::not_summed`]).
//! - Zone: the prospect's `zone_id`, else its best-ranked zone ([`best_zone`]); a
//!   prospect with neither counts only in the all-zones report.

use crate::dates::YearMonth;
use crate::matching::{Catalogue, ProspectProfile, Weights};
use crate::model::{Lang, Prospect, Stage};

/// The three stages of 三个一批, in report order: 签约, 开工, 投产. Indexes of the
/// `[_; 3]` arrays of [`MonthlyReport`].
pub const BATCH: [Stage; 3] = [Stage::Signed, Stage::Started, Stage::Operating];

/// A prospect's best-ranked zone: its id and total score (0-100).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BestZone {
    pub zone_id: String,
    /// 0-100, the zone's total for the prospect.
    pub score: u8,
}

/// The first zone of [`Catalogue::rank`] for the prospect, when it passes the zone's hard
/// limits and fits the industry; `None` when no zone does (or there are no zones).
pub fn best_zone(
    catalogue: &Catalogue,
    profile: &ProspectProfile,
    weights: &Weights,
) -> Option<BestZone> {
    let first = catalogue
        .rank_explaining(profile, weights, 0)
        .into_iter()
        .next()?;
    (!first.is_excluded() && first.fits_industry()).then_some(BestZone {
        zone_id: first.zone_id,
        score: first.total,
    })
}

/// [`best_zone`] for each profile, same order (ranks every zone for every prospect: build
/// it once per report or export, not per keystroke).
pub fn best_zones(
    catalogue: &Catalogue,
    profiles: &[ProspectProfile],
    weights: &Weights,
) -> Vec<Option<BestZone>> {
    let mut out = Vec::with_capacity(profiles.len());
    for p in profiles {
        out.push(best_zone(catalogue, p, weights));
    }
    out
}

/// What a prospect's best zone depends on: the fields the engine reads. A change of
/// stage, standing, notes or dates leaves it the same, so its best zone is not recomputed.
pub fn match_key(p: &Prospect) -> String {
    let num = |v: Option<f64>| v.map(|x| x.to_bits()).unwrap_or(u64::MAX);
    format!(
        "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}{}",
        p.industry,
        p.products,
        p.origin,
        num(p.investment_wan),
        num(p.factory_m2),
        num(p.land_mu),
        u8::from(p.must_have.factory),
        u8::from(p.must_have.land),
    )
}

/// [`best_zones`] remembered per prospect between calls: only prospects whose
/// [`match_key`] changed are ranked again, as long as the zones (`catalogue_version`,
/// any value that changes when the zones change) and the weights are the same. Moving a
/// prospect along the pipeline then costs nothing, even with 10,000 prospects.
#[derive(Default)]
pub struct BestZoneCache {
    catalogue_version: usize,
    weights: Option<Weights>,
    entries: crate::text::index::QuickMap<String, (String, Option<BestZone>)>,
}

impl BestZoneCache {
    /// Each profile's best zone, same order as `profiles`.
    pub fn best_zones(
        &mut self,
        catalogue: &Catalogue,
        catalogue_version: usize,
        profiles: &[ProspectProfile],
        weights: &Weights,
    ) -> Vec<Option<BestZone>> {
        if self.catalogue_version != catalogue_version || self.weights != Some(*weights) {
            self.entries.clear();
            self.catalogue_version = catalogue_version;
            self.weights = Some(*weights);
        }
        let mut out = Vec::with_capacity(profiles.len());
        let mut seen = crate::text::index::QuickMap::with_capacity_and_hasher(
            profiles.len(),
            Default::default(),
        );
        for p in profiles {
            let key = match_key(&p.prospect);
            let best = match self.entries.remove(&p.prospect.id) {
                Some((k, best)) if k == key => best,
                _ => best_zone(catalogue, p, weights),
            };
            out.push(best.clone());
            seen.insert(p.prospect.id.clone(), (key, best));
        }
        // Deleted prospects are forgotten.
        self.entries = seen;
        out
    }
}

/// The zone a prospect counts under: its `zone_id` when set, else its best zone's id.
pub fn zone_of<'a>(prospect: &'a Prospect, best: Option<&'a BestZone>) -> Option<&'a str> {
    if prospect.zone_id.is_empty() {
        best.map(|b| b.zone_id.as_str())
    } else {
        Some(prospect.zone_id.as_str())
    }
}

/// A count of prospects and the sum of their planned investment.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    /// Prospects counted.
    pub count: u32,
    /// Sum of their planned investment, 万元, over those with an amount in 万元.
    pub investment_wan: f64,
    /// How many of them make up `investment_wan` (the rest have no amount, or one not in
    /// 万元).
    pub summed: u32,
    /// Counted but not summed: the amount is in a foreign currency or could not be read
    /// (kept as typed in `Prospect::investment_text`).
    pub not_summed: u32,
    /// The prospects counted: indexes into the slice given to [`monthly_report`], in
    /// slice order.
    pub prospects: Vec<usize>,
}

impl Tally {
    fn add(&mut self, index: usize, p: &Prospect) {
        self.count += 1;
        if let Some(v) = p.investment_wan {
            self.investment_wan += v;
            self.summed += 1;
        } else if !p.investment_text.trim().is_empty() {
            self.not_summed += 1;
        }
        self.prospects.push(index);
    }
}

/// One month of the 12-month series.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeriesPoint {
    pub month: YearMonth,
    /// Prospects that reached 签约, 开工, 投产 in the month (see [`BATCH`]).
    pub counts: [u32; 3],
}

/// The monthly report (月报) for one month and one zone or all.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthlyReport {
    pub month: YearMonth,
    /// The zone reported on; `None` for all zones.
    pub zone_id: Option<String>,
    /// Reached 签约, 开工, 投产 in the month (三个一批; see [`BATCH`]).
    pub in_month: [Tally; 3],
    /// Reached 签约, 开工, 投产 from 1 January to the month's end, same year.
    pub year_to_date: [Tally; 3],
    /// At 在谈 and active at the month's end.
    pub negotiating: Tally,
    /// The month and the 11 before it, oldest first: for a bar chart.
    pub series: Vec<SeriesPoint>,
    /// Prospects now at 签约, 开工, 投产 or beyond whose day of reaching that stage is not
    /// recorded (captured before stage dates were kept): counted in no month.
    pub undated: [u32; 3],
}

/// The report for `month` and `zone` (a zone id, or `None` for all zones).
///
/// `best` is each prospect's [`best_zone`], same order as `prospects` (see
/// [`best_zones`]); shorter or empty when unknown, which only matters for prospects with
/// no `zone_id` in a one-zone report.
pub fn monthly_report(
    prospects: &[Prospect],
    best: &[Option<BestZone>],
    month: YearMonth,
    zone: Option<&str>,
) -> MonthlyReport {
    let window = month.months_ending(12);
    let mut report = MonthlyReport {
        month,
        zone_id: zone.map(String::from),
        in_month: Default::default(),
        year_to_date: Default::default(),
        negotiating: Tally::default(),
        series: window
            .iter()
            .map(|m| SeriesPoint {
                month: *m,
                counts: [0; 3],
            })
            .collect(),
        undated: [0; 3],
    };
    let end = month.last_day();
    for (i, p) in prospects.iter().enumerate() {
        if let Some(z) = zone {
            if zone_of(p, best.get(i).and_then(Option::as_ref)) != Some(z) {
                continue;
            }
        }
        for (k, stage) in BATCH.iter().enumerate() {
            match p.reached(*stage).and_then(YearMonth::of_date) {
                Some(m) => {
                    if m == month {
                        report.in_month[k].add(i, p);
                    }
                    if m.year == month.year && m <= month {
                        report.year_to_date[k].add(i, p);
                    }
                    if let Some(point) = report.series.iter_mut().find(|s| s.month == m) {
                        point.counts[k] += 1;
                    }
                }
                None if p.stage.index() >= stage.index() => report.undated[k] += 1,
                None => {}
            }
        }
        if p.stage_on(&end) == Some(Stage::Negotiating) && p.active_on(&end) {
            report.negotiating.add(i, p);
        }
    }
    report
}

/// The words of the report, for the screen and the CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// 月报 / Monthly report
    Title,
    /// 月份 / Month
    Month,
    /// 园区 / Zone
    Zone,
    /// 全部园区 / All zones
    AllZones,
    /// 指标 / Figure
    Figure,
    /// 本月个数 / Projects this month
    MonthCount,
    /// 本月投资额（万元） / Investment this month (10k CNY)
    MonthInvestment,
    /// 本月金额未计入（个） / This month, amounts not summed
    MonthNotSummed,
    /// 本年累计个数 / Projects year to date
    YearCount,
    /// 本年累计投资额（万元） / Investment year to date (10k CNY)
    YearInvestment,
    /// 本年累计金额未计入（个） / Year to date, amounts not summed
    YearNotSummed,
    /// 签约项目 / Signed
    Signed,
    /// 开工项目 / Started
    Started,
    /// 投产项目 / In operation
    Operating,
    /// 月末在谈 / Negotiating at month end
    Negotiating,
    /// 近12个月 / Last 12 months
    Last12Months,
    /// 项目明细 / Projects
    Details,
    /// 类别 / Category
    Category,
    /// 日期 / Date
    Date,
    /// 说明 / Notes
    Notes,
}

impl Label {
    /// Every label, for tests that render them all.
    pub const ALL: [Label; 20] = [
        Label::Title,
        Label::Month,
        Label::Zone,
        Label::AllZones,
        Label::Figure,
        Label::MonthCount,
        Label::MonthInvestment,
        Label::MonthNotSummed,
        Label::YearCount,
        Label::YearInvestment,
        Label::YearNotSummed,
        Label::Signed,
        Label::Started,
        Label::Operating,
        Label::Negotiating,
        Label::Last12Months,
        Label::Details,
        Label::Category,
        Label::Date,
        Label::Notes,
    ];

    /// The label in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Label::Title => ("月报", "Monthly report"),
            Label::Month => ("月份", "Month"),
            Label::Zone => ("园区", "Zone"),
            Label::AllZones => ("全部园区", "All zones"),
            Label::Figure => ("指标", "Figure"),
            Label::MonthCount => ("本月个数", "Projects this month"),
            Label::MonthInvestment => ("本月投资额（万元）", "Investment this month (10k CNY)"),
            Label::MonthNotSummed => ("本月金额未计入（个）", "This month, amounts not summed"),
            Label::YearCount => ("本年累计个数", "Projects year to date"),
            Label::YearInvestment => (
                "本年累计投资额（万元）",
                "Investment year to date (10k CNY)",
            ),
            Label::YearNotSummed => (
                "本年累计金额未计入（个）",
                "Year to date, amounts not summed",
            ),
            Label::Signed => ("签约项目", "Signed"),
            Label::Started => ("开工项目", "Started"),
            Label::Operating => ("投产项目", "In operation"),
            Label::Negotiating => ("月末在谈", "Negotiating at month end"),
            Label::Last12Months => ("近12个月", "Last 12 months"),
            Label::Details => ("项目明细", "Projects"),
            Label::Category => ("类别", "Category"),
            Label::Date => ("日期", "Date"),
            Label::Notes => ("说明", "Notes"),
        };
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The label of [`BATCH`]`[k]`: 签约项目, 开工项目, 投产项目.
    pub fn batch(k: usize) -> Label {
        [Label::Signed, Label::Started, Label::Operating][k.min(2)]
    }
}

/// A month as people write it: `2026年3月` in Chinese, `2026-03` in English.
pub fn month_label(month: YearMonth, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月", month.year, month.month),
        Lang::En => month.to_string(),
    }
}

/// What the reader of the report must know to read its figures right: amounts not
/// summed, undated records, and how the report counts. Sentences in `lang`.
pub fn notes(report: &MonthlyReport, lang: Lang) -> Vec<String> {
    let zh = lang == Lang::Zh;
    let mut out = Vec::new();
    let month_ns: u32 =
        report.in_month.iter().map(|t| t.not_summed).sum::<u32>() + report.negotiating.not_summed;
    let year_ns: u32 = report.year_to_date.iter().map(|t| t.not_summed).sum();
    if month_ns + year_ns > 0 {
        out.push(if zh {
            format!("投资额为外币或无法识别的项目计入个数、不计入金额：本月（含月末在谈）{month_ns} 项次，本年累计 {year_ns} 项次。")
        } else {
            format!("Projects whose investment is in a foreign currency or unreadable are counted but not summed: {month_ns} this month (incl. negotiating), {year_ns} year to date.")
        });
    }
    let undated: u32 = report.undated.iter().sum();
    if undated > 0 {
        let [s, st, o] = report.undated;
        out.push(if zh {
            format!("未记录阶段日期的项目（在记录阶段日期之前登记）不计入任何月份：签约 {s} 个、开工 {st} 个、投产 {o} 个。")
        } else {
            format!("Projects with no recorded stage dates (captured before dates were kept) count in no month: {s} signed, {st} started, {o} in operation.")
        });
    }
    out.push(
        if zh {
            "按达到各阶段的日期（北京时间）计数；暂缓、流失的项目仍计入其达到的阶段；月末在谈只计月末仍在跟进的项目；年度累计为1月1日至本月末；未指定园区的项目计入其最佳匹配园区。"
        } else {
            "Counted by the day each stage was reached (Beijing time); paused and lost projects still count for the stages they reached; negotiating counts only projects still active at month end; year to date runs from 1 January to the month's end; a project with no zone set counts under its best-matching zone."
        }
        .to_string(),
    );
    out
}
