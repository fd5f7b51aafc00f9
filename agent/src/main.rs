//! # zkp-agent
//!
//! The service a ZKP storage provider runs beside its node:
//! - `zkp-agent serve` — the loopback HTTP API the node's off-chain worker calls: it fetches
//!   files from IPFS, checks them against the order's data root, pins and seals them (or empty
//!   committed capacity) into the sealed store, and opens challenged leaves;
//! - `zkp-agent storage add FILE` — puts a file on IPFS and prints what a storage order needs
//!   (CID, size, data root);
//! - `zkp-agent storage root FILE` — the data root alone, offline;
//! - `zkp-agent bench seal` — sealing throughput, verification cost and the reseal margin.
//!
//! It talks to the node only over HTTP and never links the runtime; the algorithms come from
//! `zkp-posp`, the same code the runtime verifies with.

mod bench;
mod http;
mod ipfs;
mod store;

use clap::{Parser, Subcommand};
use std::{net::SocketAddr, path::PathBuf, time::Duration};

#[derive(Parser)]
#[command(name = "zkp-agent", version, about = "ZKP storage/compute agent")]
struct Cli {
	/// Kubo RPC API of the local IPFS daemon.
	#[arg(long, global = true, default_value = "http://127.0.0.1:5001", env = "ZKP_IPFS_API")]
	ipfs: String,
	/// Timeout of every IPFS call, in seconds (a missing block fails after it; keep it well
	/// under the chain's sealing deadline so an unfetchable replica can be given back).
	#[arg(long, global = true, default_value_t = 20)]
	ipfs_timeout: u64,
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Serve the HTTP API the node's off-chain worker calls.
	Serve {
		/// Where to listen (keep it on loopback).
		#[arg(long, default_value = "127.0.0.1:8090")]
		listen: SocketAddr,
		/// The sealed store.
		#[arg(long, default_value = "zkp-agent-store")]
		store: PathBuf,
	},
	/// Storage commands for users.
	Storage {
		#[command(subcommand)]
		command: StorageCommand,
	},
	/// Benchmarks.
	Bench {
		#[command(subcommand)]
		command: BenchCommand,
	},
}

#[derive(Subcommand)]
enum StorageCommand {
	/// Add a file to IPFS; prints JSON {cid, size, dataRoot} for `posp.placeOrder`.
	Add { file: PathBuf },
	/// Print a file's data root (Merkle root of its 1 KiB chunks) without IPFS.
	Root { file: PathBuf },
}

#[derive(Subcommand)]
enum BenchCommand {
	/// Sealing throughput, unsealing (verification) cost and the reseal margin.
	Seal {
		/// Sector size in KiB.
		#[arg(long, default_value_t = 1024)]
		sector_kib: u32,
		/// SLOTH rounds per element.
		#[arg(long, default_value_t = 4)]
		rounds: u32,
		/// Sectors to seal.
		#[arg(long, default_value_t = 2)]
		sectors: u32,
		/// Challenge deadline in seconds, for the margin.
		#[arg(long, default_value_t = 18.0)]
		deadline_secs: f64,
	},
}

fn main() {
	env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info")).init();
	let cli = Cli::parse();
	let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("tokio runtime");
	let result = runtime.block_on(run(cli));
	if let Err(e) = result {
		eprintln!("error: {e}");
		std::process::exit(1);
	}
}

async fn run(cli: Cli) -> Result<(), String> {
	let ipfs = ipfs::Ipfs::new(&cli.ipfs, Duration::from_secs(cli.ipfs_timeout))?;
	match cli.command {
		Command::Serve { listen, store } => {
			match ipfs.version().await {
				Ok(v) => log::info!("IPFS {} at {}", v, ipfs.url()),
				Err(e) => log::warn!("IPFS not reachable yet ({e}); jobs will fail until it is"),
			}
			log::info!("sealed store at {}", store.display());
			let store = store::Store::new(store, ipfs.clone()).map_err(|e| e.to_string())?;
			http::serve(listen, store, ipfs.url().to_string()).await
		},
		Command::Storage { command: StorageCommand::Add { file } } => {
			let data = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
			let root = zkp_posp::data_root(&data);
			let size = data.len();
			let cid = ipfs.add(data).await?;
			println!("{}", serde_json::json!({ "cid": cid, "size": size, "dataRoot": format!("{root:?}") }));
			Ok(())
		},
		Command::Storage { command: StorageCommand::Root { file } } => {
			let data = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
			println!("{}", serde_json::json!({ "size": data.len(), "dataRoot": format!("{:?}", zkp_posp::data_root(&data)) }));
			Ok(())
		},
		Command::Bench { command: BenchCommand::Seal { sector_kib, rounds, sectors, deadline_secs } } => {
			bench::seal(sector_kib, rounds, sectors, deadline_secs);
			Ok(())
		},
	}
}
