//! Proof of Intelligence as seen by the rest of the system.
//!
//! - [`ComputeContribution`]: each compute agent's verified useful work, a moving average that
//!   `pallet-poi` exports for the consensus layer (validator selection and rewards).
//! - The model and result types the chain stores ([`Framework`], [`Agreement`],
//!   [`InferenceResult`]).
//! - The SCALE messages of the loopback HTTP API between a node's off-chain worker and its
//!   `zkp-agent` ([`JobRequest`], [`JobStatus`]).
//!
//! ## Result sketches
//! Floating-point outputs differ in their last bits between CPU and GPU runs (and between
//! thread counts), so agents do not compare whole outputs bit for bit. Each agent reports a
//! **sketch** of its output `v` (all `n` values, flattened in row-major order), computed from
//! the task's `seed`, which the chain draws when it assigns the task:
//! - entries `0..PROJECTIONS` are random projections `Σᵢ sᵢ·vᵢ / √n` with signs `sᵢ = ±1` taken
//!   from the bits of `blake2_256(seed ‖ "proj" ‖ j ‖ i/256)` (bit `i mod 256`, little-endian bit
//!   order): every value of the output moves them;
//! - the remaining entries are values at positions `u64(blake2_256(seed ‖ "pick" ‖ k)[..8]) mod n`;
//! - each entry is quantized to `round(x · 2^scale_bits)`, saturated to `i32`.
//!
//! Two results agree when their output lengths are equal and every sketch entry differs by at
//! most the model's tolerance (in quanta); [`Agreement::Exact`] models compare the hash of the
//! output bytes instead. [`sketch`] is the reference implementation (std only).

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;

/// A compute agent's verified contribution.
pub trait ComputeContribution<AccountId> {
	/// Moving average of the verified work the agent did per scoring period (0 if unknown).
	fn compute_score(who: &AccountId) -> u128;
	/// Sum of every agent's score.
	fn total_compute_score() -> u128;
	/// Every agent with a non-zero score, and the score (at most the pallet's agent bound):
	/// whom the consensus layer pays for compute.
	fn compute_contributors() -> Vec<(AccountId, u128)>;
	/// Gives `who` a score, for benchmarks of the consensus layer.
	#[cfg(feature = "runtime-benchmarks")]
	fn set_compute_score(who: &AccountId, score: u128);
}

impl<AccountId> ComputeContribution<AccountId> for () {
	fn compute_score(_: &AccountId) -> u128 {
		0
	}
	fn total_compute_score() -> u128 {
		0
	}
	fn compute_contributors() -> Vec<(AccountId, u128)> {
		Vec::new()
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn set_compute_score(_: &AccountId, _: u128) {}
}

/// How an agent runs a model: what the model bundle (a tar archive on IPFS) holds and what
/// the input and output files are.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
pub enum Framework {
	/// A BERT sentence-embedding model in the sentence-transformers layout (`config.json`,
	/// `tokenizer.json`, `model.safetensors`): mean pooling over tokens, L2-normalised.
	/// Input: a JSON array of strings. Output: one embedding per string.
	BertEmbedding,
	/// A multi-layer perceptron (`config.json` with `layers` and `activation`,
	/// `model.safetensors` with `layers.{i}.weight` / `layers.{i}.bias`).
	/// Input: a JSON array of rows of numbers. Output: one row per input row.
	Mlp,
}

/// When two agents' results count as the same answer.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Agreement {
	/// The output bytes are identical (deterministic models).
	Exact,
	/// Floating-point outputs: sketches quantized at `2^-scale_bits` agree entry by entry
	/// within `tolerance` quanta.
	Tolerance { scale_bits: u8, tolerance: u32 },
}

/// What an agent reports for a task: the commitment hides it until the reveal.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct InferenceResult {
	/// `blake2_256` of the output file's bytes.
	pub output_hash: H256,
	/// Where the output file is on IPFS.
	pub output_cid: Vec<u8>,
	/// Number of values in the output.
	pub output_len: u32,
	/// The output's sketch (see the module docs).
	pub sketch: Vec<i32>,
}

/// Number of projection entries at the start of a sketch.
pub const PROJECTIONS: usize = 4;

/// The commitment an agent submits before revealing `result`: `blake2_256` of the SCALE
/// encoding of `(task, agent, result, salt)`. Binding the agent's account means a copied
/// commitment cannot be revealed by the copier.
pub fn commitment<AccountId: Encode>(
	task: u64,
	agent: &AccountId,
	result: &InferenceResult,
	salt: &[u8; 32],
) -> H256 {
	H256(sp_crypto_hashing::blake2_256(&(task, agent, result, salt).encode()))
}

/// Whether two results are the same answer under `rule`.
pub fn agree(rule: &Agreement, a: &InferenceResult, b: &InferenceResult) -> bool {
	match rule {
		Agreement::Exact => a.output_hash == b.output_hash && a.output_len == b.output_len,
		Agreement::Tolerance { tolerance, .. } =>
			a.output_len == b.output_len &&
				a.sketch.len() == b.sketch.len() &&
				a.sketch.iter().zip(&b.sketch).all(|(x, y)| x.abs_diff(*y) <= *tolerance),
	}
}

/// A job the off-chain worker asks its agent to run (`POST /poi/job`, SCALE body). The same
/// request again returns the job's status: it is keyed by `(task, seed)`.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct JobRequest {
	pub task: u64,
	/// The task's seed, drawn by the chain: it picks the sketch's projections and positions.
	pub seed: H256,
	pub model_cid: Vec<u8>,
	/// `blake2_256` of the model bundle: the agent refuses a bundle that does not match.
	pub model_hash: H256,
	pub framework: Framework,
	pub input_cid: Vec<u8>,
	/// Sketch entries wanted.
	pub sketch_len: u32,
	/// Quantization of the sketch (`2^-scale_bits`).
	pub scale_bits: u8,
	/// For a ZK-mode task: what the proof must show, and the key it is checked with.
	pub zk: Option<ZkJob>,
}

/// A model's circuit, as registered for ZK-mode tasks: the verification key (its hash in the
/// ZK verifier) and the Poseidon commitment to the model's quantized weights, which the chain
/// puts in every proof's public inputs (so an agent cannot prove with other weights).
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct ZkCircuit {
	/// The verification key's hash in `pallet-zk-verifier`.
	pub key: H256,
	/// The weights commitment: a BN254 scalar, 32 bytes little-endian.
	pub weights_commitment: H256,
}

/// The public inputs a ZK job's proof is checked with on chain (each a BN254 scalar, 32 bytes
/// little-endian), and the key: the agent checks its proof against its bundle's verification
/// key, which must hash to `key`, before answering, so it never commits to a result whose
/// proof the chain would reject.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct ZkJob {
	pub key: H256,
	pub weights_commitment: H256,
	/// The commitment to the input the task's submitter named.
	pub input_commitment: H256,
	/// Binds the proof to this task and this agent (see `pallet_poi::zk_public_inputs`).
	pub binding: H256,
}

/// Whether `bytes` (little-endian) is a canonical BN254 scalar, below the group order `r`:
/// the only encoding a public input has.
pub fn is_bn254_scalar(bytes: &[u8; 32]) -> bool {
	/// `r`, little-endian.
	const R: [u8; 32] = [
		0x01, 0x00, 0x00, 0xf0, 0x93, 0xf5, 0xe1, 0x43, 0x91, 0x70, 0xb9, 0x79, 0x48, 0xe8, 0x33,
		0x28, 0x5d, 0x58, 0x81, 0x81, 0xb6, 0x45, 0x50, 0xb8, 0x29, 0xa0, 0x31, 0xe1, 0x72, 0x4e,
		0x64, 0x30,
	];
	bytes.iter().rev().cmp(R.iter().rev()) == core::cmp::Ordering::Less
}

/// A job's state, as the agent answers `POST /poi/job`.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub enum JobStatus {
	/// Waiting for a free worker.
	Queued,
	/// Fetching (`done` = 0) or running: `done` of `total` batches.
	Running { done: u32, total: u32 },
	/// Finished; the output is on IPFS.
	Done(InferenceResult),
	/// The job cannot be run (model or input missing or invalid); `reason` says why.
	Failed { reason: Vec<u8> },
	/// A ZK job finished: the result (its `output_hash` is the output commitment) and its
	/// Groth16 proof (checked against the job's key by the agent).
	Proven { result: InferenceResult, proof: Vec<u8> },
}

impl JobStatus {
	/// Whether the job ended (done, proven or failed).
	pub fn is_finished(&self) -> bool {
		matches!(self, JobStatus::Done(_) | JobStatus::Proven { .. } | JobStatus::Failed { .. })
	}
}

/// Computes the sketch of `output` for `seed` (see the module docs).
#[cfg(feature = "std")]
pub fn sketch(output: &[f32], seed: &H256, sketch_len: usize, scale_bits: u8) -> Vec<i32> {
	use sp_crypto_hashing::blake2_256;
	let n = output.len();
	if n == 0 {
		return alloc::vec![0; sketch_len];
	}
	let scale = 2f64.powi(scale_bits as i32);
	let quantize = |x: f64| -> i32 {
		let q = (x * scale).round();
		if q.is_nan() {
			0
		} else {
			q.clamp(i32::MIN as f64, i32::MAX as f64) as i32
		}
	};
	let mut out = Vec::with_capacity(sketch_len);
	for j in 0..sketch_len.min(PROJECTIONS) {
		let mut sum = 0f64;
		for (block, chunk) in output.chunks(256).enumerate() {
			let bits = blake2_256(&(seed, b"proj", j as u32, block as u64).encode());
			for (i, v) in chunk.iter().enumerate() {
				let positive = bits[i / 8] >> (i % 8) & 1 == 1;
				sum += if positive { *v as f64 } else { -(*v as f64) };
			}
		}
		out.push(quantize(sum / (n as f64).sqrt()));
	}
	for k in PROJECTIONS..sketch_len {
		let h = blake2_256(&(seed, b"pick", k as u32).encode());
		let index = u64::from_le_bytes(h[..8].try_into().expect("8 bytes; qed")) % n as u64;
		out.push(quantize(output[index as usize] as f64));
	}
	out
}

#[cfg(test)]
mod tests {
	use super::*;

	fn result(sketch: Vec<i32>) -> InferenceResult {
		InferenceResult {
			output_hash: H256::zero(),
			output_cid: b"cid".to_vec(),
			output_len: 8,
			sketch,
		}
	}

	#[test]
	fn sketches_of_close_outputs_agree_and_of_different_outputs_do_not() {
		let seed = H256::repeat_byte(7);
		let v: Vec<f32> = (0..1000).map(|i| ((i * 37 % 101) as f32 / 101.0) - 0.5).collect();
		let noisy: Vec<f32> = v
			.iter()
			.enumerate()
			.map(|(i, x)| x + if i.is_multiple_of(2) { 1e-6 } else { -1e-6 })
			.collect();
		let mut other = v.clone();
		other.rotate_left(1);
		let rule = Agreement::Tolerance { scale_bits: 16, tolerance: 64 };
		let a = result(sketch(&v, &seed, 32, 16));
		let b = result(sketch(&noisy, &seed, 32, 16));
		let c = result(sketch(&other, &seed, 32, 16));
		assert!(agree(&rule, &a, &b));
		assert!(!agree(&rule, &a, &c));
		// Another seed gives another sketch of the same output.
		assert_ne!(a.sketch, sketch(&v, &H256::repeat_byte(8), 32, 16));
	}

	#[test]
	fn only_values_below_the_bn254_order_are_scalars() {
		let mut r = [
			0x01, 0x00, 0x00, 0xf0, 0x93, 0xf5, 0xe1, 0x43, 0x91, 0x70, 0xb9, 0x79, 0x48, 0xe8,
			0x33, 0x28, 0x5d, 0x58, 0x81, 0x81, 0xb6, 0x45, 0x50, 0xb8, 0x29, 0xa0, 0x31, 0xe1,
			0x72, 0x4e, 0x64, 0x30,
		];
		assert!(!is_bn254_scalar(&r));
		r[0] = 0;
		assert!(is_bn254_scalar(&r));
		assert!(is_bn254_scalar(&[0; 32]));
		assert!(!is_bn254_scalar(&[0xff; 32]));
		let mut high = [0u8; 32];
		high[31] = 0x31;
		assert!(!is_bn254_scalar(&high));
	}

	#[test]
	fn commitment_binds_the_agent() {
		let r = result(alloc::vec![1, 2, 3]);
		assert_ne!(commitment(1, &1u64, &r, &[0; 32]), commitment(1, &2u64, &r, &[0; 32]));
		assert_ne!(commitment(1, &1u64, &r, &[0; 32]), commitment(1, &1u64, &r, &[1; 32]));
	}
}
