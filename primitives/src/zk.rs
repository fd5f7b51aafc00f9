//! Zero-knowledge verification shared by node, runtime and pallets.
//!
//! The runtime verifies Groth16 proofs through a **host function** ([`zk_verify`]): the node
//! runs the same `zkp-groth16` code natively, about ten times faster than inside WASM. Both
//! paths are deterministic and agree on every input (tests check it); [`Groth16Backend`] lets a
//! pallet choose, and [`InRuntimeGroth16`] keeps the pure-WASM path for comparison and for
//! chains whose nodes lack the host function.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime_interface::{pass_by::PassFatPointerAndRead, runtime_interface};
pub use zkp_groth16::{Curve, Error as Groth16Error, PublicInput};

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
}

/// Verification through the node's native host functions (the production choice).
pub struct HostGroth16;

impl Groth16Backend for HostGroth16 {
	fn verify(
		curve: Curve,
		vk: &[u8],
		proof: &[u8],
		inputs: &[PublicInput],
	) -> Result<(), Groth16Error> {
		let flat: Vec<u8> = inputs.iter().flat_map(|i| i.iter().copied()).collect();
		Groth16Error::result_from_code(zk_verify::groth16_verify(curve.as_u32(), vk, proof, &flat))
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
pub struct InRuntimeGroth16;

impl Groth16Backend for InRuntimeGroth16 {
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
