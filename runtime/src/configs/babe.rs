//! `pallet_babe`: block production by VRF slot lottery (primary + secondary VRF slots).
//! Equivocation reports carry a session key-ownership proof and become offences.

use crate::{
	constants::{EPOCH_DURATION_IN_SLOTS, MILLI_SECS_PER_BLOCK},
	Historical, Offences, Runtime,
};
use frame_support::{parameter_types, traits::ConstU32};
use sp_core::crypto::KeyTypeId;
use sp_session::MembershipProof;

/// Upper bound of the validator set, for BABE and GRANDPA authority lists.
pub const MAX_AUTHORITIES: u32 = 100;

parameter_types! {
	pub const EpochDuration: u64 = EPOCH_DURATION_IN_SLOTS;
	pub const ExpectedBlockTime: u64 = MILLI_SECS_PER_BLOCK;
	/// Equivocation reports are valid for a whole session's worth of blocks.
	pub const ReportLongevity: u64 = EPOCH_DURATION_IN_SLOTS * 6;
}

impl pallet_babe::Config for Runtime {
	type EpochDuration = EpochDuration;
	type ExpectedBlockTime = ExpectedBlockTime;
	type EpochChangeTrigger = pallet_babe::ExternalTrigger;
	type DisabledValidators = crate::Session;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
	type MaxNominators = ConstU32<0>;
	type KeyOwnerProof = MembershipProof;
	type EquivocationReportSystem =
		pallet_babe::EquivocationReportSystem<Self, Offences, Historical, ReportLongevity>;
}

// The key-ownership proof type must be the historical session proof for BABE keys.
const _: fn() = || {
	fn assert_proof<
		P: frame_support::traits::KeyOwnerProofSystem<
			(KeyTypeId, pallet_babe::AuthorityId),
			Proof = MembershipProof,
		>,
	>() {
	}
	assert_proof::<Historical>();
};
