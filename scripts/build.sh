#!/usr/bin/env bash
# Builds the workspace in release mode: `zkp-node` (its runtime compiled to WASM inside it) and
# `zkp-agent`. Extra arguments go to cargo (e.g. `--timings`).
#
# A cold build is long (docs/build.md), and for minutes at a time cargo prints nothing: the
# runtime's WASM build runs inside a build script, Binaryen's C++ inside another. So while cargo
# runs, this prints once a minute (ZKP_BUILD_TICK seconds) how long it has run and what it is
# compiling, by phase: native crates, the C++ of Binaryen (wasm-opt), the WASM runtime, the agent.
. "$(dirname "$0")/common.sh"
cd "$ROOT"

# One line: the phases at work now, read off the compiler processes of this machine.
build_phases() {
	ps -eo args= 2>/dev/null | awk '
		/^([^ ]*\/)?(cc1plus|clang\+\+(-[0-9]+)?) / { cxx++; next }
		/(^|\/)rustc / && /--crate-name/ {
			for (i = 1; i < NF; i++) if ($i == "--crate-name") name = $(i + 1)
			if ($0 ~ /--target[ =]wasm32/) wasm = wasm " " name
			else if (name ~ /^(zkp_agent|candle|gemm|tokenizers|safetensors|ug)/) agent = agent " " name
			else native = native " " name
		}
		END {
			line = ""
			if (native != "") line = line " | native:" native
			if (cxx) line = line " | C++ (Binaryen, for wasm-opt): " cxx " files"
			if (wasm != "") line = line " | WASM runtime:" wasm
			if (agent != "") line = line " | agent:" agent
			if (line == "") line = " | linking or running build scripts"
			print substr(line, 4)
		}'
}

progress() {
	local start=$SECONDS
	while sleep "${ZKP_BUILD_TICK:-60}"; do
		local t=$((SECONDS - start))
		log "build $((t / 60))m$(printf '%02d' $((t % 60)))s: $(build_phases)"
	done
}

log "building zkp-node and zkp-agent (target dir: $CARGO_TARGET_DIR); a cold build takes about half an hour on 2 cores"
progress &
ticker=$!
trap 'kill $ticker 2>/dev/null || true' EXIT
start=$SECONDS
cargo build --release --locked --workspace "$@"
log "built $ZKP_NODE in $((SECONDS - start)) s"
