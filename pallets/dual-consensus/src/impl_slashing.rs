//! Offences (BABE and GRANDPA equivocations, through `pallet-offences`): the fraction is
//! burned from the offender's *held* bond, once per session up to the highest fraction
//! reported; the offender is chilled, barred from elections for `SlashBarSessions`, and
//! disabled for the rest of the session.

use crate::{pallet::*, types::*, DisableValidator, WeightInfo};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision},
	},
};
use sp_runtime::{traits::Saturating, Perbill};
use sp_staking::{
	offence::{OffenceDetails, OnOffenceHandler},
	SessionIndex,
};

impl<T: Config> Pallet<T> {
	/// Slashes `who` for an offence of `session` with `fraction` of its bond (as it was before
	/// this session's slashes), by what exceeds what was slashed for that session already.
	/// Returns whether anything changed.
	pub(crate) fn slash(who: &T::AccountId, fraction: Perbill, session: SessionIndex) -> bool {
		let (already, slashed) = SlashedFractions::<T>::get(session, who);
		if fraction <= already {
			return false;
		}
		let Some(mut candidate) = Candidates::<T>::get(who) else {
			SlashedFractions::<T>::insert(session, who, (fraction, slashed));
			return true;
		};
		let amount = (fraction * candidate.bond.saturating_add(slashed)).saturating_sub(slashed);
		let burned = T::Currency::burn_held(
			&HoldReason::Bond.into(),
			who,
			amount,
			Precision::BestEffort,
			Fortitude::Force,
		)
		.unwrap_or_default();
		candidate.bond = candidate.bond.saturating_sub(burned);
		SlashedFractions::<T>::insert(session, who, (fraction, slashed.saturating_add(burned)));
		candidate.barred_until =
			CurrentSession::<T>::get().saturating_add(T::SlashBarSessions::get());
		let was_validating = candidate.intent == Intent::Validate;
		if was_validating {
			candidate.intent = Intent::Idle;
		}
		Candidates::<T>::insert(who, candidate);
		T::Disabler::disable(who, fraction);
		Self::deposit_event(Event::Slashed { who: who.clone(), amount: burned, session });
		if was_validating {
			Self::deposit_event(Event::Chilled { who: who.clone(), reason: ChillReason::Slashed });
		}
		log::warn!(target: "runtime::dual-consensus", "{who:?} slashed {burned:?} ({fraction:?})");
		true
	}
}

impl<T: Config, FullIdentification>
	OnOffenceHandler<T::AccountId, (T::AccountId, FullIdentification), Weight> for Pallet<T>
{
	fn on_offence(
		offenders: &[OffenceDetails<T::AccountId, (T::AccountId, FullIdentification)>],
		slash_fraction: &[Perbill],
		session: SessionIndex,
	) -> Weight {
		let mut weight = Weight::zero();
		for (details, fraction) in offenders.iter().zip(slash_fraction) {
			weight.saturating_accrue(T::WeightInfo::slash());
			Self::slash(&details.offender.0, *fraction, session);
		}
		weight
	}
}
