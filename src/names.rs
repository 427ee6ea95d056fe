//! Zone names as people say them: 长治高新区 for 长治高新技术产业开发区, 运城经开区 for
//! 山西运城经济开发区, 苏州工业园 for 苏州工业园区, 漕河泾开发区 for 漕河泾新兴技术开发区.
//!
//! A name is reduced to a [`NameKey`]: its place part (the province prefix dropped when a
//! place is left after it, 市 dropped inside) and its kind in one short canonical form
//! (经济技术开发区 / 经济开发区 / 经开区 → 经开; 高新技术产业开发区 / 高新区 → 高新; …). Two
//! names with the same key name the same zone; a name whose kind is only generic
//! (开发区, 园区) also finds zones with its place and a more specific kind. Traditional
//! characters and full-width forms fold first, as everywhere in matching.

use crate::text::fold::fold_script;
use crate::text::normalize::to_half_width;

/// Provinces as written at the start of zone names, longest first: the full form and the
/// short form (内蒙古自治区, 内蒙古). Source: the 31 provincial-level divisions of the
/// national catalogue (GB/T 2260 names).
const PROVINCE_PREFIXES: &[&str] = &[
    "新疆维吾尔自治区",
    "广西壮族自治区",
    "宁夏回族自治区",
    "内蒙古自治区",
    "西藏自治区",
    "黑龙江省",
    "北京市",
    "天津市",
    "上海市",
    "重庆市",
    "河北省",
    "山西省",
    "辽宁省",
    "吉林省",
    "江苏省",
    "浙江省",
    "安徽省",
    "福建省",
    "江西省",
    "山东省",
    "河南省",
    "湖北省",
    "湖南省",
    "广东省",
    "海南省",
    "四川省",
    "贵州省",
    "云南省",
    "陕西省",
    "甘肃省",
    "青海省",
    "内蒙古",
    "黑龙江",
    "北京",
    "天津",
    "上海",
    "重庆",
    "河北",
    "山西",
    "辽宁",
    "吉林",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "海南",
    "四川",
    "贵州",
    "云南",
    "陕西",
    "甘肃",
    "青海",
    "新疆",
    "广西",
    "宁夏",
    "西藏",
];

/// Kind endings, longest first within each family, and their canonical short form.
/// Generic endings (开发区, 园区, 园, 区) map to the empty kind.
const KINDS: &[(&str, &str)] = &[
    ("高新技术产业开发区", "高新"),
    ("高新技术产业园区", "高新"),
    ("高新技术开发区", "高新"),
    ("高新技术园区", "高新"),
    ("高新开发区", "高新"),
    ("高新园区", "高新"),
    ("高新区", "高新"),
    ("经济技术开发区", "经开"),
    ("经济开发区", "经开"),
    ("经济技术区", "经开"),
    ("经开区", "经开"),
    ("综合保税区", "综保"),
    ("综保区", "综保"),
    ("保税物流园区", "保税物流"),
    ("保税港区", "保税港"),
    ("保税区", "保税"),
    ("出口加工区", "出口加工"),
    ("边境经济合作区", "边合"),
    ("跨境经济合作区", "跨合"),
    ("工业园区", "工业园"),
    ("工业园", "工业园"),
    ("工业区", "工业园"),
    ("产业园区", "产业园"),
    ("产业园", "产业园"),
    ("产业集聚区", "集聚区"),
    ("集聚区", "集聚区"),
    ("产业集中区", "集中区"),
    ("集中区", "集中区"),
    ("示范区", "示范区"),
    ("示范基地", "示范基地"),
    ("新区", "新区"),
    ("开发区", ""),
    ("园区", ""),
    ("园", ""),
];

/// A zone name reduced for comparison (see the module docs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameKey {
    /// The place part: 长治, 运城, 漕河泾新兴技术 (what precedes the kind ending).
    pub place: String,
    /// The canonical kind: 高新, 经开, 工业园, …; empty for a generic ending or none.
    pub kind: String,
    /// The province the name starts with, if any (its short name: 山西).
    pub province: Option<&'static str>,
}

impl NameKey {
    /// Whether two names could be of the same place (one's place begins the other's, or
    /// either has none): what two records with the same catalogue code must be, since the
    /// catalogue prints one code for two zones (S377018: 淄川 and 临淄).
    pub fn compatible(&self, other: &NameKey) -> bool {
        self.place.is_empty()
            || other.place.is_empty()
            || self.place.starts_with(&other.place)
            || other.place.starts_with(&self.place)
    }

    /// Whether two keys name the same zone: the same place and kind, and the same
    /// province where both names give one (重庆南川工业园区 is not 青海南川工业园区).
    pub fn same(&self, other: &NameKey) -> bool {
        self.place == other.place
            && self.kind == other.kind
            && (self.province.is_none()
                || other.province.is_none()
                || self.province == other.province)
    }

    /// The key as one string (`长治|高新`), for maps.
    pub fn joined(&self) -> String {
        format!("{}|{}", self.place, self.kind)
    }
}

/// Fold a name for comparison: simplified characters, half-width, lower case, no spaces,
/// brackets or punctuation.
pub fn fold_name(name: &str) -> String {
    fold_script(&to_half_width(name))
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The [`NameKey`] of a zone name. A name with no Chinese kind ending keeps all of it as
/// the place (English names, codes).
pub fn name_key(name: &str) -> NameKey {
    let folded = fold_name(name);
    let (mut place, kind) = split_kind(&folded);
    // The province prefix, when a place of its own is left after it (北京经济技术开发区
    // keeps 北京).
    let mut province = None;
    if let Some((prefix, rest)) = PROVINCE_PREFIXES
        .iter()
        .find_map(|p| place.strip_prefix(p).map(|rest| (*p, rest)))
        .filter(|(_, rest)| rest.chars().count() >= 2)
    {
        province = crate::provinces::PROVINCES
            .iter()
            .find(|p| prefix.starts_with(p.short))
            .map(|p| p.short);
        place = rest.to_string();
    }
    // 长治市高新区 → 长治高新区: a city's suffix. (A county's 县 stays: 承德县 is not 承德.)
    if place.chars().count() > 2 {
        if let Some(rest) = place.strip_suffix('市') {
            place = rest.to_string();
        }
    }
    if place.chars().count() > 3 {
        if let Some(i) = place.find('市') {
            if i > 0 && i + '市'.len_utf8() < place.len() {
                place.replace_range(i..i + '市'.len_utf8(), "");
            }
        }
    }
    NameKey {
        place,
        kind: kind.to_string(),
        province,
    }
}

/// The canonical kind when the whole query is a kind ending (经开区, 综保区, 高新区), to list
/// every zone of that kind.
pub fn kind_only(query: &str) -> Option<&'static str> {
    let folded = fold_name(query);
    KINDS
        .iter()
        .find(|(ending, kind)| !kind.is_empty() && *ending == folded)
        .map(|(_, kind)| *kind)
}

/// Split a folded name into its place and canonical kind, by the longest known ending.
fn split_kind(folded: &str) -> (String, &'static str) {
    // The ending may be followed by a part marker: 苏州工业园区 vs 张江高新区黄浦园 (the
    // part's name then belongs to the place).
    for (ending, kind) in KINDS {
        if let Some(place) = folded.strip_suffix(ending) {
            if !place.is_empty() {
                return (place.to_string(), kind);
            }
        }
    }
    (folded.to_string(), "")
}

/// True when `query` names the zone called `name`: the same key, or the query's kind is
/// generic (漕河泾开发区) and the place matches with any kind ending in 开发区 or 园区.
pub fn names_zone(query: &NameKey, name: &str) -> bool {
    let key = name_key(name);
    if key.place.is_empty() {
        return false;
    }
    if query.same(&key) {
        return true;
    }
    query.kind.is_empty() && !query.place.is_empty() && generic_place_matches(&query.place, &key)
}

/// A generic query (漕河泾开发区) matches a place that starts with it, for a development
/// zone or park, not a bonded area.
fn generic_place_matches(place: &str, key: &NameKey) -> bool {
    key.place.starts_with(place)
        && !matches!(
            key.kind.as_str(),
            "综保" | "保税" | "保税港" | "保税物流" | "出口加工"
        )
}

/// The zone among `zones` that a new zone called `name` (with catalogue `code`, may be
/// empty) would duplicate: the same catalogue code, or the same name as people say it
/// (长治高新区 is 长治高新技术产业开发区). `None` when it is a new zone.
pub fn same_zone<'a>(
    zones: &'a [crate::model::Zone],
    name: &str,
    code: &str,
) -> Option<&'a crate::model::Zone> {
    let key = name_key(name);
    let code = code.trim();
    zones.iter().find(|z| {
        let other = z.catalogue_code.trim();
        // Two different catalogue codes are two zones, whatever their names.
        if !code.is_empty() && !other.is_empty() {
            return other.eq_ignore_ascii_case(code) && name_key(&z.name.zh).compatible(&key);
        }
        key.place.chars().count() >= 2 && name_key(&z.name.zh).same(&key)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms_share_the_key_of_the_full_name() {
        for (short, full) in [
            ("长治高新区", "长治高新技术产业开发区"),
            ("运城经开区", "山西运城经济开发区"),
            ("苏州工业园", "苏州工业园区"),
            ("長治高新區", "长治高新技术产业开发区"),
            ("长治市高新区", "长治高新技术产业开发区"),
        ] {
            assert!(name_key(short).same(&name_key(full)), "{short} / {full}");
        }
        assert_eq!(name_key("北京经济技术开发区").place, "北京");
        assert!(names_zone(
            &name_key("漕河泾开发区"),
            "漕河泾新兴技术开发区"
        ));
        assert!(!names_zone(
            &name_key("漕河泾开发区"),
            "上海漕河泾出口加工区"
        ));
    }
}
