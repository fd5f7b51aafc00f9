//! `pallet_dual_consensus`: the validator set and the chain's emission follow bonded stake and
//! verified PoI + PoSp work (see `docs/consensus.md`).
//!
//! Time is counted in sessions (BABE epochs, 10 minutes unless the genesis config sets another
//! length, as the `local` preset does), so every delay keeps its meaning on a fast test network.

use super::session::HISTORY_DEPTH;
use crate::{
	constants::UNITS, AccountId, Balance, Balances, Poi, Posp, Runtime, RuntimeEvent,
	RuntimeHoldReason, Session,
};
use frame_support::parameter_types;
use sp_runtime::Perbill;
use sp_staking::{offence::OffenceSeverity, SessionIndex};

parameter_types! {
	/// The least a candidate bonds, and all that stake counts without verified work.
	pub const MinCandidateBond: Balance = 10_000 * UNITS;
	/// Bonded accounts at most: an election reads four records per candidate.
	pub const MaxCandidates: u32 = 256;
	/// The BABE and GRANDPA authority bound.
	pub const MaxValidators: u32 = super::babe::MAX_AUTHORITIES;
	/// Fewer qualified candidates keep the current set.
	pub const MinValidators: u32 = 2;
	/// An unbonding bond stays slashable for as long as offences can be proven, plus the two
	/// sessions a validator stays in the set after leaving the election.
	pub const BondingDuration: SessionIndex = HISTORY_DEPTH + 2;
	pub const OffenceWindow: SessionIndex = HISTORY_DEPTH;
	/// A slashed validator is not elected for 12 sessions (2 hours of 10-minute sessions).
	pub const SlashBarSessions: SessionIndex = 12;
	pub const MaxOfflineSessions: u32 = 3;
	/// An era is 6 sessions (an hour).
	pub const SessionsPerEra: SessionIndex = 6;
	/// The chain's whole emission: 1,000 ZKP per era.
	pub const EraEmission: Balance = 1_000 * UNITS;
	/// Half to validators, a quarter each to PoI agents and PoSp providers.
	pub const ValidatorPoolShare: Perbill = Perbill::from_percent(50);
	pub const ComputePoolShare: Perbill = Perbill::from_percent(25);
	pub const DefaultSessionLength: u64 = crate::constants::EPOCH_DURATION_IN_SLOTS;
}

impl pallet_dual_consensus::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Compute = Poi;
	type Storage = Posp;
	type SessionKeys = Session;
	type Disabler = SessionDisabler;
	type MinCandidateBond = MinCandidateBond;
	type MaxCandidates = MaxCandidates;
	type MaxValidators = MaxValidators;
	type MinValidators = MinValidators;
	type BondingDuration = BondingDuration;
	type OffenceWindow = OffenceWindow;
	type SlashBarSessions = SlashBarSessions;
	type MaxOfflineSessions = MaxOfflineSessions;
	type SessionsPerEra = SessionsPerEra;
	type EraEmission = EraEmission;
	type ValidatorPoolShare = ValidatorPoolShare;
	type ComputePoolShare = ComputePoolShare;
	type MaxComputeContributors = super::poi::PoiMaxAgents;
	type MaxStorageContributors = super::posp::MaxStorageProviders;
	type DefaultSessionLength = DefaultSessionLength;
	type WeightInfo = pallet_dual_consensus::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkSessionKeys;
}

/// Disables a slashed validator for the rest of the session through `pallet-session`'s
/// disabling strategy (at most a third of the set).
pub struct SessionDisabler;
impl pallet_dual_consensus::DisableValidator<AccountId> for SessionDisabler {
	fn disable(who: &AccountId, severity: Perbill) {
		Session::report_offence(who.clone(), OffenceSeverity(severity));
	}
}

/// Registers generated session keys for benchmark accounts.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkSessionKeys;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_dual_consensus::BenchmarkHelper<AccountId> for BenchmarkSessionKeys {
	fn register_session_keys(who: &AccountId) {
		use codec::Decode;
		let raw: alloc::vec::Vec<u8> =
			[AsRef::<[u8]>::as_ref(who), AsRef::<[u8]>::as_ref(who)].concat();
		let keys = crate::SessionKeys::decode(&mut &raw[..]).expect("64 bytes of keys");
		pallet_session::NextKeys::<Runtime>::insert(who, keys);
	}
}
