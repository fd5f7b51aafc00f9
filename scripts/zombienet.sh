#!/usr/bin/env bash
# Three-validator network with zombienet's native provider.
#   bash scripts/zombienet.sh spawn   # start alice, bob, charlie and keep them running
#   bash scripts/zombienet.sh test    # start them and run zombienet/smoke.zndsl
# Logs and chain data go to $ZOMBIE_DIR (default: a new temporary directory).
. "$(dirname "$0")/common.sh"
cd "$ROOT"
[ -x "$ZKP_NODE" ] || { echo "build first: bash scripts/build.sh" >&2; exit 1; }
ZOMBIE_DIR="${ZOMBIE_DIR:-$(mktemp -d /tmp/zkp-zombienet.XXXXXX)}"
rm -rf "$ZOMBIE_DIR"
mode="${1:-test}"
log "zombienet $mode (dir: $ZOMBIE_DIR)"
case "$mode" in
	spawn) exec npx zombienet -p native -l text -d "$ZOMBIE_DIR" spawn zombienet/local.toml ;;
	test) exec npx zombienet -p native -l text -d "$ZOMBIE_DIR" test zombienet/smoke.zndsl ;;
	*) echo "usage: $0 spawn|test" >&2; exit 2 ;;
esac
