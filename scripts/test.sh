#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run calls exactly this):
#   1. setup (installs what is missing) and the release build of the workspace;
#   2. Rust tests of the runtime, pallets and primitives (`cargo test --release`), the pallets'
#      benchmarks as tests, `cargo +nightly fmt --check` (the SDK's .rustfmt.toml) and clippy
#      with warnings denied;
#   3. end-to-end tests against real `--dev` nodes with @polkadot/api (tests/e2e: chain basics,
#      ZK verifier with snarkjs fixtures);
#   4. the Proof-of-Space end-to-end test: dev node, IPFS daemon, three zkp-agents; sealing,
#      an order, challenges over several periods, a deleted replica faulted and repaired, a
#      provider forced out (scripts/e2e/posp.sh);
#   5. the Proof-of-Intelligence end-to-end test: dev node, IPFS daemon, three zkp-agents and
#      the real all-MiniLM-L6-v2; a k=3 task agreed and paid, a lying agent and a stalled one
#      penalized (scripts/e2e/poi.sh);
#      (4 and 5 run side by side, sharing one IPFS daemon, each with its own node and agents)
#   6. the README's four-validator network by hand: the commands of its section run as written,
#      finality on all four nodes, then on three with Dave stopped (scripts/e2e/readme-network.sh);
#   7. the zombienet validators test: four genesis validators and Eve, whose operator bonds,
#      becomes a PoSp provider and is elected; under a transfer load Bob restarts and
#      finality goes on (zombienet/validators.zndsl, with the IPFS daemon and zkp-agent).
# It ends with one line "N passed, M failed" counting the suites.
. "$(dirname "$0")/common.sh"
cd "$ROOT"

passed=0; failed=0; failures=()
count() {
	local name="$1" ok="$2" seconds="$3"
	if [ "$ok" = 1 ]; then
		passed=$((passed + 1)); log "suite $name passed in $seconds s"
	else
		failed=$((failed + 1)); failures+=("$name"); log "suite $name FAILED after $seconds s"
	fi
}
suite() {
	local name="$1"; shift
	log "suite: $name"
	local start=$SECONDS ok=1
	"$@" || ok=0
	count "$name" "$ok" $((SECONDS - start))
}
# Runs suites side by side: `together NAME 'COMMAND' NAME 'COMMAND' ...`. Each one's output goes to
# a file, printed once all have ended, so the log reads as if they had run one after the other.
together() {
	local names=() pids=() logs="${ZKP_SUITE_LOGS:-/tmp/zkp-suite-logs}"
	rm -rf "$logs"; mkdir -p "$logs"
	while [ $# -gt 0 ]; do
		log "suite: $1 (side by side)"
		(
			start=$SECONDS ok=0
			bash -c "$2" >"$logs/$1.log" 2>&1 && ok=1
			echo "$ok $((SECONDS - start))" >"$logs/$1.result"
		) &
		names+=("$1"); pids+=($!)
		shift 2
	done
	local name
	wait "${pids[@]}" || true
	for name in "${names[@]}"; do
		cat "$logs/$name.log"
		count "$name" $(cat "$logs/$name.result" 2>/dev/null || echo "0 0")
	done
}

start=$SECONDS
bash scripts/setup.sh
log "setup took $((SECONDS - start)) s"
# ZKP_TIMINGS=1 keeps cargo's --timings report of the build (target/cargo-timings/).
bash scripts/build.sh ${ZKP_TIMINGS:+--timings}
# The agent's tests run the real all-MiniLM-L6-v2 that setup fetched: a missing model fails.
export ZKP_REQUIRE_MINILM=1 ZKP_MINILM_DIR="$(bash scripts/models.sh)"

suite cargo-tests cargo test --release --locked --workspace
# The pallets' benchmarks, run once each as tests (they would not run otherwise), and the
# invariants after them.
suite benchmark-tests cargo test --release --locked -p pallet-posp -p pallet-poi -p pallet-zk-verifier -p pallet-dual-consensus \
	--features runtime-benchmarks
# Formatting with the SDK's settings, and clippy on the workspace with warnings denied.
suite lint bash -c 'cargo +nightly fmt --all -- --check && SKIP_WASM_BUILD=1 cargo clippy --release --locked --workspace -- -D warnings -A clippy::type_complexity -A clippy::too_many_arguments -A clippy::result_large_err'
# The e2e test files each start their own --dev node on their own ports; they wait on blocks,
# not on the CPU, so they run side by side.
# Beside them, the README's "A four-validator local network by hand", its commands read from
# README.md (other ports; it too waits on blocks).
together e2e 'node --test --test-reporter=spec --test-concurrency=2 tests/e2e/' \
	readme-network 'bash scripts/e2e/readme-network.sh'
# The PoSp and PoI scenarios share one IPFS daemon and run side by side, each with its own
# node (own ports, no mDNS) and agents; both mostly wait on blocks.
with_ipfs together posp-e2e 'bash scripts/e2e/posp.sh' poi-e2e 'bash scripts/e2e/poi.sh'
suite zombienet env ZOMBIE_DIR="${ZOMBIE_DIR:-/tmp/zkp-zombienet-ci}" bash scripts/zombienet.sh test

if [ ${#failures[@]} -gt 0 ]; then log "failed: ${failures[*]}"; fi
echo "suites: $passed passed, $failed failed"
[ "$failed" = 0 ]
