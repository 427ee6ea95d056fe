#!/usr/bin/env bash
# Install the build and test tools that are missing, then run every test:
# native (engine, model, import), in-browser (storage, wasm-bindgen-test in headless
# Chromium), bundle size budget, and end-to-end (Playwright against the release build).
source "$(dirname "$0")/setup.sh"
started=$(date +%s)
ensure_rust
ensure_node_tools
ensure_browser

step "native tests: cargo test"
cargo test --locked

step "browser tests: wasm-bindgen-test in headless Chromium"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER="$(command -v chromedriver)" \
  cargo test --locked --target wasm32-unknown-unknown --test storage_web

build_release

step "bundle size budget"
node tests/size_budget.mjs

step "end-to-end tests: Playwright in Chromium (desktop and tablet)"
npx playwright test

step "all tests passed in $(($(date +%s) - started)) s"
