//! `zkp-stark`: the STARK tool for a person (and for the project's fixture and e2e scripts).
//!
//! - `prove --program P.masm [--inputs 1,2] [--advice 7,8]` runs a Miden-assembly program in the
//!   Miden VM and proves its execution (a transparent STARK: no setup, no keys). It writes a JSON
//!   file with the program hash, the public stack inputs and outputs and the proof, which
//!   `scripts/zk/submit.mjs --stark` submits to the chain, and the same SCALE-encoded beside it
//!   (`.scale`).
//! - `verify PROOF.json [--min-security N]` checks such a file with exactly the code the chain runs
//!   (`zkp-stark`, the crate), and prints the statement hash the chain would attest.
//! - `hash --program P.masm` prints the program hash (what the chain registers).
//!
//! The prover lives here, not in `zkp-node`: a validator never proves, and the prover and
//! assembler are a large build.

use clap::{Parser, Subcommand};
use codec::Encode;
use miden_assembly::Assembler;
use miden_processor::{DefaultHost, Felt, Program};
use miden_prover::{
	prove_sync, AdviceInputs, ExecutionOptions, HashFunction, ProvingOptions, StackInputs,
};
use serde::{Deserialize, Serialize};
use std::{path::PathBuf, process::ExitCode, time::Instant};

#[derive(Parser)]
#[command(
	name = "zkp-stark",
	version,
	about = "Prove and verify Miden VM execution (STARK) for the ZKP chain"
)]
struct Cli {
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Run a Miden-assembly program and prove its execution.
	Prove {
		/// The program (Miden assembly, `begin … end`).
		#[arg(long)]
		program: PathBuf,
		/// Public stack inputs, comma-separated, top of the stack first (at most 16).
		#[arg(long, value_delimiter = ',')]
		inputs: Vec<u64>,
		/// Secret advice-stack values, comma-separated (not part of the statement).
		#[arg(long, value_delimiter = ',')]
		advice: Vec<u64>,
		/// The proof's hash function: blake3-256 or keccak (what the chain accepts); rpo, rpx
		/// and poseidon2 proofs are made for other verifiers.
		#[arg(long, default_value = "blake3-256")]
		hash: String,
		/// Refuse to run more VM cycles than this.
		#[arg(long, default_value_t = 1 << 20)]
		max_cycles: u32,
		/// Where to write the proof file (JSON).
		#[arg(long)]
		out: PathBuf,
	},
	/// Verify a proof file as the chain does; exit 0 valid, 1 invalid, 2 malformed.
	Verify {
		/// A file written by `zkp-stark prove`.
		proof: PathBuf,
		/// The security floor, in conjectured bits (the chain's `MinStarkSecurityBits`).
		#[arg(long, default_value_t = 96)]
		min_security: u32,
	},
	/// Print a program's hash (its MAST root), as the chain registers it.
	Hash {
		#[arg(long)]
		program: PathBuf,
	},
}

/// A proof file: what the chain needs to check a statement, and what the statement is.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ProofFile {
	/// `miden-vm`, with the verifier's version.
	system: String,
	/// 0x-hex, 32 bytes.
	program_hash: String,
	/// Public stack inputs, top first (decimal strings: values reach 2^64).
	inputs: Vec<String>,
	/// The 16 stack outputs, top first.
	outputs: Vec<String>,
	/// 0x-hex of the proof bytes (`ExecutionProof::to_bytes`).
	proof: String,
	hash_function: String,
	security_bits: u32,
	/// The statement the chain attests for this proof.
	statement: String,
	/// The proof's size in bytes.
	proof_bytes: usize,
	/// How long proving took on this machine.
	prove_ms: u128,
}

fn hex(bytes: &[u8]) -> String {
	let mut s = String::with_capacity(2 + bytes.len() * 2);
	s.push_str("0x");
	for b in bytes {
		s.push_str(&format!("{b:02x}"));
	}
	s
}

fn unhex(s: &str) -> Result<Vec<u8>, String> {
	let s = s.strip_prefix("0x").unwrap_or(s);
	if !s.len().is_multiple_of(2) {
		return Err("odd hex length".into());
	}
	(0..s.len())
		.step_by(2)
		.map(|i| u8::from_str_radix(&s[i..i + 2], 16).map_err(|e| e.to_string()))
		.collect()
}

fn assemble(path: &PathBuf) -> Result<Program, String> {
	let source = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
	Assembler::default()
		.assemble_program(source.as_str())
		.map_err(|e| format!("{}: {e:?}", path.display()))
}

fn felts(values: &[u64], what: &str) -> Result<Vec<Felt>, String> {
	zkp_stark::check_stack(values).map_err(|e| format!("{what}: {e}"))?;
	values
		.iter()
		.map(|v| Felt::new(*v).map_err(|e| format!("{what}: {e}")))
		.collect()
}

fn prove(
	program: PathBuf,
	inputs: Vec<u64>,
	advice: Vec<u64>,
	hash: String,
	max_cycles: u32,
	out: PathBuf,
) -> Result<(), String> {
	let hash_fn = HashFunction::try_from(hash.as_str()).map_err(|e| e.to_string())?;
	let code = assemble(&program)?;
	let stack = StackInputs::new(&felts(&inputs, "inputs")?).map_err(|e| e.to_string())?;
	let advice = AdviceInputs::default().with_stack_values(advice).map_err(|e| e.to_string())?;
	let options = ExecutionOptions::new(Some(max_cycles), 64, 4096, false, false)
		.map_err(|e| e.to_string())?;
	let started = Instant::now();
	let (outputs, proof) = prove_sync(
		&code,
		stack,
		advice,
		&mut DefaultHost::default(),
		options,
		ProvingOptions::new(hash_fn),
	)
	.map_err(|e| format!("execution or proving failed: {e}"))?;
	let prove_ms = started.elapsed().as_millis();
	let program_hash = zkp_stark::program_hash_bytes(&code.hash());
	let outputs = zkp_stark::stack_values(&outputs[..]);
	let bytes = proof.to_bytes();
	match zkp_stark::verify(&program_hash, &inputs, &outputs, &bytes, 0) {
		Ok(()) => {},
		Err(zkp_stark::Error::UnsupportedHashFunction) => eprintln!(
			"warning: the chain accepts blake3-256 and keccak proofs only; this {hash} proof is for other verifiers"
		),
		Err(e) => return Err(format!("the proof just made does not verify: {e}")),
	}
	let file = ProofFile {
		system: "miden-vm-0.23".into(),
		program_hash: hex(&program_hash),
		inputs: inputs.iter().map(u64::to_string).collect(),
		outputs: outputs.iter().map(u64::to_string).collect(),
		proof: hex(&bytes),
		hash_function: hash,
		security_bits: zkp_stark::security_bits(&proof),
		statement: hex(&zkp_stark::statement_hash(&program_hash, &inputs, &outputs)),
		proof_bytes: bytes.len(),
		prove_ms,
	};
	let json = serde_json::to_string_pretty(&file).map_err(|e| e.to_string())?;
	std::fs::write(&out, json + "\n").map_err(|e| format!("{}: {e}", out.display()))?;
	// The same statement and proof, SCALE-encoded, for Rust readers without JSON (the
	// pallet's benchmarks): `(program_hash, inputs, outputs, proof)`.
	let scale = out.with_extension("scale");
	std::fs::write(&scale, (program_hash, &inputs, &outputs, &bytes).encode())
		.map_err(|e| format!("{}: {e}", scale.display()))?;
	println!(
		"proved {} in {prove_ms} ms: program {}, outputs [{}], proof {} bytes → {}",
		program.display(),
		file.program_hash,
		file.outputs[..4].join(", "),
		bytes.len(),
		out.display()
	);
	Ok(())
}

/// A proof file's statement parts, or why it is malformed.
fn read_proof_file(path: &PathBuf) -> Result<([u8; 32], Vec<u64>, Vec<u64>, Vec<u8>), String> {
	let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
	let file: ProofFile = serde_json::from_str(&text).map_err(|e| e.to_string())?;
	let program_hash: [u8; 32] = unhex(&file.program_hash)?
		.try_into()
		.map_err(|_| "programHash is not 32 bytes".to_string())?;
	let parse = |values: &[String]| -> Result<Vec<u64>, String> {
		values
			.iter()
			.map(|v| v.parse::<u64>().map_err(|e| format!("{v}: {e}")))
			.collect()
	};
	Ok((program_hash, parse(&file.inputs)?, parse(&file.outputs)?, unhex(&file.proof)?))
}

fn verify(proof: PathBuf, min_security: u32) -> ExitCode {
	let (program_hash, inputs, outputs, bytes) = match read_proof_file(&proof) {
		Ok(parts) => parts,
		Err(e) => {
			eprintln!("malformed: {e}");
			return ExitCode::from(2);
		},
	};
	let started = Instant::now();
	match zkp_stark::verify(&program_hash, &inputs, &outputs, &bytes, min_security) {
		Ok(()) => {
			println!("valid ({} µs)", started.elapsed().as_micros());
			println!(
				"statement: {}",
				hex(&zkp_stark::statement_hash(&program_hash, &inputs, &outputs))
			);
			ExitCode::SUCCESS
		},
		Err(e) => {
			eprintln!("invalid: {e}");
			ExitCode::from(1)
		},
	}
}

fn main() -> ExitCode {
	let result = match Cli::parse().command {
		Command::Prove { program, inputs, advice, hash, max_cycles, out } =>
			prove(program, inputs, advice, hash, max_cycles, out),
		Command::Verify { proof, min_security } => return verify(proof, min_security),
		Command::Hash { program } => assemble(&program)
			.map(|p| println!("{}", hex(&zkp_stark::program_hash_bytes(&p.hash())))),
	};
	match result {
		Ok(()) => ExitCode::SUCCESS,
		Err(e) => {
			eprintln!("error: {e}");
			ExitCode::from(2)
		},
	}
}
