//! The period close: sealing faults, order payments for proven replicas, expiries and scores.
//! Minting for storage is not here: the consensus layer pays providers each era by their score
//! ([`zkp_primitives::posp::StorageContribution`]).

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::traits::{
	fungible::MutateHold,
	tokens::{Fortitude, Precision, Restriction},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{Saturating, Zero};

/// What a period close did, for its weight.
pub(crate) struct PeriodClose {
	/// Sectors visited to pay replicas.
	pub sectors_visited: u32,
	/// Missed-sealing faults.
	pub faults: u32,
	/// Replicas forced exits sent to the waiting list.
	pub sent_away: u32,
	/// Orders expired.
	pub expired: u32,
	/// Expired orders removed.
	pub orders_removed: u32,
}

impl<T: Config> Pallet<T> {
	/// Bytes a provider proved this period: its proven sectors, unless it faulted.
	fn proven_bytes(info: &ProviderInfo<BalanceOf<T>>) -> u64 {
		if info.faulted_in_period {
			0
		} else {
			info.proven_sectors as u64 * Self::sector_bytes()
		}
	}

	/// Ends a period: removes the orders that expired in it, faults sectors past their
	/// sealing deadline, pays rewards and order prices, expires orders and updates scores.
	pub(crate) fn close_period(now: BlockNumberFor<T>) -> PeriodClose {
		let orders_removed = Self::remove_expired_orders();
		let (faults, sent_away) = Self::fault_late_sealing(now);
		let providers = ProviderList::<T>::get();
		let mut total = 0u64;
		let mut expiring: Vec<OrderId> = Vec::new();
		let mut rewarded = 0u32;
		let mut sectors_visited = 0u32;
		for provider in providers.iter() {
			let Some(mut info) = Providers::<T>::get(provider) else { continue };
			let bytes = Self::proven_bytes(&info);
			total.saturating_accrue(bytes);
			let (payments, visited) = Self::pay_replicas(provider, bytes > 0, now, &mut expiring);
			sectors_visited.saturating_accrue(visited);
			if bytes > 0 {
				Self::deposit_event(Event::ProviderPaid {
					provider: provider.clone(),
					proven_bytes: bytes,
					order_payments: payments,
				});
				rewarded += 1;
			}
			info.score =
				info.score.saturating_sub(info.score / 4).saturating_add(bytes as u128 / 4);
			info.faulted_in_period = false;
			Providers::<T>::insert(provider, info);
		}
		for order_id in expiring.iter() {
			Self::expire_order(*order_id, now);
		}
		let expired = expiring.len() as u32;
		Self::deposit_event(Event::PeriodClosed {
			block: now,
			proven_bytes: total,
			providers_rewarded: rewarded,
		});
		PeriodClose { sectors_visited, faults, sent_away, expired, orders_removed }
	}

	/// Pays `provider` its orders' price for every proven replica it keeps (if it proved
	/// anything this period) and notes the orders that are over. Returns the payments and
	/// the sectors visited.
	fn pay_replicas(
		provider: &T::AccountId,
		earns: bool,
		now: BlockNumberFor<T>,
		expiring: &mut Vec<OrderId>,
	) -> (BalanceOf<T>, u32) {
		let mut payments: BalanceOf<T> = Zero::zero();
		let mut visited = 0u32;
		for (_, sector) in Sectors::<T>::iter_prefix(provider) {
			visited.saturating_inc();
			let SectorContent::Data { order: order_id } = sector.content else { continue };
			let Some(mut order) = Orders::<T>::get(order_id) else { continue };
			if earns && sector.proven && matches!(sector.state, SectorState::Active { .. }) {
				let price = order.price_per_period.min(order.escrow);
				if !price.is_zero() && Self::pay_from_escrow(&order.owner, provider, price) {
					order.escrow = order.escrow.saturating_sub(price);
					payments = payments.saturating_add(price);
					Orders::<T>::insert(order_id, &order);
				}
			}
			// Over when its time is up, or when every paid period has been served.
			let served = order.escrow.is_zero() && !order.price_per_period.is_zero();
			if (order.expires_at <= now || served) && !expiring.contains(&order_id) {
				expiring.push(order_id);
			}
		}
		(payments, visited)
	}

	fn pay_from_escrow(owner: &T::AccountId, provider: &T::AccountId, price: BalanceOf<T>) -> bool {
		T::Currency::transfer_on_hold(
			&HoldReason::OrderEscrow.into(),
			owner,
			provider,
			price,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Force,
		)
		.is_ok()
	}
}
