#!/usr/bin/env python3
"""Write tests/golden/catalogue.json: the fixed test catalogue (the 7 demo zones plus 9
invented test zones with overlapping clusters) and the golden prospect descriptions, in
the app's own export format. Each prospect carries "expect": the zone ids a recruiter
should see first (any one of them counts as correct). The app ignores that field.

The invented zones are test fixtures, not facts about real places.
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
]

# (id, name, industry/products, extra fields, expected zone ids)
CASES = [
    # Batteries and NEV
    ("g001", "某电池企业", "21700圆柱动力电池", {"factory_m2": 20000}, ["gaoping-etdz", "t-hefei-nev"]),
    ("g002", "Battery Co., Ltd.", "Li-ion battery cells for EVs", {}, ["gaoping-etdz", "t-hefei-nev"]),
    ("g003", "宁德某锂电有限公司", "锂电池电芯 PACK", {}, ["gaoping-etdz", "t-hefei-nev"]),
    ("g004", "代号·北极星", "新能源汽车整车", {"investment_wan": 100000, "land_mu": 600}, ["t-hefei-nev", "yuncheng-etdz"]),
    ("g005", "EV Motors Inc.", "electric vehicle e-drive motor controllers", {"investment_wan": 60000, "land_mu": 100}, ["t-hefei-nev"]),
    ("g006", "某汽配集团", "汽车零部件 车灯 座椅", {}, ["yuncheng-etdz"]),
    ("g007", "Auto Parts Group", "automotive parts, seats and lamps", {}, ["yuncheng-etdz"]),
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


def main():
    demo = json.load(open("src/demo/zones.json", encoding="utf-8"))
    prospects = []
    for pid, name, text, extra, expect in CASES:
        if not expect:
            continue  # a case with no right answer is covered by the hard-limit tests
        p = {"id": pid, "name": name, "industry": text, "products": "", "stage": "lead",
             "created": "2026-11-27T00:00:00Z", "expect": expect}
        p.update(extra)
        prospects.append(p)
    out = {"format": "zonematch", "schema_version": 2, "exported_at": "2026-11-27T00:00:00Z",
           "zones": demo + TEST_ZONES, "prospects": prospects}
    with open("tests/golden/catalogue.json", "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
    print(f"{len(out['zones'])} zones, {len(prospects)} prospects")


if __name__ == "__main__":
    main()
