#!/usr/bin/env bash
# A validator operator's steps against a running node (scripts/validator.mjs; docs/validator.md):
#   bash scripts/validator.sh join --ws ws://127.0.0.1:9948 --seed //Eve
#   bash scripts/validator.sh rotate|set-keys|bond|validate|provider|watch|status|chill|unbond|withdraw ...
. "$(dirname "$0")/common.sh"
# No `cd`: relative paths in the arguments (--work, --agent-token-file) stay the caller's.
[ -d "$ROOT/node_modules/@polkadot/api" ] || { echo "npm packages missing: bash scripts/setup.sh" >&2; exit 1; }
export ZKP_AGENT="${ZKP_AGENT:-$CARGO_TARGET_DIR/release/zkp-agent}"
exec node "$ROOT/scripts/validator.mjs" "$@"
