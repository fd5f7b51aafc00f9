#!/usr/bin/env bash
# Makes the snarkjs test fixtures with real provers: compiles scripts/zk/circuits/*.circom with
# circom2 (circom 2.2 as WASM) for BN254 and BLS12-381, runs a small powers-of-tau ceremony and
# a Groth16 setup with snarkjs, proves the example input, checks the proof with snarkjs
# itself, and writes verification_key.json, proof.json and public.json (exactly as snarkjs
# writes them) to fixtures/zk/<circuit>-<curve>/. The outputs are committed; run this again
# only to change or add circuits.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$HERE"
[ -d node_modules/snarkjs ] || npm ci --no-audit --no-fund --loglevel=error
SNARKJS="node $HERE/node_modules/snarkjs/build/cli.cjs"
CIRCOM="node $HERE/node_modules/circom2/cli.js"
WORK="$(mktemp -d /tmp/zkp-fixtures.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

for circuit in circuits/*.circom; do
	name="$(basename "$circuit" .circom)"
	for curve in bn128 bls12381; do
		out="$ROOT/fixtures/zk/$name-$curve"
		w="$WORK/$name-$curve"
		mkdir -p "$w" "$out"
		echo "== $name on $curve"
		$CIRCOM "$circuit" --r1cs --wasm --prime "$curve" -o "$w" >/dev/null
		$SNARKJS powersoftau new "$curve" 8 "$w/pot0.ptau" >/dev/null
		$SNARKJS powersoftau contribute "$w/pot0.ptau" "$w/pot1.ptau" --name=zkp -e="zkp fixtures $curve" >/dev/null
		$SNARKJS powersoftau prepare phase2 "$w/pot1.ptau" "$w/pot.ptau" >/dev/null
		$SNARKJS groth16 setup "$w/$name.r1cs" "$w/pot.ptau" "$w/k0.zkey" >/dev/null
		$SNARKJS zkey contribute "$w/k0.zkey" "$w/k.zkey" --name=zkp -e="zkp key $curve" >/dev/null
		$SNARKJS zkey export verificationkey "$w/k.zkey" "$out/verification_key.json" >/dev/null
		# One proof per input file: circuits/NAME.input.json -> proof.json/public.json,
		# circuits/NAME.input-K.json -> proof-K.json/public-K.json.
		for input in circuits/$name.input*.json; do
			suffix="${input#circuits/$name.input}"; suffix="${suffix%.json}"
			node "$w/${name}_js/generate_witness.js" "$w/${name}_js/$name.wasm" "$input" "$w/witness.wtns"
			$SNARKJS groth16 prove "$w/k.zkey" "$w/witness.wtns" "$out/proof$suffix.json" "$out/public$suffix.json"
			$SNARKJS groth16 verify "$out/verification_key.json" "$out/public$suffix.json" "$out/proof$suffix.json"
		done
	done
done
echo "fixtures written to $ROOT/fixtures/zk/"
