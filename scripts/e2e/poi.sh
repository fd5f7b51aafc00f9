#!/usr/bin/env bash
# Proof of Intelligence end to end: a dev node, the IPFS daemon (started here if it is not
# running), three zkp-agents and the real all-MiniLM-L6-v2 model; see scripts/e2e/poi.mjs
# for the scenario. Prints a summary last.
. "$(dirname "$0")/../common.sh"
cd "$ROOT"
[ -x "$CARGO_TARGET_DIR/release/zkp-agent" ] || cargo build --release --locked -p zkp-agent
export ZKP_MINILM_DIR="${ZKP_MINILM_DIR:-$(bash scripts/models.sh)}"
with_ipfs node scripts/e2e/poi.mjs
