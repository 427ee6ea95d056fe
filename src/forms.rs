//! What the capture and edit forms hold while the user types, and how a filled form turns
//! into a record. Pure, so the rules (what is required, which units parse) are tested
//! natively; the views only bind inputs to these drafts.

use crate::model::{
    parse_quantity, parse_wan, ChainLink, Cluster, FactorySpace, MustHave, Prospect, Stage, Text,
    Zone, ZoneKind,
};

/// The capture form's fields as typed. Serialisable so that a half-filled form survives
/// a reload or an app update.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ProspectDraft {
    pub name: String,
    pub industry: String,
    pub products: String,
    pub investment: String,
    pub factory: String,
    pub land: String,
    pub jobs: String,
    pub origin: String,
    pub notes: String,
    pub stage: Stage,
    /// Factory space is a must-have: zones known to lack it are excluded.
    pub must_factory: bool,
    /// Land is a must-have.
    pub must_land: bool,
}

/// A capture-form field that can be refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProspectField {
    Name,
    Investment,
    Factory,
    Land,
    Jobs,
}

impl ProspectDraft {
    pub fn from_prospect(p: &Prospect) -> Self {
        let num = |v: Option<f64>| {
            v.map(|x| crate::i18n::fmt_num(x).replace(',', ""))
                .unwrap_or_default()
        };
        Self {
            name: p.name.clone(),
            industry: p.industry.clone(),
            products: p.products.clone(),
            investment: num(p.investment_wan),
            factory: num(p.factory_m2),
            land: num(p.land_mu),
            jobs: p.jobs.map(|j| j.to_string()).unwrap_or_default(),
            origin: p.origin.clone(),
            notes: p.notes.clone(),
            stage: p.stage,
            must_factory: p.must_have.factory,
            must_land: p.must_have.land,
        }
    }

    /// The record this draft describes, or every field error. Only a name or an industry
    /// is required: a booth conversation may give nothing else.
    pub fn to_prospect(
        &self,
        id: &str,
        created: &str,
    ) -> Result<Prospect, Vec<(ProspectField, Text)>> {
        let mut errors = Vec::new();
        let mut check = |field, r: Result<Option<f64>, crate::model::FieldError>| match r {
            Ok(v) => v,
            Err(e) => {
                errors.push((field, e.message()));
                None
            }
        };
        let investment_wan = check(ProspectField::Investment, parse_wan(&self.investment));
        let factory_m2 = check(ProspectField::Factory, parse_quantity(&self.factory));
        let land_mu = check(ProspectField::Land, parse_quantity(&self.land));
        let jobs = check(ProspectField::Jobs, parse_quantity(&self.jobs));
        if self.name.trim().is_empty() && self.industry.trim().is_empty() {
            errors.push((
                ProspectField::Name,
                Text::new(
                    "请至少填写企业名称或行业",
                    "Enter at least a name or an industry",
                ),
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Prospect {
            id: id.to_string(),
            name: self.name.trim().to_string(),
            industry: self.industry.trim().to_string(),
            products: self.products.trim().to_string(),
            investment_wan,
            factory_m2,
            land_mu,
            jobs: jobs.map(|j| j.round().min(u32::MAX as f64) as u32),
            must_have: MustHave {
                factory: self.must_factory,
                land: self.must_land,
                ..Default::default()
            },
            origin: self.origin.trim().to_string(),
            notes: self.notes.trim().to_string(),
            stage: self.stage,
            created: created.to_string(),
            ..Default::default()
        })
    }

    /// A lenient reading for live matching while the user types: fields that do not parse
    /// yet are ignored rather than reported.
    pub fn preview(&self) -> Prospect {
        Prospect {
            id: String::new(),
            name: self.name.clone(),
            industry: self.industry.clone(),
            products: self.products.clone(),
            investment_wan: parse_wan(&self.investment).ok().flatten(),
            factory_m2: parse_quantity(&self.factory).ok().flatten(),
            land_mu: parse_quantity(&self.land).ok().flatten(),
            origin: self.origin.clone(),
            must_have: MustHave {
                factory: self.must_factory,
                land: self.must_land,
                ..Default::default()
            },
            ..Default::default()
        }
    }
}

/// The zone editor's fields as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ZoneDraft {
    pub name_zh: String,
    pub name_en: String,
    pub kind: ZoneKind,
    pub location_zh: String,
    pub location_en: String,
    pub summary_zh: String,
    pub summary_en: String,
    pub clusters: String,
    pub available_m2: String,
    pub built_m2: String,
    pub planned_m2: String,
    pub occupancy_pct: String,
    pub land_mu: String,
    pub min_investment: String,
    pub min_intensity: String,
    pub as_of: String,
    /// Restricted industries, separated by commas: codes (25, 2614) or words (高耗能).
    pub restricted: String,
}

/// A zone-editor field that can be refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoneField {
    Name,
    Clusters,
    AvailableM2,
    BuiltM2,
    PlannedM2,
    Occupancy,
    Land,
    MinInvestment,
    MinIntensity,
}

fn num_text(v: Option<f64>) -> String {
    v.map(|x| crate::i18n::fmt_num(x).replace(',', ""))
        .unwrap_or_default()
}

impl ZoneDraft {
    pub fn from_zone(z: &Zone) -> Self {
        Self {
            name_zh: z.name.zh.clone(),
            name_en: z.name.en.clone(),
            kind: z.kind,
            location_zh: z.location.zh.clone(),
            location_en: z.location.en.clone(),
            summary_zh: z.summary.zh.clone(),
            summary_en: z.summary.en.clone(),
            clusters: cluster_lines(&z.clusters),
            available_m2: num_text(z.factory.available_m2),
            built_m2: num_text(z.factory.built_m2),
            planned_m2: num_text(z.factory.planned_m2),
            occupancy_pct: num_text(z.factory.occupancy_pct),
            land_mu: num_text(z.land_available_mu),
            min_investment: num_text(z.min_investment_wan),
            min_intensity: num_text(z.min_intensity_wan_per_mu),
            as_of: z.as_of.clone(),
            restricted: z.restricted.join(", "),
        }
    }

    /// `base` with the draft's fields applied; fields the editor does not show (incentives,
    /// services, contacts, keywords of unchanged clusters) are kept.
    pub fn apply(&self, base: &Zone) -> Result<Zone, Vec<(ZoneField, Text)>> {
        let mut errors = Vec::new();
        let mut num = |field, input: &str| match parse_quantity(input) {
            Ok(v) => v,
            Err(e) => {
                errors.push((field, e.message()));
                None
            }
        };
        let available_m2 = num(ZoneField::AvailableM2, &self.available_m2);
        let built_m2 = num(ZoneField::BuiltM2, &self.built_m2);
        let planned_m2 = num(ZoneField::PlannedM2, &self.planned_m2);
        let occupancy_pct = num(ZoneField::Occupancy, &self.occupancy_pct.replace('%', ""));
        let land = num(ZoneField::Land, &self.land_mu);
        let min_intensity = num(ZoneField::MinIntensity, &self.min_intensity);
        let min_investment = match parse_wan(&self.min_investment) {
            Ok(v) => v,
            Err(e) => {
                errors.push((ZoneField::MinInvestment, e.message()));
                None
            }
        };
        if occupancy_pct.is_some_and(|o| o > 100.0) {
            errors.push((
                ZoneField::Occupancy,
                Text::new(
                    "使用率应在 0 到 100 之间",
                    "Share in use must be between 0 and 100",
                ),
            ));
        }
        if self.name_zh.trim().is_empty() && self.name_en.trim().is_empty() {
            errors.push((
                ZoneField::Name,
                Text::new(
                    "请填写园区名称（中文或英文）",
                    "Enter the zone's name (Chinese or English)",
                ),
            ));
        }
        let clusters = match parse_cluster_lines(&self.clusters, &base.clusters) {
            Ok(c) => c,
            Err(line) => {
                errors.push((
                    ZoneField::Clusters,
                    Text::new(
                        &format!("第 {line} 行缺少集群名称"),
                        &format!("Line {line} has no cluster name"),
                    ),
                ));
                Vec::new()
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut z = base.clone();
        z.name = Text::new(self.name_zh.trim(), self.name_en.trim());
        z.kind = self.kind;
        z.location = Text::new(self.location_zh.trim(), self.location_en.trim());
        z.summary = Text::new(self.summary_zh.trim(), self.summary_en.trim());
        z.clusters = clusters;
        z.factory = FactorySpace {
            planned_m2,
            built_m2,
            occupancy_pct,
            available_m2,
            extra: base.factory.extra.clone(),
        };
        z.land_available_mu = land;
        z.min_investment_wan = min_investment;
        z.min_intensity_wan_per_mu = min_intensity;
        z.as_of = self.as_of.trim().to_string();
        z.restricted = self
            .restricted
            .split([',', '，', '、', ';', '；'])
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(String::from)
            .collect();
        Ok(z)
    }
}

/// Clusters as editable lines: `集群 | English | 环节1、环节2`.
pub fn cluster_lines(clusters: &[Cluster]) -> String {
    clusters
        .iter()
        .map(|c| {
            let links: Vec<&str> = c.links.iter().map(|l| l.name.zh.as_str()).collect();
            format!("{} | {} | {}", c.name.zh, c.name.en, links.join("、"))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Parse cluster lines back. A cluster or link whose Chinese name is unchanged keeps its
/// keywords, chain stage and status. Err carries the 1-based number of a line without a
/// cluster name.
pub fn parse_cluster_lines(text: &str, existing: &[Cluster]) -> Result<Vec<Cluster>, usize> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut parts = line.splitn(3, ['|', '｜']).map(str::trim);
        let zh = parts.next().unwrap_or_default();
        let en = parts.next().unwrap_or_default();
        let links_text = parts.next().unwrap_or_default();
        if zh.is_empty() && en.is_empty() {
            return Err(i + 1);
        }
        let old = existing.iter().find(|c| !zh.is_empty() && c.name.zh == zh);
        let links = links_text
            .split(['、', ',', '，', ';', '；'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|name| {
                old.and_then(|c| c.links.iter().find(|l| l.name.zh == name))
                    .cloned()
                    .unwrap_or_else(|| ChainLink {
                        name: Text::new(name, ""),
                        ..Default::default()
                    })
            })
            .collect();
        out.push(Cluster {
            name: Text::new(zh, en),
            keywords: old.map(|c| c.keywords.clone()).unwrap_or_default(),
            codes: old.map(|c| c.codes.clone()).unwrap_or_default(),
            links,
            extra: old.map(|c| c.extra.clone()).unwrap_or_default(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn booth_capture_needs_only_a_name_or_industry() {
        let draft = ProspectDraft {
            industry: "21700圆柱动力电池".into(),
            investment: "6亿".into(),
            factory: "20,000".into(),
            ..Default::default()
        };
        let p = draft.to_prospect("p1", "2026-11-27").unwrap();
        assert_eq!(p.investment_wan, Some(60_000.0));
        assert_eq!(p.factory_m2, Some(20_000.0));
        assert_eq!(
            ProspectDraft::default().to_prospect("p", "").unwrap_err()[0].0,
            ProspectField::Name
        );
    }

    #[test]
    fn every_bad_field_is_reported() {
        let draft = ProspectDraft {
            name: "甲".into(),
            investment: "很多".into(),
            factory: "-3".into(),
            jobs: "x".into(),
            ..Default::default()
        };
        let fields: Vec<_> = draft
            .to_prospect("p", "")
            .unwrap_err()
            .into_iter()
            .map(|e| e.0)
            .collect();
        assert_eq!(
            fields,
            vec![
                ProspectField::Investment,
                ProspectField::Factory,
                ProspectField::Jobs
            ]
        );
    }

    #[test]
    fn draft_round_trips_a_prospect() {
        let p = ProspectDraft {
            name: "Code Falcon".into(),
            industry: "IC packaging".into(),
            investment: "15000".into(),
            land: "50".into(),
            jobs: "300".into(),
            ..Default::default()
        }
        .to_prospect("p9", "t")
        .unwrap();
        assert_eq!(
            ProspectDraft::from_prospect(&p)
                .to_prospect("p9", "t")
                .unwrap(),
            p
        );
    }

    #[test]
    fn zone_edit_keeps_hidden_fields_and_keywords() {
        let zones = crate::demo::demo_zones();
        let base = &zones[0];
        let mut draft = ZoneDraft::from_zone(base);
        assert_eq!(
            draft.apply(base).unwrap(),
            *base,
            "unchanged draft is a no-op"
        );
        draft.available_m2 = "45000".into();
        draft
            .clusters
            .push_str("\n储能 | Energy storage | 储能电池、PCS");
        let z = draft.apply(base).unwrap();
        assert_eq!(z.factory.available_m2, Some(45_000.0));
        assert_eq!(z.clusters.len(), base.clusters.len() + 1);
        assert_eq!(z.clusters[0].keywords, base.clusters[0].keywords);
        assert_eq!(z.clusters.last().unwrap().links.len(), 2);
        assert_eq!(z.incentives, base.incentives);
        draft.restricted = "25，高耗能、 2614".into();
        let z = draft.apply(base).unwrap();
        assert_eq!(z.restricted, vec!["25", "高耗能", "2614"]);
    }

    #[test]
    fn zone_edit_refuses_bad_values() {
        let base = Zone::default();
        let draft = ZoneDraft {
            occupancy_pct: "120".into(),
            built_m2: "abc".into(),
            ..Default::default()
        };
        let fields: Vec<_> = draft
            .apply(&base)
            .unwrap_err()
            .into_iter()
            .map(|e| e.0)
            .collect();
        assert!(fields.contains(&ZoneField::Occupancy));
        assert!(fields.contains(&ZoneField::BuiltM2));
        assert!(fields.contains(&ZoneField::Name));
    }
}
