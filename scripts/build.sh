#!/usr/bin/env bash
# Builds the `zkp-node` binary (runtime included, compiled to WASM) in release mode.
. "$(dirname "$0")/common.sh"
cd "$ROOT"
log "building zkp-node (target dir: $CARGO_TARGET_DIR)"
cargo build --release --locked --workspace "$@"
log "built $ZKP_NODE"
