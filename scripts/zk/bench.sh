#!/usr/bin/env bash
# Groth16 and STARK verification cost on this machine, in one run:
#   1. `zkp-node zk bench`: native arkworks, zkp-groth16 native, the runtime calling the host
#      function, pure WASM, per-proof batch cost for 1 / 8 / 64 proofs, registered (prepared)
#      keys against arkworks with a prepared key, and the target ratios; then the STARK
#      fixtures: native, runtime → host function, pure WASM, proof size;
#   1b. proving time and proof size of the STARK programs (`zkp-stark prove`, this machine);
#   2. with --frame: the FRAME benchmark of the extrinsics (`submit_proof`, `submit_batch`;
#      builds a runtime-benchmarks node first, see scripts/benchmark-pallets.sh), with the
#      extrinsic's time per proof against native arkworks from step 1.
. "$(dirname "$0")/../common.sh"
cd "$ROOT"
[ -x "$ZKP_NODE" ] || bash scripts/build.sh
out="$(mktemp)"
"$ZKP_NODE" zk bench --iterations "${ITERATIONS:-30}" | tee "$out"
STARK="$CARGO_TARGET_DIR/release/zkp-stark"
echo
printf '%-22s %10s %12s\n' "STARK program (input)" "prove ms" "proof bytes"
for run in "fib 10" "fib 1000" "fib 5000" "fib 20000" "root 130 5"; do
	set -- $run
	"$STARK" prove --program "scripts/zk/stark/$1.masm" --inputs "$2" ${3:+--advice "$3"} \
		--out "$out.stark.json" >/dev/null
	python3 -c 'import json, sys; f = json.load(open(sys.argv[1])); print(f"{sys.argv[2]:<22} {f["proveMs"]:>10} {f["proofBytes"]:>12}")' \
		"$out.stark.json" "$1 ($2)"
done
if [ "${1:-}" = "--frame" ]; then
	bash scripts/build.sh --features zkp-node/runtime-benchmarks
	wasm="$CARGO_TARGET_DIR/release/wbuild/zkp-runtime/zkp_runtime.compact.compressed.wasm"
	"$ZKP_NODE" benchmark pallet --runtime "$wasm" --genesis-builder runtime \
		--pallet pallet_zk_verifier --extrinsic submit_proof,submit_batch --steps 10 --repeat 5 \
		--heap-pages 4096 2>/dev/null | tee "$out.frame" | grep -E "Extrinsic:|Time ~=|^[bn] " || true
	# Extrinsic time for 3 inputs (BLS12-381, the curve the weights use) vs native arkworks.
	python3 - "$out" "$out.frame" <<'PY'
import re, sys
bench, frame = open(sys.argv[1]).read(), open(sys.argv[2]).read()
ark = float(re.search(r"^Bls12_381\s+([\d.]+)", bench, re.M).group(1))
def model(name):
    block = frame.split(f'Extrinsic: "{name}"')[1].split("Pallet:")[0]
    block = block.split("Median Slopes Analysis")[1].split("Min Squares")[0]
    base = float(re.search(r"Time ~=\s+([\d.]+)", block).group(1))
    slopes = dict(re.findall(r"^\s*\+\s*([a-z])\s+([\d.]+)", block, re.M))
    return base, {k: float(v) for k, v in slopes.items()}
base, s = model("submit_proof")
single_us = base + 3 * s.get("n", 0)
print(f"submit_proof extrinsic (BLS12-381, 3 inputs): {single_us/1000:.3f} ms = {single_us/1000/ark:.2f}x native arkworks {ark:.3f} ms")
base, s = model("submit_batch")
per64 = (base + 64 * s.get("b", 0) + 3 * s.get("n", 0)) / 64
print(f"submit_batch extrinsic, 64 proofs: {per64/1000:.3f} ms per proof = {single_us/per64:.1f}x cheaper than submit_proof")
PY
fi
