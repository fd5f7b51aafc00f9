//! Challenges: issued at each period boundary from chain randomness, answered by the
//! provider's off-chain worker, faulted when unanswered.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;
use zkp_posp::proof::{verify_leaf_proof, LeafProof, SectorContent as ProvenContent};

impl<T: Config> Pallet<T> {
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
		let mut entry = Sectors::<T>::get(&who, sector).ok_or(Error::<T>::UnknownSector)?;
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
		let newly_proven = !entry.proven;
		if newly_proven {
			entry.proven = true;
			Sectors::<T>::insert(&who, sector, entry);
		}
		Providers::<T>::mutate(&who, |info| {
			if let Some(info) = info {
				info.strikes = 0;
				if newly_proven {
					info.proven_sectors.saturating_inc();
				}
			}
		});
		Self::deposit_event(Event::ProofVerified { provider: who, sector });
		Ok(())
	}

	/// Withdraws the challenge open on `sector` of `who`, if any (the chain is taking the
	/// sector away: nobody can answer for it any more).
	pub(crate) fn withdraw_challenge_on(who: &T::AccountId, sector: SectorIndex) {
		Challenges::<T>::mutate_exists(who, |challenge| {
			if challenge.as_ref().is_some_and(|c| c.sector == sector) {
				*challenge = None;
			}
		});
	}

	/// Faults every challenge left unanswered past its deadline. Returns how many, and the
	/// replicas forced exits sent to the waiting list.
	pub(crate) fn expire_challenges(now: BlockNumberFor<T>) -> (u32, u32) {
		ChallengeDeadlineAt::<T>::kill();
		let expired: Vec<_> = Challenges::<T>::drain().collect();
		let count = expired.len() as u32;
		let mut sent_away = 0u32;
		for (provider, challenge) in expired {
			sent_away.saturating_accrue(Self::fault(
				&provider,
				challenge.sector,
				FaultReason::MissedChallenge,
				now,
			));
		}
		(count, sent_away)
	}

	/// Challenges up to `MaxChallengesPerPeriod` providers with active sectors: one random
	/// active sector each and `LeavesPerChallenge` random leaves. The answer window runs from
	/// the block whose VRF output picked the challenge (from when anyone could compute it),
	/// not from the block that records it. Returns the challenges issued and the sectors read.
	pub(crate) fn issue_challenges(now: BlockNumberFor<T>) -> (u32, u32) {
		let mut candidates: Vec<T::AccountId> = ProviderList::<T>::get()
			.into_iter()
			.filter(|p| Providers::<T>::get(p).is_some_and(|i| i.active_sectors > 0))
			.collect();
		let known = Self::randomness_block().min(now);
		let deadline = known.saturating_add(T::ChallengeDeadline::get()).max(now);
		let mut issued = 0;
		let mut sectors_read = 0u32;
		while issued < T::MaxChallengesPerPeriod::get() && !candidates.is_empty() {
			let pick = (Self::draw(b"posp/provider") % candidates.len() as u64) as usize;
			let provider = candidates.swap_remove(pick);
			sectors_read.saturating_accrue(Providers::<T>::get(&provider).map_or(0, |i| i.sectors));
			if Self::challenge(&provider, deadline) {
				issued += 1;
			}
		}
		if issued > 0 {
			ChallengeDeadlineAt::<T>::put(deadline);
		}
		(issued, sectors_read)
	}

	/// Challenges one random active sector of `provider`. Returns whether it had one.
	fn challenge(provider: &T::AccountId, deadline: BlockNumberFor<T>) -> bool {
		let active: Vec<SectorIndex> = Sectors::<T>::iter_prefix(provider)
			.filter(|(_, s)| matches!(s.state, SectorState::Active { .. }))
			.map(|(i, _)| i)
			.collect();
		if active.is_empty() {
			return false;
		}
		let sector = active[(Self::draw(b"posp/sector") % active.len() as u64) as usize];
		// A replica is challenged within its file (the rest of its sector holds zeros that
		// prove nothing about the file); committed capacity anywhere in the sector.
		let range = match Sectors::<T>::get(provider, sector).map(|s| s.content) {
			Some(SectorContent::Data { order }) => Orders::<T>::get(order)
				.map_or(T::SectorLeaves::get() as u64, |o| zkp_posp::data_leaf_count(o.size))
				.clamp(1, T::SectorLeaves::get() as u64),
			_ => T::SectorLeaves::get() as u64,
		};
		let mut leaves = BoundedVec::<u32, T::LeavesPerChallenge>::new();
		for _ in 0..T::LeavesPerChallenge::get() {
			let _ = leaves.try_push((Self::draw(b"posp/leaf") % range) as u32);
		}
		Challenges::<T>::insert(provider, Challenge { sector, leaves: leaves.clone(), deadline });
		Self::deposit_event(Event::ChallengeIssued {
			provider: provider.clone(),
			sector,
			leaves,
			deadline,
		});
		true
	}
}
