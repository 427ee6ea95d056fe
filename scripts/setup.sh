# Shared set-up steps for serve.sh and test.sh: each installs what is missing, skips what
# is there. Sourced, not run. Verified on Debian 12 with Rust 1.95 (see ../shared/TOOLCHAIN.md).

set -euo pipefail

TRUNK_VERSION=0.21.14
# Must equal the wasm-bindgen pinned in Cargo.toml / Cargo.lock.
WASM_BINDGEN_VERSION=0.2.130
# The release build (and cargo fuzz) use this pinned nightly: the release rebuilds the
# standard library for size, with panics as a bare trap and no source locations in the
# wasm (issue 11, measured 2026-11-30 by tests/size_budget.mjs: app wasm 574,623 -> 533,328
# bytes gzip, workbook worker 602,491 -> 555,011).
# Native tests and the wasm-bindgen tests use the stable toolchain.
RELEASE_TOOLCHAIN=nightly-2026-05-20

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

sudo_if_needed() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  step "apt-get install $*"
  sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq "$@"
}

ensure_rust() {
  if ! command -v cargo >/dev/null 2>&1; then
    echo "cargo not found: install Rust with rustup (https://rustup.rs) first." >&2
    exit 1
  fi
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
    step "cargo install trunk $TRUNK_VERSION (about 8 minutes on 2 cores)"
    cargo install --locked "trunk@$TRUNK_VERSION"
  fi
  if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION" ||
    ! command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
    step "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
    # Without --locked: its lock file wants a crate version the registry mirror lacks.
    cargo install "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
  fi
}

# The pinned nightly with the standard library's source (to rebuild it) and the wasm target.
ensure_release_toolchain() {
  if ! rustup toolchain list | grep -q "^$RELEASE_TOOLCHAIN"; then
    step "rustup toolchain install $RELEASE_TOOLCHAIN (release build and cargo fuzz)"
    rustup toolchain install "$RELEASE_TOOLCHAIN" --profile minimal \
      --component rust-src --target wasm32-unknown-unknown
  fi
  if ! rustup component list --installed --toolchain "$RELEASE_TOOLCHAIN" | grep -q '^rust-src'; then
    rustup component add rust-src --toolchain "$RELEASE_TOOLCHAIN"
  fi
  if ! rustup target list --installed --toolchain "$RELEASE_TOOLCHAIN" | grep -qx wasm32-unknown-unknown; then
    rustup target add wasm32-unknown-unknown --toolchain "$RELEASE_TOOLCHAIN"
  fi
}

# Runs a command the way release builds are made: the pinned nightly, the standard library
# rebuilt with the app (build-std), panics compiled to a trap (`-Cpanic=immediate-abort`:
# no panic messages or formatting in the wasm; a panic stops the app either way, as
# `panic = "abort"` did) and no file/line records for panics (`-Zlocation-detail=none`).
# erase_components is repeated from .cargo/config.toml, whose flags for the wasm target
# these may replace.
with_release_toolchain() {
  RUSTUP_TOOLCHAIN="$RELEASE_TOOLCHAIN" \
    CARGO_UNSTABLE_BUILD_STD="std,panic_abort" \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
    "$@"
}

ensure_node_tools() {
  if ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
  fi
  # wasm-opt from npm binaryen 132: Debian's binaryen 108 produces a wasm that crashes.
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/playwright ] ||
    [ ! -f node_modules/xlsx/package.json ] || [ ! -f node_modules/pouchdb/dist/pouchdb.min.js ] ||
    [ package-lock.json -nt node_modules/.package-lock.json ]; then
    step "npm ci (binaryen, playwright, xlsx, pouchdb)"
    npm ci --no-audit --no-fund
  fi
}

# pouchdb-server (npm, 4.2.0), the CouchDB-protocol server the team sync tests start on
# 127.0.0.1 (tools/sync-server). Its optional native parts (leveldown, sqlite3) are not
# built: npm skips install scripts, and --in-memory needs none.
ensure_sync_server() {
  if [ ! -x tools/sync-server/node_modules/.bin/pouchdb-server ] ||
    [ tools/sync-server/package-lock.json -nt tools/sync-server/node_modules/.package-lock.json ]; then
    step "npm ci in tools/sync-server (pouchdb-server, for the team sync tests)"
    (cd tools/sync-server && npm ci --no-audit --no-fund)
  fi
}

ensure_browser() {
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    apt_install chromium chromium-driver
  fi
}

build_release() {
  step "cargo fetch + trunk build --release --offline ($RELEASE_TOOLCHAIN, std rebuilt for size)"
  ensure_release_toolchain
  # Every target's crates (build scripts and macros run on the host), then the standard
  # library's own dependencies (build-std), so that --offline finds them all.
  cargo fetch --locked
  with_release_toolchain cargo fetch --locked --target wasm32-unknown-unknown
  with_release_toolchain trunk build --release --offline
}

# A second release of the same code that differs from dist/ in every hashed file name and
# in the release it shows (e2e-next): the deploy tests (tests/e2e/deploy.spec.js) update
# the app from dist/ to dist-next/ as a real deploy would.
build_next_release() {
  step "trunk build --release --offline --dist dist-next (ZONEMATCH_RELEASE=e2e-next)"
  ensure_release_toolchain
  cargo fetch --locked
  with_release_toolchain cargo fetch --locked --target wasm32-unknown-unknown
  ZONEMATCH_RELEASE=e2e-next with_release_toolchain trunk build --release --offline --dist dist-next
}

ensure_fuzz() {
  # cargo fuzz needs a nightly: the release build's pinned one.
  ensure_release_toolchain
  if ! command -v cargo-fuzz >/dev/null 2>&1; then
    step "cargo install cargo-fuzz"
    cargo install --locked cargo-fuzz
  fi
}

# Run every fuzz target for a fixed number of executions from a fixed seed (so a CI run
# is reproducible: the same inputs every time), seeded with the bad-input corpus and the
# fixtures; about 2 minutes per target here. FUZZ_SCALE multiplies the executions (e.g. 10 for
# a longer hunt, with FUZZ_SEED set to explore new inputs). Fails on any crash.
run_fuzzers() {
  local scale="${FUZZ_SCALE:-1}" seed="${FUZZ_SEED:-1}" total=0
  for target in json_import csv_import stored_state workbook_import; do
    local corpus seeds="tests/bad_inputs/json" log runs
    corpus="$(mktemp -d)"
    [ "$target" = csv_import ] && seeds="tests/bad_inputs/csv"
    case "$target" in
      stored_state) runs=$((400000 * scale)) ;;
      *) runs=$((20000 * scale)) ;;
    esac
    if [ "$target" = workbook_import ]; then
      # Seed workbooks written by the app's own writer (no binary files in the repository).
      local seed_dir
      seed_dir="$(mktemp -d)"
      WORKBOOK_SEEDS="$seed_dir" cargo test --quiet --test workbook write_fuzz_seeds >/dev/null
      seeds="$(realpath --relative-to=. "$seed_dir")"
    fi
    find tests/fixtures -maxdepth 1 -type f -exec cp {} "$corpus/" \;
    log="$(mktemp)"
    local started=$SECONDS
    if ! (cd fuzz && cargo "+$RELEASE_TOOLCHAIN" fuzz run "$target" "$corpus" "../$seeds" -- \
      -runs="$runs" -seed="$seed" -rss_limit_mb=2048 -max_len=65536) >"$log" 2>&1; then
      tail -40 "$log"
      echo "fuzz target $target failed (reproduce: FUZZ_SEED=$seed)" >&2
      return 1
    fi
    echo "fuzz $target: $runs executions in $((SECONDS - started)) s, no crash"
    total=$((total + runs))
    rm -rf "$log" "$corpus"
  done
  echo "fuzz total: $total executions"
}
