//! Unit tests: every call's success path, every bad input (typed error, no state change),
//! challenges answered honestly and dishonestly, the fault schedule with forced exit and
//! repair, rewards, order payments and expiry.

use crate::{mock::*, pallet::*, types::*, Error, Event};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::Pays,
	traits::fungible::InspectHold,
	BoundedVec,
};
use sp_core::H256;
use std::{cell::RefCell, collections::HashMap};
use zkp_posp::{merkle, SealedSector};

thread_local! {
	/// What honest providers keep: the sealed sector and the file's chunk hashes.
	static KEPT: RefCell<HashMap<(AccountId, u32), (SealedSector, Vec<H256>)>> = RefCell::new(HashMap::new());
	/// The files orders refer to.
	static FILES: RefCell<HashMap<u64, Vec<u8>>> = RefCell::new(HashMap::new());
}

fn file(size: usize, salt: u32) -> Vec<u8> {
	(0..size as u32).map(|i| (i.wrapping_add(salt).wrapping_mul(2_654_435_761) >> 11) as u8).collect()
}

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::Posp(e) = r.event { Some(e) } else { None })
		.collect()
}

/// Seals and confirms every sector of `who` that waits for it, as an honest agent would.
fn seal_all(who: &AccountId) {
	let waiting: Vec<(u32, SectorInfo<u64>)> = Sectors::<Test>::iter_prefix(who)
		.filter(|(_, s)| matches!(s.state, SectorState::Sealing { .. }))
		.collect();
	for (index, info) in waiting {
		let data = match info.content {
			SectorContent::Empty => Vec::new(),
			SectorContent::Data { order } => FILES.with(|f| f.borrow()[&order].clone()),
		};
		let sealed = SealedSector::seal(&Posp::sealer(&info.seed), &data, SECTOR_LEAVES, |_| ());
		let root = sealed.root();
		KEPT.with(|k| k.borrow_mut().insert((who.clone(), index), (sealed, merkle::data_leaf_hashes(&data))));
		assert_ok!(Posp::confirm_sector(RuntimeOrigin::signed(who.clone()), index, root));
	}
}

fn register_and_seal(who: &AccountId, sectors: u32) {
	assert_ok!(Posp::register_provider(RuntimeOrigin::signed(who.clone()), sectors));
	seal_all(who);
}

/// The honest answer to `who`'s outstanding challenge.
fn honest_answer(who: &AccountId) -> (u32, BoundedVec<zkp_posp::LeafProof, frame_support::traits::ConstU32<2>>) {
	let challenge = Challenges::<Test>::get(who).expect("challenged");
	let proofs = KEPT.with(|k| {
		let kept = k.borrow();
		let (sealed, hashes) = &kept[&(who.clone(), challenge.sector)];
		let sealer = Posp::sealer(&Sectors::<Test>::get(who, challenge.sector).unwrap().seed);
		challenge.leaves.iter().map(|l| sealed.prove(&sealer, *l, hashes).unwrap()).collect::<Vec<_>>()
	});
	(challenge.sector, proofs.try_into().unwrap())
}

fn answer(who: &AccountId) {
	let (sector, proofs) = honest_answer(who);
	let info = Posp::submit_proof(RuntimeOrigin::signed(who.clone()), sector, proofs).unwrap();
	assert_eq!(info.pays_fee, Pays::No);
}

fn place(owner: &AccountId, size: usize, replicas: u8, periods: u32) -> u64 {
	let data = file(size, size as u32);
	let id = NextOrderId::<Test>::get();
	FILES.with(|f| f.borrow_mut().insert(id, data.clone()));
	assert_ok!(Posp::place_order(
		RuntimeOrigin::signed(owner.clone()),
		cid(),
		data.len() as u64,
		merkle::data_root(&data),
		replicas,
		periods,
		10,
	));
	id
}

fn held(who: &AccountId) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::Posp(crate::HoldReason::Collateral), who)
}

fn cid() -> BoundedVec<u8, frame_support::traits::ConstU32<64>> {
	b"bafkreitest".to_vec().try_into().unwrap()
}

#[test]
fn registering_holds_collateral_and_asks_for_sealed_capacity() {
	new_test_ext().execute_with(|| {
		assert_ok!(Posp::register_provider(RuntimeOrigin::signed(alice()), 3));
		assert_eq!(held(&alice()), 3_000);
		let info = Providers::<Test>::get(alice()).unwrap();
		assert_eq!((info.sectors, info.active_sectors, info.free_sectors), (3, 0, 0));
		assert_eq!(Sectors::<Test>::iter_prefix(alice()).count(), 3);
		assert!(events().contains(&Event::SectorSealingRequired {
			provider: alice(),
			sector: 2,
			content: SectorContent::Empty,
			deadline: 1 + SEAL_DEADLINE
		}));
		seal_all(&alice());
		let info = Providers::<Test>::get(alice()).unwrap();
		assert_eq!((info.active_sectors, info.free_sectors), (3, 3));
	});
}

#[test]
fn bad_registrations_fail_and_change_nothing() {
	new_test_ext().execute_with(|| {
		assert_noop!(Posp::register_provider(RuntimeOrigin::signed(alice()), 0), Error::<Test>::InvalidSectorCount);
		assert_noop!(Posp::register_provider(RuntimeOrigin::signed(alice()), 5), Error::<Test>::InvalidSectorCount);
		assert_noop!(Posp::register_provider(RuntimeOrigin::signed(poor()), 1), Error::<Test>::InsufficientBalance);
		assert_ok!(Posp::register_provider(RuntimeOrigin::signed(alice()), 1));
		assert_noop!(Posp::register_provider(RuntimeOrigin::signed(alice()), 1), Error::<Test>::AlreadyRegistered);
		for n in 2..=4 {
			assert_ok!(Posp::register_provider(RuntimeOrigin::signed(account(n)), 1));
		}
		assert_noop!(Posp::register_provider(RuntimeOrigin::signed(user()), 1), Error::<Test>::TooManyProviders);
	});
}

#[test]
fn bad_confirmations_fail_and_change_nothing() {
	new_test_ext().execute_with(|| {
		assert_noop!(Posp::confirm_sector(RuntimeOrigin::signed(alice()), 0, H256::zero()), Error::<Test>::NotProvider);
		register_and_seal(&alice(), 1);
		assert_noop!(Posp::confirm_sector(RuntimeOrigin::signed(alice()), 1, H256::zero()), Error::<Test>::UnknownSector);
		assert_noop!(Posp::confirm_sector(RuntimeOrigin::signed(alice()), 0, H256::zero()), Error::<Test>::NotSealing);
	});
}

#[test]
fn orders_escrow_payment_and_become_active_when_every_replica_is_sealed() {
	new_test_ext().execute_with(|| {
		for who in [alice(), bob(), charlie()] {
			register_and_seal(&who, 2);
		}
		let before = Balances::free_balance(user());
		let order = place(&user(), 5_000, 2, 4);
		assert_eq!(Balances::free_balance(user()), before - 10 * 2 * 4);
		assert_eq!(Balances::balance_on_hold(&RuntimeHoldReason::Posp(crate::HoldReason::OrderEscrow), &user()), 80);
		let o = Orders::<Test>::get(order).unwrap();
		assert_eq!((o.status, o.holders.len()), (OrderStatus::Pending, 2));
		assert_ne!(o.holders[0].provider, o.holders[1].provider);
		for r in o.holders.iter() {
			let s = Sectors::<Test>::get(&r.provider, r.sector).unwrap();
			assert_eq!(s.content, SectorContent::Data { order });
			assert_eq!(Providers::<Test>::get(&r.provider).unwrap().free_sectors, 1);
			seal_all(&r.provider);
		}
		assert_eq!(Orders::<Test>::get(order).unwrap().status, OrderStatus::Active);
		assert!(events().contains(&Event::OrderStatusChanged { order, status: OrderStatus::Active }));
	});
}

#[test]
fn bad_orders_fail_and_change_nothing() {
	new_test_ext().execute_with(|| {
		let root = H256::repeat_byte(1);
		let place = |who: AccountId, cid: BoundedVec<u8, _>, size: u64, replicas: u8, periods: u32| {
			Posp::place_order(RuntimeOrigin::signed(who), cid, size, root, replicas, periods, 10)
		};
		assert_noop!(place(user(), cid(), 100, 1, 1), Error::<Test>::NotEnoughProviders);
		register_and_seal(&alice(), 1);
		register_and_seal(&bob(), 1);
		assert_noop!(place(user(), BoundedVec::new(), 100, 1, 1), Error::<Test>::EmptyCid);
		assert_noop!(place(user(), cid(), 0, 1, 1), Error::<Test>::EmptyFile);
		assert_noop!(place(user(), cid(), 8 * 1024 + 1, 1, 1), Error::<Test>::FileTooLarge);
		assert_noop!(place(user(), cid(), 100, 0, 1), Error::<Test>::InvalidReplicas);
		assert_noop!(place(user(), cid(), 100, 4, 1), Error::<Test>::InvalidReplicas);
		assert_noop!(place(user(), cid(), 100, 1, 0), Error::<Test>::InvalidDuration);
		assert_noop!(place(user(), cid(), 100, 1, 101), Error::<Test>::InvalidDuration);
		assert_noop!(place(user(), cid(), 100, 3, 1), Error::<Test>::NotEnoughProviders);
		assert_noop!(place(poor(), cid(), 100, 1, 1), Error::<Test>::InsufficientBalance);
		assert_noop!(
			Posp::place_order(RuntimeOrigin::signed(user()), cid(), 100, root, 2, 1, u64::MAX),
			Error::<Test>::Overflow
		);
	});
}

#[test]
fn honest_answers_are_verified_free_and_reset_strikes() {
	new_test_ext().execute_with(|| {
		register_and_seal(&alice(), 2);
		register_and_seal(&bob(), 2);
		let order = place(&user(), 3_000, 2, 10);
		for who in [alice(), bob()] {
			seal_all(&who);
		}
		for period in 1..=4u64 {
			run_to_block(period * PERIOD);
			for who in [alice(), bob()] {
				answer(&who);
				assert!(Challenges::<Test>::get(&who).is_none());
			}
		}
		let verified = events().iter().filter(|e| matches!(e, Event::ProofVerified { .. })).count();
		assert_eq!(verified, 8);
		// Both data and empty sectors were challenged over the periods (2 of 2 sectors each).
		assert_eq!(Orders::<Test>::get(order).unwrap().status, OrderStatus::Active);
		assert_eq!(Providers::<Test>::get(alice()).unwrap().strikes, 0);
	});
}

#[test]
fn bad_answers_fail_with_typed_errors_and_change_nothing() {
	new_test_ext().execute_with(|| {
		register_and_seal(&alice(), 2);
		register_and_seal(&bob(), 2);
		place(&user(), 8 * 1024, 2, 10);
		seal_all(&alice());
		seal_all(&bob());
		let submit = |sector, proofs| Posp::submit_proof(RuntimeOrigin::signed(alice()), sector, proofs);
		assert_noop!(submit(0, BoundedVec::new()), Error::<Test>::NoChallenge);
		run_to_block(PERIOD);
		let (sector, good) = honest_answer(&alice());
		assert_noop!(submit(1 - sector, good.clone()), Error::<Test>::WrongSector);
		let mut short = good.clone();
		short.pop();
		assert_noop!(submit(sector, short), Error::<Test>::ProofCountMismatch);
		// An answer for other leaves (e.g. replayed from an earlier challenge).
		let mut other = good.clone();
		let challenged = other[0].index;
		let replay = KEPT.with(|k| {
			let kept = k.borrow();
			let (sealed, hashes) = &kept[&(alice(), sector)];
			let sealer = Posp::sealer(&Sectors::<Test>::get(alice(), sector).unwrap().seed);
			sealed.prove(&sealer, (challenged + 1) % SECTOR_LEAVES, hashes).unwrap()
		});
		other[0] = replay.clone();
		assert_noop!(submit(sector, other), Error::<Test>::WrongLeaf);
		let mut moved = good.clone();
		moved[0].leaf = replay.leaf.clone();
		assert_noop!(submit(sector, moved), Error::<Test>::SealedPathMismatch);
		let mut flipped = good.clone();
		flipped[0].leaf.bytes[40] ^= 0x10;
		assert_noop!(submit(sector, flipped), Error::<Test>::SealedPathMismatch);
		if challenged > 0 {
			let mut wrong_parents = good.clone();
			wrong_parents[0].parents[0] = wrong_parents[0].leaf.clone();
			assert_noop!(submit(sector, wrong_parents), Error::<Test>::ParentLeafMismatch);
		}
		let mut no_previous = good.clone();
		no_previous[0].previous = if challenged == 0 { Some(replay.leaf.clone()) } else { None };
		assert_noop!(submit(sector, no_previous), Error::<Test>::PreviousLeafMismatch);
		// A data sector answered with another chunk's data path.
		let content = Sectors::<Test>::get(alice(), sector).unwrap().content;
		if let SectorContent::Data { .. } = content {
			let mut wrong_data = good.clone();
			wrong_data[0].data_path = replay.data_path.clone();
			assert_noop!(submit(sector, wrong_data), Error::<Test>::DataMismatch);
		}
		assert_ok!(submit(sector, good.clone()));
		// Answered: a second answer finds no challenge.
		assert_noop!(submit(sector, good), Error::<Test>::NoChallenge);
	});
}

#[test]
fn a_replica_sealed_without_the_file_does_not_verify() {
	new_test_ext().execute_with(|| {
		register_and_seal(&alice(), 1);
		// The file fills the whole sector, so every leaf is checked against it.
		let order = place(&user(), 8 * 1024, 1, 10);
		assert_eq!(Orders::<Test>::get(order).unwrap().holders[0].provider, alice());
		// Alice seals zeros under the right seed instead of fetching the file.
		let info = Sectors::<Test>::get(alice(), 0).unwrap();
		let fake = SealedSector::seal(&Posp::sealer(&info.seed), &[], SECTOR_LEAVES, |_| ());
		assert_ok!(Posp::confirm_sector(RuntimeOrigin::signed(alice()), 0, fake.root()));
		let hashes = merkle::data_leaf_hashes(&FILES.with(|f| f.borrow()[&order].clone()));
		KEPT.with(|k| k.borrow_mut().insert((alice(), 0), (fake, hashes)));
		run_to_block(PERIOD);
		let (sector, proofs) = honest_answer(&alice());
		assert_noop!(Posp::submit_proof(RuntimeOrigin::signed(alice()), sector, proofs), Error::<Test>::DataMismatch);
	});
}

#[test]
fn missed_challenges_escalate_0_5_15_percent_then_force_out_and_repair() {
	new_test_ext().execute_with(|| {
		register_and_seal(&alice(), 2);
		register_and_seal(&bob(), 2);
		register_and_seal(&charlie(), 2);
		let order = place(&user(), 2_000, 1, 50);
		let holder = Orders::<Test>::get(order).unwrap().holders[0].provider.clone();
		seal_all(&holder);
		assert_eq!(Orders::<Test>::get(order).unwrap().status, OrderStatus::Active);
		let honest: Vec<AccountId> = [alice(), bob(), charlie()].into_iter().filter(|p| p != &holder).collect();

		let mut collateral = 2_000u64;
		let mut strike = 0;
		let mut period = 1;
		while Providers::<Test>::get(&holder).is_some() {
			run_to_block(period * PERIOD);
			for who in honest.iter() {
				seal_all(who);
				if Challenges::<Test>::get(who).is_some() {
					answer(who);
				}
			}
			// The holder keeps sealing what it is asked to, but never answers.
			seal_all(&holder);
			let challenged = Challenges::<Test>::get(&holder).map(|c| c.sector);
			run_to_block(period * PERIOD + DEADLINE + 1);
			if let Some(sector) = challenged {
				strike += 1;
				let slashed = crate::functions::strike_penalty(strike) * collateral;
				collateral -= slashed;
				assert!(events().contains(&Event::ProviderFaulted {
					provider: holder.clone(),
					sector,
					reason: FaultReason::MissedChallenge,
					strike,
					slashed
				}));
			}
			period += 1;
			assert!(period < 20, "never forced out");
		}
		assert_eq!(strike, 3);
		assert_eq!(collateral, 2_000 - 100 - 285);
		assert!(events().contains(&Event::ProviderForcedOut { provider: holder.clone(), released: collateral }));
		assert_eq!(held(&holder), 0);
		assert_eq!(Sectors::<Test>::iter_prefix(&holder).count(), 0);
		// The replica moved on the first fault and is sealed again by an honest provider.
		let o = Orders::<Test>::get(order).unwrap();
		assert_eq!(o.holders.len(), 1);
		assert!(honest.contains(&o.holders[0].provider));
		assert!(events().contains(&Event::OrderStatusChanged { order, status: OrderStatus::Repairing }));
		seal_all(&o.holders[0].provider);
		assert_eq!(Orders::<Test>::get(order).unwrap().status, OrderStatus::Active);
	});
}

#[test]
fn a_lost_replica_waits_as_faulty_until_a_provider_has_room() {
	new_test_ext().execute_with(|| {
		register_and_seal(&alice(), 1);
		register_and_seal(&bob(), 1);
		let order = place(&user(), 1_000, 2, 50);
		seal_all(&alice());
		seal_all(&bob());
		run_to_block(PERIOD);
		answer(&bob());
		run_to_block(PERIOD + DEADLINE + 1);
		// Alice missed: her replica has nowhere to go (bob holds the other one).
		let o = Orders::<Test>::get(order).unwrap();
		assert_eq!((o.status, o.holders.len()), (OrderStatus::Faulty, 1));
		assert_eq!(OrdersAwaitingRepair::<Test>::get().to_vec(), vec![order]);
		register_and_seal(&charlie(), 1);
		seal_all(&alice());
		run_to_block(2 * PERIOD);
		let o = Orders::<Test>::get(order).unwrap();
		assert_eq!((o.status, o.holders.len()), (OrderStatus::Repairing, 2));
		assert!(OrdersAwaitingRepair::<Test>::get().is_empty());
	});
}

#[test]
fn missed_sealing_deadline_is_a_fault() {
	new_test_ext().execute_with(|| {
		assert_ok!(Posp::register_provider(RuntimeOrigin::signed(alice()), 2));
		run_to_block(SEAL_DEADLINE + PERIOD);
		let faults: Vec<_> = events()
			.into_iter()
			.filter(|e| matches!(e, Event::ProviderFaulted { reason: FaultReason::MissedSealing, .. }))
			.collect();
		// Two late sectors, one strike for the period.
		assert_eq!(faults.len(), 2);
		assert_eq!(Providers::<Test>::get(alice()).unwrap().strikes, 1);
	});
}

#[test]
fn periods_mint_rewards_by_proven_bytes_pay_replicas_and_expire_orders() {
	new_test_ext().execute_with(|| {
		register_and_seal(&alice(), 1);
		register_and_seal(&bob(), 3);
		let order = place(&user(), 1_000, 1, 2);
		let holder = Orders::<Test>::get(order).unwrap().holders[0].provider.clone();
		seal_all(&holder);
		let issuance = Balances::total_issuance();
		let (a0, b0) = (Balances::free_balance(alice()), Balances::free_balance(bob()));
		run_to_block(PERIOD);
		// 4 active sectors: alice proves 1/4 of the bytes, bob 3/4.
		assert_eq!(Balances::total_issuance(), issuance + 900);
		let paid = |who: &AccountId| if *who == holder { 10 } else { 0 };
		assert_eq!(Balances::free_balance(alice()), a0 + 225 + paid(&alice()));
		assert_eq!(Balances::free_balance(bob()), b0 + 675 + paid(&bob()));
		assert!(events().contains(&Event::ProviderRewarded {
			provider: bob(),
			proven_bytes: 3 * 8 * 1024,
			reward: 675,
			order_payments: paid(&bob())
		}));
		use zkp_primitives::posp::StorageContribution;
		assert_eq!(Posp::storage_score(&bob()), 3 * 8 * 1024 / 4);
		assert_eq!(Posp::total_storage_score(), 4 * 8 * 1024 / 4);
		answer(&alice());
		answer(&bob());
		// The order lasts two periods: paid twice, then expired with nothing to refund.
		run_to_block(2 * PERIOD);
		let o = Orders::<Test>::get(order).unwrap();
		assert_eq!((o.status, o.escrow), (OrderStatus::Expired, 0));
		assert!(events().contains(&Event::OrderExpired { order, refund: 0 }));
		let s = Sectors::<Test>::get(&holder, o.holders.first().map(|r| r.sector).unwrap_or(0));
		assert!(s.is_some_and(|s| s.content == SectorContent::Empty));
	});
}

#[test]
fn a_faulty_period_earns_nothing_and_unspent_escrow_is_refunded() {
	new_test_ext().execute_with(|| {
		register_and_seal(&alice(), 1);
		let order = place(&user(), 1_000, 1, 1);
		seal_all(&alice());
		let before = Balances::free_balance(alice());
		let user_before = Balances::free_balance(user());
		run_to_block(PERIOD);
		// First period paid (no fault yet) ...
		assert_eq!(Balances::free_balance(alice()), before + 900 + 10);
		assert_eq!(Orders::<Test>::get(order).unwrap().status, OrderStatus::Expired);
		assert_eq!(Balances::free_balance(user()), user_before);
		// ... the next one is missed: no reward.
		run_to_block(PERIOD + DEADLINE + 1);
		let after_fault = Balances::free_balance(alice());
		run_to_block(2 * PERIOD);
		assert_eq!(Balances::free_balance(alice()), after_fault);
	});
}

#[test]
fn deregistering_releases_collateral_only_without_data_or_open_challenges() {
	new_test_ext().execute_with(|| {
		assert_noop!(Posp::deregister_provider(RuntimeOrigin::signed(alice())), Error::<Test>::NotProvider);
		register_and_seal(&alice(), 2);
		let order = place(&user(), 1_000, 1, 1);
		assert_noop!(Posp::deregister_provider(RuntimeOrigin::signed(alice())), Error::<Test>::ProviderHoldsData);
		seal_all(&alice());
		run_to_block(PERIOD);
		assert_eq!(Orders::<Test>::get(order).unwrap().status, OrderStatus::Expired);
		assert!(Challenges::<Test>::get(alice()).is_some());
		assert_noop!(Posp::deregister_provider(RuntimeOrigin::signed(alice())), Error::<Test>::ChallengeOutstanding);
		answer(&alice());
		assert_ok!(Posp::deregister_provider(RuntimeOrigin::signed(alice())));
		assert_eq!(held(&alice()), 0);
		assert!(Providers::<Test>::get(alice()).is_none());
		assert_eq!(Sectors::<Test>::iter_prefix(alice()).count(), 0);
		assert!(ProviderList::<Test>::get().is_empty());
	});
}

#[test]
fn an_unfetchable_replica_is_given_back_without_a_strike_and_the_order_ends_after_max_rejections() {
	new_test_ext().execute_with(|| {
		for who in [alice(), bob(), charlie()] {
			register_and_seal(&who, 1);
		}
		let user_free = Balances::free_balance(user());
		let order = place(&user(), 2_000, 1, 10);
		let first = Orders::<Test>::get(order).unwrap().holders[0].provider.clone();
		// Bad inputs first: nothing changes.
		assert_noop!(Posp::reject_replica(RuntimeOrigin::signed(user()), 0), Error::<Test>::NotProvider);
		assert_noop!(Posp::reject_replica(RuntimeOrigin::signed(first.clone()), 1), Error::<Test>::UnknownSector);
		let idle = [alice(), bob(), charlie()].into_iter().find(|p| *p != first).unwrap();
		assert_noop!(Posp::reject_replica(RuntimeOrigin::signed(idle), 0), Error::<Test>::NotAReplica);

		assert_ok!(Posp::reject_replica(RuntimeOrigin::signed(first.clone()), 0));
		let o = Orders::<Test>::get(order).unwrap();
		assert_eq!((o.rejections, o.holders.len(), o.status), (1, 1, OrderStatus::Repairing));
		let second = o.holders[0].provider.clone();
		assert_ne!(second, first);
		assert_eq!(Providers::<Test>::get(&first).unwrap().strikes, 0);
		assert_eq!(Sectors::<Test>::get(&first, 0).unwrap().content, SectorContent::Empty);
		// The second rejection (MaxRejections = 2) ends the order and refunds everything.
		assert_ok!(Posp::reject_replica(RuntimeOrigin::signed(second), 0));
		let o = Orders::<Test>::get(order).unwrap();
		assert_eq!((o.status, o.escrow, o.holders.len()), (OrderStatus::Expired, 0, 0));
		assert_eq!(Balances::free_balance(user()), user_free);
		assert!(events().contains(&Event::ReplicaRejected { order, provider: first, sector: 0, rejections: 1 }));
	});
}

#[test]
fn a_sealed_replica_cannot_be_rejected_and_orders_below_the_minimum_price_fail() {
	new_test_ext().execute_with(|| {
		register_and_seal(&alice(), 1);
		let order = place(&user(), 2_000, 1, 10);
		seal_all(&alice());
		assert_eq!(Orders::<Test>::get(order).unwrap().status, OrderStatus::Active);
		assert_noop!(Posp::reject_replica(RuntimeOrigin::signed(alice()), 0), Error::<Test>::NotSealing);
		register_and_seal(&bob(), 1);
		assert_noop!(
			Posp::place_order(RuntimeOrigin::signed(user()), cid(), 100, H256::repeat_byte(1), 1, 1, 0),
			Error::<Test>::PriceTooLow
		);
	});
}

#[test]
fn a_challenged_sector_is_never_handed_a_replica_and_replicas_are_challenged_within_their_file() {
	new_test_ext().execute_with(|| {
		register_and_seal(&alice(), 1);
		run_to_block(PERIOD);
		assert_eq!(Challenges::<Test>::get(alice()).map(|c| c.sector), Some(0));
		// Alice's only free sector is under challenge: no replica may go there now, so the
		// order waits (pending, its sector still empty) for the period to close.
		// A 2 KiB file in an 8 KiB sector: every challenged leaf is one of its 2 chunks.
		let order = place(&user(), 2 * 1024, 1, 50);
		let o = Orders::<Test>::get(order).unwrap();
		assert_eq!((o.status, o.holders.len()), (OrderStatus::Pending, 0));
		assert_eq!(OrdersAwaitingRepair::<Test>::get().to_vec(), vec![order]);
		assert_eq!(Sectors::<Test>::get(alice(), 0).unwrap().content, SectorContent::Empty);
		answer(&alice());
		run_to_block(2 * PERIOD);
		let o = Orders::<Test>::get(order).unwrap();
		assert_eq!((o.status, o.holders.len()), (OrderStatus::Pending, 1));
		assert!(OrdersAwaitingRepair::<Test>::get().is_empty());
		assert!(Challenges::<Test>::get(alice()).is_none(), "its only sector is being sealed");
		seal_all(&alice());
		assert_eq!(Orders::<Test>::get(order).unwrap().status, OrderStatus::Active);
		for period in 3..=7u64 {
			run_to_block(period * PERIOD);
			let challenge = Challenges::<Test>::get(alice()).unwrap();
			assert!(challenge.leaves.iter().all(|l| *l < 2), "{:?}", challenge.leaves);
			answer(&alice());
		}
	});
}

#[test]
fn replicas_go_to_providers_whose_free_sector_is_not_challenged() {
	new_test_ext().execute_with(|| {
		register_and_seal(&alice(), 1);
		register_and_seal(&bob(), 1);
		run_to_block(PERIOD);
		answer(&bob());
		// Only Alice is still being challenged: whatever the draw, the replica goes to Bob.
		let order = place(&user(), 1_000, 1, 50);
		let o = Orders::<Test>::get(order).unwrap();
		assert_eq!(o.holders.iter().map(|r| r.provider.clone()).collect::<Vec<_>>(), vec![bob()]);
		assert!(OrdersAwaitingRepair::<Test>::get().is_empty());
	});
}

#[test]
fn waiting_orders_that_ended_get_no_replicas() {
	new_test_ext().execute_with(|| {
		register_and_seal(&alice(), 2);
		run_to_block(PERIOD);
		// Alice's unchallenged sector takes the first order; her challenged one can't take a
		// replica now, so the next two orders wait.
		let first = place(&user(), 1_000, 1, 50);
		let short = place(&user(), 1_000, 1, 1);
		let ended = place(&user(), 1_000, 1, 50);
		assert_eq!(Orders::<Test>::get(first).unwrap().holders.len(), 1);
		assert_eq!(OrdersAwaitingRepair::<Test>::get().to_vec(), vec![short, ended]);
		// `ended` ends while waiting (as after `MaxRejections`), `short` runs out of time.
		Orders::<Test>::mutate(ended, |o| o.as_mut().unwrap().status = OrderStatus::Expired);
		answer(&alice());
		run_to_block(2 * PERIOD);
		for order in [short, ended] {
			let o = Orders::<Test>::get(order).unwrap();
			assert_eq!((o.status, o.holders.len()), (OrderStatus::Expired, 0));
		}
		assert!(OrdersAwaitingRepair::<Test>::get().is_empty());
		assert!(Sectors::<Test>::iter_prefix(alice()).all(|(_, s)| s.content != SectorContent::Data { order: short }));
		assert!(Sectors::<Test>::iter_prefix(alice()).all(|(_, s)| s.content != SectorContent::Data { order: ended }));
	});
}

#[test]
fn an_order_that_would_wait_is_refused_when_the_waiting_list_is_full() {
	new_test_ext().execute_with(|| {
		register_and_seal(&alice(), 1);
		run_to_block(PERIOD);
		OrdersAwaitingRepair::<Test>::put(BoundedVec::truncate_from(vec![90, 91, 92, 93]));
		assert_noop!(
			Posp::place_order(RuntimeOrigin::signed(user()), cid(), 100, H256::repeat_byte(1), 1, 1, 10),
			Error::<Test>::TooManyOrdersWaiting
		);
	});
}

#[test]
fn oversize_values_do_not_even_decode() {
	use codec::{Decode, Encode};
	new_test_ext().execute_with(|| {
		// A CID longer than MaxCidLen (64 here): the call is rejected before dispatch.
		let call = (2u8, 3u8, vec![b'b'; 65], 100u64, H256::zero(), 1u8, 1u32, 10u64).encode();
		assert!(RuntimeCall::decode(&mut &call[..]).is_err());
		let fits = (2u8, 3u8, vec![b'b'; 64], 100u64, H256::zero(), 1u8, 1u32, 10u64).encode();
		assert!(matches!(RuntimeCall::decode(&mut &fits[..]), Ok(RuntimeCall::Posp(_))));
		// More proofs than LeavesPerChallenge (2 here), or an oversize sealed leaf.
		register_and_seal(&alice(), 1);
		run_to_block(PERIOD);
		let (sector, proofs) = honest_answer(&alice());
		let mut three: Vec<zkp_posp::LeafProof> = proofs.to_vec();
		three.push(three[0].clone());
		let call = (2u8, 4u8, sector, three).encode();
		assert!(RuntimeCall::decode(&mut &call[..]).is_err());
		let oversize = (vec![0u8; 1089], Vec::<H256>::new()).encode();
		assert!(zkp_posp::SealedLeaf::decode(&mut &oversize[..]).is_err());
		let exact = (vec![0u8; 1088], Vec::<H256>::new()).encode();
		assert!(zkp_posp::SealedLeaf::decode(&mut &exact[..]).is_ok());
		let call = (2u8, 4u8, sector, proofs.clone()).encode();
		assert!(RuntimeCall::decode(&mut &call[..]).is_ok());
	});
}
