//! `pallet_babe`: block production by VRF slot lottery (primary + secondary VRF slots).
//! Equivocation reports carry a session key-ownership proof and become offences.

use crate::{constants::MILLI_SECS_PER_BLOCK, Historical, Offences, Runtime};
use frame_support::{parameter_types, traits::ConstU32};
use sp_core::crypto::KeyTypeId;
use sp_session::MembershipProof;

/// Upper bound of the validator set, for BABE and GRANDPA authority lists.
pub const MAX_AUTHORITIES: u32 = 100;

/// The epoch (session) length: fixed at genesis by the dual-consensus pallet's config (10
/// minutes by default; the `local` preset makes it short for test networks).
pub type EpochDuration = pallet_dual_consensus::SessionLengthOf<Runtime>;

parameter_types! {
	pub const ExpectedBlockTime: u64 = MILLI_SECS_PER_BLOCK;
	/// Equivocation reports are valid for six sessions' worth of blocks.
	pub ReportLongevity: u64 =
		<EpochDuration as frame_support::traits::Get<u64>>::get().saturating_mul(6);
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
