# Shared settings for the project's scripts. Source it: `. "$(dirname "$0")/common.sh"`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# One shared cargo target dir for every build, test and CI run on this machine.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/zkp/target}"
export ZKP_NODE="${ZKP_NODE:-$CARGO_TARGET_DIR/release/zkp-node}"
log() { printf '\033[1;34m[zkp]\033[0m %s\n' "$*" >&2; }
# Runs a command with the local IPFS daemon up: starts it if it is not answering, and stops it
# afterwards only if it started it here. Returns the command's status.
with_ipfs() {
	local started=0 status=0
	if ! bash "$ROOT/scripts/ipfs.sh" status >/dev/null 2>&1; then
		bash "$ROOT/scripts/ipfs.sh" start
		started=1
	fi
	"$@" || status=$?
	if [ "$started" = 1 ]; then bash "$ROOT/scripts/ipfs.sh" stop || true; fi
	return "$status"
}
