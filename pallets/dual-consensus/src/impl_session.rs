//! The pallet as the session pallet's `SessionManager` and as `pallet-authorship`'s event
//! handler: sessions elect, end (offline accounting, the era's payout, pruning) and start;
//! every block's author is counted.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Saturating, SaturatedConversion};
use sp_staking::SessionIndex;

impl<T: Config> Pallet<T> {
	/// Ends `session`: its blocks become era weight, offline validators are counted (and
	/// chilled after too many), the era's emission is paid if the era ends, slash records of
	/// the session whose offences can no longer be proven go.
	pub(crate) fn end_of_session(session: SessionIndex) {
		Self::account_offline(session);
		Self::add_session_weights(session);
		let (era, era_start) = CurrentEra::<T>::get();
		let next = session.saturating_add(1);
		if next.saturating_sub(era_start) >= T::SessionsPerEra::get() {
			Self::pay_era(era);
			CurrentEra::<T>::put((era.saturating_add(1), next));
		}
		// `historical` keeps the roots of the last `OffenceWindow + 1` sessions (it prunes
		// below `session - OffenceWindow` here): the same session's records go now.
		if let Some(expired) = session.checked_sub(T::OffenceWindow::get().saturating_add(1)) {
			let _ = SlashedFractions::<T>::clear_prefix(expired, u32::MAX, None);
		}
	}

	/// Starts `session` with the set elected for it; its members are on record as active.
	pub(crate) fn start_of_session(session: SessionIndex) {
		CurrentSession::<T>::put(session);
		if let Some(set) = PlannedSets::<T>::take(session) {
			ActiveValidators::<T>::put(set);
		}
		for who in ActiveValidators::<T>::get().iter() {
			Candidates::<T>::mutate(who, |c| {
				if let Some(c) = c {
					c.last_active = session;
				}
			});
		}
		// Sets planned for sessions that already began can no longer start.
		let stale: Vec<SessionIndex> =
			PlannedSets::<T>::iter_keys().filter(|s| *s < session).collect();
		for s in stale {
			PlannedSets::<T>::remove(s);
		}
	}

	/// Elects and records the set for `session`.
	pub(crate) fn plan_session(session: SessionIndex) -> Vec<T::AccountId> {
		let set = Self::elect(session);
		PlannedSets::<T>::insert(session, &set);
		set.into_inner()
	}

	/// Turns each author's blocks of the ending session into era weight: blocks × its
	/// effective stake now. A validator barred by a slash earns nothing.
	fn add_session_weights(session: SessionIndex) {
		let totals = Self::work_totals();
		let authors: Vec<(T::AccountId, Authored)> = AuthoredBlocks::<T>::iter().collect();
		for (who, mut authored) in authors {
			let weight = match Candidates::<T>::get(&who) {
				Some(c) if c.barred_until <= session => {
					let effective = Self::rank_of(who.clone(), c.bond, &totals).effective;
					effective.saturated_into::<u128>().saturating_mul(authored.session as u128)
				},
				_ => 0,
			};
			authored.era_weight.saturating_accrue(weight);
			authored.session = 0;
			AuthoredBlocks::<T>::insert(&who, authored);
		}
	}

	/// A validator that authored nothing in a session where it held slots — the session
	/// produced at least as many blocks as there are validators — missed `produced / n`
	/// expected slots. After `MaxOfflineSessions` such sessions in a row, adding up to at
	/// least `OFFLINE_MISSED_SLOTS` expected slots (so that missing them all by chance has a
	/// probability of about e^-12), it is chilled. Authoring a block resets both counts.
	fn account_offline(session: SessionIndex) {
		let active = ActiveValidators::<T>::get();
		let n = active.len() as u32;
		let produced = SessionBlocks::<T>::take();
		let held_slots = n > 0 && produced >= n;
		let expected_milli = produced.saturating_mul(1000).checked_div(n).unwrap_or(0);
		for who in active.iter() {
			let Some(mut c) = Candidates::<T>::get(who) else { continue };
			if AuthoredBlocks::<T>::get(who).session > 0 {
				c.offline_sessions = 0;
				c.missed_slots_milli = 0;
			} else if held_slots {
				c.offline_sessions.saturating_inc();
				c.missed_slots_milli.saturating_accrue(expected_milli);
				log::info!(target: "runtime::dual-consensus", "{who:?} offline in session {session}");
			}
			let chill = c.offline_sessions >= T::MaxOfflineSessions::get() &&
				c.missed_slots_milli >= crate::OFFLINE_MISSED_SLOTS * 1000 &&
				c.intent == Intent::Validate;
			Candidates::<T>::insert(who, c);
			if chill {
				let _ = Self::do_chill(who, ChillReason::Offline);
			}
		}
	}

	/// Counts a block for its author.
	pub(crate) fn note_block_author(author: &T::AccountId) {
		AuthoredBlocks::<T>::mutate(author, |a| {
			a.era.saturating_inc();
			a.session.saturating_inc();
		});
		SessionBlocks::<T>::mutate(|n| n.saturating_inc());
	}
}

impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		Some(Self::plan_session(new_index))
	}

	fn new_session_genesis(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		// Sessions 0 and 1 are planned at genesis; `start_session(0)` follows. Without bonded
		// candidates (this pallet's genesis must come first) the session pallet's own keys
		// decide, rather than an empty set.
		if CandidateList::<T>::decode_len().unwrap_or(0) == 0 {
			return None;
		}
		Some(Self::plan_session(new_index))
	}

	fn end_session(end_index: SessionIndex) {
		Self::end_of_session(end_index)
	}

	fn start_session(start_index: SessionIndex) {
		Self::start_of_session(start_index)
	}
}

impl<T: Config> pallet_authorship::EventHandler<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	fn note_author(author: T::AccountId) {
		Self::note_block_author(&author)
	}
}
