//! `zkp-node zk verify`: checks a Groth16 proof off chain with the same code the runtime uses.
//!
//! Inputs are snarkjs files as snarkjs writes them (`verification_key.json`, `proof.json`,
//! `public.json`) or, with `--curve`, arkworks-serialized key and proof (compressed or not)
//! and a public-input file of 32-byte little-endian scalars. Exit status: 0 valid, 1 invalid,
//! 2 malformed input; the reason goes to stderr.

use std::{fs, path::PathBuf};
use zkp_groth16::{snarkjs, Curve};

/// Zero-knowledge tools.
#[derive(Debug, clap::Subcommand)]
pub enum ZkCmd {
	/// Verify a Groth16 proof as the chain would; prints the key and statement hashes.
	Verify(VerifyCmd),
	/// Convert a key, proof and inputs to the chain's canonical encoding, printed as JSON
	/// (`curve`, `vk`, `proof`, `inputs` as 0x-hex, `vkHash`, `statement`); used by
	/// `scripts/zk/submit.mjs` and the end-to-end tests. Does not verify.
	Convert(VerifyCmd),
	/// Measure verification: native arkworks, the runtime with the host function, pure WASM,
	/// and batches of 1, 8 and 64 (one run, this machine).
	Bench(crate::zk_bench::BenchCmd),
	/// The chain weight of settling one PoI task by `k` redundant agents against one agent
	/// with a proof, from this runtime's benchmarked weights (JSON).
	PoiCost(PoiCostCmd),
}

#[derive(Debug, clap::Args)]
pub struct PoiCostCmd {
	/// Agents of the redundant settlement.
	#[arg(long, default_value_t = 3)]
	pub redundancy: u32,
	/// Active agents the draw filters.
	#[arg(long, default_value_t = 16)]
	pub agents: u32,
}

impl PoiCostCmd {
	/// Submission and draw, `k` commits and `k` reveals (the last one settles), with the
	/// proof check and the prover filter in ZK mode.
	fn settle(&self, k: u32, zk: bool) -> zkp_runtime::Weight {
		use pallet_poi::WeightInfo as _;
		use sp_core::Get;
		type W = <zkp_runtime::Runtime as pallet_poi::Config>::WeightInfo;
		let mode = if zk {
			pallet_poi::VerificationMode::Zk { input_commitment: Default::default() }
		} else {
			pallet_poi::VerificationMode::Redundant
		};
		let mut weight = W::submit_task(k, self.agents)
			.saturating_add(W::draw_task(k, self.agents))
			.saturating_add(pallet_poi::Pallet::<zkp_runtime::Runtime>::prover_filter_weight(
				mode,
				self.agents,
			));
		for _ in 0..k {
			weight = weight.saturating_add(W::commit_result(k)).saturating_add(W::reveal_result(k));
			if zk {
				weight = weight.saturating_add(zkp_runtime::configs::poi::PoiProofWeight::get());
			}
		}
		weight
	}

	fn print(&self) {
		let json = |w: zkp_runtime::Weight| serde_json::json!({ "refTimePs": w.ref_time(), "proofSize": w.proof_size() });
		let block = zkp_runtime::configs::MAXIMUM_BLOCK_WEIGHT;
		let proof = <zkp_runtime::configs::poi::PoiProofWeight as sp_core::Get<_>>::get();
		println!(
			"{}",
			serde_json::json!({
				"redundancy": self.redundancy,
				"agents": self.agents,
				"redundant": json(self.settle(self.redundancy, false)),
				"zkOne": json(self.settle(1, true)),
				"proofCheck": json(proof),
				"blockRefTimePs": block.ref_time(),
			})
		);
	}
}

#[derive(Debug, clap::Args)]
pub struct VerifyCmd {
	/// Verification key: snarkjs `verification_key.json`, or arkworks bytes with `--curve`.
	#[arg(long)]
	pub vk: PathBuf,
	/// Proof: snarkjs `proof.json`, or arkworks bytes with `--curve`.
	#[arg(long)]
	pub proof: PathBuf,
	/// Public inputs: snarkjs `public.json`, or concatenated 32-byte scalars with `--curve`.
	#[arg(long)]
	pub public: PathBuf,
	/// Read arkworks-serialized files for this curve (`bn254` or `bls12381`) instead of JSON.
	#[arg(long)]
	pub curve: Option<String>,
}

/// Outcome of `zk verify`, as a process exit code.
pub enum Outcome {
	Valid,
	Invalid(String),
	Malformed(String),
}

impl VerifyCmd {
	fn load(&self) -> Result<snarkjs::Canonical, String> {
		let read = |p: &PathBuf| fs::read(p).map_err(|e| format!("{}: {e}", p.display()));
		let (vk, proof, public) = (read(&self.vk)?, read(&self.proof)?, read(&self.public)?);
		match &self.curve {
			None => {
				let text = |b: Vec<u8>, p: &PathBuf| {
					String::from_utf8(b).map_err(|_| {
						format!("{}: not UTF-8 JSON (use --curve for arkworks bytes)", p.display())
					})
				};
				snarkjs::from_snarkjs(
					&text(vk, &self.vk)?,
					&text(proof, &self.proof)?,
					&text(public, &self.public)?,
				)
				.map_err(|e| e.to_string())
			},
			Some(name) => {
				let curve: Curve = snarkjs::curve_from_name(name).map_err(|e| e.to_string())?;
				Ok(snarkjs::Canonical {
					curve,
					vk: snarkjs::vk_from_arkworks(curve, &vk).map_err(|e| format!("key: {e}"))?,
					proof: snarkjs::proof_from_arkworks(curve, &proof)
						.map_err(|e| format!("proof: {e}"))?,
					inputs: snarkjs::inputs_from_bytes(&public).map_err(|e| e.to_string())?,
				})
			},
		}
	}

	pub fn run(&self) -> Outcome {
		let c = match self.load() {
			Ok(c) => c,
			Err(e) => return Outcome::Malformed(e),
		};
		let vk_hash = zkp_groth16::vk_hash(c.curve, &c.vk);
		match zkp_groth16::verify(c.curve, &c.vk, &c.proof, &c.inputs) {
			Ok(()) => {
				let statement = zkp_groth16::statement_hash(c.curve, &vk_hash, &c.inputs);
				println!("valid");
				println!("curve: {:?}", c.curve);
				println!("public inputs: {}", c.inputs.len());
				println!("vk hash: {}", snarkjs::to_hex(&vk_hash));
				println!("statement: {}", snarkjs::to_hex(&statement));
				Outcome::Valid
			},
			Err(e @ zkp_groth16::Error::VerificationFailed) => Outcome::Invalid(e.to_string()),
			Err(e) => Outcome::Malformed(e.to_string()),
		}
	}
}

impl ZkCmd {
	/// Runs the command and exits the process with its status.
	pub fn run_and_exit(&self) -> ! {
		match self {
			ZkCmd::Bench(cmd) => match cmd.run() {
				Ok(()) => std::process::exit(0),
				Err(e) => {
					eprintln!("{e}");
					std::process::exit(2)
				},
			},
			ZkCmd::PoiCost(cmd) => {
				cmd.print();
				std::process::exit(0)
			},
			ZkCmd::Convert(cmd) => match cmd.load() {
				Ok(c) => {
					let vk_hash = zkp_groth16::vk_hash(c.curve, &c.vk);
					let json = serde_json::json!({
						"curve": match c.curve { Curve::Bn254 => "Bn254", Curve::Bls12_381 => "Bls12_381" },
						"vk": snarkjs::to_hex(&c.vk),
						"proof": snarkjs::to_hex(&c.proof),
						"inputs": c.inputs.iter().map(|i| snarkjs::to_hex(i)).collect::<Vec<_>>(),
						"vkHash": snarkjs::to_hex(&vk_hash),
						"statement": snarkjs::to_hex(&zkp_groth16::statement_hash(c.curve, &vk_hash, &c.inputs)),
					});
					println!("{json}");
					std::process::exit(0)
				},
				Err(reason) => {
					eprintln!("malformed: {reason}");
					std::process::exit(2)
				},
			},
			ZkCmd::Verify(cmd) => match cmd.run() {
				Outcome::Valid => std::process::exit(0),
				Outcome::Invalid(reason) => {
					eprintln!("invalid: {reason}");
					std::process::exit(1)
				},
				Outcome::Malformed(reason) => {
					eprintln!("malformed: {reason}");
					std::process::exit(2)
				},
			},
		}
	}
}
