//! `zkp-node benchmark …`: FRAME's benchmarking CLI (`pallet`, `overhead`, `extrinsic`, `block`,
//! `storage`, `machine`).
//!
//! `frame-benchmarking-cli` pulls a second WASM runtime and the parachain crates into the build
//! (see docs/build.md), so it is compiled only into the `runtime-benchmarks` node
//! (`bash scripts/build.sh --features zkp-node/runtime-benchmarks`, which
//! `scripts/benchmark-pallets.sh` makes). The default node keeps the subcommand's name and says
//! how to get it.

#[cfg(feature = "runtime-benchmarks")]
pub use with_cli::run;
#[cfg(not(feature = "runtime-benchmarks"))]
pub use without_cli::{run, BenchmarkUnavailable};

#[cfg(feature = "runtime-benchmarks")]
mod with_cli {
	use crate::{
		benchmarking::{inherent_benchmark_data, RemarkBuilder, TransferKeepAliveBuilder},
		cli::Cli,
		service,
	};
	use frame_benchmarking_cli::{BenchmarkCmd, ExtrinsicFactory, SUBSTRATE_REFERENCE_HARDWARE};
	use sc_cli::SubstrateCli;
	use sc_service::PartialComponents;
	use sp_keyring::Sr25519Keyring;
	use zkp_runtime::{constants::EXISTENTIAL_DEPOSIT, opaque::Block};

	/// Runs one benchmark subcommand against the chain spec the command line names.
	pub fn run(cli: &Cli, cmd: &BenchmarkCmd) -> sc_cli::Result<()> {
		let runner = cli.create_runner(cmd)?;

		runner.sync_run(|config| {
			// This switch needs to be in the client, since the client decides
			// which sub-commands it wants to support.
			match cmd {
				BenchmarkCmd::Pallet(cmd) => cmd
					.run_with_spec::<sp_runtime::traits::HashingFor<Block>, zkp_primitives::HostFunctions>(
						Some(config.chain_spec),
					),
				BenchmarkCmd::Block(cmd) => {
					let PartialComponents { client, .. } = service::new_partial(&config)?;
					cmd.run(client)
				},
				BenchmarkCmd::Storage(cmd) => {
					let PartialComponents { client, backend, .. } = service::new_partial(&config)?;
					let db = backend.expose_db();
					let storage = backend.expose_storage();
					let shared_cache = backend.expose_shared_trie_cache();

					cmd.run(config, client, db, storage, shared_cache)
				},
				BenchmarkCmd::Overhead(cmd) => {
					let PartialComponents { client, .. } = service::new_partial(&config)?;
					let ext_builder = RemarkBuilder::new(client.clone());
					let (inherent_data, digest) = inherent_benchmark_data()?;

					cmd.run(
						config.chain_spec.name().into(),
						client,
						inherent_data,
						digest,
						&ext_builder,
						false,
					)
				},
				BenchmarkCmd::Extrinsic(cmd) => {
					let PartialComponents { client, .. } = service::new_partial(&config)?;
					// Register the *Remark* and *TKA* builders.
					let ext_factory = ExtrinsicFactory(vec![
						Box::new(RemarkBuilder::new(client.clone())),
						Box::new(TransferKeepAliveBuilder::new(
							client.clone(),
							Sr25519Keyring::Alice.to_account_id(),
							EXISTENTIAL_DEPOSIT,
						)),
					]);
					let (inherent_data, digest) = inherent_benchmark_data()?;

					cmd.run(client, inherent_data, digest, &ext_factory)
				},
				BenchmarkCmd::Machine(cmd) =>
					cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone()),
			}
		})
	}
}

#[cfg(not(feature = "runtime-benchmarks"))]
mod without_cli {
	use crate::cli::Cli;

	/// What `zkp-node benchmark …` accepts in a node built without `runtime-benchmarks`: any
	/// arguments, answered with how to build the node that runs them.
	#[derive(Debug, clap::Args)]
	pub struct BenchmarkUnavailable {
		#[arg(trailing_var_arg = true, allow_hyphen_values = true, hide = true)]
		args: Vec<String>,
	}

	/// Refuses, naming the build that has the benchmarks.
	pub fn run(_cli: &Cli, cmd: &BenchmarkUnavailable) -> sc_cli::Result<()> {
		let what = cmd.args.first().map(String::as_str).unwrap_or("…");
		Err(format!(
			"`benchmark {what}` is in the runtime-benchmarks build of zkp-node only; build it with \
			 `bash scripts/build.sh --features zkp-node/runtime-benchmarks` \
			 (scripts/benchmark-pallets.sh does, for the pallet benchmarks)"
		)
		.into())
	}
}
