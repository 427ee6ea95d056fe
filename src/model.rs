//! The domain: development zones (开发区/园区) and prospective enterprises (意向企业).
//!
//! Plain data with no web types. Every field the source material does not give is an
//! `Option` (or an empty list) so the UI can say "unknown" instead of showing an invented
//! number.

use serde::{Deserialize, Serialize};

pub use crate::lang::{Lang, Text};

/// Version of the stored and exported data format. Bump it, and add a migration, whenever
/// the shape of [`Dataset`] changes in a way older readers would misread.
///
/// History: 1 = first release; 2 = taxonomy codes on clusters and links, restricted
/// industries, incentive eligibility, prospect must-haves (all new fields default, so
/// version 1 data reads as version 2 unchanged); 3 = prospect zone, code name, amounts kept as
/// typed when not readable as 万元 / m² / 亩, stage history, standing (paused / lost) with
/// its reason (all default, so version 2 records read unchanged); 4 = a zone profile's
/// national catalogue code (default empty, so version 3 records read unchanged).
pub const SCHEMA_VERSION: u32 = 5;

/// 1 亩 (mu) in square metres, rounded: exactly 10000/15 (666.666…; see
/// [`crate::text::amount`], which converts with the exact value).
pub const SQM_PER_MU: f64 = 666.67;

/// Fields of a record that this version of the app does not know, kept as read and
/// written back unchanged, so that a record saved by a newer version (in another tab, or
/// read by a stale offline copy) keeps them through this version's load and save.
/// Empty for records this version created; never shown.
///
/// Written by serde (`#[serde(flatten)]` on serialization); filled on reading by
/// [`keep_unknown`], which costs far less wasm than serde's flattening deserializer.
pub type Extra = serde_json::Map<String, serde_json::Value>;

/// A record type that keeps the fields it does not know (see [`Extra`]).
pub trait KeepsUnknown {
    /// The JSON names this version reads and writes (checked against the serialized
    /// shape by `tests/schema.rs`).
    const FIELDS: &'static [&'static str];
    fn extra_mut(&mut self) -> &mut Extra;
    /// Fill the nested records' unknown fields from the same input object.
    fn keep_nested(&mut self, _input: &serde_json::Map<String, serde_json::Value>) {}
}

/// Copy the fields of `input` (the JSON `record` was read from) that `T` does not know
/// into the record's [`Extra`], at every level of nesting.
pub fn keep_unknown<T: KeepsUnknown>(record: &mut T, input: &serde_json::Value) {
    if let Some(obj) = input.as_object() {
        unknown_fields(record.extra_mut(), obj, T::FIELDS);
        record.keep_nested(obj);
    }
}

/// The one (not generic) loop behind [`keep_unknown`].
#[inline(never)]
fn unknown_fields(
    extra: &mut Extra,
    obj: &serde_json::Map<String, serde_json::Value>,
    known: &[&str],
) {
    extra.clear();
    for (k, v) in obj {
        if !known.contains(&k.as_str()) {
            extra.insert(k.clone(), v.clone());
        }
    }
}

/// [`keep_unknown`] for each record of a list, against the same list in the input.
fn keep_unknown_list<T: KeepsUnknown>(records: &mut [T], input: Option<&serde_json::Value>) {
    if let Some(items) = input.and_then(|v| v.as_array()) {
        for (r, v) in records.iter_mut().zip(items) {
            keep_unknown(r, v);
        }
    }
}

macro_rules! keeps_unknown {
    ($t:ty, [$($f:literal),* $(,)?] $(, |$s:ident, $o:ident| $nested:block)?) => {
        impl KeepsUnknown for $t {
            const FIELDS: &'static [&'static str] = &[$($f),*];
            fn extra_mut(&mut self) -> &mut Extra {
                &mut self.extra
            }
            $(fn keep_nested(&mut self, $o: &serde_json::Map<String, serde_json::Value>) {
                let $s = self;
                $nested
            })?
        }
    };
}

/// Kind of zone: 高新区 / 经开区 / 示范区 / other.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ZoneKind {
    /// 高新技术产业开发区
    HighTech,
    /// 经济技术开发区 / 经济开发区
    EconomicTechnological,
    /// 示范区
    Demonstration,
    #[default]
    Other,
}

impl ZoneKind {
    pub const ALL: [ZoneKind; 4] = [
        ZoneKind::HighTech,
        ZoneKind::EconomicTechnological,
        ZoneKind::Demonstration,
        ZoneKind::Other,
    ];
}

/// Position of a chain link in its industry chain (上游/中游/下游).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChainStage {
    Upstream,
    Midstream,
    Downstream,
    #[default]
    Unknown,
}

/// Whether a zone already has a link (present, 已有) or is recruiting for it (wanted, 招引).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkStatus {
    #[default]
    Present,
    Wanted,
}

/// A link inside an industry chain (产业链环节), e.g. 集成电路封装.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ChainLink {
    pub name: Text,
    #[serde(default)]
    pub stage: ChainStage,
    #[serde(default)]
    pub status: LinkStatus,
    /// Synonyms and product words in either language that should match this link.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Industry taxonomy codes (GB/T 4754-2017, `SEIn`) of this link.
    #[serde(default)]
    pub codes: Vec<String>,
    /// Fields written by a newer version, kept unchanged (see [`Extra`]).
    #[serde(flatten, skip_deserializing)]
    pub extra: Extra,
}

/// An industrial cluster (产业集群) with its chain links.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    pub name: Text,
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Industry taxonomy codes (GB/T 4754-2017, `SEIn`) of the cluster.
    #[serde(default)]
    pub codes: Vec<String>,
    #[serde(default)]
    pub links: Vec<ChainLink>,
    /// Fields written by a newer version, kept unchanged (see [`Extra`]).
    #[serde(flatten, skip_deserializing)]
    pub extra: Extra,
}

/// Standard factory buildings (标准厂房). All figures in m²; any may be unknown.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FactorySpace {
    #[serde(default)]
    pub planned_m2: Option<f64>,
    #[serde(default)]
    pub built_m2: Option<f64>,
    /// Share of built space in use, 0-100.
    #[serde(default)]
    pub occupancy_pct: Option<f64>,
    /// Space free to let now, when the zone states it.
    #[serde(default)]
    pub available_m2: Option<f64>,
    /// Fields written by a newer version, kept unchanged (see [`Extra`]).
    #[serde(flatten, skip_deserializing)]
    pub extra: Extra,
}

/// Free factory space and whether it is stated or estimated.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Availability {
    pub m2: f64,
    /// True when derived from built space and occupancy rather than stated.
    pub estimated: bool,
}

impl FactorySpace {
    /// Free space: the stated figure, or built × (1 − occupancy) as an estimate.
    pub fn availability(&self) -> Option<Availability> {
        if let Some(m2) = self.available_m2 {
            return Some(Availability {
                m2,
                estimated: false,
            });
        }
        match (self.built_m2, self.occupancy_pct) {
            (Some(built), Some(occ)) => Some(Availability {
                m2: (built * (100.0 - occ.clamp(0.0, 100.0)) / 100.0).round(),
                estimated: true,
            }),
            _ => None,
        }
    }
}

/// Incentive category: 奖励类 / 补贴类 / 扶持类.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncentiveCategory {
    Reward,
    Subsidy,
    #[default]
    Support,
}

/// One incentive policy of a zone.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Incentive {
    pub name: Text,
    #[serde(default)]
    pub category: IncentiveCategory,
    /// Most this policy pays one enterprise, 万元, when stated.
    #[serde(default)]
    pub max_wan: Option<f64>,
    /// Only for projects that rent or buy factory space (rent and fit-out subsidies).
    #[serde(default)]
    pub requires_factory: bool,
    /// Only for projects that need land.
    #[serde(default)]
    pub requires_land: bool,
    /// Only for projects investing at least this much, 万元.
    #[serde(default)]
    pub min_investment_wan: Option<f64>,
    /// Only for these industries (taxonomy codes); empty means any industry.
    #[serde(default)]
    pub codes: Vec<String>,
    /// Fields written by a newer version, kept unchanged (see [`Extra`]).
    #[serde(flatten, skip_deserializing)]
    pub extra: Extra,
}

/// A person to call at the zone.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    /// Web page; only `http:` and `https:` addresses are accepted (see [`safe_url`]).
    #[serde(default)]
    pub website: String,
    /// Fields written by a newer version, kept unchanged (see [`Extra`]).
    #[serde(flatten, skip_deserializing)]
    pub extra: Extra,
}

/// The address if it is a plain web address (`http:` or `https:`), so that a profile
/// can never carry a `javascript:` or `data:` link into the page.
///
/// ```
/// use zonematch::model::safe_url;
/// assert_eq!(safe_url(" https://www.czgxq.gov.cn/ "), Some("https://www.czgxq.gov.cn/"));
/// assert_eq!(safe_url("javascript:alert(1)"), None);
/// assert_eq!(safe_url("JaVaScRiPt:alert(1)"), None);
/// assert_eq!(safe_url("data:text/html,<script>"), None);
/// assert_eq!(safe_url("//evil.example"), None);
/// assert_eq!(safe_url("https://"), None);
/// ```
pub fn safe_url(url: &str) -> Option<&str> {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let ok = !host.is_empty()
        && !u
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '"' || c == '<' || c == '>');
    ok.then_some(u)
}

/// A development zone profile (开发区/园区).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Zone {
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub kind: ZoneKind,
    #[serde(default)]
    pub location: Text,
    #[serde(default)]
    pub summary: Text,
    #[serde(default)]
    pub clusters: Vec<Cluster>,
    #[serde(default)]
    pub factory: FactorySpace,
    /// Industrial land available, 亩.
    #[serde(default)]
    pub land_available_mu: Option<f64>,
    /// Free-text remark on land (e.g. land via farmland conversion).
    #[serde(default)]
    pub land_note: Text,
    /// Smallest project the zone admits, 万元.
    #[serde(default)]
    pub min_investment_wan: Option<f64>,
    /// Minimum investment intensity (投资强度), 万元 per 亩.
    #[serde(default)]
    pub min_intensity_wan_per_mu: Option<f64>,
    /// Industries the zone does not admit: taxonomy codes (`25`, `2614`) or words
    /// (高耗能). A prospect in one is excluded, not scored low.
    #[serde(default)]
    pub restricted: Vec<String>,
    #[serde(default)]
    pub incentives: Vec<Incentive>,
    /// Total number of incentive policies the zone states, when more than are listed.
    #[serde(default)]
    pub incentive_count: Option<u32>,
    /// Most one enterprise or project can receive from all policies, 万元.
    #[serde(default)]
    pub incentive_cap_wan: Option<f64>,
    #[serde(default)]
    pub services: Vec<Text>,
    /// Regions the zone recruits from (e.g. 粤港澳大湾区).
    #[serde(default)]
    pub target_regions: Vec<Text>,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// Date the profile's facts are as of, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default)]
    pub as_of: String,
    /// Where the facts come from.
    #[serde(default)]
    pub source: String,
    /// The zone's code in the national catalogue 《中国开发区审核公告目录》(2018), e.g.
    /// `G142057` (G national / S provincial); empty when the zone is not in it or not linked.
    #[serde(default)]
    pub catalogue_code: String,
    /// Level: `national` (国家级), `provincial` (省级) or empty when not stated.
    #[serde(default)]
    pub level: String,
    /// When the zone was approved (批准时间), `YYYY-MM` or `YYYY-MM-DD`; empty when unknown.
    /// Not the date the profile's facts are as of ([`Zone::as_of`]).
    #[serde(default)]
    pub approved: String,
    /// Approved planning area (核准面积 / 规划面积), 公顷: the zone's boundary, not free land
    /// or factory space.
    #[serde(default)]
    pub approved_area_ha: Option<f64>,
    /// True for a national-catalogue entry shown as a zone (reference data, "little data":
    /// name, kind and leading industries only), false for a profile someone keeps. Never
    /// stored: reference entries are not user data, and a profile taken up from one is not.
    #[serde(skip)]
    pub reference: bool,
    /// Fields written by a newer version, kept unchanged (see [`Extra`]).
    #[serde(flatten, skip_deserializing)]
    pub extra: Extra,
}

/// Pipeline stage of a prospect: 线索 → 接洽 → 在谈 → 签约 → 开工 → 投产.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    #[default]
    Lead,
    Contacted,
    Negotiating,
    Signed,
    Started,
    Operating,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Lead,
        Stage::Contacted,
        Stage::Negotiating,
        Stage::Signed,
        Stage::Started,
        Stage::Operating,
    ];

    /// Position in the pipeline: 0 (线索) to 5 (投产).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The stage after this one; `None` at 投产 (operating).
    pub fn next(self) -> Option<Stage> {
        Stage::ALL.get(self.index() + 1).copied()
    }
}

/// Needs the prospect cannot do without: a zone that cannot meet one is excluded.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MustHave {
    #[serde(default)]
    pub factory: bool,
    #[serde(default)]
    pub land: bool,
    /// Fields written by a newer version, kept unchanged (see [`Extra`]).
    #[serde(flatten, skip_deserializing)]
    pub extra: Extra,
}

/// A prospective enterprise (意向企业) captured by a recruiter.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Prospect {
    pub id: String,
    /// Company name or a confidential code name.
    pub name: String,
    #[serde(default)]
    pub industry: String,
    #[serde(default)]
    pub products: String,
    /// Planned investment, 万元.
    #[serde(default)]
    pub investment_wan: Option<f64>,
    /// Factory space needed, m².
    #[serde(default)]
    pub factory_m2: Option<f64>,
    /// Land needed, 亩.
    #[serde(default)]
    pub land_mu: Option<f64>,
    #[serde(default)]
    pub jobs: Option<u32>,
    #[serde(default)]
    pub must_have: MustHave,
    /// Where the enterprise comes from (city or region).
    #[serde(default)]
    pub origin: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub stage: Stage,
    /// Capture time, ISO 8601.
    #[serde(default)]
    pub created: String,
    /// The zone (its id) that follows this prospect, where the project is to settle;
    /// empty while undecided (reports then count it under its best-ranked zone).
    #[serde(default)]
    pub zone_id: String,
    /// Code name (代号): what may be shown to visitors; `name` is the real name, kept
    /// private in visitor mode. Empty when none was given.
    #[serde(default)]
    pub code_name: String,
    /// The investment as typed, kept when it could not be stored as 万元: a foreign
    /// currency ("USD 5 million", "500万美元", never converted) or text that could not be
    /// read (the field is then marked for review). Empty otherwise.
    #[serde(default)]
    pub investment_text: String,
    /// The factory space as typed, kept when it could not be read as m² (marked for review).
    #[serde(default)]
    pub factory_text: String,
    /// The land as typed, kept when it could not be read as 亩 (marked for review).
    #[serde(default)]
    pub land_text: String,
    /// When each stage was reached, in the order recorded (lead → contacted → … →
    /// operating); see [`StageMark`] for how moves back and changes of standing show.
    /// Empty for records captured before schema version 3 (dates unknown). Change it
    /// through [`Prospect::start_history`], [`Prospect::move_to`],
    /// [`Prospect::advance`] and [`Prospect::set_standing`].
    #[serde(default)]
    pub stage_history: Vec<StageMark>,
    /// Whether work goes on, is paused (暂缓) or the prospect was lost (流失).
    #[serde(default)]
    pub standing: Standing,
    /// Why the prospect is paused or lost; empty when active.
    #[serde(default)]
    pub standing_reason: String,
    /// Fields written by a newer version, kept unchanged (see [`Extra`]).
    #[serde(flatten, skip_deserializing)]
    pub extra: Extra,
}

/// The day a prospect reached a stage: a local date in Beijing time, `YYYY-MM-DD`.
///
/// Each mark means "at this stage from this day". A move forward adds a mark for every
/// stage passed (skipped stages get the same day: reaching 签约 means the earlier stages
/// were reached by then); a move back adds one mark for the lower stage. A mark that
/// repeats the stage of the mark before it records a change of standing (paused, lost,
/// resumed) on that day. A mark with an empty date is a stage reached on a day nobody
/// recorded (a record from before schema 3, or a stage changed without a date).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StageMark {
    pub stage: Stage,
    /// `YYYY-MM-DD`, Beijing time (UTC+8), as a ledger records dates.
    pub date: String,
    /// Fields written by a newer version, kept unchanged (see [`Extra`]).
    #[serde(flatten, skip_deserializing)]
    pub extra: Extra,
}

/// Whether work on a prospect goes on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    #[default]
    Active,
    /// 暂缓: on hold, may resume.
    Paused,
    /// 流失: went elsewhere or gave up.
    Lost,
}

impl Standing {
    pub const ALL: [Standing; 3] = [Standing::Active, Standing::Paused, Standing::Lost];

    /// The standing's name in `lang`: 跟进中 / 暂缓 / 流失 (Active / Paused / Lost).
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Standing::Active, Lang::Zh) => "跟进中",
            (Standing::Active, Lang::En) => "Active",
            (Standing::Paused, Lang::Zh) => "暂缓",
            (Standing::Paused, Lang::En) => "Paused",
            (Standing::Lost, Lang::Zh) => "流失",
            (Standing::Lost, Lang::En) => "Lost",
        }
    }
}

/// The pipeline history of a prospect (see [`StageMark`]). Dates are Beijing local dates,
/// `YYYY-MM-DD` (get today's from the current ISO time with
/// [`crate::dates::beijing_date`]).
///
/// Records with no history (captured before schema 3) keep working: their dates are
/// unknown, so [`Prospect::reached`] gives `None` for every stage and a monthly report
/// counts them in no month's 签约 / 开工 / 投产 (it says how many); their first recorded
/// move adds 线索 at the capture date and their stage then with an empty date, and the
/// new stage with its date.
impl Prospect {
    /// The Beijing date the prospect was captured (from `created`), `YYYY-MM-DD`; `None`
    /// when `created` is not a timestamp.
    pub fn captured_date(&self) -> Option<String> {
        crate::dates::beijing_date(&self.created)
    }

    /// Record the stage a new prospect is captured at, on `date` (and the stages before
    /// it, on the same day). For the capture form, after building the record; does
    /// nothing when there is a history already.
    pub fn start_history(&mut self, date: &str) {
        if self.stage_history.is_empty() {
            for s in &Stage::ALL[..=self.stage.index()] {
                self.push_mark(*s, date);
            }
        }
    }

    fn push_mark(&mut self, stage: Stage, date: &str) {
        self.stage_history.push(StageMark {
            stage,
            date: date.to_string(),
            ..Default::default()
        });
    }

    /// Before a new mark: make the history end at the current stage. An empty history
    /// starts with 线索 at the capture date (every prospect is a lead from capture); a
    /// stage not reached through these methods is marked with an unknown (empty) date.
    fn sync_history(&mut self) {
        if self.stage_history.is_empty() {
            let captured = self.captured_date().unwrap_or_default();
            self.push_mark(Stage::Lead, &captured);
        }
        if self.stage_history.last().map(|m| m.stage) != Some(self.stage) {
            self.push_mark(self.stage, "");
        }
    }

    /// Move to `stage` on `date` (`YYYY-MM-DD`). Forward: a mark for each stage passed,
    /// all on `date`. Back (a deal that fell through, or a slip of the finger): the
    /// history is kept, one mark for the lower stage; the stages above are no longer
    /// [`reached`](Prospect::reached), and reaching them again records the new date.
    /// Moving to the current stage does nothing.
    pub fn move_to(&mut self, stage: Stage, date: &str) {
        if stage == self.stage {
            return;
        }
        self.sync_history();
        if stage.index() > self.stage.index() {
            for s in &Stage::ALL[self.stage.index() + 1..=stage.index()] {
                self.push_mark(*s, date);
            }
        } else {
            self.push_mark(stage, date);
        }
        self.stage = stage;
    }

    /// One stage forward on `date`; does nothing at 投产 (operating).
    pub fn advance(&mut self, date: &str) {
        if let Some(next) = self.stage.next() {
            self.move_to(next, date);
        }
    }

    /// The day (`YYYY-MM-DD`) the prospect reached `stage`, if it is at that stage or
    /// beyond now and the day is known: the last time it rose to the stage from below.
    /// `None` for a stage above the current one, and when the day was not recorded.
    pub fn reached(&self, stage: Stage) -> Option<&str> {
        let t = stage.index();
        if self.stage.index() < t {
            return None;
        }
        let mut level: Option<usize> = None;
        let mut date: Option<&str> = None;
        for m in &self.stage_history {
            let s = m.stage.index();
            if s < t {
                date = None;
            } else if level.is_none_or(|l| l < t) {
                date = Some(m.date.as_str());
            }
            level = Some(s);
        }
        date.filter(|d| !d.is_empty())
    }

    /// The day of the last recorded move (stage or standing), `YYYY-MM-DD`; the capture
    /// date when nothing was recorded; empty when neither is known.
    pub fn last_moved(&self) -> String {
        match self.stage_history.iter().rev().find(|m| !m.date.is_empty()) {
            Some(m) => m.date.clone(),
            None => self.captured_date().unwrap_or_default(),
        }
    }

    /// Pause (暂缓), mark lost (流失) or resume work on the prospect on `date`, with the
    /// reason (kept for paused and lost, cleared when active). A change of standing adds
    /// a mark repeating the current stage (see [`StageMark`]); a new reason alone does not.
    pub fn set_standing(&mut self, standing: Standing, reason: &str, date: &str) {
        if standing != self.standing {
            self.sync_history();
            self.push_mark(self.stage, date);
            self.standing = standing;
        }
        self.standing_reason = match standing {
            Standing::Active => String::new(),
            _ => reason.trim().to_string(),
        };
    }

    /// The day the current standing began when it is paused or lost (the last mark
    /// repeating the stage before it); `None` when active or not recorded.
    pub fn standing_since(&self) -> Option<&str> {
        if self.standing == Standing::Active {
            return None;
        }
        let mut since = None;
        for w in self.stage_history.windows(2) {
            if w[1].stage == w[0].stage && !w[1].date.is_empty() {
                since = Some(w[1].date.as_str());
            }
        }
        since
    }

    /// The stage the prospect was at on `date` (`YYYY-MM-DD`), from its history: `None`
    /// before its capture date, or when the history starts later. A record with no
    /// history is taken to have been at its current stage since capture (an assumption:
    /// its dates were never recorded); marks with no date count as before any day.
    pub fn stage_on(&self, date: &str) -> Option<Stage> {
        use crate::dates::day_number;
        let day = day_number(date)?;
        if let Some(captured) = self.captured_date().and_then(|c| day_number(&c)) {
            if day < captured {
                return None;
            }
        }
        if self.stage_history.is_empty() {
            return Some(self.stage);
        }
        let mut at = None;
        for m in &self.stage_history {
            match day_number(&m.date) {
                Some(d) if d > day => {}
                _ => at = Some(m.stage),
            }
        }
        at
    }

    /// Whether work went on at the end of `date`: always when active now; when paused or
    /// lost, only before the day that began ([`Prospect::standing_since`]; never when
    /// that day was not recorded).
    pub fn active_on(&self, date: &str) -> bool {
        use crate::dates::day_number;
        match self.standing {
            Standing::Active => true,
            _ => match (self.standing_since().and_then(day_number), day_number(date)) {
                (Some(since), Some(day)) => since > day,
                _ => false,
            },
        }
    }
}

/// Everything the app keeps: the unit of storage, export and import.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub schema_version: u32,
    #[serde(default)]
    pub zones: Vec<Zone>,
    #[serde(default)]
    pub prospects: Vec<Prospect>,
}

impl Dataset {
    pub fn zone(&self, id: &str) -> Option<&Zone> {
        self.zones.iter().find(|z| z.id == id)
    }

    pub fn prospect(&self, id: &str) -> Option<&Prospect> {
        self.prospects.iter().find(|p| p.id == id)
    }

    /// Insert or replace the zone with the same id.
    pub fn upsert_zone(&mut self, zone: Zone) {
        match self.zones.iter_mut().find(|z| z.id == zone.id) {
            Some(slot) => *slot = zone,
            None => self.zones.push(zone),
        }
    }

    /// Insert or replace the prospect with the same id.
    pub fn upsert_prospect(&mut self, prospect: Prospect) {
        match self.prospects.iter_mut().find(|p| p.id == prospect.id) {
            Some(slot) => *slot = prospect,
            None => self.prospects.push(prospect),
        }
    }
}

/// One change to the dataset. Every edit the app makes is a `Change`, so that when
/// another tab has saved in between, the change can be replayed on top of that tab's data
/// instead of overwriting it.
// Changes are short-lived values passed once to storage; boxing the zone would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    UpsertZone(Zone),
    UpsertProspect(Prospect),
    DeleteProspect(String),
    /// Restore the demo zones to the source facts, keeping everything else.
    RestoreZones(Vec<Zone>),
    /// Add or update the records of an import, keeping records the file does not name.
    Merge(Dataset),
    /// What arrived from the team database (team sync): records added or replaced, and
    /// the ids of zones and prospects deleted there.
    FromTeam {
        records: Dataset,
        deleted_zones: Vec<String>,
        deleted_prospects: Vec<String>,
    },
}

impl Dataset {
    /// Add or replace every record of `other`, keeping the rest (records found by id
    /// through one index, so a batch of thousands costs no quadratic search).
    fn upsert_all(&mut self, other: &Dataset) {
        fn upsert<T: Clone>(list: &mut Vec<T>, incoming: &[T], id: fn(&T) -> &str) {
            let mut at: crate::text::index::QuickMap<String, usize> = list
                .iter()
                .enumerate()
                .map(|(i, r)| (id(r).to_string(), i))
                .collect();
            for r in incoming {
                match at.get(id(r)) {
                    Some(&i) => list[i] = r.clone(),
                    None => {
                        at.insert(id(r).to_string(), list.len());
                        list.push(r.clone());
                    }
                }
            }
        }
        upsert(&mut self.zones, &other.zones, |z| &z.id);
        upsert(&mut self.prospects, &other.prospects, |p| &p.id);
    }

    /// Apply a change in place.
    pub fn apply(&mut self, change: &Change) {
        match change {
            Change::UpsertZone(z) => self.upsert_zone(z.clone()),
            Change::UpsertProspect(p) => self.upsert_prospect(p.clone()),
            Change::DeleteProspect(id) => self.prospects.retain(|p| &p.id != id),
            Change::RestoreZones(zones) => {
                for z in zones {
                    self.upsert_zone(z.clone());
                }
            }
            Change::Merge(other) => self.upsert_all(other),
            Change::FromTeam {
                records,
                deleted_zones,
                deleted_prospects,
            } => {
                self.upsert_all(records);
                self.zones.retain(|z| !deleted_zones.contains(&z.id));
                self.prospects
                    .retain(|p| !deleted_prospects.contains(&p.id));
            }
        }
    }
}

/// Parse an amount of money typed by a recruiter into 万元, with the reader of
/// [`crate::text::amount`]: a bare number is 万元 (`8500`); `8500万`, `1.2亿`, `一点二亿`,
/// `3个亿`, `￥3亿`, `300 million`, full-width digits and thousands separators are read.
/// Empty input is `Ok(None)`; money in another currency is refused
/// ([`FieldError::ForeignCurrency`]): it is never converted.
pub fn parse_wan(input: &str) -> Result<Option<f64>, FieldError> {
    use crate::text::amount::{read, Amount, Field};
    match read(input, Field::Money)? {
        Some(Amount::Wan(v)) => Ok(Some(v)),
        Some(_) => Err(FieldError::ForeignCurrency),
        None => Ok(None),
    }
}

/// Parse floor space into m²: a bare number is m²; `2万平米`, `20,000 sqm`, `15,000 square
/// meters`, `3千㎡`, and land units (`1亩` = 10000/15 m², `1公顷` = 10,000 m²) are read.
/// Empty input is `Ok(None)`.
pub fn parse_area_m2(input: &str) -> Result<Option<f64>, FieldError> {
    use crate::text::amount::{read, Field};
    Ok(read(input, Field::Area)?.map(|a| a.value()))
}

/// Parse land into 亩: a bare number is 亩; `50亩`, `50 mu`, `3.3公顷` (49.5 亩),
/// `0.5平方公里` (750 亩), `2 hectares` and m² (`20000平米` = 30 亩) are read.
/// Empty input is `Ok(None)`.
pub fn parse_land_mu(input: &str) -> Result<Option<f64>, FieldError> {
    use crate::text::amount::{read, Field};
    Ok(read(input, Field::Land)?.map(|a| a.value()))
}

/// Parse a plain non-negative quantity (jobs, a percentage, an intensity); empty is
/// `Ok(None)`. Every spelling of a number the amount reader knows is accepted (`300`,
/// `三百`, `1.2万`, `２０，０００`), with `人`, `名` or `%` after it; area and money units
/// are refused (use [`parse_area_m2`], [`parse_land_mu`] or [`parse_wan`]).
pub fn parse_quantity(input: &str) -> Result<Option<f64>, FieldError> {
    use crate::text::amount::{read, Field};
    Ok(read(input, Field::Count)?.map(|a| a.value()))
}

/// Why a typed field was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldError {
    NotANumber,
    Negative,
    /// A unit of the wrong kind: money in an area field, an area in a money field.
    WrongUnit,
    /// Money in another currency where only CNY is stored.
    ForeignCurrency,
}

impl From<crate::text::amount::AmountError> for FieldError {
    fn from(e: crate::text::amount::AmountError) -> Self {
        use crate::text::amount::AmountError;
        match e {
            AmountError::Unreadable => FieldError::NotANumber,
            AmountError::Negative => FieldError::Negative,
            AmountError::WrongKind => FieldError::WrongUnit,
        }
    }
}

impl FieldError {
    pub fn message(self) -> Text {
        match self {
            FieldError::NotANumber => Text::new(
                "请输入数量，如 8500万、1.2亿、2万平米、20,000 sqm 或 50亩",
                "Enter an amount such as “8500万”, “1.2亿”, “2万平米”, 20,000 sqm or 50 mu",
            ),
            FieldError::Negative => Text::new("不能为负数", "The amount cannot be negative"),
            FieldError::WrongUnit => Text::new(
                "单位与此栏不符（如在面积栏填写了金额）",
                "Wrong kind of unit for this field (for example money where an area is asked)",
            ),
            FieldError::ForeignCurrency => Text::new(
                "请以人民币填写（外币不折算）",
                "Enter the amount in CNY; foreign currencies are not converted",
            ),
        }
    }
}

keeps_unknown!(ChainLink, ["name", "stage", "status", "keywords", "codes"]);
keeps_unknown!(Cluster, ["name", "keywords", "codes", "links"], |c, o| {
    keep_unknown_list(&mut c.links, o.get("links"));
});
keeps_unknown!(
    FactorySpace,
    ["planned_m2", "built_m2", "occupancy_pct", "available_m2"]
);
keeps_unknown!(
    Incentive,
    [
        "name",
        "category",
        "max_wan",
        "requires_factory",
        "requires_land",
        "min_investment_wan",
        "codes"
    ]
);
keeps_unknown!(Contact, ["name", "role", "phone", "email", "website"]);
keeps_unknown!(MustHave, ["factory", "land"]);
keeps_unknown!(
    Zone,
    [
        "id",
        "name",
        "kind",
        "location",
        "summary",
        "clusters",
        "factory",
        "land_available_mu",
        "land_note",
        "min_investment_wan",
        "min_intensity_wan_per_mu",
        "restricted",
        "incentives",
        "incentive_count",
        "incentive_cap_wan",
        "services",
        "target_regions",
        "contacts",
        "as_of",
        "source",
        "catalogue_code",
        "level",
        "approved",
        "approved_area_ha",
    ],
    |z, o| {
        if let Some(f) = o.get("factory") {
            keep_unknown(&mut z.factory, f);
        }
        keep_unknown_list(&mut z.clusters, o.get("clusters"));
        keep_unknown_list(&mut z.incentives, o.get("incentives"));
        keep_unknown_list(&mut z.contacts, o.get("contacts"));
    }
);
keeps_unknown!(
    Prospect,
    [
        "id",
        "name",
        "industry",
        "products",
        "investment_wan",
        "factory_m2",
        "land_mu",
        "jobs",
        "must_have",
        "origin",
        "notes",
        "stage",
        "created",
        "zone_id",
        "code_name",
        "investment_text",
        "factory_text",
        "land_text",
        "stage_history",
        "standing",
        "standing_reason",
    ],
    |p, o| {
        if let Some(m) = o.get("must_have") {
            keep_unknown(&mut p.must_have, m);
        }
        keep_unknown_list(&mut p.stage_history, o.get("stage_history"));
    }
);
keeps_unknown!(StageMark, ["stage", "date"]);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_wan_accepts_what_recruiters_type() {
        let cases: &[(&str, Option<f64>)] = &[
            ("", None),
            ("  ", None),
            ("6亿", Some(60_000.0)),
            ("6 亿元", Some(60_000.0)),
            ("1.15亿", Some(11_500.0)),
            ("5000万", Some(5_000.0)),
            ("5000万元", Some(5_000.0)),
            ("1,500", Some(1_500.0)),
            ("２０００万", Some(2_000.0)),
            ("0", Some(0.0)),
        ];
        for (input, expected) in cases {
            let got = parse_wan(input).unwrap();
            match (got, expected) {
                (Some(g), Some(e)) => assert!((g - e).abs() < 1e-6, "{input}: {g} != {e}"),
                (g, e) => assert_eq!(g, *e, "{input}"),
            }
        }
    }

    #[test]
    fn parse_wan_refuses_nonsense() {
        assert_eq!(parse_wan("abc"), Err(FieldError::NotANumber));
        assert_eq!(parse_wan("-5"), Err(FieldError::Negative));
        assert_eq!(parse_wan("亿"), Err(FieldError::NotANumber));
        assert_eq!(parse_wan("NaN"), Err(FieldError::NotANumber));
        assert_eq!(parse_wan("inf"), Err(FieldError::NotANumber));
        assert_eq!(parse_wan("2万平米"), Err(FieldError::WrongUnit));
        assert_eq!(parse_wan("USD 5 million"), Err(FieldError::ForeignCurrency));
    }

    #[test]
    fn areas_and_land_read_their_units() {
        assert_eq!(parse_area_m2("20,000 m²"), Ok(Some(20_000.0)));
        assert_eq!(parse_area_m2("２００００平米"), Ok(Some(20_000.0)));
        assert_eq!(parse_area_m2("2万平米"), Ok(Some(20_000.0)));
        assert_eq!(parse_area_m2("1公顷"), Ok(Some(10_000.0)));
        assert_eq!(parse_land_mu("50亩"), Ok(Some(50.0)));
        assert_eq!(parse_land_mu("3.3公顷"), Ok(Some(49.5)));
        assert_eq!(parse_land_mu("20000平米"), Ok(Some(30.0)));
        assert_eq!(parse_area_m2(""), Ok(None));
        assert_eq!(parse_area_m2("lots"), Err(FieldError::NotANumber));
        assert_eq!(parse_land_mu("2万美元"), Err(FieldError::WrongUnit));
        assert_eq!(parse_quantity("300人"), Ok(Some(300.0)));
        assert_eq!(parse_quantity("三百"), Ok(Some(300.0)));
        assert_eq!(parse_quantity("95%"), Ok(Some(95.0)));
        assert_eq!(parse_quantity("50亩"), Err(FieldError::WrongUnit));
        // SQM_PER_MU is 1 亩 = 10000/15 m², rounded.
        let mu = parse_area_m2("1亩").unwrap().unwrap();
        assert!((mu - SQM_PER_MU).abs() < 0.01, "{mu}");
    }

    #[test]
    fn availability_prefers_stated_then_estimates() {
        let stated = FactorySpace {
            available_m2: Some(8_000.0),
            built_m2: Some(1_000_000.0),
            occupancy_pct: Some(50.0),
            ..Default::default()
        };
        assert_eq!(
            stated.availability(),
            Some(Availability {
                m2: 8_000.0,
                estimated: false
            })
        );
        let estimated = FactorySpace {
            built_m2: Some(1_200_000.0),
            occupancy_pct: Some(95.0),
            ..Default::default()
        };
        assert_eq!(
            estimated.availability(),
            Some(Availability {
                m2: 60_000.0,
                estimated: true
            })
        );
        assert_eq!(FactorySpace::default().availability(), None);
    }

    #[test]
    fn text_falls_back_to_other_language() {
        let only_zh = Text::new("长治", "");
        assert_eq!(only_zh.get(Lang::En), "长治");
        let both = Text::new("长治", "Changzhi");
        assert_eq!(both.get(Lang::En), "Changzhi");
        assert_eq!(both.get(Lang::Zh), "长治");
    }

    #[test]
    fn changes_replay_on_another_tabs_data() {
        let mine = Prospect {
            id: "mine".into(),
            name: "A".into(),
            ..Default::default()
        };
        let theirs = Prospect {
            id: "theirs".into(),
            name: "B".into(),
            ..Default::default()
        };
        let mut other_tab = Dataset::default();
        other_tab.upsert_prospect(theirs.clone());
        other_tab.apply(&Change::UpsertProspect(mine.clone()));
        assert_eq!(other_tab.prospects, vec![theirs.clone(), mine.clone()]);
        other_tab.apply(&Change::DeleteProspect("mine".into()));
        assert_eq!(other_tab.prospects, vec![theirs]);
        let mut merged = Dataset::default();
        merged.apply(&Change::Merge(Dataset {
            schema_version: SCHEMA_VERSION,
            zones: vec![Zone {
                id: "z".into(),
                ..Default::default()
            }],
            prospects: vec![mine],
        }));
        assert_eq!((merged.zones.len(), merged.prospects.len()), (1, 1));
    }

    #[test]
    fn records_from_the_team_replace_add_and_delete_by_id_in_place() {
        let p = |id: &str, name: &str| Prospect {
            id: id.into(),
            name: name.into(),
            ..Default::default()
        };
        let z = |id: &str| Zone {
            id: id.into(),
            ..Default::default()
        };
        let mut d = Dataset {
            schema_version: SCHEMA_VERSION,
            zones: vec![z("a"), z("b")],
            prospects: vec![p("p1", "old"), p("p2", "kept"), p("p3", "gone")],
        };
        d.apply(&Change::FromTeam {
            records: Dataset {
                schema_version: SCHEMA_VERSION,
                zones: vec![z("c")],
                prospects: vec![p("p1", "new"), p("p4", "added"), p("p4", "added twice")],
            },
            deleted_zones: vec!["a".into()],
            deleted_prospects: vec!["p3".into(), "never-here".into()],
        });
        let names: Vec<&str> = d.prospects.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            ["new", "kept", "added twice"],
            "replaced in place, added once, deleted"
        );
        let zones: Vec<&str> = d.zones.iter().map(|z| z.id.as_str()).collect();
        assert_eq!(zones, ["b", "c"]);
    }

    #[test]
    fn upsert_replaces_by_id() {
        let mut d = Dataset::default();
        d.upsert_prospect(Prospect {
            id: "p1".into(),
            name: "A".into(),
            ..Default::default()
        });
        d.upsert_prospect(Prospect {
            id: "p1".into(),
            name: "B".into(),
            ..Default::default()
        });
        assert_eq!(d.prospects.len(), 1);
        assert_eq!(d.prospects[0].name, "B");
    }
}
