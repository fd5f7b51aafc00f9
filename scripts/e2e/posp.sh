#!/usr/bin/env bash
# Proof of Space end to end: a dev node, the IPFS daemon (started here if it is not running)
# and three zkp-agents; see scripts/e2e/posp.mjs for the scenario. Prints a summary last.
. "$(dirname "$0")/../common.sh"
cd "$ROOT"
[ -x "$CARGO_TARGET_DIR/release/zkp-agent" ] || cargo build --release --locked -p zkp-agent
with_ipfs node scripts/e2e/posp.mjs
