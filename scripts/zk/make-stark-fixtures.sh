#!/usr/bin/env bash
# Makes the STARK test fixtures with the real prover: builds the `zkp-stark` tool, runs and
# proves each program of scripts/zk/stark/ on its example inputs (the tool checks every proof
# with the chain's verifier before it writes it), and writes fixtures/stark/<name>.json (what `zkp-stark prove` writes). The
# outputs are committed; run this again only to change or add programs.
#   bash scripts/zk/make-stark-fixtures.sh
. "$(dirname "$0")/../common.sh"
cd "$ROOT"
cargo build --release --locked -p zkp-stark-cli
STARK="$CARGO_TARGET_DIR/release/zkp-stark"
out=fixtures/stark
mkdir -p "$out"
prove() { # fixture program inputs advice [extra args]
	local name=$1 program=$2 inputs=$3 advice=$4
	shift 4
	"$STARK" prove --program "scripts/zk/stark/$program.masm" --inputs "$inputs" \
		${advice:+--advice "$advice"} --out "$out/$name.json" "$@"
}
# Two programs for the tests (BLAKE3); an RPO proof, which the chain refuses.
prove fib fib 10 ""
prove root root 130 5
prove fib-rpo fib 10 "" --hash rpo
# The FRAME benchmark's proofs: growing traces with Keccak, the slower of the two hashes the
# chain accepts; the largest (a 2^18-row trace: about 2 minutes and 6 GiB to prove) is as long
# as any proof the chain accepts (zkp_stark::MAX_PROOF_LEN; a test checks it).
for sized in "small 10" "medium 2000" "large 20000"; do
	set -- $sized
	prove "bench-$1" fib "$2" "" --hash keccak
done
