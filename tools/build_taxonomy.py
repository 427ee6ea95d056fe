#!/usr/bin/env python3
"""Build src/taxonomy/taxonomy.json: the bilingual industry taxonomy shipped with the app.

Chinese names come from GB/T 4754-2017 (../shared/data/gbt4754-2017.zh.json, National
Bureau of Statistics of China); English names, everyday synonyms and the mapping to the
2018 strategic emerging industry domains (NBS Order No. 23) are ours. Re-run after
editing the tables below:  python3 tools/build_taxonomy.py ../shared/data/gbt4754-2017.zh.json
"""
import json
import sys

SECTIONS_EN = {
    "A": "Agriculture, forestry, animal husbandry and fishery",
    "B": "Mining",
    "C": "Manufacturing",
    "D": "Electricity, heat, gas and water supply",
    "E": "Construction",
    "F": "Wholesale and retail trade",
    "G": "Transport, storage and postal services",
    "H": "Accommodation and catering",
    "I": "Information transmission, software and IT services",
    "J": "Finance",
    "K": "Real estate",
    "L": "Leasing and business services",
    "M": "Scientific research and technical services",
    "N": "Water conservancy, environment and public facilities management",
    "O": "Resident, repair and other services",
    "P": "Education",
    "Q": "Health and social work",
    "R": "Culture, sports and entertainment",
    "S": "Public administration, social security and social organisations",
    "T": "International organisations",
}

# Division (大类) English names; synonyms where people say something else.
DIVISIONS = {
    "01": ("Agriculture (crop growing)", ["种植", "crops", "farming"]),
    "02": ("Forestry", ["林业", "forest"]),
    "03": ("Animal husbandry", ["养殖", "畜牧", "livestock"]),
    "04": ("Fishery", ["水产养殖", "aquaculture"]),
    "05": ("Support activities for agriculture, forestry, animal husbandry and fishery", ["农业服务", "农业科技"]),
    "06": ("Coal mining and washing", ["煤矿", "coal"]),
    "07": ("Oil and natural gas extraction", ["石油", "天然气", "oil and gas"]),
    "08": ("Mining of ferrous metal ores", ["铁矿", "iron ore"]),
    "09": ("Mining of non-ferrous metal ores", ["有色金属矿"]),
    "10": ("Mining of non-metallic minerals", ["非金属矿"]),
    "11": ("Mining support activities", []),
    "12": ("Other mining", []),
    "13": ("Processing of farm and sideline food products", ["农副食品加工", "农产品加工", "agri-food processing"]),
    "14": ("Food manufacturing", ["食品", "食品加工", "food", "food processing"]),
    "15": ("Manufacture of liquor, beverages and refined tea", ["饮料", "酒", "beverages", "drinks"]),
    "16": ("Tobacco products", ["烟草"]),
    "17": ("Textiles", ["纺织", "textile"]),
    "18": ("Textile garments and apparel", ["服装", "garments", "apparel", "clothing"]),
    "19": ("Leather, fur, feather products and footwear", ["皮革", "制鞋", "shoes", "footwear"]),
    "20": ("Wood processing; wood, bamboo, rattan, palm and straw products", ["木材", "竹制品"]),
    "21": ("Furniture manufacturing", ["家具", "furniture"]),
    "22": ("Paper and paper products", ["造纸", "paper"]),
    "23": ("Printing and reproduction of recording media", ["印刷", "printing"]),
    "24": ("Cultural, educational, arts and crafts, sports and entertainment goods", ["文体用品", "玩具", "toys", "sporting goods"]),
    "25": ("Petroleum, coal and other fuel processing", ["炼油", "焦化", "refining", "coking"]),
    "26": ("Chemical raw materials and chemical products", ["化工", "化学品", "chemicals", "chemical industry"]),
    "27": ("Pharmaceutical manufacturing", ["医药", "制药", "药品", "pharmaceutical", "pharma", "medicine"]),
    "28": ("Chemical fibres", ["化纤", "chemical fibre"]),
    "29": ("Rubber and plastic products", ["橡胶", "塑料", "rubber", "plastics"]),
    "30": ("Non-metallic mineral products", ["建材", "水泥", "玻璃", "陶瓷", "building materials", "glass", "ceramics"]),
    "31": ("Smelting and pressing of ferrous metals", ["钢铁", "steel"]),
    "32": ("Smelting and pressing of non-ferrous metals", ["有色金属", "铝", "铜", "non-ferrous metals", "aluminium", "copper"]),
    "33": ("Metal products", ["金属制品", "metal products"]),
    "34": ("General-purpose equipment", ["通用设备", "机械", "machinery", "general equipment"]),
    "35": ("Special-purpose equipment", ["专用设备", "装备", "special equipment"]),
    "36": ("Automobile manufacturing", ["汽车", "automotive", "automobile", "car"]),
    "37": ("Railway, ship, aerospace and other transport equipment", ["轨道交通", "船舶", "航空航天", "aerospace", "shipbuilding", "rail transit"]),
    "38": ("Electrical machinery and equipment", ["电气", "电机", "electrical equipment"]),
    "39": ("Computers, communication and other electronic equipment", ["电子", "电子信息", "电子设备", "electronics", "electronic equipment"]),
    "40": ("Instruments and meters", ["仪器仪表", "instruments"]),
    "41": ("Other manufacturing", []),
    "42": ("Comprehensive use of waste resources", ["再生资源", "回收利用", "recycling"]),
    "43": ("Repair of metal products, machinery and equipment", ["设备维修", "repair"]),
    "44": ("Electricity and heat production and supply", ["电力", "发电", "power generation", "electricity"]),
    "45": ("Gas production and supply", ["燃气", "gas supply"]),
    "46": ("Water production and supply", ["供水", "water supply"]),
    "47": ("Building construction", ["房屋建筑"]),
    "48": ("Civil engineering construction", ["土木工程"]),
    "49": ("Building installation", []),
    "50": ("Building decoration, renovation and other construction", ["装修", "装饰"]),
    "51": ("Wholesale trade", ["批发", "wholesale", "贸易", "trading"]),
    "52": ("Retail trade", ["零售", "retail"]),
    "53": ("Railway transport", ["铁路运输"]),
    "54": ("Road transport", ["道路运输", "trucking"]),
    "55": ("Water transport", ["水运"]),
    "56": ("Air transport", ["航空运输"]),
    "57": ("Pipeline transport", []),
    "58": ("Multimodal transport and transport agency", ["货代", "freight forwarding"]),
    "59": ("Loading, unloading and warehousing", ["仓储", "物流", "warehousing", "logistics"]),
    "60": ("Postal services", ["快递", "courier", "express delivery"]),
    "61": ("Accommodation", ["酒店", "民宿", "hotel", "lodging"]),
    "62": ("Catering", ["餐饮", "restaurant", "catering"]),
    "63": ("Telecommunications, broadcasting and satellite transmission", ["电信", "telecom"]),
    "64": ("Internet and related services", ["互联网", "internet", "电商平台"]),
    "65": ("Software and information technology services", ["软件", "信息技术服务", "software", "IT services"]),
    "66": ("Monetary and financial services", ["银行", "banking"]),
    "67": ("Capital market services", ["证券", "基金"]),
    "68": ("Insurance", ["保险", "insurance"]),
    "69": ("Other financial services", []),
    "70": ("Real estate", ["房地产", "real estate"]),
    "71": ("Leasing", ["租赁", "leasing"]),
    "72": ("Business services", ["商务服务", "business services"]),
    "73": ("Research and experimental development", ["研发", "R&D", "research"]),
    "74": ("Professional technical services", ["检验检测", "技术服务", "testing"]),
    "75": ("Technology promotion and application services", ["科技推广", "技术转移", "technology transfer"]),
    "76": ("Water conservancy management", ["水利"]),
    "77": ("Ecological protection and environmental governance", ["环保", "生态环境", "环境治理", "environmental protection"]),
    "78": ("Public facilities management", ["市政", "景区"]),
    "79": ("Land management", []),
    "80": ("Resident services", ["家政"]),
    "81": ("Repair of motor vehicles, electronic and daily-use products", ["维修"]),
    "82": ("Other services", []),
    "83": ("Education", ["教育", "培训", "education", "training"]),
    "84": ("Health", ["医疗", "医院", "health care", "hospital"]),
    "85": ("Social work", ["养老", "elderly care"]),
    "86": ("News and publishing", ["出版"]),
    "87": ("Radio, television, film and sound recording", ["影视", "film"]),
    "88": ("Culture and arts", ["文化", "艺术", "culture", "arts"]),
    "89": ("Sports", ["体育", "sports"]),
    "90": ("Entertainment", ["娱乐", "entertainment"]),
    "91": ("Organs of the Communist Party of China", []),
    "92": ("State organs", []),
    "93": ("CPPCC and democratic parties", []),
    "94": ("Social security", []),
    "95": ("Mass and social organisations", []),
    "96": ("Grass-roots self-governing organisations", []),
    "97": ("International organisations", []),
}

# Groups (中类) and classes (小类) that zone clusters and common investment targets need:
# code -> (English name, synonyms, strategic emerging industry domains).
DETAIL = {
    "131": ("Grain milling", ["粮食加工", "面粉", "flour"], []),
    "133": ("Vegetable oil processing", ["食用油", "edible oil"], []),
    "135": ("Slaughtering and meat processing", ["肉类加工", "meat processing"], []),
    "137": ("Vegetable, mushroom, fruit and nut processing", ["果蔬加工", "坚果", "fruit processing"], []),
    "1392": ("Soy products", ["豆制品", "豆腐", "腐竹", "soy products", "tofu"], []),
    "1411": ("Pastries and bread", ["糕点", "面包", "烘焙", "bakery", "pastry", "bread"], []),
    "142": ("Candy, chocolate and preserved fruit", ["糖果", "巧克力", "蜜饯", "candy", "chocolate"], []),
    "143": ("Convenience foods", ["方便食品", "速冻食品", "instant food", "frozen food"], []),
    "1431": ("Rice and flour products", ["米面制品", "面食", "挂面", "noodles"], []),
    "144": ("Dairy products", ["乳制品", "牛奶", "dairy", "milk"], []),
    "1462": ("Soy sauce, vinegar and similar products", ["酱油", "食醋", "醋", "陈醋", "vinegar", "soy sauce"], []),
    "149": ("Other food manufacturing", ["休闲食品", "零食", "snack food", "snacks"], []),
    "1495": ("Food and feed additives", ["食品添加剂", "food additives"], []),
    "151": ("Alcoholic drinks", ["白酒", "啤酒", "葡萄酒", "汾酒", "liquor", "beer", "wine"], []),
    "1522": ("Bottled drinking water", ["矿泉水", "饮用水", "mineral water", "bottled water"], []),
    "1523": ("Fruit and vegetable juices", ["果汁", "juice"], []),
    "1524": ("Milk drinks and plant-protein drinks", ["植物蛋白饮料", "植物蛋白", "豆奶", "核桃乳", "plant protein drinks", "plant-based milk"], []),
    "261": ("Basic chemical raw materials", ["基础化工", "basic chemicals"], []),
    "262": ("Fertilisers", ["化肥", "有机肥", "fertiliser", "fertilizer"], []),
    "265": ("Synthetic materials", ["合成材料", "树脂", "工程塑料", "synthetic resin"], [3]),
    "266": ("Specialty chemicals", ["专用化学品", "精细化工", "fine chemicals", "specialty chemicals"], [3]),
    "268": ("Daily-use chemical products", ["日化", "化妆品", "cosmetics", "detergent"], []),
    "2710": ("Chemical active pharmaceutical ingredients", ["原料药", "API", "active pharmaceutical ingredients"], [4]),
    "2720": ("Chemical drug formulations", ["化学药", "制剂", "仿制药", "generic drugs", "formulations"], [4]),
    "2740": ("Chinese patent medicines", ["中成药", "中药", "traditional chinese medicine", "TCM"], [4]),
    "276": ("Biological drugs and products", ["生物药", "生物制药", "生物医药", "biopharmaceuticals", "biologics"], [4]),
    "2761": ("Biological drugs", ["生物药品", "生物制品", "biological drugs"], [4]),
    "2762": ("Genetic engineering drugs and vaccines", ["疫苗", "基因工程药物", "抗体", "vaccines", "antibodies"], [4]),
    "2770": ("Sanitary materials and medical supplies", ["医用耗材", "敷料", "medical consumables"], [4]),
    "292": ("Plastic products", ["塑料制品", "注塑", "plastic products", "injection moulding"], []),
    "304": ("Glass manufacturing", ["玻璃", "glass"], [3]),
    "3042": ("Special glass", ["特种玻璃", "玻璃盖板", "盖板玻璃", "光伏玻璃", "cover glass", "special glass"], [3]),
    "305": ("Glass products", ["玻璃制品", "glass products"], []),
    "307": ("Ceramic products", ["陶瓷", "ceramics"], []),
    "3079": ("Other ceramic products", ["特种陶瓷", "先进陶瓷", "advanced ceramics"], [3]),
    "309": ("Graphite and other non-metallic mineral products", ["石墨", "碳材料", "graphite", "carbon materials"], [3]),
    "321": ("Common non-ferrous metal smelting", ["电解铝", "冶炼", "smelting"], []),
    "3211": ("Copper smelting", ["铜冶炼", "copper smelting"], []),
    "323": ("Rare and rare-earth metal smelting", ["稀土", "rare earth"], [3]),
    "325": ("Non-ferrous metal rolling", ["有色金属压延", "铝型材", "aluminium profiles"], [3]),
    "3251": ("Copper rolling and processing", ["铜加工", "铜箔", "电解铜箔", "copper foil", "copper processing"], [3]),
    "3311": ("Metal structures", ["钢结构", "steel structures"], []),
    "3351": ("Metal fittings for buildings and furniture (incl. locks)", ["锁具", "智能锁", "智能门锁", "门锁", "smart lock", "locks"], []),
    "342": ("Metalworking machinery", ["机床", "数控机床", "machine tools", "CNC"], [2]),
    "344": ("Pumps, valves and compressors", ["泵", "阀门", "压缩机", "pumps", "valves"], []),
    "3491": ("Industrial robots", ["工业机器人", "机器人", "industrial robots", "robotics"], [2]),
    "3493": ("Additive manufacturing equipment", ["3D打印", "增材制造", "3D printing"], [2]),
    "351": ("Mining, metallurgy and construction machinery", ["工程机械", "矿山机械", "construction machinery", "mining machinery"], [2]),
    "353": ("Food, beverage and feed processing machinery", ["食品机械", "food machinery"], []),
    "356": ("Electronic and electrical special equipment", ["半导体设备", "电子专用设备", "semiconductor equipment"], [1, 2]),
    "357": ("Agricultural, forestry, husbandry and fishery machinery", ["农机", "农业机械", "agricultural machinery"], [2]),
    "358": ("Medical instruments and devices", ["医疗器械", "医疗设备", "medical devices", "medical equipment"], [4]),
    "359": ("Environmental protection and other special equipment", ["环保设备", "environmental equipment"], [7]),
    "361": ("Vehicle manufacturing", ["整车", "整车制造", "vehicle assembly"], []),
    "3612": ("New-energy vehicle manufacturing", ["新能源汽车", "新能源车", "电动汽车", "电动车", "纯电动", "插电混动", "NEV", "EV", "electric vehicle", "new energy vehicle"], [5]),
    "3670": ("Auto parts and accessories", ["汽车零部件", "汽配", "auto parts", "automotive parts", "automotive components"], []),
    "371": ("Railway transport equipment", ["轨道交通装备", "rail equipment"], [2]),
    "374": ("Aircraft manufacturing", ["飞机", "无人机", "aircraft", "drones", "UAV"], [2]),
    "381": ("Electric motors", ["电机", "motors"], []),
    "382": ("Power transmission, distribution and control equipment", ["输配电", "变压器", "开关设备", "储能变流器", "PCS", "transformers", "switchgear"], [6]),
    "3825": ("Photovoltaic equipment and components", ["光伏", "太阳能电池", "光伏组件", "硅片", "电池片", "photovoltaic", "solar", "solar cells", "solar modules", "PV"], [6]),
    "383": ("Wires, cables and optical cables", ["电线电缆", "光缆", "cables"], []),
    "384": ("Battery manufacturing", ["电池", "储能电池", "battery", "batteries", "energy storage battery"], [5, 6]),
    "3841": ("Lithium-ion batteries", ["锂电池", "锂离子电池", "动力电池", "电芯", "圆柱电池", "21700", "18650", "lithium battery", "lithium-ion", "Li-ion", "battery cells", "power battery"], [5, 6]),
    "3849": ("Other batteries", ["钠离子电池", "燃料电池", "sodium-ion battery", "fuel cell"], [5, 6]),
    "385": ("Household electrical appliances", ["家电", "home appliances"], []),
    "387": ("Lighting equipment", ["照明", "灯具", "lighting"], []),
    "391": ("Computer manufacturing", ["计算机", "服务器", "computers", "servers"], [1]),
    "3911": ("Computers (complete machines)", ["整机", "国产CPU", "信创", "龙芯", "PC", "domestic CPU"], [1]),
    "3915": ("Information security equipment", ["信息安全", "网络安全设备", "information security"], [1]),
    "392": ("Communication equipment", ["通信设备", "5G", "基站", "telecom equipment"], [1]),
    "396": ("Smart consumer devices", ["智能终端", "可穿戴", "智能家居", "smart devices", "wearables"], [1]),
    "397": ("Electronic devices", ["电子器件", "半导体", "semiconductors", "electronic devices"], [1]),
    "3972": ("Discrete semiconductor devices", ["功率器件", "IGBT", "二极管", "power semiconductors"], [1]),
    "3973": ("Integrated circuits", ["集成电路", "芯片", "晶圆", "封装", "封测", "封装测试", "IC", "chips", "wafer", "IC packaging", "OSAT"], [1]),
    "3974": ("Display devices", ["显示面板", "液晶", "OLED", "display panels", "LCD"], [1]),
    "3975": ("Semiconductor lighting devices", ["LED", "LED芯片", "LED chips"], [1]),
    "3976": ("Optoelectronic devices", ["光电子器件", "光电芯片", "光模块", "激光器", "optoelectronic devices", "optical modules", "lasers"], [1]),
    "398": ("Electronic components and special electronic materials", ["电子元件", "电子元器件", "electronic components"], [1]),
    "3981": ("Resistors, capacitors and inductors", ["电容", "电阻", "电感", "capacitors", "resistors"], [1]),
    "3982": ("Electronic circuits (PCB)", ["电路板", "PCB", "PCBA", "印制电路板", "printed circuit boards"], [1]),
    "3983": ("Sensitive components and sensors", ["传感器", "sensors"], [1]),
    "3985": ("Special electronic materials", ["电子材料", "电子专用材料", "半导体材料", "电子化学品", "electronic materials", "semiconductor materials"], [1, 3]),
    "401": ("General instruments", ["仪表", "instrumentation"], [2]),
    "4210": ("Recycling of metal waste", ["废旧金属回收", "scrap metal"], [7]),
    "4415": ("Wind power", ["风电", "wind power"], [6]),
    "4416": ("Solar power generation", ["光伏电站", "太阳能发电", "solar power plant"], [6]),
    "4620": ("Sewage treatment and reuse", ["污水处理", "中水回用", "sewage treatment", "wastewater"], [7]),
    "643": ("Internet platforms", ["平台", "电商", "e-commerce", "platform"], [1]),
    "651": ("Software development", ["软件开发", "APP", "software development"], [1]),
    "6520": ("Integrated circuit design", ["芯片设计", "IC设计", "chip design", "IC design", "fabless"], [1]),
    "653": ("Information system integration and IoT services", ["系统集成", "物联网", "IoT", "system integration"], [1]),
    "657": ("Digital content services", ["数字内容", "动漫", "游戏", "digital content", "animation", "games"], [8]),
    "659": ("Other IT services", ["数据中心", "云计算", "大数据", "算力", "data centre", "cloud computing", "big data"], [1]),
    "7291": ("Travel agencies and related services", ["旅行社", "旅游服务", "travel agency"], []),
    "7320": ("Engineering and technology research and experimental development", ["研发中心", "工程技术研究", "R&D centre", "engineering research"], [9]),
    "745": ("Quality inspection and testing services", ["检验检测", "检测认证", "testing and certification"], [9]),
    "751": ("Technology promotion services", ["技术推广", "成果转化", "technology transfer"], [9]),
    "7511": ("Agricultural technology promotion", ["农业技术推广", "农业科技", "agritech", "agricultural technology"], []),
    "771": ("Ecological protection", ["生态保护", "生态修复", "ecological restoration"], [7]),
    "772": ("Environmental governance", ["环境治理", "环保工程", "environmental remediation"], [7]),
    "7721": ("Water pollution control", ["水污染治理", "水生态", "水处理", "water treatment", "water ecology"], [7]),
    "7722": ("Air pollution control", ["大气治理", "废气治理", "air pollution control"], [7]),
    "7723": ("Solid waste treatment", ["固废处理", "固废", "solid waste"], [7]),
    "786": ("Scenic area management", ["景区", "文旅", "文化旅游", "生态旅游", "旅游", "tourism", "cultural tourism", "eco-tourism", "scenic area"], []),
    "612": ("Hotels and guesthouses", ["民宿", "宾馆", "guesthouse", "B&B"], []),
    "5920": ("General warehousing", ["仓储", "物流园", "warehousing"], []),
    "0511": ("Seed and seedling cultivation", ["种子", "育种", "seeds", "seed breeding"], []),
    "017": ("Chinese medicinal herb growing", ["中药材", "中药材种植", "medicinal herbs"], []),
    "014": ("Vegetables, edible fungi and horticulture", ["蔬菜", "食用菌", "设施农业", "vegetables", "mushrooms"], []),
}

SEI_DOMAINS = [
    ("新一代信息技术产业", "New-generation information technology", ["信息技术", "IT"]),
    ("高端装备制造产业", "High-end equipment manufacturing", ["高端装备", "智能装备", "智能制造", "intelligent manufacturing"]),
    ("新材料产业", "New materials", ["新材料", "先进材料", "advanced materials"]),
    ("生物产业", "Biotechnology", ["生物医药", "生物技术", "biotech", "biomedicine"]),
    ("新能源汽车产业", "New-energy vehicles", ["新能源汽车", "NEV"]),
    ("新能源产业", "New energy", ["新能源", "清洁能源", "储能", "new energy", "clean energy", "energy storage"]),
    ("节能环保产业", "Energy saving and environmental protection", ["节能环保", "节能", "环保", "energy saving"]),
    ("数字创意产业", "Digital creative industries", ["数字创意", "文创", "digital creative"]),
    ("相关服务业", "Related services", ["科技服务", "technology services"]),
]


def division_sei(code):
    """Strategic domain of a division, where one clearly dominates (for hierarchy credit)."""
    return {"39": [1], "65": [1], "27": [4], "36": [5], "77": [7], "42": [7]}.get(code, [])


def main(path):
    src = json.load(open(path, encoding="utf-8"))
    by_code = {e["code"]: e for e in src["entries"]}
    entries = []
    for e in src["entries"]:
        code, level = e["code"], e["level"]
        if level == 1:
            entries.append({"code": code, "sec": code, "zh": e["name_zh"], "en": SECTIONS_EN[code], "syn": [], "sei": []})
        elif level == 2:
            en, syn = DIVISIONS[code]
            entries.append({"code": code, "sec": e["section"], "zh": e["name_zh"], "en": en, "syn": syn, "sei": division_sei(code)})
    for code, (en, syn, sei) in DETAIL.items():
        e = by_code.get(code)
        if e is None:
            sys.exit(f"{code} is not in GB/T 4754-2017")
        entries.append({"code": code, "sec": e["section"], "zh": e["name_zh"], "en": en, "syn": syn, "sei": sei})
    for i, (zh, en, syn) in enumerate(SEI_DOMAINS, start=1):
        entries.append({"code": f"SEI{i}", "sec": "", "zh": zh, "en": en, "syn": syn, "sei": [i]})
    out = {
        "source": "GB/T 4754-2017 国民经济行业分类 (NBS/SAMR/SAC, 2017; 2019 amendment not applied) and "
        "战略性新兴产业分类(2018) (NBS Order No. 23); English names and synonyms by ZoneMatch",
        "compiled": "2026-11-27",
        "entries": entries,
    }
    with open("src/taxonomy/taxonomy.json", "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"{len(entries)} entries written")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/gbt4754-2017.zh.json")
