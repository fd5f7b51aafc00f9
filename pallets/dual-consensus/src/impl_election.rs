//! The election rule: effective stake from bond and verified work, ranking, the floor.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use core::cmp::Reverse;
use frame_support::{pallet_prelude::*, traits::ValidatorRegistration};
use sp_runtime::{traits::Saturating, Perquintill, SaturatedConversion};
use sp_staking::SessionIndex;
use zkp_primitives::{poi::ComputeContribution, posp::StorageContribution};

/// The chain-wide totals an election measures shares against, read once per election.
#[derive(Clone, Copy)]
pub(crate) struct WorkTotals<Balance> {
	pub compute: u128,
	pub storage: u128,
	pub issuance: Balance,
}

/// One ranked candidate.
pub(crate) struct Ranked<AccountId, Balance> {
	pub who: AccountId,
	pub bond: Balance,
	pub poi_score: u128,
	pub posp_score: u128,
	pub share: Perquintill,
	pub effective: Balance,
}

impl<AccountId: Ord + Clone, Balance: Ord + Copy> Ranked<AccountId, Balance> {
	/// Best first: effective stake, then work share, then bond, then the lowest account id.
	fn order_key(&self) -> (Reverse<Balance>, Reverse<Perquintill>, Reverse<Balance>, AccountId) {
		(Reverse(self.effective), Reverse(self.share), Reverse(self.bond), self.who.clone())
	}
}

impl<T: Config> Pallet<T> {
	pub(crate) fn work_totals() -> WorkTotals<BalanceOf<T>> {
		WorkTotals {
			compute: T::Compute::total_compute_score(),
			storage: T::Storage::total_storage_score(),
			issuance: Self::total_issuance(),
		}
	}

	/// The mean of `who`'s shares of all verified compute and of all proven storage. Both kinds
	/// always count: the first to do a kind nobody else does gets that half, not all of it.
	pub(crate) fn work_share(
		poi_score: u128,
		posp_score: u128,
		totals: &WorkTotals<BalanceOf<T>>,
	) -> Perquintill {
		let share = |score: u128, total: u128| {
			if total == 0 {
				0
			} else {
				Perquintill::from_rational(score.min(total), total).deconstruct()
			}
		};
		let compute = share(poi_score, totals.compute);
		let storage = share(posp_score, totals.storage);
		Perquintill::from_parts(compute / 2 + storage / 2 + (compute % 2 + storage % 2) / 2)
	}

	/// `min(bond, MinCandidateBond + share × issuance)`: stake counts up to the minimum bond
	/// on its own, and beyond it only as far as verified work backs it.
	pub(crate) fn effective_stake(
		bond: BalanceOf<T>,
		share: Perquintill,
		issuance: BalanceOf<T>,
	) -> BalanceOf<T> {
		let backed: BalanceOf<T> =
			share.mul_floor(issuance.saturated_into::<u128>()).saturated_into();
		bond.min(T::MinCandidateBond::get().saturating_add(backed))
	}

	pub(crate) fn rank_of(
		who: T::AccountId,
		bond: BalanceOf<T>,
		totals: &WorkTotals<BalanceOf<T>>,
	) -> Ranked<T::AccountId, BalanceOf<T>> {
		let poi_score = T::Compute::compute_score(&who);
		let posp_score = T::Storage::storage_score(&who);
		let share = Self::work_share(poi_score, posp_score, totals);
		let effective = Self::effective_stake(bond, share, totals.issuance);
		Ranked { who, bond, poi_score, posp_score, share, effective }
	}

	/// Whether a candidate stands in the election for `session`.
	fn qualifies(who: &T::AccountId, c: &Candidate<BalanceOf<T>>, session: SessionIndex) -> bool {
		c.intent == Intent::Validate &&
			c.bond >= T::MinCandidateBond::get() &&
			c.barred_until <= session &&
			T::SessionKeys::is_registered(who)
	}

	/// Every bonded account ranked (best first), with its record and whether it qualifies for
	/// `session`.
	pub(crate) fn ranked_candidates(
		session: SessionIndex,
	) -> Vec<(Ranked<T::AccountId, BalanceOf<T>>, Candidate<BalanceOf<T>>, bool)> {
		let totals = Self::work_totals();
		let mut ranked: Vec<_> = CandidateList::<T>::get()
			.into_iter()
			.filter_map(|who| {
				let c = Candidates::<T>::get(&who)?;
				let qualifies = Self::qualifies(&who, &c, session);
				Some((Self::rank_of(who, c.bond, &totals), c, qualifies))
			})
			.collect();
		ranked.sort_by_key(|(r, _, _)| r.order_key());
		ranked
	}

	/// Elects the set for `session`: the best `DesiredValidators` qualifying candidates. If
	/// fewer than `MinValidators` qualify, the current set stays — less any member whose
	/// session keys are gone — unless that leaves fewer than qualify (at genesis, or when keys
	/// were purged): then the qualified are elected. Never empty while anyone qualifies or the
	/// current set has keys.
	pub(crate) fn elect(session: SessionIndex) -> ValidatorsOf<T> {
		let qualified: Vec<T::AccountId> = Self::ranked_candidates(session)
			.into_iter()
			.filter(|(_, _, qualifies)| *qualifies)
			.map(|(r, _, _)| r.who)
			.collect();
		if (qualified.len() as u32) < T::MinValidators::get() {
			Self::deposit_event(Event::ElectionFallback {
				session,
				qualified: qualified.len() as u32,
			});
			let mut kept = ActiveValidators::<T>::get();
			kept.retain(T::SessionKeys::is_registered);
			if kept.len() >= qualified.len() && !kept.is_empty() {
				return kept;
			}
			if qualified.is_empty() {
				return ActiveValidators::<T>::get();
			}
		}
		let seats = DesiredValidators::<T>::get()
			.max(T::MinValidators::get())
			.min(T::MaxValidators::get()) as usize;
		let elected: ValidatorsOf<T> =
			BoundedVec::truncate_from(qualified.into_iter().take(seats).collect());
		Self::deposit_event(Event::ValidatorsElected { session, validators: elected.to_vec() });
		elected
	}

	/// What the runtime API reports: every bonded account in election order.
	pub fn candidate_summaries() -> Vec<CandidateSummary<T::AccountId, BalanceOf<T>>> {
		let session = CurrentSession::<T>::get();
		let active = ActiveValidators::<T>::get();
		let next = PlannedSets::<T>::get(session.saturating_add(1)).unwrap_or_default();
		Self::ranked_candidates(session.saturating_add(1))
			.into_iter()
			.map(|(r, c, _)| CandidateSummary {
				poi_score: r.poi_score,
				posp_score: r.posp_score,
				work_share: r.share,
				effective_stake: r.effective,
				bond: r.bond,
				intent: c.intent,
				barred_until: c.barred_until,
				elected: next.contains(&r.who),
				active: active.contains(&r.who),
				account: r.who,
			})
			.collect()
	}
}
