//! Shared by the tests that render text: every reason and exclusion the engine can give
//! (built exhaustively: a new variant without a case here fails to compile), and the check
//! for words said twice.
#![allow(dead_code)]

use zonematch::matching::{ChainRole, Exclusion, MatchVia, Reason};
use zonematch::model::Text;
use zonematch::taxonomy::Relation;

/// Fails to compile when a reason is added without a case here.
pub fn covered(r: &Reason) {
    match r {
        Reason::NoIndustryGiven
        | Reason::IndustryMatch { .. }
        | Reason::IndustryNoMatch
        | Reason::ChainRole { .. }
        | Reason::NoChainRelation
        | Reason::NoSpaceNeed
        | Reason::FactoryFits { .. }
        | Reason::FactoryShort { .. }
        | Reason::FactoryUnknown { .. }
        | Reason::LandFits { .. }
        | Reason::LandShort { .. }
        | Reason::LandUnknown { .. }
        | Reason::NoInvestmentGiven
        | Reason::InvestmentMeetsMinimum { .. }
        | Reason::InvestmentBelowMinimum { .. }
        | Reason::IntensityMeets { .. }
        | Reason::IntensityBelow { .. }
        | Reason::NoThresholdPublished
        | Reason::NoIncentivesListed
        | Reason::NoProjectFacts
        | Reason::IncentivesEligible { .. }
        | Reason::IncentivesNoneEligible { .. }
        | Reason::NoOriginGiven
        | Reason::NoTargetRegions
        | Reason::NotInCatalogue
        | Reason::RegionTargeted { .. }
        | Reason::RegionNotTargeted { .. } => {}
    }
}

pub fn t(zh: &str, en: &str) -> Text {
    Text::new(zh, en)
}

pub fn every_reason() -> Vec<Reason> {
    let cluster = t("新能源电池", "New-energy batteries");
    let link = Some(t("电池隔膜", "Battery separators"));
    let term = MatchVia::Term {
        term: "动力电池".into(),
        coverage: 0.75,
    };
    let class = |p: &str, z: &str, relation| MatchVia::Taxonomy {
        prospect_code: p.into(),
        prospect_name: t("锂离子电池制造", "Lithium-ion batteries"),
        zone_code: z.into(),
        zone_name: if p == z {
            t("锂离子电池制造", "Lithium-ion batteries")
        } else {
            t("电池制造", "Battery manufacturing")
        },
        relation,
    };
    let mut out = vec![Reason::NoIndustryGiven, Reason::IndustryNoMatch];
    for (p, z, relation) in [
        ("3841", "3841", Relation::Same),
        ("3841", "384", Relation::Contains),
        ("3841", "3842", Relation::SameGroup),
        ("3841", "3825", Relation::SameDivision),
        ("3841", "SEI6", Relation::SameDomain),
        ("3841", "2761", Relation::SameSection),
    ] {
        for l in [None, link.clone()] {
            out.push(Reason::IndustryMatch {
                cluster: cluster.clone(),
                link: l,
                via: vec![term.clone(), class(p, z, relation)],
            });
        }
    }
    for role in [
        ChainRole::FillsGap,
        ChainRole::Strengthens,
        ChainRole::Extends,
    ] {
        out.push(Reason::ChainRole {
            role,
            cluster: cluster.clone(),
            link: if role == ChainRole::Extends {
                None
            } else {
                link.clone()
            },
        });
    }
    out.push(Reason::NoChainRelation);
    out.push(Reason::NoSpaceNeed);
    for estimated in [false, true] {
        out.push(Reason::FactoryFits {
            need_m2: 20_000.0,
            available_m2: 60_000.0,
            estimated,
        });
        out.push(Reason::FactoryShort {
            need_m2: 20_000.0,
            available_m2: 8_000.0,
            estimated,
        });
    }
    for must_have in [false, true] {
        out.push(Reason::FactoryUnknown {
            need_m2: 20_000.0,
            must_have,
        });
        out.push(Reason::LandUnknown {
            need_mu: 50.0,
            must_have,
        });
    }
    out.push(Reason::LandFits {
        need_mu: 50.0,
        available_mu: 300.0,
    });
    out.push(Reason::LandShort {
        need_mu: 50.0,
        available_mu: 20.0,
    });
    out.push(Reason::NoInvestmentGiven);
    out.push(Reason::InvestmentMeetsMinimum {
        investment_wan: 60_000.0,
        minimum_wan: 20_000.0,
    });
    out.push(Reason::InvestmentBelowMinimum {
        investment_wan: 5_000.0,
        minimum_wan: 20_000.0,
    });
    out.push(Reason::IntensityMeets {
        intensity_wan_per_mu: 500.0,
        minimum_wan_per_mu: 300.0,
    });
    out.push(Reason::IntensityBelow {
        intensity_wan_per_mu: 100.0,
        minimum_wan_per_mu: 300.0,
    });
    out.push(Reason::NoThresholdPublished);
    out.push(Reason::NoIncentivesListed);
    out.push(Reason::NoProjectFacts);
    let policies = vec![
        t("房租补贴", "Rent subsidy"),
        t("招商中介奖励", "Intermediary reward"),
    ];
    for (value_wan, capped_at_wan) in [
        (None, None),
        (Some(300.0), None),
        (Some(10_000.0), Some(10_000.0)),
    ] {
        for eligible in [policies[..1].to_vec(), policies.clone()] {
            for at_half in [value_wan.is_none(), true] {
                out.push(Reason::IncentivesEligible {
                    eligible: eligible.clone(),
                    listed: 2,
                    value_wan,
                    capped_at_wan,
                    at_half,
                });
            }
        }
    }
    // A zone with a single listed policy ("1 of 1 policies" must not be said).
    out.push(Reason::IncentivesEligible {
        eligible: policies[..1].to_vec(),
        listed: 1,
        value_wan: Some(300.0),
        capped_at_wan: None,
        at_half: false,
    });
    out.push(Reason::IncentivesNoneEligible { listed: 1 });
    out.push(Reason::IncentivesNoneEligible { listed: 13 });
    out.push(Reason::NoOriginGiven);
    out.push(Reason::NoTargetRegions);
    out.push(Reason::NotInCatalogue);
    out.push(Reason::RegionTargeted {
        region: t("长三角", "Yangtze River Delta"),
    });
    out.push(Reason::RegionNotTargeted {
        origin: "山东".into(),
    });
    out
}

/// Fails to compile when an exclusion is added without a case in [`every_exclusion`].
pub fn covered_exclusion(e: &Exclusion) {
    match e {
        Exclusion::RestrictedIndustry { .. }
        | Exclusion::FactoryMustHave { .. }
        | Exclusion::LandMustHave { .. } => {}
    }
}

pub fn every_exclusion() -> Vec<Exclusion> {
    vec![
        Exclusion::RestrictedIndustry {
            restriction: "25".into(),
        },
        Exclusion::RestrictedIndustry {
            restriction: "高耗能".into(),
        },
        Exclusion::FactoryMustHave {
            need_m2: 20_000.0,
            available_m2: 8_000.0,
        },
        Exclusion::LandMustHave {
            need_mu: 50.0,
            available_mu: 20.0,
        },
    ]
}

/// Words said twice in a row, in either language.
pub fn doubled(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_lowercase)
        .collect();
    if let Some(w) = words.windows(2).find(|w| w[0] == w[1]) {
        return Some(format!("“{} {}”", w[0], w[1]));
    }
    let chars: Vec<char> = text.chars().collect();
    let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    for i in 0..chars.len() {
        // 属同属: a character again after one other; 电池电池: a pair said twice.
        if i + 2 < chars.len() && cjk(chars[i]) && chars[i] == chars[i + 2] && cjk(chars[i + 1]) {
            return Some(chars[i..i + 3].iter().collect());
        }
        if i + 3 < chars.len()
            && cjk(chars[i])
            && chars[i] == chars[i + 2]
            && chars[i + 1] == chars[i + 3]
        {
            return Some(chars[i..i + 4].iter().collect());
        }
    }
    None
}
