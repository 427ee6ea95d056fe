#!/usr/bin/env bash
# Install what is missing, build the release app and serve it at http://127.0.0.1:8080
# (the demo zones load on first visit). Ctrl-C stops it.
source "$(dirname "$0")/setup.sh"
ensure_rust
ensure_node_tools
build_release
step "serving dist/ at http://127.0.0.1:8080"
exec node tests/e2e/serve.mjs 8080 dist
