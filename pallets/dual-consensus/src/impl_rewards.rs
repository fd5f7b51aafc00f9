//! The chain's one emission rule: each era mints `EraEmission`, split into a validator pool
//! (blocks authored × effective stake, session by session), a compute pool (PoI scores) and a
//! storage pool (PoSp scores). Each pool is paid exactly: shares are rounded down and the remainder
//! goes to the pool's largest recipient. A pool without recipients, and a mint that fails (a new
//! account below the existential deposit), is not minted, and the event says how much.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::traits::{fungible::Mutate, Get};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{Saturating, Zero},
	Rounding, SaturatedConversion,
};
use zkp_primitives::{poi::ComputeContribution, posp::StorageContribution};

/// Splits `pool` by `weights` exactly: every share rounded down, the remainder to the largest
/// weight (the lowest account among equals). Zero weights get nothing; all zero, nobody.
pub(crate) fn split<AccountId: Ord + Clone>(
	pool: u128,
	weights: &[(AccountId, u128)],
) -> Vec<(AccountId, u128)> {
	let mut paid: Vec<(AccountId, u128)> =
		weights.iter().filter(|(_, w)| *w > 0).cloned().collect();
	// Scale weights down if their sum would overflow, keeping their ratios.
	let mut total: u128 = 0;
	let mut shift = 0u32;
	for (_, w) in &paid {
		while total.checked_add(*w >> shift).is_none() {
			shift += 1;
			total >>= 1;
		}
		total += *w >> shift;
	}
	if total == 0 {
		return Vec::new();
	}
	paid.sort_by(|(a, wa), (b, wb)| wb.cmp(wa).then_with(|| a.cmp(b)));
	let mut spent = 0u128;
	for (_, w) in paid.iter_mut() {
		let share = multiply_by_rational_with_rounding(pool, *w >> shift, total, Rounding::Down)
			.unwrap_or(0);
		spent = spent.saturating_add(share);
		*w = share;
	}
	if let Some((_, first)) = paid.first_mut() {
		*first = first.saturating_add(pool.saturating_sub(spent));
	}
	paid.retain(|(_, amount)| *amount > 0);
	paid
}

impl<T: Config> Pallet<T> {
	/// The three pools of one era's emission: validators, compute, storage (the rest).
	pub(crate) fn pools() -> (BalanceOf<T>, BalanceOf<T>, BalanceOf<T>) {
		let emission = T::EraEmission::get();
		let validators = T::ValidatorPoolShare::get() * emission;
		let compute = T::ComputePoolShare::get() * emission;
		(validators, compute, emission.saturating_sub(validators).saturating_sub(compute))
	}

	/// Each author's weight: its blocks of each session × its effective stake at that
	/// session's end, summed over the era.
	fn validator_weights() -> Vec<(T::AccountId, u128)> {
		AuthoredBlocks::<T>::iter()
			.map(|(who, authored)| (who, authored.era_weight))
			.collect()
	}

	fn capped(mut contributors: Vec<(T::AccountId, u128)>, max: u32) -> Vec<(T::AccountId, u128)> {
		contributors.truncate(max as usize);
		contributors
	}

	/// Mints `pool` to `weights`' accounts; returns what was minted and how many were paid.
	fn pay_pool(
		pool: BalanceOf<T>,
		weights: &[(T::AccountId, u128)],
		kind: RewardKind,
	) -> (BalanceOf<T>, u32) {
		let mut minted: BalanceOf<T> = Zero::zero();
		let mut paid = 0u32;
		for (who, amount) in split(pool.saturated_into(), weights) {
			let amount: BalanceOf<T> = amount.saturated_into();
			if T::Currency::mint_into(&who, amount).is_ok() {
				minted.saturating_accrue(amount);
				paid += 1;
				Self::deposit_event(Event::Rewarded { who, kind, amount });
			}
		}
		(minted, paid)
	}

	/// Pays era `era`'s emission and starts counting the next era's blocks.
	pub(crate) fn pay_era(era: u32) -> EraPayout<BalanceOf<T>> {
		let (validator_pool, compute_pool, storage_pool) = Self::pools();
		let (validators, v) =
			Self::pay_pool(validator_pool, &Self::validator_weights(), RewardKind::Validator);
		let compute_weights =
			Self::capped(T::Compute::compute_contributors(), T::MaxComputeContributors::get());
		let (compute, c) = Self::pay_pool(compute_pool, &compute_weights, RewardKind::Compute);
		let storage_weights =
			Self::capped(T::Storage::storage_contributors(), T::MaxStorageContributors::get());
		let (storage, s) = Self::pay_pool(storage_pool, &storage_weights, RewardKind::Storage);
		let _ = AuthoredBlocks::<T>::clear(u32::MAX, None);
		let unminted = T::EraEmission::get()
			.saturating_sub(validators)
			.saturating_sub(compute)
			.saturating_sub(storage);
		Self::deposit_event(Event::EraPaid { era, validators, compute, storage, unminted });
		EraPayout { validators, compute, storage, unminted, recipients: v + c + s }
	}
}
