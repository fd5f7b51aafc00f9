//! `zkp-node`: the ZKP chain's node binary.

mod benchmark_cmd;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod rpc;
mod rpc_consensus;
mod rpc_zk;
mod service;
mod zk_bench;
mod zk_cmd;

fn main() -> sc_cli::Result<()> {
	command::run()
}
