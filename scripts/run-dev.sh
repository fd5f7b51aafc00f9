#!/usr/bin/env bash
# One command for a newcomer: installs what is missing, builds, and starts a development node
# (Alice the only validator, 6 s BABE blocks, GRANDPA finality, RPC on 127.0.0.1:9944,
# Prometheus on 127.0.0.1:9615). Extra arguments go to the node, e.g. `--base-path /tmp/zkp`
# to keep the chain between runs (without it, --dev uses a temporary directory).
. "$(dirname "$0")/common.sh"
cd "$ROOT"
bash scripts/setup.sh
bash scripts/build.sh
log "starting: zkp-node --dev (Ctrl-C stops it)"
# The node's off-chain workers call a zkp-agent only with its API token (the agent makes one in
# STORE/api-token on its first start): set it in the node as docs/agent.md#configuring-the-node shows.
log "to add a zkp-agent: zkp-agent serve --store DIR, then give this node DIR/api-token (docs/agent.md#configuring-the-node)"
exec "$ZKP_NODE" --dev --rpc-port 9944 --prometheus-port 9615 "$@"
