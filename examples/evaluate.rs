//! Ranking quality on the golden file, engine vs a plain baseline.
//!
//! `cargo run --release --example evaluate [-- tests/golden/catalogue.json] [--misses]`
//!
//! Prints, for each preset and the baseline, top-1 / top-3 / MRR on the tuning half, the
//! held-out half and all cases; then a per-kind breakdown for the balanced preset, how
//! often a false friend ranked first, and traditional/simplified twins ranked
//! differently. `--misses` lists the balanced preset's misses by kind, with their split.
//!
//! `--ranked FILE` scores the output of the ranking command instead of ranking again, so
//! that the command itself is what is measured:
//! `cargo run --release --example rank -- tests/golden/catalogue.json > ranked.jsonl`
//! `cargo run --release --example evaluate -- --ranked ranked.jsonl`

use zonematch::evaluation::{
    baseline_ranker, engine_ranker, halves, kinds, load_golden, metrics, outcomes,
    twin_differences, Metrics, Outcome, Split,
};
use zonematch::matching::{Catalogue, Preset};

fn cells(m: &Metrics) -> String {
    format!("{:>6.3} {:>6.3} {:>6.3}", m.top1, m.top3, m.mrr)
}

fn row(label: &str, out: &[Outcome]) {
    let [tune, holdout, all] = halves(out);
    println!(
        "{:<28} {}   {}   {}",
        label,
        cells(&tune),
        cells(&holdout),
        cells(&all)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "tests/golden/catalogue.json".into());
    let show_misses = args.iter().any(|a| a == "--misses");
    let ranked_file = args
        .iter()
        .position(|a| a == "--ranked")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let path = if ranked_file.as_deref() == Some(path.as_str()) {
        "tests/golden/catalogue.json".to_string()
    } else {
        path
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(2);
        }
    };
    let (data, cases) = match load_golden(&text) {
        Ok(v) => v,
        Err(e) => {
            for p in e.problems {
                eprintln!("{}", p.en);
            }
            std::process::exit(2);
        }
    };
    if let Some(file) = ranked_file {
        let lines = std::fs::read_to_string(&file).unwrap_or_else(|e| {
            eprintln!("cannot read {file}: {e}");
            std::process::exit(2);
        });
        let mut by_prospect = std::collections::HashMap::new();
        for line in lines.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
            let zones: Vec<String> = v["zones"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|z| z["zone"].as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default();
            by_prospect.insert(
                v["prospect"].as_str().unwrap_or_default().to_string(),
                zones,
            );
        }
        let out = outcomes(&cases, |c| {
            by_prospect.get(&c.prospect.id).cloned().unwrap_or_default()
        });
        let [tune, holdout, m] = halves(&out);
        println!(
            "ranking command output {file}: top-1 {:.3}  top-3 {:.3}  MRR {:.3}  ({} cases; \
             held-out half: top-1 {:.3}  top-3 {:.3}  MRR {:.3}; tuning half: top-1 {:.3})",
            m.top1, m.top3, m.mrr, m.cases, holdout.top1, holdout.top3, holdout.mrr, tune.top1
        );
        return;
    }
    let catalogue = Catalogue::new(&data.zones);
    let count = |split| cases.iter().filter(|c| c.split == split).count();
    println!(
        "golden file: {path}: {} zones, {} cases (tuning half {}, held-out half {})",
        data.zones.len(),
        cases.len(),
        count(Split::Tune),
        count(Split::Holdout)
    );
    println!(
        "{:<28} {:^20}   {:^20}   {:^20}",
        "", "tuning half", "held-out half", "all"
    );
    let head = format!("{:>6} {:>6} {:>6}", "top-1", "top-3", "MRR");
    println!("{:<28} {head}   {head}   {head}", "ranker");
    let mut balanced = Vec::new();
    for preset in Preset::ALL {
        let w = preset.weights();
        let out = outcomes(&cases, engine_ranker(&catalogue, &w));
        row(&format!("engine ({})", preset.key()), &out);
        if preset == Preset::Balanced {
            balanced = out;
        }
    }
    let baseline = outcomes(&cases, baseline_ranker(&data.zones));
    row("baseline (raw strsim)", &baseline);

    println!();
    println!("by kind, engine (balanced):");
    println!(
        "{:<14} {:>5}  {head}   {:>11} {:>11}  {:>13}",
        "kind", "cases", "tune top-1", "hold top-1", "false friend"
    );
    for kind in kinds(&cases) {
        let of_kind: Vec<&Outcome> = balanced.iter().filter(|o| o.kind == kind).collect();
        let m = metrics(of_kind.iter().copied());
        let half = |split| metrics(of_kind.iter().copied().filter(|o| o.split == split));
        let avoided = cases
            .iter()
            .filter(|c| c.kind == kind && !c.avoid.is_empty())
            .count();
        let friends = if avoided > 0 {
            let first = of_kind.iter().filter(|o| o.false_friend_first).count();
            format!("{first}/{avoided} first")
        } else {
            String::new()
        };
        println!(
            "{:<14} {:>5}  {}   {:>11.3} {:>11.3}  {:>13}",
            kind,
            m.cases,
            cells(&m),
            half(Split::Tune).top1,
            half(Split::Holdout).top1,
            friends
        );
    }
    let twins = twin_differences(&cases, &balanced);
    let twin_count = cases.iter().filter(|c| c.twin.is_some()).count();
    println!(
        "twins (traditional vs simplified) ranked differently: {}/{}",
        twins.len(),
        twin_count
    );
    if show_misses {
        println!();
        println!("misses, engine (balanced), by kind:");
        for kind in kinds(&cases) {
            for o in balanced.iter().filter(|o| o.kind == kind) {
                if let Some(miss) = &o.miss {
                    println!("  miss: {miss}");
                }
            }
        }
        for t in twins {
            println!("  twin differs: {t}");
        }
    }
}
