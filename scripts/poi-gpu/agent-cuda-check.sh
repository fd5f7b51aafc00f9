#!/usr/bin/env bash
# CPU-vs-GPU check of a zkp-agent built with `--features cuda` (scripts/build-agent-cuda.sh),
# run on the GPU machine. The same model and input go through the agent on the GPU (twice: the
# first run also compiles candle's kernels for the GPU) and on the CPU, and once more on the
# GPU with the input altered the way `--fault wrong-input` alters it; each pair is compared by
# `zkp-agent compare`, i.e. with the chain's own sketch and tolerance rule (2^-16, 64 quanta).
#
#   bash scripts/poi-gpu/agent-cuda-check.sh AGENT MODEL_DIR INPUT.json [OTHER_CPU_OUTPUT.json]
#
# OTHER_CPU_OUTPUT.json: `zkp-agent infer` of the same model and input on another machine's
# CPU, to compare with too. The CUDA libraries (libcudart, libcublas, libcublasLt, libcurand)
# come from LD_LIBRARY_PATH, else from the nvidia-* wheels of the machine's Python (PyTorch's).
# Exits 1 if an honest pair disagrees or the wrong input agrees.
set -uo pipefail
[ $# -ge 3 ] || { sed -n 2,13p "$0"; exit 2; }
agent="$1" model="$2" input="$3" other="${4:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if ! ldd "$agent" | grep -q "libcublas.*=> /"; then
	site="$(python3 -c 'import nvidia, os; print(os.path.dirname(list(nvidia.__path__)[0]))' 2>/dev/null)"
	if [ -n "$site" ]; then
		libs="$(find "$site/nvidia" -maxdepth 3 -type d -name lib | paste -sd:)"
		export LD_LIBRARY_PATH="$libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
	fi
fi
ldd "$agent" | grep -E "not found" && { echo "missing libraries (see above)"; exit 1; }
python3 - "$input" >"$work/altered.json" <<'PY'
import json, sys
def alter(v):
    if isinstance(v, str): return v + ' indeed'
    if isinstance(v, bool): return v
    if isinstance(v, (int, float)): return v + 1.0
    if isinstance(v, list): return [alter(x) for x in v]
    return v
print(json.dumps(alter(json.load(open(sys.argv[1])))))
PY
run() { # device input output
	"$agent" --device "$1" infer --model "$model" --input "$2" >"$3" 2>"$3.log" || { cat "$3.log"; exit 1; }
	echo "$1: $(grep -o 'loaded in.*' "$3.log")"
}
run cuda "$input" "$work/gpu.json"
run cuda "$input" "$work/gpu2.json"
run cpu "$input" "$work/cpu.json"
run cuda "$work/altered.json" "$work/gpu-altered.json"
failed=0
compare() { # label expected(agree|differ) a b
	local report
	report="$("$agent" compare "$3" "$4" 2>/dev/null)"
	local status=$?
	echo "$1: $report"
	if { [ "$2" = agree ] && [ $status -ne 0 ]; } || { [ "$2" = differ ] && [ $status -ne 1 ]; }; then
		echo "  ^ expected to $2"
		failed=1
	fi
}
compare "GPU vs CPU" agree "$work/cpu.json" "$work/gpu.json"
compare "GPU vs GPU again" agree "$work/gpu.json" "$work/gpu2.json"
if [ -n "$other" ]; then
	compare "GPU vs the other CPU" agree "$other" "$work/gpu.json"
	compare "CPU vs the other CPU" agree "$other" "$work/cpu.json"
fi
compare "wrong input on the GPU vs CPU" differ "$work/cpu.json" "$work/gpu-altered.json"
exit $failed
