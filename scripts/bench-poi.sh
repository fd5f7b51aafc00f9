#!/usr/bin/env bash
# Proof of Intelligence benchmark, in one run:
#  - the model's bare inference time on an input and the agent's end-to-end job time on the
#    same input (HTTP job request, input from IPFS, inference, output to IPFS, polled like
#    the off-chain worker does), with the overhead ratio (target: <= 10 %);
#  - tasks settled per block, from the benchmarked weights of pallet-poi.
#   bash scripts/bench-poi.sh [--sentences N] [--runs N] [--input FILE]
# Model: $ZKP_MINILM_DIR (default: all-MiniLM-L6-v2 from scripts/models.sh).
. "$(dirname "$0")/common.sh"
cd "$ROOT"
[ -x "$CARGO_TARGET_DIR/release/zkp-agent" ] || cargo build --release --locked -p zkp-agent
AGENT="$CARGO_TARGET_DIR/release/zkp-agent"
MODEL="${ZKP_MINILM_DIR:-$(bash scripts/models.sh)}"
PORT="${BENCH_AGENT_PORT:-18120}"
WORK="$(mktemp -d /tmp/zkp-bench-poi.XXXXXX)"
started_ipfs=0
if ! bash scripts/ipfs.sh status >/dev/null 2>&1; then bash scripts/ipfs.sh start; started_ipfs=1; fi
# The agent's API token: random, readable by this user only, given to both sides by file.
(umask 077 && od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$WORK/api-token")
"$AGENT" serve --listen "127.0.0.1:$PORT" --store "$WORK/store" --api-token-file "$WORK/api-token" >"$WORK/agent.log" 2>&1 &
agent_pid=$!
cleanup() {
	kill "$agent_pid" 2>/dev/null || true
	if [ "$started_ipfs" = 1 ]; then bash scripts/ipfs.sh stop || true; fi
	rm -rf "$WORK"
}
trap cleanup EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done
"$AGENT" bench infer --model "$MODEL" --agent "http://127.0.0.1:$PORT" --api-token-file "$WORK/api-token" "$@"

# Tasks settled per block: each settlement is the last reveal of a task (reveal_result(k)),
# against the runtime's normal-class block weight (75 % of 2 s).
python3 - pallets/poi/src/weights.rs <<'PY'
import re, sys
src = open(sys.argv[1]).read()
body = src[src.index("fn reveal_result(k: u32, ) -> Weight {"):]
body = body[:body.index("\n\t}")]
base = int(re.search(r"Weight::from_parts\(([\d_]+), \d+\)", body).group(1).replace("_", ""))
per_k = int(re.search(r"Weight::from_parts\(([\d_]+), 0\)\.saturating_mul\(k", body).group(1).replace("_", ""))
reads = int(re.search(r"reads\((\d+)_u64\)\)\n", body).group(1))
writes = int(re.search(r"writes\((\d+)_u64\)\)\n", body).group(1))
rk = re.search(r"reads\(\((\d+)_u64\)\.saturating_mul\(k", body)
wk = re.search(r"writes\(\((\d+)_u64\)\.saturating_mul\(k", body)
READ, WRITE = 8_000_000, 50_000_000  # ParityDB weights (ps)
budget = 0.75 * 2e12
for k in (3, 5, 7):
    r = reads + (int(rk.group(1)) * k if rk else 0)
    w = writes + (int(wk.group(1)) * k if wk else 0)
    ps = base + per_k * k + r * READ + w * WRITE
    print(f"settle a k={k} task (last reveal): {ps/1e6:.1f} us -> {int(budget // ps)} tasks settled per block (normal class, 1.5 s)")
PY
