//! Candidacy: bonding, intent to validate, chilling, unbonding and withdrawal; genesis.

use crate::{pallet::*, types::*};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, MutateHold},
		tokens::Precision,
		ValidatorRegistration,
	},
};
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	pub(crate) fn build_genesis(config: &GenesisConfig<T>) {
		let desired = match config.desired_validators {
			0 => T::MaxValidators::get(),
			n => n.clamp(T::MinValidators::get(), T::MaxValidators::get()),
		};
		DesiredValidators::<T>::put(desired);
		if config.session_length > 0 {
			assert!(config.session_length >= 2, "a BABE epoch of at least 2 slots");
			SessionLength::<T>::put(config.session_length);
		}
		for (who, bond) in &config.candidates {
			Self::do_bond(who, *bond).expect("genesis candidates must afford their bond");
			Candidates::<T>::mutate(who, |c| {
				if let Some(c) = c {
					c.intent = Intent::Validate;
				}
			});
		}
	}

	fn hold_bond(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		T::Currency::hold(&HoldReason::Bond.into(), who, amount)
			.map_err(|_| Error::<T>::InsufficientBalance.into())
	}

	pub(crate) fn do_bond(who: &T::AccountId, value: BalanceOf<T>) -> DispatchResult {
		ensure!(!Candidates::<T>::contains_key(who), Error::<T>::AlreadyBonded);
		ensure!(value >= T::MinCandidateBond::get(), Error::<T>::BondTooLow);
		let mut list = CandidateList::<T>::get();
		list.try_push(who.clone()).map_err(|_| Error::<T>::TooManyCandidates)?;
		Self::hold_bond(who, value)?;
		CandidateList::<T>::put(list);
		Candidates::<T>::insert(
			who,
			Candidate {
				bond: value,
				intent: Intent::Idle,
				offline_sessions: 0,
				missed_slots_milli: 0,
				barred_until: 0,
				last_active: 0,
			},
		);
		Self::deposit_event(Event::Bonded { who: who.clone(), amount: value });
		Ok(())
	}

	pub(crate) fn do_bond_extra(who: &T::AccountId, value: BalanceOf<T>) -> DispatchResult {
		let mut candidate = Candidates::<T>::get(who).ok_or(Error::<T>::NotBonded)?;
		ensure!(!matches!(candidate.intent, Intent::Unbonding { .. }), Error::<T>::Unbonding);
		ensure!(!value.is_zero(), Error::<T>::BondTooLow);
		Self::hold_bond(who, value)?;
		candidate.bond.saturating_accrue(value);
		Candidates::<T>::insert(who, candidate);
		Self::deposit_event(Event::Bonded { who: who.clone(), amount: value });
		Ok(())
	}

	pub(crate) fn do_validate(who: &T::AccountId) -> DispatchResult {
		let mut candidate = Candidates::<T>::get(who).ok_or(Error::<T>::NotBonded)?;
		match candidate.intent {
			Intent::Validate => return Err(Error::<T>::AlreadyValidating.into()),
			Intent::Unbonding { .. } => return Err(Error::<T>::Unbonding.into()),
			Intent::Idle => {},
		}
		ensure!(candidate.bond >= T::MinCandidateBond::get(), Error::<T>::BondTooLow);
		ensure!(T::SessionKeys::is_registered(who), Error::<T>::NoSessionKeys);
		candidate.intent = Intent::Validate;
		candidate.offline_sessions = 0;
		candidate.missed_slots_milli = 0;
		Candidates::<T>::insert(who, candidate);
		Self::deposit_event(Event::Validating { who: who.clone() });
		Ok(())
	}

	/// Makes a validating candidate idle.
	pub(crate) fn do_chill(who: &T::AccountId, reason: ChillReason) -> DispatchResult {
		let mut candidate = Candidates::<T>::get(who).ok_or(Error::<T>::NotBonded)?;
		ensure!(candidate.intent == Intent::Validate, Error::<T>::NotValidating);
		candidate.intent = Intent::Idle;
		Candidates::<T>::insert(who, candidate);
		Self::deposit_event(Event::Chilled { who: who.clone(), reason });
		Ok(())
	}

	pub(crate) fn do_unbond(who: &T::AccountId) -> DispatchResult {
		let mut candidate = Candidates::<T>::get(who).ok_or(Error::<T>::NotBonded)?;
		ensure!(!matches!(candidate.intent, Intent::Unbonding { .. }), Error::<T>::Unbonding);
		let withdrawable_at = CurrentSession::<T>::get().saturating_add(T::BondingDuration::get());
		candidate.intent = Intent::Unbonding { withdrawable_at };
		Candidates::<T>::insert(who, candidate);
		Self::deposit_event(Event::Unbonding { who: who.clone(), withdrawable_at });
		Ok(())
	}

	/// Whether `who` is in the current set or in a set elected for a coming session.
	pub(crate) fn in_any_set(who: &T::AccountId) -> bool {
		ActiveValidators::<T>::get().contains(who) ||
			PlannedSets::<T>::iter_values().any(|set| set.contains(who))
	}

	pub(crate) fn do_withdraw(who: &T::AccountId) -> DispatchResult {
		let candidate = Candidates::<T>::get(who).ok_or(Error::<T>::NotBonded)?;
		let Intent::Unbonding { withdrawable_at } = candidate.intent else {
			return Err(Error::<T>::NotUnbonding.into());
		};
		ensure!(!Self::in_any_set(who), Error::<T>::StillValidating);
		let session = CurrentSession::<T>::get();
		let provable_until = candidate.last_active.saturating_add(T::BondingDuration::get());
		ensure!(session >= withdrawable_at && session >= provable_until, Error::<T>::StillLocked);
		let amount = T::Currency::release(
			&HoldReason::Bond.into(),
			who,
			candidate.bond,
			Precision::BestEffort,
		)?;
		Candidates::<T>::remove(who);
		CandidateList::<T>::mutate(|list| list.retain(|c| c != who));
		Self::deposit_event(Event::Withdrawn { who: who.clone(), amount });
		Ok(())
	}

	/// The bond held for `who` (what the candidate record must match).
	#[cfg(any(feature = "try-runtime", test))]
	pub(crate) fn held_bond(who: &T::AccountId) -> BalanceOf<T> {
		<T::Currency as frame_support::traits::fungible::InspectHold<T::AccountId>>::balance_on_hold(
			&HoldReason::Bond.into(),
			who,
		)
	}

	/// The issuance that work shares are measured against.
	pub(crate) fn total_issuance() -> BalanceOf<T> {
		T::Currency::total_issuance()
	}

	/// Invariants: the list and the map hold the same accounts once each, every record's bond
	/// is what is held, the current session's set is bounded, at most two sets are planned.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let list = CandidateList::<T>::get();
		let mut sorted = list.clone().into_inner();
		sorted.sort();
		sorted.dedup();
		ensure!(sorted.len() == list.len(), "an account listed twice");
		ensure!(Candidates::<T>::iter_keys().count() == list.len(), "list and records differ");
		for who in list.iter() {
			let c = Candidates::<T>::get(who).ok_or("listed without a record")?;
			ensure!(Self::held_bond(who) == c.bond, "bond record differs from the hold");
		}
		ensure!(PlannedSets::<T>::iter_keys().count() <= 2, "more than two planned sets");
		let desired = DesiredValidators::<T>::get();
		ensure!(
			(T::MinValidators::get()..=T::MaxValidators::get()).contains(&desired),
			"desired validators out of bounds"
		);
		for who in ActiveValidators::<T>::get().iter() {
			ensure!(Candidates::<T>::contains_key(who), "an active validator without a bond");
		}
		let (_, era_start) = CurrentEra::<T>::get();
		ensure!(
			CurrentSession::<T>::get().saturating_sub(era_start) < T::SessionsPerEra::get(),
			"an era past its length"
		);
		let session = CurrentSession::<T>::get();
		ensure!(PlannedSets::<T>::iter_keys().all(|s| s > session), "a stale planned set");
		Ok(())
	}
}
