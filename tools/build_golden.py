#!/usr/bin/env python3
"""Write tests/golden/catalogue.json: the fixed test catalogue (the 7 demo zones plus 15
invented test zones with overlapping clusters) and the golden prospect descriptions, in
the app's own export format. Each prospect carries fields the app ignores:
- "expect": the zone ids a recruiter should see first (any one of them counts as correct);
- "kind": how the description is written: "general" (the first 89 cases), or one of the
  six ways people really write (issue 7): "traditional" (traditional characters),
  "pinyin" (a character replaced by one with the same toneless pinyin), "typo" (English
  misspellings and transposed letters), "jargon" (abbreviations and trade jargon),
  "partial" (a specific head word of a longer chain-link term), "false_friend" (a word
  that contains another industry's word; the longest known term must win);
- "split": "tune" or "holdout", alternately within each kind in the order below, so that
  every kind is in both halves: tune the engine on one half, report the other;
- "avoid" (false friends): zones that must NOT rank first (never in "expect");
- "twin": the id of a case with the same description in simplified characters, which
  should rank the zones the same way.

The invented zones and the new descriptions are test fixtures written for this file, not
facts about real places or companies.
Run: python3 tools/build_golden.py
"""
import json


def T(zh, en=""):
    return {"zh": zh, "en": en}


def link(zh, en, kw, codes, status="present", stage="midstream"):
    return {"name": T(zh, en), "stage": stage, "status": status, "keywords": kw, "codes": codes}


def cluster(zh, en, kw, codes, links=()):
    return {"name": T(zh, en), "keywords": kw, "codes": codes, "links": list(links)}


def zone(zid, zh, en, kind, loc, clusters, factory=None, land=None, min_inv=None, intensity=None,
         incentives=(), cap=None, regions=(), restricted=()):
    return {
        "id": zid, "name": T(zh, en), "kind": kind, "location": T(loc),
        "summary": T("测试用园区（虚构）", "Test zone (invented)"),
        "clusters": clusters,
        "factory": {"planned_m2": None, "built_m2": None, "occupancy_pct": None, "available_m2": factory},
        "land_available_mu": land, "min_investment_wan": min_inv, "min_intensity_wan_per_mu": intensity,
        "restricted": list(restricted), "incentives": list(incentives), "incentive_cap_wan": cap,
        "target_regions": [T(r) for r in regions], "as_of": "2026-11", "source": "test fixture",
    }


def incentive(zh, en, cat, max_wan=None, factory=False, land=False, min_inv=None):
    return {"name": T(zh, en), "category": cat, "max_wan": max_wan, "requires_factory": factory,
            "requires_land": land, "min_investment_wan": min_inv}


TEST_ZONES = [
    zone("t-suzhou-ic", "测试·苏州集成电路产业园", "Test Suzhou IC Park", "high_tech", "江苏苏州", [
        cluster("集成电路", "Integrated circuits", ["芯片", "半导体", "semiconductor", "chips"], ["397", "SEI1"], [
            link("芯片设计", "IC design", ["IC设计", "fabless", "chip design"], ["6520"], stage="upstream"),
            link("晶圆制造", "Wafer fabrication", ["晶圆", "wafer", "fab"], ["3973"]),
            link("先进封装测试", "Advanced packaging and test", ["封测", "封装", "OSAT", "packaging"], ["3973"], status="wanted"),
            link("半导体设备", "Semiconductor equipment", ["刻蚀", "光刻", "semiconductor equipment"], ["356"], status="wanted", stage="upstream"),
        ]),
    ], factory=80000, min_inv=20000, regions=["长三角"],
        incentives=[incentive("流片补贴", "Tape-out subsidy", "subsidy", 500), incentive("厂房租金减免", "Rent relief", "subsidy", 300, factory=True)], cap=3000),
    zone("t-hefei-nev", "测试·合肥新能源汽车产业园", "Test Hefei NEV Park", "economic_technological", "安徽合肥", [
        cluster("新能源汽车", "New-energy vehicles", ["电动汽车", "NEV", "EV", "electric vehicle"], ["3612", "SEI5"], [
            link("整车制造", "Vehicle assembly", ["整车", "vehicle assembly"], ["3612"], stage="downstream"),
            link("动力电池", "Power batteries", ["电芯", "锂电池", "battery cells", "lithium battery"], ["3841"]),
            link("电驱电控", "E-drive and controls", ["电驱", "电机控制器", "e-drive", "motor controller"], ["381"], status="wanted"),
            link("汽车芯片", "Automotive chips", ["车规级芯片", "automotive chips"], ["3973"], status="wanted", stage="upstream"),
        ]),
    ], land=800, min_inv=50000, intensity=400, regions=["长三角", "京津冀"],
        incentives=[incentive("固定资产投资奖励", "Fixed-asset investment reward", "reward", 5000, min_inv=50000), incentive("土地出让优惠", "Land price concession", "support", 2000, land=True)], cap=10000),
    zone("t-ordos-energy", "测试·鄂尔多斯新能源基地", "Test Ordos New Energy Base", "other", "内蒙古鄂尔多斯", [
        cluster("光伏", "Photovoltaics", ["光伏", "太阳能", "solar", "PV", "photovoltaic"], ["3825", "SEI6"], [
            link("硅料硅片", "Polysilicon and wafers", ["多晶硅", "硅片", "polysilicon", "silicon wafer"], ["3985"], stage="upstream"),
            link("光伏组件", "Solar modules", ["组件", "电池片", "solar modules", "solar cells"], ["3825"]),
        ]),
        cluster("储能与氢能", "Storage and hydrogen", ["储能", "氢能", "energy storage", "hydrogen"], ["SEI6"], [
            link("储能系统集成", "Storage system integration", ["储能电站", "PCS", "BMS", "储能变流器"], ["382"], status="wanted"),
            link("电解水制氢", "Electrolytic hydrogen", ["电解槽", "制氢", "electrolyser", "green hydrogen"], ["SEI6"], status="wanted"),
        ]),
    ], land=3000, regions=["京津冀"]),
    zone("t-taiyuan-materials", "测试·太原新材料产业园", "Test Taiyuan New Materials Park", "economic_technological", "山西太原", [
        cluster("新材料", "New materials", ["新材料", "advanced materials", "new materials"], ["SEI3"], [
            link("碳纤维复合材料", "Carbon-fibre composites", ["碳纤维", "复合材料", "carbon fiber", "composites"], ["SEI3", "28"]),
            link("镁铝合金", "Magnesium and aluminium alloys", ["镁合金", "铝合金", "magnesium alloy", "aluminium alloy"], ["325"]),
            link("特种钢材", "Special steel", ["不锈钢", "特钢", "stainless steel", "special steel"], ["31"]),
        ]),
    ], factory=30000, land=400, regions=["京津冀", "山西"]),
    zone("t-jinzhong-food", "测试·晋中农产品加工园", "Test Jinzhong Agri-food Park", "demonstration", "山西晋中", [
        cluster("农产品加工", "Agri-food processing", ["食品", "农产品", "food", "agri-food"], ["13", "14"], [
            link("杂粮加工", "Coarse grain processing", ["杂粮", "小米", "燕麦", "grains", "oats"], ["131"]),
            link("肉制品加工", "Meat processing", ["肉制品", "屠宰", "meat"], ["135"]),
            link("功能饮品", "Functional drinks", ["饮料", "沙棘汁", "果汁", "juice", "beverages"], ["1523"], status="wanted"),
        ]),
    ], factory=15000, land=200, regions=["京津冀"]),
    zone("t-chengdu-bio", "测试·成都生物医药城", "Test Chengdu Biomedicine City", "high_tech", "四川成都", [
        cluster("生物医药", "Biomedicine", ["生物医药", "医药", "biomedicine", "pharma"], ["27", "SEI4"], [
            link("疫苗与抗体", "Vaccines and antibodies", ["疫苗", "单抗", "抗体", "vaccines", "antibodies"], ["2762"]),
            link("创新药研发外包", "CRO/CDMO", ["CRO", "CDMO", "研发外包", "临床试验"], ["7340"], status="wanted", stage="upstream"),
            link("高端医疗器械", "Medical devices", ["医疗器械", "影像设备", "medical devices"], ["358"], status="wanted"),
        ]),
    ], factory=50000, min_inv=5000, regions=["粤港澳大湾区", "成渝"], restricted=["26", "化工"],
        incentives=[incentive("研发投入补助", "R&D subsidy", "subsidy", 1000), incentive("GMP厂房租金补贴", "GMP plant rent subsidy", "subsidy", 800, factory=True)], cap=2000),
    zone("t-dongguan-electronics", "测试·东莞电子信息产业园", "Test Dongguan Electronics Park", "other", "广东东莞", [
        cluster("电子信息制造", "Electronics manufacturing", ["电子", "消费电子", "electronics", "consumer electronics"], ["39"], [
            link("印制电路板", "Printed circuit boards", ["PCB", "PCBA", "线路板", "circuit boards"], ["3982"]),
            link("智能终端", "Smart devices", ["手机", "平板", "可穿戴", "smartphones", "wearables"], ["396"]),
            link("电子元器件", "Electronic components", ["电容", "电感", "连接器", "connectors", "capacitors"], ["398"]),
        ]),
    ], factory=8000, regions=["粤港澳大湾区"]),
    zone("t-tangshan-equipment", "测试·唐山高端装备园", "Test Tangshan Equipment Park", "economic_technological", "河北唐山", [
        cluster("高端装备制造", "High-end equipment", ["装备制造", "智能装备", "equipment"], ["SEI2", "34", "35"], [
            link("工业机器人", "Industrial robots", ["机器人", "机械臂", "robots", "robot arm"], ["3491"], status="wanted"),
            link("数控机床", "CNC machine tools", ["机床", "CNC", "machine tools"], ["342"]),
            link("轨道交通装备", "Rail transit equipment", ["轨道交通", "动车组配件", "rail equipment"], ["371"]),
        ]),
    ], factory=20000, land=500, min_inv=10000, regions=["京津冀"]),
    zone("t-datong-compute", "测试·大同算力产业园", "Test Datong Computing Park", "other", "山西大同", [
        cluster("数据中心与算力", "Data centres and computing", ["数据中心", "算力", "云计算", "data center", "cloud"], ["659", "SEI1"], [
            link("智算中心", "AI computing centres", ["智算", "GPU集群", "AI computing"], ["659"]),
            link("服务器制造", "Server manufacturing", ["服务器", "servers"], ["391"], status="wanted"),
        ]),
    ], land=1000, regions=["京津冀"], restricted=["高耗能化工"]),
    # Added for issue 7: zones whose chain links carry longer terms than a prospect names
    # (partial cases), and the real industries of false friends (biomass power,
    # e-commerce, power tools).
    zone("t-zhuzhou-machinery", "测试·株洲通用机械产业园", "Test Zhuzhou General Machinery Park", "economic_technological", "湖南株洲", [
        cluster("通用设备制造", "General equipment", ["通用设备", "general equipment"], ["34"], [
            link("模具", "Moulds and dies", ["moulds", "dies"], ["3525"], status="wanted", stage="upstream"),
            link("压缩机", "Compressors", [], ["3442"]),
            link("泵阀", "Pumps and valves", ["泵", "阀门", "pumps", "valves"], ["344"]),
            link("叉车与搬运设备", "Forklifts and handling equipment", ["叉车", "forklifts"], ["343"], stage="downstream"),
        ]),
    ], factory=25000, land=300, regions=["粤港澳大湾区"]),
    zone("t-baotou-wind", "测试·包头风电装备产业园", "Test Baotou Wind Power Equipment Park", "other", "内蒙古包头", [
        cluster("新能源装备", "New-energy equipment", ["新能源装备", "new energy equipment"], ["SEI6", "341"], [
            link("风电装备", "Wind power equipment", ["风机整机", "wind turbines"], ["3415"], status="wanted"),
            link("输变电装备", "Power transmission equipment", ["变压器", "transformers"], ["382"]),
        ]),
    ], land=600, regions=["京津冀"]),
    zone("t-shiyan-cv", "测试·十堰商用车零部件产业园", "Test Shiyan Commercial Vehicle Parts Park", "economic_technological", "湖北十堰", [
        cluster("商用车零部件", "Commercial-vehicle parts", ["商用车", "commercial vehicles"], ["3670", "361"], [
            link("车桥及底盘部件", "Axles and chassis parts", [], ["3670"], status="wanted"),
            link("变速器", "Transmissions", ["gearboxes"], ["3670"]),
            link("商用车整车", "Commercial-vehicle assembly", ["truck assembly"], ["361"], stage="downstream"),
        ]),
    ], factory=30000, land=400, regions=["长三角"]),
    zone("t-suihua-biomass", "测试·绥化生物质能源产业园", "Test Suihua Biomass Energy Park", "other", "黑龙江绥化", [
        cluster("生物质能", "Biomass energy", ["生物质", "biomass"], ["4417", "SEI6"], [
            link("生物质发电", "Biomass power", ["秸秆发电", "biomass power"], ["4417"]),
            link("生物质成型燃料", "Biomass pellet fuel", ["颗粒燃料", "wood pellets"], ["2542"], status="wanted"),
        ]),
    ], land=500, regions=["京津冀"]),
    zone("t-yiwu-ecommerce", "测试·义乌电子商务产业园", "Test Yiwu E-commerce Park", "other", "浙江义乌", [
        cluster("电子商务", "E-commerce", ["电商", "e-commerce", "online retail"], ["643", "5292"], [
            link("直播电商", "Live-stream commerce", ["直播带货", "live streaming sales"], ["643"], status="wanted"),
            link("跨境电商", "Cross-border e-commerce", ["cross-border e-commerce"], ["5292"]),
            link("电商仓配", "E-commerce fulfilment", ["仓配", "fulfilment"], ["5920"], stage="downstream"),
        ]),
    ], factory=20000, regions=["长三角"]),
    zone("t-yongkang-tools", "测试·永康五金工具产业园", "Test Yongkang Hardware and Tools Park", "other", "浙江永康", [
        cluster("五金工具", "Hardware and tools", ["五金", "hardware", "tools"], ["332", "3465"], [
            link("电动工具", "Power tools", ["电钻", "角磨机", "power tools", "cordless drills"], ["3465"]),
            link("园林工具", "Garden tools", ["割草机", "lawn mowers"], ["3323"]),
            link("手动工具", "Hand tools", ["扳手", "hand tools"], ["3322"]),
        ]),
    ], factory=12000, regions=["长三角"]),
]

# The first cases (kind "general"): (id, name, industry/products, extra fields, expected
# zone ids). g006/g007 also accept the commercial-vehicle parts park added for issue 7.
CASES = [
    # Batteries and NEV
    ("g001", "某电池企业", "21700圆柱动力电池", {"factory_m2": 20000}, ["gaoping-etdz", "t-hefei-nev"]),
    ("g002", "Battery Co., Ltd.", "Li-ion battery cells for EVs", {}, ["gaoping-etdz", "t-hefei-nev"]),
    ("g003", "宁德某锂电有限公司", "锂电池电芯 PACK", {}, ["gaoping-etdz", "t-hefei-nev"]),
    ("g004", "代号·北极星", "新能源汽车整车", {"investment_wan": 100000, "land_mu": 600}, ["t-hefei-nev", "yuncheng-etdz"]),
    ("g005", "EV Motors Inc.", "electric vehicle e-drive motor controllers", {"investment_wan": 60000, "land_mu": 100}, ["t-hefei-nev"]),
    ("g006", "某汽配集团", "汽车零部件 车灯 座椅", {}, ["yuncheng-etdz", "t-shiyan-cv"]),
    ("g007", "Auto Parts Group", "automotive parts, seats and lamps", {}, ["yuncheng-etdz", "t-shiyan-cv"]),
    ("g008", "车芯科技", "车规级芯片", {}, ["t-hefei-nev", "t-suzhou-ic"]),
    ("g009", "某储能公司", "储能变流器 PCS BMS", {"land_mu": 100}, ["t-ordos-energy"]),
    ("g010", "H2 Energy", "green hydrogen electrolyser", {"land_mu": 200}, ["t-ordos-energy"]),
    ("g011", "电动车企业", "纯电动汽车 NEV", {}, ["t-hefei-nev", "yuncheng-etdz"]),
    ("g012", "batery maker", "lithium batteyr cells", {}, ["gaoping-etdz", "t-hefei-nev"]),
    # Semiconductors and electronics
    ("g013", "华芯封测有限公司", "集成电路封测", {}, ["changzhi-htz", "t-suzhou-ic"]),
    ("g014", "OSAT Partner Ltd.", "IC packaging and testing (OSAT)", {}, ["changzhi-htz", "t-suzhou-ic"]),
    ("g015", "某芯片设计公司", "芯片设计 fabless", {"origin": "上海"}, ["t-suzhou-ic"]),
    ("g016", "Wafer Fab Co.", "12-inch wafer fabrication", {"investment_wan": 500000}, ["t-suzhou-ic"]),
    ("g017", "刻蚀装备", "半导体设备 刻蚀机", {}, ["t-suzhou-ic"]),
    ("g018", "光电芯片公司", "光电芯片 LED芯片封装", {}, ["gaoping-etdz"]),
    ("g019", "LED chip maker", "LED chips and lead frames", {}, ["gaoping-etdz"]),
    ("g020", "深圳某电子科技有限公司", "PCB线路板", {"origin": "深圳"}, ["t-dongguan-electronics", "changzhi-htz"]),
    ("g021", "PCB Tech", "printed circuit boards PCBA", {"factory_m2": 5000}, ["t-dongguan-electronics", "changzhi-htz"]),
    ("g022", "智能穿戴", "智能手表 可穿戴设备", {}, ["t-dongguan-electronics", "changzhi-htz"]),
    ("g023", "connector maker", "connectors and capacitors", {}, ["t-dongguan-electronics", "changzhi-htz"]),
    ("g024", "铜箔科技", "电解铜箔 锂电铜箔", {}, ["changzhi-htz"]),
    ("g025", "Copper Foil Corp.", "electrodeposited copper foil", {}, ["changzhi-htz"]),
    ("g026", "锁业有限公司", "智能门锁 指纹锁", {}, ["changzhi-htz"]),
    ("g027", "SmartLock", "smart door locks", {}, ["changzhi-htz"]),
    ("g028", "龙芯生态伙伴", "信创 国产CPU 整机", {}, ["changzhi-htz"]),
    ("g029", "Loongson partner", "domestic CPU PCs (Loongson)", {}, ["changzhi-htz"]),
    ("g030", "服务器厂商", "服务器制造", {}, ["t-datong-compute"]),
    ("g031", "某智算公司", "智算中心 GPU集群 算力租赁", {"land_mu": 300}, ["t-datong-compute"]),
    ("g032", "Cloud DC", "data center and cloud computing", {}, ["t-datong-compute"]),
    ("g033", "ＩＣ封装测试有限公司", "ＩＣ封装", {}, ["changzhi-htz", "t-suzhou-ic"]),
    # Photovoltaics and glass
    ("g034", "晶博光电", "光伏玻璃盖板", {}, ["changzhi-htz"]),
    ("g035", "cover glass maker", "cover glass for phones", {}, ["changzhi-htz"]),
    ("g036", "某光伏组件企业", "光伏组件 电池片", {"land_mu": 300}, ["t-ordos-energy", "changzhi-htz"]),
    ("g037", "Solar Modules Ltd.", "solar modules", {"land_mu": 300}, ["t-ordos-energy", "changzhi-htz"]),
    ("g038", "多晶硅企业", "多晶硅 硅片", {"land_mu": 1000}, ["t-ordos-energy"]),
    ("g039", "PV wafer", "polysilicon wafers for PV", {}, ["t-ordos-energy"]),
    # Biopharma and medical
    ("g040", "百泰药业", "生物制药", {}, ["changzhi-htz", "t-chengdu-bio"]),
    ("g041", "Vaccine Bio Inc.", "vaccines and monoclonal antibodies", {}, ["t-chengdu-bio"]),
    ("g042", "某CRO公司", "CRO 临床试验 研发外包", {}, ["t-chengdu-bio"]),
    ("g043", "医疗器械公司", "医疗器械 影像设备", {"origin": "深圳"}, ["t-chengdu-bio"]),
    ("g044", "biologics CDMO", "biologics CDMO", {}, ["t-chengdu-bio", "changzhi-htz"]),
    ("g045", "中药企业", "中成药 中药饮片", {}, ["changzhi-htz", "t-chengdu-bio"]),
    ("g046", "药业公司", "化学药制剂 仿制药", {}, ["changzhi-htz", "t-chengdu-bio"]),
    ("g047", "Pharma Co", "generic drugs formulations", {}, ["changzhi-htz", "t-chengdu-bio"]),
    # Food and drink
    ("g048", "某豆制品公司", "豆制品加工 豆腐 腐竹", {}, ["wutai-agri"]),
    ("g049", "老陈醋", "山西老陈醋 食醋酿造", {}, ["wutai-agri"]),
    ("g050", "Vinegar Co.", "aged vinegar", {}, ["wutai-agri"]),
    ("g051", "核桃乳饮品", "植物蛋白饮料 核桃乳", {}, ["wutai-agri"]),
    ("g052", "plant milk", "plant protein drinks, soy milk", {}, ["wutai-agri"]),
    ("g053", "零食公司", "休闲零食", {}, ["wutai-agri"]),
    ("g054", "snack maker", "snack foods", {}, ["wutai-agri"]),
    ("g055", "糕点公司", "月饼 糕点", {}, ["wutai-agri"]),
    ("g056", "bakery", "pastries and bread", {}, ["wutai-agri"]),
    ("g057", "杂粮公司", "小米 燕麦 杂粮加工", {}, ["t-jinzhong-food"]),
    ("g058", "meat co", "meat processing", {}, ["t-jinzhong-food"]),
    ("g059", "沙棘饮料", "沙棘汁 果汁饮料", {}, ["t-jinzhong-food"]),
    ("g060", "矿泉水公司", "天然矿泉水", {}, ["daning-park"]),
    ("g061", "Spring Water", "bottled mineral water", {}, ["daning-park"]),
    # Environment, agriculture, tourism
    ("g062", "水务环保", "污水处理 水生态修复", {}, ["linfen-edz"]),
    ("g063", "water tech", "water treatment", {}, ["linfen-edz"]),
    ("g064", "固废公司", "环保 固废处理", {}, ["linfen-edz"]),
    ("g065", "农业科技公司", "农业科技 种子育种", {}, ["linfen-edz"]),
    ("g066", "agritech startup", "agricultural technology", {}, ["linfen-edz"]),
    ("g067", "文旅集团", "文化旅游 景区运营", {}, ["lingchuan-demo"]),
    ("g068", "eco-tourism", "eco-tourism and guesthouses", {}, ["lingchuan-demo"]),
    ("g069", "民宿品牌", "乡村民宿 生态旅游", {}, ["lingchuan-demo"]),
    # Materials and equipment
    ("g070", "碳纤维公司", "碳纤维复合材料", {}, ["t-taiyuan-materials"]),
    ("g071", "Carbon Composites", "carbon fiber composites", {}, ["t-taiyuan-materials"]),
    ("g072", "镁合金", "镁合金压铸", {}, ["t-taiyuan-materials"]),
    ("g073", "stainless", "stainless steel special steel", {}, ["t-taiyuan-materials"]),
    ("g074", "新材料企业", "新材料", {}, ["t-taiyuan-materials", "linfen-edz"]),
    ("g075", "机器人公司", "工业机器人 机械臂", {}, ["t-tangshan-equipment", "changzhi-htz"]),
    ("g076", "Robotics Ltd.", "industrial robots", {}, ["t-tangshan-equipment", "changzhi-htz"]),
    ("g077", "机床厂", "数控机床", {}, ["t-tangshan-equipment"]),
    ("g078", "rail parts", "rail transit equipment", {}, ["t-tangshan-equipment"]),
    ("g079", "CNC maker", "CNC machine toools", {}, ["t-tangshan-equipment"]),
    # Mixed language and noise
    ("g080", "某某（深圳）科技集团股份有限公司", "消费电子 smart devices", {"origin": "深圳"}, ["t-dongguan-electronics", "changzhi-htz"]),
    ("g081", "Shanxi Food Group Co., Ltd.", "陈醋 vinegar 和 soy products", {}, ["wutai-agri"]),
    ("g082", "Hydrogen 能源", "氢能 electrolyser 制氢", {}, ["t-ordos-energy"]),
    # Hard limits and space decide
    ("g083", "化工医药中间体", "化工 医药中间体 原料药", {"factory_m2": 10000}, ["changzhi-htz"]),
    ("g084", "大厂房电子", "电子元器件", {"factory_m2": 50000, "must_have": {"factory": True, "land": False}}, ["changzhi-htz"]),
    ("g085", "big PCB plant", "PCB", {"factory_m2": 40000, "must_have": {"factory": True, "land": False}}, ["changzhi-htz"]),
    ("g086", "储能电池大项目", "储能电池", {"land_mu": 1500, "must_have": {"factory": False, "land": True}}, ["t-ordos-energy"]),
    ("g087", "高耗能化工", "高耗能化工 电石", {}, []),
    ("g088", "疫苗大项目", "疫苗", {"factory_m2": 40000, "investment_wan": 80000}, ["t-chengdu-bio"]),
    ("g089", "小型电池组装", "电池 PACK 组装", {"investment_wan": 3000, "land_mu": 30}, ["gaoping-etdz", "t-hefei-nev"]),
    ("g090", "封测扩产", "先进封装", {"factory_m2": 60000, "investment_wan": 30000, "origin": "苏州"}, ["t-suzhou-ic", "changzhi-htz"]),
]


# Issue 7: how people really write, six kinds, written for this file. Each kind:
# (id, name, industry, products, extra fields, expected zone ids, options); options:
# "avoid" (zones that must not rank first) and "twin" (the simplified-character case).
GZ, HF, CZ, SZ = "gaoping-etdz", "t-hefei-nev", "changzhi-htz", "t-suzhou-ic"
OR, CD, DG, TS = "t-ordos-energy", "t-chengdu-bio", "t-dongguan-electronics", "t-tangshan-equipment"
TY, JZ, WT, YC = "t-taiyuan-materials", "t-jinzhong-food", "wutai-agri", "yuncheng-etdz"
LF, DN, DT = "linfen-edz", "daning-park", "t-datong-compute"
ZZ, BT, SY, SH = "t-zhuzhou-machinery", "t-baotou-wind", "t-shiyan-cv", "t-suihua-biomass"
YW, YK = "t-yiwu-ecommerce", "t-yongkang-tools"
BIO = [CZ, CD]  # the biomedicine zones that 生物… / bio… false friends must not win
NEV = [HF, YC]  # the vehicle zones that 电动… / electric… false friends must not win

KIND_CASES = {
    # Hong Kong / Taiwan writing; "twin" names the same text in simplified characters.
    "traditional": [
        ("tr01", "港資鋰電科技", "鋰離子動力電池模組與電芯", "", {}, [GZ, HF], {}),
        ("tr02", "儲能電池廠", "磷酸鐵鋰儲能電池", "", {}, [GZ, HF, OR], {}),
        ("tr03", "台灣太陽能股份有限公司", "太陽能光電組件", "單晶矽片", {}, [OR, CZ], {}),
        ("tr04", "台商封測", "積體電路封裝測試", "", {}, [CZ, SZ], {}),
        ("tr05", "華芯封測有限公司", "集成電路封測", "", {}, [CZ, SZ], {"twin": "g013"}),
        ("tr06", "刻蝕裝備", "半導體設備 刻蝕機", "", {}, [SZ], {"twin": "g017"}),
        ("tr07", "生技製藥", "生物製藥 單株抗體", "", {}, [CD, CZ], {}),
        ("tr08", "學名藥廠", "醫藥製劑", "學名藥 口服固體製劑", {}, [CZ, CD], {}),
        ("tr09", "醫材公司", "醫療器材 影像設備", "", {"origin": "香港"}, [CD], {}),
        ("tr10", "醬園", "釀造醬油 食醋", "", {}, [WT], {}),
        ("tr11", "老陳醋", "山西老陳醋 食醋釀造", "", {}, [WT], {"twin": "g049"}),
        ("tr12", "豆品廠", "豆製品 豆漿 豆腐乾", "", {}, [WT], {}),
        ("tr13", "Taipei Circuits 電路板", "印刷電路板組裝", "", {"origin": "台北"}, [DG, CZ], {}),
        ("tr14", "電動車企業", "純電動汽車 NEV", "", {}, [HF, YC], {"twin": "g011"}),
        ("tr15", "碳纖維公司", "碳纖維複合材料", "", {}, [TY], {"twin": "g070"}),
        ("tr16", "機器人公司", "工業機器人 機械臂", "", {}, [TS, CZ], {"twin": "g075"}),
        ("tr17", "水務環保", "污水處理 水生態修復", "", {}, [LF], {"twin": "g062"}),
        ("tr18", "鎂合金", "鎂合金壓鑄", "", {}, [TY], {"twin": "g072"}),
        ("tr19", "HK Wearables Ltd.", "智慧手錶 穿戴式裝置", "", {"origin": "香港"}, [DG, CZ], {}),
        ("tr20", "光電晶片", "LED晶片 固晶封裝", "", {}, [GZ], {}),
        ("tr21", "數據中心", "數據中心 雲計算服務", "", {}, [DT], {}),
    ],
    # Pinyin-IME slips: every replaced character has the same toneless pinyin
    # (checked with pypinyin: 扶/伏 fu, 心/芯 xin, 原/源 yuan, 里/锂 li, 侧/测 ce, 要/药 yao,
    # 出/储 chu, 格/隔 ge, 继承/集成 ji cheng, 建/件 jian, 仁/人 ren, 空/控 kong, 促/醋 cu,
    # 全/泉 quan, 点/电 dian, 出/处 chu, 新/芯 xin).
    "pinyin": [
        ("py01", "晶盖光电", "光扶玻璃盖板", "", {}, [CZ], {}),
        ("py02", "动力电池厂", "新能源", "圆柱电心生产线", {}, [GZ, HF], {}),
        ("py03", "某汽车集团", "新能原车整车制造", "", {"land_mu": 500}, [HF, YC], {}),
        ("py04", "里电科技", "里离子电池", "", {}, [GZ, HF], {}),
        ("py05", "某封侧厂", "芯片封侧", "", {}, [CZ, SZ], {}),
        ("py06", "某医要公司", "生物医要研发生产", "", {}, [CZ, CD], {}),
        ("py07", "出能集成商", "出能系统集成", "", {}, [OR, GZ], {}),
        ("py08", "格膜材料", "锂电池格膜", "", {}, [GZ, HF], {}),
        ("py09", "某设计公司", "继承电路设计", "", {"origin": "上海"}, [SZ], {}),
        ("py10", "组件企业", "光伏组建", "", {}, [OR, CZ], {}),
        ("py11", "机器仁科技", "工业机器仁", "", {}, [TS, CZ], {}),
        ("py12", "某机床厂", "数空机床", "", {}, [TS], {}),
        ("py13", "某醋业", "山西食促", "", {}, [WT], {}),
        ("py14", "某水厂", "矿全水灌装", "", {}, [DN], {}),
        ("py15", "Shenzhen Opto Co.", "光点芯片", "", {"origin": "深圳"}, [GZ], {}),
        ("py16", "某环保公司", "污水出理运营", "", {}, [LF], {}),
        ("py17", "某车规芯片公司", "车规级新片", "", {}, [HF, SZ], {}),
        ("py18", "EV Drive 电控", "电机空制器", "", {}, [HF], {}),
    ],
    # English misspellings, transposed letters included, of words in the zones' terms or
    # the taxonomy's English names and synonyms.
    "typo": [
        ("ty01", "Pharma Ltd.", "pharmacuetical formulations", "", {}, [CZ, CD], {}),
        ("ty02", "Cells Co.", "Lithuim-ion battery packs", "", {}, [GZ, HF], {}),
        ("ty03", "Film Tech", "lithium batery seperator film", "", {}, [GZ, HF], {}),
        ("ty04", "IC Pack", "intergrated circuit packaging", "", {}, [CZ, SZ], {}),
        ("ty05", "Sun Co.", "photovoltiac modules", "", {}, [OR, CZ], {}),
        ("ty06", "Storage Inc.", "batery energy storage systems", "", {}, [OR, GZ], {}),
        ("ty07", "Etch Tools", "semicondcutor etching equipment", "", {}, [SZ], {}),
        ("ty08", "Old Vinegar", "aged vineger", "", {}, [WT], {}),
        ("ty09", "Bio Inc.", "monoclonal antibodeis and vacines", "", {}, [CD], {}),
        ("ty10", "EV Drive", "eletric vehicle motor controler", "", {}, [HF], {}),
        ("ty11", "Boards Ltd.", "printed circuit baords", "", {}, [DG, CZ], {}),
        ("ty12", "Soy Foods", "soy prodcuts and tofu", "", {}, [WT], {}),
        ("ty13", "Lock Co.", "smart door lcoks", "", {}, [CZ], {}),
        ("ty14", "Wafer Co.", "polysilicon wafres", "", {}, [OR], {}),
        ("ty15", "Med Co.", "medcial devices and imaging", "", {}, [CD], {}),
        ("ty16", "深圳某半导体公司", "半导体", "semicondutor packagign", {}, [CZ, SZ], {}),
        ("ty17", "Water Co.", "wastewater treatmnet", "", {}, [LF], {}),
        ("ty18", "Steel Tube Co.", "stainles steel tubes", "", {}, [TY], {}),
    ],
    # Trade jargon and abbreviations, mostly with nothing in common with the zone's terms.
    "jargon": [
        ("jg01", "EV maker", "BEV and PHEV passenger cars", "", {}, [HF, YC], {}),
        ("jg02", "某电控企业", "BMS主板", "", {}, [OR, HF, GZ], {}),
        ("jg03", "驱动科技", "e-axle assemblies", "", {}, [HF], {}),
        ("jg04", "储能集成", "utility-scale ESS", "", {"land_mu": 150}, [OR, GZ], {}),
        ("jg05", "某光伏电池企业", "N型TOPCon与HJT", "", {}, [OR, CZ], {}),
        ("jg06", "某原料药企业", "API生产 GMP", "", {}, [CZ, CD], {}),
        ("jg07", "功率半导体", "SiC MOSFET", "", {}, [SZ, GZ, HF], {}),
        ("jg08", "被动元件", "MLCC", "", {}, [DG, CZ], {}),
        ("jg09", "EMS工厂", "SMT贴片加工", "", {"factory_m2": 6000}, [DG, CZ], {}),
        ("jg10", "某CXO", "CXO临床前服务", "", {}, [CD], {}),
        ("jg11", "诊断试剂", "IVD试剂盒", "", {}, [CD, CZ], {}),
        ("jg12", "先进封装", "FCBGA SiP WLCSP", "", {}, [CZ, SZ], {}),
        ("jg13", "某智算", "AIDC 液冷机房", "", {}, [DT], {}),
        ("jg14", "某锂电企业", "锂电 4680大圆柱", "", {}, [GZ, HF], {}),
        ("jg15", "加工中心", "五轴加工中心", "", {}, [TS, CZ], {}),
        ("jg16", "Biosimilars Co.", "mAb biosimilars", "", {}, [CD, CZ], {}),
        ("jg17", "某三电企业", "三电系统", "", {}, [HF], {}),
    ],
    # A specific head word shared with a longer chain-link term (or a link term inside a
    # longer product word): the zone with that link should come first.
    "partial": [
        ("pt01", "精密模具", "精密注塑模具加工", "", {}, [ZZ], {}),
        ("pt02", "冲压模具", "汽车覆盖件冲压模具", "", {}, [ZZ], {}),
        ("pt03", "叶片公司", "风电叶片", "", {}, [BT], {}),
        ("pt04", "塔筒", "海上风电塔筒与法兰", "", {"land_mu": 200}, [BT], {}),
        ("pt05", "HP Compressors", "heat-pump compressors", "", {}, [ZZ], {}),
        ("pt06", "车桥厂", "重卡车桥", "", {}, [SY], {}),
        ("pt07", "Axle Corp.", "drive axles for heavy-duty trucks", "", {}, [SY], {}),
        ("pt08", "某信号公司", "城市轨道交通信号系统", "", {}, [TS], {}),
        ("pt09", "碳纤维车架", "碳纤维自行车车架", "", {}, [TY], {}),
        ("pt10", "沙棘", "沙棘原浆灌装", "", {}, [JZ], {}),
        ("pt11", "Oat Foods", "rolled oat flakes", "", {}, [JZ], {}),
        ("pt12", "某车床厂", "数控车床", "", {}, [TS], {}),
        ("pt13", "某钢管厂", "不锈钢无缝管", "", {}, [TY], {}),
        ("pt14", "Blade Co.", "wind turbine blades", "", {}, [BT], {}),
        ("pt15", "某服务器厂", "AI服务器整机柜", "", {}, [DT], {}),
        ("pt16", "某变速器厂", "AMT变速器总成", "", {}, [SY], {}),
    ],
    # False friends: the description contains another industry's word; the zone of the
    # real industry is expected and the false friend's zone is in "avoid".
    "false_friend": [
        ("ff01", "某热电公司", "农林生物质热电联产", "", {"land_mu": 150}, [SH], {"avoid": BIO}),
        ("ff02", "Green Power Co.", "biomass power plant burning corn stalks", "", {}, [SH], {"avoid": BIO}),
        ("ff03", "某生物质燃料", "生物质颗粒燃料", "", {}, [SH], {"avoid": BIO}),
        ("ff04", "某光伏电池企业", "高效电池片", "", {}, [OR, CZ], {"avoid": [GZ, HF]}),
        ("ff05", "Solar Cells Ltd.", "monocrystalline cells for solar panels", "", {}, [OR, CZ], {"avoid": [GZ, HF]}),
        ("ff06", "某直播公司", "电子商务运营 直播间", "", {}, [YW], {"avoid": [CZ, DG]}),
        ("ff07", "Live Commerce", "electronic commerce, livestream selling", "", {}, [YW], {"avoid": [CZ, DG]}),
        ("ff08", "某工具公司", "锂电电动工具", "", {}, [YK], {"avoid": [GZ] + NEV}),
        ("ff09", "Tools Inc.", "electric power tools and angle grinders", "", {}, [YK], {"avoid": NEV}),
        ("ff10", "某醋酸纤维", "醋酸纤维丝束", "", {}, [TY, LF], {"avoid": [WT]}),
        ("ff11", "某叉车厂", "电动叉车", "", {}, [ZZ, TS], {"avoid": NEV}),
        ("ff12", "可降解材料", "生物降解塑料 PLA", "", {}, [TY, LF], {"avoid": BIO}),
        ("ff13", "某电动工具厂", "电动工具", "", {}, [YK], {"avoid": NEV}),
    ],
}
KINDS = ["general"] + list(KIND_CASES)


def main():
    demo = json.load(open("src/demo/zones.json", encoding="utf-8"))
    zone_ids = {z["id"] for z in demo + TEST_ZONES}
    rows = [(pid, name, text, "", extra, expect, {}, "general", "2026-11-27T00:00:00Z")
            for pid, name, text, extra, expect in CASES]
    for kind, cases in KIND_CASES.items():
        assert len(cases) >= 10, f"{kind}: {len(cases)} cases"
        rows += [c + (kind, "2026-11-29T00:00:00Z") for c in cases]
    prospects, by_id, counts = [], {}, {}
    for pid, name, industry, products, extra, expect, opts, kind, created in rows:
        if not expect:
            continue  # a case with no right answer is covered by the hard-limit tests
        assert pid not in by_id, f"duplicate id {pid}"
        assert set(expect) <= zone_ids, f"{pid}: unknown zone in {expect}"
        avoid = opts.get("avoid", [])
        assert set(avoid) <= zone_ids and not set(avoid) & set(expect), f"{pid}: bad avoid"
        n = counts.get(kind, 0)
        counts[kind] = n + 1
        p = {"id": pid, "name": name, "industry": industry, "products": products,
             "stage": "lead", "created": created, "expect": expect, "kind": kind,
             "split": "tune" if n % 2 == 0 else "holdout"}
        if avoid:
            p["avoid"] = avoid
        if "twin" in opts:
            twin = by_id[opts["twin"]]
            assert all(p.get(k) == twin.get(k) for k in extra), f"{pid}: twin differs in extras"
            assert not {k for k in ("factory_m2", "land_mu", "investment_wan", "origin", "must_have")
                        if k in twin} - set(extra), f"{pid}: twin has other extras"
            p["twin"] = opts["twin"]
        p.update(extra)
        prospects.append(p)
        by_id[pid] = p
    out = {"format": "zonematch", "schema_version": 2, "exported_at": "2026-11-29T00:00:00Z",
           "zones": demo + TEST_ZONES, "prospects": prospects}
    with open("tests/golden/catalogue.json", "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
    halves = {s: sum(p["split"] == s for p in prospects) for s in ("tune", "holdout")}
    print(f"{len(out['zones'])} zones, {len(prospects)} prospects "
          f"({', '.join(f'{k} {counts[k]}' for k in KINDS)}; "
          f"tune {halves['tune']}, holdout {halves['holdout']})")


if __name__ == "__main__":
    main()
