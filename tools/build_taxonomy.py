#!/usr/bin/env python3
"""Build src/taxonomy/taxonomy.json: the bilingual industry taxonomy shipped with the app.

Chinese names come from GB/T 4754-2017 (../shared/data/gbt4754-2017.zh.json, National
Bureau of Statistics of China); English names, everyday synonyms and the mapping to the
2018 strategic emerging industry domains (NBS Order No. 23) are ours; each later synonym
list names its source (NOTE_TERMS, PRACTICE_TERMS). Re-run after editing the tables below:  python3 tools/build_taxonomy.py ../shared/data/gbt4754-2017.zh.json
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
    "02": ("Forestry", ["forest"]),
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
    "17": ("Textiles", ["纺织"]),
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
    "28": ("Chemical fibres", ["化纤"]),
    "29": ("Rubber and plastic products", ["橡胶", "塑料", "rubber", "plastics"]),
    "30": ("Non-metallic mineral products", ["建材", "水泥", "玻璃", "陶瓷", "building materials", "glass", "ceramics"]),
    "31": ("Smelting and pressing of ferrous metals", ["钢铁", "steel"]),
    "32": ("Smelting and pressing of non-ferrous metals", ["有色金属", "铝", "铜", "non-ferrous metals", "aluminium", "copper"]),
    "33": ("Metal products", ["金属制品"]),
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
    "62": ("Catering", ["餐饮", "restaurant"]),
    "63": ("Telecommunications, broadcasting and satellite transmission", ["电信", "telecom"]),
    "64": ("Internet and related services", ["互联网", "internet", "电商平台"]),
    "65": ("Software and information technology services", ["软件", "信息技术服务", "software", "IT services"]),
    "66": ("Monetary and financial services", ["银行", "banking"]),
    "67": ("Capital market services", ["证券", "基金"]),
    "68": ("Insurance", ["保险"]),
    "69": ("Other financial services", []),
    "70": ("Real estate", ["房地产"]),
    "71": ("Leasing", ["租赁"]),
    "72": ("Business services", ["商务服务"]),
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
    "83": ("Education", ["培训", "training"]),
    "84": ("Health", ["医疗", "医院", "health care", "hospital"]),
    "85": ("Social work", ["养老", "elderly care"]),
    "86": ("News and publishing", ["出版"]),
    "87": ("Radio, television, film and sound recording", ["影视", "film"]),
    "88": ("Culture and arts", ["文化", "艺术", "culture", "arts"]),
    "89": ("Sports", []),
    "90": ("Entertainment", ["娱乐"]),
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
    "1392": ("Soy products", ["豆制品", "豆腐", "腐竹", "tofu"], []),
    "1411": ("Pastries and bread", ["糕点", "面包", "烘焙", "bakery", "pastry", "bread"], []),
    "142": ("Candy, chocolate and preserved fruit", ["糖果", "巧克力", "蜜饯", "candy", "chocolate"], []),
    "143": ("Convenience foods", ["方便食品", "速冻食品", "instant food", "frozen food"], []),
    "1431": ("Rice and flour products", ["米面制品", "面食", "挂面", "noodles"], []),
    "144": ("Dairy products", ["乳制品", "牛奶", "dairy", "milk"], []),
    "1462": ("Soy sauce, vinegar and similar products", ["酱油", "食醋", "醋", "陈醋", "vinegar", "soy sauce"], []),
    "149": ("Other food manufacturing", ["休闲食品", "零食", "snack food", "snacks"], []),
    "1492": ("Health foods", [], []),
    "1495": ("Food and feed additives", ["食品添加剂", "food additives"], []),
    "151": ("Alcoholic drinks", ["白酒", "啤酒", "葡萄酒", "汾酒", "liquor", "beer", "wine"], []),
    "1522": ("Bottled drinking water", ["矿泉水", "饮用水", "mineral water", "bottled water"], []),
    "1523": ("Fruit and vegetable juices", ["果汁", "juice"], []),
    "1524": ("Milk drinks and plant-protein drinks", ["植物蛋白饮料", "植物蛋白", "豆奶", "核桃乳", "plant protein drinks", "plant-based milk"], []),
    "254": ("Biomass fuels", [], [6]),
    "261": ("Basic chemical raw materials", ["基础化工", "basic chemicals"], []),
    "262": ("Fertilisers", ["化肥", "有机肥", "fertilizer"], []),
    "265": ("Synthetic materials", ["合成材料", "树脂", "工程塑料", "synthetic resin"], [3]),
    "266": ("Specialty chemicals", ["专用化学品", "精细化工", "fine chemicals"], [3]),
    "268": ("Daily-use chemical products", ["日化", "化妆品", "cosmetics", "detergent"], []),
    "2710": ("Chemical active pharmaceutical ingredients", ["原料药", "API", "active pharmaceutical ingredients"], [4]),
    "2720": ("Chemical drug formulations", ["化学药", "制剂", "仿制药", "generic drugs", "formulations"], [4]),
    "2730": ("TCM decoction pieces", [], [4]),
    "2740": ("Chinese patent medicines", ["中成药", "中药", "traditional chinese medicine", "TCM"], [4]),
    "276": ("Biological drugs and products", ["生物药", "生物制药", "生物医药", "biopharmaceuticals", "biologics"], [4]),
    "2761": ("Biological drugs", ["生物药品", "生物制品"], [4]),
    "2762": ("Genetic engineering drugs and vaccines", ["疫苗", "基因工程药物", "抗体", "vaccines", "antibodies"], [4]),
    "2770": ("Sanitary materials and medical supplies", ["医用耗材", "敷料", "medical consumables"], [4]),
    "2832": ("Biobased materials", [], [3]),
    "292": ("Plastic products", ["塑料制品", "注塑", "injection moulding"], []),
    "304": ("Glass manufacturing", ["玻璃", "glass"], [3]),
    "3042": ("Special glass", ["特种玻璃", "玻璃盖板", "盖板玻璃", "光伏玻璃", "cover glass"], [3]),
    "305": ("Glass products", ["玻璃制品"], []),
    "307": ("Ceramic products", ["陶瓷", "ceramics"], []),
    "3079": ("Other ceramic products", ["特种陶瓷", "先进陶瓷", "advanced ceramics"], [3]),
    "309": ("Graphite and other non-metallic mineral products", ["石墨", "碳材料", "graphite", "carbon materials"], [3]),
    "321": ("Common non-ferrous metal smelting", ["电解铝", "冶炼", "smelting"], []),
    "3211": ("Copper smelting", [], []),
    "323": ("Rare and rare-earth metal smelting", ["稀土", "rare earth"], [3]),
    "325": ("Non-ferrous metal rolling", ["有色金属压延", "铝型材", "aluminium profiles"], [3]),
    "3251": ("Copper rolling and processing", ["铜加工", "铜箔", "电解铜箔", "copper foil", "copper processing"], [3]),
    "3311": ("Metal structures", ["钢结构", "steel structures"], []),
    "3351": ("Metal fittings for buildings and furniture (incl. locks)", ["锁具", "智能锁", "智能门锁", "门锁", "smart lock", "locks"], []),
    "342": ("Metalworking machinery", ["机床", "数控机床", "machine tools", "CNC"], [2]),
    "343": ("Material handling equipment", [], []),
    "344": ("Pumps, valves and compressors", ["泵", "阀门", "pumps", "valves"], []),
    # 压缩机 moved here from 344 (its own class in the standard).
    "3442": ("Gas compressors", ["压缩机"], []),
    "345": ("Bearings, gears and drives", [], []),
    "3415": ("Wind turbines", [], [6]),
    "3464": ("Refrigeration and air-conditioning equipment", [], []),
    "3465": ("Pneumatic and power tools", [], []),
    "3491": ("Industrial robots", ["工业机器人", "机器人", "robotics"], [2]),
    "3493": ("Additive manufacturing equipment", ["3D打印", "增材制造", "3D printing"], [2]),
    "351": ("Mining, metallurgy and construction machinery", ["工程机械", "矿山机械", "construction machinery", "mining machinery"], [2]),
    "3523": ("Plastics machinery", [], []),
    "3525": ("Moulds and dies", [], []),
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
    "384": ("Battery manufacturing", ["电池", "储能电池", "battery", "energy storage battery"], [5, 6]),
    "3841": ("Lithium-ion batteries", ["锂电池", "锂离子电池", "动力电池", "电芯", "圆柱电池", "21700", "18650", "lithium battery", "lithium-ion", "Li-ion", "battery cells", "power battery"], [5, 6]),
    "3849": ("Other batteries", ["钠离子电池", "燃料电池", "sodium-ion battery", "fuel cell"], [5, 6]),
    "385": ("Household electrical appliances", ["家电", "home appliances"], []),
    "387": ("Lighting equipment", ["照明", "灯具", "lighting"], []),
    "391": ("Computer manufacturing", ["计算机", "服务器", "computers", "servers"], [1]),
    "3911": ("Computers (complete machines)", ["整机", "国产CPU", "信创", "龙芯", "PC", "domestic CPU"], [1]),
    "3962": ("Intelligent vehicle terminals", [], [1, 5]),
    "3915": ("Information security equipment", ["信息安全", "网络安全设备", "information security"], [1]),
    "392": ("Communication equipment", ["通信设备", "5G", "基站", "telecom equipment"], [1]),
    "396": ("Smart consumer devices", ["智能终端", "可穿戴", "智能家居", "smart devices", "wearables"], [1]),
    "397": ("Electronic devices", ["电子器件", "半导体", "semiconductors"], [1]),
    "3972": ("Discrete semiconductor devices", ["功率器件", "IGBT", "二极管", "power semiconductors"], [1]),
    "3973": ("Integrated circuits", ["集成电路", "芯片", "晶圆", "封装", "封测", "封装测试", "IC", "chips", "wafer", "IC packaging", "OSAT"], [1]),
    "3974": ("Display devices", ["显示面板", "液晶", "OLED", "display panels", "LCD"], [1]),
    "3975": ("Semiconductor lighting devices", ["LED", "LED芯片", "LED chips"], [1]),
    "3976": ("Optoelectronic devices", ["光电子器件", "光电芯片", "光模块", "激光器", "optical modules", "lasers"], [1]),
    "398": ("Electronic components and special electronic materials", ["电子元件", "电子元器件", "electronic components"], [1]),
    "3981": ("Resistors, capacitors and inductors", ["电容", "电阻", "电感", "capacitors", "resistors"], [1]),
    "3982": ("Electronic circuits (PCB)", ["电路板", "PCB", "PCBA", "印制电路板", "printed circuit boards"], [1]),
    "3983": ("Sensitive components and sensors", ["传感器", "sensors"], [1]),
    "3985": ("Special electronic materials", ["电子材料", "电子专用材料", "半导体材料", "电子化学品", "electronic materials", "semiconductor materials"], [1, 3]),
    "401": ("General instruments", ["仪表", "instrumentation"], [2]),
    "4210": ("Recycling of metal waste", ["废旧金属回收", "scrap metal"], [7]),
    "4415": ("Wind power", ["风电"], [6]),
    "4416": ("Solar power generation", ["光伏电站", "solar power plant"], [6]),
    "4417": ("Biomass power", [], [6]),
    "4620": ("Sewage treatment and reuse", ["污水处理", "中水回用", "sewage treatment", "wastewater"], [7]),
    "5267": ("EV charging services", [], [5]),
    "5292": ("Internet retail", [], []),
    # 电商 and e-commerce moved to 5292 (internet retail): an e-commerce firm sells online;
    # the platforms themselves are 643.
    "643": ("Internet platforms", ["平台", "platform"], [1]),
    "651": ("Software development", ["APP"], [1]),
    "6520": ("Integrated circuit design", ["芯片设计", "IC设计", "chip design", "IC design", "fabless"], [1]),
    "653": ("Information system integration and IoT services", ["系统集成", "物联网", "IoT", "system integration"], [1]),
    "657": ("Digital content services", ["数字内容", "动漫", "游戏", "digital content", "animation", "games"], [8]),
    "659": ("Other IT services", ["数据中心", "云计算", "大数据", "算力", "data centre", "cloud computing", "big data"], [1]),
    "7291": ("Travel agencies and related services", ["旅行社", "旅游服务", "travel agency"], []),
    "7340": ("Medical research", [], [4, 9]),
    "7320": ("Engineering and technology research and experimental development", ["研发中心", "工程技术研究", "R&D centre", "engineering research"], [9]),
    "745": ("Quality inspection and testing services", ["检验检测", "检测认证", "testing and certification"], [9]),
    "751": ("Technology promotion services", ["技术推广", "成果转化", "technology transfer"], [9]),
    "7511": ("Agricultural technology promotion", ["农业技术推广", "农业科技", "agritech", "agricultural technology"], []),
    "771": ("Ecological protection", ["生态修复", "ecological restoration"], [7]),
    "772": ("Environmental governance", ["环境治理", "环保工程", "environmental remediation"], [7]),
    "7721": ("Water pollution control", ["水生态", "水处理", "water treatment", "water ecology"], [7]),
    "7722": ("Air pollution control", ["大气治理", "废气治理"], [7]),
    "7723": ("Solid waste treatment", ["固废处理", "固废", "solid waste"], [7]),
    "786": ("Scenic area management", ["景区", "文旅", "文化旅游", "生态旅游", "旅游", "tourism", "cultural tourism", "eco-tourism", "scenic area"], []),
    "612": ("Hotels and guesthouses", ["民宿", "宾馆", "guesthouse", "B&B"], []),
    "5920": ("General warehousing", ["仓储", "物流园", "warehousing"], []),
    "0511": ("Seed and seedling cultivation", ["种子", "育种", "seeds", "seed breeding"], []),
    "017": ("Chinese medicinal herb growing", ["中药材", "medicinal herbs"], []),
    "014": ("Vegetables, edible fungi and horticulture", ["蔬菜", "食用菌", "设施农业", "vegetables", "mushrooms"], []),
}

SEI_DOMAINS = [
    ("新一代信息技术产业", "New-generation information technology", ["信息技术", "IT"]),
    ("高端装备制造产业", "High-end equipment manufacturing", ["高端装备", "智能装备", "智能制造", "intelligent manufacturing"]),
    ("新材料产业", "New materials", ["新材料", "先进材料", "advanced materials"]),
    ("生物产业", "Biotechnology", ["生物医药", "生物技术", "biotech", "biomedicine"]),
    ("新能源汽车产业", "New-energy vehicles", ["新能源汽车", "NEV"]),
    ("新能源产业", "New energy", ["新能源", "清洁能源", "储能", "clean energy", "energy storage"]),
    ("节能环保产业", "Energy saving and environmental protection", ["节能环保", "节能", "环保", "energy saving"]),
    ("数字创意产业", "Digital creative industries", ["数字创意", "文创", "digital creative"]),
    ("相关服务业", "Related services", ["科技服务", "technology services"]),
]


# Synonyms added for issue 7: the jargon and abbreviations prospects write that share no
# characters with the standard's names (芯片封测, 锂电, BMS, e-axle, TOPCon, CDMO). Each list
# below names its source; main() merges them into the entries above by code and refuses a
# term that another entry already has, or that the same entry has twice. Terms are kept as
# people type them (BMS, TOPCon): the matcher folds case and width.
#
# A term goes where the standard's notes put the product (锂电池材料 and 覆铜板 are 3985
# electronic materials; 太阳能电池 is 3825, not 384; 电动叉车 is 3433, in 343), otherwise
# where the product is made. Choices worth knowing:
# - 电池片, 太阳能电池, PERC, TOPCon, HJT are 3825 (photovoltaic), never batteries (384).
# - API is only 2710 (active pharmaceutical ingredients), not software.
# - 储能系统 / ESS / BESS are 382, with 储能变流器 and PCS (an integrated storage system:
#   cells, PCS and BMS); a storage cell (储能电芯) is 3841; BMS (manages a battery pack) is 384.
# - 三电 (battery, motor and control together) spans three classes: the NEV domain SEI5.
# - A longer term naming another industry than a word inside it outscores that word (and the
#   taxonomy lets it claim its span), so the longest term wins: 生物质发电 (4417, not 发电 or
#   生物), 电子商务 (5292, not 电子), 电动工具 (3465, not 电动车), 锂电工具 (3465, not 锂电),
#   电池回收 (4210, not 电池), 注塑机 (3523, not 注塑), 风电叶片 (3415, not 风电).
# - 光伏玻璃 stays 3042 (special glass: made by glass makers); 碳纤维 is 309 with 石墨烯 and
#   碳素制品 (the 3091 note); 变速箱 / 变速器 are 3670 (the 3453 note excludes car gearboxes).
# - LFP, NCM and 三元材料 are cathode materials (3985), as the issue lists them; LFP batteries
#   and LFP cells are 3841. 磷酸铁锂 alone is left out: it is written before the product it
#   qualifies (磷酸铁锂储能电池), where it would claim the span for the material; the material
#   is 磷酸铁锂材料 or 正极材料.
# - Left out as too ambiguous on their own: foundry (metal casting), blade, cathode (copper
#   cathode), separator (oil separators), 隔膜 (diaphragm pumps), 胶囊 (capsule hotels),
#   化学制剂, 起重机 (3432 or 3514), 电梯 (also lift maintenance), 商用空调 (matches 家用空调),
#   waste-to-energy and plug-in ("to" and "in" are in every English sentence), PLC (the
#   matcher drops it as the legal form "plc").
# - Classes and groups added to DETAIL for these lists: 1492, 254, 2730, 2832, 343, 3442
#   (压缩机 moved there from 344), 345, 3415, 3464, 3465, 3523, 3525, 3962, 4417, 5267, 5292,
#   7340.

# Source: GB/T 4754-2017 说明 — product words taken verbatim from the names and notes
# (note_zh) of the class, or of a class inside the group, in ../shared/data/gbt4754-2017.zh.json.
# main() checks that each word occurs there.
SOURCE_NOTES = "GB/T 4754-2017 说明 (names and notes of the class or of its subclasses)"
NOTE_TERMS = {
    "28": ["涤纶", "锦纶"],
    "131": ["杂粮"],
    "143": ["方便面"],
    "1492": ["保健食品"],
    "1524": ["含乳饮料"],
    "254": ["生物质", "生物质燃料", "成型燃料"],
    "265": ["复合材料", "合成橡胶"],
    "266": ["催化剂"],
    "2730": ["中药饮片"],
    "2770": ["卫生材料"],
    "2832": ["聚乳酸"],
    "309": ["石墨烯", "碳素制品"],
    "342": ["金属切削机床", "焊接设备"],
    "343": ["叉车", "电动叉车"],
    "345": ["齿轮"],
    "3464": ["制冷设备"],
    "3465": ["电动工具"],
    "351": ["盾构机", "土方机械"],
    "3525": ["模具"],
    "358": ["手术器械", "假肢", "助听器", "康复辅具"],
    "384": ["蓄电池", "铅蓄电池"],
    "3612": ["插电式混合动力", "增程式", "纯电动汽车"],
    "3825": ["太阳能组件"],
    "3962": ["车载终端", "自动驾驶"],
    "3974": ["柔性显示", "TFT-LCD"],
    "3975": ["发光二极管"],
    "3981": ["电容器", "超级电容器"],
    "3982": ["印刷电路板"],
    "3985": ["锂电池材料", "磁性材料", "电子陶瓷", "覆铜板", "封装材料"],
    "401": ["分析仪器"],
    "651": ["操作系统", "数据库", "工业软件"],
}
# Source: practitioner terms and abbreviations compiled by the ZoneMatch team from industry
# usage (trade jargon, abbreviations, and the English trade names prospects write). No
# external document stands behind this list: it is our own compilation, not a citation.
SOURCE_PRACTICE = "practitioner terms and abbreviations compiled by the ZoneMatch team (industry usage)"
PRACTICE_TERMS = {
    "28": ["醋酸纤维"],
    "31": ["不锈钢", "特钢", "stainless steel"],
    "131": ["oats", "oat flakes"],
    "143": ["预制菜", "instant noodles"],
    "1392": ["豆干", "豆皮"],
    "1411": ["月饼", "cakes", "mooncakes"],
    "1462": ["老陈醋", "aged vinegar"],
    "149": ["膨化食品", "辣条", "薯片", "potato chips"],
    "1492": ["dietary supplements"],
    "1523": ["沙棘汁"],
    "1524": ["豆浆", "soy milk", "oat milk"],
    "254": ["颗粒燃料", "biomass pellets", "wood pellets"],
    "265": ["composites"],
    "2832": ["生物基材料", "可降解塑料", "生物降解塑料", "PLA", "biodegradable plastics"],
    "309": ["碳纤维", "graphene", "carbon fiber", "carbon fibre"],
    "3042": ["超白玻璃", "钢化玻璃", "solar glass", "PV glass"],
    "3251": ["锂电铜箔"],
    "3985": ["锂电材料", "正极材料", "三元材料", "磷酸铁锂材料", "负极材料", "电池隔膜", "电解液", "多晶硅", "碳化硅衬底", "光刻胶", "稀土永磁",
             "LFP", "NCM", "cathode materials", "anode materials", "battery separator",
             "battery electrolyte", "polysilicon"],
    "27": ["创新药"],
    "2710": ["医药中间体", "APIs", "pharmaceutical intermediates"],
    "2720": ["化学药制剂", "片剂", "注射剂", "injectables"],
    "2730": ["配方颗粒"],
    "276": ["生物类似药", "细胞治疗", "CAR-T", "biosimilars", "cell therapy"],
    "2761": ["血液制品", "blood products"],
    "2762": ["单抗", "单克隆抗体", "胰岛素", "基因治疗", "mRNA", "monoclonal antibodies", "mAb", "gene therapy"],
    "358": ["影像设备", "体外诊断", "IVD", "诊断试剂", "骨科植入物", "高值耗材", "手术机器人", "medical imaging",
            "in vitro diagnostics", "stents", "medtech"],
    "7340": ["CRO", "CDMO", "CXO", "研发外包", "临床试验", "临床前", "contract research", "clinical trials",
             "drug discovery"],
    "342": ["加工中心", "数控车床", "激光切割机", "machining centres"],
    "343": ["AGV", "forklifts"],
    "344": ["真空泵", "液压件"],
    "3442": ["空压机", "compressors"],
    "345": ["轴承", "减速机", "齿轮箱", "bearings", "gearboxes"],
    "3415": ["风电装备", "风电整机", "风电叶片", "塔筒", "wind turbine blades"],
    "3464": ["热泵", "空气源热泵", "中央空调", "heat pumps", "HVAC"],
    "3465": ["锂电工具", "电钻", "角磨机", "气动工具", "power tools", "angle grinders"],
    "3491": ["机械臂", "协作机器人", "robot", "robot arm", "cobots"],
    "351": ["挖掘机", "excavators"],
    "3523": ["注塑机", "挤出机"],
    "3525": ["注塑模具", "冲压模具", "moulds", "molds"],
    "356": ["刻蚀机", "光刻机", "锂电设备"],
    "401": ["工业自动化", "industrial automation"],
    "361": ["整车厂", "主机厂", "商用车", "重卡"],
    "3612": ["BEV", "PHEV", "FCEV", "插混", "燃料电池汽车", "electric cars"],
    "3670": ["车桥", "底盘", "变速箱", "变速器", "汽车座椅", "车灯", "汽车线束", "axles", "chassis", "wire harnesses",
             "car seats"],
    "381": ["电驱", "驱动电机", "电机控制器", "电机电控", "e-axle", "eAxle", "e-drive",
            "motor controllers"],
    "382": ["储能系统", "储能系统集成", "ESS", "BESS", "energy storage systems", "充电桩", "charging piles",
            "EV chargers"],
    "384": ["BMS", "电池管理系统", "铅酸电池", "battery management systems"],
    "3841": ["锂电", "储能电芯", "电池包", "PACK", "软包电池", "大圆柱", "4680", "固态电池", "磷酸铁锂电池",
             "battery packs", "solid-state batteries", "LFP batteries", "LFP cells"],
    "3849": ["钠电", "液流电池", "氢燃料电池", "sodium-ion", "flow batteries"],
    "3962": ["车联网", "激光雷达", "ADAS", "lidar", "autonomous driving"],
    "5267": ["充电站", "换电站", "charging stations", "battery swapping"],
    "SEI5": ["三电", "三电系统"],
    "3825": ["光伏电池", "光伏板", "逆变器", "PERC", "TOPCon", "HJT", "异质结", "钙钛矿", "solar panels",
             "PV modules", "PV cells", "inverters", "perovskite"],
    "3972": ["功率半导体", "IGBT模块", "MOSFET", "碳化硅", "SiC", "氮化镓", "GaN", "第三代半导体", "分立器件"],
    "3973": ["芯片封测", "先进封装", "IC封装", "晶圆制造", "晶圆代工", "存储芯片", "SiP", "WLCSP", "FCBGA",
             "chiplet", "IC packaging and testing", "semiconductor packaging", "wafer fab",
             "wafer foundry"],
    "3974": ["液晶面板", "显示屏", "触摸屏", "AMOLED", "Mini LED", "Micro LED", "touch screens"],
    "3975": ["LED封装", "LED外延片", "LED packaging"],
    "3976": ["光芯片", "光通信器件", "VCSEL", "photonics"],
    "398": ["连接器", "connectors"],
    "3981": ["MLCC", "多层陶瓷电容", "超级电容", "被动元件", "passive components", "inductors",
             "supercapacitors"],
    "3982": ["线路板", "FPC", "柔性电路板", "HDI", "SMT", "circuit boards"],
    "3983": ["MEMS"],
    "4210": ["电池回收", "废旧电池", "battery recycling"],
    "4417": ["生物质发电", "秸秆发电", "垃圾发电", "垃圾焚烧发电", "生物质热电联产"],
    "5292": ["电子商务", "电商", "直播电商", "直播带货", "网络零售", "跨境电商", "e-commerce", "electronic commerce",
             "online retail", "live-streaming commerce", "cross-border e-commerce"],
    "651": ["industrial software"],
    "659": ["IDC", "AIDC", "智算中心"],
}

def division_sei(code):
    """Strategic domain of a division, where one clearly dominates (for hierarchy credit)."""
    return {"39": [1], "65": [1], "27": [4], "36": [5], "77": [7], "42": [7]}.get(code, [])


def is_cjk(c):
    return "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or c >= "\U00020000"


def stem(word):
    """Plural endings off, as the matcher does (src/text/similarity.rs `stem`)."""
    if len(word) < 5:
        return word
    if word.endswith("ies") and len(word) >= 6:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def term_key(term):
    """What the matcher compares of a term: its Chinese character pairs and its Latin word
    stems, case and width folded. Two terms with the same key are the same term to it."""
    text = "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in term).lower()
    runs, words, run, word = [], [], "", ""
    for c in text + " ":
        if is_cjk(c):
            run += c
        elif run:
            runs.append(run)
            run = ""
        if c.isalnum() and not is_cjk(c):
            word += c
        elif word:
            words.append(stem(word))
            word = ""
    pairs = {r[i:i + 2] for r in runs for i in range(max(len(r) - 1, 1))}
    return frozenset(pairs), frozenset(words)


def add_synonyms(entries, src):
    """Merge NOTE_TERMS and PRACTICE_TERMS into the entries; exit on a term that is not
    where its source says, or that an entry already has."""
    by_code = {e["code"]: e for e in entries}
    owner = {}
    for e in entries:
        own = set()
        for t in [e["zh"], e["en"]] + e["syn"]:
            key = term_key(t)
            if key in own:
                sys.exit(f"{e['code']} {t}: the entry has this term already")
            own.add(key)
            owner.setdefault(key, e["code"])
    counts = {}
    for source, table in ((SOURCE_NOTES, NOTE_TERMS), (SOURCE_PRACTICE, PRACTICE_TERMS)):
        counts[source] = 0
        for code, terms in table.items():
            e = by_code.get(code)
            if e is None:
                sys.exit(f"{code}: not an entry of the taxonomy (add it to DETAIL first)")
            for t in terms:
                if table is NOTE_TERMS and not any(
                    t in s["name_zh"] + s["note_zh"] for s in src if s["code"].startswith(code)
                ):
                    sys.exit(f"{code} {t}: not in the standard's name or note for {code}")
                key = term_key(t)
                if key in owner:
                    sys.exit(f"{code} {t}: already a term of {owner[key]}")
                owner[key] = code
                e["syn"].append(t)
                counts[source] += 1
    return counts


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
            entries.append({"code": code, "sec": e["section"], "zh": e["name_zh"], "en": en, "syn": list(syn), "sei": division_sei(code)})
    for code, (en, syn, sei) in DETAIL.items():
        e = by_code.get(code)
        if e is None:
            sys.exit(f"{code} is not in GB/T 4754-2017")
        entries.append({"code": code, "sec": e["section"], "zh": e["name_zh"], "en": en, "syn": list(syn), "sei": sei})
    for i, (zh, en, syn) in enumerate(SEI_DOMAINS, start=1):
        entries.append({"code": f"SEI{i}", "sec": "", "zh": zh, "en": en, "syn": list(syn), "sei": [i]})
    counts = add_synonyms(entries, src["entries"])
    out = {
        "source": "GB/T 4754-2017 国民经济行业分类 (NBS/SAMR/SAC, 2017; 2019 amendment not applied) and "
        "战略性新兴产业分类(2018) (NBS Order No. 23); English names and synonyms by ZoneMatch",
        "compiled": "2026-11-29",
        "entries": entries,
    }
    with open("src/taxonomy/taxonomy.json", "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    total = sum(len(e["syn"]) for e in entries)
    added = ", ".join(f"{n} from {s.split(' (')[0]}" for s, n in counts.items())
    print(f"{len(entries)} entries, {total} synonyms ({added})")

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/gbt4754-2017.zh.json")
