#!/usr/bin/env bash
# Runs the FRAME benchmarks of ZKP's pallets and regenerates their weights.rs.
# Needs a node built with the runtime-benchmarks feature; this script builds one into
# $CARGO_TARGET_DIR (then `bash scripts/build.sh` brings back the normal node).
#   bash scripts/benchmark-pallets.sh [pallet ...]   (default: every pallet under pallets/)
. "$(dirname "$0")/common.sh"
cd "$ROOT"
STEPS="${STEPS:-10}"
REPEAT="${REPEAT:-5}"
log "building zkp-node with runtime-benchmarks"
# The workspace with the feature (agent and node keep one feature set); the benchmarking CLI
# changes the features of much of the native tree, so the first such build is a long one.
bash scripts/build.sh --features zkp-node/runtime-benchmarks
pallets=("$@")
if [ ${#pallets[@]} -eq 0 ]; then
	for dir in pallets/*/; do pallets+=("pallet_$(basename "$dir" | tr - _)"); done
fi
for pallet in "${pallets[@]}"; do
	dir="pallets/$(echo "${pallet#pallet_}" | tr _ -)"
	log "benchmarking $pallet -> $dir/src/weights.rs"
	"$ZKP_NODE" benchmark pallet --chain dev --pallet "$pallet" --extrinsic '*' \
		--steps "$STEPS" --repeat "$REPEAT" --heap-pages 4096 \
		--template .maintain/pallet-weight-template.hbs --output "$dir/src/weights.rs"
done
