//! Storage orders: placement, replica assignment (always in a hook, with randomness that did
//! not exist when the request was included), rejections, repairs and expiry.

use crate::{functions::*, pallet::*, types::*};
use alloc::vec::Vec;
use codec::Encode;
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::traits::{CheckedMul, Saturating, Zero};
use zkp_posp::sector_seed;

impl<T: Config> Pallet<T> {
	#[allow(clippy::too_many_arguments)]
	pub(crate) fn do_place_order(
		who: T::AccountId,
		cid: BoundedVec<u8, T::MaxCidLen>,
		size: u64,
		data_root: H256,
		replicas: u8,
		periods: u32,
		price_per_period: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!cid.is_empty(), Error::<T>::EmptyCid);
		ensure!(size > 0, Error::<T>::EmptyFile);
		ensure!(size <= Self::sector_bytes(), Error::<T>::FileTooLarge);
		ensure!(
			replicas > 0 && replicas as u32 <= T::MaxReplicas::get(),
			Error::<T>::InvalidReplicas
		);
		ensure!(periods > 0 && periods <= T::MaxOrderPeriods::get(), Error::<T>::InvalidDuration);
		ensure!(price_per_period >= T::MinPricePerPeriod::get(), Error::<T>::PriceTooLow);
		let escrow = price_per_period
			.checked_mul(&BalanceOf::<T>::from(replicas as u32))
			.and_then(|b| b.checked_mul(&periods.into()))
			.ok_or(Error::<T>::Overflow)?;
		// Providers with free sealed capacity, counting sectors that are under a challenge right
		// now: those free up by the next period.
		let eligible = ProviderList::<T>::get()
			.iter()
			.filter(|p| Providers::<T>::get(p).is_some_and(|i| i.free_sectors > 0))
			.count();
		ensure!(eligible >= replicas as usize, Error::<T>::NotEnoughProviders);
		let now = Self::now();
		let order_id = NextOrderId::<T>::get();
		// New orders may fill half the waiting list: the rest stays for lost and refused
		// replicas, so a flood of orders cannot make repairs fail.
		let room_for_new = T::MaxOrdersAwaitingRepair::get() / 2;
		OrdersAwaitingRepair::<T>::try_mutate(|list| {
			if list.len() as u32 >= room_for_new {
				return Err(());
			}
			list.try_push((order_id, now)).map_err(|_| ())
		})
		.map_err(|_| Error::<T>::TooManyOrdersWaiting)?;
		T::Currency::hold(&HoldReason::OrderEscrow.into(), &who, escrow)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		NextOrderId::<T>::put(order_id.saturating_add(1));
		let expires_at =
			now.saturating_add(T::ChallengePeriod::get().saturating_mul(periods.into()));
		let order = StorageOrder {
			owner: who.clone(),
			cid,
			size,
			data_root,
			replicas,
			holders: BoundedVec::new(),
			price_per_period,
			escrow,
			status: OrderStatus::Pending,
			expires_at,
			rejected_by: BoundedVec::new(),
		};
		Orders::<T>::insert(order_id, order);
		Self::deposit_event(Event::OrderPlaced {
			order: order_id,
			owner: who,
			size,
			replicas,
			escrow,
		});
		Ok(())
	}

	/// Queues `order_id` for the providers it misses (once), from block `now`. Returns
	/// `false` if the waiting list is full.
	/// An order queued again (another replica lost or refused) takes the later block, so its
	/// next draw also uses randomness from after this request.
	pub(crate) fn queue_for_providers(order_id: OrderId, now: BlockNumberFor<T>) -> bool {
		OrdersAwaitingRepair::<T>::mutate(|list| {
			if let Some(entry) = list.iter_mut().find(|(id, _)| *id == order_id) {
				entry.1 = entry.1.max(now);
				return true;
			}
			list.try_push((order_id, now)).is_ok()
		})
	}

	/// A forced-out provider's replica: taken from it and queued for another provider (drawn
	/// in a later block); repaired at once only if the waiting list is full.
	pub(crate) fn queue_lost_replica(
		order_id: OrderId,
		who: &T::AccountId,
		now: BlockNumberFor<T>,
	) {
		let Some(mut order) = Orders::<T>::get(order_id) else { return };
		if order.status == OrderStatus::Expired {
			return;
		}
		if !Self::queue_for_providers(order_id, now) {
			return Self::repair_replica(order_id, who, now);
		}
		order.holders.retain(|r| &r.provider != who);
		Self::set_status(order_id, &mut order, OrderStatus::Faulty);
		Orders::<T>::insert(order_id, order);
	}

	/// `on_initialize`: gives waiting orders their missing replicas, at most
	/// [`ASSIGNMENTS_PER_BLOCK`] orders, each only with randomness from a block after the one
	/// it was queued in. An order still short of providers goes to the back of the list.
	/// Returns the orders tried.
	pub(crate) fn assign_waiting(now: BlockNumberFor<T>) -> u32 {
		let list = OrdersAwaitingRepair::<T>::get();
		if list.is_empty() {
			return 0;
		}
		let known = Self::randomness_block();
		let mut kept = Vec::with_capacity(list.len());
		let mut retry = Vec::new();
		let mut tried = 0u32;
		for (order_id, queued) in list {
			if tried >= ASSIGNMENTS_PER_BLOCK || queued >= known {
				kept.push((order_id, queued));
				continue;
			}
			tried += 1;
			if !Self::assign_waiting_order(order_id, now) {
				retry.push((order_id, queued));
			}
		}
		kept.extend(retry);
		OrdersAwaitingRepair::<T>::put(BoundedVec::truncate_from(kept));
		tried
	}

	/// Assigns one waiting order's missing replicas; returns whether it still waits.
	fn assign_waiting_order(order_id: OrderId, now: BlockNumberFor<T>) -> bool {
		let Some(mut order) = Orders::<T>::get(order_id) else { return true };
		if order.status == OrderStatus::Expired {
			return true;
		}
		if order.expires_at <= now {
			Self::expire_order(order_id, now);
			return true;
		}
		let missing = order.replicas as usize;
		Self::assign_replicas(order_id, &mut order, now, None, missing);
		let done = Self::fully_assigned(&order);
		if done && order.status == OrderStatus::Faulty {
			// A new order keeps `Pending` until its replicas are sealed.
			order.status = OrderStatus::Repairing;
			Self::deposit_event(Event::OrderStatusChanged {
				order: order_id,
				status: OrderStatus::Repairing,
			});
		}
		Orders::<T>::insert(order_id, order);
		done
	}

	/// How many sectors of `provider` a new replica can go to now — its free sealed sectors,
	/// less the one under an open challenge (it must stay answerable until its deadline) — and
	/// which sector that challenge is on.
	fn assignable_sectors(
		provider: &T::AccountId,
		info: &ProviderInfo<BalanceOf<T>>,
	) -> (u32, Option<SectorIndex>) {
		if info.free_sectors == 0 {
			return (0, None);
		}
		let challenged = Challenges::<T>::get(provider).map(|c| c.sector);
		let challenged_free = challenged.is_some_and(|sector| {
			Sectors::<T>::get(provider, sector).is_some_and(|s| {
				s.content == SectorContent::Empty && matches!(s.state, SectorState::Active { .. })
			})
		});
		(info.free_sectors.saturating_sub(challenged_free as u32), challenged)
	}

	/// Gives `order` up to `at_most` of its missing replicas: each goes to a provider drawn
	/// with chain randomness among those that can take one now (weighted by free sealed
	/// sectors that are not under challenge), that do not hold a replica of `order` yet and
	/// never rejected it (nor are `exclude`); one of its free sectors becomes the replica to
	/// seal. The candidates are read once. Returns how many replicas were assigned.
	pub(crate) fn assign_replicas(
		order_id: OrderId,
		order: &mut OrderOf<T>,
		now: BlockNumberFor<T>,
		exclude: Option<&T::AccountId>,
		at_most: usize,
	) -> usize {
		let wanted = (order.replicas as usize).min(order.holders.len().saturating_add(at_most));
		if order.holders.len() >= wanted || order.status == OrderStatus::Expired {
			return 0;
		}
		let before = order.holders.len();
		let mut candidates: Vec<(T::AccountId, u32, Option<SectorIndex>)> =
			ProviderList::<T>::get()
				.into_iter()
				.filter(|p| {
					!order.holders.iter().any(|r| &r.provider == p) &&
						!order.rejected_by.contains(p) &&
						Some(p) != exclude
				})
				.filter_map(|p| {
					let (assignable, challenged) = Providers::<T>::get(&p)
						.map_or((0, None), |i| Self::assignable_sectors(&p, &i));
					(assignable > 0).then_some((p, assignable, challenged))
				})
				.collect();
		while order.holders.len() < wanted {
			let total: u64 = candidates.iter().map(|(_, w, _)| *w as u64).sum();
			if total == 0 {
				break;
			}
			let mut ticket = Self::draw(&(b"posp/assign", order_id).encode()) % total;
			let Some(pick) = candidates.iter().position(|(_, w, _)| {
				let hit = ticket < *w as u64;
				ticket = ticket.saturating_sub(*w as u64);
				hit
			}) else {
				break;
			};
			let (provider, _, challenged) = candidates.remove(pick);
			if !Self::hand_replica(order_id, order, &provider, challenged, now) {
				continue;
			}
		}
		order.holders.len().saturating_sub(before)
	}

	/// Turns one free sealed sector of `provider` (never the one under challenge `challenged`)
	/// into a replica of `order` to seal. Returns whether one was found.
	fn hand_replica(
		order_id: OrderId,
		order: &mut OrderOf<T>,
		provider: &T::AccountId,
		challenged: Option<SectorIndex>,
		now: BlockNumberFor<T>,
	) -> bool {
		let Some((sector, entry)) = Sectors::<T>::iter_prefix(provider).find(|(index, s)| {
			s.content == SectorContent::Empty &&
				matches!(s.state, SectorState::Active { .. }) &&
				Some(*index) != challenged
		}) else {
			return false;
		};
		let replica = Replica { provider: provider.clone(), sector, state: ReplicaState::Sealing };
		if order.holders.try_push(replica).is_err() {
			return false;
		}
		Providers::<T>::mutate(provider, |info| {
			if let Some(info) = info {
				Self::deactivate(info, &entry);
			}
		});
		let deadline = Self::sealing_deadline(now);
		let content = SectorContent::Data { order: order_id };
		let seed =
			sector_seed(&Self::provider_bytes(provider), sector, order.data_root.as_fixed_bytes());
		let state = SectorState::Sealing { deadline };
		Sectors::<T>::insert(provider, sector, SectorInfo { content, state, seed, proven: false });
		Self::deposit_event(Event::ReplicaAssigned {
			order: order_id,
			provider: provider.clone(),
			sector,
		});
		Self::deposit_event(Event::SectorSealingRequired {
			provider: provider.clone(),
			sector,
			content,
			deadline,
		});
		true
	}

	/// Whether every replica of `order` has a holder.
	pub(crate) fn fully_assigned(order: &OrderOf<T>) -> bool {
		order.holders.len() >= order.replicas as usize
	}

	/// Takes a lost replica away from `who` and gives it to another provider if one can take
	/// it; otherwise the order waits as `Faulty` (or, if even the waiting list is full, ends
	/// now with its escrow refunded: never dropped silently).
	pub(crate) fn repair_replica(order_id: OrderId, who: &T::AccountId, now: BlockNumberFor<T>) {
		let Some(mut order) = Orders::<T>::get(order_id) else { return };
		order.holders.retain(|r| &r.provider != who);
		if order.status == OrderStatus::Expired {
			Orders::<T>::insert(order_id, order);
			return;
		}
		// One replica, the lost one (others an order may miss wait on the list).
		let status = if Self::assign_replicas(order_id, &mut order, now, Some(who), 1) == 1 {
			OrderStatus::Repairing
		} else if Self::queue_for_providers(order_id, now) {
			OrderStatus::Faulty
		} else {
			Orders::<T>::insert(order_id, order);
			Self::expire_order(order_id, now);
			return;
		};
		Self::set_status(order_id, &mut order, status);
		Orders::<T>::insert(order_id, order);
	}

	fn set_status(order_id: OrderId, order: &mut OrderOf<T>, status: OrderStatus) {
		if order.status != status {
			order.status = status;
			Self::deposit_event(Event::OrderStatusChanged { order: order_id, status });
		}
	}

	/// The provider cannot seal an assigned replica (the file is not on IPFS, or not what the
	/// order says). No strike; the replica waits for another provider (drawn in a later
	/// block). Rejections count once per provider; after `MaxRejections` distinct providers
	/// the order keeps the replicas it has (ending, refunded, only if it has none).
	pub(crate) fn do_reject_replica(who: T::AccountId, sector: SectorIndex) -> DispatchResult {
		ensure!(Providers::<T>::contains_key(&who), Error::<T>::NotProvider);
		let entry = Sectors::<T>::get(&who, sector).ok_or(Error::<T>::UnknownSector)?;
		let SectorContent::Data { order: order_id } = entry.content else {
			return Err(Error::<T>::NotAReplica.into());
		};
		ensure!(matches!(entry.state, SectorState::Sealing { .. }), Error::<T>::NotSealing);
		let mut order = Orders::<T>::get(order_id).ok_or(Error::<T>::UnknownOrder)?;
		let now = Self::now();
		Self::reseal_empty(&who, sector, now);
		order.holders.retain(|r| !(r.provider == who && r.sector == sector));
		if !order.rejected_by.contains(&who) {
			// Fits: the order stops drawing providers once the list is full.
			let _ = order.rejected_by.try_push(who.clone());
		}
		let rejections = order.rejected_by.len() as u8;
		Self::deposit_event(Event::ReplicaRejected {
			order: order_id,
			provider: who,
			sector,
			rejections,
		});
		if rejections as u32 >= T::MaxRejections::get() {
			Self::stop_drawing(order_id, order, now);
		} else {
			if order.status != OrderStatus::Pending {
				Self::set_status(order_id, &mut order, OrderStatus::Faulty);
			}
			let queued = Self::queue_for_providers(order_id, now);
			Orders::<T>::insert(order_id, order);
			if !queued {
				Self::expire_order(order_id, now);
			}
		}
		Ok(())
	}

	/// Enough providers refused the file: the order goes on with the replicas it has, or
	/// ends, refunded, if it has none.
	fn stop_drawing(order_id: OrderId, mut order: OrderOf<T>, now: BlockNumberFor<T>) {
		if order.holders.is_empty() {
			Orders::<T>::insert(order_id, order);
			return Self::expire_order(order_id, now);
		}
		order.replicas = order.holders.len() as u8;
		Self::deposit_event(Event::ReplicasReduced { order: order_id, replicas: order.replicas });
		if order.holders.iter().all(|r| r.state == ReplicaState::Active) {
			Self::set_status(order_id, &mut order, OrderStatus::Active);
		}
		Orders::<T>::insert(order_id, order);
	}

	/// Ends an order: its sectors are resealed empty (withdrawing any challenge on them), the
	/// unspent escrow goes back to the owner, and the order stays readable until the period
	/// closes.
	pub(crate) fn expire_order(order_id: OrderId, now: BlockNumberFor<T>) {
		let Some(mut order) = Orders::<T>::get(order_id) else { return };
		if order.status == OrderStatus::Expired {
			return;
		}
		for replica in order.holders.iter() {
			let Some(sector) = Sectors::<T>::get(&replica.provider, replica.sector) else {
				continue
			};
			if sector.content != (SectorContent::Data { order: order_id }) {
				continue;
			}
			Providers::<T>::mutate(&replica.provider, |info| {
				if let Some(info) = info {
					Self::deactivate(info, &sector);
				}
			});
			Self::reseal_empty(&replica.provider, replica.sector, now);
		}
		let refund = order.escrow;
		if !refund.is_zero() {
			let _ = T::Currency::release(
				&HoldReason::OrderEscrow.into(),
				&order.owner,
				refund,
				Precision::BestEffort,
			);
		}
		order.escrow = Zero::zero();
		order.holders = BoundedVec::new();
		order.status = OrderStatus::Expired;
		if ExpiredOrders::<T>::try_mutate(|list| list.try_push(order_id)).is_ok() {
			Orders::<T>::insert(order_id, order);
		} else {
			Orders::<T>::remove(order_id);
			OrdersAwaitingRepair::<T>::mutate(|list| list.retain(|(id, _)| *id != order_id));
		}
		Self::deposit_event(Event::OrderExpired { order: order_id, refund });
		Self::deposit_event(Event::OrderStatusChanged {
			order: order_id,
			status: OrderStatus::Expired,
		});
	}

	/// Removes the orders that expired in the period that closes (their events stay in the
	/// blocks). Returns how many were removed.
	pub(crate) fn remove_expired_orders() -> u32 {
		let expired = ExpiredOrders::<T>::take();
		for order_id in expired.iter() {
			Orders::<T>::remove(order_id);
		}
		if !expired.is_empty() {
			OrdersAwaitingRepair::<T>::mutate(|list| list.retain(|(id, _)| !expired.contains(id)));
		}
		expired.len() as u32
	}
}
