#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run calls exactly this):
#   1. setup (installs what is missing) and the release build of the workspace;
#   2. Rust tests of the runtime, pallets and primitives (`cargo test --release`);
#   3. end-to-end tests against real `--dev` nodes with @polkadot/api (tests/e2e: chain basics,
#      ZK verifier with snarkjs fixtures);
#   4. the Proof-of-Space end-to-end test: dev node, IPFS daemon, three zkp-agents; sealing,
#      an order, challenges over several periods, a deleted replica faulted and repaired, a
#      provider forced out (scripts/e2e/posp.sh);
#   5. the Proof-of-Intelligence end-to-end test: dev node, IPFS daemon, three zkp-agents and
#      the real all-MiniLM-L6-v2; a k=3 task agreed and paid, a lying agent and a stalled one
#      penalized (scripts/e2e/poi.sh);
#   6. the zombienet smoke test: three validators, restart, finality resumes.
# It ends with one line "N passed, M failed" counting the suites.
. "$(dirname "$0")/common.sh"
cd "$ROOT"

passed=0; failed=0; failures=()
suite() {
	local name="$1"; shift
	log "suite: $name"
	local start=$SECONDS
	if "$@"; then
		passed=$((passed + 1)); log "suite $name passed in $((SECONDS - start)) s"
	else
		failed=$((failed + 1)); failures+=("$name"); log "suite $name FAILED after $((SECONDS - start)) s"
	fi
}

start=$SECONDS
bash scripts/setup.sh
log "setup took $((SECONDS - start)) s"
# ZKP_TIMINGS=1 keeps cargo's --timings report of the build (target/cargo-timings/).
bash scripts/build.sh ${ZKP_TIMINGS:+--timings}
# The agent's tests run the real all-MiniLM-L6-v2 that setup fetched: a missing model fails.
export ZKP_REQUIRE_MINILM=1 ZKP_MINILM_DIR="$(bash scripts/models.sh)"

suite cargo-tests cargo test --release --locked --workspace
suite e2e node --test --test-reporter=spec --test-concurrency=1 tests/e2e/
suite posp-e2e bash scripts/e2e/posp.sh
suite poi-e2e bash scripts/e2e/poi.sh
suite zombienet-smoke env ZOMBIE_DIR="${ZOMBIE_DIR:-/tmp/zkp-zombienet-ci}" bash scripts/zombienet.sh test

if [ ${#failures[@]} -gt 0 ]; then log "failed: ${failures[*]}"; fi
echo "suites: $passed passed, $failed failed"
[ "$failed" = 0 ]
