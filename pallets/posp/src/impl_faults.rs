//! Faults: strikes, slashing of the held collateral, resealing and forced exits.

use crate::{functions::*, pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::traits::{
	fungible::MutateHold,
	tokens::{Fortitude, Precision},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// A fault: at most one strike per provider per period; the strike costs its share of the
	/// collateral; the sector is to be sealed again (empty), a replica in it goes elsewhere;
	/// three strikes in a row force the provider out. Returns the other replicas a forced exit
	/// sent to the waiting list (each charged like a repair).
	pub(crate) fn fault(
		who: &T::AccountId,
		sector: SectorIndex,
		reason: FaultReason,
		now: BlockNumberFor<T>,
	) -> u32 {
		let Some(mut info) = Providers::<T>::get(who) else { return 0 };
		let slashed = Self::strike(who, &mut info);
		let strike = info.strikes;
		if let Some(entry) = Sectors::<T>::get(who, sector) {
			Self::deactivate(&mut info, &entry);
			Providers::<T>::insert(who, info.clone());
			Self::reseal_empty(who, sector, now);
			if let SectorContent::Data { order } = entry.content {
				Self::repair_replica(order, who, now);
			}
		} else {
			Providers::<T>::insert(who, info.clone());
		}
		Self::deposit_event(Event::ProviderFaulted {
			provider: who.clone(),
			sector,
			reason,
			strike,
			slashed,
		});
		if strike >= STRIKES_TO_EXIT {
			return Self::force_out(who, now);
		}
		0
	}

	/// The period's strike, if it has none yet: burns its share of the held collateral.
	/// Returns what was burned.
	fn strike(who: &T::AccountId, info: &mut ProviderInfo<BalanceOf<T>>) -> BalanceOf<T> {
		if info.faulted_in_period {
			return Zero::zero();
		}
		info.faulted_in_period = true;
		info.strikes = info.strikes.saturating_add(1);
		let penalty = strike_penalty(info.strikes) * info.collateral;
		if penalty.is_zero() {
			return Zero::zero();
		}
		let slashed = T::Currency::burn_held(
			&HoldReason::Collateral.into(),
			who,
			penalty,
			Precision::BestEffort,
			Fortitude::Force,
		)
		.unwrap_or_default();
		info.collateral = info.collateral.saturating_sub(slashed);
		slashed
	}

	/// Three strikes: the provider is out; every replica it held waits for another provider
	/// (drawn in later blocks, a bounded number per block, rather than all in this hook); its
	/// collateral left unbonds like a provider's that left. Returns the replicas sent away.
	fn force_out(who: &T::AccountId, now: BlockNumberFor<T>) -> u32 {
		let Some(info) = Providers::<T>::get(who) else { return 0 };
		let orders: Vec<OrderId> = Sectors::<T>::iter_prefix_values(who)
			.filter_map(|s| match s.content {
				SectorContent::Data { order } => Some(order),
				SectorContent::Empty => None,
			})
			.collect();
		let until = Self::remove_provider(who, &info);
		for order in orders.iter() {
			Self::queue_lost_replica(*order, who, now);
		}
		Self::deposit_event(Event::ProviderForcedOut {
			provider: who.clone(),
			collateral: info.collateral,
			until,
		});
		orders.len() as u32
	}

	/// Faults sectors past their sealing deadline, at most [`SEALING_FAULTS_PER_PERIOD`]
	/// (each may reassign a replica); the rest wait for the next period. Returns the faults and
	/// the replicas forced exits sent to the waiting list.
	pub(crate) fn fault_late_sealing(now: BlockNumberFor<T>) -> (u32, u32) {
		let mut faults = 0u32;
		let mut sent_away = 0u32;
		for provider in ProviderList::<T>::get().iter() {
			let late: Vec<SectorIndex> = Sectors::<T>::iter_prefix(provider)
				.filter(
					|(_, s)| matches!(s.state, SectorState::Sealing { deadline } if deadline < now),
				)
				.map(|(i, _)| i)
				.collect();
			for sector in late {
				if faults >= SEALING_FAULTS_PER_PERIOD {
					return (faults, sent_away);
				}
				sent_away.saturating_accrue(Self::fault(
					provider,
					sector,
					FaultReason::MissedSealing,
					now,
				));
				faults += 1;
			}
		}
		(faults, sent_away)
	}
}
