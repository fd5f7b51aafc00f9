//! STARK verification for the ZKP chain: transparent proofs (no trusted setup) that a **Miden
//! VM** program ran correctly.
//!
//! A statement is "the program whose MAST root is `program_hash`, started with these public
//! stack inputs (and any secret advice), ends with these stack outputs". The program can be
//! anything written in Miden assembly; the chain only ever sees its 32-byte hash.
//!
//! The verifier ([`verify`], with `std`) runs in the node, behind a host function the runtime
//! calls. It cannot run inside the runtime: `miden-crypto` depends on `flume`, whose default
//! features pull `nanorand` → `getrandom` with `std` and `js` (wasm-bindgen), which a
//! `wasm32v1-none` runtime cannot link. Without `std` this crate is what the runtime needs
//! around the verifier: the statement hash, the bounds and checks of its inputs, and the error
//! codes, with no Miden dependency. With `std` the verifier:
//! - input is **bounded and validated** before the verifier sees it: a program hash and stack
//!   values must be canonical Goldilocks elements, at most [`STACK_DEPTH`] values each side, and a
//!   proof at most [`MAX_PROOF_LEN`] bytes that decodes exactly;
//! - the verifier's parameters (blowup, queries, grinding) are fixed by `miden-air`, not chosen by
//!   the prover; the **security floor** is the caller's (the chain's) to set, and a proof system
//!   below it is refused ([`Error::InsufficientSecurity`]);
//! - proofs that ask for precompile (deferred) computations are refused: the chain registers no
//!   precompile verifiers, so such a proof proves less than it seems
//!   ([`Error::PrecompileRequests`]);
//! - every failure is a distinct [`Error`] that crosses the host boundary as a code.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
pub use sp_crypto_hashing::keccak_256;
#[cfg(feature = "std")]
pub use verifier::*;

/// The number of public stack values on each side (Miden's minimum stack depth): inputs and
/// outputs shorter than this are padded with zeros, as the VM does.
pub const STACK_DEPTH: usize = 16;
/// The largest proof accepted, in bytes: exactly the largest proof the chain's weights were
/// measured on (`fixtures/stark/bench-large`, a 2^18-row trace proved with Keccak), so that
/// the weight charged by length covers every accepted proof. Proofs grow with the log of the
/// trace length (fixed-width encoding: the size depends on the trace height and the hash, not
/// on the program): with Keccak a 2^15-row trace gives 96,578 bytes, 2^18 gives 134,226.
pub const MAX_PROOF_LEN: usize = 134_226;
/// The field modulus (Goldilocks, 2^64 - 2^32 + 1): stack values and hash limbs are below it.
pub const MODULUS: u64 = 0xffff_ffff_0000_0001;
/// The proof system identifier in statement hashes (Groth16 uses 1 and 2 for its curves; the
/// domain tags differ as well, so no STARK statement can equal a Groth16 one).
pub const SYSTEM_ID: u8 = 3;
/// The conjectured security, in bits, of every proof the verifier accepts: `miden-air` fixes
/// the parameters (the prover cannot lower them), so this is a property of the verifier. Miden
/// 0.23 states 96 bits for them (27 FRI queries at blowup 8 give 81 bits, plus 16 bits of
/// query grinding); a hash function weaker than that lowers it ([`security_bits`]).
pub const VERIFIER_SECURITY_BITS: u32 = 96;

/// A program's identity: its MAST root, four field elements, each 8 bytes little-endian (the
/// same bytes Miden prints as the program hash).
pub type ProgramHash = [u8; 32];

/// Why a STARK proof or its statement was rejected.
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
pub enum Error {
	/// A limb of the program hash is not a canonical field element.
	InvalidProgramHash,
	/// More than [`STACK_DEPTH`] stack inputs or outputs.
	TooManyStackValues,
	/// A stack value is not a canonical field element (≥ the modulus).
	InvalidStackValue,
	/// The proof is larger than [`MAX_PROOF_LEN`].
	ProofTooLarge,
	/// The proof bytes do not decode (truncated, trailing bytes, unknown hash function).
	MalformedProof,
	/// The proof asks for precompile computations, which the chain does not verify.
	PrecompileRequests,
	/// The verifier's security level is below the floor the chain requires.
	InsufficientSecurity,
	/// The proof was made with an algebraic hash (RPO, RPX, Poseidon2): the chain accepts
	/// BLAKE3 and Keccak proofs, which verify 3–13 times faster here.
	UnsupportedHashFunction,
	/// The verifier is not compiled into this code (the runtime without the node's host
	/// function): nothing was verified.
	VerifierUnavailable,
	/// The proof does not verify for this program and these inputs and outputs.
	VerificationFailed,
}

impl Error {
	/// The code that crosses the host-function boundary (`0` means success).
	pub const fn code(self) -> u64 {
		match self {
			Error::InvalidProgramHash => 1,
			Error::TooManyStackValues => 2,
			Error::InvalidStackValue => 3,
			Error::ProofTooLarge => 4,
			Error::MalformedProof => 5,
			Error::PrecompileRequests => 6,
			Error::InsufficientSecurity => 7,
			Error::VerificationFailed => 8,
			Error::UnsupportedHashFunction => 9,
			Error::VerifierUnavailable => 10,
		}
	}

	/// Inverse of [`Error::code`]; `Ok(())` for `0`, and an unknown code reads as a failed
	/// verification (never as success).
	pub const fn result_from_code(code: u64) -> Result<(), Error> {
		Err(match code {
			0 => return Ok(()),
			1 => Error::InvalidProgramHash,
			2 => Error::TooManyStackValues,
			3 => Error::InvalidStackValue,
			4 => Error::ProofTooLarge,
			5 => Error::MalformedProof,
			6 => Error::PrecompileRequests,
			7 => Error::InsufficientSecurity,
			9 => Error::UnsupportedHashFunction,
			10 => Error::VerifierUnavailable,
			_ => Error::VerificationFailed,
		})
	}

	/// `Ok(()) → 0`, `Err(e) → e.code()`.
	pub const fn code_of(result: Result<(), Error>) -> u64 {
		match result {
			Ok(()) => 0,
			Err(e) => e.code(),
		}
	}
}

impl core::fmt::Display for Error {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.write_str(match self {
			Error::InvalidProgramHash => "program hash limb is not a canonical field element",
			Error::TooManyStackValues => "more than 16 stack inputs or outputs",
			Error::InvalidStackValue => "stack value is not a canonical field element",
			Error::ProofTooLarge => "proof is larger than the limit",
			Error::MalformedProof => "proof bytes do not decode",
			Error::PrecompileRequests => "proof carries precompile requests (not verified here)",
			Error::InsufficientSecurity => "verifier security is below the required level",
			Error::VerificationFailed => "proof does not verify for this program and stack",
			Error::UnsupportedHashFunction =>
				"proof uses an algebraic hash (rpo, rpx, poseidon2); the chain accepts blake3-256 and keccak",
			Error::VerifierUnavailable => "the STARK verifier is not available here (host only)",
		})
	}
}

/// Checks that a program hash is a Miden word: four limbs, 8 bytes little-endian each, every
/// one a canonical field element.
pub fn check_program_hash(hash: &ProgramHash) -> Result<(), Error> {
	let canonical = hash
		.chunks_exact(8)
		.all(|limb| u64::from_le_bytes(limb.try_into().expect("8-byte chunks; qed")) < MODULUS);
	if canonical {
		Ok(())
	} else {
		Err(Error::InvalidProgramHash)
	}
}

/// Checks a list of public stack values: at most [`STACK_DEPTH`], each canonical.
pub fn check_stack(values: &[u64]) -> Result<(), Error> {
	if values.len() > STACK_DEPTH {
		return Err(Error::TooManyStackValues);
	}
	if values.iter().any(|v| *v >= MODULUS) {
		return Err(Error::InvalidStackValue);
	}
	Ok(())
}

/// The stack padded with zeros to [`STACK_DEPTH`]: `[1, 2]` and `[1, 2, 0, …]` are the same
/// statement to the VM, so they are the same statement here.
pub fn padded(values: &[u64]) -> [u64; STACK_DEPTH] {
	let mut out = [0u64; STACK_DEPTH];
	for (slot, v) in out.iter_mut().zip(values) {
		*slot = *v;
	}
	out
}

/// The Miden verifier (with `std`: the node, behind the runtime's host function).
#[cfg(feature = "std")]
mod verifier {
	use super::*;
	use miden_air::{config, ProcessorAir, PublicInputs};
	pub use miden_core::proof::{ExecutionProof, HashFunction};
	use miden_core::{
		field::QuadFelt,
		precompile::PrecompileTranscript,
		program::{Kernel, ProgramInfo, StackInputs, StackOutputs},
		Felt, Word, WORD_SIZE,
	};
	use miden_crypto::stark::{
		air::VarLenPublicInputs, challenger::CanObserve, lmcs::Lmcs, proof::StarkProof, StarkConfig,
	};

	/// The program hash as a Miden word, if every limb is canonical.
	pub fn program_word(hash: &ProgramHash) -> Result<Word, Error> {
		check_program_hash(hash)?;
		Word::try_from(*hash).map_err(|_| Error::InvalidProgramHash)
	}

	/// Stack values as integers (canonical), top first.
	pub fn stack_values(stack: &[Felt]) -> Vec<u64> {
		stack.iter().map(Felt::as_canonical_u64).collect()
	}

	/// The 32 bytes of a Miden program hash.
	pub fn program_hash_bytes(word: &Word) -> ProgramHash {
		word.as_bytes()
	}

	fn felts(values: &[u64]) -> Result<Vec<Felt>, Error> {
		check_stack(values)?;
		values
			.iter()
			.map(|v| Felt::new(*v).map_err(|_| Error::InvalidStackValue))
			.collect()
	}

	/// Decodes a proof: bounded, exact (no trailing bytes), and without precompile requests.
	pub fn decode_proof(proof: &[u8]) -> Result<ExecutionProof, Error> {
		if proof.len() > MAX_PROOF_LEN {
			return Err(Error::ProofTooLarge);
		}
		let decoded = ExecutionProof::from_bytes(proof).map_err(|_| Error::MalformedProof)?;
		// `from_bytes` stops where the proof ends; re-encoding must give back exactly the input
		// (no trailing bytes). The inner STARK proof stays malleable (its field elements decode
		// from non-canonical integers too), which is harmless: statements never include proofs.
		if decoded.to_bytes().len() != proof.len() {
			return Err(Error::MalformedProof);
		}
		if !decoded.precompile_requests().is_empty() {
			return Err(Error::PrecompileRequests);
		}
		Ok(decoded)
	}

	/// Verifies that the program `program_hash` (no kernel), run on the public stack `inputs`
	/// (top of the stack first), ends with the stack `outputs` (top first), requiring at least
	/// `min_security_bits` of conjectured security. Inputs are checked before any proof work.
	///
	/// This is the Miden VM's own verification (`miden-air`'s processor AIR, checked by
	/// `miden-crypto`'s lifted STARK verifier under the parameters `miden-air` fixes), with the
	/// proof decoded here by `bincode` 2 in its legacy encoding (the one Miden's prover writes), so
	/// that it runs without `std` inside the runtime: `miden-verifier` itself needs `bincode` 1,
	/// which needs `std`.
	pub fn verify(
		program_hash: &ProgramHash,
		inputs: &[u64],
		outputs: &[u64],
		proof: &[u8],
		min_security_bits: u32,
	) -> Result<(), Error> {
		let program = ProgramInfo::new(program_word(program_hash)?, Kernel::default());
		let stack_inputs =
			StackInputs::new(&felts(inputs)?).map_err(|_| Error::TooManyStackValues)?;
		let stack_outputs =
			StackOutputs::new(&felts(outputs)?).map_err(|_| Error::TooManyStackValues)?;
		let proof = decode_proof(proof)?;
		if security_bits(&proof) < min_security_bits {
			return Err(Error::InsufficientSecurity);
		}
		if !accepted_hash(proof.hash_fn()) {
			return Err(Error::UnsupportedHashFunction);
		}
		// No precompile requests (refused by `decode_proof`): the transcript the VM ends with must
		// be the empty one, and the proof is checked against exactly that.
		let transcript = PrecompileTranscript::new().state();
		let public = PublicInputs::new(program, stack_inputs, stack_outputs, transcript);
		let (public_values, kernel_felts) = public.to_air_inputs();
		let var_len: VarLenPublicInputs<'_, Felt> = &[&kernel_felts];
		let (hash_fn, stark_proof, _) = proof.into_parts();
		let params = config::pcs_params();
		match hash_fn {
			HashFunction::Blake3_256 => check_stark(
				&config::blake3_256_config(params),
				&public_values,
				var_len,
				&stark_proof,
			),
			HashFunction::Keccak =>
				check_stark(&config::keccak_config(params), &public_values, var_len, &stark_proof),
			HashFunction::Rpo256 | HashFunction::Rpx256 | HashFunction::Poseidon2 =>
				Err(Error::UnsupportedHashFunction),
		}
	}

	/// Whether the chain verifies proofs made with this hash function: the byte-oriented ones.
	/// Verifying an algebraic-hash proof (RPO, RPX, Poseidon2) costs 3–13 times more with this
	/// verifier (measured: 2^15-row traces, BLAKE3 1.6 ms, Keccak 1.9 ms, Poseidon2 6 ms, RPX
	/// 10 ms, RPO 19 ms) and buys nothing on a chain that does not verify proofs recursively.
	pub fn accepted_hash(hash: HashFunction) -> bool {
		matches!(hash, HashFunction::Blake3_256 | HashFunction::Keccak)
	}

	/// The conjectured security of a proof: the verifier's (fixed by `miden-air`'s parameters),
	/// but never more than its hash function's collision resistance.
	pub fn security_bits(proof: &ExecutionProof) -> u32 {
		VERIFIER_SECURITY_BITS.min(proof.hash_fn().collision_resistance())
	}

	/// Checks the STARK of Miden's processor AIR for one hash configuration: the transcript is
	/// seeded with the protocol parameters and the public values, as the prover seeded it.
	fn check_stark<SC>(
		config: &SC,
		public_values: &[Felt],
		var_len: VarLenPublicInputs<'_, Felt>,
		proof_bytes: &[u8],
	) -> Result<(), Error>
	where
		SC: StarkConfig<Felt, QuadFelt>,
		<SC::Lmcs as Lmcs>::Commitment: serde::de::DeserializeOwned,
	{
		let proof: StarkProof<Felt, QuadFelt, SC> = decode_exact(proof_bytes)?;
		let mut challenger = config.challenger();
		config::observe_protocol_params(&mut challenger);
		challenger.observe_slice(public_values);
		config::observe_var_len_public_inputs(&mut challenger, var_len, &[WORD_SIZE]);
		miden_crypto::stark::verifier::verify_single(
			config,
			&ProcessorAir,
			public_values,
			var_len,
			&proof,
			challenger,
		)
		.map(|_| ())
		.map_err(|_| Error::VerificationFailed)
	}

	/// Decodes the inner STARK proof: bincode's legacy encoding (fixed-width integers, little
	/// endian), every byte used, and no length prefix may claim more than the proof could hold.
	fn decode_exact<P: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<P, Error> {
		let config = bincode::config::legacy().with_limit::<{ MAX_PROOF_LEN }>();
		let (value, read) =
			bincode::serde::decode_from_slice(bytes, config).map_err(|_| Error::MalformedProof)?;
		if read != bytes.len() {
			return Err(Error::MalformedProof);
		}
		Ok(value)
	}
}

/// keccak-256 of the padded stack values, 8 bytes little-endian each.
fn stack_hash(values: &[u64]) -> [u8; 32] {
	let bytes: Vec<u8> = padded(values).iter().flat_map(|v| v.to_le_bytes()).collect();
	keccak_256(&bytes)
}

/// The statement a verified proof establishes: `keccak256("zkp:stark:statement:v1" ‖ 3 ‖
/// program_hash ‖ keccak256(inputs) ‖ keccak256(outputs))`, stacks padded to 16 values. As for
/// Groth16, the proof bytes are not part of it, and the domain tag keeps a STARK statement from
/// ever equalling a Groth16 one.
pub fn statement_hash(program_hash: &ProgramHash, inputs: &[u64], outputs: &[u64]) -> [u8; 32] {
	let mut data = Vec::with_capacity(22 + 1 + 96);
	data.extend_from_slice(b"zkp:stark:statement:v1");
	data.push(SYSTEM_ID);
	data.extend_from_slice(program_hash);
	data.extend_from_slice(&stack_hash(inputs));
	data.extend_from_slice(&stack_hash(outputs));
	keccak_256(&data)
}

/// Stack values as the host-function boundary carries them: 8 bytes little-endian each.
pub fn stack_to_bytes(values: &[u64]) -> Vec<u8> {
	values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// Inverse of [`stack_to_bytes`].
pub fn stack_from_bytes(bytes: &[u8]) -> Result<Vec<u64>, Error> {
	if !bytes.len().is_multiple_of(8) {
		return Err(Error::InvalidStackValue);
	}
	if bytes.len() / 8 > STACK_DEPTH {
		return Err(Error::TooManyStackValues);
	}
	Ok(bytes
		.chunks_exact(8)
		.map(|c| u64::from_le_bytes(c.try_into().expect("chunks are 8 bytes; qed")))
		.collect())
}

#[cfg(test)]
mod tests;
