//! Ranking quality on the golden file, engine vs a plain baseline.
//!
//! `cargo run --release --example evaluate [-- tests/golden/catalogue.json] [--misses]`
//!
//! `--ranked FILE` scores the output of the ranking command instead of ranking again, so
//! that the command itself is what is measured:
//! `cargo run --release --example rank -- tests/golden/catalogue.json > ranked.jsonl`
//! `cargo run --release --example evaluate -- --ranked ranked.jsonl`

use zonematch::evaluation::{baseline_ranker, engine_ranker, load_golden, measure};
use zonematch::matching::{Catalogue, Preset};

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
        let (m, _) = measure(&cases, |c| {
            by_prospect.get(&c.prospect.id).cloned().unwrap_or_default()
        });
        println!(
            "ranking command output {file}: top-1 {:.3}  top-3 {:.3}  MRR {:.3}  ({} cases)",
            m.top1, m.top3, m.mrr, m.cases
        );
        return;
    }
    let catalogue = Catalogue::new(&data.zones);
    println!(
        "golden file: {path}: {} zones, {} cases",
        data.zones.len(),
        cases.len()
    );
    println!(
        "{:<28} {:>6} {:>6} {:>6}",
        "ranker", "top-1", "top-3", "MRR"
    );
    for preset in Preset::ALL {
        let w = preset.weights();
        let (m, misses) = measure(&cases, engine_ranker(&catalogue, &w));
        println!(
            "{:<28} {:>6.3} {:>6.3} {:>6.3}",
            format!("engine ({})", preset.key()),
            m.top1,
            m.top3,
            m.mrr
        );
        if show_misses && preset == Preset::Balanced {
            for miss in misses {
                println!("  miss: {miss}");
            }
        }
    }
    let (b, _) = measure(&cases, baseline_ranker(&data.zones));
    println!(
        "{:<28} {:>6.3} {:>6.3} {:>6.3}",
        "baseline (raw strsim)", b.top1, b.top3, b.mrr
    );
}
