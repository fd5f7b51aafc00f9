//! Tests: candidacy and its errors, the election rule (stake alone, Sybils, ties, the floor),
//! slashing of the held bond, offline validators, and the era's emission.

use crate::{impl_rewards::split, mock::*, pallet::*, types::*, Error};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use sp_runtime::{traits::BadOrigin, Perbill, Perquintill};
use sp_staking::offence::{OffenceDetails, OnOffenceHandler};

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::Bond.into(), &who)
}

/// Bonds `bond` for `who`, with session keys, validating.
fn candidate(who: AccountId, bond: Balance) {
	set_keys(who);
	assert_ok!(DualConsensus::bond(signed(who), bond));
	assert_ok!(DualConsensus::validate(signed(who)));
}

fn offence(who: AccountId, fraction: Perbill, session: u32) {
	let details = [OffenceDetails { offender: (who, ()), reporters: vec![] }];
	DualConsensus::on_offence(&details, &[fraction], session);
}

fn active() -> Vec<AccountId> {
	ActiveValidators::<Test>::get().into_inner()
}

fn rewards(kind: RewardKind) -> Vec<(AccountId, Balance)> {
	events()
		.into_iter()
		.filter_map(|e| match e {
			crate::Event::Rewarded { who, kind: k, amount } if k == kind => Some((who, amount)),
			_ => None,
		})
		.collect()
}

#[test]
fn genesis_bonds_and_elects_its_validators() {
	build_and_execute(|| {
		assert_eq!(active(), vec![1, 2, 3, 4]);
		assert_eq!(PlannedSets::<Test>::get(1).unwrap().into_inner(), vec![1, 2, 3, 4]);
		for v in 1..=4 {
			assert_eq!(held(v), MIN_BOND);
			assert_eq!(Candidates::<Test>::get(v).unwrap().intent, Intent::Validate);
		}
		assert_eq!(DesiredValidators::<Test>::get(), 4);
		assert_eq!(<crate::SessionLengthOf<Test> as frame_support::traits::Get<u64>>::get(), 10);
	});
}

#[test]
fn bonding_refuses_bad_input_and_changes_nothing() {
	build_and_execute(|| {
		set_keys(5);
		assert_noop!(DualConsensus::bond(signed(5), MIN_BOND - 1), Error::<Test>::BondTooLow);
		assert_noop!(
			DualConsensus::bond(signed(5), ENDOWMENT + 1),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(DualConsensus::bond(signed(1), MIN_BOND), Error::<Test>::AlreadyBonded);
		assert_noop!(DualConsensus::bond_extra(signed(5), 10), Error::<Test>::NotBonded);
		assert_noop!(DualConsensus::bond_extra(signed(1), 0), Error::<Test>::BondTooLow);
		assert_noop!(DualConsensus::validate(signed(5)), Error::<Test>::NotBonded);
		assert_noop!(DualConsensus::unbond(signed(5)), Error::<Test>::NotBonded);
		assert_noop!(DualConsensus::withdraw_unbonded(signed(5)), Error::<Test>::NotBonded);
		assert_noop!(DualConsensus::chill(signed(5)), Error::<Test>::NotBonded);
		assert_noop!(DualConsensus::bond(RuntimeOrigin::none(), MIN_BOND), BadOrigin);

		assert_ok!(DualConsensus::bond(signed(5), MIN_BOND));
		assert_ok!(DualConsensus::bond_extra(signed(5), 500));
		assert_eq!(held(5), MIN_BOND + 500);
		assert_eq!(Candidates::<Test>::get(5).unwrap().intent, Intent::Idle);
		assert!(events().contains(&crate::Event::Bonded { who: 5, amount: 500 }));
	});
}

#[test]
fn the_candidate_list_is_bounded() {
	build_and_execute(|| {
		for who in 5..=16 {
			assert_ok!(DualConsensus::bond(signed(who), MIN_BOND));
		}
		assert_noop!(DualConsensus::bond(signed(17), MIN_BOND), Error::<Test>::TooManyCandidates);
	});
}

#[test]
fn validating_needs_session_keys_and_a_bond_not_unbonding() {
	build_and_execute(|| {
		assert_ok!(DualConsensus::bond(signed(5), MIN_BOND));
		assert_noop!(DualConsensus::validate(signed(5)), Error::<Test>::NoSessionKeys);
		set_keys(5);
		assert_ok!(DualConsensus::validate(signed(5)));
		assert_noop!(DualConsensus::validate(signed(5)), Error::<Test>::AlreadyValidating);
		assert_ok!(DualConsensus::chill(signed(5)));
		assert_noop!(DualConsensus::chill(signed(5)), Error::<Test>::NotValidating);
		assert_ok!(DualConsensus::unbond(signed(5)));
		assert_noop!(DualConsensus::validate(signed(5)), Error::<Test>::Unbonding);
		assert_noop!(DualConsensus::unbond(signed(5)), Error::<Test>::Unbonding);
		assert_noop!(DualConsensus::bond_extra(signed(5), 1), Error::<Test>::Unbonding);
	});
}

#[test]
fn unbonding_waits_the_delay_and_for_the_validator_to_leave_every_set() {
	build_and_execute(|| {
		assert_noop!(DualConsensus::withdraw_unbonded(signed(4)), Error::<Test>::NotUnbonding);
		candidate(5, MIN_BOND);
		assert_ok!(DualConsensus::unbond(signed(4)));
		assert!(events().contains(&crate::Event::Unbonding { who: 4, withdrawable_at: 5 }));
		assert!(!rotate().contains(&4), "an unbonding account is not elected");
		// Session 1: 4 still validates (planned at genesis), and the delay runs.
		assert!(active().contains(&4));
		assert_noop!(DualConsensus::withdraw_unbonded(signed(4)), Error::<Test>::StillValidating);
		for _ in 1..5 {
			rotate();
		}
		// Session 5: the delay from the unbond is over, but 4 validated in session 1, whose
		// offences stay provable until session 6.
		assert_eq!(CurrentSession::<Test>::get(), 5);
		assert!(!active().contains(&4));
		assert_noop!(DualConsensus::withdraw_unbonded(signed(4)), Error::<Test>::StillLocked);
		rotate();
		let free = Balances::balance(&4);
		assert_ok!(DualConsensus::withdraw_unbonded(signed(4)));
		assert_eq!(held(4), 0);
		assert_eq!(Balances::balance(&4), free + MIN_BOND);
		assert!(Candidates::<Test>::get(4).is_none());
		assert!(!CandidateList::<Test>::get().contains(&4));
	});
}

#[test]
fn an_unbonded_validator_still_in_the_set_cannot_withdraw() {
	build_and_execute(|| {
		// Nobody else qualifies: the floor keeps the set, unbonding account included.
		for v in 2..=4 {
			assert_ok!(DualConsensus::chill(signed(v)));
		}
		assert_ok!(DualConsensus::unbond(signed(1)));
		for _ in 0..6 {
			rotate();
		}
		assert!(active().contains(&1));
		assert_noop!(DualConsensus::withdraw_unbonded(signed(1)), Error::<Test>::StillValidating);
	});
}

#[test]
fn attack_a_validator_kept_by_the_floor_cannot_leave_before_its_last_session_is_unprovable() {
	build_and_execute(|| {
		for v in 2..=4 {
			assert_ok!(DualConsensus::chill(signed(v)));
		}
		assert_ok!(DualConsensus::unbond(signed(1)));
		// The floor keeps 1 in the set long after its unbonding delay...
		for _ in 0..8 {
			rotate();
		}
		// ...until others validate again: 1 is elected no more from session 10.
		for v in 2..=4 {
			assert_ok!(DualConsensus::validate(signed(v)));
		}
		rotate();
		rotate();
		let last = CurrentSession::<Test>::get() - 1;
		assert!(!active().contains(&1));
		assert_eq!(Candidates::<Test>::get(1).unwrap().last_active, last);
		// It equivocated in its last session and tries to leave at once: refused, and the
		// offence, reported later, is slashed.
		assert_noop!(DualConsensus::withdraw_unbonded(signed(1)), Error::<Test>::StillLocked);
		rotate();
		offence(1, Perbill::from_percent(50), last);
		assert_eq!(held(1), MIN_BOND / 2);
		for _ in 0..2 {
			rotate();
		}
		assert_noop!(DualConsensus::withdraw_unbonded(signed(1)), Error::<Test>::StillLocked);
		rotate();
		assert_eq!(CurrentSession::<Test>::get(), last + 5);
		assert_ok!(DualConsensus::withdraw_unbonded(signed(1)));
	});
}

#[test]
fn a_lone_qualified_candidate_is_elected_when_no_set_is_kept() {
	build_and_execute(|| {
		// As at the genesis of a one-validator chain: nothing to keep, one qualifies.
		ActiveValidators::<Test>::kill();
		let _ = PlannedSets::<Test>::clear(u32::MAX, None);
		for v in 2..=4 {
			assert_ok!(DualConsensus::chill(signed(v)));
		}
		assert_eq!(rotate(), vec![1]);
	});
}

#[test]
fn the_floor_drops_kept_validators_without_keys() {
	build_and_execute(|| {
		for v in 2..=4 {
			assert_ok!(DualConsensus::chill(signed(v)));
		}
		KEYS.with(|k| k.borrow_mut().remove(&4));
		assert_eq!(rotate(), vec![1, 2, 3]);
	});
}

#[test]
fn election_follows_effective_stake_then_work_then_bond_then_account() {
	build_and_execute(|| {
		let issuance = Balances::total_issuance();
		// 5: big bond, half of all storage -> effective = min(bond, MIN_BOND + issuance / 2).
		candidate(5, 200_000);
		set_storage(5, 50);
		// 6: big bond, a quarter of storage and all compute.
		candidate(6, 200_000);
		set_storage(6, 25);
		set_compute(6, 10);
		// 7: a small bond above the minimum, a quarter of storage.
		candidate(7, MIN_BOND + 10);
		set_storage(7, 25);
		let ranked: Vec<_> = DualConsensus::candidate_summaries();
		let order: Vec<_> = ranked.iter().map(|c| c.account).collect();
		// 6 has share (1 + 1/4) / 2 = 5/8, 5 has (0 + 1/2) / 2 = 1/4: both capped by bond
		// (200_000), so the work share decides; 7 is capped by its bond; 1..=4 have no work
		// and count MIN_BOND each, ties broken by account.
		assert_eq!(order, vec![6, 5, 7, 1, 2, 3, 4]);
		assert_eq!(ranked[0].work_share, Perquintill::from_rational(5u64, 8));
		assert_eq!(ranked[1].work_share, Perquintill::from_rational(1u64, 4));
		assert_eq!(ranked[0].effective_stake, 200_000);
		assert_eq!(ranked[2].effective_stake, MIN_BOND + 10);
		assert_eq!(ranked[3].effective_stake, MIN_BOND);
		assert!(ranked[0].effective_stake < issuance);
		assert_ok!(DualConsensus::set_desired_validators(RuntimeOrigin::root(), 5));
		assert_eq!(rotate(), vec![6, 5, 7, 1, 2]);
	});
}

#[test]
fn effective_stake_is_capped_by_verified_work() {
	build_and_execute(|| {
		let issuance = Balances::total_issuance() as u128;
		candidate(5, 500_000);
		set_storage(5, 1);
		set_storage(6, 99);
		let c = &DualConsensus::candidate_summaries()[0];
		assert_eq!(c.account, 5);
		// Nobody does PoI: the storage half alone, 1/200 of all work.
		assert_eq!(c.work_share, Perquintill::from_rational(1u64, 200));
		assert_eq!(c.effective_stake as u128, MIN_BOND as u128 + issuance / 200);
		assert!(c.effective_stake < 500_000);
	});
}

#[test]
fn attack_stake_alone_cannot_buy_a_seat_over_stake_with_work() {
	build_and_execute(|| {
		// A whale bonds almost everything it has and does no work.
		candidate(9, ENDOWMENT - 1);
		// An operator bonds the minimum and does a little verified work.
		candidate(10, MIN_BOND);
		set_compute(10, 1);
		set_compute(11, 1_000_000);
		for v in 1..=4 {
			set_storage(v, 1);
		}
		assert_ok!(DualConsensus::set_desired_validators(RuntimeOrigin::root(), 5));
		let elected = rotate();
		assert!(elected.contains(&10), "stake with work is elected: {elected:?}");
		assert!(!elected.contains(&9), "stake alone loses to five with work: {elected:?}");
		// With a free seat the whale gets it, but ranked after everyone with work.
		assert_ok!(DualConsensus::set_desired_validators(RuntimeOrigin::root(), 6));
		assert_eq!(*rotate().last().unwrap(), 9);
	});
}

#[test]
fn attack_sybils_with_token_bonds_cannot_capture_the_set() {
	build_and_execute(|| {
		// The attacker has 90 % of all verified storage, split over 8 identities that each
		// bond the minimum; the 4 honest validators bond 3× the minimum and share 10 %.
		for v in 1..=4 {
			assert_ok!(DualConsensus::bond_extra(signed(v), 2 * MIN_BOND));
			set_storage(v, 25);
		}
		for sybil in 20..28 {
			candidate(sybil, MIN_BOND);
			set_storage(sybil, 900 / 8 * 10);
		}
		let elected = rotate();
		assert_eq!(elected, vec![1, 2, 3, 4], "every honest validator keeps its seat");
		// Splitting did not help either: one identity with all the work and all 8 bonds would
		// rank first, each Sybil ranks below every honest validator.
		let ranked = DualConsensus::candidate_summaries();
		let honest_min = ranked.iter().filter(|c| c.account <= 4).map(|c| c.effective_stake).min();
		let sybil_max = ranked.iter().filter(|c| c.account >= 20).map(|c| c.effective_stake).max();
		assert!(sybil_max.unwrap() <= MIN_BOND);
		assert!(honest_min.unwrap() > sybil_max.unwrap());
	});
}

#[test]
fn equal_candidates_are_ordered_by_account() {
	build_and_execute(|| {
		candidate(8, MIN_BOND);
		candidate(6, MIN_BOND);
		assert_ok!(DualConsensus::set_desired_validators(RuntimeOrigin::root(), 5));
		assert_eq!(rotate(), vec![1, 2, 3, 4, 6]);
	});
}

#[test]
fn too_few_qualified_keep_the_current_set() {
	build_and_execute(|| {
		for v in 2..=4 {
			assert_ok!(DualConsensus::chill(signed(v)));
		}
		assert_eq!(rotate(), vec![1, 2, 3, 4]);
		assert!(events().contains(&crate::Event::ElectionFallback { session: 2, qualified: 1 }));
		assert_ok!(DualConsensus::validate(signed(2)));
		assert_eq!(rotate(), vec![1, 2]);
	});
}

#[test]
fn candidates_without_keys_or_below_the_minimum_do_not_stand() {
	build_and_execute(|| {
		candidate(5, MIN_BOND);
		KEYS.with(|k| k.borrow_mut().remove(&5));
		assert_ok!(DualConsensus::set_desired_validators(RuntimeOrigin::root(), 5));
		assert_eq!(rotate(), vec![1, 2, 3, 4]);
	});
}

#[test]
fn desired_validators_is_root_only_and_bounded() {
	build_and_execute(|| {
		assert_noop!(DualConsensus::set_desired_validators(signed(1), 3), BadOrigin);
		assert_noop!(
			DualConsensus::set_desired_validators(RuntimeOrigin::root(), 1),
			Error::<Test>::InvalidValidatorCount
		);
		assert_noop!(
			DualConsensus::set_desired_validators(RuntimeOrigin::root(), 9),
			Error::<Test>::InvalidValidatorCount
		);
		assert_ok!(DualConsensus::set_desired_validators(RuntimeOrigin::root(), 3));
		assert_eq!(rotate(), vec![1, 2, 3]);
	});
}

#[test]
fn an_offence_slashes_the_held_bond_chills_and_bars_the_validator() {
	build_and_execute(|| {
		candidate(5, MIN_BOND);
		assert_ok!(DualConsensus::set_desired_validators(RuntimeOrigin::root(), 5));
		let issuance = Balances::total_issuance();
		let free = Balances::balance(&2);
		offence(2, Perbill::from_percent(10), 0);
		assert_eq!(held(2), MIN_BOND - 100);
		assert_eq!(Balances::balance(&2), free, "free balance untouched");
		assert_eq!(Balances::total_issuance(), issuance - 100, "burned");
		assert_eq!(disabled(), vec![(2, Perbill::from_percent(10))]);
		let c = Candidates::<Test>::get(2).unwrap();
		assert_eq!((c.bond, c.intent, c.barred_until), (MIN_BOND - 100, Intent::Idle, 4));
		assert!(events().contains(&crate::Event::Chilled { who: 2, reason: ChillReason::Slashed }));
		// The same report again costs nothing more; a higher fraction only the difference.
		offence(2, Perbill::from_percent(10), 0);
		assert_eq!(held(2), MIN_BOND - 100);
		offence(2, Perbill::from_percent(30), 0);
		assert_eq!(held(2), MIN_BOND - 300, "30 % of the bond in all");
		offence(2, Perbill::from_percent(20), 0);
		assert_eq!(held(2), MIN_BOND - 300);
		assert_eq!(SlashedFractions::<Test>::get(0, 2), (Perbill::from_percent(30), 300));
		// Another session's offence is another slash.
		offence(2, Perbill::from_percent(10), 1);
		assert_eq!(held(2), MIN_BOND - 370);
		// Dropped from the next election; coming back needs the bond topped up and the bar
		// to pass.
		assert!(!rotate().contains(&2));
		assert_noop!(DualConsensus::validate(signed(2)), Error::<Test>::BondTooLow);
		assert_ok!(DualConsensus::bond_extra(signed(2), 370));
		assert_ok!(DualConsensus::validate(signed(2)));
		assert!(!rotate().contains(&2), "barred until session 4");
		assert!(rotate().contains(&2), "electable for session 4");
	});
}

#[test]
fn attack_unbonding_does_not_escape_a_slash() {
	build_and_execute(|| {
		assert_ok!(DualConsensus::unbond(signed(3)));
		rotate();
		rotate();
		// The offence of session 0 is reported two sessions later, during the delay.
		offence(3, Perbill::from_percent(50), 0);
		assert_eq!(held(3), MIN_BOND / 2);
		for _ in 0..4 {
			rotate();
		}
		let free = Balances::balance(&3);
		assert_ok!(DualConsensus::withdraw_unbonded(signed(3)));
		assert_eq!(Balances::balance(&3), free + MIN_BOND / 2);
	});
}

#[test]
fn slash_records_are_dropped_after_the_offence_window() {
	build_and_execute(|| {
		offence(1, Perbill::from_percent(1), 0);
		assert_eq!(SlashedFractions::<Test>::get(0, 1), (Perbill::from_percent(1), 10));
		// Session 0 stays provable while sessions 1..=4 run (OffenceWindow 3, plus the
		// current one): its record too.
		for _ in 0..4 {
			rotate();
		}
		assert_eq!(SlashedFractions::<Test>::iter().count(), 1);
		offence(1, Perbill::from_percent(1), 0);
		assert_eq!(held(1), MIN_BOND - 10, "not slashed twice");
		rotate();
		assert_eq!(SlashedFractions::<Test>::iter().count(), 0);
	});
}

#[test]
fn an_offline_validator_earns_nothing_and_is_chilled_after_three_sessions() {
	build_and_execute(|| {
		for round in 0..3 {
			// 1..=3 author 14 blocks each (10.5 expected slots per validator); 4 authors
			// nothing: chilled once 3 sessions and 12 expected slots are missed.
			author(&[1, 2, 3], 14);
			let before = Candidates::<Test>::get(4).unwrap().offline_sessions;
			assert_eq!(before, round);
			rotate();
		}
		assert!(rewards(RewardKind::Validator).iter().all(|(who, _)| *who != 4));
		assert_eq!(Candidates::<Test>::get(4).unwrap().intent, Intent::Idle);
		assert!(events().contains(&crate::Event::Chilled { who: 4, reason: ChillReason::Offline }));
		assert!(!rotate().contains(&4));
	});
}

#[test]
fn a_short_session_counts_nobody_offline() {
	build_and_execute(|| {
		author(&[1], 3);
		rotate();
		assert_eq!(Candidates::<Test>::get(4).unwrap().offline_sessions, 0);
	});
}

#[test]
fn short_offline_sessions_add_up_before_a_chill() {
	build_and_execute(|| {
		// 4 blocks for 4 validators: one expected slot each per session; 12 are needed.
		for _ in 0..11 {
			author(&[1, 2], 2);
			rotate();
		}
		assert_eq!(Candidates::<Test>::get(4).unwrap().intent, Intent::Validate);
		author(&[1, 2], 2);
		rotate();
		assert_eq!(Candidates::<Test>::get(4).unwrap().intent, Intent::Idle);
	});
}

#[test]
fn a_slashed_validator_earns_no_validator_reward_while_barred() {
	build_and_execute(|| {
		author(&[1, 2], 5);
		offence(2, Perbill::from_percent(10), 0);
		rotate();
		rotate();
		let paid = rewards(RewardKind::Validator);
		assert_eq!(paid, vec![(1, 5_000)]);
	});
}

#[test]
fn the_era_emission_is_split_exactly_by_blocks_stake_and_work() {
	build_and_execute(|| {
		// Validator 1 has twice the effective stake of 2 and authored as many blocks; 3
		// authored three times as many as 1.
		assert_ok!(DualConsensus::bond_extra(signed(1), MIN_BOND));
		set_storage(1, 1);
		set_storage(7, 2);
		set_compute(8, 1);
		set_compute(9, 3);
		let issuance = Balances::total_issuance();
		author(&[1, 2], 2);
		author(&[3], 6);
		rotate();
		rotate(); // the era (2 sessions) ends here
		let validators = rewards(RewardKind::Validator);
		let compute = rewards(RewardKind::Compute);
		let storage = rewards(RewardKind::Storage);
		let total: Balance =
			validators.iter().chain(&compute).chain(&storage).map(|(_, a)| *a).sum();
		assert_eq!(total, EMISSION, "the pools add up to the emission exactly");
		assert_eq!(Balances::total_issuance(), issuance + EMISSION);
		// Validator weights: 1: 2 × 2000, 2: 2 × 1000, 3: 6 × 1000 -> 4 : 2 : 6 of 5000.
		let of = |list: &[(AccountId, Balance)], who| {
			list.iter().find(|(w, _)| *w == who).map(|(_, a)| *a).unwrap_or(0)
		};
		assert_eq!(of(&validators, 3), 2_501, "the rounding remainder goes to the largest");
		assert_eq!(of(&validators, 1), 1_666);
		assert_eq!(of(&validators, 2), 833);
		assert_eq!((of(&compute, 8), of(&compute, 9)), (625, 1_875));
		assert_eq!((of(&storage, 1), of(&storage, 7)), (833, 1_667));
		assert!(events().contains(&crate::Event::EraPaid {
			era: 0,
			validators: 5_000,
			compute: 2_500,
			storage: 2_500,
			unminted: 0
		}));
		assert_eq!(CurrentEra::<Test>::get(), (1, 2));
		assert_eq!(AuthoredBlocks::<Test>::iter().count(), 0, "counting restarts");
	});
}

#[test]
fn pools_without_recipients_are_not_minted() {
	build_and_execute(|| {
		let issuance = Balances::total_issuance();
		author(&[1], 1);
		rotate();
		rotate();
		assert_eq!(Balances::total_issuance(), issuance + 5_000);
		assert!(events().contains(&crate::Event::EraPaid {
			era: 0,
			validators: 5_000,
			compute: 0,
			storage: 0,
			unminted: 5_000
		}));
	});
}

#[test]
fn split_is_exact_and_deterministic() {
	assert_eq!(split(10u128, &[(1u64, 1u128), (2, 1), (3, 1)]), vec![(1, 4), (2, 3), (3, 3)]);
	assert_eq!(split(10u128, &[(1u64, 0u128)]), vec![]);
	assert_eq!(split(7u128, &[(5u64, 1u128), (4, 2)]), vec![(4, 5), (5, 2)]);
	// Weights whose sum overflows u128 keep their ratio.
	let huge = split(1_000u128, &[(1u64, u128::MAX), (2, u128::MAX / 3)]);
	assert_eq!(huge.iter().map(|(_, a)| a).sum::<u128>(), 1_000);
	assert_eq!(huge, vec![(1, 751), (2, 249)]);
}

#[test]
fn the_api_reports_scores_and_who_is_elected_and_active() {
	build_and_execute(|| {
		candidate(5, MIN_BOND * 2);
		set_storage(5, 10);
		set_compute(5, 5);
		assert_ok!(DualConsensus::set_desired_validators(RuntimeOrigin::root(), 5));
		rotate();
		let c5 = DualConsensus::candidate_summaries()
			.into_iter()
			.find(|c| c.account == 5)
			.unwrap();
		assert_eq!((c5.poi_score, c5.posp_score, c5.bond), (5, 10, 2 * MIN_BOND));
		assert_eq!(c5.work_share, Perquintill::one());
		assert!(!c5.active);
		// Elected for session 2 at the start of session 1; active from session 2.
		rotate();
		let c5 = DualConsensus::candidate_summaries()
			.into_iter()
			.find(|c| c.account == 5)
			.unwrap();
		assert!(c5.active && c5.elected);
		assert_eq!(held(5), 2 * MIN_BOND);
	});
}
