//! `pallet_offences`: receives BABE and GRANDPA equivocation reports (each backed by a session
//! key-ownership proof) and hands each offence to [`SlashValidatorBond`].
//!
//! Until validator bonds come from PoI/PoSp stakes (a later issue), every validator answers for
//! a fixed [`ValidatorBond`]: an offence with slash fraction `f` slashes `f × ValidatorBond`
//! from the offender's balance (burned, `Balances::Slashed` event) and asks `pallet-session`'s
//! disabling strategy to disable it.

use crate::{constants::UNITS, AccountId, Balance, Balances, Runtime, RuntimeEvent, Session};
use frame_support::{
	parameter_types,
	traits::Currency,
	weights::Weight,
};
use sp_runtime::Perbill;
use sp_staking::{
	offence::{OffenceDetails, OffenceSeverity, OnOffenceHandler},
	SessionIndex,
};

parameter_types! {
	/// What a validator answers for: a 100% offence slashes this much.
	pub const ValidatorBond: Balance = 1_000 * UNITS;
}

impl pallet_offences::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type IdentificationTuple = pallet_session::historical::IdentificationTuple<Self>;
	type OnOffenceHandler = SlashValidatorBond;
}

/// Slashes `slash_fraction × ValidatorBond` from each offender and reports it for disabling.
pub struct SlashValidatorBond;

impl SlashValidatorBond {
	/// The amount an offence with `fraction` costs.
	pub fn slash_amount(fraction: Perbill) -> Balance {
		fraction * ValidatorBond::get()
	}
}

impl OnOffenceHandler<AccountId, (AccountId, ()), Weight> for SlashValidatorBond {
	fn on_offence(
		offenders: &[OffenceDetails<AccountId, (AccountId, ())>],
		slash_fraction: &[Perbill],
		_session: SessionIndex,
	) -> Weight {
		let db = <Runtime as frame_system::Config>::DbWeight::get();
		let mut weight = Weight::zero();
		for (details, fraction) in offenders.iter().zip(slash_fraction) {
			let (validator, ()) = &details.offender;
			let amount = Self::slash_amount(*fraction);
			// `slash` takes what it can (never below zero) and emits `Balances::Slashed`; the
			// negative imbalance is dropped, which burns it.
			let (_burned, _unslashed) = <Balances as Currency<AccountId>>::slash(validator, amount);
			Session::report_offence(validator.clone(), OffenceSeverity(*fraction));
			log::warn!(
				target: "runtime::offences",
				"validator {:?} slashed {:?} for an offence ({:?})",
				validator,
				amount,
				fraction
			);
			weight = weight.saturating_add(db.reads_writes(4, 4));
		}
		weight
	}
}
