//! Benchmarks of the matching engine in WebAssembly in headless Chromium (not a test:
//! run by `scripts/bench.sh`). Each scenario checks its result so a broken engine cannot
//! report a fast time, and prints the median time via the console.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use zonematch::matching::{Catalogue, Preset, ProspectProfile};
use zonematch::synthetic::generate;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = now();
            f();
            now() - t
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn report(line: String) {
    web_sys::console::log_1(&format!("BENCH {line}").into());
}

#[wasm_bindgen_test]
fn bench_national_scale() {
    let (nz, np) = (2600, 10_000);
    let weights = Preset::Balanced.weights();
    let t = now();
    let data = generate(nz, np, 42);
    report(format!(
        "generate {nz} zones + {np} prospects: {:.1} ms",
        now() - t
    ));
    let t = now();
    let catalogue = Catalogue::new(&data.zones);
    report(format!("build catalogue ({nz} zones): {:.1} ms", now() - t));
    let t = now();
    let profiles: Vec<ProspectProfile> = data.prospects.iter().map(ProspectProfile::new).collect();
    report(format!(
        "prepare {np} prospect profiles: {:.1} ms",
        now() - t
    ));

    let mut i = 0;
    let typing = median_ms(51, || {
        let p = ProspectProfile::new(&data.prospects[i % np]);
        let r = catalogue.rank_explaining(&p, &weights, 20);
        assert_eq!(r.len(), nz);
        i += 1;
    });
    report(format!(
        "1 prospect x {nz} zones per keystroke (prepare prospect, rank all, explain top 20): {typing:.2} ms (median of 51)"
    ));
    let full = median_ms(21, || {
        let p = ProspectProfile::new(&data.prospects[i % np]);
        let r = catalogue.rank(&p, &weights);
        assert_eq!(r.len(), nz);
        i += 1;
    });
    report(format!(
        "1 prospect x {nz} zones, every zone explained: {full:.2} ms (median of 21)"
    ));

    let mut zi = 0;
    let reverse = median_ms(11, || {
        let r = catalogue.rank_prospects(zi % nz, &profiles, &weights);
        assert_eq!(r.len(), np);
        zi += 1;
    });
    report(format!(
        "{np} prospects x 1 zone: {reverse:.1} ms (median of 11)"
    ));

    let batch = 1000;
    let t = now();
    let mut sum = 0u64;
    for p in &profiles[..batch] {
        sum += u64::from(catalogue.rank_explaining(p, &weights, 1)[0].total);
    }
    assert!(sum > 0);
    report(format!(
        "{batch} x {nz} batch (all totals, best zone explained): {:.0} ms",
        now() - t
    ));
}

/// The real national catalogue (public/zones-2018.tsv, 2,543 zones) with the demo
/// profiles in scope "all": reading the asset, preparing it for matching, and the
/// capture screen's work per keystroke, to set beside the synthetic 2,600-zone figures.
#[wasm_bindgen_test]
fn bench_national_catalogue() {
    use zonematch::national::{NationalCatalogue, Scope};
    let weights = Preset::Balanced.weights();
    let text = include_str!("../public/zones-2018.tsv");
    let t = now();
    let cat = NationalCatalogue::parse(text).unwrap();
    report(format!(
        "read the catalogue asset ({} bytes, {} zones): {:.1} ms",
        text.len(),
        cat.entries.len(),
        now() - t
    ));
    let t = now();
    let zones = Scope::All.zones(&zonematch::demo::demo_zones(), Some(&cat));
    let catalogue = Catalogue::new(&zones);
    let nz = zones.len();
    report(format!(
        "prepare for matching ({nz} zones: profiles + reference): {:.1} ms",
        now() - t
    ));
    // The synthetic benchmark's own prospects, so the two figures compare.
    let prospects = generate(2600, 10_000, 42).prospects;
    let mut i = 0;
    let typing = median_ms(51, || {
        let p = ProspectProfile::new(&prospects[i % prospects.len()]);
        let r = catalogue.rank_explaining(&p, &weights, 20);
        assert_eq!(r.len(), nz);
        i += 1;
    });
    report(format!(
        "1 prospect x {nz} real zones per keystroke (prepare prospect, rank all, explain top 20): {typing:.2} ms (median of 51)"
    ));
}

/// Sizes and times of browser storage at scale: 10,000 prospects with the demo zones, and
/// the full national catalogue (2,600 zones) on top.
#[wasm_bindgen_test]
fn bench_storage_at_scale() {
    use zonematch::model::Dataset;
    use zonematch::storage::{LoadOutcome, SaveError, Store};
    let local = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    local.clear().unwrap();
    let synthetic = generate(2600, 10_000, 42);
    let prospects_only = Dataset {
        schema_version: zonematch::model::SCHEMA_VERSION,
        zones: zonematch::demo::demo_zones(),
        prospects: synthetic.prospects.clone(),
    };
    for (label, data) in [
        ("7 demo zones + 10,000 prospects", prospects_only),
        ("2,600 zones + 10,000 prospects", synthetic),
    ] {
        local.clear().unwrap();
        let chars = zonematch::transfer::encode_stored(&data, 1).chars().count();
        let mut store = Store::open();
        let t = now();
        let saved = store.commit(&data).saved;
        let save_ms = now() - t;
        match saved {
            Ok(_) => {
                let t = now();
                let loaded = Store::open().load();
                let load_ms = now() - t;
                assert_eq!(loaded, LoadOutcome::Loaded(data));
                report(format!("storage, {label}: {chars} chars stored, save {save_ms:.0} ms, load + validate {load_ms:.0} ms"));
            }
            Err(SaveError::QuotaFull) => {
                report(format!("storage, {label}: {chars} chars: does not fit in localStorage (quota full after {save_ms:.0} ms); nothing overwritten"));
            }
            Err(e) => panic!("{label}: {e:?}"),
        }
    }
    local.clear().unwrap();
}
