#!/usr/bin/env bash
# The README's "A four-validator local network by hand", run as a user runs it. The commands
# are read from README.md itself: the ```sh block(s) between the markers
# `<!-- readme-network ... -->` and `<!-- /readme-network -->`. Comment lines and blank lines
# are skipped, a line ending in `\` continues on the next one. Each command runs in bash with
# `N` set to the node binary ($ZKP_NODE), nothing else changed:
#   - a command `$N --...` (the node itself) runs in the background, logging to
#     $WORK/NAME.log (NAME from its `--alice`/`--bob`/... flag);
#   - any other command (`$N key generate-node-key ...`) runs to its end, and must succeed.
# The commands' base paths (`--base-path /tmp/zkp-NAME`, as written) are removed first and at
# the end. The commands' ports must be free: if one is in use (a network from the README still
# running?) the test stops before it removes anything.
# Then: all four nodes import blocks and finalize past #3, the GRANDPA set has four voters,
# Dave is stopped and the other three still finalize new blocks. The last line printed is a
# one-line summary; on failure, the tail of each node's log.
. "$(dirname "$0")/../common.sh"
cd "$ROOT"
[ -x "$ZKP_NODE" ] || { echo "build first: bash scripts/build.sh (no $ZKP_NODE)" >&2; exit 1; }
WORK="${ZKP_README_NET_DIR:-/tmp/zkp-e2e-readme-network}"
WANT=4 # nodes in the section, all validators
t0=$SECONDS
say() { log "readme-network $((SECONDS - t0)) s: $*"; }

# --- The commands, from README.md ----------------------------------------------------------
block="$(awk '
	/^<!-- readme-network[ :]/ { inside = 1; begins++; next }
	/^<!-- \/readme-network -->/ { if (code) exit 3; inside = 0; ends++; next }
	inside && !code && /^```(sh|bash)[ \t]*$/ { code = 1; next }
	inside && code && /^```[ \t]*$/ { code = 0; next }
	inside && code { print }
	END { if (begins != 1 || ends != 1 || inside) exit 2 }
' README.md)" || { echo "README.md: no single <!-- readme-network --> ... <!-- /readme-network --> section with closed sh blocks" >&2; exit 1; }
cmds=()
cur=""
while IFS= read -r line; do
	if [ -z "$cur" ] && [[ $line =~ ^[[:space:]]*(#.*)?$ ]]; then continue; fi
	if [[ $line == *\\ ]]; then cur+="${line%\\}"; continue; fi
	cmds+=("$cur$line")
	cur=""
done <<<"$block"
[ -z "$cur" ] || { echo "README.md: the last command ends in a backslash" >&2; exit 1; }

# The value of option $2 in command $1 ("" if absent).
opt() {
	local words i
	read -ra words <<<"$1"
	for ((i = 0; i < ${#words[@]} - 1; i++)); do
		if [ "${words[i]}" = "$2" ]; then echo "${words[i + 1]}"; return; fi
	done
}
is_node() { [[ $1 =~ ^[[:space:]]*\"?\$\{?N\}?\"?[[:space:]]+- ]]; }
node_name() {
	local k
	for k in alice bob charlie dave eve ferdie; do
		if [[ " $1 " == *" --$k "* ]]; then echo "$k"; return; fi
	done
	echo "node$2"
}

names=() ports=() bases=() listing=""
declare -A rpc_port=() pid=()
for i in "${!cmds[@]}"; do
	c="${cmds[i]}"
	b="$(opt "$c" --base-path)"
	if [ -n "$b" ]; then
		[[ $b =~ ^/tmp/zkp-[A-Za-z0-9._-]+$ ]] || { echo "README.md: base path $b is not /tmp/zkp-NAME; not removing it" >&2; exit 1; }
		bases+=("$b")
	fi
	is_node "$c" || continue
	name="$(node_name "$c" "$i")"
	r="$(opt "$c" --rpc-port)"
	[ -n "$r" ] || { echo "README.md: node $name has no --rpc-port: $c" >&2; exit 1; }
	names+=("$name"); rpc_port[$name]="$r"; listing+=" $name $r"
	for o in --port --rpc-port --prometheus-port; do
		p="$(opt "$c" "$o")"
		if [ -n "$p" ]; then ports+=("$p"); fi
	done
done
[ "${#names[@]}" = "$WANT" ] || { echo "README.md: ${#names[@]} node commands (${names[*]}), the section describes $WANT" >&2; exit 1; }
[ -n "${rpc_port[dave]:-}" ] || { echo "README.md: no Dave (--dave) among the nodes: ${names[*]}" >&2; exit 1; }
say "${#cmds[@]} commands from README.md: ${names[*]} (rpc ports:${listing})"

for p in "${ports[@]}"; do
	if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
		echo "port $p (from the README's commands) is in use: stop what listens there (a network from the README?) first" >&2
		exit 1
	fi
done

# --- Running them ---------------------------------------------------------------------------
stop_all() {
	local n p left
	for n in "$@"; do
		p="${pid[$n]:-}"
		if [ -n "$p" ]; then kill -TERM "$p" 2>/dev/null || true; fi
	done
	for _ in $(seq 1 40); do
		left=0
		for n in "$@"; do
			p="${pid[$n]:-}"
			if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then left=1; fi
		done
		[ "$left" = 0 ] && break
		sleep 0.5
	done
	for n in "$@"; do
		p="${pid[$n]:-}"
		[ -n "$p" ] || continue
		kill -KILL "$p" 2>/dev/null || true
		wait "$p" 2>/dev/null || true
		unset "pid[$n]"
	done
}
cleanup() {
	stop_all "${!pid[@]}"
	rm -rf "${bases[@]}"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
	local f
	echo "readme-network FAILED after $((SECONDS - t0)) s: $*" >&2
	for f in "$WORK"/*.log; do
		[ -e "$f" ] || continue
		echo "--- tail of $f" >&2
		tail -n 25 "$f" >&2
	done
	echo "logs: $WORK" >&2
	exit 1
}

rm -rf "$WORK" "${bases[@]}"
mkdir -p "$WORK"
for i in "${!cmds[@]}"; do
	c="${cmds[i]}"
	if is_node "$c"; then
		name="$(node_name "$c" "$i")"
		say "start $name: $c"
		# `exec`: the node itself is the background process, so it gets the signal that stops it
		# (SIGTERM: a script's background commands ignore SIGINT).
		N="$ZKP_NODE" bash -c "exec $c" >"$WORK/$name.log" 2>&1 &
		pid[$name]=$!
	else
		say "run: $c"
		echo "\$ $c" >>"$WORK/commands.log"
		N="$ZKP_NODE" bash -c "$c" >>"$WORK/commands.log" 2>&1 || fail "this command of the README failed: $c"
	fi
done

# --- Checking the network --------------------------------------------------------------------
# JSON-RPC over HTTP on the node's rpc port: `rpc NAME METHOD [PARAMS]` prints the result text.
rpc() {
	curl -sf -m 5 -H 'Content-Type: application/json' \
		-d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"$2\",\"params\":${3:-[]}}" \
		"http://127.0.0.1:${rpc_port[$1]}" 2>/dev/null || true
}
hex_field() { grep -o "\"$1\": *\"0x[0-9a-f]*\"" | head -n 1 | cut -d'"' -f4 || true; }
int_field() { grep -o "\"$1\": *[0-9]*" | head -n 1 | cut -d: -f2 | tr -dc 0-9 || true; }
number_of() { local h; h="$(hex_field number)"; if [ -n "$h" ]; then echo $((16#${h#0x})); else echo -1; fi; }
best() { rpc "$1" chain_getHeader | number_of; }
finalized() {
	local h
	h="$(rpc "$1" chain_getFinalizedHead | hex_field result)"
	if [ -z "$h" ]; then echo -1; return; fi
	rpc "$1" chain_getHeader "[\"$h\"]" | number_of
}
peers() { rpc "$1" system_health | int_field peers; }
alive() {
	local n
	for n in "$@"; do
		kill -0 "${pid[$n]}" 2>/dev/null || fail "$n exited (see its log)"
	done
}
status_line() {
	local n out=""
	for n in "$@"; do out+="$n best #$(best "$n") fin #$(finalized "$n") peers $(peers "$n"); "; done
	echo "${out%; }"
}
# `wait_finalized SECONDS TARGET NAME...`: until every NAME has finalized TARGET or more.
wait_finalized() {
	local secs="$1" target="$2" n ok next=$SECONDS limit
	limit=$((SECONDS + secs))
	shift 2
	while :; do
		alive "$@"
		ok=1
		for n in "$@"; do
			[ "$(finalized "$n")" -ge "$target" ] || { ok=0; break; }
		done
		[ "$ok" = 1 ] && return 0
		[ "$SECONDS" -lt "$limit" ] || fail "finality did not reach #$target on all of $* within $secs s: $(status_line "$@")"
		if [ "$SECONDS" -ge "$next" ]; then say "$(status_line "$@")"; next=$((SECONDS + 15)); fi
		sleep 1
	done
}

wait_finalized 150 3 "${names[@]}"
t_fin=$((SECONDS - t0))
for n in "${names[@]}"; do
	[ "$(best "$n")" -ge 1 ] || fail "$n has imported no block"
done
say "finalized #3 or more on all ${#names[@]}: $(status_line "${names[@]}")"
weight=""
for _ in $(seq 1 10); do
	weight="$(rpc "${names[0]}" grandpa_roundState | int_field totalWeight)"
	[ -z "$weight" ] || break
	sleep 1
done
[ "$weight" = "$WANT" ] || fail "the GRANDPA set has ${weight:-?} voters (grandpa_roundState totalWeight), the README says $WANT validators"

# Dave stops; the other three (3 of 4 > 2/3) finalize a block made after that: two above the
# best one any of them has then (the next one could be Dave's, with Dave's vote).
rest=()
for n in "${names[@]}"; do [ "$n" = dave ] || rest+=("$n"); done
stop_all dave
top=0
for n in "${rest[@]}"; do
	b="$(best "$n")"
	if [ "$b" -gt "$top" ]; then top=$b; fi
done
target=$((top + 2))
say "dave stopped; the others at best #$top, waiting for #$target finalized on ${rest[*]}"
t_stop=$SECONDS
wait_finalized 100 "$target" "${rest[@]}"
final="$(status_line "${rest[@]}")"
echo "readme-network: ${#names[@]} validators started from README.md's commands (${names[*]}), all finalized #3+ in ${t_fin} s (GRANDPA weight $weight); with dave stopped ${rest[*]} finalized #$target in $((SECONDS - t_stop)) s ($final); total $((SECONDS - t0)) s"
