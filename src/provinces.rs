//! China's provincial-level divisions: names in Chinese and English, and each one's tile
//! on the app's map (a tile grid: one equal square per province, placed roughly where the
//! province lies; no borders are drawn, so no boundary data is needed).
//!
//! Names: GB/T 2260 (administrative division codes); English as in official use
//! (Shaanxi with a double a, Inner Mongolia, Xizang). The 31 mainland divisions are those
//! of the national zone catalogue; Taiwan, Hong Kong and Macao have tiles with no zones.

/// A province, autonomous region, municipality or SAR.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Province {
    /// Full Chinese name as the catalogue prints it: 山西省, 内蒙古自治区, 北京市.
    pub zh: &'static str,
    /// Short name people use: 山西, 内蒙古, 北京.
    pub short: &'static str,
    pub en: &'static str,
    /// Tile column (0 = west) and row (0 = north) on the map.
    pub col: u8,
    pub row: u8,
}

const fn p(zh: &'static str, short: &'static str, en: &'static str, col: u8, row: u8) -> Province {
    Province {
        zh,
        short,
        en,
        col,
        row,
    }
}

/// Every division, in GB/T 2260 code order; columns 1-8 and rows 0-8 on the map.
pub const PROVINCES: [Province; 34] = [
    p("北京市", "北京", "Beijing", 6, 2),
    p("天津市", "天津", "Tianjin", 7, 2),
    p("河北省", "河北", "Hebei", 6, 3),
    p("山西省", "山西", "Shanxi", 5, 3),
    p("内蒙古自治区", "内蒙古", "Inner Mongolia", 5, 1),
    p("辽宁省", "辽宁", "Liaoning", 8, 2),
    p("吉林省", "吉林", "Jilin", 8, 1),
    p("黑龙江省", "黑龙江", "Heilongjiang", 8, 0),
    p("上海市", "上海", "Shanghai", 8, 4),
    p("江苏省", "江苏", "Jiangsu", 7, 4),
    p("浙江省", "浙江", "Zhejiang", 7, 5),
    p("安徽省", "安徽", "Anhui", 6, 4),
    p("福建省", "福建", "Fujian", 7, 6),
    p("江西省", "江西", "Jiangxi", 6, 5),
    p("山东省", "山东", "Shandong", 7, 3),
    p("河南省", "河南", "Henan", 5, 4),
    p("湖北省", "湖北", "Hubei", 5, 5),
    p("湖南省", "湖南", "Hunan", 5, 6),
    p("广东省", "广东", "Guangdong", 5, 7),
    p("广西壮族自治区", "广西", "Guangxi", 4, 7),
    p("海南省", "海南", "Hainan", 4, 8),
    p("重庆市", "重庆", "Chongqing", 4, 5),
    p("四川省", "四川", "Sichuan", 3, 4),
    p("贵州省", "贵州", "Guizhou", 4, 6),
    p("云南省", "云南", "Yunnan", 3, 5),
    p("西藏自治区", "西藏", "Xizang (Tibet)", 2, 4),
    p("陕西省", "陕西", "Shaanxi", 4, 4),
    p("甘肃省", "甘肃", "Gansu", 4, 2),
    p("青海省", "青海", "Qinghai", 3, 3),
    p("宁夏回族自治区", "宁夏", "Ningxia", 4, 3),
    p("新疆维吾尔自治区", "新疆", "Xinjiang", 1, 2),
    p("台湾省", "台湾", "Taiwan", 8, 6),
    p("香港特别行政区", "香港", "Hong Kong", 6, 8),
    p("澳门特别行政区", "澳门", "Macao", 5, 8),
];

/// The division with this full or short Chinese name, or English name (any case).
pub fn province(name: &str) -> Option<&'static Province> {
    let name = name.trim();
    PROVINCES
        .iter()
        .find(|p| p.zh == name || p.short == name || p.en.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tile_has_its_own_square() {
        for (i, a) in PROVINCES.iter().enumerate() {
            for b in &PROVINCES[i + 1..] {
                assert!(
                    (a.col, a.row) != (b.col, b.row),
                    "{} and {} share a tile",
                    a.zh,
                    b.zh
                );
            }
        }
        assert_eq!(province("山西").unwrap().en, "Shanxi");
        assert_eq!(province("内蒙古自治区").unwrap().short, "内蒙古");
    }
}
