#!/usr/bin/env python3
"""Build public/zones-2018.tsv: the national development-zone catalogue as the app's
compact reference asset (format in src/national.rs and below).

Source of record: 《中国开发区审核公告目录》（2018年版）, published by the National
Development and Reform Commission, Ministry of Science and Technology, Ministry of Land
and Resources, Ministry of Housing and Urban-Rural Development, Ministry of Commerce and
General Administration of Customs (国家发展改革委、科技部、国土资源部、住房城乡建设部、
商务部、海关总署公告2018年第4号): 2,543 zones, 552 national and 1,991 provincial, as
transcribed in ../shared/data/zones-2018.csv (see ../shared/data/README.md). Facts are as
of the catalogue (2018-04).

What this tool adds, and where it comes from:
- English zone names, by rule (class Names): the place part in pinyin from pypinyin
  0.55.0 (PyPI, MIT; its phrase dictionary gets most polyphones in place names right,
  PINYIN_FIXES the rest), a few conventional spellings of non-Han place names and
  Inner Mongolia's banners (PLACES), and our rule table (VOCAB) for the zone-type
  suffixes and the common middle words. Two zones whose names read the same (抚州 and
  福州, both Fuzhou) get their province in brackets.
- English industry names, first match wins: our dictionary of every term that occurs
  four or more times (CURATED); terms the app's taxonomy puts in an obviously wrong class
  (MISCLASSIFIED, named by hand); the English name of the taxonomy class the app's own
  classifier puts first (src/taxonomy, run through `cargo run --example
  classify_terms`) when its confidence reaches the app's CLASSIFICATION_FLOOR; a
  word-by-word rule (compose(), WORDS: 茶叶 + 加工 → Tea processing, parts split on
  及/和/与). A class's English names a term only when the term is coded in that class
  (see below); the classifier's guesses are often unrelated (茶叶加工 → copper rolling).
- Industry codes (GB/T 4754-2017 or a strategic emerging domain SEIn, what the app scores
  catalogue zones on), first match wins: a hand-checked code for every curated and
  hand-named term (CODES, "" when the term is too generic to classify); an explicit fix
  (FIXES); the classifier's best code when its confidence reaches the floor and it is
  plausible, that is the term shares a word of two characters with the class's Chinese
  name or note, generic words like 加工 and 制品 aside (plausible(): 金属加工 is no
  蔬菜、菌类、水果和坚果加工; the rejected ones are printed); the rule table (RULE_CODES,
  by the words in the term: 冷链物流 → 59); else empty. Every hand code is checked
  against ../shared/data/gbt4754-2017.zh.json (it must exist) and shipped as itself or
  its nearest ancestor the app's taxonomy (src/taxonomy/taxonomy.json) lists (2530 核燃料
  加工 → 25), so the app can find every code it reads.

Run from the repository root:
    python3 tools/build_catalogue.py [path/to/zones-2018.csv]
(default ../shared/data/zones-2018.csv, relative to the repository root; the GB/T
4754-2017 data is read from ../shared/data/gbt4754-2017.zh.json). It fetches the
pypinyin wheel from PyPI with pip into a temporary folder (nothing else is downloaded)
and builds the classify_terms example with cargo (release).
"""
import collections
import csv
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_INPUT = os.path.join(ROOT, "..", "shared", "data", "zones-2018.csv")
OUTPUT = os.path.join(ROOT, "public", "zones-2018.tsv")
PYPINYIN = "pypinyin==0.55.0"
SOURCE = ("《中国开发区审核公告目录》（2018年版），国家发展改革委、科技部、国土资源部、"
          "住房城乡建设部、商务部、海关总署公告2018年第4号")
AS_OF = "2018-04"
LEVELS = {"national", "provincial"}
KINDS = {"etdz", "high_tech", "customs", "border", "other", "provincial"}

# ---------------------------------------------------------------------------------------
# Zone names
# ---------------------------------------------------------------------------------------

# Province short names as they open a zone name (山西运城…), with their English names.
# 陕西 is Shaanxi (to tell it from 山西 Shanxi); the autonomous regions by their usual
# English names.
PROVINCES = {
    "北京": "Beijing", "天津": "Tianjin", "河北": "Hebei", "山西": "Shanxi",
    "内蒙古": "Inner Mongolia", "辽宁": "Liaoning", "吉林": "Jilin", "黑龙江": "Heilongjiang",
    "上海": "Shanghai", "江苏": "Jiangsu", "浙江": "Zhejiang", "安徽": "Anhui",
    "福建": "Fujian", "江西": "Jiangxi", "山东": "Shandong", "河南": "Henan",
    "湖北": "Hubei", "湖南": "Hunan", "广东": "Guangdong", "广西": "Guangxi",
    "海南": "Hainan", "重庆": "Chongqing", "四川": "Sichuan", "贵州": "Guizhou",
    "云南": "Yunnan", "西藏": "Tibet", "陕西": "Shaanxi", "甘肃": "Gansu",
    "青海": "Qinghai", "宁夏": "Ningxia", "新疆": "Xinjiang",
}
# What may follow the province name in a zone name and is dropped (江苏省…, 西藏自治区…).
PROVINCE_SUFFIXES = ["壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "省", "市"]

# Place names written whole, not by the syllable rule: the conventional spellings of
# non-Han place names (pinyin of 乌鲁木齐 would be Wulumuqi, the city is Urumqi), names of
# four characters that are one word (the 2+2 rule would split 霍尔果斯), and the few
# places whose characters would otherwise be read as a known word or an administrative
# marker (合作 the city, 市北 the district).
PLACES = {
    "乌鲁木齐": "Urumqi", "呼和浩特": "Hohhot", "哈尔滨": "Harbin", "拉萨": "Lhasa",
    "喀什": "Kashgar", "鄂尔多斯": "Ordos", "克拉玛依": "Karamay", "霍尔果斯": "Khorgos",
    "二连浩特": "Erenhot", "呼伦贝尔": "Hulunbuir", "巴彦淖尔": "Bayannur",
    "锡林郭勒": "Xilingol", "乌兰察布": "Ulanqab", "阿拉善": "Alxa",     "满洲里": "Manzhouli", "齐齐哈尔": "Qiqihar", "佳木斯": "Jiamusi",
    "石河子": "Shihezi", "阿拉尔": "Aral", "图木舒克": "Tumxuk", "吐鲁番": "Turpan",
    "库尔勒": "Korla", "阿克苏": "Aksu", "和田": "Hotan",     "奎屯": "Kuytun", "阿勒泰": "Altay",     "阿拉山口": "Alashankou", "德令哈": "Delingha", "格尔木": "Golmud",
    "日喀则": "Shigatse", "准格尔": "Jungar", "和林格尔": "Horinger",
    "霍林郭勒": "Holingol", "扎赉诺尔": "Jalainur", "莫力达瓦": "Morin Dawa",
    "陈巴尔虎": "Old Barag", "额尔古纳": "Ergun", "鄂托克": "Otog", "察哈尔": "Chahar",
    "鄂伦春": "Oroqen", "乌拉特": "Urad", "达茂": "Darhan Muminggan",
    "克什克腾": "Hexigten", "西双版纳": "Xishuangbanna", "加格达奇": "Jiagedaqi",
    "德力戈尔": "Delige'er", "巴彦托海": "Bayantohai", "甘其毛都": "Ganqimaodu",
    "苏里格": "Sulige", "上海庙": "Shanghaimiao",
    "富拉尔基": "Fularji", "绥芬河": "Suifenhe", "建三江": "Jiansanjiang",
    "七台河": "Qitaihe", "北大荒": "Beidahuang", "宝泉岭": "Baoquanling",
    "五大连池": "Wudalianchi", "葫芦岛": "Huludao", "张家港": "Zhangjiagang",
    "连云港": "Lianyungang", "防城港": "Fangchenggang", "马鞍山": "Ma'anshan",
    "石家庄": "Shijiazhuang", "张家口": "Zhangjiakou", "平顶山": "Pingdingshan",
    "攀枝花": "Panzhihua", "景德镇": "Jingdezhen", "驻马店": "Zhumadian",
    "三门峡": "Sanmenxia", "牡丹江": "Mudanjiang", "共青城": "Gongqingcheng",
    "神农架": "Shennongjia", "柴达木": "Qaidam", "罗布泊": "Lop Nur", "托克逊": "Toksun",
    "独山子": "Dushanzi", "铁门关": "Tiemenguan",
    "津市": "Jinshi", "芒市": "Mangshi", "辉县": "Huixian", "开化": "Kaihua",
    "阿克陶": "Akto", "岳普湖": "Yopurga", "杭州湾": "Hangzhou Bay", "上海市北": "Shanghai Shibei",
    "土右旗": "Tumed Right Banner", "巴林左旗": "Bairin Left Banner", "巴林右旗": "Bairin Right Banner",
    "科左后旗": "Horqin Left Rear Banner", "科右前旗": "Horqin Right Front Banner",
    "阿荣旗": "Arun Banner", "乌拉特后旗": "Urad Rear Banner", "陈巴尔虎旗": "Old Barag Banner",
    "鄂伦春自治旗": "Oroqen Autonomous Banner",
    "杨家杖子": "Yangjiazhangzi", "乌兰浩特": "Ulanhot", "乌里雅斯太": "Uliastai",
    "独贵塔拉": "Duguitala", "麻栗坡": "Malipo", "珠澳": "Zhuhai-Macao",
    "甘南合作": "Gannan Hezuo", "海北州": "Haibei Prefecture", "广佛肇": "Guangzhou-Foshan-Zhaoqing", "南通市北": "Nantong Shibei", "日照市北": "Rizhao Shibei",
    "磨丁": "Boten", "波尔塔夫卡": "Poltavka",             "吉木乃": "Jeminay", "阿图什": "Artux", }

# Polyphones that pypinyin reads wrongly in these place names: the place reading, one
# syllable a character. Applied wherever the characters occur inside a place word.
# 长 is chang in place names (长治, 长垣, 长庆桥) except in 长子 (Zhangzi). Longer phrases
# are applied after shorter ones, so they win.
PINYIN_FIXES = {
    "长": "chang", "长子": "zhang zi", "都": "du", "乐": "le", "乐清": "yue qing",
    "朝阳": "chao yang", "六合": "lu he", "佛": "fo", "漯": "luo", "什": "shi", "闵行": "min hang",
    "单县": "shan xian", "涡阳": "guo yang", "浚县": "xun xian", "筠连": "jun lian",
    "泊头": "bo tou", "伽师": "jia shi",
}

# Zone-type suffixes and the common words inside zone names, Chinese → English. The
# tokenizer takes the longest entry at each position, so 高新技术产业开发区 wins over
# 开发区 and 综合保税区 over 保税区.
VOCAB = {
    # Zone types.
    "经济技术开发区": "Economic and Technological Development Zone",
    "高新技术产业开发区": "High-tech Industrial Development Zone",
    "高技术产业开发区": "High-tech Industrial Development Zone",
    "新技术产业开发区": "New Technology Industrial Development Zone",
    "高新技术产业园区": "High-tech Industrial Park",
    "高新技术产业园": "High-tech Industrial Park",
    "高新技术产业区": "High-tech Industrial Zone",
    "高新技术开发区": "High-tech Development Zone",
    "高新技术园区": "High-tech Park",
    "高新区": "High-tech Zone",
    "综合保税区": "Comprehensive Bonded Zone",
    "保税港区": "Bonded Port Area",
    "保税区": "Bonded Zone",
    "出口加工区": "Export Processing Zone",
    "保税物流园区": "Bonded Logistics Park",
    "边境经济合作区": "Border Economic Cooperation Zone",
    "跨境经济合作区": "Cross-border Economic Cooperation Zone",
    "经济合作区": "Economic Cooperation Zone",
    "跨境工业区": "Cross-border Industrial Zone",
    "国际边境合作中心": "International Border Cooperation Center",
    "中方配套区": "Chinese Supporting Zone",
    "互市贸易区": "Border Trade Zone",
    "边境贸易加工区": "Border Trade Processing Zone",
    "金融贸易区": "Finance and Trade Zone",
    "经济开发区": "Economic Development Zone",
    "工业园区": "Industrial Park",
    "产业园区": "Industrial Park",
    "产业园": "Industrial Park",
    "工业园": "Industrial Park",
    "产业集聚区": "Industrial Cluster Zone",
    "集聚区": "Cluster Zone",
    "工业集中发展区": "Industrial Concentrated Development Zone",
    "工业集中区": "Industrial Concentration Zone",
    "集中区": "Concentration Zone",
    "产业示范区": "Industrial Demonstration Zone",
    "示范基地": "Demonstration Base",
    "产业基地": "Industrial Base",
    "示范区": "Demonstration Zone",
    "示范园区": "Demonstration Park",
    "示范园": "Demonstration Park",
    "试验区": "Pilot Zone",
    "特别试验区": "Special Pilot Zone",
    "经济特区": "Special Economic Zone",
    "新区": "New Area",
    "科技园区": "Science Park",
    "科技园": "Science Park",
    "开发区": "Development Zone",
    "工业区": "Industrial Zone",
    "产业区": "Industrial Zone",
    "经济区": "Economic Zone",
    "加工区": "Processing Zone",
    "功能区": "Functional Zone",
    "核心区": "Core Zone",
    "密集区": "Concentration Zone",
    "国家旅游度假区": "National Tourist Resort",
    "旅游度假区": "Tourist Resort",
    "台商投资区": "Taiwanese Investment Zone",
    "投资区": "Investment Zone",
    "合作中心": "Cooperation Center",
    "工业港": "Industrial Port",
    "园区": "Park",
    "片区": "Area",
    "基地": "Base",
    # Middle words: technology and the kind of zone.
    "高新技术": "High-tech",
    "高技术": "High-tech",
    "新技术": "New Technology",
    "高科技": "High-tech",
    "高新": "High-tech",
    "新兴技术": "New and Emerging Technology",
    "科技创新": "Science and Technology Innovation",
    "自主创新": "Independent Innovation",
    "科技": "Science and Technology",
    "火炬": "Torch",
    "国家": "National",
    "国际": "International",
    "自治区级": "Regional-level",
    "现代": "Modern",
    "特色": "Specialty",
    "生态": "Eco",
    "循环经济": "Circular Economy",
    "循环产业": "Circular Industry",
    "循环工业": "Circular Industry",
    "产业转移": "Industrial Transfer",
    "承接产业转移": "Industrial Transfer",
    "产业转型": "Industrial Transformation",
    "产业合作": "Industrial Cooperation",
    "县域经济": "County Economy",
    "民营经济成长": "Private Economy Growth",
    "台商投资": "Taiwanese Investment",
    "台商": "Taiwanese",
    "海峡两岸": "Cross-Strait",
    "华侨": "Overseas Chinese",
    "再就业": "Re-employment",
    "慈善": "Charity",
    "扶贫": "Poverty Alleviation",
    "青年": "Youth",
    "民族": "Ethnic",
    "都市": "Urban",
    "新城": "New Town",
    "新型": "New-type",
    "未来岛": "Future Island",
    "科技岛": "Science and Technology Island",
    "沿边开放": "Border Opening-up",
    "口岸": "Port",
    "沿海": "Coastal",
    "临海": "Coastal",
    "临港": "Port",
    "临空": "Airport",
    "临空港": "Airport",
    "航空基地": "Aviation Base",
    "航空": "Aviation",
    "化工区": "Chemical Zone",
    "北方": "Northern",
    "边境贸易": "Border Trade",
    "边境": "Border",
    "绿色": "Green",
    "粤桂": "Guangdong-Guangxi",
    "核心": "Core",
    "空港": "Airport",
    "航空港": "Airport",
    "招商局": "China Merchants",
    "北岸": "North Shore",
    "机场": "Airport",
    "海港": "Seaport",
    "火车站": "Railway Station",
    "长江大桥": "Yangtze River Bridge",
    "黄河三角洲": "Yellow River Delta",
    "北部湾": "Beibu Gulf",
    "合作": "Cooperation",
    "经济": "Economic",
    "产业": "Industrial",
    "工业": "Industrial",
    "加工": "Processing",
    "深加工": "Deep Processing",
    "贸易": "Trade",
    "物流": "Logistics",
    "金融商贸": "Finance and Commerce",
    "国际服务外包": "International Service Outsourcing",
    "财富": "Wealth",
    "综合": "Comprehensive",
    "西海岸": "West Coast",
    "铝业": "Aluminium Industry",
    "不锈钢": "Stainless Steel",
    "林产品": "Forest Products",
    "林产": "Forest Products",
    "煤炭": "Coal",
    "煤电": "Coal and Power",
    # Middle words: industries.
    "化学工业": "Chemical Industry",
    "化工": "Chemical",
    "精细化工": "Fine Chemical",
    "绿色化工": "Green Chemical",
    "石化": "Petrochemical",
    "煤化工": "Coal Chemical",
    "重化工": "Heavy Chemical",
    "盐化工": "Salt Chemical",
    "盐化": "Salt Chemical",
    "能源化工": "Energy and Chemical",
    "化学原料药": "Active Pharmaceutical Ingredients",
    "化学": "Chemical",
    "氟化学": "Fluorochemical",
    "氟硅材料": "Fluorosilicone Materials",
    "氟产业": "Fluorine Industry",
    "煤电化": "Coal, Power and Chemical",
    "能源": "Energy",
    "清洁能源": "Clean Energy",
    "新能源": "New Energy",
    "新材料": "New Materials",
    "材料": "Materials",
    "光伏": "Photovoltaic",
    "软件": "Software",
    "微电子": "Microelectronics",
    "电子": "Electronics",
    "信息": "Information",
    "云计算": "Cloud Computing",
    "汽车": "Automotive",
    "专用汽车": "Special Vehicle",
    "装备制造": "Equipment Manufacturing",
    "高端装备制造": "High-end Equipment Manufacturing",
    "农业装备": "Agricultural Equipment",
    "装备": "Equipment",
    "金属深加工": "Metal Deep Processing",
    "有色金属": "Nonferrous Metals",
    "有色": "Nonferrous Metals",
    "铝产业": "Aluminium Industry",
    "钒钛": "Vanadium-Titanium",
    "稀土": "Rare Earth",
    "矿业": "Mining",
    "陶瓷": "Ceramics",
    "日用陶瓷": "Household Ceramics",
    "轴承": "Bearing",
    "石材": "Stone",
    "皮革": "Leather",
    "针织": "Knitwear",
    "经编": "Warp Knitting",
    "珍珠": "Pearl",
    "轻工": "Light Industry",
    "纺织": "Textile",
    "医药": "Pharmaceutical",
    "现代中药": "Modern Chinese Medicine",
    "三七药物": "Notoginseng Medicine",
    "白酒": "Baijiu",
    "马铃薯": "Potato",
    "苹果": "Apple",
    "硒谷": "Selenium Valley",
    "矿泉": "Mineral Spring",
    "农产品": "Agricultural Products",
    "农业": "Agricultural",
    "五金": "Hardware",
    "汉白玉": "White Marble",
    "环保": "Environmental Protection",
    "电源": "Power Supply",
    "进口再生资源": "Imported Renewable Resources",
    "资源综合利用": "Comprehensive Resource Utilization",
    # Countries and partners.
    "中国": "China",
    "中国老挝": "China-Laos",
    "中哈": "China-Kazakhstan",
    "中俄": "China-Russia",
    "中德": "Sino-German",
    "中泰": "China-Thailand",
    "马来西亚": "Malaysia",
    "东盟": "ASEAN",
    "欧盟": "EU",
    "生物": "Bio",
    "新疆生产建设兵团": "Xinjiang Production and Construction Corps",
    "兵团": "Corps",
    "中关村": "Zhongguancun",
}
# Xinjiang Production and Construction Corps divisions: 第一师 … 第十四师.
_NUMERALS = "一二三四五六七八九十"
_ORDINALS = ["1st", "2nd", "3rd"] + [f"{n}th" for n in range(4, 15)]
for _n in range(1, 15):
    _zh = _NUMERALS[_n - 1] if _n <= 10 else "十" + _NUMERALS[_n - 11]
    VOCAB[f"第{_zh}师"] = VOCAB[f"{_zh}师"] = f"{_ORDINALS[_n - 1]} Division"

# Words recognised only at the end of a name or of a part of one (before 及 or 、), where
# they are the zone type (…黄浦园 Huangpu Park, 龙潭片及… Longtan Section, …出口加工区南区):
# inside a name they are part of a place (下花园, 九园, 花园口; 钦北区, 白银西区).
TAIL_WORDS = {"园": "Park", "片": "Section", "南区": "South Area", "北区": "North Area",
              "东区": "East Area", "西区": "West Area"}

# Administrative markers that end a place word: 光山县 Guangshan County. 市 and 省 are
# dropped (柳州市 Liuzhou); the rest name the unit. Inner Mongolia's banners (旗) are in
# PLACES: 旗 is no marker elsewhere (红旗渠, 社旗县).
ADMIN = [
    ("自治县", "Autonomous County"), ("自治州", "Autonomous Prefecture"),
    ("林区", "Forestry District"), ("市", ""), ("省", ""), ("县", "County"),
    ("区", "District"), ("盟", "League"),
]
# Ethnic groups named before 自治县/自治州 (伊通满族自治县).
ETHNIC = {"满族": "Manchu", "回族": "Hui", "蒙古族": "Mongol", "土家族": "Tujia",
          "苗族": "Miao", "彝族": "Yi", "藏族": "Tibetan", "壮族": "Zhuang",
          "瑶族": "Yao", "侗族": "Dong", "布依族": "Bouyei", "朝鲜族": "Korean"}

DIRECTIONS = {"东": "East", "西": "West", "南": "South", "北": "North"}

# Joiners: 江阴—靖江 Jiangyin-Jingjiang, 京南·固安, A区、B区 …, 龙潭片及江宁片.
JOINERS = {"—": "-", "·": "-", "、": "and", "及": "and"}


class Names:
    """English zone names by rule (see the module docstring)."""

    def __init__(self, lazy_pinyin, rows):
        self.lazy_pinyin = lazy_pinyin
        self.max_word = max(len(w) for w in list(VOCAB) + list(PLACES))
        # Places that stand alone in some name (石家庄 in 石家庄高新技术产业开发区): a
        # longer run of place characters that opens with one is split after it
        # (张家口下花园 → Zhangjiakou Xiahuayuan).
        self.known = set()
        for r in rows:
            for kind, text in self.tokens(r["name"]):
                if kind != "place":
                    continue
                _province, run = self.strip_province(text, r["province"])
                for _start, seg, _marker in self.admin_segments(run):
                    if 2 <= len(seg) <= 3:
                        self.known.add(seg)
                    elif len(seg) == 4:
                        # 2+2 is how four characters are read anyway (太原武宿).
                        self.known.add(seg[:2])

    # -- tokens ------------------------------------------------------------------------
    def tokens(self, name):
        """Split a name into ("word", English), ("fixed", English place), ("place",
        Chinese), ("join", s) and ("paren", inner Chinese) tokens."""
        out = []
        for part in re.split(r"([（(][^）)]*[）)])", name):
            if part[:1] in ("（", "("):
                out.append(("paren", part[1:-1]))
            elif part:
                out += self.part_tokens(part)
        return out

    def part_tokens(self, name):
        """Tokens of a name without brackets. The zone type at the end is taken first, so
        that a middle word cannot eat into the place before it (浙江开化 + 工业园区, not
        开 + 化工 + 业 + 园区); the rest is read left to right, the longest place or word at
        each position."""
        suffix = None
        for n in range(min(self.max_word, len(name)), 0, -1):
            tail = name[-n:]
            if n < len(name) and (tail in VOCAB or tail in TAIL_WORDS):
                suffix = ("word", VOCAB.get(tail) or TAIL_WORDS[tail])
                name = name[:-n]
                break
        out, place, i = [], "", 0

        def flush():
            nonlocal place
            if place:
                out.append(("place", place))
                place = ""

        while i < len(name):
            c = name[i]
            if c in JOINERS:
                flush()
                out.append(("join", JOINERS[c]))
                i += 1
                continue
            # A区, B区: lettered parts.
            if c.isascii() and c.isalpha() and name[i + 1:i + 2] == "区":
                flush()
                out.append(("word", f"Area {c}"))
                i += 2
                continue
            # At the very end only when no zone type was taken off (天津宝坻九园 + 工业园区).
            ends = ("及", "、") if suffix else ("", "及", "、")
            tail = next((w for w in TAIL_WORDS if name.startswith(w, i)
                         and name[i + len(w):i + len(w) + 1] in ends), None)
            if tail:
                flush()
                out.append(("word", TAIL_WORDS[tail]))
                i += len(tail)
                continue
            # The longest place or word starting here; a place wins a tie.
            hit = None
            for n in range(min(self.max_word, len(name) - i), 1, -1):
                s = name[i:i + n]
                if s in PLACES:
                    hit = ("fixed", PLACES[s])
                elif s in VOCAB:
                    hit = ("word", VOCAB[s])
                if hit:
                    i += n
                    break
            if hit:
                flush()
                out.append(hit)
            else:
                place += c
                i += 1
        flush()
        if suffix:
            out.append(suffix)
        return out

    @staticmethod
    def strip_province(run, province):
        """(English province or None, rest) for a place run that opens with a province
        name: the row's own (山西运城 in 山西省 → Shanxi, 运城), or another one followed by a
        place of two or more characters (黑龙江富蕴, a Heilongjiang-aided park in Xinjiang);
        海南州 in Qinghai is a prefecture, not Hainan."""
        for zh, en in PROVINCES.items():
            if run.startswith(zh):
                rest = run[len(zh):]
                for suffix in PROVINCE_SUFFIXES:
                    if rest.startswith(suffix):
                        rest = rest[len(suffix):]
                        break
                if province.startswith(zh) or len(rest) >= 2:
                    return en, rest
        return None, run

    @staticmethod
    def admin_segments(run):
        """Split a place run after its administrative markers: 咸阳市泾阳县 →
        [(0, 咸阳, 市), (3, 泾阳, 县)] (start, place, marker); text after the last
        marker has marker None."""
        out, seg, start, i = [], "", 0, 0
        while i < len(run):
            for marker, _en in ADMIN:
                # A marker ends a place of at least one character (县 alone is no place).
                if seg and run.startswith(marker, i):
                    out.append((start, seg, marker))
                    seg = ""
                    i += len(marker)
                    start = i
                    break
            else:
                seg += run[i]
                i += 1
        if seg:
            out.append((start, seg, None))
        return out

    # -- pinyin ------------------------------------------------------------------------
    def syllables(self, run):
        """Toneless pinyin of a place run, one syllable a character. The whole run is
        read at once so that pypinyin's phrases see the context (蔚县 Yu County, not
        Wei); then PINYIN_FIXES; ü is written u (ASCII)."""
        syl = self.lazy_pinyin(run)
        assert len(syl) == len(run), (run, syl)
        for phrase, fixed in sorted(PINYIN_FIXES.items(), key=lambda p: len(p[0])):
            at = run.find(phrase)
            while at >= 0:
                syl[at:at + len(phrase)] = fixed.split()
                at = run.find(phrase, at + 1)
        return [s.replace("ü", "u").replace("v", "u") for s in syl]

    @staticmethod
    def word(syllables):
        """Syllables as one capitalised word, with an apostrophe before a syllable that
        starts with a vowel (Xi'an, Ji'an)."""
        w = ""
        for k, s in enumerate(syllables):
            if k and s[0] in "aoe":
                w += "'"
            w += s
        return w[:1].upper() + w[1:]

    def place_words(self, seg, syl):
        """A place segment without markers (and its syllables) as words: a known place
        opening a longer segment is split off (张家口下花园, 三亚亚龙湾); a known place and
        港 is its port (钦州港 Qinzhou Port); four characters are two words of two; five
        are two and three (汾阳杏花村); else one word."""
        if seg in PLACES:
            return [PLACES[seg]]
        if len(seg) >= 4:
            for n in (3, 2):
                if (seg[:n] in self.known or seg[:n] in PLACES) and len(seg) - n >= 2:
                    return self.place_words(seg[:n], syl[:n]) + self.place_words(seg[n:], syl[n:])
        if len(seg) == 3 and seg.endswith("港") and seg[:2] in self.known:
            return [self.word(syl[:2]), "Port"]
        if len(seg) == 4:
            return [self.word(syl[:2]), self.word(syl[2:])]
        if len(seg) == 5:
            return [self.word(syl[:2]), self.word(syl[2:])]
        return [self.word(syl)]

    def render_place(self, run, province, first):
        words = []
        if first:
            en, run = self.strip_province(run, province)
            if en:
                words.append(en)
        # A marker right after a place written whole: 呼伦贝尔市…, 锡林郭勒盟….
        for marker, marker_en in ADMIN:
            if run.startswith(marker):
                run = run[len(marker):]
                if marker_en:
                    words.append(marker_en)
                break
        if not run:
            return words
        syl = self.syllables(run)
        for start, seg, marker in self.admin_segments(run):
            seg_syl = syl[start:start + len(seg)]
            ethnic = ""
            if marker and marker.startswith("自治"):
                for zh, en in ETHNIC.items():
                    if seg.endswith(zh) and len(seg) > len(zh):
                        seg, seg_syl, ethnic = seg[:-len(zh)], seg_syl[:-len(zh)], en
                        break
            # 白银西区 Baiyin West District, 攀枝花东区 Panzhihua East District.
            if marker == "区" and seg in DIRECTIONS:
                words.append(DIRECTIONS[seg])
            elif marker == "区" and len(seg) >= 3 and seg[-1] in DIRECTIONS and seg[:-1] in self.known:
                words += self.place_words(seg[:-1], seg_syl[:-1]) + [DIRECTIONS[seg[-1]]]
            else:
                words += self.place_words(seg, seg_syl)
            if ethnic:
                words.append(ethnic)
            marker_en = dict(ADMIN).get(marker, "") if marker else ""
            if marker_en:
                words.append(marker_en)
        return words

    def english(self, name, province):
        parts = []
        toks = self.tokens(name)
        for k, (kind, text) in enumerate(toks):
            if kind == "place":
                parts += self.render_place(text, province, first=(k == 0))
            elif kind == "paren":
                inner = text
                prefix = ""
                if inner.startswith("含"):
                    inner, prefix = inner[1:], "incl. "
                parts.append("(" + prefix + self.english(inner, province) + ")")
            elif kind == "join" and text == "-":
                parts.append("-")
            else:
                parts.append(text)
        out = " ".join(parts).replace(" - ", "-")
        # 焦作市工业产业集聚区: Industrial (工业) + Industrial Cluster Zone, said once.
        out = re.sub(r"\b([A-Z][a-z]+) \1\b", r"\1", out)
        return re.sub(r"\s+", " ", out).strip()


# ---------------------------------------------------------------------------------------
# Industries
# ---------------------------------------------------------------------------------------

# Every term that occurs four or more times in the catalogue, by hand.
CURATED = {
    "装备制造": "Equipment manufacturing", "食品": "Food", "新材料": "New materials",
    "电子信息": "Electronic information", "机械": "Machinery", "建材": "Building materials",
    "医药": "Pharmaceuticals", "农副产品加工": "Agricultural and sideline product processing",
    "生物医药": "Biomedicine", "化工": "Chemicals", "新能源": "New energy",
    "纺织服装": "Textiles and apparel", "农产品加工": "Agricultural product processing",
    "纺织": "Textiles", "电子": "Electronics", "精细化工": "Fine chemicals",
    "汽车": "Automobiles", "汽车零部件": "Auto parts", "物流": "Logistics",
    "电力": "Electric power", "石化": "Petrochemicals", "煤化工": "Coal chemicals",
    "节能环保": "Energy saving and environmental protection",
    "汽车及零部件": "Automobiles and parts", "金属制品": "Metal products",
    "机械电子": "Mechanical and electronic products", "机械装备": "Machinery and equipment",
    "农副食品": "Agricultural and sideline foods", "机电": "Electromechanical products",
    "冶金": "Metallurgy", "食品饮料": "Food and beverages", "生物制药": "Biopharmaceuticals",
    "能源": "Energy", "汽车零配件": "Auto parts and accessories",
    "农畜产品加工": "Agricultural and livestock product processing",
    "有色金属加工": "Nonferrous metal processing", "通用设备": "General-purpose equipment",
    "商贸物流": "Trade and logistics", "木材加工": "Wood processing",
    "电子电器": "Electronics and electrical appliances", "服装": "Apparel", "钢铁": "Iron and steel",
    "家具": "Furniture", "轻工": "Light industry", "生物": "Biotechnology",
    "电气机械器材": "Electrical machinery and equipment", "信息技术": "Information technology",
    "软件": "Software", "非金属矿物制品": "Non-metallic mineral products",
    "有色金属": "Nonferrous metals", "轻纺": "Light industry and textiles",
    "智能制造": "Intelligent manufacturing", "酿酒": "Brewing and distilling",
    "新能源汽车": "New-energy vehicles", "精密机械": "Precision machinery",
    "专用设备": "Special-purpose equipment", "先进制造": "Advanced manufacturing",
    "仓储物流": "Warehousing and logistics", "保税物流": "Bonded logistics",
    "矿产品加工": "Mineral product processing", "陶瓷": "Ceramics", "包装": "Packaging",
    "服装纺织": "Apparel and textiles", "智能装备": "Intelligent equipment",
    "印刷": "Printing", "铝加工": "Aluminium processing", "鞋服": "Footwear and apparel",
    "食品加工": "Food processing",
    "有色金属冶炼加工": "Nonferrous metal smelting and processing",
    "医药化工": "Pharmaceutical chemicals", "光电": "Optoelectronics",
    "在建": "Under construction", "信息服务": "Information services",
    "盐化工": "Salt chemicals", "光伏": "Photovoltaics", "造纸": "Papermaking",
    "电商": "E-commerce", "林产品加工": "Forest product processing", "五金": "Hardware",
    "电气机械": "Electrical machinery", "电子设备": "Electronic equipment", "石材": "Stone",
    "船舶": "Shipbuilding", "化纤": "Chemical fibres", "金属加工": "Metal processing",
    "生物科技": "Biotechnology", "高端制造": "High-end manufacturing",
    "环保": "Environmental protection", "再生资源利用": "Renewable resource utilisation",
    "国际贸易": "International trade", "煤炭": "Coal", "塑料制品": "Plastic products",
    "金属冶炼加工": "Metal smelting and processing", "家电": "Household appliances",
    "轻工纺织": "Light industry and textiles", "木制品加工": "Wood product processing",
    "饮料": "Beverages", "集成电路": "Integrated circuits", "生物技术": "Biotechnology",
    "医疗器械": "Medical devices", "保税加工": "Bonded processing",
    "跨境电商": "Cross-border e-commerce", "皮革": "Leather", "钢铁加工": "Steel processing",
    "石材加工": "Stone processing", "农副食品加工": "Agricultural and sideline food processing",
    "机械设备": "Machinery and equipment", "汽车及零配件": "Automobiles and parts",
    "农林产品加工": "Agricultural and forest product processing",
    "磷化工": "Phosphorus chemicals", "纸制品": "Paper products",
    "电子机械": "Electronic machinery", "航空": "Aviation",
    "交通运输设备": "Transport equipment", "稀土": "Rare earths",
    "加工贸易": "Processing trade", "仪器仪表": "Instruments and meters",
    "煤炭加工": "Coal processing", "有色金属冶炼": "Nonferrous metal smelting",
    "煤电化工": "Coal, power and chemicals", "轨道交通设备": "Rail transit equipment",
    "乳制品加工": "Dairy processing", "橡胶": "Rubber", "制鞋": "Footwear",
    "中医药": "Traditional Chinese medicine", "能源化工": "Energy and chemicals",
    "贸易": "Trade", "新能源汽车及零部件": "New-energy vehicles and parts",
    "热力": "Heat supply", "纺织鞋服": "Textiles, footwear and apparel",
    "黑色金属冶炼压延加工": "Ferrous metal smelting and rolling",
    "新能源装备": "New-energy equipment", "机械加工": "Machining",
    "光机电一体化": "Opto-mechatronics", "云计算": "Cloud computing",
    "印刷包装": "Printing and packaging", "汽车配件": "Auto parts",
    "加工制造": "Processing and manufacturing", "金融": "Finance", "商贸": "Commerce and trade",
    "文化创意": "Cultural and creative industries", "水泥": "Cement",
    "不锈钢": "Stainless steel", "电力能源": "Electric power and energy",
    "光电子": "Optoelectronics", "五金机械": "Hardware and machinery",
    "中药材": "Chinese medicinal materials", "竹木加工": "Bamboo and wood processing",
    "摩托车": "Motorcycles", "港口物流": "Port logistics", "光机电": "Opto-mechatronics",
    "工程机械": "Construction machinery", "煤电": "Coal and power",
    "天然气化工": "Natural gas chemicals", "生命健康": "Life and health",
    "钢材加工": "Steel processing", "非金属矿制品": "Non-metallic mineral products",
    "通用航空": "General aviation", "出口加工": "Export processing",
    "水产品加工": "Aquatic product processing", "进出口加工": "Import and export processing",
    "轴承": "Bearings", "边境贸易": "Border trade", "旅游": "Tourism",
    "生物化工": "Biochemicals", "金属冶炼": "Metal smelting", "石油装备": "Petroleum equipment",
    "有色金属冶炼压延加工": "Nonferrous metal smelting and rolling",
    "竹木制品": "Bamboo and wood products",
    "汽车摩托车零配件": "Automobile and motorcycle parts",
    "汽车摩托车配件": "Automobile and motorcycle parts", "生物制品": "Biological products",
    "制糖": "Sugar refining", "轨道交通装备": "Rail transit equipment", "机器人": "Robotics",
    "石油化工": "Petrochemicals", "医药健康": "Pharmaceuticals and health",
    "设备制造": "Equipment manufacturing", "铜材加工": "Copper processing",
    "电子元器件": "Electronic components", "造纸及纸制品": "Paper and paper products",
    "清洁能源": "Clean energy", "特种纸": "Specialty paper", "油气化工": "Oil and gas chemicals",
    "文化": "Culture", "机电装备": "Electromechanical equipment", "富硒食品": "Selenium-rich food",
    "保税仓储": "Bonded warehousing", "物流仓储": "Logistics and warehousing",
    "仓储": "Warehousing", "文化旅游": "Cultural tourism", "自行车": "Bicycles",
    "铸造": "Casting", "橡胶制品": "Rubber products", "化工新材料": "New chemical materials",
    "钢结构": "Steel structures", "煤电铝": "Coal, power and aluminium", "冶炼": "Smelting",
    "制药": "Pharmaceutical manufacturing", "包装印刷": "Packaging and printing",
    "箱包": "Luggage and bags", "工艺品": "Arts and crafts",
    "环保设备": "Environmental protection equipment", "照明": "Lighting",
    "塑料": "Plastics", "循环经济": "Circular economy", "基础化工": "Basic chemicals",
    "木材": "Timber", "皮革制品": "Leather products",
}

# Terms the app's taxonomy classifies into an obviously wrong class (宝石加工 as grain
# milling, 钢铁冶炼 as non-ferrous smelting): named by hand so that the English is right,
# and coded by hand in CODES like the curated terms.
MISCLASSIFIED = {
    "石油加工": "Petroleum processing", "石油炼化": "Petroleum refining",
    "石油天然气化工": "Oil and gas chemicals", "石油机械": "Petroleum machinery",
    "石油机械装备": "Petroleum machinery and equipment", "煤制天然气": "Coal-to-gas",
    "林木产品加工": "Forest and timber product processing",
    "木竹产品加工": "Wood and bamboo product processing",
    "木竹品加工": "Wood and bamboo product processing",
    "轻工产品加工": "Light industry product processing",
    "轻工业产品加工": "Light industry product processing",
    "进口产品加工": "Imported product processing", "产品加工": "Product processing",
    "中药材加工": "Chinese medicinal material processing", "宝石加工": "Gemstone processing",
    "玉石加工": "Jade processing", "稀贵金属加工": "Rare and precious metal processing",
    "矿物制品": "Mineral products", "碳化硅冶炼": "Silicon carbide smelting",
    "羽绒制品加工": "Down product processing",
    "民族特需用品加工": "Processing of goods for ethnic minorities' special needs",
    "自行车零部件": "Bicycle parts", "商业服务": "Commercial services",
    "工业服务": "Industrial services", "康体": "Fitness and wellness",
    "核燃料加工": "Nuclear fuel processing",
    "金属及非金属材料加工": "Metal and non-metallic material processing",
    "电力电器": "Electric power appliances", "电力设备": "Electric power equipment",
    "电力设备器材": "Electric power equipment", "能源电力设备": "Energy and power equipment",
    "燃气轮机": "Gas turbines", "燃气设备": "Gas equipment",
    "铁合金冶炼": "Ferroalloy smelting", "钢铁冶炼": "Iron and steel smelting",
    "特钢冶炼": "Special steel smelting", "高分子材料": "Polymer materials",
    "能源原材料": "Energy raw materials", "包装材料": "Packaging materials",
    "橡塑制品": "Rubber and plastic products", "旅游产品加工": "Tourist product processing",
    "文旅休闲用品": "Culture, tourism and leisure goods",
    "游戏游艺设备": "Gaming and amusement equipment", "金属玻璃家具": "Metal and glass furniture",
    "农业装备": "Agricultural equipment", "农业装备及零部件": "Agricultural equipment and parts",
    "卫生用品": "Sanitary products", "电器机械器材": "Electrical machinery and equipment",
    "无机非金属": "Inorganic non-metallic materials",
}

# Words for naming the remaining terms part by part (茶叶 + 加工 → Tea processing): a
# term whose every character is covered by the longest words, left to right, reads as
# their English; see compose() for how they are joined.
# Heads: what is done or made (they end a term: 茶叶加工 tea processing).
HEADS = {
    "精深加工": "intensive processing", "深加工": "deep processing", "精加工": "fine processing",
    "加工": "processing", "制造": "manufacturing", "制品": "products", "产品": "products",
    "设备": "equipment", "装备": "equipment", "器材": "equipment", "机械": "machinery",
    "材料": "materials", "新材料": "new materials", "用品": "supplies", "配件": "parts",
    "零部件": "parts", "零配件": "parts", "配套": "supporting industries", "服务": "services",
    "贸易": "trade", "物流": "logistics", "仓储": "warehousing", "冶炼": "smelting",
    "压延": "rolling", "采选": "mining and dressing", "开采": "mining", "研发": "R&D",
    "维修": "repair", "化工": "chemicals", "工艺品": "crafts", "酿造": "brewing",
    "拆解": "dismantling", "展示": "exhibition", "交易": "trading", "展销": "exhibition and sales",
    "储运": "storage and transport", "集散": "distribution", "组装": "assembly",
    "应用": "applications", "开发": "development", "利用": "utilisation",
    "综合利用": "comprehensive utilisation", "循环利用": "recycling", "洗选": "washing",
    "器件": "devices", "元件": "components", "织造": "weaving", "面料": "fabrics",
    "一体化": "integration", "技术": "technology", "科技": "technology",
    "工具": "tools", "设计": "design", "检测": "testing", "会展": "exhibitions",
    "销售": "sales", "生产": "production", "铸造": "casting", "模具": "moulds",
    "选冶加工": "dressing, smelting and processing", "采选加工": "mining, dressing and processing",
    "采选冶炼": "mining, dressing and smelting", "储运加工": "storage, transport and processing",
    "储运集散": "storage, transport and distribution", "展示展销": "display and sales",
    "显示": "display",
    "板材": "boards", "中转": "transshipment", "仲裁": "arbitration", "建设": "construction",
    "孵化": "incubation", "控制": "control", "联产": "cogeneration", "集控": "centralised control",
    "配送": "distribution", "延伸加工": "downstream processing", "采冶": "mining and smelting",
    "制品加工": "product processing", "产品加工": "product processing",
    "产品深加工": "product deep processing", "产品精深加工": "product intensive processing",
}
# Qualifiers: they stand before what they qualify (绿色食品 green food).
QUALIFIERS = {
    "绿色": "green", "有机": "organic", "特色": "specialty", "富硒": "selenium-rich",
    "进口": "imported", "出口": "export", "进出口": "import and export", "精密": "precision",
    "智能": "intelligent", "通用": "general-purpose", "专用": "special-purpose",
    "工业": "industrial", "临港": "port-based", "临空": "airport-based", "保税": "bonded",
    "国际": "international", "优势": "advantageous", "民族": "ethnic", "特需": "special-need",
    "大宗": "bulk", "医用": "medical", "金属": "metal", "钢": "steel",
    "有色": "nonferrous", "新": "new", "清洁": "clean", "专业": "specialised",
    "再生": "recycled", "升降": "lifting", "健身": "fitness",
    "多元": "multi-component", "婴童": "baby and children's", "安全防护": "safety and protective",
    "应急": "emergency", "战略": "strategic", "手工": "handmade", "民用": "civil",
    "消防": "fire-fighting", "滨海": "coastal", "火工": "pyrotechnic", "特种": "special",
    "绝缘": "insulating", "粉末": "powder", "精制": "refined", "环境": "environmental",
    "高档": "high-end", "采暖": "heating", "系统": "system", "平板": "flat-panel",
    "密封": "sealing", "工艺": "craft", "智能化": "intelligent", "玉米": "maize",
    "生态": "eco-friendly", "矿泉": "mineral water", "综合": "comprehensive", "耐火": "refractory",
    "超硬": "superhard", "高性能": "high-performance", "功能": "functional", "三七": "notoginseng",
    "循环": "circular", "日用": "daily-use", "海洋": "marine", "复合": "composite", "精细": "fine",
    "数控": "CNC", "边境": "border", "动力": "power", "口岸": "port", "商业": "commercial",
    "港航": "port and shipping", "冷链": "cold-chain", "涉农": "agriculture-related",
    "液压": "hydraulic", "特殊": "special",
}
# Things: what is processed or made; two in a row are joined with "and" (铝铜 aluminium
# and copper).
THINGS = {
    "茶叶": "tea", "茶": "tea", "竹": "bamboo", "木": "wood", "木竹": "wood and bamboo",
    "竹木": "bamboo and wood", "林产": "forest product", "林木": "forest and timber",
    "农林": "agricultural and forest", "农畜林": "agricultural, livestock and forest",
    "农业": "agricultural", "农产品": "agricultural product",
    "农副产品": "agricultural and sideline product", "畜产品": "livestock product",
    "水产": "aquatic product", "海产品": "seafood", "肉": "meat", "乳": "dairy",
    "粮油": "grain and oil", "粮食": "grain", "油脂": "oils and fats", "食用菌": "edible fungi",
    "生物": "bio", "生物资源": "biological resource", "资源": "resource",
    "再生资源": "renewable resource", "矿产": "mineral", "矿产品": "mineral product",
    "矿物": "mineral", "矿山": "mining", "铁矿": "iron ore", "铁精粉": "iron concentrate",
    "有色金属": "nonferrous metal", "黑色金属": "ferrous metal",
    "稀贵金属": "rare and precious metal", "贵金属": "precious metal", "钢铁": "steel",
    "特钢": "special steel", "不锈钢": "stainless steel", "铁": "iron",
    "铝": "aluminium", "铜": "copper", "镁": "magnesium", "锰": "manganese", "镍": "nickel",
    "钨": "tungsten", "钒": "vanadium", "钛": "titanium", "锌": "zinc", "铅": "lead",
    "硅": "silicon", "黄金": "gold", "玉石": "jade", "宝石": "gemstone", "水晶": "crystal",
    "珍珠": "pearl", "珠宝": "jewellery", "石墨": "graphite", "石材": "stone", "玻璃": "glass",
    "陶瓷": "ceramic", "塑料": "plastic", "橡胶": "rubber", "橡塑": "rubber and plastic",
    "皮毛": "fur", "毛皮": "fur", "羽绒": "down", "皮革": "leather", "皮": "leather",
    "纸": "paper", "纸品": "paper", "煤": "coal", "煤炭": "coal", "油气": "oil and gas",
    "石油": "petroleum", "天然气": "natural gas", "油母页岩": "oil shale", "电": "electric",
    "电力": "power", "电气": "electrical", "电器": "electrical appliance", "电子": "electronic",
    "电机": "electric motor", "机电": "electromechanical products", "光电": "optoelectronics",
    "光伏": "photovoltaic", "新能源": "new-energy", "能源": "energy", "化学": "chemical",
    "盐": "salt", "汽车": "automotive", "摩托车": "motorcycle", "自行车": "bicycle",
    "航空": "aviation", "航天": "aerospace", "船舶": "ship", "医药": "pharmaceutical",
    "医疗": "medical", "中药材": "Chinese medicinal material",
    "中藏药": "Chinese and Tibetan medicine", "藏医药": "Tibetan medicine",
    "中药": "Chinese medicine", "食品": "food", "饮料": "beverage", "服装": "apparel",
    "纺织": "textile", "鞋": "footwear", "轻工": "light industry", "轻工业": "light industry",
    "五金": "hardware", "商品": "commodity", "旅游": "tourism", "工程": "engineering",
    "建筑": "construction", "建材": "building material", "环保": "environmental protection",
    "节能": "energy-saving", "信息": "information", "数据": "data", "软件": "software",
    "计算机": "computer", "通信": "communication", "通讯": "communication", "苹果": "apple",
    "商贸": "trade", "航运": "shipping",
    "光学": "optics", "日用品": "daily necessities", "冶金": "metallurgy", "铸锻": "casting and forging",
    "林板材": "wood-based panels", "林浆纸": "forestry, pulp and paper", "汽摩": "automobile and motorcycle",
    "乐器": "musical instruments", "交通": "transport", "卷烟": "cigarettes",
    "家纺": "home textiles", "展览展示": "exhibitions and displays",
    "度假": "holiday resorts", "彩印": "colour printing", "文具": "stationery",
    "光源": "light sources", "电光源": "electric light sources", "森工": "forest industry",
    "煤电": "coal power", "煤电冶": "coal, power and metallurgy", "热电": "combined heat and power",
    "电冶": "electrometallurgy", "眼镜": "eyewear", "碳素": "carbon products",
    "经编针织": "warp knitting and knitwear", "针织": "knitwear", "羊绒": "cashmere",
    "钢材": "steel products", "铁合金": "ferroalloys", "饲料": "animal feed", "丝绸": "silk",
    "丝网": "wire mesh", "纱门": "screen doors", "人造板": "wood-based panels",
    "光通讯": "optical communication", "农资": "agricultural input", "制冷剂": "refrigerants",
    "刺绣": "embroidery", "卡车": "trucks", "特种车": "special vehicles", "卫星": "satellites",
    "卫星应用": "satellite applications", "印染": "printing and dyeing", "厨具": "kitchenware",
    "合金": "alloys", "咖啡": "coffee", "商务": "business services", "园艺": "horticulture",
    "地理信息": "geographic information", "声学": "acoustics", "密度板": "fibreboard",
    "工艺美术品": "arts and crafts", "干酵母": "dry yeast", "总部经济": "headquarters economy",
    "成品油": "refined oil", "地毯": "carpets", "打火机": "lighters",
    "文教体娱用品": "cultural, educational, sports and entertainment goods", "服饰": "apparel and accessories",
    "木器": "wooden articles", "林纸林板": "forestry, paper and wood-based panels",
    "柞蚕": "tussah silk", "核燃料": "nuclear fuel", "根雕": "root carving", "棉纺": "cotton spinning",
    "模塑": "moulding", "毛纺": "wool spinning", "毛衫": "sweaters", "气雾剂": "aerosols",
    "水暖厨卫": "plumbing, heating, kitchen and bathroom fittings", "水电": "hydropower",
    "泳装": "swimwear", "洗漱用品": "toiletries", "浆纸": "pulp and paper", "海洋经济": "marine economy",
    "混凝土": "concrete", "游艇": "yachts", "休闲": "leisure", "运动": "sports", "炸药": "explosives",
    "炼焦": "coking", "炼钢": "steelmaking", "烟花爆竹": "fireworks and firecrackers",
    "首饰": "ornaments", "电声": "electroacoustics", "电梯": "elevators", "皮具": "leather goods",
    "箱包": "luggage and bags", "盐化": "salt chemicals", "硅藻土": "diatomite",
    "碳酸锰粉": "manganese carbonate powder", "科研": "research", "竹浆纸": "bamboo pulp and paper",
    "管型塑材": "plastic pipes and profiles", "仪器": "instruments", "紧固件": "fasteners",
    "纳米技术": "nanotechnology", "水工": "hydraulic engineering", "自动控制": "automatic control",
    "藏毯": "Tibetan carpets", "绒纺": "cashmere spinning", "藤": "rattan", "观光": "sightseeing",
    "车辆": "vehicles", "软硬件": "software and hardware", "轻纺": "light textiles",
    "鞋服": "footwear and apparel", "输变电": "power transmission and transformation",
    "边贸": "border trade", "造船": "shipbuilding", "散热器": "radiators",
    "采暖铸造": "heating equipment casting", "管件": "pipe fittings",
    "钟表计时仪器": "clocks, watches and timing instruments", "钢延": "rolled steel",
    "钢板": "steel plates", "钢球": "steel balls", "锡矿": "tin ore", "雕刻": "carving",
    "鞋帽": "footwear and headwear", "鞋革": "footwear and leather", "页岩气": "shale gas",
    "高分子": "polymers", "高岭土": "kaolin", "高技术": "high technology", "色纺": "colour-spun yarn",
    "矿产建设": "mineral resource development",
    "交通运输": "transport", "智能电网": "smart grid", "林下资源": "understory resource",
    "海洋生物": "marine bio-resources", "专用车": "special-purpose vehicles",
    "化学原料": "chemical raw materials", "矿冶": "mining and metallurgy", "运输": "transport",
    "健康": "health", "光机电一体化": "opto-mechatronics", "机电一体化": "mechatronics",
    "发": "hair", "工贸": "industry and trade", "机器": "machines", "服务外包": "service outsourcing",
    "木业": "woodworking", "木竹藤棕草": "wood, bamboo, rattan, palm and straw",
    "氟硅": "fluorosilicone", "液压机电": "hydraulic and electromechanical products",
    "激光": "lasers", "生物科技": "biotechnology", "合成革": "synthetic leather",
    "电解锰": "electrolytic manganese", "硅胶": "silica gel", "碳酸钙": "calcium carbonate",
    "精化": "fine chemicals", "膜": "membrane", "采矿": "mining", "金刚石": "diamond",
    "钛材": "titanium products", "金融": "finance", "不锈": "stainless steel",
    "产品组装": "product assembly", "冶金加工": "metallurgical processing",
    "冶金制品": "metallurgical products", "生物工程": "bioengineering", "生物材料": "biomaterials",
    "矿产资源": "mineral resource", "能源矿产": "energy and mineral resources",
    "钒钛": "vanadium-titanium", "元器件": "components",
    # Whole terms whose parts would list badly.
    "鞋服家纺": "footwear, apparel and home textiles", "汽摩及零部件": "automobiles, motorcycles and parts",
    "羽绒及制品": "down and down products", "黄金及加工": "gold and gold processing",
    "板材加工": "board processing", "新金属材料加工": "new metal material processing",
    "化工医药": "chemicals and pharmaceuticals", "机电设备": "electromechanical equipment",
    "旅游商品": "tourist goods", "钢铁及加工": "steel and steel processing",
    "化工制品": "chemical products", "化工塑料": "chemicals and plastics",
    "化工建材": "chemicals and building materials", "化工材料": "chemical materials",
    "化工环保": "chemicals and environmental protection",
    "机械机电": "machinery and electromechanical products",
    "机械电子装备": "mechanical and electronic equipment",
    "机械电气": "machinery and electrical equipment", "机械零部件": "machinery parts",
    "机械配件": "machinery parts", "物流服务": "logistics services",
    "物流装备": "logistics equipment", "矿山采选冶炼": "mining, ore dressing and smelting",
    "科技服务": "science and technology services", "科技研发": "science and technology R&D",
    "装备电子": "equipment and electronics", "装备组装制造": "equipment assembly and manufacturing",
    "铝电": "aluminium and power", "铝铜镁及加工": "aluminium, copper and magnesium processing",
    "铸造机械": "casting machinery", "冶金金属压延": "metallurgy and metal rolling",
    "冶金机械": "metallurgical machinery", "冶金装备": "metallurgical equipment",
    "冶金材料": "metallurgical materials",
    "电器装备": "electrical equipment", "电器设备": "electrical equipment",
    "电器厨具": "electrical appliances and kitchenware",
    "工程机械装备": "construction machinery and equipment",
    "工程机械配件": "construction machinery parts", "铝材加工": "aluminium processing",
    "环保建材": "eco-friendly building materials",
    # Words for the terms whose classifier code the guard rejects (they were named from
    # the class before).
    "化妆品": "cosmetics", "大数据": "big data", "家居": "home furnishings",
    "家居用品": "home furnishings", "家用电器": "household appliances",
    "家电": "household appliances", "信息家电": "information appliances",
    "小家电": "small household appliances", "白色家电": "white goods", "林": "forest",
    "氟": "fluorine", "氯碱": "chlor-alkali", "硫": "sulphur", "硼": "boron", "磷": "phosphorus",
    "煤气": "coal gas", "煤焦": "coal coking", "钛盐": "titanium salt", "盐碱": "salt and alkali",
    "盐湖": "salt lake", "电石": "calcium carbide", "石化化工": "petrochemicals",
    "无机盐": "inorganic salt", "盐卤": "brine", "芳烃": "aromatics",
    "化工循环": "circular chemical industry", "日化": "daily chemical",
    "海工": "offshore engineering", "玩具": "toys", "半导体": "semiconductors",
    "机床": "machine tools", "机械汽配": "machinery and auto parts",
    "电机汽配": "electric motors and auto parts", "汽配": "auto parts", "管道": "pipeline",
    "中药制药": "Chinese medicine manufacturing", "体育": "sports", "体育用品": "sporting goods",
    "动漫创意": "animation and creative design", "包装": "packaging", "自动化": "automation",
    "铝材": "aluminium products", "铝箔": "aluminium foil", "整车进口": "vehicle imports",
    "机械基础件": "basic mechanical components", "水处理": "water treatment", "水泥": "cement",
    "泵阀": "pumps and valves", "泵阀管件": "pumps, valves and pipe fittings", "焦化": "coking",
    "煤机": "coal mining machinery", "玻璃器皿": "glassware", "生物育种": "biological breeding",
    "矿业": "mining", "磨具": "abrasive tools", "药品": "pharmaceuticals",
    "轨道交通": "rail transit", "重车": "heavy vehicle", "木制玩具": "wooden toys",
    "铜材拆解加工": "copper scrap dismantling and processing",
    "青稞酒": "highland barley liquor", "非金属": "non-metallic",
    "非金属矿物": "non-metallic mineral", "风电": "wind power",
}
WORDS = {**THINGS, **QUALIFIERS, **HEADS}


# ---------------------------------------------------------------------------------------
# Industry codes
# ---------------------------------------------------------------------------------------

GBT_PATH = os.path.join(ROOT, "..", "shared", "data", "gbt4754-2017.zh.json")
TAXONOMY_PATH = os.path.join(ROOT, "src", "taxonomy", "taxonomy.json")
# The strategic emerging industry domains (战略性新兴产业分类 2018): codes that are not in
# GB/T 4754 but are in the app's taxonomy.
SEI_DOMAINS = {
    "SEI1": "新一代信息技术产业", "SEI2": "高端装备制造产业", "SEI3": "新材料产业",
    "SEI4": "生物产业", "SEI5": "新能源汽车产业", "SEI6": "新能源产业",
    "SEI7": "节能环保产业", "SEI8": "数字创意产业", "SEI9": "相关服务业",
}

# The code of every curated and hand-named term (CURATED, MISCLASSIFIED), checked by
# hand against GB/T 4754-2017 (../shared/data/gbt4754-2017.zh.json, names and notes):
# the division where the term spans it, the group or class where the term names one, a
# strategic domain (SEIn) where the term is one, "" where the term is too generic to
# classify (产品加工, 商业服务) or spans divisions with no common parent (金属冶炼: ferrous
# 31 or non-ferrous 32). A precise code the app's taxonomy does not list is written as
# the standard has it and shipped as its nearest ancestor the app lists (2530 核燃料加工
# → 25; see app_code()). The classifier's code is not used for these terms.
CODES = {
    # Agriculture and food (13-16).
    "食品": "14", "农副产品加工": "13", "农产品加工": "13", "农副食品": "13",
    "食品饮料": "14", "农畜产品加工": "13", "食品加工": "14", "农副食品加工": "13",
    "农林产品加工": "13", "乳制品加工": "144", "制糖": "1340", "水产品加工": "136",
    "富硒食品": "14", "饮料": "15", "酿酒": "151",
    "中药材": "017",  # 中药材种植, as the app reads the word; processing is 中药材加工.
    # Textiles, apparel, leather (17-19).
    "纺织服装": "17", "纺织": "17", "服装": "18", "轻纺": "17", "服装纺织": "18",
    "鞋服": "18", "轻工纺织": "17", "纺织鞋服": "17", "皮革": "19", "制鞋": "195",
    "皮革制品": "192", "箱包": "192",  # 1922 皮箱、包(袋)制造
    "羽绒制品加工": "1942", "民族特需用品加工": "",
    # Wood, furniture, paper, printing, crafts (20-24).
    "木材加工": "20", "木制品加工": "20", "竹木加工": "20", "竹木制品": "20", "木材": "20",
    "林产品加工": "20", "林木产品加工": "20", "木竹产品加工": "20", "木竹品加工": "20",
    "家具": "21", "金属玻璃家具": "21",
    "造纸": "22", "纸制品": "223", "造纸及纸制品": "22", "特种纸": "22",
    "印刷": "23", "印刷包装": "23", "包装印刷": "23",
    "工艺品": "243", "宝石加工": "2438", "玉石加工": "2431",  # 雕塑工艺品 (玉雕)
    "游戏游艺设备": "246", "文旅休闲用品": "24", "旅游产品加工": "",
    # Fuels, chemicals, pharmaceuticals, fibres, rubber and plastics (25-29).
    "石油加工": "251", "石油炼化": "251", "煤炭加工": "252", "煤制天然气": "2522",
    "核燃料加工": "2530",
    "化工": "26", "精细化工": "266", "煤化工": "26", "盐化工": "26", "医药化工": "26",
    "磷化工": "26", "煤电化工": "26", "能源化工": "26", "生物化工": "26",
    "天然气化工": "26", "石油天然气化工": "26", "油气化工": "26", "基础化工": "261",
    # Petrochemicals are chemicals made from oil (ethylene, aromatics: 2614); refining,
    # 石油加工 and 石油炼化, is 251.
    "石化": "26", "石油化工": "26",
    "化工新材料": "SEI3", "高分子材料": "265",
    "医药": "27", "生物医药": "276", "生物制药": "276", "中医药": "27", "制药": "27",
    "医药健康": "27", "生物制品": "2761", "中药材加工": "2730",
    "卫生用品": "2770",  # 卫生材料及医药用品制造: the nearest class by name.
    "化纤": "28",
    "橡胶": "29", "橡胶制品": "291", "塑料": "29", "塑料制品": "292", "橡塑制品": "29",
    # Non-metallic mineral products (30).
    "建材": "30", "非金属矿物制品": "30", "非金属矿制品": "30", "矿物制品": "30",
    "无机非金属": "30", "陶瓷": "307", "水泥": "30", "石材": "303", "石材加工": "3032",
    "碳化硅冶炼": "3099",  # 其他非金属矿物制品: silicon carbide is no metal.
    # Metals (31-33). 冶金 (metallurgy) is ferrous by Chinese usage (冶金工业: iron and
    # steel); smelting with no metal named is either 31 or 32.
    "钢铁": "31", "钢铁加工": "31", "钢材加工": "31", "不锈钢": "31", "冶金": "31",
    "黑色金属冶炼压延加工": "31", "钢铁冶炼": "31", "特钢冶炼": "31", "铁合金冶炼": "3140",
    "有色金属加工": "32", "有色金属": "32", "有色金属冶炼加工": "32", "有色金属冶炼": "32",
    "有色金属冶炼压延加工": "32", "铝加工": "325", "铜材加工": "3251", "煤电铝": "32",
    "稀土": "323", "稀贵金属加工": "32",
    "冶炼": "", "金属冶炼": "", "金属冶炼加工": "", "金属及非金属材料加工": "",
    "金属制品": "33", "金属加工": "33", "五金": "33", "铸造": "339", "钢结构": "3311",
    # Machinery and equipment (34-35), vehicles (36-37).
    "装备制造": "35", "机械": "34", "机械装备": "34", "通用设备": "34", "精密机械": "34",
    "机械设备": "34", "五金机械": "34", "机械加工": "34", "轴承": "345",
    # 机电 (机械电子) is machinery and electrical goods: machinery first.
    "机电": "34", "机械电子": "34", "机电装备": "34",
    "燃气轮机": "3413",  # 汽轮机及辅机制造 (汽轮机和燃气轮机)
    "设备制造": "",
    "专用设备": "35", "工程机械": "351", "石油装备": "3512", "石油机械": "3512",
    "石油机械装备": "3512", "农业装备": "357", "农业装备及零部件": "357",
    "医疗器械": "358", "环保设备": "359",
    "汽车": "36", "汽车及零部件": "36", "汽车及零配件": "36", "汽车零部件": "3670",
    "汽车零配件": "3670", "汽车配件": "3670", "汽车摩托车配件": "3670",
    "汽车摩托车零配件": "3670", "新能源汽车": "3612", "新能源汽车及零部件": "3612",
    "船舶": "373", "航空": "374", "通用航空": "374", "交通运输设备": "37",
    "轨道交通设备": "371", "轨道交通装备": "371", "摩托车": "375", "自行车": "3761",
    "自行车零部件": "3761",
    # Electrical machinery (38), electronics (39), instruments (40).
    "电气机械器材": "38", "电器机械器材": "38", "电气机械": "38", "电力电器": "38",
    "电力设备": "38", "电力设备器材": "38", "能源电力设备": "38", "家电": "385",
    "照明": "387", "光伏": "3825",
    "燃气设备": "3861",  # 燃气及类似能源家用器具 (386 非电力家用器具, in 38)
    "电子信息": "39", "电子": "39", "电子电器": "39", "电子设备": "39", "光电": "39",
    "电子机械": "39", "光电子": "397", "集成电路": "3973", "电子元器件": "398",
    "仪器仪表": "40",
    # Waste and recycling (42), utilities (44).
    "再生资源利用": "42", "循环经济": "42",
    "电力": "44", "电力能源": "44", "热力": "4430", "煤电": "4411",
    "煤炭": "06",
    # Trade, logistics, IT, finance, services, tourism, culture.
    "物流": "59", "商贸物流": "59", "仓储物流": "59", "保税物流": "59", "港口物流": "59",
    "仓储": "59", "保税仓储": "59", "物流仓储": "59",
    "国际贸易": "51", "贸易": "51", "商贸": "51", "边境贸易": "51",
    "电商": "5292", "跨境电商": "5292",
    "软件": "65", "信息服务": "65", "云计算": "659",
    "金融": "J",  # the section: banking, capital markets and insurance alike
    "旅游": "786", "文化旅游": "786", "文化": "88", "文化创意": "SEI8",
    # Strategic emerging industries.
    "新材料": "SEI3", "新能源": "SEI6", "清洁能源": "SEI6", "新能源装备": "SEI6",
    "节能环保": "SEI7", "环保": "SEI7", "信息技术": "SEI1", "智能制造": "SEI2",
    "智能装备": "SEI2", "高端制造": "SEI2", "机器人": "3491",
    "生物": "SEI4", "生物科技": "SEI4", "生物技术": "SEI4", "生命健康": "SEI4",
    # Too generic to classify, or no industry at all.
    "能源": "", "轻工": "", "光机电一体化": "", "光机电": "",
    "先进制造": "", "加工制造": "", "矿产品加工": "", "包装": "", "包装材料": "",
    "能源原材料": "", "保税加工": "", "加工贸易": "", "出口加工": "", "进出口加工": "",
    "在建": "", "产品加工": "", "轻工产品加工": "", "轻工业产品加工": "",
    "进口产品加工": "", "商业服务": "", "工业服务": "", "康体": "",
}

# Terms not curated whose code would otherwise be wrong (a classifier code that passes the
# guard, or a rule code) or missing: the right code by hand ("" for none). 光电信息 shares
# 电信 with 电信、广播电视和卫星传输服务 only across its two words; 非金属制品 shares 金属
# with 金属制品业; 黑色金属… is no non-ferrous metal.
FIXES = {
    "光电信息": "39", "非金属制品": "30", "非金属加工": "30", "非金属材料": "30",
    "非金属矿物加工": "30",
    "黑色金属冶炼加工": "31", "黑色金属冶炼压延": "31", "黑色金属加工": "31",
    "黑色金属采冶压延加工": "31", "冶金及金属压延": "31", "冶金金属压延": "31",
    "金属压延": "", "金属冶炼压延加工": "", "矿产品冶炼加工": "", "矿山采选冶炼": "",
    "化工冶炼": "26", "有色金属采选": "09", "铸造机械": "3423",
    "生物资源综合利用": "", "汽车服务": "", "整车进口": "5172", "医药贸易": "5151",
    "体育器材": "244", "体育用品": "244", "旅游商品": "24", "食用菌加工": "137",
    "茶产品加工": "1530", "苹果加工销售物流": "137", "电器拆解": "42",
    "铜材拆解加工": "42", "专用机械设备": "35", "橡胶及塑料制品": "29",
    "橡胶塑料制品": "29", "玻璃器皿": "305", "磨具": "3099", "钢球": "3451",
    "钢制品": "33", "机电设备": "34", "机电设备及零部件": "34", "五金不锈制品": "33",
    "泵阀管件": "344", "电器厨具": "38", "物流装备": "343", "粮油储运加工": "13",
    "硅": "3218", "建筑": "E", "金属精加工": "33",
    # Kinds of new materials (战略性新兴产业分类 2018: 新材料产业).
    "高性能功能材料": "SEI3", "氟硅材料": "SEI3", "膜材料": "SEI3", "纳米技术": "SEI3",
    "特种金属材料": "SEI3", "特种材料": "SEI3",
}

# Words that say what is made or done in general (金属加工: 加工), which a term and a class
# name share without sharing an industry.
GENERIC_WORDS = {"加工", "制品", "制造", "产品", "设备", "材料", "服务", "工业", "产业"}

# The rule table: the code of a term that is neither curated nor plausibly classified, by
# the words in it. The longest word found wins (精细化工 over 化工); between words of one
# length, the one listed first (航空物流 is logistics: the services come first).
RULE_CODES = {
    # Services: what is done decides (航空物流, 煤机维修, 中藏药研发).
    "物流": "59", "仓储": "59", "储运": "59", "中转": "58", "贸易": "51", "商贸": "51",
    "边贸": "51", "展览": "72", "展示": "51", "批发": "51", "维修": "43", "研发": "73", "孵化": "7540",
    "会展": "72", "商务": "72", "仲裁": "72", "总部": "7211", "服务外包": "65",
    "旅游": "786", "观光": "786", "度假": "786", "租赁": "71", "金融": "J",
    "互联网": "64", "大数据": "659", "云计算": "659", "软件": "65", "数据信息": "65",
    "动漫": "657", "地理信息": "744", "航运": "55", "检测": "745", "科技服务": "SEI9",
    "环保服务": "77", "水处理": "7721", "农业服务": "05",
    # Food and farm products (13-16).
    "农产品": "13", "农副产品": "13", "农林产品": "13", "农畜林产品": "13", "畜产品": "13",
    "海产品": "136", "水产": "136", "粮油": "13", "油脂": "133", "饲料": "132",
    "肉制品": "1353", "乳制品": "144", "乳产品": "144", "茶": "1530", "酿造": "15",
    "酿酒": "151", "白酒": "151", "啤酒": "151", "饮料": "15", "矿泉": "1522",
    "酵母": "149", "精制盐": "1494", "食品": "14", "卷烟": "1620",
    # Textiles, apparel, leather (17-19).
    "纺织": "17", "棉纺": "171", "毛纺": "172", "绒纺": "17", "色纺": "17", "丝绸": "17",
    "柞蚕": "17", "针织": "176", "印染": "17", "羊绒": "17", "面料": "17", "家纺": "177",
    "服装": "18", "服饰": "18", "泳装": "18", "毛衫": "18", "鞋": "195", "皮革": "19",
    "皮具": "19", "箱包": "19", "皮毛": "19", "毛皮": "19", "皮制品": "19", "羽绒": "194",
    # Wood, furniture, paper, printing, crafts and sports goods (20-24).
    "木材": "20", "木制品": "20", "木竹": "20", "竹制品": "20", "木器": "20", "木业": "20",
    "林木": "20", "森工": "20", "林产": "20", "人造板": "202", "密度板": "2022",
    "林板": "20", "家具": "21", "家居": "21",
    "造纸": "22", "纸制品": "223", "浆纸": "22", "林纸": "22", "绝缘纸": "22",
    "印刷": "23", "彩印": "23",
    "文具": "2411", "乐器": "242", "工艺": "243", "雕刻": "2431", "根雕": "2431",
    "珠宝": "2438", "首饰": "2438", "珍珠": "2438", "玉石": "2431", "宝石": "2438",
    "水晶": "2431", "地毯": "2437", "藏毯": "2437", "刺绣": "2436", "体育器材": "244",
    "体育用品": "244", "健身器材": "244", "玩具": "245", "文体用品": "24", "游艺": "246",
    "休闲用品": "24", "文教体娱": "24",
    # Fuels, chemicals, pharmaceuticals, fibres, rubber and plastics (25-29).
    "焦化": "252", "炼焦": "2521", "煤焦": "252", "炼化": "251", "炼油": "251",
    "石油加工": "251", "油气加工": "251", "油母页岩": "25", "核燃料": "2530",
    "化工": "26", "化学": "26", "盐化": "26", "精细化工": "266", "林产化工": "2663",
    "林化工": "2663", "日化": "268",
    "化妆品": "268", "日用化工": "268", "洗漱": "268", "有机肥": "262", "化肥": "262",
    "炸药": "267", "烟花": "2672", "制冷剂": "26", "气雾剂": "26", "有机硅": "26",
    "碳酸锰": "2613",
    "医药": "27", "制药": "27", "药品": "27", "中药": "27", "藏药": "27", "三七": "2730",
    "化纤": "28",
    "橡胶": "29", "塑料": "29", "橡塑": "29", "塑材": "292", "合成革": "292", "模塑": "29",
    "硅胶": "291", "高分子": "265", "复合材料": "265",
    # Non-metallic mineral products (30).
    "建材": "30", "水泥": "30", "玻璃": "304", "陶瓷": "307", "石材": "303",
    "混凝土": "3021", "耐火": "308", "石墨": "309", "碳素": "3091", "金刚石": "3099",
    "硅藻土": "3099", "碳酸钙": "30",
    # Metals (31-33).
    "钢": "31", "钢铁": "31", "铁合金": "3140", "特钢": "31", "不锈钢": "31", "冶金": "31",
    "不锈": "31",
    "铝": "32", "铜": "32", "镁": "32", "镍": "32", "铅": "32", "有色": "32",
    "有色冶金": "32", "再生铜": "321", "再生铝": "321", "再生铅": "321",
    "贵金属": "322", "黄金": "32", "稀土": "323", "钛材": "3254", "电解锰": "32",
    "五金": "33", "铸造": "339", "铸锻": "33", "粉末冶金": "3393", "管件": "33",
    "丝网": "3340", "厨具": "3381", "水暖": "3352", "消防": "3353",
    # Machinery, equipment and vehicles (34-37).
    "机械": "34", "机床": "342", "泵阀": "344", "阀门": "344", "液压": "3444",
    "轴承": "345", "电梯": "3435", "升降": "3435", "紧固件": "3482", "通用零部件": "34",
    "密封": "34", "采暖": "34",
    "通用装备": "34", "数控": "342", "风电装备": "3415",
    "专用设备": "35", "专业设备": "35", "涉农装备": "357", "重车": "36", "工程机械": "351", "矿山机械": "351",
    "矿山装备": "351", "矿业装备": "351", "冶金机械": "3516", "冶金装备": "3516",
    "石油机械": "3512", "模具": "3525", "食品机械": "353", "农机": "357",
    "农业装备": "357", "医疗器械": "358", "医疗设备": "358", "眼镜": "3587",
    "环保设备": "359", "环保装备": "359",
    "汽车": "36", "汽配": "3670", "汽摩": "36", "专用车": "36", "特种车": "36",
    "卡车": "36", "车辆": "36", "新能源汽车": "3612", "电动车": "3612",
    "轨道交通": "371", "船舶": "373", "造船": "373", "游艇": "373", "海工": "3737",
    "海洋装备": "3737", "航空": "374", "航天": "374", "摩托车": "375", "自行车": "3761",
    "交通设备": "37", "交通装备": "37", "运输设备": "37",
    # Electrical, electronic, instruments (38-40).
    "电气": "38", "电器": "38", "电机": "381", "输变电": "382", "输配电": "382",
    "电网": "382", "电线": "383", "电缆": "383", "电池": "384", "家电": "385",
    "照明": "387", "光源": "387", "光伏": "3825",
    "电子": "39", "光电": "39", "光通讯": "39", "微电子": "39", "半导体": "397",
    "集成电路": "3973", "显示": "3974", "激光": "3976", "电声": "3984", "计算机": "391",
    "仪器": "40", "仪表": "40", "钟表": "4030", "自动化": "401",
    # Recycling, utilities, mining.
    "再生": "42", "循环利用": "42", "资源综合利用": "42", "拆解": "42",
    "电力": "44", "热电": "4412", "水电": "4413", "煤电": "4411", "风电": "4415",
    "园艺": "014", "育种": "0511",
    "煤炭": "06", "铁矿": "08", "铁精粉": "08", "锡矿": "09", "页岩气": "07", "采矿": "B",
    "高岭土": "10",
    # Strategic emerging industries.
    "新材料": "SEI3", "新能源": "SEI6", "清洁能源": "SEI6", "绿色能源": "SEI6",
    "节能": "SEI7", "环保": "SEI7", "环境科技": "SEI7", "生物工程": "SEI4",
    "生物科技": "SEI4", "生物技术": "SEI4", "海洋生物": "SEI4",
}


def load_codes():
    """({GB/T 4754-2017 code: (name, note)} with the strategic domains, {codes the app's
    taxonomy lists})."""
    with open(GBT_PATH, encoding="utf-8") as f:
        gbt = {e["code"]: (e["name_zh"], e["note_zh"]) for e in json.load(f)["entries"]}
    gbt.update({code: (name, "") for code, name in SEI_DOMAINS.items()})
    with open(TAXONOMY_PATH, encoding="utf-8") as f:
        app = {e["code"] for e in json.load(f)["entries"]}
    return gbt, app


def app_code(code, gbt, app, errors, notes, what):
    """The code as shipped: "" stays ""; a code GB/T 4754-2017 lacks is an error; one the
    app's taxonomy lacks becomes its nearest ancestor the app lists (2530 → 25)."""
    if not code:
        return ""
    if code not in gbt:
        errors.append(f"{what}: {code} is no GB/T 4754-2017 code or strategic domain")
        return ""
    for n in range(len(code), 1, -1):
        if code[:n] in app:
            if n < len(code):
                notes.add(f"{code} {gbt[code][0]} → {code[:n]} (the app lists no {code})")
            return code[:n]
    if code in app:  # a section (J)
        return code
    errors.append(f"{what}: neither {code} nor an ancestor is in the app's taxonomy")
    return ""


def plausible(term, code, gbt):
    """The words (two characters, not GENERIC_WORDS) the term shares with the class's
    Chinese name or note: empty when the classifier's code is implausible (金属加工 in
    蔬菜、菌类、水果和坚果加工 shares only 加工)."""
    name, note = gbt.get(code, ("", ""))
    text = name + "\n" + note
    words = {term[i:i + 2] for i in range(len(term) - 1)}
    return sorted(w for w in words if w not in GENERIC_WORDS and w in text)


def rule_word(term):
    """The RULE_CODES word that codes the term: the longest in it, then the first listed;
    None when there is none."""
    hits = [(-len(w), k, w) for k, w in enumerate(RULE_CODES) if w in term]
    return min(hits)[2] if hits else None


def split_terms(text):
    """Leading-industry items of one row: split on 、 (and ，,;；), trimmed; a stray full
    stop (食品.) is a typo of the catalogue and dropped."""
    out = []
    for t in re.split(r"[、，,;；]", text):
        t = t.strip().rstrip(".。").strip()
        if t:
            out.append(t)
    return out


def listing(items):
    """a and b; a, b and c; a list whose last item has its own "and" ends with a comma
    (metallurgy, casting and forging)."""
    if len(items) == 1:
        return items[0]
    last = ", " if " and " in items[-1] else " and "
    return ", ".join(items[:-1]) + last + items[-1]


def compose(term):
    """English for a term made of WORDS, or None. Parts joined by 及/和/与 are named one
    by one (a part may also be curated) and listed; inside a part, things or heads in a
    row are listed (铝铜 aluminium and copper, 加工制造 processing and manufacturing), and
    the groups follow each other (钢铁 + 制品 steel products, 绿色 + 食品 green food)."""
    if term in WORDS:
        return WORDS[term][0].upper() + WORDS[term][1:]
    parts = [p for p in re.split("[及和与]", term) if p]
    if len(parts) > 1:
        done = [CURATED.get(p) or MISCLASSIFIED.get(p) or compose(p) for p in parts]
        if not all(done):
            return None
        en = listing([d if k == 0 else d[0].lower() + d[1:] for k, d in enumerate(done)])
        return en[0].upper() + en[1:]
    words, i = [], 0
    longest = max(len(w) for w in WORDS)
    while i < len(term):
        for n in range(min(longest, len(term) - i), 0, -1):
            if term[i:i + n] in WORDS:
                words.append(term[i:i + n])
                i += n
                break
        else:
            return None

    def kind(w):
        return "head" if w in HEADS else "qualifier" if w in QUALIFIERS else "thing"

    groups = []  # [kind, [English]]
    for w in words:
        if groups and groups[-1][0] == kind(w) != "qualifier":
            groups[-1][1].append(WORDS[w])
        else:
            groups.append([kind(w), [WORDS[w]]])
    en = " ".join(listing(g) for _k, g in groups)
    return en[0].upper() + en[1:]


def classify(terms):
    """Run the classify_terms example over the terms: {term: (code, en, confidence)} and
    the app's CLASSIFICATION_FLOOR."""
    proc = subprocess.run(
        ["cargo", "run", "--quiet", "--release", "--example", "classify_terms"],
        cwd=ROOT, input="\n".join(terms) + "\n", capture_output=True, text=True, check=True)
    lines = proc.stdout.splitlines()
    key, floor = lines[0].split("\t")
    assert key == "#floor", lines[0]
    out = {}
    for line in lines[1:]:
        term, code, en, _zh, conf = line.split("\t")
        out[term] = (code, en, float(conf))
    assert set(out) == set(terms), "the classifier skipped terms"
    return out, float(floor)


def name_industries(counts):
    """[(zh, en, code, how, source, confidence)], sorted by descending count, then by zh.
    how says where the English comes from (curated, corrected, taxonomy or rule), source
    where the code comes from (hand: CODES; classifier; fixed: FIXES; rule: RULE_CODES;
    none). See the module docstring. Prints the classifier codes the guard rejects; stops
    on a hand code that GB/T 4754-2017 or the app's taxonomy does not know."""
    terms = sorted(counts, key=lambda t: (-counts[t], t))
    classes, floor = classify(terms)
    gbt, app = load_codes()
    errors, notes = [], set()
    named = set(CURATED) | set(MISCLASSIFIED)
    errors += [f"CODES has no code for the curated term {t}" for t in sorted(named - set(CODES))]
    errors += [f"CODES[{t}]: not a curated term" for t in sorted(set(CODES) - named)]
    errors += [f"FIXES[{t}]: not a term of the catalogue, or curated" for t in FIXES
               if t not in counts or t in named]
    shipped = {}
    for table, label in ((CODES, "CODES"), (FIXES, "FIXES"), (RULE_CODES, "RULE_CODES")):
        for key, code in table.items():
            shipped[(label, key)] = app_code(code, gbt, app, errors, notes, f"{label}[{key}]")
    out, unnamed, rejected = [], [], []
    for t in terms:
        code, class_en, conf = classes[t]
        sure = bool(code) and conf >= floor
        if t in CODES:
            en, how = (CURATED[t], "curated") if t in CURATED else (MISCLASSIFIED[t], "corrected")
            out.append((t, en, shipped[("CODES", t)], how, "hand", conf))
            continue
        # The guard: the classifier's code only when the term and the class share a word.
        taken = ""
        if sure:
            if plausible(t, code, gbt):
                taken = code
            else:
                rejected.append((t, code, gbt.get(code, ("?",))[0], conf))
        if t in FIXES:
            final, source = shipped[("FIXES", t)], "fixed"
        elif taken:
            final, source = taken, "classifier"
        else:
            word = rule_word(t)
            final = shipped[("RULE_CODES", word)] if word else ""
            source = "rule" if final else "none"
        # English: the class's name only for the class the term is coded in.
        if taken and final == taken:
            en, how = class_en, "taxonomy"
        elif compose(t):
            en, how = compose(t), "rule"
        else:
            unnamed.append(t)
            continue
        out.append((t, en, final, how, source, conf))
    errors += [f"{t}: code {c} is not in the app's taxonomy" for t, _en, c, *_r in out
               if c and c not in app]
    for note in sorted(notes):
        print("code shipped as its ancestor:", note)
    print(f"classifier codes rejected by the guard (no word shared with the class), {len(rejected)}:")
    for t, code, name, conf in rejected:
        print(f"  {t}\t{code} {name} ({conf:.2f})")
    if errors:
        for e in errors:
            print("error:", e, file=sys.stderr)
        raise SystemExit(f"{len(errors)} errors in the industry codes")
    if unnamed:
        raise SystemExit(f"no English for the industry terms {unnamed}: add words to WORDS")
    return out


# ---------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------

def approved(text):
    """1994.08 → 1994-08; A/B → A/B each converted; empty stays empty."""
    if not text:
        return ""
    out = []
    for part in text.split("/"):
        m = re.fullmatch(r"(\d{4})\.(\d{1,2})", part.strip())
        assert m, f"approval date {text!r}"
        out.append(f"{m.group(1)}-{int(m.group(2)):02d}")
    return "/".join(out)


def area(text):
    """The area as printed; the CSV writes whole hectares as 3980.0, the catalogue 3980."""
    if not text:
        return ""
    float(text)
    return text[:-2] if text.endswith(".0") else text


def ascii_printable(s):
    return all(0x20 <= ord(c) < 0x7F for c in s)


def tsv_line(fields):
    """One line of the asset; no field may hold a tab or a line break (there is no
    quoting)."""
    for f in fields:
        assert not re.search(r"[\t\r\n]", f), fields
    return "\t".join(fields)


def fetch_pypinyin(tmp):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, PYPINYIN],
                   check=True)
    for wheel in os.listdir(tmp):
        if wheel.endswith(".whl"):
            with zipfile.ZipFile(os.path.join(tmp, wheel)) as z:
                z.extractall(os.path.join(tmp, "x"))
    sys.path.insert(0, os.path.join(tmp, "x"))
    from pypinyin import lazy_pinyin  # noqa: E402
    return lazy_pinyin


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_INPUT
    with open(src, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))

    counts = collections.Counter(t for r in rows for t in split_terms(r["industries"]))
    industries = name_industries(counts)
    index = {zh: i for i, (zh, *_rest) in enumerate(industries)}

    with tempfile.TemporaryDirectory() as tmp:
        names = Names(fetch_pypinyin(tmp), rows)
        english = [names.english(r["name"], r["province"]) for r in rows]
    # Different places that read the same (抚州 and 福州 are both Fuzhou): the province
    # tells them apart.
    readings = collections.defaultdict(set)
    for r, en in zip(rows, english):
        readings[en].add(r["name"])
    for k, r in enumerate(rows):
        if len(readings[english[k]]) > 1:
            province = next(en for zh, en in PROVINCES.items() if r["province"].startswith(zh))
            english[k] += f" ({province})"

    assert len(set(english)) == len(rows), "two zones with the same English name"

    lines = [tsv_line(["#zonematch-catalogue", "1"]), tsv_line(["#source", SOURCE]),
             tsv_line(["#as_of", AS_OF]), tsv_line(["#industries", str(len(industries))])]
    for zh, en, code, *_rest in industries:
        assert ascii_printable(en), (zh, en)
        lines.append(tsv_line([zh, en, code]))
    lines.append(tsv_line(["#zones", str(len(rows))]))
    for r, en in zip(rows, english):
        assert r["level"] in LEVELS and r["kind"] in KINDS, r
        assert ascii_printable(en), (r["name"], en)
        seen = []
        for t in split_terms(r["industries"]):
            if index[t] not in seen:
                seen.append(index[t])
        fields = [r["code"], r["name"], en, r["province"], r["level"], r["kind"],
                  r["category_cn"], approved(r["approved"]), area(r["area_ha"]),
                  ",".join(map(str, seen)), r["catalogue_seq"]]
        lines.append(tsv_line(fields))

    # The codes the asset had before, to report what changed.
    before = {}
    if os.path.exists(OUTPUT):
        with open(OUTPUT, encoding="utf-8") as f:
            old = f.read().split("\n")
        if len(old) > 3 and old[3].startswith("#industries\t"):
            for line in old[4:4 + int(old[3].split("\t")[1])]:
                zh, _en, code = line.split("\t")
                before[zh] = code
    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    with open(OUTPUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")

    # Report: counts, how the industries were named, and samples to check by eye.
    by_kind = collections.Counter((r["level"], r["kind"]) for r in rows)
    print(f"{OUTPUT}: {len(rows)} zones, {len(industries)} industry terms")
    print("zones by level/kind:", dict(sorted(by_kind.items())))
    print("industry names:", dict(collections.Counter(i[3] for i in industries)))
    print("industry codes:", dict(collections.Counter(i[4] for i in industries)))
    print("with a code:", sum(1 for i in industries if i[2]), "of", len(industries))
    changed = [(zh, before[zh], code) for zh, _en, code, *_r in industries
               if zh in before and before[zh] != code]
    print(f"codes changed from the previous asset: {len(changed)}")
    for zh, was, now in changed:
        print(f"  {zh}\t{was or '-'} → {now or '-'}")
    print("40 random zone names:")
    for r, en in random.Random(2018).sample(list(zip(rows, english)), 40):
        print(f"  {r['name']}\t{en}")


if __name__ == "__main__":
    main()
