//! Types stored and passed by the ZK verifier pallet, and the size limits of its inputs.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, traits::fungible::Inspect, BoundedVec};
use scale_info::TypeInfo;
use sp_core::H256;
use zkp_primitives::zk::Curve;

/// The largest canonical key: BLS12-381 with 64 public inputs (6,920 bytes).
pub const MAX_VK_LEN: u32 = Curve::Bls12_381.vk_len(zkp_groth16::MAX_PUBLIC_INPUTS) as u32;
/// The largest canonical proof: BLS12-381 (384 bytes).
pub const MAX_PROOF_LEN: u32 = Curve::Bls12_381.proof_len() as u32;
/// The most public inputs a proof may carry.
pub const MAX_INPUTS: u32 = zkp_groth16::MAX_PUBLIC_INPUTS as u32;
/// Upper bound of a batch's length in the call encoding (the runtime's `MaxBatchSize` is the
/// enforced limit, at most this).
pub const MAX_BATCH_BOUND: u32 = 255;

/// The largest STARK proof accepted ([`zkp_stark::MAX_PROOF_LEN`]).
pub const MAX_STARK_PROOF_LEN: u32 = zkp_stark::MAX_PROOF_LEN as u32;
/// Public stack values on each side of a STARK statement ([`zkp_stark::STACK_DEPTH`]).
pub const MAX_STACK_VALUES: u32 = zkp_stark::STACK_DEPTH as u32;

/// The balance type of the pallet's currency.
pub type BalanceOf<T> =
	<<T as crate::Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A registered key's prepared form ([`zkp_groth16::prepare_vk`]), computed at registration.
pub type PreparedVkBytes = BoundedVec<u8, ConstU32<{ zkp_groth16::MAX_PREPARED_VK_LEN as u32 }>>;
/// A canonical verification key.
pub type VkBytes = BoundedVec<u8, ConstU32<MAX_VK_LEN>>;
/// A canonical proof.
pub type ProofBytes = BoundedVec<u8, ConstU32<MAX_PROOF_LEN>>;
/// Canonical public inputs (32 bytes each, little-endian, below the scalar modulus).
pub type Inputs = BoundedVec<[u8; 32], ConstU32<MAX_INPUTS>>;

/// A STARK proof of a Miden VM execution (`ExecutionProof::to_bytes`).
pub type StarkProofBytes = BoundedVec<u8, ConstU32<MAX_STARK_PROOF_LEN>>;
/// Public stack values of a STARK statement, top of the stack first (canonical field elements).
pub type StackValues = BoundedVec<u64, ConstU32<MAX_STACK_VALUES>>;

/// A registered STARK program: whose it is and the deposit held for it. The program itself is
/// its hash (its MAST root): the chain never needs its code.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct ProgramEntry<AccountId, Balance> {
	/// Who registered it (and gets the deposit back).
	pub owner: AccountId,
	/// The deposit held from the owner.
	pub deposit: Balance,
}

/// A registered verification key.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct VkEntry<AccountId, Balance> {
	/// Who registered it (and gets the deposit back).
	pub owner: AccountId,
	/// Its curve.
	pub curve: Curve,
	/// How many public inputs its proofs carry.
	pub public_inputs: u32,
	/// The deposit held from the owner.
	pub deposit: Balance,
	/// The canonical key.
	pub vk: VkBytes,
}

/// A key to verify against: registered (by hash) or given inline (validated, not stored).
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub enum VkOrHash {
	/// A key registered with `register_vk`.
	Hash(H256),
	/// A key given with the proof.
	Vk { curve: Curve, vk: VkBytes },
}

/// One proof of a batch with its public inputs.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct BatchItem {
	pub proof: ProofBytes,
	pub inputs: Inputs,
}

/// A block's attestation root and how many statements it commits to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct AttestationRoot {
	pub root: H256,
	pub leaves: u32,
}

/// The number of public inputs a key's bytes imply for `curve` (for weights; capped at the
/// maximum). Wrong claims are rejected when the key is validated.
pub fn claimed_public_inputs(curve: Curve, vk: &[u8]) -> u32 {
	let header = curve.g1_len() + 3 * curve.g2_len() + 8;
	let ic = vk.len().saturating_sub(header) / curve.g1_len();
	(ic.saturating_sub(1) as u32).min(MAX_INPUTS)
}

/// A key ready for verification: registered (prepared at registration) or inline (canonical
/// bytes, validated as they are verified).
pub struct ResolvedVk {
	pub curve: Curve,
	pub hash: H256,
	pub public_inputs: u32,
	pub key: KeyForm,
}

/// How a key reaches the verifier.
pub enum KeyForm {
	/// A registered key's prepared bytes (computed by the chain, trusted).
	Prepared(alloc::vec::Vec<u8>),
	/// An inline key's canonical bytes.
	Canonical(alloc::vec::Vec<u8>),
}
