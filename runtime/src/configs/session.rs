//! `pallet_session` (+ `historical`): validator sessions, aligned with BABE epochs.
//!
//! The validator set of each session is elected by `pallet-dual-consensus` from bonded stake
//! and verified PoI/PoSp work ([`HistoricalSessions`]). Every session's set is recorded by
//! `historical`, so that BABE and GRANDPA equivocation reports can prove that a key belonged
//! to a validator in that session.

use crate::{AccountId, Babe, Balances, DualConsensus, Runtime, RuntimeEvent, SessionKeys};
use alloc::vec::Vec;
use frame_support::parameter_types;
use pallet_session::SessionManager;
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
	type SessionManager = pallet_session::historical::NoteHistoricalRoot<Self, HistoricalSessions>;
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

/// The session manager: the dual-consensus pallet elects each session's set; this wrapper
/// gives every validator the (empty) full identification `historical` records, so that BABE
/// and GRANDPA equivocation reports can prove membership, and prunes history older than
/// [`HISTORY_DEPTH`] sessions.
pub struct HistoricalSessions;

impl HistoricalSessions {
	fn with_identification(validators: Option<Vec<AccountId>>) -> Option<Vec<(AccountId, ())>> {
		validators.map(|set| set.into_iter().map(|v| (v, ())).collect())
	}
}

impl SessionManager<AccountId> for HistoricalSessions {
	fn new_session(new_index: SessionIndex) -> Option<Vec<AccountId>> {
		<DualConsensus as SessionManager<_>>::new_session(new_index)
	}
	fn new_session_genesis(new_index: SessionIndex) -> Option<Vec<AccountId>> {
		<DualConsensus as SessionManager<_>>::new_session_genesis(new_index)
	}
	fn end_session(end_index: SessionIndex) {
		<Self as pallet_session::historical::SessionManager<AccountId, ()>>::end_session(end_index)
	}
	fn start_session(start_index: SessionIndex) {
		<DualConsensus as SessionManager<_>>::start_session(start_index)
	}
}

impl pallet_session::historical::SessionManager<AccountId, ()> for HistoricalSessions {
	fn new_session(new_index: SessionIndex) -> Option<Vec<(AccountId, ())>> {
		// The pallet names the set every session, so `historical` builds each session's root
		// from the keys queued for it (validators may rotate keys).
		Self::with_identification(<DualConsensus as SessionManager<_>>::new_session(new_index))
	}
	fn new_session_genesis(new_index: SessionIndex) -> Option<Vec<(AccountId, ())>> {
		Self::with_identification(<DualConsensus as SessionManager<_>>::new_session_genesis(
			new_index,
		))
	}
	fn end_session(end_index: SessionIndex) {
		<DualConsensus as SessionManager<_>>::end_session(end_index);
		if let Some(expired) = end_index.checked_sub(HISTORY_DEPTH) {
			pallet_session::historical::Pallet::<Runtime>::prune_up_to(expired);
		}
	}
	fn start_session(start_index: SessionIndex) {
		<DualConsensus as SessionManager<_>>::start_session(start_index)
	}
}
