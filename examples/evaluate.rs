//! Ranking quality on the golden file, engine vs a plain baseline.
//!
//! `cargo run --release --example evaluate [-- tests/golden/catalogue.json] [--misses]`

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
