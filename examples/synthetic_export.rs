//! Write the synthetic national dataset (2,600 zones and 10,000 prospects by default, seed
//! 42: the same data as `examples/bench.rs`) in the app's export format, for the team sync
//! soak test and benchmark (`tools/bench-sync.mjs`) or an import.
//!
//! `cargo run --example synthetic_export -- FILE [ZONES PROSPECTS]`

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(file) = args.first() else {
        eprintln!("usage: synthetic_export FILE [ZONES PROSPECTS]");
        std::process::exit(2);
    };
    let count =
        |i: usize, default: usize| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let data = zonematch::synthetic::generate(count(1, 2600), count(2, 10_000), 42);
    let text = zonematch::transfer::export_json(&data, "synthetic");
    if let Err(e) = std::fs::write(file, &text) {
        eprintln!("cannot write {file}: {e}");
        std::process::exit(1);
    }
    println!(
        "wrote {file}: {} zones, {} prospects, {} bytes",
        data.zones.len(),
        data.prospects.len(),
        text.len()
    );
}
