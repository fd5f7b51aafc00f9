//! FRAME benchmarks, each at its worst case: elections over `MaxCandidates` candidates that all
//! have PoI and PoSp scores, session ends where every validator is offline and chilled, era
//! payouts to every validator, agent and provider.

use super::*;
use crate::Pallet as DualConsensus;
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, Get};
use frame_system::RawOrigin;
use sp_runtime::{traits::Bounded, Perbill, Saturating};
use zkp_primitives::{poi::ComputeContribution, posp::StorageContribution};

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 1_000_000u32.into());
	who
}

/// A bonded, validating candidate with session keys and both kinds of work.
fn candidate<T: Config>(index: u32) -> T::AccountId {
	let who = funded::<T>("candidate", index);
	T::BenchmarkHelper::register_session_keys(&who);
	DualConsensus::<T>::do_bond(&who, T::MinCandidateBond::get()).expect("room");
	DualConsensus::<T>::do_validate(&who).expect("keys");
	T::Compute::set_compute_score(&who, 1_000 + index as u128);
	T::Storage::set_storage_score(&who, 2_000 + index as u128);
	who
}

/// Room for one more candidate: removes any genesis candidates beyond `MaxCandidates - n`.
fn clear_candidates<T: Config>() {
	for who in CandidateList::<T>::take() {
		let bond = Candidates::<T>::take(&who).map(|c| c.bond).unwrap_or_default();
		let _ = <T::Currency as frame_support::traits::fungible::MutateHold<_>>::release(
			&HoldReason::Bond.into(),
			&who,
			bond,
			frame_support::traits::tokens::Precision::BestEffort,
		);
	}
	ActiveValidators::<T>::kill();
	let _ = PlannedSets::<T>::clear(u32::MAX, None);
}

/// `v` candidates that are the current session's validators.
fn active_validators<T: Config>(v: u32) -> alloc::vec::Vec<T::AccountId> {
	clear_candidates::<T>();
	let set: alloc::vec::Vec<_> = (0..v).map(candidate::<T>).collect();
	ActiveValidators::<T>::put(ValidatorsOf::<T>::truncate_from(set.clone()));
	set
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn bond() {
		clear_candidates::<T>();
		for i in 0..T::MaxCandidates::get() - 1 {
			DualConsensus::<T>::do_bond(&funded::<T>("other", i), T::MinCandidateBond::get())
				.unwrap();
		}
		let who = funded::<T>("caller", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), T::MinCandidateBond::get());
		assert!(Candidates::<T>::contains_key(&who));
	}

	#[benchmark]
	fn bond_extra() {
		let who = candidate::<T>(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), T::MinCandidateBond::get());
		assert_eq!(
			Candidates::<T>::get(&who).unwrap().bond,
			T::MinCandidateBond::get().saturating_add(T::MinCandidateBond::get())
		);
	}

	#[benchmark]
	fn validate() {
		let who = funded::<T>("caller", 0);
		T::BenchmarkHelper::register_session_keys(&who);
		DualConsensus::<T>::do_bond(&who, T::MinCandidateBond::get()).unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert_eq!(Candidates::<T>::get(&who).unwrap().intent, Intent::Validate);
	}

	#[benchmark]
	fn chill() {
		let who = candidate::<T>(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert_eq!(Candidates::<T>::get(&who).unwrap().intent, Intent::Idle);
	}

	#[benchmark]
	fn unbond() {
		let who = candidate::<T>(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(matches!(Candidates::<T>::get(&who).unwrap().intent, Intent::Unbonding { .. }));
	}

	/// Worst case: a full candidate list, full current and planned sets to search.
	#[benchmark]
	fn withdraw_unbonded() {
		let set = active_validators::<T>(T::MaxValidators::get());
		let bounded = ValidatorsOf::<T>::truncate_from(set);
		PlannedSets::<T>::insert(1, bounded.clone());
		PlannedSets::<T>::insert(2, bounded);
		for i in CandidateList::<T>::decode_len().unwrap_or(0) as u32..T::MaxCandidates::get() - 1 {
			DualConsensus::<T>::do_bond(&funded::<T>("other", i), T::MinCandidateBond::get())
				.unwrap();
		}
		let who = funded::<T>("caller", 0);
		DualConsensus::<T>::do_bond(&who, T::MinCandidateBond::get()).unwrap();
		DualConsensus::<T>::do_unbond(&who).unwrap();
		CurrentSession::<T>::put(T::BondingDuration::get());
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(!Candidates::<T>::contains_key(&who));
	}

	#[benchmark]
	fn set_desired_validators() {
		let count = T::MaxValidators::get();
		#[extrinsic_call]
		_(RawOrigin::Root, count);
		assert_eq!(DesiredValidators::<T>::get(), count);
	}

	#[benchmark]
	fn note_author() {
		let who = candidate::<T>(0);
		#[block]
		{
			DualConsensus::<T>::note_block_author(&who);
		}
		assert_eq!(AuthoredBlocks::<T>::get(&who).era, 1);
	}

	/// An offence against a validating candidate: burn, chill, bar, disable.
	#[benchmark]
	fn slash() {
		let who = candidate::<T>(0);
		#[block]
		{
			DualConsensus::<T>::slash(&who, Perbill::from_percent(10), 0);
		}
		assert_eq!(Candidates::<T>::get(&who).unwrap().intent, Intent::Idle);
	}

	/// An election over `c` qualifying candidates with both kinds of work.
	#[benchmark]
	fn elect(c: Linear<{ T::MinValidators::get() }, { T::MaxCandidates::get() }>) {
		clear_candidates::<T>();
		for i in 0..c {
			candidate::<T>(i);
		}
		DesiredValidators::<T>::put(T::MaxValidators::get());
		#[block]
		{
			DualConsensus::<T>::plan_session(1);
		}
		let elected = PlannedSets::<T>::get(1).unwrap().len() as u32;
		assert_eq!(elected, c.min(T::MaxValidators::get()));
	}

	/// A session end where all `v` validators held slots, authored nothing and are chilled;
	/// the era does not end (its payout is `pay_era`).
	#[benchmark]
	fn end_session(v: Linear<1, { T::MaxValidators::get() }>) {
		let set = active_validators::<T>(v);
		for who in set.iter() {
			Candidates::<T>::mutate(who, |c| {
				if let Some(c) = c {
					c.offline_sessions = T::MaxOfflineSessions::get().saturating_sub(1);
					c.missed_slots_milli = crate::OFFLINE_MISSED_SLOTS * 1000;
				}
			});
			// Every validator has blocks of the ending session to weigh, except that the
			// session also counts them offline: the two loops' worst cases together.
			AuthoredBlocks::<T>::insert(who, Authored { era: 1, session: 0, era_weight: 1 });
		}
		SessionBlocks::<T>::put(u32::MAX);
		CurrentEra::<T>::put((0, 1));
		#[block]
		{
			DualConsensus::<T>::end_of_session(1);
		}
		assert_eq!(Candidates::<T>::get(&set[0]).unwrap().intent, Intent::Idle);
	}

	/// An era payout to `v` authors (sets change within an era: up to `MaxValidators` per
	/// session), `a` PoI agents and `p` PoSp providers.
	#[benchmark]
	fn pay_era(
		v: Linear<1, { T::MaxValidators::get() * T::SessionsPerEra::get() }>,
		a: Linear<0, { T::MaxComputeContributors::get() }>,
		p: Linear<0, { T::MaxStorageContributors::get() }>,
	) {
		clear_candidates::<T>();
		for i in 0..v {
			let who = funded::<T>("author", i);
			AuthoredBlocks::<T>::insert(&who, Authored { era: 1, session: 0, era_weight: 1 });
		}
		for i in 0..a {
			T::Compute::set_compute_score(&funded::<T>("agent", i), 1 + i as u128);
		}
		for i in 0..p {
			T::Storage::set_storage_score(&funded::<T>("provider", i), 1 + i as u128);
		}
		#[block]
		{
			DualConsensus::<T>::pay_era(0);
		}
		assert_eq!(AuthoredBlocks::<T>::iter().count(), 0);
	}

	impl_benchmark_test_suite!(DualConsensus, crate::mock::new_test_ext(), crate::mock::Test);
}
