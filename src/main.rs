//! Entry point: the browser app. Natively there is nothing to run; see `cargo test`.

#[cfg(target_arch = "wasm32")]
fn main() {
    // The wasm is fetched, compiled and instantiated: the start-up benchmark
    // (tools/bench-startup.mjs) splits the time to the first zone card here.
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark("startup:main");
    }
    // Release builds compile panics to a trap (scripts/setup.sh, with_release_toolchain):
    // the hook would never run there, so only debug builds carry it.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(zonematch::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ZoneMatch runs in the browser: build and serve it with `bash scripts/serve.sh`.");
}
