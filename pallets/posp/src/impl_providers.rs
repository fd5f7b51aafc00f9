//! Providers: registration, sealed capacity, leaving and the collateral's unbonding.

use crate::{pallet::*, types::*};
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_register_provider(who: T::AccountId, sectors: u32) -> DispatchResult {
		ensure!(!Providers::<T>::contains_key(&who), Error::<T>::AlreadyRegistered);
		ensure!(!Departures::<T>::contains_key(&who), Error::<T>::StillDeparting);
		ensure!(
			sectors > 0 && sectors <= T::MaxSectorsPerProvider::get(),
			Error::<T>::InvalidSectorCount
		);
		let mut list = ProviderList::<T>::get();
		list.try_push(who.clone()).map_err(|_| Error::<T>::TooManyProviders)?;
		let collateral = T::CollateralPerSector::get().saturating_mul(sectors.into());
		T::Currency::hold(&HoldReason::Collateral.into(), &who, collateral)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		ProviderList::<T>::put(list);
		// A provider that left with strikes comes back with them.
		let strikes = PastStrikes::<T>::take(&who);
		Providers::<T>::insert(
			&who,
			ProviderInfo { collateral, sectors, strikes, ..Default::default() },
		);
		let now = Self::now();
		Self::deposit_event(Event::ProviderRegistered {
			provider: who.clone(),
			sectors,
			collateral,
		});
		for sector in 0..sectors {
			Self::reseal_empty(&who, sector, now);
		}
		Ok(())
	}

	/// Returns the number of sectors released.
	pub(crate) fn do_deregister_provider(who: T::AccountId) -> Result<u32, DispatchError> {
		let info = Providers::<T>::get(&who).ok_or(Error::<T>::NotProvider)?;
		ensure!(!Challenges::<T>::contains_key(&who), Error::<T>::ChallengeOutstanding);
		ensure!(
			Sectors::<T>::iter_prefix_values(&who).all(|s| s.content == SectorContent::Empty),
			Error::<T>::ProviderHoldsData
		);
		let until = Self::remove_provider(&who, &info);
		Self::deposit_event(Event::ProviderDeregistered {
			provider: who,
			collateral: info.collateral,
			until,
		});
		Ok(info.sectors)
	}

	/// Removes a provider and its sectors. What is left of its collateral stays held until
	/// the returned block, and its strikes are kept for a later registration.
	pub(crate) fn remove_provider(
		who: &T::AccountId,
		info: &ProviderInfo<BalanceOf<T>>,
	) -> BlockNumberFor<T> {
		let _ = Sectors::<T>::clear_prefix(who, info.sectors, None);
		Challenges::<T>::remove(who);
		Providers::<T>::remove(who);
		ProviderList::<T>::mutate(|list| list.retain(|p| p != who));
		if info.strikes > 0 {
			PastStrikes::<T>::insert(who, info.strikes);
		}
		let until = Self::now().saturating_add(T::CollateralUnbonding::get());
		Departures::<T>::insert(who, Departure { collateral: info.collateral, until });
		until
	}

	pub(crate) fn do_withdraw_collateral(who: T::AccountId) -> DispatchResult {
		let departure = Departures::<T>::get(&who).ok_or(Error::<T>::NotDeparted)?;
		ensure!(Self::now() >= departure.until, Error::<T>::CollateralStillBonded);
		let released = T::Currency::release(
			&HoldReason::Collateral.into(),
			&who,
			departure.collateral,
			Precision::BestEffort,
		)?;
		Departures::<T>::remove(&who);
		Self::deposit_event(Event::CollateralWithdrawn { provider: who, collateral: released });
		Ok(())
	}

	/// Records a sector's sealed root. The root is only a claim until the sector answers a
	/// challenge against it (see [`SectorInfo::proven`]): it earns nothing before.
	pub(crate) fn do_confirm_sector(
		who: T::AccountId,
		sector: SectorIndex,
		sealed_root: H256,
	) -> DispatchResult {
		let mut info = Providers::<T>::get(&who).ok_or(Error::<T>::NotProvider)?;
		let mut entry = Sectors::<T>::get(&who, sector).ok_or(Error::<T>::UnknownSector)?;
		ensure!(matches!(entry.state, SectorState::Sealing { .. }), Error::<T>::NotSealing);
		entry.state = SectorState::Active { sealed_root };
		entry.proven = false;
		info.active_sectors.saturating_inc();
		match entry.content {
			SectorContent::Empty => info.free_sectors.saturating_inc(),
			SectorContent::Data { order } => Self::replica_sealed(order, &who, sector),
		}
		Sectors::<T>::insert(&who, sector, entry);
		Providers::<T>::insert(&who, info);
		Self::deposit_event(Event::SectorSealed {
			provider: who,
			sector,
			content: entry.content,
			sealed_root,
		});
		Ok(())
	}

	fn replica_sealed(order_id: OrderId, who: &T::AccountId, sector: SectorIndex) {
		Orders::<T>::mutate(order_id, |maybe| {
			let Some(order) = maybe else { return };
			for replica in order.holders.iter_mut() {
				if &replica.provider == who && replica.sector == sector {
					replica.state = ReplicaState::Active;
				}
			}
			let complete = order.holders.len() == order.replicas as usize &&
				order.holders.iter().all(|r| r.state == ReplicaState::Active);
			if complete &&
				order.status != OrderStatus::Active &&
				order.status != OrderStatus::Expired
			{
				order.status = OrderStatus::Active;
				Self::deposit_event(Event::OrderStatusChanged {
					order: order_id,
					status: OrderStatus::Active,
				});
			}
		});
	}
}
