//! Command-line interface: `zkp-node [subcommand] [flags]`.

use sc_cli::RunCmd;

#[derive(Debug, clap::Parser)]
#[command(
	name = "zkp-node",
	about = "The ZKP chain node: BABE block production, GRANDPA finality, off-chain workers.",
	version
)]
pub struct Cli {
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	#[clap(flatten)]
	pub run: RunCmd,
}

#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management utilities (generate, inspect, insert into the keystore).
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification (what zombienet and `--chain FILE` use).
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export the chain specification.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Runtime and node benchmarks: `pallet`, `overhead`, `storage`, `block`, `machine`,
	/// `extrinsic`.
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Runtime and node benchmarks: only in the node built with `--features runtime-benchmarks`.
	#[cfg(not(feature = "runtime-benchmarks"))]
	Benchmark(crate::benchmark_cmd::BenchmarkUnavailable),

	/// Db meta columns information.
	ChainInfo(sc_cli::ChainInfoCmd),

	/// Zero-knowledge tools: `zk verify` checks a Groth16 proof as the chain would.
	#[command(subcommand)]
	Zk(crate::zk_cmd::ZkCmd),
}
