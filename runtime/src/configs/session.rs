//! `pallet_session` (+ `historical`): validator sessions, aligned with BABE epochs.
//!
//! The validator set is, for now, the set of accounts whose session keys were registered at
//! genesis ([`GenesisValidatorSet`]); a later issue lets verified PoI/PoSp contributions and
//! bonds decide it. Every session's set is recorded by `historical`, so that BABE and GRANDPA
//! equivocation reports can prove that a key belonged to a validator in that session.

use crate::{AccountId, Babe, Balances, Runtime, RuntimeEvent, SessionKeys};
use alloc::vec::Vec;
use frame_support::parameter_types;
use sp_runtime::traits::{Convert, ConvertInto, OpaqueKeys};
use sp_staking::SessionIndex;

/// Sessions whose validator sets (and slashing records) are kept: offences can be proven for
/// this long (28 ten-minute sessions, about 4.7 hours).
pub const HISTORY_DEPTH: SessionIndex = 28;

parameter_types! {
	/// Held from an account when it registers session keys through `set_keys`; returned on
	/// `purge_keys`. Genesis keys pay nothing.
	pub const SessionKeyDeposit: crate::Balance = crate::constants::deposit(1, 64);
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = Babe;
	type NextSessionRotation = Babe;
	type SessionManager = pallet_session::historical::NoteHistoricalRoot<Self, GenesisValidatorSet>;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	/// At most a third of the validators (rounded down) can be disabled for misbehaviour, so a
	/// network keeps producing and finalizing while offenders are dealt with.
	type DisablingStrategy = pallet_session::disabling::UpToLimitWithReEnablingDisablingStrategy;
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}

impl pallet_session::historical::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Validators are identified by their account alone: the offence handler looks up what to
	/// slash from it.
	type FullIdentification = ();
	type FullIdentificationOf = ValidatorIdentification;
}

/// Every current validator has the (empty) full identification.
pub struct ValidatorIdentification;
impl Convert<AccountId, Option<()>> for ValidatorIdentification {
	fn convert(_validator: AccountId) -> Option<()> {
		Some(())
	}
}

/// The session manager: keeps the genesis validators in every session and names them each
/// session (so `historical` stores a root for every session, including 0, with the keys of
/// that session). When a session ends, history older than [`HISTORY_DEPTH`] sessions is
/// pruned.
pub struct GenesisValidatorSet;

impl GenesisValidatorSet {
	fn with_identification(validators: Vec<AccountId>) -> Vec<(AccountId, ())> {
		validators.into_iter().map(|v| (v, ())).collect()
	}

	/// At genesis `pallet-session` has stored the configured keys but not yet the validator
	/// list: the validators are the key owners, in a deterministic order.
	fn genesis_validators() -> Vec<AccountId> {
		let mut validators: Vec<AccountId> =
			pallet_session::NextKeys::<Runtime>::iter_keys().collect();
		validators.sort();
		validators
	}
}

impl pallet_session::SessionManager<AccountId> for GenesisValidatorSet {
	fn new_session(new_index: SessionIndex) -> Option<Vec<AccountId>> {
		<Self as pallet_session::historical::SessionManager<AccountId, ()>>::new_session(new_index)
			.map(|set| set.into_iter().map(|(v, _)| v).collect())
	}
	fn new_session_genesis(new_index: SessionIndex) -> Option<Vec<AccountId>> {
		<Self as pallet_session::historical::SessionManager<AccountId, ()>>::new_session_genesis(
			new_index,
		)
		.map(|set| set.into_iter().map(|(v, _)| v).collect())
	}
	fn end_session(end_index: SessionIndex) {
		<Self as pallet_session::historical::SessionManager<AccountId, ()>>::end_session(end_index)
	}
	fn start_session(_: SessionIndex) {}
}

impl pallet_session::historical::SessionManager<AccountId, ()> for GenesisValidatorSet {
	fn new_session(_new_index: SessionIndex) -> Option<Vec<(AccountId, ())>> {
		// Name the set every session, so `historical` builds each session's root from the keys
		// queued for it (validators may rotate keys). `pallet-session` then counts the set as
		// changed and re-enables disabled validators each session; their slash stands.
		Some(Self::with_identification(pallet_session::Validators::<Runtime>::get()))
	}
	fn new_session_genesis(_new_index: SessionIndex) -> Option<Vec<(AccountId, ())>> {
		Some(Self::with_identification(Self::genesis_validators()))
	}
	fn end_session(end_index: SessionIndex) {
		if let Some(expired) = end_index.checked_sub(HISTORY_DEPTH) {
			pallet_session::historical::Pallet::<Runtime>::prune_up_to(expired);
			let _ = super::offences::SlashedFractions::clear_prefix(expired, u32::MAX, None);
		}
	}
	fn start_session(_: SessionIndex) {}
}
