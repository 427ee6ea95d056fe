//! Benchmark (not a test: run by `scripts/bench.sh`, never by `scripts/test.sh`): the
//! matching engine against fuse.js, the common fuzzy-search library, in the same page of
//! headless Chromium. fuse.js (npm, pinned in package.json) is imported from its ES
//! module build (see [`fuse_class`]), with its default options and an index over what a
//! zone is called: its name, its clusters' names and its chain links' names, in Chinese
//! and English.
//!
//! - Speed: per keystroke against 2,600 synthetic zones, both given the same growing
//!   prefixes of the synthetic prospects' industry text. The engine prepares the prospect,
//!   ranks every zone and explains the top 20 (as the capture screen does); fuse.js
//!   searches its prebuilt index.
//! - Quality: top-1, top-3 and MRR on the golden file (tests/golden/catalogue.json), the
//!   engine's balanced preset against fuse.js searching with the case's industry and
//!   products text, scored by the library's own evaluation functions.
//!
//! Each scenario checks its result so a broken run cannot report a fast time or a
//! quality. Lines starting with `BENCH ` are the report.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use zonematch::evaluation::{engine_ranker, halves, load_golden, outcomes, Metrics, Split};
use zonematch::matching::{Catalogue, Preset, ProspectProfile};
use zonematch::model::Zone;
use zonematch::synthetic::generate;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen]
extern "C" {
    /// A fuse.js `Fuse` instance: an index over a list of records.
    type Fuse;

    /// `fuse.search(pattern)`: the matching records, best first, as
    /// `{ item, refIndex }` objects.
    #[wasm_bindgen(method)]
    fn search(this: &Fuse, pattern: &str) -> js_sys::Array;
}

/// fuse.js's `Fuse` class, the default export of its ES module build (the npm package
/// installed by `npm ci`, read at compile time), imported into this page.
///
/// Not through `#[wasm_bindgen(module = "/node_modules/fuse.js/dist/fuse.mjs")]`: that
/// compiles, but wasm-bindgen-test-runner 0.2.130 serves the copied `.mjs` snippet as
/// `application/octet-stream`, which the browser refuses as a module script, so the test
/// page never starts. The module's own text is imported from a `text/javascript` blob
/// URL instead: the same code, evaluated as the same ES module.
async fn fuse_class() -> js_sys::Function {
    const SOURCE: &str = include_str!("../node_modules/fuse.js/dist/fuse.mjs");
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(
        &js_sys::Array::of1(&SOURCE.into()),
        &options,
    )
    .unwrap();
    let url = web_sys::Url::create_object_url_with_blob(&blob).unwrap();
    let import = js_sys::Function::new_with_args("url", "return import(url)");
    let promise: js_sys::Promise = import
        .call1(&JsValue::NULL, &url.clone().into())
        .unwrap()
        .unchecked_into();
    let module = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("fuse.js's ES module loads");
    web_sys::Url::revoke_object_url(&url).unwrap();
    js_sys::Reflect::get(&module, &"default".into())
        .unwrap()
        .dyn_into()
        .expect("fuse.js's default export is the Fuse class")
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

fn report(line: String) {
    web_sys::console::log_1(&format!("BENCH {line}").into());
}

/// Lets the page's event loop run between measurements: the test runner reads the page
/// through WebDriver while the benchmark runs, and gives up on a page blocked too long.
async fn breathe() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// A Fuse index over the zones' names, cluster names and chain link names (both
/// languages), with fuse.js's default options; records are in zone order.
fn fuse_over(class: &js_sys::Function, zones: &[Zone]) -> Fuse {
    let both = |zh: &str, en: &str| {
        [zh, en]
            .into_iter()
            .filter(|s| !s.trim().is_empty())
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let records: Vec<serde_json::Value> = zones
        .iter()
        .map(|z| {
            let clusters: Vec<String> = z
                .clusters
                .iter()
                .flat_map(|c| both(&c.name.zh, &c.name.en))
                .collect();
            let links: Vec<String> = z
                .clusters
                .iter()
                .flat_map(|c| &c.links)
                .flat_map(|l| both(&l.name.zh, &l.name.en))
                .collect();
            serde_json::json!({
                "name": both(&z.name.zh, &z.name.en),
                "clusters": clusters,
                "links": links,
            })
        })
        .collect();
    let list = js_sys::JSON::parse(&serde_json::Value::Array(records).to_string()).unwrap();
    let options = js_sys::JSON::parse(r#"{"keys":["name","clusters","links"]}"#).unwrap();
    js_sys::Reflect::construct(class, &js_sys::Array::of2(&list, &options))
        .expect("new Fuse(list, options)")
        .unchecked_into()
}

/// The indices (into the indexed zones) of a search's results, best first.
fn found(results: &js_sys::Array) -> Vec<usize> {
    results
        .iter()
        .map(|r| {
            js_sys::Reflect::get(&r, &"refIndex".into())
                .ok()
                .and_then(|i| i.as_f64())
                .expect("a fuse.js result has a refIndex") as usize
        })
        .collect()
}

#[wasm_bindgen_test]
async fn bench_keystrokes_engine_vs_fuse() {
    let class = fuse_class().await;
    const PROSPECTS: usize = 8;
    let nz = 2600;
    let data = generate(nz, 10_000, 42);
    let weights = Preset::Balanced.weights();
    let t = now();
    let catalogue = Catalogue::new(&data.zones);
    let engine_build = now() - t;
    let t = now();
    let fuse = fuse_over(&class, &data.zones);
    let fuse_build = now() - t;
    report(format!(
        "build once over {nz} zones: engine catalogue {engine_build:.1} ms, fuse.js index {fuse_build:.1} ms (records from the zones included)"
    ));

    // Sanity: fuse.js finds a zone by its own cluster's name.
    let known = &data.zones[0].clusters[0].name.zh;
    assert!(
        found(&fuse.search(known)).contains(&0),
        "fuse.js did not find zone 0 by its cluster {known:?}"
    );

    let (mut engine_ms, mut fuse_ms) = (Vec::new(), Vec::new());
    let mut fuse_hits = 0usize;
    for prospect in data.prospects.iter().take(PROSPECTS) {
        let chars: Vec<char> = prospect.industry.chars().collect();
        for k in 1..=chars.len() {
            let typed: String = chars[..k].iter().collect();
            let mut typing = prospect.clone();
            typing.industry = typed.clone();
            // Interleaved, keystroke by keystroke, so drift hits both alike.
            let t = now();
            let profile = ProspectProfile::new(&typing);
            let ranked = catalogue.rank_explaining(&profile, &weights, 20);
            engine_ms.push(now() - t);
            assert_eq!(ranked.len(), nz);
            let t = now();
            let results = fuse.search(&typed);
            fuse_ms.push(now() - t);
            fuse_hits += results.length() as usize;
            breathe().await;
        }
    }
    assert!(fuse_hits > 0, "fuse.js found nothing for any keystroke");
    let keystrokes = engine_ms.len();
    let (engine, fuse_median) = (median(engine_ms), median(fuse_ms));
    report(format!(
        "per keystroke against {nz} zones ({keystrokes} keystrokes: the growing prefixes of {PROSPECTS} synthetic prospects' industry text): \
         engine (prepare prospect, rank all, explain top 20) {engine:.2} ms, fuse.js search {fuse_median:.2} ms (medians); \
         fuse/engine {:.2}x; fuse.js returned {:.0} results per keystroke on average",
        fuse_median / engine,
        fuse_hits as f64 / keystrokes as f64
    ));
}

fn cells(m: &Metrics) -> String {
    format!("top-1 {:.3} top-3 {:.3} MRR {:.3}", m.top1, m.top3, m.mrr)
}

#[wasm_bindgen_test]
async fn bench_golden_engine_vs_fuse() {
    let class = fuse_class().await;
    let (data, cases) =
        load_golden(include_str!("golden/catalogue.json")).expect("the golden file loads");
    assert!(!cases.is_empty());
    let weights = Preset::Balanced.weights();
    let catalogue = Catalogue::new(&data.zones);
    let fuse = fuse_over(&class, &data.zones);
    // Sanity: fuse.js finds a golden zone first by its own name.
    assert_eq!(
        found(&fuse.search(&data.zones[0].name.zh)).first(),
        Some(&0)
    );

    let engine = outcomes(&cases, engine_ranker(&catalogue, &weights));
    let fuse_out = outcomes(&cases, |case| {
        // What a person types: the description, as the evaluation's baseline reads it.
        let text = format!("{} {}", case.prospect.industry, case.prospect.products);
        found(&fuse.search(text.trim()))
            .into_iter()
            .map(|i| data.zones[i].id.clone())
            .collect()
    });
    let unmatched = fuse_out.iter().filter(|o| o.first.is_empty()).count();
    let [_, engine_holdout, engine_all] = halves(&engine);
    let [_, fuse_holdout, fuse_all] = halves(&fuse_out);
    assert_eq!(engine_all.cases, cases.len());
    assert!(
        engine_all.top1 > 0.0,
        "the engine ranked no case right: a broken run"
    );
    assert!(
        unmatched < cases.len(),
        "fuse.js matched no zone for any case: a broken run"
    );
    let holdout = cases.iter().filter(|c| c.split == Split::Holdout).count();
    report(format!(
        "golden file ({} zones, {} cases, {holdout} held out): engine (balanced) all: {}; held-out: {}",
        data.zones.len(),
        cases.len(),
        cells(&engine_all),
        cells(&engine_holdout)
    ));
    report(format!(
        "golden file: fuse.js (names, clusters, links; default options) all: {}; held-out: {}; no zone matched for {unmatched} cases",
        cells(&fuse_all),
        cells(&fuse_holdout)
    ));
}
