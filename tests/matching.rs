//! The engine against the demo zones of the source article: which zone a recruiter should
//! see first for typical booth conversations, in Chinese, English and mixed text.

use zonematch::demo::demo_zones;
use zonematch::matching::{rank_zones, score_zone, ChainRole, CriterionKind, Reason, Weights};
use zonematch::model::{FactorySpace, Prospect, Zone};

fn prospect(industry: &str) -> Prospect {
    Prospect {
        id: "p".into(),
        name: "x".into(),
        industry: industry.into(),
        ..Default::default()
    }
}

#[test]
fn best_zone_for_typical_descriptions() {
    let zones = demo_zones();
    let cases: &[(&str, &str)] = &[
        ("21700圆柱动力电池", "gaoping-etdz"),
        ("锂电池电芯 PACK", "gaoping-etdz"),
        ("Li-ion battery cells", "gaoping-etdz"),
        ("光电芯片 LED chip packaging", "gaoping-etdz"),
        ("集成电路封测", "changzhi-htz"),
        ("IC packaging / OSAT", "changzhi-htz"),
        ("电解铜箔", "changzhi-htz"),
        ("copper foil for batteries", "changzhi-htz"),
        ("智能门锁", "changzhi-htz"),
        ("光伏玻璃盖板", "changzhi-htz"),
        ("生物制药 biologics", "changzhi-htz"),
        ("豆制品加工", "wutai-agri"),
        ("山西老陈醋", "wutai-agri"),
        ("plant protein drinks", "wutai-agri"),
        ("休闲零食", "wutai-agri"),
        ("污水处理 water treatment", "linfen-edz"),
        ("农业科技 agritech", "linfen-edz"),
        ("矿泉水", "daning-park"),
        ("新能源汽车整车", "yuncheng-etdz"),
        ("electric vehicle (EV) parts", "yuncheng-etdz"),
        ("汽车零部件", "yuncheng-etdz"),
        ("文化旅游 民宿", "lingchuan-demo"),
        ("ＩＣ封装测试有限公司", "changzhi-htz"),
    ];
    for (text, want) in cases {
        let ranked = rank_zones(&prospect(text), &zones, &Weights::default());
        assert_eq!(ranked[0].zone_id, *want, "{text}: got {:?}", &ranked[..2]);
    }
}

#[test]
fn every_result_has_three_explained_criteria_and_a_bounded_total() {
    let zones = demo_zones();
    let p = Prospect {
        industry: "锂电池".into(),
        factory_m2: Some(20_000.0),
        land_mu: Some(80.0),
        investment_wan: Some(60_000.0),
        ..prospect("")
    };
    for m in rank_zones(&p, &zones, &Weights::default()) {
        assert!(m.total <= 100);
        let kinds: Vec<_> = m.criteria.iter().map(|c| c.kind).collect();
        assert_eq!(kinds, CriterionKind::ALL);
        for c in &m.criteria {
            assert!((0.0..=1.0).contains(&c.score));
            assert!(!c.reasons.is_empty(), "{:?} has no reason", c.kind);
        }
    }
}

#[test]
fn space_fit_partial_credit_and_monotonic() {
    let mut zone = Zone {
        id: "z".into(),
        ..Default::default()
    };
    let p = Prospect {
        factory_m2: Some(20_000.0),
        ..prospect("")
    };
    let mut last = -1.0;
    for available in [0.0, 5_000.0, 10_000.0, 19_999.0, 20_000.0, 60_000.0] {
        zone.factory = FactorySpace {
            available_m2: Some(available),
            ..Default::default()
        };
        let m = score_zone(&p, &zone, &Weights::default());
        let s = m.criterion(CriterionKind::Space).unwrap().score;
        assert!(s >= last, "more space lowered the fit: {available}");
        last = s;
    }
    assert_eq!(last, 1.0);
    zone.factory.available_m2 = Some(10_000.0);
    let half = score_zone(&p, &zone, &Weights::default());
    assert_eq!(half.criterion(CriterionKind::Space).unwrap().score, 0.5);
}

#[test]
fn criteria_without_data_do_not_count() {
    let zones = demo_zones();
    let only_industry = prospect("动力电池");
    let m = score_zone(&only_industry, &zones[1], &Weights::default());
    assert_eq!(m.criterion(CriterionKind::Industry).unwrap().score, 1.0);
    for kind in [
        CriterionKind::Space,
        CriterionKind::Investment,
        CriterionKind::Incentives,
        CriterionKind::Region,
    ] {
        assert!(!m.criterion(kind).unwrap().applicable, "{kind:?}");
    }
    // Only industry (1.0) and chain role (strengthens, 0.75) count.
    let w = Weights::default();
    let expected = (100.0 * (w.industry + w.chain * 0.75) / (w.industry + w.chain)).round();
    assert_eq!(f64::from(m.total), expected);
    let nothing = prospect("");
    assert_eq!(
        score_zone(&nothing, &zones[0], &Weights::default()).total,
        0
    );
}

#[test]
fn wanted_link_is_reported_as_filling_a_gap() {
    let zones = demo_zones();
    let cz = zones.iter().find(|z| z.id == "changzhi-htz").unwrap();
    let m = score_zone(&prospect("工业机器人"), cz, &Weights::default());
    let chain = m.criterion(CriterionKind::Chain).unwrap();
    assert!(matches!(
        chain.reasons[0],
        Reason::ChainRole {
            role: ChainRole::FillsGap,
            ..
        }
    ));
    assert_eq!(chain.score, 1.0);
}

#[test]
fn investment_thresholds_when_published() {
    let zone = Zone {
        id: "z".into(),
        min_investment_wan: Some(10_000.0),
        min_intensity_wan_per_mu: Some(300.0),
        ..Default::default()
    };
    let meets = Prospect {
        investment_wan: Some(60_000.0),
        land_mu: Some(100.0),
        ..prospect("")
    };
    let c = score_zone(&meets, &zone, &Weights::default());
    assert_eq!(c.criterion(CriterionKind::Investment).unwrap().score, 1.0);
    let small = Prospect {
        investment_wan: Some(5_000.0),
        land_mu: Some(100.0),
        ..prospect("")
    };
    let s = score_zone(&small, &zone, &Weights::default())
        .criterion(CriterionKind::Investment)
        .unwrap()
        .score;
    // 0.5 of the minimum investment, 50/300 of the intensity: mean of the two.
    assert!((s - (0.5 + 50.0 / 300.0) / 2.0).abs() < 1e-9);
}
