#!/usr/bin/env bash
# Benchmarks (not tests): the matching engine at national scale (2,600 zones, 10,000
# prospects, synthetic and deterministic), natively and as WebAssembly in headless
# Chromium; then ranking quality on the golden file, engine vs baseline; then start-up of
# the release build against a minimal Leptos app (benches/floor); then the engine against
# fuse.js in the same page, for speed and quality.
source "$(dirname "$0")/setup.sh"
ensure_rust
ensure_browser

step "native benchmark"
cargo run --locked --release --example bench

step "wasm benchmark in headless Chromium"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER="$(command -v chromedriver)" \
  cargo test --locked --release --target wasm32-unknown-unknown --test bench_web -- --nocapture 2>&1 |
  grep -E '^BENCH|test result'

step "ranking quality on the golden file"
cargo run --locked --release --example evaluate

step "the ranking command, scored on the golden file"
ranked="$(mktemp)"
cargo run --locked --release --example rank -- tests/golden/catalogue.json > "$ranked"
cargo run --locked --release --example evaluate -- --ranked "$ranked"
rm -f "$ranked"

step "capture to brief at the tablet viewport, typing like a person (release build in dist/)"
ensure_node_tools
# Always built (a no-op when nothing changed), so a stale dist/ is never measured.
build_release
node tools/bench-capture-to-brief.mjs 3

step "start-up: the product against the floor (first zone card, 1x and 4x CPU, cold and warm, median of 5)"
# The floor (benches/floor): a minimal Leptos app built the same way, drawing seven zone
# cards; its own crate, lock file and dist, outside the product's build.
# Built every time (a no-op when nothing changed) as the product is: the same pinned
# nightly, std rebuilt, the same flags; so a floor built another way is never measured.
step "build the floor app (benches/floor): cargo fetch + trunk build --release --offline"
ensure_release_toolchain
(cd benches/floor && cargo fetch --locked &&
  with_release_toolchain cargo fetch --locked --target wasm32-unknown-unknown &&
  with_release_toolchain trunk build --release --offline)
node tools/bench-startup.mjs 5

step "ranking against fuse.js in the same page (per keystroke, 2,600 zones; quality on the golden file)"
# fuse.js is an npm devDependency (package-lock.json), imported by tests/bench_fuse.rs at
# compile time. The runner's default 20 s is too short: fuse.js takes ~0.4 s a keystroke.
ensure_node_tools
[ -f node_modules/fuse.js/dist/fuse.mjs ] || npm ci --no-audit --no-fund
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER="$(command -v chromedriver)" WASM_BINDGEN_TEST_TIMEOUT=600 \
  cargo test --locked --release --target wasm32-unknown-unknown --test bench_fuse -- --nocapture 2>&1 |
  grep -E '^BENCH|test result'
