#!/usr/bin/env bash
# Builds zkp-agent with the `cuda` feature (candle's CUDA backend).
#
# candle compiles its kernels with nvcc at build time (PTX for the element-wise kernels, a
# static library for the quantized matmul kernels) and links libcudart; cudarc loads the
# driver, cuBLAS and cuRAND at run time. With a CUDA toolkit installed (nvcc on PATH or
# CUDA_HOME set) this script uses it; without one it takes NVIDIA's own toolkit wheels from
# PyPI (nvcc, cicc/NVVM, runtime headers and libcudart, CCCL: ~100 MB, no root needed) into
# ~/.cache/zkp/cuda-$CUDA_VERSION. No GPU is needed to build.
#
#   bash scripts/build-agent-cuda.sh            # GPU generation: CUDA_COMPUTE_CAP (default 90, Hopper)
#   CUDA_COMPUTE_CAP=89 bash scripts/build-agent-cuda.sh
# The wheels are CUDA 13.x (CUDA_VERSION, default 13.0); for CUDA 12, install the toolkit.
#
# The binary goes to $CARGO_TARGET_DIR-cuda/release/zkp-agent (its own target dir, so the
# CPU build is not replaced). At run time it needs the NVIDIA driver and, on the library path,
# libcudart, libcublas, libcublasLt and libcurand of the same CUDA major version (a CUDA
# toolkit, or the nvidia-* wheels PyTorch installs). Check it with:
#   zkp-agent --device cuda infer --model DIR --input in.json > gpu.json
#   zkp-agent --device cpu  infer --model DIR --input in.json > cpu.json
#   zkp-agent compare cpu.json gpu.json
. "$(dirname "$0")/common.sh"
cd "$ROOT"
CUDA_VERSION="${CUDA_VERSION:-13.0}"
export CUDA_COMPUTE_CAP="${CUDA_COMPUTE_CAP:-90}"

if [ -z "${CUDA_HOME:-}" ] && command -v nvcc >/dev/null; then
	CUDA_HOME="$(dirname "$(dirname "$(command -v nvcc)")")"
fi
if [ -n "${CUDA_HOME:-}" ]; then
	# An installed toolkit: its lib64/stubs/libcuda.so links without a driver.
	export LIBRARY_PATH="$CUDA_HOME/lib64/stubs${LIBRARY_PATH:+:$LIBRARY_PATH}"
else
	major="${CUDA_VERSION%%.*}"
	[ "$major" = 13 ] || { log "the toolkit wheels this script fetches are CUDA 13.x; install CUDA $CUDA_VERSION or set CUDA_HOME"; exit 1; }
	CUDA_HOME="$HOME/.cache/zkp/cuda-$CUDA_VERSION/nvidia/cu$major"
	if [ ! -x "$CUDA_HOME/bin/nvcc" ]; then
		log "no CUDA toolkit here: fetching NVIDIA's CUDA $CUDA_VERSION toolkit wheels from PyPI"
		wheels="$(mktemp -d)"
		python3 -m pip download --quiet --no-deps --only-binary=:all: \
			--platform manylinux_2_27_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 \
			--python-version 3.11 -d "$wheels" \
			"nvidia-cuda-nvcc==$CUDA_VERSION.*" "nvidia-cuda-runtime==$CUDA_VERSION.*" \
			"nvidia-cuda-crt==$CUDA_VERSION.*" "nvidia-nvvm==$CUDA_VERSION.*" "nvidia-cuda-cccl==$CUDA_VERSION.*" \
			"nvidia-cuda-nvrtc==$CUDA_VERSION.*" "nvidia-cublas==$CUDA_VERSION.*" "nvidia-curand==10.4.*"
		for w in "$wheels"/*.whl; do python3 -m zipfile -e "$w" "$HOME/.cache/zkp/cuda-$CUDA_VERSION"; done
		rm -rf "$wheels"
		chmod +x "$CUDA_HOME"/bin/* "$CUDA_HOME"/nvvm/bin/*
	fi
	# The wheels keep libraries in lib/ and ship only versioned names; the linker wants
	# libNAME.so.
	ln -sfn lib "$CUDA_HOME/lib64"
	for name in cudart cublas cublasLt curand nvrtc; do
		ln -sf "$(basename "$(ls "$CUDA_HOME/lib/lib$name.so."* | grep -v alt | head -n1)")" "$CUDA_HOME/lib/lib$name.so"
	done
	# candle links the driver API (libcuda.so.1, installed with the NVIDIA driver, not in the
	# toolkit). Build against a stub with the entry points cudarc declares, as the toolkit's
	# own lib/stubs/libcuda.so does; the real driver library is loaded at run time.
	stubs="$CUDA_HOME/lib/stubs"
	if [ ! -f "$stubs/libcuda.so" ]; then
		cudarc_version="$(grep -A1 '^name = "cudarc"' Cargo.lock | sed -n 's/version = "\(.*\)"/\1/p' | head -n1)"
		cargo fetch --locked
		cudarc="$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/cudarc-"$cudarc_version" | head -n1)"
		mkdir -p "$stubs"
		grep -oE '^\s+fn cu[A-Za-z0-9_]+\(' "$cudarc/src/driver/sys/mod.rs" | sed -E 's/\s+fn (cu[A-Za-z0-9_]+)\(/void \1(void) {}/' | sort -u >"$stubs/libcuda.c"
		cc -shared -fPIC -Wl,-soname,libcuda.so.1 -o "$stubs/libcuda.so" "$stubs/libcuda.c"
	fi
	export LIBRARY_PATH="$stubs${LIBRARY_PATH:+:$LIBRARY_PATH}"
fi
export CUDA_HOME PATH="$CUDA_HOME/bin:$PATH"
export LIBRARY_PATH="$CUDA_HOME/lib64:$CUDA_HOME/lib${LIBRARY_PATH:+:$LIBRARY_PATH}"
# cudarc picks its bindings from the toolkit's version (e.g. 13.0 -> 13000).
version="$(nvcc --version | sed -n 's/.*release \([0-9]*\)\.\([0-9]*\).*/\1 \2/p')"
[ -n "$version" ] || { log "cannot read the CUDA version from nvcc --version"; exit 1; }
export CUDARC_CUDA_VERSION="$(printf '%d0%d0' $version)"
export CARGO_TARGET_DIR="$CARGO_TARGET_DIR-cuda"
log "nvcc $(echo "$version" | tr ' ' .) at $CUDA_HOME, compute capability $CUDA_COMPUTE_CAP, target dir $CARGO_TARGET_DIR"
cargo build --release --locked -p zkp-agent --features cuda
log "built $CARGO_TARGET_DIR/release/zkp-agent"
