//! Ranking quality on a golden file: top-1, top-3 and mean reciprocal rank of the engine
//! and of a plain baseline, so that every engine change is measured, not assumed.
//!
//! A golden file is an export file whose prospects carry fields the app ignores:
//! `"expect": [zone ids]` (any one of them counts as correct), `"kind"` (how the
//! description is written: "general", "traditional", "pinyin", "typo", "jargon",
//! "partial", "false_friend"), `"split"` ("tune" or "holdout": tune on one half, report
//! the other), and optionally `"avoid": [zone ids]` (zones that must not rank first: a
//! false friend's industry) and `"twin": "id"` (the same description in simplified
//! characters, which should rank the zones the same way).

use std::collections::HashMap;

use serde_json::Value;

use crate::matching::{Catalogue, ProspectProfile, Weights};
use crate::model::{Dataset, Prospect, Zone};
use crate::transfer::{import_json, ImportError};

/// Which half of the golden set a case is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Split {
    /// Cases the engine may be tuned on.
    Tune,
    /// Cases kept aside to report quality honestly.
    Holdout,
}

impl Split {
    pub fn key(self) -> &'static str {
        match self {
            Split::Tune => "tune",
            Split::Holdout => "holdout",
        }
    }
}

/// A golden case: a prospect and the zones a recruiter should see first.
#[derive(Clone, Debug)]
pub struct Case {
    pub prospect: Prospect,
    pub expect: Vec<String>,
    /// How the description is written ("general" when the file does not say).
    pub kind: String,
    pub split: Split,
    /// Zones that must not rank first (a false friend's industry).
    pub avoid: Vec<String>,
    /// The id of the same description in simplified characters.
    pub twin: Option<String>,
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// Read a golden file: the dataset (validated as any import) and the cases (prospects
/// with a non-empty "expect"). A case without "split" is put in a half alternately within
/// its kind, in file order (tune first), as `tools/build_golden.py` does.
pub fn load_golden(text: &str) -> Result<(Dataset, Vec<Case>), ImportError> {
    let data = import_json(text)?;
    let raw: Value = serde_json::from_str(text).unwrap_or(Value::Null);
    let by_id: HashMap<&str, &Value> = raw["prospects"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|p| p["id"].as_str().map(|id| (id, p)))
                .collect()
        })
        .unwrap_or_default();
    let mut seen_per_kind: HashMap<String, usize> = HashMap::new();
    let mut cases = Vec::new();
    for p in &data.prospects {
        let Some(fields) = by_id.get(p.id.as_str()) else {
            continue;
        };
        let expect = strings(&fields["expect"]);
        if expect.is_empty() {
            continue;
        }
        let kind = fields["kind"]
            .as_str()
            .filter(|k| !k.trim().is_empty())
            .unwrap_or("general")
            .to_string();
        let n = seen_per_kind.entry(kind.clone()).or_default();
        let split = match fields["split"].as_str() {
            Some("tune") => Split::Tune,
            Some("holdout") => Split::Holdout,
            _ if *n % 2 == 0 => Split::Tune,
            _ => Split::Holdout,
        };
        *n += 1;
        cases.push(Case {
            prospect: p.clone(),
            expect,
            kind,
            split,
            avoid: strings(&fields["avoid"]),
            twin: fields["twin"].as_str().map(String::from),
        });
    }
    Ok((data, cases))
}

/// The kinds of the cases, in order of first appearance.
pub fn kinds(cases: &[Case]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in cases {
        if !out.contains(&c.kind) {
            out.push(c.kind.clone());
        }
    }
    out
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

/// How one case was ranked.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub id: String,
    pub kind: String,
    pub split: Split,
    /// Position of the first expected zone (0 = first), if ranked at all.
    pub position: Option<usize>,
    /// The first three zones ranked.
    pub first: Vec<String>,
    /// The first zone is one the case must avoid (a false friend won).
    pub false_friend_first: bool,
    /// The miss line (kind, split, description, expected, got), if not right first.
    pub miss: Option<String>,
}

/// Rank every case: `rank(case)` returns zone ids best first.
pub fn outcomes(cases: &[Case], mut rank: impl FnMut(&Case) -> Vec<String>) -> Vec<Outcome> {
    cases
        .iter()
        .map(|case| {
            let ranking = rank(case);
            let position = ranking.iter().position(|id| case.expect.contains(id));
            let first: Vec<String> = ranking.iter().take(3).cloned().collect();
            let false_friend_first = first.first().is_some_and(|z| case.avoid.contains(z));
            let miss = (position != Some(0)).then(|| {
                let text = [&case.prospect.industry, &case.prospect.products]
                    .into_iter()
                    .filter(|s| !s.trim().is_empty())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" | ");
                format!(
                    "{} [{}, {}] {:?}: expected {:?}, got {:?}{}",
                    case.prospect.id,
                    case.kind,
                    case.split.key(),
                    text,
                    case.expect,
                    first,
                    if false_friend_first {
                        " (false friend first)"
                    } else {
                        ""
                    }
                )
            });
            Outcome {
                id: case.prospect.id.clone(),
                kind: case.kind.clone(),
                split: case.split,
                position,
                first,
                false_friend_first,
                miss,
            }
        })
        .collect()
}

/// Top-1, top-3 and MRR over some outcomes.
pub fn metrics<'a>(outcomes: impl IntoIterator<Item = &'a Outcome>) -> Metrics {
    let mut m = Metrics::default();
    for o in outcomes {
        m.cases += 1;
        if o.position == Some(0) {
            m.top1 += 1.0;
        }
        if o.position.is_some_and(|p| p < 3) {
            m.top3 += 1.0;
        }
        m.mrr += o.position.map(|p| 1.0 / (p as f64 + 1.0)).unwrap_or(0.0);
    }
    if m.cases > 0 {
        let n = m.cases as f64;
        m.top1 /= n;
        m.top3 /= n;
        m.mrr /= n;
    }
    m
}

/// Metrics of the tuning half, the held-out half and all cases.
pub fn halves(outcomes: &[Outcome]) -> [Metrics; 3] {
    [
        metrics(outcomes.iter().filter(|o| o.split == Split::Tune)),
        metrics(outcomes.iter().filter(|o| o.split == Split::Holdout)),
        metrics(outcomes),
    ]
}

/// Twins (traditional and simplified text) ranked differently: another first zone, or
/// the first expected zone at another position.
pub fn twin_differences(cases: &[Case], outcomes: &[Outcome]) -> Vec<String> {
    let by_id: HashMap<&str, &Outcome> = outcomes.iter().map(|o| (o.id.as_str(), o)).collect();
    cases
        .iter()
        .filter_map(|c| {
            let twin = c.twin.as_deref()?;
            let (a, b) = (by_id.get(c.prospect.id.as_str())?, by_id.get(twin)?);
            (a.first.first() != b.first.first() || a.position != b.position).then(|| {
                format!(
                    "{} {:?} (expected zone at {}) vs {twin} {:?} (at {})",
                    c.prospect.id,
                    a.first,
                    rank_text(a.position),
                    b.first,
                    rank_text(b.position)
                )
            })
        })
        .collect()
}

fn rank_text(position: Option<usize>) -> String {
    position.map_or("none".into(), |p| format!("#{}", p + 1))
}

/// Score rankings: `rank(case)` returns zone ids best first. Returns the metrics over all
/// cases and the miss lines (with kind and split).
pub fn measure(cases: &[Case], rank: impl FnMut(&Case) -> Vec<String>) -> (Metrics, Vec<String>) {
    let out = outcomes(cases, rank);
    let misses = out.iter().filter_map(|o| o.miss.clone()).collect();
    (metrics(&out), misses)
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
