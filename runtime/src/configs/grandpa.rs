//! `pallet_grandpa`: finality. Equivocation reports carry a session key-ownership proof and
//! become offences.

use super::babe::{ReportLongevity, MAX_AUTHORITIES};
use crate::{Historical, Offences, Runtime, RuntimeEvent};
use frame_support::{parameter_types, traits::ConstU32};
use sp_session::MembershipProof;

parameter_types! {
	/// Set-id → session mappings kept for checking equivocation proofs (28 days of 10-minute
	/// sessions would be 4032; a week is plenty for a young chain).
	pub const MaxSetIdSessionEntries: u64 = 1008;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = MaxSetIdSessionEntries;
	type KeyOwnerProof = MembershipProof;
	type EquivocationReportSystem =
		pallet_grandpa::EquivocationReportSystem<Self, Offences, Historical, ReportLongevity>;
}
