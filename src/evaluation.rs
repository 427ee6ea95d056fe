//! Ranking quality on a golden file: top-1, top-3 and mean reciprocal rank of the engine
//! and of a plain baseline, so that every engine change is measured, not assumed.
//!
//! A golden file is an export file whose prospects carry `"expect": [zone ids]` (any one
//! of them counts as correct).

use serde_json::Value;

use crate::matching::{Catalogue, ProspectProfile, Weights};
use crate::model::{Dataset, Prospect, Zone};
use crate::transfer::{import_json, ImportError};

/// A golden case: a prospect and the zones a recruiter should see first.
#[derive(Clone, Debug)]
pub struct Case {
    pub prospect: Prospect,
    pub expect: Vec<String>,
}

/// Read a golden file: the dataset (validated as any import) and the cases.
pub fn load_golden(text: &str) -> Result<(Dataset, Vec<Case>), ImportError> {
    let data = import_json(text)?;
    let raw: Value = serde_json::from_str(text).unwrap_or(Value::Null);
    let expects: Vec<Vec<String>> = raw["prospects"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|p| {
                    p["expect"]
                        .as_array()
                        .map(|e| {
                            e.iter()
                                .filter_map(|v| v.as_str().map(String::from))
                                .collect()
                        })
                        .unwrap_or_default()
                })
                .collect()
        })
        .unwrap_or_default();
    let cases = data
        .prospects
        .iter()
        .zip(expects)
        .filter(|(_, e)| !e.is_empty())
        .map(|(p, expect)| Case {
            prospect: p.clone(),
            expect,
        })
        .collect();
    Ok((data, cases))
}

/// Quality of one ranker over the cases.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Metrics {
    pub cases: usize,
    /// Share of cases whose first zone is expected.
    pub top1: f64,
    /// Share of cases with an expected zone among the first three.
    pub top3: f64,
    /// Mean of 1 / rank of the first expected zone (0 when absent).
    pub mrr: f64,
}

/// Score rankings: `rank(case)` returns zone ids best first.
pub fn measure(
    cases: &[Case],
    mut rank: impl FnMut(&Case) -> Vec<String>,
) -> (Metrics, Vec<String>) {
    let mut m = Metrics {
        cases: cases.len(),
        ..Default::default()
    };
    let mut misses = Vec::new();
    for case in cases {
        let ranking = rank(case);
        let pos = ranking.iter().position(|id| case.expect.contains(id));
        if pos == Some(0) {
            m.top1 += 1.0;
        } else {
            misses.push(format!(
                "{} {:?}: expected {:?}, got {:?}",
                case.prospect.id,
                case.prospect.industry,
                case.expect,
                &ranking[..ranking.len().min(3)]
            ));
        }
        if pos.is_some_and(|p| p < 3) {
            m.top3 += 1.0;
        }
        m.mrr += pos.map(|p| 1.0 / (p as f64 + 1.0)).unwrap_or(0.0);
    }
    if m.cases > 0 {
        let n = m.cases as f64;
        m.top1 /= n;
        m.top3 /= n;
        m.mrr /= n;
    }
    (m, misses)
}

/// The engine's ranking (excluded zones come last, as in the app).
pub fn engine_ranker<'a>(
    catalogue: &'a Catalogue,
    weights: &'a Weights,
) -> impl FnMut(&Case) -> Vec<String> + 'a {
    move |case| {
        catalogue
            .rank(&ProspectProfile::new(&case.prospect), weights)
            .into_iter()
            .map(|m| m.zone_id)
            .collect()
    }
}

/// The plain baseline: raw `strsim::sorensen_dice` of the description against zone and
/// cluster names, best name per zone. What a naive implementation would do.
pub fn baseline_ranker(zones: &[Zone]) -> impl FnMut(&Case) -> Vec<String> + '_ {
    move |case| {
        let text = format!("{} {}", case.prospect.industry, case.prospect.products).to_lowercase();
        let mut scored: Vec<(f64, &str)> = zones
            .iter()
            .map(|z| {
                let names = [&z.name.zh, &z.name.en]
                    .into_iter()
                    .chain(z.clusters.iter().flat_map(|c| [&c.name.zh, &c.name.en]));
                let best = names
                    .map(|n| strsim::sorensen_dice(&text, &n.to_lowercase()))
                    .fold(0.0, f64::max);
                (best, z.id.as_str())
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        scored.into_iter().map(|(_, id)| id.to_string()).collect()
    }
}
