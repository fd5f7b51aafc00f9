//! Dual consensus as seen by the node and by operators: what the runtime reports about each
//! validator candidate ([`CandidateSummary`]) through [`DualConsensusApi`], which the node's
//! `dualConsensus_candidates` RPC serves.
//!
//! The election rule itself lives in `pallet-dual-consensus` (see `docs/consensus.md`): a
//! candidate's *effective stake* is its bond, capped at the minimum bond plus its share of
//! verified PoI + PoSp work times the total issuance.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::Perquintill;

/// What a bonded account intends.
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
#[cfg_attr(feature = "std", serde(rename_all_fields = "camelCase"))]
pub enum Intent<SessionIndex> {
	/// Wants to validate: a candidate at every election.
	#[codec(index = 0)]
	Validate,
	/// Bonded, not a candidate (chilled by itself, for an offence or for being offline).
	#[codec(index = 1)]
	Idle,
	/// Leaving: the bond stays held (and slashable) until `withdrawable_at`.
	#[codec(index = 2)]
	Unbonding { withdrawable_at: SessionIndex },
}

/// One bonded account, as the runtime API reports it.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct CandidateSummary<AccountId, Balance> {
	pub account: AccountId,
	/// Held bond.
	pub bond: Balance,
	/// Its PoI contribution score (`ComputeContribution`).
	pub poi_score: u128,
	/// Its PoSp contribution score (`StorageContribution`).
	pub posp_score: u128,
	/// Its share of all verified work, the mean of its normalized PoI and PoSp shares.
	pub work_share: Perquintill,
	/// The bond that counts in the election and in validator rewards.
	pub effective_stake: Balance,
	pub intent: Intent<u32>,
	/// Not electable before this session (after a slash).
	pub barred_until: u32,
	/// In the validator set of the next session.
	pub elected: bool,
	/// In the validator set of the current session.
	pub active: bool,
}

sp_api::decl_runtime_apis! {
	/// What the dual-consensus pallet tells operators about the election.
	pub trait DualConsensusApi<AccountId, Balance> where
		AccountId: codec::Codec,
		Balance: codec::Codec,
	{
		/// Every bonded account, in election order (best first).
		fn candidates() -> Vec<CandidateSummary<AccountId, Balance>>;
	}
}
