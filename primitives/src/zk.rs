//! Zero-knowledge verification shared by node, runtime and pallets.
//!
//! The runtime verifies Groth16 proofs (`zkp-groth16`) and STARKs of Miden VM programs
//! (`zkp-stark`) through **host functions** ([`zk_verify`]): the node runs the code natively,
//! many times faster than inside WASM. For Groth16 both paths are deterministic and agree on
//! every input (tests check it); [`Groth16Backend`] and [`StarkBackend`] let a pallet choose,
//! and [`InRuntimeVerifier`] keeps the pure-WASM Groth16 path for comparison. The Miden STARK
//! verifier exists only natively (its crypto crate cannot link into the runtime), so STARKs
//! are verified by the host alone.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime_interface::{
	pass_by::{PassFatPointerAndRead, PassPointerAndRead},
	runtime_interface,
};
pub use zkp_groth16::{Curve, Error as Groth16Error, PublicInput};
pub use zkp_stark::{Error as StarkError, ProgramHash};

/// Native Groth16 verification. Each call returns `0` when the proof is valid, otherwise the
/// [`zkp_groth16::Error::code`] of the reason.
#[runtime_interface]
pub trait ZkVerify {
	/// Verifies one proof. `inputs` is the concatenation of 32-byte public inputs.
	fn groth16_verify(
		curve: u32,
		vk: PassFatPointerAndRead<&[u8]>,
		proof: PassFatPointerAndRead<&[u8]>,
		inputs: PassFatPointerAndRead<&[u8]>,
	) -> u64 {
		zkp_groth16::Error::code_of(native::verify(curve, vk, proof, inputs))
	}

	/// Verifies a batch of proofs of one key. `batch` is the SCALE encoding of
	/// `Vec<(Vec<u8>, Vec<[u8; 32]>)>`: (proof, public inputs) pairs.
	fn groth16_verify_batch(
		curve: u32,
		vk: PassFatPointerAndRead<&[u8]>,
		batch: PassFatPointerAndRead<&[u8]>,
	) -> u64 {
		zkp_groth16::Error::code_of(native::verify_batch(curve, vk, batch))
	}

	/// Verifies one proof against a prepared key ([`zkp_groth16::verify_prepared`]): the
	/// prepared bytes are trusted, so pass only what `zkp_groth16::prepare_vk` returned (the
	/// runtime prepares keys itself, at registration).
	fn groth16_verify_prepared(
		curve: u32,
		prepared: PassFatPointerAndRead<&[u8]>,
		proof: PassFatPointerAndRead<&[u8]>,
		inputs: PassFatPointerAndRead<&[u8]>,
	) -> u64 {
		zkp_groth16::Error::code_of(native::verify_prepared(curve, prepared, proof, inputs))
	}

	/// Verifies a batch against a prepared key whose canonical bytes hash to `vk_hash`
	/// ([`zkp_groth16::verify_batch_prepared`]); `batch` as for `groth16_verify_batch`.
	fn groth16_verify_batch_prepared(
		curve: u32,
		prepared: PassFatPointerAndRead<&[u8]>,
		vk_hash: PassPointerAndRead<&[u8; 32], 32>,
		batch: PassFatPointerAndRead<&[u8]>,
	) -> u64 {
		zkp_groth16::Error::code_of(native::verify_batch_prepared(curve, prepared, vk_hash, batch))
	}

	/// Verifies a STARK proof of a Miden VM program's execution ([`zkp_stark::verify`]).
	/// `inputs` and `outputs` are the public stack values, 8 bytes little-endian each.
	/// Returns `0` when valid, otherwise the [`zkp_stark::Error::code`] of the reason. A panic
	/// inside the verifier (it never should, on any bytes) reads as a failed verification.
	fn stark_verify(
		program_hash: PassFatPointerAndRead<&[u8]>,
		inputs: PassFatPointerAndRead<&[u8]>,
		outputs: PassFatPointerAndRead<&[u8]>,
		proof: PassFatPointerAndRead<&[u8]>,
		min_security_bits: u32,
	) -> u64 {
		StarkError::code_of(native::stark_verify(
			program_hash,
			inputs,
			outputs,
			proof,
			min_security_bits,
		))
	}
}

#[cfg(not(substrate_runtime))]
mod native {
	use super::*;

	pub fn split_inputs(inputs: &[u8]) -> Result<Vec<PublicInput>, Groth16Error> {
		if !inputs.len().is_multiple_of(zkp_groth16::SCALAR_LEN) {
			return Err(Groth16Error::InvalidLength);
		}
		Ok(inputs
			.chunks_exact(zkp_groth16::SCALAR_LEN)
			.map(|c| c.try_into().expect("chunks are 32 bytes; qed"))
			.collect())
	}

	pub fn verify(curve: u32, vk: &[u8], proof: &[u8], inputs: &[u8]) -> Result<(), Groth16Error> {
		let curve = Curve::from_u32(curve).ok_or(Groth16Error::UnknownCurve)?;
		zkp_groth16::verify(curve, vk, proof, &split_inputs(inputs)?)
	}

	pub fn verify_batch(curve: u32, vk: &[u8], batch: &[u8]) -> Result<(), Groth16Error> {
		let curve = Curve::from_u32(curve).ok_or(Groth16Error::UnknownCurve)?;
		let batch = <Vec<(Vec<u8>, Vec<PublicInput>)>>::decode(&mut &batch[..])
			.map_err(|_| Groth16Error::InvalidLength)?;
		zkp_groth16::verify_batch(curve, vk, &batch)
	}

	pub fn verify_prepared(
		curve: u32,
		prepared: &[u8],
		proof: &[u8],
		inputs: &[u8],
	) -> Result<(), Groth16Error> {
		let curve = Curve::from_u32(curve).ok_or(Groth16Error::UnknownCurve)?;
		zkp_groth16::verify_prepared(curve, prepared, proof, &split_inputs(inputs)?)
	}

	pub fn verify_batch_prepared(
		curve: u32,
		prepared: &[u8],
		vk_hash: &[u8; 32],
		batch: &[u8],
	) -> Result<(), Groth16Error> {
		let curve = Curve::from_u32(curve).ok_or(Groth16Error::UnknownCurve)?;
		let batch = <Vec<(Vec<u8>, Vec<PublicInput>)>>::decode(&mut &batch[..])
			.map_err(|_| Groth16Error::InvalidLength)?;
		zkp_groth16::verify_batch_prepared(curve, prepared, vk_hash, &batch)
	}

	pub fn stark_verify(
		program_hash: &[u8],
		inputs: &[u8],
		outputs: &[u8],
		proof: &[u8],
		min_security_bits: u32,
	) -> Result<(), StarkError> {
		let program_hash: ProgramHash =
			program_hash.try_into().map_err(|_| StarkError::InvalidProgramHash)?;
		let inputs = zkp_stark::stack_from_bytes(inputs)?;
		let outputs = zkp_stark::stack_from_bytes(outputs)?;
		std::panic::catch_unwind(|| {
			zkp_stark::verify(&program_hash, &inputs, &outputs, proof, min_security_bits)
		})
		.unwrap_or(Err(StarkError::VerificationFailed))
	}
}

/// How a pallet runs STARK verification: the node's host function, or the same code in WASM.
pub trait StarkBackend {
	/// Verifies a Miden VM execution proof; see [`zkp_stark::verify`].
	fn verify(
		program_hash: &ProgramHash,
		inputs: &[u64],
		outputs: &[u64],
		proof: &[u8],
		min_security_bits: u32,
	) -> Result<(), StarkError>;
}

impl StarkBackend for HostVerifier {
	fn verify(
		program_hash: &ProgramHash,
		inputs: &[u64],
		outputs: &[u64],
		proof: &[u8],
		min_security_bits: u32,
	) -> Result<(), StarkError> {
		StarkError::result_from_code(zk_verify::stark_verify(
			program_hash,
			&zkp_stark::stack_to_bytes(inputs),
			&zkp_stark::stack_to_bytes(outputs),
			proof,
			min_security_bits,
		))
	}
}

/// Natively (tests, the node's tools) the same code as the host function.
#[cfg(feature = "std")]
impl StarkBackend for InRuntimeVerifier {
	fn verify(
		program_hash: &ProgramHash,
		inputs: &[u64],
		outputs: &[u64],
		proof: &[u8],
		min_security_bits: u32,
	) -> Result<(), StarkError> {
		zkp_stark::verify(program_hash, inputs, outputs, proof, min_security_bits)
	}
}

/// Inside the WASM runtime the Miden verifier cannot be linked (see `zkp_stark`): this answers
/// [`StarkError::VerifierUnavailable`] and verifies nothing; STARKs are verified by the host.
#[cfg(not(feature = "std"))]
impl StarkBackend for InRuntimeVerifier {
	fn verify(
		_program_hash: &ProgramHash,
		_inputs: &[u64],
		_outputs: &[u64],
		_proof: &[u8],
		_min_security_bits: u32,
	) -> Result<(), StarkError> {
		Err(StarkError::VerifierUnavailable)
	}
}

/// How a pallet runs Groth16 verification.
pub trait Groth16Backend {
	/// Verifies one proof (canonical encodings).
	fn verify(
		curve: Curve,
		vk: &[u8],
		proof: &[u8],
		inputs: &[PublicInput],
	) -> Result<(), Groth16Error>;
	/// Verifies a batch of proofs of one key.
	fn verify_batch(
		curve: Curve,
		vk: &[u8],
		batch: &[(Vec<u8>, Vec<PublicInput>)],
	) -> Result<(), Groth16Error>;
	/// Validates a key and returns its prepared form ([`zkp_groth16::prepare_vk`]).
	fn prepare_vk(curve: Curve, vk: &[u8]) -> Result<Vec<u8>, Groth16Error>;
	/// Verifies one proof against a prepared key (trusted bytes from [`Self::prepare_vk`]).
	fn verify_prepared(
		curve: Curve,
		prepared: &[u8],
		proof: &[u8],
		inputs: &[PublicInput],
	) -> Result<(), Groth16Error>;
	/// Verifies a batch against a prepared key named by its hash.
	fn verify_batch_prepared(
		curve: Curve,
		prepared: &[u8],
		vk_hash: &[u8; 32],
		batch: &[(Vec<u8>, Vec<PublicInput>)],
	) -> Result<(), Groth16Error>;
}

fn flat_inputs(inputs: &[PublicInput]) -> Vec<u8> {
	inputs.iter().flat_map(|i| i.iter().copied()).collect()
}

/// Verification through the node's native host functions (the production choice).
pub struct HostVerifier;

impl Groth16Backend for HostVerifier {
	fn verify(
		curve: Curve,
		vk: &[u8],
		proof: &[u8],
		inputs: &[PublicInput],
	) -> Result<(), Groth16Error> {
		let flat = flat_inputs(inputs);
		Groth16Error::result_from_code(zk_verify::groth16_verify(curve.as_u32(), vk, proof, &flat))
	}

	/// Prepared in the runtime itself, not by the host: the stored bytes are then the
	/// runtime's, whatever arkworks version a node links.
	fn prepare_vk(curve: Curve, vk: &[u8]) -> Result<Vec<u8>, Groth16Error> {
		zkp_groth16::prepare_vk(curve, vk)
	}

	fn verify_prepared(
		curve: Curve,
		prepared: &[u8],
		proof: &[u8],
		inputs: &[PublicInput],
	) -> Result<(), Groth16Error> {
		Groth16Error::result_from_code(zk_verify::groth16_verify_prepared(
			curve.as_u32(),
			prepared,
			proof,
			&flat_inputs(inputs),
		))
	}

	fn verify_batch_prepared(
		curve: Curve,
		prepared: &[u8],
		vk_hash: &[u8; 32],
		batch: &[(Vec<u8>, Vec<PublicInput>)],
	) -> Result<(), Groth16Error> {
		Groth16Error::result_from_code(zk_verify::groth16_verify_batch_prepared(
			curve.as_u32(),
			prepared,
			vk_hash,
			&batch.encode(),
		))
	}

	fn verify_batch(
		curve: Curve,
		vk: &[u8],
		batch: &[(Vec<u8>, Vec<PublicInput>)],
	) -> Result<(), Groth16Error> {
		Groth16Error::result_from_code(zk_verify::groth16_verify_batch(
			curve.as_u32(),
			vk,
			&batch.encode(),
		))
	}
}

/// Verification inside the runtime itself (pure WASM on chain): same code, no host call.
pub struct InRuntimeVerifier;

impl Groth16Backend for InRuntimeVerifier {
	fn verify(
		curve: Curve,
		vk: &[u8],
		proof: &[u8],
		inputs: &[PublicInput],
	) -> Result<(), Groth16Error> {
		zkp_groth16::verify(curve, vk, proof, inputs)
	}

	fn verify_batch(
		curve: Curve,
		vk: &[u8],
		batch: &[(Vec<u8>, Vec<PublicInput>)],
	) -> Result<(), Groth16Error> {
		zkp_groth16::verify_batch(curve, vk, batch)
	}

	fn prepare_vk(curve: Curve, vk: &[u8]) -> Result<Vec<u8>, Groth16Error> {
		zkp_groth16::prepare_vk(curve, vk)
	}

	fn verify_prepared(
		curve: Curve,
		prepared: &[u8],
		proof: &[u8],
		inputs: &[PublicInput],
	) -> Result<(), Groth16Error> {
		zkp_groth16::verify_prepared(curve, prepared, proof, inputs)
	}

	fn verify_batch_prepared(
		curve: Curve,
		prepared: &[u8],
		vk_hash: &[u8; 32],
		batch: &[(Vec<u8>, Vec<PublicInput>)],
	) -> Result<(), Groth16Error> {
		zkp_groth16::verify_batch_prepared(curve, prepared, vk_hash, batch)
	}
}

/// Why another pallet's proof check failed.
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
pub enum ProofVerificationError {
	/// No key is registered under this hash.
	UnknownVerificationKey,
	/// The proof or inputs were rejected; the reason is kept.
	Rejected(Groth16Error),
	/// The block's attestation capacity is used up; try in a later block.
	AttestationCapacity,
	/// The key is registered by another account than the one asking to hold it.
	NotKeyOwner,
	/// The STARK proof or its stack values were rejected; the reason is kept.
	StarkRejected(StarkError),
}

/// What other pallets (PoI results, marketplace claims) use to check a proof against a key
/// registered in the ZK verifier. A successful check is recorded like a user's proof: its
/// statement goes into the block's attestation tree.
pub trait ProofVerifier {
	/// Verifies `proof` for `inputs` against the key registered as `vk_hash`; returns the
	/// statement hash.
	fn verify_proof(
		vk_hash: &H256,
		proof: &[u8],
		inputs: &[PublicInput],
	) -> Result<H256, ProofVerificationError>;

	/// Takes a hold on the key registered as `vk_hash` by `owner` (its 32-byte account id),
	/// for a user in another pallet (a model that names it): a held key cannot be
	/// unregistered. Only the key's owner can have it held, so nobody can pin another's key.
	/// Returns its number of public inputs.
	fn hold_key(vk_hash: &H256, owner: &[u8; 32]) -> Result<u32, ProofVerificationError>;

	/// Gives back a hold taken with [`ProofVerifier::hold_key`].
	fn release_key(vk_hash: &H256);

	/// Verifies a STARK proof that the program `program_hash` (its MAST root; it need not be
	/// registered: the hash is the program), run on the public stack `inputs`, ends with
	/// `outputs` (top of the stack first, at most 16 each); returns the statement hash
	/// ([`zkp_stark::statement_hash`]). The caller charges the verification: at least the
	/// verifier pallet's `submit_stark_proof(proof.len())` weight.
	fn verify_stark_proof(
		program_hash: &H256,
		inputs: &[u64],
		outputs: &[u64],
		proof: &[u8],
	) -> Result<H256, ProofVerificationError>;
}

/// A Merkle path showing that `statement` was verified in block `block_number`: its leaf
/// `leaf_index` of `leaf_count` hashes up, with `proof`, to `root` (keccak-256 binary tree as
/// built by `binary-merkle-tree`: pairs hashed in order, an odd last node promoted).
/// In JSON (the `zk_attestationProof` RPC) fields are camelCase.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct AttestationProof<BlockNumber> {
	pub statement: H256,
	pub block_number: BlockNumber,
	pub root: H256,
	pub leaf_index: u32,
	pub leaf_count: u32,
	pub proof: Vec<H256>,
}

sp_api::decl_runtime_apis! {
	/// What the node's RPC (and any client through `state_call`) asks the ZK verifier.
	/// Version 2 added STARK verification ([`ZkVerifierApi::verify_stark`]) and dry runs
	/// against registered (prepared) keys.
	#[api_version(2)]
	pub trait ZkVerifierApi<BlockNumber: codec::Codec> {
		/// The Merkle path of a verified statement in its block's attestation tree, if the
		/// block is still retained and its root stored.
		fn attestation_proof(statement: H256) -> Option<AttestationProof<BlockNumber>>;
		/// A registered key: curve, number of public inputs, canonical bytes.
		fn verification_key(vk_hash: H256) -> Option<(Curve, u32, Vec<u8>)>;
		/// Checks a proof without submitting it (a dry run, nothing stored). `in_runtime`
		/// runs the verification inside the runtime instead of through the host function
		/// (both give the same answer; `zkp-node zk bench` compares their speed).
		fn verify(
			curve: Curve,
			vk: Vec<u8>,
			proof: Vec<u8>,
			inputs: Vec<PublicInput>,
			in_runtime: bool,
		) -> Result<(), Groth16Error>;
		/// Checks a batch of proofs of one key without submitting it.
		fn verify_batch(
			curve: Curve,
			vk: Vec<u8>,
			batch: Vec<(Vec<u8>, Vec<PublicInput>)>,
			in_runtime: bool,
		) -> Result<(), Groth16Error>;
		/// Checks a proof against a *registered* key (its prepared form, as `submit_proof`
		/// does) without submitting it; `UnknownCurve` if no key has this hash.
		#[api_version(2)]
		fn verify_registered(
			vk_hash: H256,
			proof: Vec<u8>,
			inputs: Vec<PublicInput>,
			in_runtime: bool,
		) -> Result<(), Groth16Error>;
		/// Checks a batch against a registered key (as `submit_batch` does) without
		/// submitting it.
		#[api_version(2)]
		fn verify_batch_registered(
			vk_hash: H256,
			batch: Vec<(Vec<u8>, Vec<PublicInput>)>,
			in_runtime: bool,
		) -> Result<(), Groth16Error>;
		/// Checks a STARK proof of a Miden program without submitting it, at the chain's
		/// security floor (a dry run, nothing stored; the program need not be registered).
		#[api_version(2)]
		fn verify_stark(
			program_hash: H256,
			inputs: Vec<u64>,
			outputs: Vec<u64>,
			proof: Vec<u8>,
			in_runtime: bool,
		) -> Result<(), StarkError>;
	}
}

/// keccak-256 of two nodes, in order: the tree's inner-node hash.
pub fn hash_pair(left: &H256, right: &H256) -> H256 {
	let mut data = [0u8; 64];
	data[..32].copy_from_slice(left.as_bytes());
	data[32..].copy_from_slice(right.as_bytes());
	H256(zkp_groth16::keccak_256(&data))
}

/// Recomputes the root from an [`AttestationProof`]: what another chain or a contract does to
/// check "this statement was verified on ZKP". The checker must compute `statement` itself
/// from the key hash and the public inputs ([`zkp_groth16::statement_hash`]) rather than take
/// it from the prover: leaves and inner nodes hash alike, so only a statement derived from
/// real inputs means "verified".
pub fn attestation_root(
	statement: &H256,
	leaf_index: u32,
	leaf_count: u32,
	path: &[H256],
) -> Option<H256> {
	if leaf_index >= leaf_count {
		return None;
	}
	let mut hash = *statement;
	let mut index = leaf_index;
	let mut width = leaf_count;
	let mut path = path.iter();
	while width > 1 {
		let is_last_odd = index == width - 1 && width % 2 == 1;
		if !is_last_odd {
			let sibling = path.next()?;
			hash = if index.is_multiple_of(2) {
				hash_pair(&hash, sibling)
			} else {
				hash_pair(sibling, &hash)
			};
		}
		index /= 2;
		width = width / 2 + width % 2;
	}
	if path.next().is_some() {
		return None;
	}
	Some(hash)
}
