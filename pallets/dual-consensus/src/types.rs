//! The pallet's stored and reported types.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_staking::SessionIndex;

pub use zkp_primitives::consensus::CandidateSummary;

/// What a bonded account intends (shared with the runtime API).
pub type Intent = zkp_primitives::consensus::Intent<SessionIndex>;

/// A bonded account.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct Candidate<Balance> {
	/// Held under [`crate::HoldReason::Bond`]; what offences slash.
	pub bond: Balance,
	pub intent: Intent,
	/// Sessions in a row it was a validator, held slots and authored nothing.
	pub offline_sessions: u32,
	/// The slots it was expected to author in those sessions, in thousandths of a slot.
	pub missed_slots_milli: u32,
	/// Not electable (and not paid as a validator) before this session: set by a slash.
	pub barred_until: SessionIndex,
	/// The last session it was in the validator set: offences of that session stay provable
	/// for `BondingDuration` sessions, and so does its bond.
	pub last_active: SessionIndex,
}

/// Why a candidate stopped being one.
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
pub enum ChillReason {
	/// It asked to (`chill`).
	#[codec(index = 0)]
	Requested,
	/// It authored no block for [`crate::Config::MaxOfflineSessions`] sessions in a row while
	/// it held slots.
	#[codec(index = 1)]
	Offline,
	/// An equivocation offence was reported against it.
	#[codec(index = 2)]
	Slashed,
}

/// Which pool of the era's emission a reward came from.
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
pub enum RewardKind {
	/// Validators, by blocks authored × effective stake.
	#[codec(index = 0)]
	Validator,
	/// PoI compute agents, by their verified-work score.
	#[codec(index = 1)]
	Compute,
	/// PoSp storage providers, by their proven-storage score.
	#[codec(index = 2)]
	Storage,
}

/// Blocks a validator authored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct Authored {
	/// In the current era.
	pub era: u32,
	/// In the current session: whether it was online.
	pub session: u32,
	/// Its weight in the era's validator pool: each ended session's blocks × its effective
	/// stake at that session's end (unless barred by a slash then).
	pub era_weight: u128,
}

/// How one era's emission was spent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EraPayout<Balance> {
	pub validators: Balance,
	pub compute: Balance,
	pub storage: Balance,
	/// Pools without any recipient, and mints that failed: not minted.
	pub unminted: Balance,
	/// Accounts paid.
	pub recipients: u32,
}
