# Shared settings for the project's scripts. Source it: `. "$(dirname "$0")/common.sh"`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# One shared cargo target dir for every build, test and CI run on this machine.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/zkp/target}"
export ZKP_NODE="${ZKP_NODE:-$CARGO_TARGET_DIR/release/zkp-node}"
log() { printf '\033[1;34m[zkp]\033[0m %s\n' "$*" >&2; }
