//! Entry point: the browser app. Natively there is nothing to run; see `cargo test`.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(zonematch::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ZoneMatch runs in the browser: build it with `trunk build --release`.");
}
