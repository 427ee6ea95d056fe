//! Columns as people head them: which field of a prospect or a zone a table's column
//! holds, from what the header says, in Chinese (simplified or traditional, full-width or
//! not) or English, and the unit the header gives (`计划总投资（万元）`, `核准面积（公顷）`).
//!
//! Recognition, in order: the app's own export headers (key, Chinese, English) exactly;
//! then the spellings below exactly; then the longest spelling the header contains
//! (`协议投资总额` holds `投资总额`). Spellings are compared after folding traditional to
//! simplified, full-width to half-width, lower case, and dropping spaces, punctuation and
//! the unit in brackets.
//!
//! The spellings come from the ledgers zone staff keep (签约项目台账, 招商项目库 and the
//! monthly 三个一批 tables), the layout of the national catalogue 《中国开发区审核公告目录》
//! (2018) and provincial zone lists, and the English of investor-facing pipelines.
//!
//! ```
//! use zonematch::columns::{recognise, Target};
//! let c = recognise("计划总投资（万元）", Target::Prospects);
//! assert_eq!((c.key, c.unit.as_deref()), (Some("investment_wan"), Some("万元")));
//! assert_eq!(recognise("核准面积（公顷）", Target::Zones).key, Some("approved_area_ha"));
//! assert_eq!(recognise("招商责任部门", Target::Prospects).key, None);
//! ```

use crate::csv::{Column, PROSPECT_COLUMNS, ZONE_COLUMNS};
use crate::text::{fold::to_simplified, normalize::to_half_width};

/// What a table holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Target {
    #[default]
    Prospects,
    Zones,
}

impl Target {
    pub const ALL: [Target; 2] = [Target::Prospects, Target::Zones];

    pub fn key(self) -> &'static str {
        match self {
            Target::Prospects => "prospects",
            Target::Zones => "zones",
        }
    }

    pub fn from_key(key: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// Keys a table may have beyond the app's own export columns.
///
/// - `serial` (序号): the row's number in the table; never stored.
/// - `project` (项目名称): the project; the prospect's name when the table names no
///   company, else kept in the notes.
/// - `contact`, `phone` (联系人, 联系电话): kept in the notes, as text (`0355-2026123`).
/// - zones: `code` (catalogue code), `level`, `approved`, `approved_area_ha`,
///   `leading` (主导产业, split on `、` into clusters), `province` (into the location).
pub const SERIAL: &str = "serial";

/// Spellings per key (folded as [`fold_header`] folds), per target.
const PROSPECT_SPELLINGS: &[(&str, &[&str])] = &[
    (
        "serial",
        &["序号", "序", "行号", "no", "#", "number", "sn", "项目序号"],
    ),
    ("id", &["编号", "id", "项目编号", "记录编号", "项目代码"]),
    (
        "name",
        &[
            "企业名称",
            "投资方",
            "投资企业",
            "投资主体",
            "投资方名称",
            "公司名称",
            "公司",
            "企业",
            "客商",
            "客商名称",
            "签约企业",
            "招商对象",
            "意向企业",
            "企业全称",
            "单位名称",
            "投资单位",
            "投资人",
            "投资商",
            "项目单位",
            "项目业主",
            "业主单位",
            "company",
            "companyname",
            "investor",
            "enterprise",
            "firm",
            "name",
            "prospect",
            "client",
        ],
    ),
    (
        "project",
        &["项目名称", "项目", "project", "projectname", "项目全称"],
    ),
    ("code_name", &["代号", "codename", "项目代号"]),
    (
        "industry",
        &[
            "行业",
            "所属行业",
            "产业类别",
            "行业类别",
            "产业",
            "产业类型",
            "所属产业",
            "行业分类",
            "产业领域",
            "行业领域",
            "产业分类",
            "所属领域",
            "领域",
            "industry",
            "sector",
            "industrycategory",
        ],
    ),
    (
        "products",
        &[
            "主要产品",
            "产品",
            "主营产品",
            "产品名称",
            "建设内容",
            "项目内容",
            "项目概况",
            "主营业务",
            "经营范围",
            "项目简介",
            "mainproducts",
            "products",
            "product",
            "description",
        ],
    ),
    (
        "investment_wan",
        &[
            "计划投资",
            "计划总投资",
            "总投资",
            "投资额",
            "拟投资额",
            "投资总额",
            "计划投资额",
            "协议投资额",
            "协议投资",
            "签约金额",
            "签约投资额",
            "投资规模",
            "项目总投资",
            "固定资产投资",
            "固定资产投资额",
            "拟投资",
            "拟总投资",
            "合同投资额",
            "investment",
            "totalinvestment",
            "plannedinvestment",
            "investmentamount",
            "capex",
        ],
    ),
    (
        "factory_m2",
        &[
            "厂房",
            "厂房面积",
            "租赁厂房面积",
            "厂房需求",
            "需求厂房",
            "标准厂房",
            "租用厂房",
            "厂房需求面积",
            "建筑面积",
            "总建筑面积",
            "厂房建筑面积",
            "租赁厂房",
            "需求厂房面积",
            "标准厂房需求",
            "factory",
            "factoryspace",
            "floorspace",
            "plantarea",
            "workshop",
            "factoryspaceneeded",
        ],
    ),
    (
        "land_mu",
        &[
            "用地",
            "用地面积",
            "申请用地",
            "申请用地面积",
            "用地需求",
            "需求用地",
            "土地",
            "占地面积",
            "占地",
            "占地亩数",
            "供地面积",
            "拟用地",
            "拟用地面积",
            "用地规模",
            "土地需求",
            "land",
            "landarea",
            "sitearea",
            "landneeded",
        ],
    ),
    (
        "jobs",
        &[
            "就业",
            "用工",
            "就业人数",
            "用工人数",
            "新增就业",
            "员工人数",
            "带动就业",
            "用工需求",
            "jobs",
            "employees",
            "headcount",
            "staff",
        ],
    ),
    (
        "origin",
        &[
            "投资方所在地",
            "国别",
            "国别地区",
            "投资方国别",
            "投资方国别地区",
            "投资方所在国家",
            "投资方所在国家地区",
            "国家地区",
            "所在国家",
            "来源地",
            "客商所在地",
            "来自地区",
            "企业所在地",
            "所在地",
            "来源",
            "地区",
            "投资来源地",
            "客商来源",
            "企业来源地",
            "origin",
            "comingfrom",
            "from",
            "sourceregion",
            "homebase",
        ],
    ),
    (
        "stage",
        &[
            "项目进展",
            "状态",
            "阶段",
            "进展",
            "进度",
            "项目状态",
            "项目阶段",
            "推进情况",
            "进展情况",
            "项目进度",
            "推进阶段",
            "stage",
            "status",
            "progress",
            "pipelinestage",
        ],
    ),
    (
        "signed_date",
        &[
            "签约日期",
            "签约时间",
            "签订日期",
            "签订时间",
            "协议签订时间",
            "签约",
            "datesigned",
            "signingdate",
            "signed",
            "signdate",
        ],
    ),
    (
        "started_date",
        &[
            "开工日期",
            "开工时间",
            "datestarted",
            "startdate",
            "constructionstart",
        ],
    ),
    (
        "operating_date",
        &[
            "投产日期",
            "投产时间",
            "竣工投产时间",
            "dateinoperation",
            "operatingdate",
        ],
    ),
    (
        "notes",
        &[
            "备注",
            "说明",
            "情况说明",
            "备注说明",
            "跟进情况",
            "跟进记录",
            "notes",
            "remarks",
            "comment",
            "comments",
            "note",
            "memo",
        ],
    ),
    (
        "contact",
        &[
            "联系人",
            "对接人",
            "项目联系人",
            "企业联系人",
            "contact",
            "contactperson",
        ],
    ),
    (
        "phone",
        &[
            "电话",
            "联系电话",
            "手机",
            "联系方式",
            "手机号",
            "phone",
            "tel",
            "telephone",
            "mobile",
        ],
    ),
];

const ZONE_SPELLINGS: &[(&str, &[&str])] = &[
    ("serial", &["序号", "序", "行号", "no", "#", "number", "sn"]),
    ("id", &["id", "编号"]),
    (
        "name_zh",
        &[
            "开发区名称",
            "园区名称",
            "名称",
            "开发区",
            "园区",
            "园区全称",
            "开发区全称",
            "zone",
            "zonename",
            "park",
            "parkname",
            "name",
        ],
    ),
    (
        "name_en",
        &["英文名称", "英文名", "englishname", "nameinenglish"],
    ),
    (
        "code",
        &[
            "开发区代码",
            "代码",
            "目录代码",
            "编码",
            "code",
            "cataloguecode",
            "园区代码",
        ],
    ),
    ("level", &["级别", "等级", "开发区级别", "level"]),
    ("kind", &["类型", "开发区类型", "园区类型", "kind", "type"]),
    (
        "approved",
        &[
            "批准时间",
            "批准日期",
            "设立时间",
            "批准设立时间",
            "成立时间",
            "设立日期",
            "approved",
            "approvaldate",
            "established",
            "dateapproved",
        ],
    ),
    (
        "approved_area_ha",
        &[
            "核准面积",
            "规划面积",
            "批准面积",
            "面积",
            "核准规划面积",
            "规划总面积",
            "approvedarea",
            "planningarea",
            "area",
        ],
    ),
    (
        "leading",
        &[
            "主导产业",
            "重点产业",
            "主导行业",
            "特色产业",
            "主要产业",
            "首位产业",
            "leadingindustries",
            "industries",
            "mainindustries",
        ],
    ),
    ("clusters", &["产业集群", "clusters"]),
    (
        "province",
        &["省份", "省", "所在省份", "省区市", "省市", "province"],
    ),
    (
        "location_zh",
        &[
            "所在地",
            "地址",
            "所在地区",
            "城市",
            "所在城市",
            "所在市县",
            "location",
            "city",
            "address",
        ],
    ),
    (
        "available_m2",
        &[
            "可用厂房",
            "闲置厂房",
            "空置厂房",
            "可租厂房",
            "可租赁厂房",
            "availablefactoryspace",
        ],
    ),
    (
        "built_m2",
        &["已建成厂房", "已建厂房", "建成厂房", "builtfactoryspace"],
    ),
    ("planned_m2", &["规划厂房", "plannedfactoryspace"]),
    (
        "land_mu",
        &[
            "可用土地",
            "可供土地",
            "可用地",
            "剩余用地",
            "可出让土地",
            "landavailable",
        ],
    ),
    (
        "min_investment_wan",
        &["最低投资额", "投资门槛", "准入门槛", "minimuminvestment"],
    ),
    (
        "min_intensity",
        &["投资强度", "投资强度下限", "minimumintensity"],
    ),
    (
        "restricted",
        &["限制引进行业", "禁止类", "限制类", "restrictedindustries"],
    ),
    ("as_of", &["数据截至", "截至", "asof"]),
    (
        "summary_zh",
        &["简介", "概况", "园区简介", "开发区简介", "summary"],
    ),
];

/// Keys of the app's own ledger that are worked out, not read back.
const DERIVED: &[&str] = &[
    "zone",
    "best_zone",
    "best_score",
    "created_date",
    "last_moved",
];

/// Units a header may give, with the suffix the amount reader
/// ([`crate::text::amount::read`]) takes for them: (spellings, suffix).
const UNITS: &[(&[&str], &str)] = &[
    (&["万元", "万元人民币", "10kcny", "万"], "万元"),
    (&["亿元", "亿", "亿元人民币", "100mcny"], "亿元"),
    (&["元", "cny", "rmb", "yuan"], "元"),
    (&["万美元", "10kusd"], "万美元"),
    (&["亿美元"], "亿美元"),
    (&["百万美元", "musd", "usdm", "usdmillion"], "百万美元"),
    (&["千元", "kcny"], "千元"),
    (&["百万元", "mcny", "cnymillion", "rmbmillion"], "百万元"),
    (&["人民币万元"], "万元"),
    (&["人民币亿元"], "亿元"),
    (&["万亩"], "万亩"),
    (&["美元", "usd"], "美元"),
    (&["亩", "mu"], "亩"),
    (&["公顷", "ha", "hectare", "hectares"], "公顷"),
    (&["平方公里", "km2", "km²", "平方千米"], "平方公里"),
    (&["平方米", "㎡", "m2", "m²", "sqm", "平米"], "平方米"),
    (&["万平方米", "万㎡", "万m2", "万平米"], "万平方米"),
];

/// What a header was recognised as.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Recognised {
    /// The field's key (`investment_wan`, `name_zh`, `serial`, …); `None` when the app
    /// has no field for it (the column is then kept in the notes).
    pub key: Option<&'static str>,
    /// The unit the header gives, as the amount reader's suffix (`万元`, `亿元`, `公顷`).
    pub unit: Option<String>,
    /// True for a column of the app's own export that is worked out, not read back.
    pub derived: bool,
}

/// A header folded for comparison: simplified, half-width, lower case, without spaces,
/// punctuation or a trailing colon or asterisk.
pub fn fold_header(h: &str) -> String {
    let mut out = String::with_capacity(h.len());
    for c in h.chars() {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => to_simplified(c),
        };
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() || c == '#' {
                out.push(c.to_ascii_lowercase());
            }
        } else if c.is_alphanumeric() || matches!(c, '²' | '㎡') {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The header without its bracketed parts, and the contents of its brackets.
fn split_brackets(h: &str) -> (String, Vec<String>) {
    let h = to_half_width(h);
    let mut base = String::new();
    let mut inner = Vec::new();
    let mut depth = 0;
    let mut cur = String::new();
    for c in h.chars() {
        match c {
            '(' | '[' | '【' | '〔' | '<' | '《' => {
                depth += 1;
                if depth == 1 {
                    cur.clear();
                    continue;
                }
            }
            ')' | ']' | '】' | '〕' | '>' | '》' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    inner.push(std::mem::take(&mut cur));
                    continue;
                }
            }
            _ => {}
        }
        if depth > 0 {
            cur.push(c);
        } else {
            base.push(c);
        }
    }
    if depth > 0 {
        base.push_str(&cur);
    }
    (base, inner)
}

/// The unit a piece of header text names, if it names one.
fn unit_of(text: &str) -> Option<&'static str> {
    let t = fold_header(text);
    folded_units()
        .iter()
        .find(|(s, _)| *s == t)
        .map(|(_, suffix)| *suffix)
}

/// The unit spellings folded once: (folded spelling, suffix).
fn folded_units() -> &'static [(String, &'static str)] {
    static UNITS_FOLDED: std::sync::OnceLock<Vec<(String, &'static str)>> =
        std::sync::OnceLock::new();
    UNITS_FOLDED.get_or_init(|| {
        UNITS
            .iter()
            .flat_map(|(sp, suffix)| sp.iter().map(move |s| (fold_header(s), *suffix)))
            .collect()
    })
}

fn own_columns(target: Target) -> &'static [Column] {
    match target {
        Target::Prospects => PROSPECT_COLUMNS,
        Target::Zones => ZONE_COLUMNS,
    }
}

fn spellings(target: Target) -> &'static [(&'static str, &'static [&'static str])] {
    match target {
        Target::Prospects => PROSPECT_SPELLINGS,
        Target::Zones => ZONE_SPELLINGS,
    }
}

/// Two-character spellings a longer header may contain and still mean the field
/// (`申请用地面积` is land). Other two-character words (企业, 项目, 面积, 名称) name a field
/// only as the whole header: `企业性质`, `项目负责人` and `建成区面积` are other columns.
const CONTAINED_PAIRS: &[&str] = &[
    "行业", "产业", "产品", "用地", "土地", "厂房", "就业", "用工", "进展", "进度", "阶段", "状态",
    "签约", "备注", "说明", "电话", "手机", "来源", "领域", "级别", "省份",
];

/// The spellings of `target` folded once: (key, folded spelling), and the app's own
/// headers folded: (key, [key, Chinese, English]).
struct Folded {
    /// Folded spelling → key (the first key listing it).
    exact: std::collections::HashMap<String, &'static str>,
    /// Spellings a header may merely contain (two characters of Chinese or four of
    /// English at least), by their first character: (order in the table, key, folded
    /// spelling, length in characters).
    by_first: std::collections::HashMap<char, Vec<(usize, &'static str, String, usize)>>,
    /// The app's own headers folded (key, Chinese, English) → key.
    own: std::collections::HashMap<String, &'static str>,
}

fn folded(target: Target) -> &'static Folded {
    static PROSPECTS: std::sync::OnceLock<Folded> = std::sync::OnceLock::new();
    static ZONES: std::sync::OnceLock<Folded> = std::sync::OnceLock::new();
    let cell = match target {
        Target::Prospects => &PROSPECTS,
        Target::Zones => &ZONES,
    };
    cell.get_or_init(|| {
        let mut f = Folded {
            exact: Default::default(),
            by_first: Default::default(),
            own: Default::default(),
        };
        let all = spellings(target)
            .iter()
            .flat_map(|(k, sp)| sp.iter().map(move |s| (*k, fold_header(s))));
        for (i, (key, spelling)) in all.enumerate() {
            let n = spelling.chars().count();
            let part = if spelling.is_ascii() {
                n >= 4
            } else {
                n >= 3 || CONTAINED_PAIRS.contains(&spelling.as_str())
            };
            if let (true, Some(first)) = (part, spelling.chars().next()) {
                f.by_first
                    .entry(first)
                    .or_default()
                    .push((i, key, spelling.clone(), n));
            }
            f.exact.entry(spelling).or_insert(key);
        }
        for c in own_columns(target) {
            for h in [c.key, c.zh, c.en] {
                f.own.entry(fold_header(h)).or_insert(c.key);
            }
        }
        f
    })
}

/// Longest header looked at (characters): a cell longer than this is not a header.
const MAX_HEADER_CHARS: usize = 40;

/// The field a header names for `target`, and its unit (see the module docs).
pub fn recognise(header: &str, target: Target) -> Recognised {
    if header.chars().count() > MAX_HEADER_CHARS {
        return Recognised::default();
    }
    let (base, inner) = split_brackets(header);
    let unit = inner
        .iter()
        .find_map(|i| unit_of(i))
        .map(String::from)
        .or_else(|| {
            // A bracket that names a unit this table does not know (`（千美元）`): kept, so a
            // bare number is read with it, and flagged when the reader cannot.
            inner
                .iter()
                .map(|i| fold_header(i))
                .find(|i| i.chars().any(|c| "元美亩米顷里万亿千百镑欧".contains(c)))
        })
        .or_else(|| {
            // A unit written after the name without brackets: `投资额万元`, `用地/亩`.
            let b = fold_header(&base);
            folded_units()
                .iter()
                .filter(|(s, _)| s.chars().count() >= 2 && !s.is_ascii() && b.ends_with(s.as_str()))
                .max_by_key(|(s, _)| s.chars().count())
                .map(|(_, suffix)| suffix.to_string())
        });
    let full = fold_header(header);
    if full.is_empty() {
        return Recognised::default();
    }
    let table = folded(target);
    // The app's own headers, exactly.
    if let Some(key) = table.own.get(&full) {
        return Recognised {
            key: Some(key),
            unit: None,
            derived: DERIVED.contains(key),
        };
    }
    let mut b = fold_header(&base);
    if let Some(u) = &unit {
        // `投资额万元` → `投资额`.
        for (s, suffix) in folded_units() {
            if suffix == u {
                if let Some(rest) = b.strip_suffix(s.as_str()) {
                    if !rest.is_empty() {
                        b = rest.to_string();
                    }
                }
            }
        }
    }
    let exact = table.exact.get(&b).copied();
    // Else the longest spelling the header contains (the later in the table on a tie).
    let key = exact.or_else(|| {
        let mut best: Option<(usize, usize, &'static str)> = None;
        for (at, c) in b.char_indices() {
            for (order, key, spelling, n) in table.by_first.get(&c).into_iter().flatten() {
                if spelling.len() < b.len()
                    && b[at..].starts_with(spelling.as_str())
                    && best.is_none_or(|(bn, bo, _)| (*n, *order) > (bn, bo))
                {
                    best = Some((*n, *order, key));
                }
            }
        }
        best.map(|(_, _, k)| k)
    });
    Recognised {
        key,
        unit,
        derived: false,
    }
}

/// How many of `headers` name a field of `target` (the row number `serial` aside).
pub fn recognised_count(headers: &[String], target: Target) -> usize {
    headers
        .iter()
        .filter(|h| matches!(recognise(h, target).key, Some(k) if k != SERIAL))
        .count()
}

/// The keys a user can choose for a column of `target`, in the order the mapping step
/// offers them: the fields read back on import.
pub fn choosable(target: Target) -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = Vec::new();
    for (k, _) in spellings(target) {
        if !keys.contains(k) {
            keys.push(k);
        }
    }
    for c in own_columns(target) {
        if !keys.contains(&c.key) && !DERIVED.contains(&c.key) {
            keys.push(c.key);
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_and_units() {
        assert_eq!(
            split_brackets("计划总投资（万元）"),
            ("计划总投资".to_string(), vec!["万元".to_string()])
        );
        assert_eq!(
            recognise("用地(亩)", Target::Prospects).unit.as_deref(),
            Some("亩")
        );
        assert_eq!(
            recognise("投资额万元", Target::Prospects).key,
            Some("investment_wan")
        );
        assert_eq!(
            recognise("投资额万元", Target::Prospects).unit.as_deref(),
            Some("万元")
        );
        assert_eq!(recognise("", Target::Prospects), Recognised::default());
    }

    #[test]
    fn every_choosable_key_is_unique() {
        for t in Target::ALL {
            let keys = choosable(t);
            let mut sorted = keys.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(sorted.len(), keys.len());
        }
    }
}
