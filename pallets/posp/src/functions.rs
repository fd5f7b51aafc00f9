//! The pallet's logic: registration, sealing, orders, challenges, faults and rewards.

use crate::{pallet::*, types::*, WeightInfo};
use alloc::vec::Vec;
use codec::Encode;
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Mutate, MutateHold},
		tokens::{Fortitude, Precision, Restriction},
		Randomness,
	},
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::{
	traits::{CheckedMul, Saturating, Zero},
	Perbill,
};
use zkp_posp::{
	proof::{verify_leaf_proof, LeafProof, ProofError, SectorContent as ProvenContent},
	sector_seed, Sealer, LEAF_DATA_BYTES,
};

/// Part of the remaining collateral a strike costs: CESS's schedule (0 %, 5 %, 15 %).
pub fn strike_penalty(strike: u8) -> Perbill {
	match strike {
		0 | 1 => Perbill::zero(),
		2 => Perbill::from_percent(5),
		_ => Perbill::from_percent(15),
	}
}

/// Strikes in a row that force a provider out.
pub const STRIKES_TO_EXIT: u8 = 3;

/// Orders waiting for providers that one period close retries (the rest wait their turn):
/// bounds the work in `on_initialize` however long the waiting list is.
pub const RETRIES_PER_PERIOD: u32 = 32;

impl<T: Config> Pallet<T> {
	/// The 32 bytes that identify a provider in its sealing seed.
	pub fn provider_bytes(who: &T::AccountId) -> [u8; 32] {
		zkp_primitives::account_bytes(who)
	}

	/// Bytes of data one sector holds.
	pub fn sector_bytes() -> u64 {
		T::SectorLeaves::get() as u64 * LEAF_DATA_BYTES as u64
	}

	/// A sealer for a sector's seed, with the chain's rounds.
	pub fn sealer(seed: &[u8; 32]) -> Sealer {
		Sealer::new(seed, T::SealRounds::get())
	}

	/// A fresh 64-bit draw: this block's randomness, the subject and a per-block counter.
	fn draw(subject: &[u8]) -> u64 {
		let nonce = DrawNonce::<T>::mutate(|n| {
			*n = n.wrapping_add(1);
			*n
		});
		let (seed, _) = T::Randomness::random(subject);
		let hash = sp_io::hashing::blake2_256(&(seed, nonce, subject).encode());
		u64::from_le_bytes([hash[0], hash[1], hash[2], hash[3], hash[4], hash[5], hash[6], hash[7]])
	}

	fn sealing_deadline(now: BlockNumberFor<T>) -> BlockNumberFor<T> {
		now.saturating_add(T::SealDeadline::get())
	}

	/// Puts `sector` of `who` back to sealing committed capacity.
	fn reseal_empty(who: &T::AccountId, sector: SectorIndex, now: BlockNumberFor<T>) {
		let deadline = Self::sealing_deadline(now);
		let seed = sector_seed(&Self::provider_bytes(who), sector, &[0; 32]);
		let content = SectorContent::Empty;
		Sectors::<T>::insert(who, sector, SectorInfo { content, state: SectorState::Sealing { deadline }, seed });
		Self::deposit_event(Event::SectorSealingRequired { provider: who.clone(), sector, content, deadline });
	}

	// ---------------------------------------------------------------- providers

	pub(crate) fn do_register_provider(who: T::AccountId, sectors: u32) -> DispatchResult {
		ensure!(!Providers::<T>::contains_key(&who), Error::<T>::AlreadyRegistered);
		ensure!(sectors > 0 && sectors <= T::MaxSectorsPerProvider::get(), Error::<T>::InvalidSectorCount);
		let mut list = ProviderList::<T>::get();
		list.try_push(who.clone()).map_err(|_| Error::<T>::TooManyProviders)?;
		let collateral = T::CollateralPerSector::get().saturating_mul(sectors.into());
		T::Currency::hold(&HoldReason::Collateral.into(), &who, collateral)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		ProviderList::<T>::put(list);
		Providers::<T>::insert(&who, ProviderInfo { collateral, sectors, ..Default::default() });
		let now = frame_system::Pallet::<T>::block_number();
		Self::deposit_event(Event::ProviderRegistered { provider: who.clone(), sectors, collateral });
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
		Self::remove_provider(&who, &info);
		Self::deposit_event(Event::ProviderDeregistered { provider: who, collateral: info.collateral });
		Ok(info.sectors)
	}

	/// Removes a provider and its sectors, releasing what is left of its collateral.
	fn remove_provider(who: &T::AccountId, info: &ProviderInfo<BalanceOf<T>>) {
		let _ = T::Currency::release(&HoldReason::Collateral.into(), who, info.collateral, Precision::BestEffort);
		let _ = Sectors::<T>::clear_prefix(who, info.sectors, None);
		Challenges::<T>::remove(who);
		Providers::<T>::remove(who);
		ProviderList::<T>::mutate(|list| list.retain(|p| p != who));
	}

	pub(crate) fn do_confirm_sector(who: T::AccountId, sector: SectorIndex, sealed_root: H256) -> DispatchResult {
		let mut info = Providers::<T>::get(&who).ok_or(Error::<T>::NotProvider)?;
		let mut entry = Sectors::<T>::get(&who, sector).ok_or(Error::<T>::UnknownSector)?;
		ensure!(matches!(entry.state, SectorState::Sealing { .. }), Error::<T>::NotSealing);
		entry.state = SectorState::Active { sealed_root };
		info.active_sectors.saturating_inc();
		match entry.content {
			SectorContent::Empty => info.free_sectors.saturating_inc(),
			SectorContent::Data { order } => Self::replica_sealed(order, &who, sector),
		}
		Sectors::<T>::insert(&who, sector, entry);
		Providers::<T>::insert(&who, info);
		Self::deposit_event(Event::SectorSealed { provider: who, sector, content: entry.content, sealed_root });
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
			if complete && order.status != OrderStatus::Active && order.status != OrderStatus::Expired {
				order.status = OrderStatus::Active;
				Self::deposit_event(Event::OrderStatusChanged { order: order_id, status: OrderStatus::Active });
			}
		});
	}

	// ---------------------------------------------------------------- orders

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
		ensure!(replicas > 0 && replicas as u32 <= T::MaxReplicas::get(), Error::<T>::InvalidReplicas);
		ensure!(periods > 0 && periods <= T::MaxOrderPeriods::get(), Error::<T>::InvalidDuration);
		ensure!(price_per_period >= T::MinPricePerPeriod::get(), Error::<T>::PriceTooLow);
		let escrow = price_per_period
			.checked_mul(&BalanceOf::<T>::from(replicas as u32))
			.and_then(|b| b.checked_mul(&periods.into()))
			.ok_or(Error::<T>::Overflow)?;
		// Providers with free sealed capacity, counting sectors that are under a challenge right
		// now: those free up by the next period, when the order's missing replicas are assigned.
		let eligible = ProviderList::<T>::get()
			.iter()
			.filter(|p| Providers::<T>::get(p).is_some_and(|i| i.free_sectors > 0))
			.count();
		ensure!(eligible >= replicas as usize, Error::<T>::NotEnoughProviders);
		T::Currency::hold(&HoldReason::OrderEscrow.into(), &who, escrow)
			.map_err(|_| Error::<T>::InsufficientBalance)?;

		let now = frame_system::Pallet::<T>::block_number();
		let order_id = NextOrderId::<T>::mutate(|id| {
			let current = *id;
			*id = id.saturating_add(1);
			current
		});
		let expires_at = now.saturating_add(T::ChallengePeriod::get().saturating_mul(periods.into()));
		let mut order = StorageOrder {
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
			rejections: 0,
		};
		Self::deposit_event(Event::OrderPlaced { order: order_id, owner: who, size, replicas, escrow });
		Self::assign_replicas(order_id, &mut order, now, None, replicas as usize);
		if !Self::fully_assigned(&order) {
			// Every other eligible provider is answering a challenge on its free sector: the
			// order stays `Pending` and gets its other replicas when the period closes.
			OrdersAwaitingRepair::<T>::try_mutate(|list| list.try_push(order_id))
				.map_err(|_| Error::<T>::TooManyOrdersWaiting)?;
		}
		Orders::<T>::insert(order_id, order);
		Ok(())
	}

	/// How many sectors of `provider` a new replica can go to now — its free sealed sectors,
	/// less the one under an open challenge (it must stay answerable until its deadline) — and
	/// which sector that challenge is on.
	fn assignable_sectors(provider: &T::AccountId, info: &ProviderInfo<BalanceOf<T>>) -> (u32, Option<SectorIndex>) {
		if info.free_sectors == 0 {
			return (0, None);
		}
		let challenged = Challenges::<T>::get(provider).map(|c| c.sector);
		let challenged_free = challenged.is_some_and(|sector| {
			Sectors::<T>::get(provider, sector)
				.is_some_and(|s| s.content == SectorContent::Empty && matches!(s.state, SectorState::Active { .. }))
		});
		(info.free_sectors.saturating_sub(challenged_free as u32), challenged)
	}

	/// Gives `order` up to `at_most` of its missing replicas: each goes to a provider drawn
	/// with chain randomness among those that can take one now (weighted by free sealed
	/// sectors that are not under challenge) and do not hold a replica of `order` yet (nor are
	/// `exclude`); one of its free sectors becomes the replica to seal. The candidates are read
	/// once. Returns how many replicas were assigned.
	fn assign_replicas(
		order_id: OrderId,
		order: &mut StorageOrder<T::AccountId, BalanceOf<T>, BlockNumberFor<T>, T::MaxCidLen, T::MaxReplicas>,
		now: BlockNumberFor<T>,
		exclude: Option<&T::AccountId>,
		at_most: usize,
	) -> usize {
		let wanted = (order.replicas as usize).min(order.holders.len().saturating_add(at_most));
		if order.holders.len() >= wanted || order.status == OrderStatus::Expired {
			return 0;
		}
		let before = order.holders.len();
		let mut candidates: Vec<(T::AccountId, u32, Option<SectorIndex>)> = ProviderList::<T>::get()
			.into_iter()
			.filter(|p| !order.holders.iter().any(|r| &r.provider == p) && Some(p) != exclude)
			.filter_map(|p| {
				let (assignable, challenged) = Providers::<T>::get(&p).map_or((0, None), |i| Self::assignable_sectors(&p, &i));
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
			// Never the sector of an open challenge (see `assignable_sectors`).
			let Some((sector, _)) = Sectors::<T>::iter_prefix(&provider).find(|(index, s)| {
				s.content == SectorContent::Empty &&
					matches!(s.state, SectorState::Active { .. }) &&
					Some(*index) != challenged
			}) else {
				continue;
			};
			if order.holders.try_push(Replica { provider: provider.clone(), sector, state: ReplicaState::Sealing }).is_err() {
				break;
			}
			Providers::<T>::mutate(&provider, |info| {
				if let Some(info) = info {
					info.free_sectors.saturating_dec();
					info.active_sectors.saturating_dec();
				}
			});
			let deadline = Self::sealing_deadline(now);
			let content = SectorContent::Data { order: order_id };
			let seed = sector_seed(&Self::provider_bytes(&provider), sector, order.data_root.as_fixed_bytes());
			Sectors::<T>::insert(&provider, sector, SectorInfo { content, state: SectorState::Sealing { deadline }, seed });
			Self::deposit_event(Event::ReplicaAssigned { order: order_id, provider: provider.clone(), sector });
			Self::deposit_event(Event::SectorSealingRequired { provider, sector, content, deadline });
		}
		order.holders.len().saturating_sub(before)
	}

	/// Whether every replica of `order` has a holder.
	fn fully_assigned(order: &StorageOrder<T::AccountId, BalanceOf<T>, BlockNumberFor<T>, T::MaxCidLen, T::MaxReplicas>) -> bool {
		order.holders.len() >= order.replicas as usize
	}

	/// Takes a lost replica away from `who` and gives it to another provider if one can take
	/// it; otherwise the order waits as `Faulty` (or, if even the waiting list is full, ends
	/// now with its escrow refunded: never dropped silently).
	fn repair_replica(order_id: OrderId, who: &T::AccountId, now: BlockNumberFor<T>) {
		let Some(mut order) = Orders::<T>::get(order_id) else { return };
		order.holders.retain(|r| &r.provider != who);
		if order.status == OrderStatus::Expired {
			Orders::<T>::insert(order_id, order);
			return;
		}
		// One replica, the lost one (others an order may miss are retried each period).
		let status = if Self::assign_replicas(order_id, &mut order, now, Some(who), 1) == 1 {
			OrderStatus::Repairing
		} else {
			let queued = OrdersAwaitingRepair::<T>::mutate(|list| list.contains(&order_id) || list.try_push(order_id).is_ok());
			if !queued {
				Orders::<T>::insert(order_id, order);
				Self::expire_order(order_id, now);
				return;
			}
			OrderStatus::Faulty
		};
		if order.status != status {
			order.status = status;
			Self::deposit_event(Event::OrderStatusChanged { order: order_id, status });
		}
		Orders::<T>::insert(order_id, order);
	}

	/// The provider cannot seal an assigned replica (the file is not on IPFS, or not what the
	/// order says). No strike; the replica goes to another provider, and after
	/// `MaxRejections` rejections the order ends with its escrow refunded.
	pub(crate) fn do_reject_replica(who: T::AccountId, sector: SectorIndex) -> DispatchResult {
		ensure!(Providers::<T>::contains_key(&who), Error::<T>::NotProvider);
		let entry = Sectors::<T>::get(&who, sector).ok_or(Error::<T>::UnknownSector)?;
		let SectorContent::Data { order: order_id } = entry.content else {
			return Err(Error::<T>::NotAReplica.into());
		};
		ensure!(matches!(entry.state, SectorState::Sealing { .. }), Error::<T>::NotSealing);
		let mut order = Orders::<T>::get(order_id).ok_or(Error::<T>::UnknownOrder)?;
		let now = frame_system::Pallet::<T>::block_number();
		Self::reseal_empty(&who, sector, now);
		order.rejections = order.rejections.saturating_add(1);
		let rejections = order.rejections;
		Orders::<T>::insert(order_id, order);
		Self::deposit_event(Event::ReplicaRejected { order: order_id, provider: who.clone(), sector, rejections });
		if rejections as u32 >= T::MaxRejections::get() {
			if let Some(mut order) = Orders::<T>::get(order_id) {
				order.holders.retain(|r| r.provider != who);
				Orders::<T>::insert(order_id, order);
			}
			Self::expire_order(order_id, now);
		} else {
			Self::repair_replica(order_id, &who, now);
		}
		Ok(())
	}

	fn expire_order(order_id: OrderId, now: BlockNumberFor<T>) {
		let Some(mut order) = Orders::<T>::get(order_id) else { return };
		if order.status == OrderStatus::Expired {
			return;
		}
		for replica in order.holders.iter() {
			let Some(sector) = Sectors::<T>::get(&replica.provider, replica.sector) else { continue };
			if sector.content != (SectorContent::Data { order: order_id }) {
				continue;
			}
			if matches!(sector.state, SectorState::Active { .. }) {
				Providers::<T>::mutate(&replica.provider, |info| {
					if let Some(info) = info {
						info.active_sectors.saturating_dec();
					}
				});
			}
			Self::reseal_empty(&replica.provider, replica.sector, now);
		}
		let refund = order.escrow;
		if !refund.is_zero() {
			let _ = T::Currency::release(&HoldReason::OrderEscrow.into(), &order.owner, refund, Precision::BestEffort);
		}
		order.escrow = Zero::zero();
		order.holders = BoundedVec::new();
		order.status = OrderStatus::Expired;
		Orders::<T>::insert(order_id, order);
		Self::deposit_event(Event::OrderExpired { order: order_id, refund });
		Self::deposit_event(Event::OrderStatusChanged { order: order_id, status: OrderStatus::Expired });
	}

	// ---------------------------------------------------------------- challenges

	pub(crate) fn do_submit_proof(
		who: T::AccountId,
		sector: SectorIndex,
		proofs: BoundedVec<LeafProof, T::LeavesPerChallenge>,
	) -> DispatchResult {
		let challenge = Challenges::<T>::get(&who).ok_or(Error::<T>::NoChallenge)?;
		ensure!(challenge.sector == sector, Error::<T>::WrongSector);
		ensure!(proofs.len() == challenge.leaves.len(), Error::<T>::ProofCountMismatch);
		ensure!(
			proofs.iter().zip(challenge.leaves.iter()).all(|(p, leaf)| p.index == *leaf),
			Error::<T>::WrongLeaf
		);
		let entry = Sectors::<T>::get(&who, sector).ok_or(Error::<T>::UnknownSector)?;
		let SectorState::Active { sealed_root } = entry.state else {
			return Err(Error::<T>::SectorNotActive.into());
		};
		let content = match entry.content {
			SectorContent::Empty => ProvenContent::Empty,
			SectorContent::Data { order } => {
				let order = Orders::<T>::get(order).ok_or(Error::<T>::UnknownOrder)?;
				let data_leaves = zkp_posp::data_leaf_count(order.size) as u32;
				ProvenContent::Data { data_root: order.data_root, data_leaves }
			},
		};
		let sealer = Self::sealer(&entry.seed);
		for proof in proofs.iter() {
			verify_leaf_proof(&sealer, &sealed_root, T::SectorLeaves::get(), content, proof)
				.map_err(Error::<T>::from)?;
		}
		Challenges::<T>::remove(&who);
		Providers::<T>::mutate(&who, |info| {
			if let Some(info) = info {
				info.strikes = 0;
			}
		});
		Self::deposit_event(Event::ProofVerified { provider: who, sector });
		Ok(())
	}

	/// Challenges up to `MaxChallengesPerPeriod` providers with active sectors: one random
	/// active sector each and `LeavesPerChallenge` random leaves. Returns the challenges issued
	/// and the sectors read.
	pub(crate) fn issue_challenges(now: BlockNumberFor<T>) -> (u32, u32) {
		let mut candidates: Vec<T::AccountId> = ProviderList::<T>::get()
			.into_iter()
			.filter(|p| Providers::<T>::get(p).is_some_and(|i| i.active_sectors > 0))
			.collect();
		let deadline = now.saturating_add(T::ChallengeDeadline::get());
		let mut issued = 0;
		let mut sectors_read = 0u32;
		while issued < T::MaxChallengesPerPeriod::get() && !candidates.is_empty() {
			let pick = (Self::draw(b"posp/provider") % candidates.len() as u64) as usize;
			let provider = candidates.swap_remove(pick);
			let active: Vec<SectorIndex> = Sectors::<T>::iter_prefix(&provider)
				.filter(|(_, s)| matches!(s.state, SectorState::Active { .. }))
				.map(|(i, _)| i)
				.collect();
			sectors_read.saturating_accrue(Providers::<T>::get(&provider).map_or(0, |i| i.sectors));
			if active.is_empty() {
				continue;
			}
			let sector = active[(Self::draw(b"posp/sector") % active.len() as u64) as usize];
			// A replica is challenged within its file (the rest of its sector holds zeros that
			// prove nothing about the file); committed capacity anywhere in the sector.
			let range = match Sectors::<T>::get(&provider, sector).map(|s| s.content) {
				Some(SectorContent::Data { order }) => Orders::<T>::get(order)
					.map_or(T::SectorLeaves::get() as u64, |o| zkp_posp::data_leaf_count(o.size))
					.clamp(1, T::SectorLeaves::get() as u64),
				_ => T::SectorLeaves::get() as u64,
			};
			let mut leaves = BoundedVec::<u32, T::LeavesPerChallenge>::new();
			for _ in 0..T::LeavesPerChallenge::get() {
				let _ = leaves.try_push((Self::draw(b"posp/leaf") % range) as u32);
			}
			Challenges::<T>::insert(&provider, Challenge { sector, leaves: leaves.clone(), deadline });
			Self::deposit_event(Event::ChallengeIssued { provider, sector, leaves, deadline });
			issued += 1;
		}
		if issued > 0 {
			ChallengeDeadlineAt::<T>::put(deadline);
		}
		(issued, sectors_read)
	}

	// ---------------------------------------------------------------- faults

	/// A fault: at most one strike per provider per period; the strike costs its share of the
	/// collateral; the sector is to be sealed again (empty), a replica in it goes elsewhere;
	/// three strikes in a row force the provider out.
	pub(crate) fn fault(who: &T::AccountId, sector: SectorIndex, reason: FaultReason, now: BlockNumberFor<T>) {
		let Some(mut info) = Providers::<T>::get(who) else { return };
		let mut slashed = Zero::zero();
		if !info.faulted_in_period {
			info.faulted_in_period = true;
			info.strikes = info.strikes.saturating_add(1);
			let penalty = strike_penalty(info.strikes) * info.collateral;
			if !penalty.is_zero() {
				slashed = T::Currency::burn_held(
					&HoldReason::Collateral.into(),
					who,
					penalty,
					Precision::BestEffort,
					Fortitude::Force,
				)
				.unwrap_or_default();
				info.collateral = info.collateral.saturating_sub(slashed);
			}
		}
		let strike = info.strikes;
		if let Some(entry) = Sectors::<T>::get(who, sector) {
			if matches!(entry.state, SectorState::Active { .. }) {
				info.active_sectors.saturating_dec();
				if entry.content == SectorContent::Empty {
					info.free_sectors.saturating_dec();
				}
			}
			Providers::<T>::insert(who, info.clone());
			Self::reseal_empty(who, sector, now);
			if let SectorContent::Data { order } = entry.content {
				Self::repair_replica(order, who, now);
			}
		} else {
			Providers::<T>::insert(who, info.clone());
		}
		Self::deposit_event(Event::ProviderFaulted { provider: who.clone(), sector, reason, strike, slashed });
		if strike >= STRIKES_TO_EXIT {
			Self::force_out(who, now);
		}
	}

	fn force_out(who: &T::AccountId, now: BlockNumberFor<T>) {
		let Some(info) = Providers::<T>::get(who) else { return };
		let orders: Vec<OrderId> = Sectors::<T>::iter_prefix_values(who)
			.filter_map(|s| match s.content {
				SectorContent::Data { order } => Some(order),
				SectorContent::Empty => None,
			})
			.collect();
		Self::remove_provider(who, &info);
		for order in orders {
			Self::repair_replica(order, who, now);
		}
		Self::deposit_event(Event::ProviderForcedOut { provider: who.clone(), released: info.collateral });
	}

	// ---------------------------------------------------------------- blocks and periods

	/// Per block: expire unanswered challenges after their deadline; at a period boundary,
	/// close the period and issue the next challenges. Returns the weight used.
	pub(crate) fn on_block(now: BlockNumberFor<T>) -> Weight {
		let mut weight = T::DbWeight::get().reads_writes(2, 1);
		DrawNonce::<T>::kill();
		if let Some(deadline) = ChallengeDeadlineAt::<T>::get() {
			if now > deadline {
				ChallengeDeadlineAt::<T>::kill();
				let expired: Vec<_> = Challenges::<T>::drain().collect();
				weight.saturating_accrue(T::WeightInfo::expire_challenges(expired.len() as u32));
				for (provider, challenge) in expired {
					Self::fault(&provider, challenge.sector, FaultReason::MissedChallenge, now);
				}
			}
		}
		let period = T::ChallengePeriod::get();
		if !now.is_zero() && (now % period).is_zero() {
			let (sectors, retried) = Self::close_period(now);
			let (challenged, sectors_read) = Self::issue_challenges(now);
			weight.saturating_accrue(T::WeightInfo::close_period(sectors));
			// A retried order costs at most what placing it with every replica to draw does.
			let providers = ProviderList::<T>::decode_len().unwrap_or(0) as u32;
			let retry = T::WeightInfo::place_order(T::MaxReplicas::get(), providers.max(T::MaxReplicas::get()));
			weight.saturating_accrue(retry.saturating_mul(retried.into()));
			weight.saturating_accrue(T::WeightInfo::issue_challenges(challenged));
			// The benchmark's providers have one sector each; count the others' reads.
			weight.saturating_accrue(T::DbWeight::get().reads(sectors_read.saturating_sub(challenged).into()));
		}
		weight
	}

	/// Ends a period: faults sectors past their sealing deadline, pays rewards and order
	/// prices, expires orders, retries waiting orders and updates scores. Returns the sectors
	/// visited and the waiting orders retried.
	pub(crate) fn close_period(now: BlockNumberFor<T>) -> (u32, u32) {
		let providers = ProviderList::<T>::get();
		let mut visited = 0u32;
		// 1. Sealing deadlines.
		for provider in providers.iter() {
			let late: Vec<SectorIndex> = Sectors::<T>::iter_prefix(provider)
				.filter(|(_, s)| matches!(s.state, SectorState::Sealing { deadline } if deadline < now))
				.map(|(i, _)| i)
				.collect();
			for sector in late {
				Self::fault(provider, sector, FaultReason::MissedSealing, now);
			}
		}
		// 2. Rewards for proven bytes, and order prices for active replicas.
		let providers = ProviderList::<T>::get();
		let sector_bytes = Self::sector_bytes();
		let proven = |i: &ProviderInfo<BalanceOf<T>>| {
			if i.faulted_in_period { 0 } else { i.active_sectors as u64 * sector_bytes }
		};
		let total: u64 = providers.iter().filter_map(Providers::<T>::get).map(|i| proven(&i)).sum();
		let mut expiring: Vec<OrderId> = Vec::new();
		let mut rewarded = 0u32;
		for provider in providers.iter() {
			let Some(mut info) = Providers::<T>::get(provider) else { continue };
			let bytes = proven(&info);
			let mut payments: BalanceOf<T> = Zero::zero();
			for (_, sector) in Sectors::<T>::iter_prefix(provider) {
				visited.saturating_inc();
				let SectorContent::Data { order: order_id } = sector.content else { continue };
				let Some(mut order) = Orders::<T>::get(order_id) else { continue };
				if bytes > 0 && matches!(sector.state, SectorState::Active { .. }) {
					let price = order.price_per_period.min(order.escrow);
					let paid = !price.is_zero() &&
						T::Currency::transfer_on_hold(
							&HoldReason::OrderEscrow.into(),
							&order.owner,
							provider,
							price,
							Precision::Exact,
							Restriction::Free,
							Fortitude::Force,
						)
						.is_ok();
					if paid {
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
			if bytes > 0 && total > 0 {
				let mut reward = Perbill::from_rational(bytes, total) * T::RewardPerPeriod::get();
				if T::Currency::mint_into(provider, reward).is_err() {
					reward = Zero::zero();
				}
				rewarded += 1;
				Self::deposit_event(Event::ProviderRewarded {
					provider: provider.clone(),
					proven_bytes: bytes,
					reward,
					order_payments: payments,
				});
			}
			info.score = info.score.saturating_sub(info.score / 4).saturating_add(bytes as u128 / 4);
			info.faulted_in_period = false;
			Providers::<T>::insert(provider, info);
		}
		// 3. Expiries, then the orders waiting for providers: a bounded batch per period, the
		// rest keeping their turn (each retried order is an expiry or an assignment).
		for order_id in expiring.iter() {
			Self::expire_order(*order_id, now);
		}
		let mut batch = OrdersAwaitingRepair::<T>::take().into_inner();
		let mut still_waiting = batch.split_off(batch.len().min(RETRIES_PER_PERIOD as usize));
		let retried = batch.len() as u32;
		for order_id in batch {
			let Some(mut order) = Orders::<T>::get(order_id) else { continue };
			if order.status == OrderStatus::Expired {
				continue;
			}
			if order.expires_at <= now {
				Self::expire_order(order_id, now);
				continue;
			}
			let missing = order.replicas as usize;
			Self::assign_replicas(order_id, &mut order, now, None, missing);
			if !Self::fully_assigned(&order) {
				still_waiting.push(order_id);
			} else if order.status == OrderStatus::Faulty {
				// A new order that waited for its last replicas stays `Pending`.
				order.status = OrderStatus::Repairing;
				Self::deposit_event(Event::OrderStatusChanged { order: order_id, status: OrderStatus::Repairing });
			}
			Orders::<T>::insert(order_id, order);
		}
		OrdersAwaitingRepair::<T>::put(BoundedVec::truncate_from(still_waiting));
		Self::deposit_event(Event::PeriodClosed { block: now, proven_bytes: total, providers_rewarded: rewarded });
		(visited, retried)
	}
}

impl<T: Config> From<ProofError> for Error<T> {
	fn from(e: ProofError) -> Self {
		match e {
			ProofError::LeafOutOfRange => Error::<T>::LeafOutOfRange,
			ProofError::SealedPathMismatch => Error::<T>::SealedPathMismatch,
			ProofError::PreviousLeafMismatch | ProofError::PreviousPathMismatch => Error::<T>::PreviousLeafMismatch,
			ProofError::ParentMismatch => Error::<T>::ParentLeafMismatch,
			ProofError::Unseal(_) => Error::<T>::UnsealFailed,
			ProofError::DataPathMismatch => Error::<T>::DataMismatch,
			ProofError::NotEmpty => Error::<T>::NotEmpty,
		}
	}
}

impl<T: Config> zkp_primitives::posp::StorageContribution<T::AccountId> for Pallet<T> {
	fn storage_score(who: &T::AccountId) -> u128 {
		Providers::<T>::get(who).map(|i| i.score).unwrap_or(0)
	}

	fn total_storage_score() -> u128 {
		ProviderList::<T>::get().iter().filter_map(Providers::<T>::get).map(|i| i.score).sum()
	}
}
