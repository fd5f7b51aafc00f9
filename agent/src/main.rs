//! # zkp-agent
//!
//! The service a ZKP storage provider or compute operator runs beside its node:
//! - `zkp-agent serve` — the loopback HTTP API the node's off-chain worker calls: it fetches files
//!   from IPFS, checks them against the order's data root, pins and seals them (or empty committed
//!   capacity) into the sealed store, and opens challenged leaves;
//! - `zkp-agent storage add FILE` — puts a file on IPFS and prints what a storage order needs (CID,
//!   size, data root);
//! - `zkp-agent storage root FILE` — the data root alone, offline; It also runs inference jobs for
//!   Proof of Intelligence (`POST /poi/job`): model bundles and inputs from IPFS, outputs to IPFS,
//!   result sketches for the chain's agreement rule;
//! - `zkp-agent model pack DIR` — packs a model directory into a bundle, puts it on IPFS and prints
//!   what `poi.registerModel` needs; `zkp-agent model make-mlp DIR` makes a small MLP;
//! - `zkp-agent infer` — runs a model on an input file locally;
//! - `zkp-agent compare A B` — whether two output files agree under the chain's tolerance rule (a
//!   GPU run against a CPU run, say);
//! - `zkp-agent bench seal` — sealing throughput, verification cost and the reseal margin;
//! - `zkp-agent bench infer` — bare inference time against the agent's end-to-end job time.
//!
//! It talks to the node only over HTTP and never links the runtime; the algorithms come from
//! `zkp-posp` and `zkp-primitives`, the same code the runtime verifies with. The node proves
//! itself with an API token the operator gives both sides ([`auth`]).

mod auth;
mod bench;
mod compute;
mod http;
mod inference;
mod ipfs;
mod limits;
mod store;
mod zk;

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
	/// Timeout of fetching a model bundle from IPFS, in seconds (bundles are large).
	#[arg(long, global = true, default_value_t = 600)]
	ipfs_model_timeout: u64,
	/// Where inference runs: `auto` (a CUDA GPU in a `cuda` build, else the CPU), `cpu` or
	/// `cuda`.
	#[arg(long, global = true, value_enum, default_value = "auto", env = "ZKP_AGENT_DEVICE")]
	device: inference::DeviceChoice,
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
		/// The sealed store (and the model cache, under `models/`).
		#[arg(long, default_value = "zkp-agent-store")]
		store: PathBuf,
		/// Misbehave on purpose, for tests: `wrong-input` or `stall`.
		#[arg(long, value_enum)]
		fault: Option<compute::Fault>,
		/// The API token every POST must carry (`Authorization: Bearer <token>`), read from this
		/// file. Default: $ZKP_AGENT_TOKEN, else STORE/api-token (generated on the first start).
		#[arg(long)]
		api_token_file: Option<PathBuf>,
		/// Accept POSTs without a token (the Host and Origin checks stay). Tests only.
		#[arg(long)]
		insecure_no_token: bool,
		/// A host name to accept in `Host` besides localhost, 127.0.0.0/8 and [::1] (an agent
		/// the node reaches by name, in a container network); repeatable.
		#[arg(long = "allow-host")]
		allow_hosts: Vec<String>,
	},
	/// Model bundles.
	Model {
		#[command(subcommand)]
		command: ModelCommand,
	},
	/// Run a model on an input file here (no IPFS, no chain); prints the output JSON.
	Infer {
		/// The model directory (see `model pack`).
		#[arg(long)]
		model: PathBuf,
		#[arg(long, value_enum, default_value = "bert-embedding")]
		framework: FrameworkArg,
		/// The input file (JSON).
		#[arg(long)]
		input: PathBuf,
	},
	/// Whether two output files (`infer`'s or a job's, JSON `{shape, data}`) are the same
	/// answer under the chain's tolerance rule: their sketches are compared as the chain
	/// compares two agents' results, for `--seeds` task seeds. Exits with 1 if they are not.
	Compare {
		a: PathBuf,
		b: PathBuf,
		/// The model's rule: values quantized at 2^-scale_bits ...
		#[arg(long, default_value_t = 16)]
		scale_bits: u8,
		/// ... agree within this many quanta.
		#[arg(long, default_value_t = 64)]
		tolerance: u32,
		/// The model's sketch length.
		#[arg(long, default_value_t = 32)]
		sketch_len: u8,
		/// Seeds to try (each task has its own).
		#[arg(long, default_value_t = 20)]
		seeds: u32,
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

/// How a model runs (see `zkp_primitives::poi::Framework`).
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum FrameworkArg {
	/// BERT sentence embeddings (config.json, tokenizer.json, model.safetensors).
	BertEmbedding,
	/// A multi-layer perceptron (config.json, model.safetensors).
	Mlp,
}

impl From<FrameworkArg> for zkp_primitives::poi::Framework {
	fn from(f: FrameworkArg) -> Self {
		match f {
			FrameworkArg::BertEmbedding => Self::BertEmbedding,
			FrameworkArg::Mlp => Self::Mlp,
		}
	}
}

#[derive(Subcommand)]
enum ModelCommand {
	/// Pack a model directory into a bundle and add it to IPFS; prints JSON {cid, contentHash,
	/// size, framework} for `poi.registerModel`.
	Pack {
		dir: PathBuf,
		#[arg(long, value_enum, default_value = "bert-embedding")]
		framework: FrameworkArg,
		/// Also write the bundle here.
		#[arg(long)]
		out: Option<PathBuf>,
	},
	/// Prepare an MLP (ReLU) for PoI's ZK mode: quantize it, refuse it if the circuit cannot
	/// carry it, run the circuit-specific Groth16 setup and write DIR/zk/ (proving key,
	/// verification key, circuit.json). Prints JSON {keyHash, weightsCommitment,
	/// verifyingKey, constraints, …} for `zkVerifier.registerVk` and `poi.registerModel`.
	/// Pack the directory afterwards: the bundle carries the proving key.
	ZkSetup {
		dir: PathBuf,
		/// Input rows per task (the circuit's size grows with it).
		#[arg(long, default_value_t = 1)]
		rows: usize,
		/// Largest circuit accepted (constraints).
		#[arg(long, default_value_t = zkp_zkml::DEFAULT_MAX_CONSTRAINTS)]
		max_constraints: usize,
	},
	/// Print the Poseidon commitment a ZK task needs: of an input file (`--input`, for
	/// `poi.submitTask`'s `Zk { inputCommitment }`) or of a ZK job's output file (`--output`,
	/// equal to the output hash the chain recorded).
	ZkCommit {
		#[arg(long, conflicts_with = "output", required_unless_present = "output")]
		input: Option<PathBuf>,
		#[arg(long)]
		output: Option<PathBuf>,
	},
	/// Make a small MLP with deterministic random weights in DIR.
	MakeMlp {
		dir: PathBuf,
		/// Layer sizes, input first.
		#[arg(long, value_delimiter = ',', default_value = "8,32,4")]
		layers: Vec<usize>,
		#[arg(long, default_value = "relu")]
		activation: String,
		#[arg(long, default_value_t = 1)]
		seed: u64,
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
	/// What proving an MLP's inference costs (setup, proving time and memory, proof size)
	/// against plain inference, for one shape; one JSON line (see scripts/bench-zkml.sh).
	Zk {
		#[arg(long, value_delimiter = ',', default_value = "8,32,4")]
		layers: Vec<usize>,
		#[arg(long, default_value_t = 1)]
		rows: usize,
		#[arg(long, default_value_t = 3)]
		runs: usize,
	},
	/// Bare inference time against the agent's end-to-end job time on the same input.
	Infer {
		/// The model directory.
		#[arg(long)]
		model: PathBuf,
		#[arg(long, value_enum, default_value = "bert-embedding")]
		framework: FrameworkArg,
		/// The input file (JSON); default: `--sentences` made-up sentences.
		#[arg(long)]
		input: Option<PathBuf>,
		#[arg(long, default_value_t = 256)]
		sentences: usize,
		/// The agent to send jobs to (it must use the same IPFS daemon).
		#[arg(long, default_value = "http://127.0.0.1:8090")]
		agent: String,
		/// The agent's API token, read from this file (default: $ZKP_AGENT_TOKEN).
		#[arg(long)]
		api_token_file: Option<PathBuf>,
		#[arg(long, default_value_t = 5)]
		runs: usize,
	},
}

fn read(path: &std::path::Path) -> Result<Vec<u8>, String> {
	std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// `RUST_LOG` (default: this crate at info, the rest at warn), with arkworks' constraint-system
/// spans (target `gr1cs`) always capped at warn: at info they log every gadget call, which
/// makes proving a large circuit crawl.
fn init_logger() {
	let filters = std::env::var("RUST_LOG").unwrap_or_else(|_| "warn,zkp_agent=info".into());
	env_logger::Builder::new()
		.parse_filters(&filters)
		.filter_module("gr1cs", log::LevelFilter::Warn)
		.init();
}

fn main() {
	init_logger();
	let cli = Cli::parse();
	let runtime = tokio::runtime::Builder::new_multi_thread()
		.enable_all()
		.build()
		.expect("tokio runtime");
	let result = runtime.block_on(run(cli));
	if let Err(e) = result {
		eprintln!("error: {e}");
		std::process::exit(1);
	}
}

async fn run(cli: Cli) -> Result<(), String> {
	let ipfs = ipfs::Ipfs::new(&cli.ipfs, Duration::from_secs(cli.ipfs_timeout))?;
	let bundle_ipfs = ipfs::Ipfs::new(&cli.ipfs, Duration::from_secs(cli.ipfs_model_timeout))?;
	let device = cli.device;
	match cli.command {
		Command::Serve {
			listen,
			store: dir,
			fault,
			api_token_file,
			insecure_no_token,
			allow_hosts,
		} => {
			match ipfs.version().await {
				Ok(v) => log::info!("IPFS {} at {}", v, ipfs.url()),
				Err(e) => log::warn!("IPFS not reachable yet ({e}); jobs will fail until it is"),
			}
			log::info!("sealed store at {}", dir.display());
			let store = store::Store::new(dir.clone(), ipfs.clone()).map_err(|e| e.to_string())?;
			let token = auth::load_token(api_token_file.as_deref(), &dir, insecure_no_token)?;
			let guard = std::sync::Arc::new(auth::Guard::new(token.as_deref(), &allow_hosts));
			let compute = compute::Compute::new(
				dir,
				ipfs.clone(),
				bundle_ipfs,
				inference::device(device)?,
				fault,
			)
			.map_err(|e| e.to_string())?;
			http::serve(
				listen,
				http::Services { store, compute, ipfs_url: ipfs.url().to_string(), guard },
			)
			.await
		},
		Command::Model { command: ModelCommand::Pack { dir, framework, out } } => {
			let bundle = inference::pack(&dir, framework.into())?;
			// Refuse a bundle the agent could not load.
			inference::Model::load(&bundle, framework.into(), &candle_core::Device::Cpu)?;
			let hash = sp_core::H256(sp_crypto_hashing::blake2_256(&bundle));
			let size = bundle.len();
			if let Some(out) = out {
				std::fs::write(&out, &bundle).map_err(|e| format!("{}: {e}", out.display()))?;
			}
			let cid = bundle_ipfs.add(bundle).await?;
			println!(
				"{}",
				serde_json::json!({ "cid": cid, "contentHash": format!("{hash:?}"), "size": size, "framework": format!("{framework:?}") })
			);
			Ok(())
		},
		Command::Model { command: ModelCommand::ZkSetup { dir, rows, max_constraints } } => {
			let summary =
				tokio::task::spawn_blocking(move || zk::setup(&dir, rows, max_constraints))
					.await
					.map_err(|e| e.to_string())??;
			println!("{summary}");
			Ok(())
		},
		Command::Model { command: ModelCommand::ZkCommit { input, output } } => {
			let commitment = match (input, output) {
				(Some(file), _) => zk::input_commitment(&read(&file)?)?,
				(None, Some(file)) => zk::output_commitment(&read(&file)?)?,
				(None, None) => return Err("give --input or --output".into()),
			};
			println!("{}", serde_json::json!({ "commitment": format!("{commitment:?}") }));
			Ok(())
		},
		Command::Model { command: ModelCommand::MakeMlp { dir, layers, activation, seed } } => {
			inference::make_mlp(&dir, &layers, &activation, seed)?;
			println!(
				"{}",
				serde_json::json!({ "dir": dir, "layers": layers, "activation": activation })
			);
			Ok(())
		},
		Command::Infer { model, framework, input } => {
			let bundle = inference::pack(&model, framework.into())?;
			let device = inference::device(device)?;
			let started = std::time::Instant::now();
			let loaded = inference::Model::load(&bundle, framework.into(), &device)?;
			let load_ms = started.elapsed().as_millis();
			let started = std::time::Instant::now();
			let output =
				loaded.run(&read(&input)?, |done, total| log::info!("batch {done}/{total}"))?;
			log::info!(
				"loaded in {load_ms} ms on {device:?}, ran in {} ms",
				started.elapsed().as_millis()
			);
			println!("{}", String::from_utf8_lossy(&output.to_json()));
			Ok(())
		},
		Command::Compare { a, b, scale_bits, tolerance, sketch_len, seeds } => {
			let report = inference::compare(
				&read(&a)?,
				&read(&b)?,
				scale_bits,
				tolerance,
				sketch_len,
				seeds,
			)?;
			println!("{}", serde_json::to_string(&report).expect("json"));
			if report.agree {
				Ok(())
			} else {
				Err(format!(
					"{} and {} do not agree within {tolerance} quanta of 2^-{scale_bits}",
					a.display(),
					b.display()
				))
			}
		},
		Command::Storage { command: StorageCommand::Add { file } } => {
			let data = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
			let root = zkp_posp::data_root(&data);
			let size = data.len();
			let cid = ipfs.add(data).await?;
			println!(
				"{}",
				serde_json::json!({ "cid": cid, "size": size, "dataRoot": format!("{root:?}") })
			);
			Ok(())
		},
		Command::Storage { command: StorageCommand::Root { file } } => {
			let data = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
			println!(
				"{}",
				serde_json::json!({ "size": data.len(), "dataRoot": format!("{:?}", zkp_posp::data_root(&data)) })
			);
			Ok(())
		},
		Command::Bench {
			command: BenchCommand::Seal { sector_kib, rounds, sectors, deadline_secs },
		} => {
			bench::seal(sector_kib, rounds, sectors, deadline_secs);
			Ok(())
		},
		Command::Bench { command: BenchCommand::Zk { layers, rows, runs } } =>
			tokio::task::spawn_blocking(move || bench::zk(&layers, rows, runs))
				.await
				.map_err(|e| e.to_string())?,
		Command::Bench {
			command:
				BenchCommand::Infer { model, framework, input, sentences, agent, api_token_file, runs },
		} => {
			let bundle = inference::pack(&model, framework.into())?;
			let input = match input {
				Some(path) => read(&path)?,
				None => serde_json::to_vec(&bench::sentences(sentences)).expect("json"),
			};
			let token = match api_token_file {
				Some(path) => Some(auth::read_token_file(&path)?),
				None => std::env::var(auth::TOKEN_ENV).ok().filter(|t| !t.trim().is_empty()),
			};
			let agent = bench::AgentApi { url: agent, token };
			bench::infer(
				&ipfs,
				&agent,
				inference::device(device)?,
				bundle,
				framework.into(),
				input,
				runs.max(1),
			)
			.await
		},
	}
}
