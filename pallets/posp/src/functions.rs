//! What every part of the pallet's logic shares: draws from chain randomness, sector sizes and
//! seeds, the per-block hook, the invariants (`try_state`) and the contribution score.
//!
//! The logic itself is split by concern: [`crate::impl_providers`] (registration, sealing,
//! leaving), [`crate::impl_orders`] (orders and replica assignment), [`crate::impl_challenges`]
//! (challenges and answers), [`crate::impl_faults`] (strikes and slashing) and
//! [`crate::impl_rewards`] (the period close).

use crate::{pallet::*, types::*, WeightInfo};
use codec::Encode;
use frame_support::{pallet_prelude::*, traits::Randomness};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Saturating, Zero},
	Perbill,
};
use zkp_posp::{proof::ProofError, sector_seed, Sealer, LEAF_DATA_BYTES};

/// Part of the remaining collateral a strike costs: 5 %, 10 %, then 15 % (and out). The first
/// strike is not free: a provider that confirms a root it cannot open pays for the challenge
/// it wasted, however often it registers again.
pub fn strike_penalty(strike: u8) -> Perbill {
	match strike {
		0 => Perbill::zero(),
		1 => Perbill::from_percent(5),
		2 => Perbill::from_percent(10),
		_ => Perbill::from_percent(15),
	}
}

/// Strikes in a row that force a provider out.
pub const STRIKES_TO_EXIT: u8 = 3;

/// Waiting orders one block assigns at most (the rest wait their turn): bounds the work in
/// `on_initialize` however long the waiting list is.
pub const ASSIGNMENTS_PER_BLOCK: u32 = 8;

/// Missed-sealing faults one period close handles at most (each may reassign a replica); the
/// rest are handled when the next period closes.
pub const SEALING_FAULTS_PER_PERIOD: u32 = 16;

/// Expired orders kept readable until their period closes, at most; past that an expired
/// order is removed at once.
pub const MAX_EXPIRED_KEPT: u32 = 256;

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

	pub(crate) fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// The block whose VRF output the randomness comes from (the parent block in the
	/// runtime): a request queued in that block or later must wait, since that block's author
	/// knew the randomness when it included the request.
	pub(crate) fn randomness_block() -> BlockNumberFor<T> {
		T::Randomness::random(b"posp/known-since").1
	}

	/// A fresh 64-bit draw: this block's randomness, the subject and a per-block counter.
	pub(crate) fn draw(subject: &[u8]) -> u64 {
		let nonce = DrawNonce::<T>::mutate(|n| {
			*n = n.wrapping_add(1);
			*n
		});
		let (seed, _) = T::Randomness::random(subject);
		let hash = sp_io::hashing::blake2_256(&(seed, nonce, subject).encode());
		u64::from_le_bytes([hash[0], hash[1], hash[2], hash[3], hash[4], hash[5], hash[6], hash[7]])
	}

	pub(crate) fn sealing_deadline(now: BlockNumberFor<T>) -> BlockNumberFor<T> {
		now.saturating_add(T::SealDeadline::get())
	}

	/// Updates a provider's counters for a sector that stops being active (it is resealed or
	/// handed a replica): it is no longer challenged, free or proven.
	pub(crate) fn deactivate(
		info: &mut ProviderInfo<BalanceOf<T>>,
		sector: &SectorInfo<BlockNumberFor<T>>,
	) {
		if matches!(sector.state, SectorState::Active { .. }) {
			info.active_sectors.saturating_dec();
			if sector.content == SectorContent::Empty {
				info.free_sectors.saturating_dec();
			}
			if sector.proven {
				info.proven_sectors.saturating_dec();
			}
		}
	}

	/// Puts `sector` of `who` back to sealing committed capacity. A challenge open on it is
	/// withdrawn: the chain took the sector away, so its provider cannot answer for it.
	pub(crate) fn reseal_empty(who: &T::AccountId, sector: SectorIndex, now: BlockNumberFor<T>) {
		Self::withdraw_challenge_on(who, sector);
		let deadline = Self::sealing_deadline(now);
		let seed = sector_seed(&Self::provider_bytes(who), sector, &[0; 32]);
		let content = SectorContent::Empty;
		let state = SectorState::Sealing { deadline };
		Sectors::<T>::insert(who, sector, SectorInfo { content, state, seed, proven: false });
		Self::deposit_event(Event::SectorSealingRequired {
			provider: who.clone(),
			sector,
			content,
			deadline,
		});
	}

	/// Per block: assign waiting orders; expire unanswered challenges after their deadline;
	/// at a period boundary, close the period and issue the next challenges. Returns the
	/// weight used.
	pub(crate) fn on_block(now: BlockNumberFor<T>) -> Weight {
		let mut weight = T::DbWeight::get().reads_writes(3, 2);
		DrawNonce::<T>::kill();
		let providers = ProviderList::<T>::decode_len().unwrap_or(0) as u32;
		let assigned = Self::assign_waiting(now);
		weight
			.saturating_accrue(Self::assignment_weight(providers).saturating_mul(assigned.into()));
		if let Some(deadline) = ChallengeDeadlineAt::<T>::get() {
			if now > deadline {
				let (expired, sent_away) = Self::expire_challenges(now);
				weight.saturating_accrue(T::WeightInfo::expire_challenges(expired));
				let repairs = expired.saturating_add(sent_away);
				weight.saturating_accrue(
					T::WeightInfo::fault_with_repair(providers).saturating_mul(repairs.into()),
				);
			}
		}
		let period = T::ChallengePeriod::get();
		if !now.is_zero() && (now % period).is_zero() {
			let closed = Self::close_period(now);
			let (challenged, sectors_read) = Self::issue_challenges(now);
			weight.saturating_accrue(T::WeightInfo::close_period(closed.sectors_visited));
			let repairs = closed.faults.saturating_add(closed.sent_away);
			weight.saturating_accrue(
				T::WeightInfo::fault_with_repair(providers).saturating_mul(repairs.into()),
			);
			weight.saturating_accrue(T::DbWeight::get().writes(closed.orders_removed.into()));
			weight.saturating_accrue(Self::expiry_weight().saturating_mul(closed.expired.into()));
			weight.saturating_accrue(T::WeightInfo::issue_challenges(challenged));
			// The benchmark's providers have one sector each; count the others' reads.
			weight.saturating_accrue(
				T::DbWeight::get().reads(sectors_read.saturating_sub(challenged).into()),
			);
		}
		weight
	}

	/// What expiring one order costs at most: its record, every replica's sector and
	/// provider resealed, the escrow released and the expired list (not benchmarked on its
	/// own: counted in database operations, which dominate it).
	pub(crate) fn expiry_weight() -> Weight {
		let per_replica = 3u64.saturating_mul(T::MaxReplicas::get() as u64);
		T::DbWeight::get()
			.reads_writes(5u64.saturating_add(per_replica), 5u64.saturating_add(per_replica))
	}

	/// What assigning one waiting order costs at most: placing it with every replica to draw.
	pub(crate) fn assignment_weight(providers: u32) -> Weight {
		let sector_reads =
			(T::MaxReplicas::get() as u64).saturating_mul(T::MaxSectorsPerProvider::get() as u64);
		T::WeightInfo::place_order(T::MaxReplicas::get(), providers.max(T::MaxReplicas::get()))
			.saturating_add(T::DbWeight::get().reads(sector_reads))
	}

	/// The pallet's invariants: every held balance equals what the pallet's records say it
	/// backs, and every counter equals what it counts.
	#[cfg(any(test, feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::traits::fungible::InspectHold;
		let list = ProviderList::<T>::get();
		ensure!(
			list.len() == Providers::<T>::iter_keys().count(),
			"ProviderList differs from Providers"
		);
		for provider in list.iter() {
			let info = Providers::<T>::get(provider).ok_or("listed provider not registered")?;
			let sectors: alloc::vec::Vec<_> = Sectors::<T>::iter_prefix_values(provider).collect();
			let active =
				|s: &&SectorInfo<BlockNumberFor<T>>| matches!(s.state, SectorState::Active { .. });
			ensure!(sectors.len() as u32 == info.sectors, "sector count");
			ensure!(
				sectors.iter().filter(active).count() as u32 == info.active_sectors,
				"active sectors"
			);
			ensure!(
				sectors
					.iter()
					.filter(active)
					.filter(|s| s.content == SectorContent::Empty)
					.count() as u32 == info.free_sectors,
				"free sectors"
			);
			ensure!(
				sectors.iter().filter(active).filter(|s| s.proven).count() as u32 ==
					info.proven_sectors,
				"proven"
			);
			ensure!(
				sectors.iter().all(|s| s.proven <= active(&s)),
				"a sealing sector is never proven"
			);
			ensure!(!Departures::<T>::contains_key(provider), "a registered provider is departing");
		}
		for (provider, challenge) in Challenges::<T>::iter() {
			let sector =
				Sectors::<T>::get(&provider, challenge.sector).ok_or("challenge on no sector")?;
			ensure!(
				matches!(sector.state, SectorState::Active { .. }),
				"challenge on an inactive sector"
			);
		}
		let mut escrow = alloc::vec::Vec::new();
		for (id, order) in Orders::<T>::iter() {
			escrow.push((order.owner.clone(), order.escrow));
			ensure!(order.holders.len() <= order.replicas as usize, "more holders than replicas");
			for replica in order.holders.iter() {
				let sector = Sectors::<T>::get(&replica.provider, replica.sector)
					.ok_or("replica in no sector")?;
				ensure!(
					sector.content == (SectorContent::Data { order: id }),
					"replica sector holds other data"
				);
			}
			if order.status == OrderStatus::Expired {
				ensure!(
					order.escrow.is_zero() && order.holders.is_empty(),
					"expired order holds escrow or replicas"
				);
			}
		}
		for (owner, total) in zkp_primitives::totals_by_owner(escrow) {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::OrderEscrow.into(), &owner) == total,
				"escrow held"
			);
		}
		for provider in list.iter() {
			let info = Providers::<T>::get(provider).ok_or("listed provider not registered")?;
			let held = T::Currency::balance_on_hold(&HoldReason::Collateral.into(), provider);
			ensure!(held == info.collateral, "collateral held");
		}
		for (provider, departure) in Departures::<T>::iter() {
			let held = T::Currency::balance_on_hold(&HoldReason::Collateral.into(), &provider);
			ensure!(held == departure.collateral, "departing collateral held");
		}
		for (order, _) in OrdersAwaitingRepair::<T>::get() {
			ensure!(Orders::<T>::contains_key(order), "waiting order does not exist");
		}
		Ok(())
	}
}

impl<T: Config> From<ProofError> for Error<T> {
	fn from(e: ProofError) -> Self {
		match e {
			ProofError::LeafOutOfRange => Error::<T>::LeafOutOfRange,
			ProofError::SealedPathMismatch => Error::<T>::SealedPathMismatch,
			ProofError::PreviousLeafMismatch | ProofError::PreviousPathMismatch =>
				Error::<T>::PreviousLeafMismatch,
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
		ProviderList::<T>::get()
			.iter()
			.filter_map(Providers::<T>::get)
			.map(|i| i.score)
			.sum()
	}

	fn storage_contributors() -> alloc::vec::Vec<(T::AccountId, u128)> {
		ProviderList::<T>::get()
			.into_iter()
			.filter_map(|who| Providers::<T>::get(&who).map(|i| (who, i.score)))
			.filter(|(_, score)| *score > 0)
			.collect()
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_storage_score(who: &T::AccountId, score: u128) {
		let mut info = Providers::<T>::get(who).unwrap_or_default();
		info.score = score;
		Providers::<T>::insert(who, info);
		ProviderList::<T>::mutate(|list| {
			if !list.contains(who) {
				let _ = list.try_push(who.clone());
			}
		});
	}
}
