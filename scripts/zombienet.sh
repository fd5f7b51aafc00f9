#!/usr/bin/env bash
# The `local` network with zombienet's native provider (zombienet/local.toml): validators
# alice, bob, charlie and dave, and eve, a --validator node outside the set.
#   bash scripts/zombienet.sh spawn   # start the five nodes and keep them running
#   bash scripts/zombienet.sh test    # start them and run zombienet/validators.zndsl
# `test` needs the IPFS daemon (started here if it is not running, and stopped afterwards if
# so) and zkp-agent: Eve's operator becomes a PoSp provider in it. Logs and chain data go to
# $ZOMBIE_DIR (default: a new temporary directory).
. "$(dirname "$0")/common.sh"
cd "$ROOT"
[ -x "$ZKP_NODE" ] || { echo "build first: bash scripts/build.sh" >&2; exit 1; }
ZOMBIE_DIR="${ZOMBIE_DIR:-$(mktemp -d /tmp/zkp-zombienet.XXXXXX)}"
rm -rf "$ZOMBIE_DIR"
mode="${1:-test}"

# What the js-scripts (zombienet/operator.cjs) start Eve's agent with.
export ZKP_AGENT="${ZKP_AGENT:-$CARGO_TARGET_DIR/release/zkp-agent}"
export ZKP_IPFS_API="${ZKP_IPFS_API:-http://127.0.0.1:${IPFS_API_PORT:-5001}}"

# The js-scripts append the pid of each process they start in the background (the agent, the
# transfer load) to $ZOMBIE_DIR/zkp-pids; whatever is still running when zombienet ends is
# stopped here, by pid.
stop_started() {
	local pid pids=()
	[ -f "$ZOMBIE_DIR/zkp-pids" ] || return 0
	while read -r pid; do
		if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then pids+=("$pid"); kill "$pid" 2>/dev/null || true; fi
	done <"$ZOMBIE_DIR/zkp-pids"
	[ ${#pids[@]} -gt 0 ] || return 0
	sleep 5
	for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
}
trap stop_started EXIT

log "zombienet $mode (dir: $ZOMBIE_DIR)"
case "$mode" in
	spawn) npx zombienet -p native -l text -d "$ZOMBIE_DIR" spawn zombienet/local.toml ;;
	test)
		[ -x "$ZKP_AGENT" ] || { echo "no zkp-agent at $ZKP_AGENT: bash scripts/build.sh" >&2; exit 1; }
		with_ipfs npx zombienet -p native -l text -d "$ZOMBIE_DIR" test zombienet/validators.zndsl
		;;
	*) echo "usage: $0 spawn|test" >&2; exit 2 ;;
esac
