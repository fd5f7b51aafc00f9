//! `pallet_offences`: receives BABE and GRANDPA equivocation reports (each backed by a session
//! key-ownership proof) and hands each offence to [`SlashValidatorBond`].
//!
//! Until validator bonds come from PoI/PoSp stakes (a later issue), every validator answers for
//! a fixed [`ValidatorBond`]: an offence with slash fraction `f` in session `s` slashes the
//! validator up to `f × ValidatorBond` for that session (burned, `Balances::Slashed` event) and
//! asks `pallet-session`'s disabling strategy to disable it. `pallet-offences` reports every
//! offender of a time slot again whenever another one joins; [`SlashedFractions`] remembers
//! the highest fraction already slashed per session and validator, so a validator is slashed
//! only by the difference. Entries older than [`super::session::HISTORY_DEPTH`] sessions are
//! dropped with the historical session roots (after which no offence can be proven anyway).
//!
//! Known limit until bonds are held: the slash takes free balance, so a validator that moved
//! its funds away escapes it.

use crate::{constants::UNITS, AccountId, Balance, Balances, Runtime, RuntimeEvent, Session};
use frame_support::{
	parameter_types, storage_alias, traits::Currency, weights::Weight, Twox64Concat,
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

/// The highest fraction of its bond each validator was slashed in a session.
#[storage_alias(verbatim)]
pub type SlashedFractions = StorageDoubleMap<
	ValidatorBonds,
	Twox64Concat,
	SessionIndex,
	Twox64Concat,
	AccountId,
	Perbill,
	frame_support::storage::types::ValueQuery,
>;

/// Slashes `slash_fraction × ValidatorBond` from each offender (once per session, up to the
/// highest fraction) and reports it for disabling.
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
		session: SessionIndex,
	) -> Weight {
		let db = <Runtime as frame_system::Config>::DbWeight::get();
		let mut weight = Weight::zero();
		for (details, fraction) in offenders.iter().zip(slash_fraction) {
			let (validator, ()) = &details.offender;
			weight = weight.saturating_add(db.reads(1));
			let already = SlashedFractions::get(session, validator);
			if *fraction <= already {
				continue;
			}
			SlashedFractions::insert(session, validator, *fraction);
			let amount = Self::slash_amount(*fraction).saturating_sub(Self::slash_amount(already));
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
