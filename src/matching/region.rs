//! Where a prospect comes from, as the recruitment regions zones name (粤港澳大湾区, 长三角,
//! 京津冀 …). A small gazetteer: region → the provinces and major cities people say.

use crate::text::normalize::to_half_width;

/// A recruitment region and the place names that belong to it (Chinese and English,
/// lower case for Latin).
struct Region {
    id: &'static str,
    names: &'static [&'static str],
    places: &'static [&'static str],
}

const REGIONS: &[Region] = &[
    Region {
        id: "gba",
        names: &[
            "粤港澳大湾区",
            "大湾区",
            "珠三角",
            "greater bay area",
            "pearl river delta",
            "gba",
        ],
        places: &[
            "广东",
            "广州",
            "深圳",
            "东莞",
            "佛山",
            "珠海",
            "惠州",
            "中山",
            "江门",
            "肇庆",
            "香港",
            "澳门",
            "guangdong",
            "guangzhou",
            "shenzhen",
            "dongguan",
            "foshan",
            "zhuhai",
            "huizhou",
            "zhongshan",
            "jiangmen",
            "zhaoqing",
            "hong kong",
            "macau",
            "macao",
        ],
    },
    Region {
        id: "yrd",
        names: &["长三角", "长江三角洲", "yangtze river delta", "yrd"],
        places: &[
            "上海",
            "江苏",
            "浙江",
            "安徽",
            "南京",
            "苏州",
            "无锡",
            "常州",
            "南通",
            "杭州",
            "宁波",
            "温州",
            "嘉兴",
            "绍兴",
            "金华",
            "台州",
            "合肥",
            "芜湖",
            "shanghai",
            "jiangsu",
            "zhejiang",
            "anhui",
            "nanjing",
            "suzhou",
            "wuxi",
            "changzhou",
            "nantong",
            "hangzhou",
            "ningbo",
            "wenzhou",
            "hefei",
        ],
    },
    Region {
        id: "bth",
        names: &["京津冀", "beijing-tianjin-hebei", "jing-jin-ji"],
        places: &[
            "北京",
            "天津",
            "河北",
            "石家庄",
            "雄安",
            "唐山",
            "保定",
            "廊坊",
            "beijing",
            "tianjin",
            "hebei",
            "shijiazhuang",
            "xiong'an",
            "xiongan",
            "tangshan",
            "baoding",
            "langfang",
        ],
    },
    Region {
        id: "chengyu",
        names: &["成渝", "成渝地区", "chengdu-chongqing"],
        places: &["四川", "重庆", "成都", "sichuan", "chongqing", "chengdu"],
    },
    Region {
        id: "shanxi",
        names: &["山西", "三晋", "shanxi province"],
        places: &[
            "山西", "太原", "大同", "长治", "晋城", "临汾", "运城", "忻州", "晋中", "吕梁", "阳泉",
            "朔州", "shanxi", "taiyuan", "datong", "changzhi", "jincheng", "linfen", "yuncheng",
            "xinzhou", "jinzhong",
        ],
    },
    Region {
        id: "overseas",
        names: &["海外", "境外", "外资", "overseas", "foreign"],
        places: &[
            "美国",
            "德国",
            "日本",
            "韩国",
            "新加坡",
            "台湾",
            "欧洲",
            "usa",
            "germany",
            "japan",
            "korea",
            "singapore",
            "taiwan",
            "europe",
        ],
    },
];

/// Region ids that `text` names, directly or through a place in them.
///
/// ```
/// use zonematch::matching::region::regions_of;
/// assert_eq!(regions_of("广东深圳"), vec!["gba"]);
/// assert_eq!(regions_of("Suzhou, Jiangsu"), vec!["yrd"]);
/// assert_eq!(regions_of("粤港澳大湾区"), vec!["gba"]);
/// assert!(regions_of("").is_empty());
/// ```
pub fn regions_of(text: &str) -> Vec<&'static str> {
    let t = crate::text::fold::fold_script(&to_half_width(text)).to_lowercase();
    if t.trim().is_empty() {
        return Vec::new();
    }
    REGIONS
        .iter()
        .filter(|r| {
            r.names
                .iter()
                .chain(r.places)
                .any(|n| contains_place(&t, n))
        })
        .map(|r| r.id)
        .collect()
}

/// Chinese names match as substrings; Latin names must match whole words, so that
/// "anhui" is not found inside another word.
fn contains_place(text: &str, name: &str) -> bool {
    if name.chars().any(crate::text::normalize::is_cjk) {
        return text.contains(name);
    }
    text.match_indices(name).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + name.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_table() {
        let cases: &[(&str, &[&str])] = &[
            ("深圳", &["gba"]),
            ("东莞市", &["gba"]),
            ("Shenzhen", &["gba"]),
            ("上海浦东", &["yrd"]),
            ("北京", &["bth"]),
            ("Tianjin", &["bth"]),
            ("太原", &["shanxi"]),
            ("Germany", &["overseas"]),
            ("Xinyu", &[]),
            ("lanzhou", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(regions_of(text), *want, "{text}");
        }
    }
}
