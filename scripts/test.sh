#!/usr/bin/env bash
# Install the build and test tools that are missing, then run every test:
# native (engine, model, import, bad inputs, properties), in-browser (storage,
# wasm-bindgen-test in headless Chromium), bundle size budget, end-to-end (Playwright
# against the release build, incl. fault injection and offline), the team sync soak test
# (12,600 documents) and bounded fuzzing.
source "$(dirname "$0")/setup.sh"
started=$(date +%s)
ensure_rust
ensure_node_tools
ensure_sync_server
ensure_browser
ensure_fuzz

step "native tests: cargo test"
cargo test --locked

step "browser tests: wasm-bindgen-test in headless Chromium"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER="$(command -v chromedriver)" \
  cargo test --locked --target wasm32-unknown-unknown --test storage_web --test team_sync_web

# The second release first: building it changes target/, so dist/ (the normal build) is
# built last.
build_next_release
build_release

step "bundle size budget"
node tests/size_budget.mjs

step "end-to-end tests: Playwright in Chromium (desktop and tablet)"
npx playwright test

step "soak: the first team sync of 12,600 documents into an empty browser, time recorded"
soak_dir="$(mktemp -d)"
cargo run --locked --quiet --example synthetic_export -- "$soak_dir/national.json"
node tools/bench-sync.mjs "$soak_dir/national.json" --rates 1 --soak
rm -rf "$soak_dir"

step "fuzzing, bounded: JSON import, CSV import, stored state, workbook import"
run_fuzzers

step "all tests passed in $(($(date +%s) - started)) s"
