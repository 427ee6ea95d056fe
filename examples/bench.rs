//! Native benchmarks of the matching engine at national scale (synthetic data).
//!
//! `cargo run --release --example bench [-- ZONES PROSPECTS]` (default 2600 10000)
//! Prints the median of repeated runs for each scenario.
//! The same synthetic data in the app's export format: `examples/synthetic_export.rs`.

use std::time::Instant;

use zonematch::matching::{Catalogue, Preset, ProspectProfile};
use zonematch::synthetic::generate;

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let (nz, np) = (
        args.first().copied().unwrap_or(2600),
        args.get(1).copied().unwrap_or(10_000),
    );
    let weights = Preset::Balanced.weights();
    let t = Instant::now();
    let data = generate(nz, np, 42);
    println!(
        "generate {nz} zones + {np} prospects: {:.1} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );
    let t = Instant::now();
    let catalogue = Catalogue::new(&data.zones);
    println!(
        "build catalogue ({nz} zones): {:.1} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );

    let t = Instant::now();
    let profiles: Vec<ProspectProfile> = data.prospects.iter().map(ProspectProfile::new).collect();
    println!(
        "prepare {np} prospect profiles: {:.1} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );

    let mut i = 0;
    let one = median_ms(101, || {
        let r = catalogue.rank(&profiles[i % profiles.len()], &weights);
        assert_eq!(r.len(), nz);
        i += 1;
    });
    println!("1 prospect x {nz} zones (rank, every zone explained): {one:.3} ms (median of 101)");

    let typing = median_ms(101, || {
        let p = ProspectProfile::new(&data.prospects[i % np]);
        let r = catalogue.rank_explaining(&p, &weights, 20);
        assert_eq!(r.len(), nz);
        i += 1;
    });
    println!(
        "1 prospect x {nz} zones per keystroke (prepare prospect, rank all, explain top 20): {typing:.3} ms"
    );

    let mut zi = 0;
    let reverse = median_ms(21, || {
        let r = catalogue.rank_prospects(zi % nz, &profiles, &weights);
        assert_eq!(r.len(), np);
        zi += 1;
    });
    println!("{np} prospects x 1 zone (rank): {reverse:.2} ms (median of 21)");

    let batch = 1000.min(np);
    let t = Instant::now();
    let mut best_total = 0u64;
    for p in &profiles[..batch] {
        best_total += u64::from(catalogue.rank_explaining(p, &weights, 1)[0].total);
    }
    println!(
        "{batch} x {nz} batch (all totals, best zone explained): {:.0} ms (mean best total {:.1})",
        t.elapsed().as_secs_f64() * 1000.0,
        best_total as f64 / batch as f64
    );
}
