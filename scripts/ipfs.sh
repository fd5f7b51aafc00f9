#!/usr/bin/env bash
# A local IPFS daemon with the Kubo RPC API on loopback, for storage providers' and compute
# agents' tooling and tests. No Kubo binary can be installed on these machines, so this runs
# js-ipfs (npm `ipfs`, pinned with the overrides it needs) offline, API and gateway bound to
# 127.0.0.1, no bootstrap peers, no MDNS. Code written against the Kubo RPC API works against
# Kubo in production unchanged.
#
#   bash scripts/ipfs.sh start    # install if missing, init the repo if new, start, wait ready
#   bash scripts/ipfs.sh stop
#   bash scripts/ipfs.sh status   # prints the API URL if the daemon answers
#
# IPFS_PATH (default $HOME/.cache/zkp/ipfs), IPFS_API_PORT (5001), IPFS_GATEWAY_PORT (8080).
. "$(dirname "$0")/common.sh"
DIR="$ROOT/scripts/ipfs"
export IPFS_PATH="${IPFS_PATH:-$HOME/.cache/zkp/ipfs}"
API_PORT="${IPFS_API_PORT:-5001}"
GATEWAY_PORT="${IPFS_GATEWAY_PORT:-8080}"
API="http://127.0.0.1:$API_PORT/api/v0"
PIDFILE="$IPFS_PATH/daemon.pid"
export NODE_OPTIONS="--require $DIR/with-resolvers.cjs ${NODE_OPTIONS:-}"
JSIPFS="$DIR/node_modules/.bin/jsipfs"

ready() { curl -sf -X POST --max-time 2 "$API/id" >/dev/null 2>&1; }

case "${1:-status}" in
	start)
		if ready; then log "IPFS already answering at $API"; exit 0; fi
		if [ ! -x "$JSIPFS" ]; then
			log "installing js-ipfs (npm, a few minutes the first time)"
			# `npm install`, not `npm ci`: an optional dependency deep in js-ipfs (electron-eval)
			# names a GitHub tarball that these machines cannot reach, which `npm ci` refuses.
			(cd "$DIR" && npm install --no-audit --no-fund --loglevel=error)
		fi
		if [ ! -f "$IPFS_PATH/config" ]; then
			log "initialising IPFS repo in $IPFS_PATH"
			mkdir -p "$IPFS_PATH"
			"$JSIPFS" init --profile test >/dev/null
			"$JSIPFS" config Addresses.API "/ip4/127.0.0.1/tcp/$API_PORT"
			"$JSIPFS" config Addresses.Gateway "/ip4/127.0.0.1/tcp/$GATEWAY_PORT"
			"$JSIPFS" config --json Addresses.Swarm '[]'
			"$JSIPFS" config --json Bootstrap '[]'
			"$JSIPFS" config --json Discovery.MDNS.Enabled false
			"$JSIPFS" config --json Discovery.webRTCStar.Enabled false
			"$JSIPFS" config Routing.Type none
		fi
		log "starting IPFS (offline) — API $API"
		nohup "$JSIPFS" daemon --offline > "$IPFS_PATH/daemon.log" 2>&1 &
		echo $! > "$PIDFILE"
		for _ in $(seq 1 120); do
			if ready; then log "IPFS ready"; exit 0; fi
			if ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
				echo "IPFS daemon exited; log: $IPFS_PATH/daemon.log" >&2; tail -20 "$IPFS_PATH/daemon.log" >&2; exit 1
			fi
			sleep 0.5
		done
		echo "IPFS did not answer within 60 s; log: $IPFS_PATH/daemon.log" >&2
		exit 1
		;;
	stop)
		if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
			kill "$(cat "$PIDFILE")"
			for _ in $(seq 1 40); do kill -0 "$(cat "$PIDFILE")" 2>/dev/null || break; sleep 0.25; done
			kill -9 "$(cat "$PIDFILE")" 2>/dev/null || true
			log "IPFS stopped"
		fi
		rm -f "$PIDFILE"
		;;
	status)
		if ready; then echo "$API"; else echo "IPFS not running" >&2; exit 1; fi
		;;
	*) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
