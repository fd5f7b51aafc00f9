//! Unit tests: every call's success path, every bad input (typed error, no state change),
//! challenges answered honestly and dishonestly, the fault schedule with forced exit and
//! repair, rewards, order payments and expiry.

use crate::{mock::*, pallet::*, types::*, Error, Event};
use frame_support::{
	assert_noop, assert_ok, dispatch::Pays, traits::fungible::InspectHold, BoundedVec,
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
	(0..size as u32)
		.map(|i| (i.wrapping_add(salt).wrapping_mul(2_654_435_761) >> 11) as u8)
		.collect()
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
		KEPT.with(|k| {
			k.borrow_mut()
				.insert((who.clone(), index), (sealed, merkle::data_leaf_hashes(&data)))
		});
		assert_ok!(Posp::confirm_sector(RuntimeOrigin::signed(who.clone()), index, root));
	}
}

fn register_and_seal(who: &AccountId, sectors: u32) {
	assert_ok!(Posp::register_provider(RuntimeOrigin::signed(who.clone()), sectors));
	seal_all(who);
}

/// The honest answer to `who`'s outstanding challenge.
fn honest_answer(
	who: &AccountId,
) -> (u32, BoundedVec<zkp_posp::LeafProof, frame_support::traits::ConstU32<2>>) {
	let challenge = Challenges::<Test>::get(who).expect("challenged");
	let proofs = KEPT.with(|k| {
		let kept = k.borrow();
		let (sealed, hashes) = &kept[&(who.clone(), challenge.sector)];
		let sealer = Posp::sealer(&Sectors::<Test>::get(who, challenge.sector).unwrap().seed);
		challenge
			.leaves
			.iter()
			.map(|l| sealed.prove(&sealer, *l, hashes).unwrap())
			.collect::<Vec<_>>()
	});
	(challenge.sector, proofs.try_into().unwrap())
}

fn answer(who: &AccountId) {
	let (sector, proofs) = honest_answer(who);
	let info = Posp::submit_proof(RuntimeOrigin::signed(who.clone()), sector, proofs).unwrap();
	assert_eq!(info.pays_fee, Pays::No);
}

/// Places an order and moves on two blocks, when its replicas are drawn.
fn place(owner: &AccountId, size: usize, replicas: u8, periods: u32) -> u64 {
	let id = place_only(owner, size, replicas, periods);
	// The replicas are drawn two blocks later, with randomness from after the placement.
	run_to_block(System::block_number() + 2);
	id
}

/// Places an order (its replicas are drawn in a later block).
fn place_only(owner: &AccountId, size: usize, replicas: u8, periods: u32) -> u64 {
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

/// The orders waiting for providers.
fn waiting() -> Vec<u64> {
	OrdersAwaitingRepair::<Test>::get().iter().map(|(o, _)| *o).collect()
}

fn held(who: &AccountId) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::Posp(crate::HoldReason::Collateral), who)
}

fn cid() -> BoundedVec<u8, frame_support::traits::ConstU32<64>> {
	b"bafkreitest".to_vec().try_into().unwrap()
}

#[test]
fn registering_holds_collateral_and_asks_for_sealed_capacity() {
	build_and_execute(|| {
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
	build_and_execute(|| {
		assert_noop!(
			Posp::register_provider(RuntimeOrigin::signed(alice()), 0),
			Error::<Test>::InvalidSectorCount
		);
		assert_noop!(
			Posp::register_provider(RuntimeOrigin::signed(alice()), 5),
			Error::<Test>::InvalidSectorCount
		);
		assert_noop!(
			Posp::register_provider(RuntimeOrigin::signed(poor()), 1),
			Error::<Test>::InsufficientBalance
		);
		assert_ok!(Posp::register_provider(RuntimeOrigin::signed(alice()), 1));
		assert_noop!(
			Posp::register_provider(RuntimeOrigin::signed(alice()), 1),
			Error::<Test>::AlreadyRegistered
		);
		for n in 2..=4 {
			assert_ok!(Posp::register_provider(RuntimeOrigin::signed(account(n)), 1));
		}
		assert_noop!(
			Posp::register_provider(RuntimeOrigin::signed(user()), 1),
			Error::<Test>::TooManyProviders
		);
	});
}

#[test]
fn bad_confirmations_fail_and_change_nothing() {
	build_and_execute(|| {
		assert_noop!(
			Posp::confirm_sector(RuntimeOrigin::signed(alice()), 0, H256::zero()),
			Error::<Test>::NotProvider
		);
		register_and_seal(&alice(), 1);
		assert_noop!(
			Posp::confirm_sector(RuntimeOrigin::signed(alice()), 1, H256::zero()),
			Error::<Test>::UnknownSector
		);
		assert_noop!(
			Posp::confirm_sector(RuntimeOrigin::signed(alice()), 0, H256::zero()),
			Error::<Test>::NotSealing
		);
	});
}

#[test]
fn orders_escrow_payment_and_become_active_when_every_replica_is_sealed() {
	build_and_execute(|| {
		for who in [alice(), bob(), charlie()] {
			register_and_seal(&who, 2);
		}
		let before = Balances::free_balance(user());
		let order = place(&user(), 5_000, 2, 4);
		assert_eq!(Balances::free_balance(user()), before - 10 * 2 * 4);
		assert_eq!(
			Balances::balance_on_hold(
				&RuntimeHoldReason::Posp(crate::HoldReason::OrderEscrow),
				&user()
			),
			80
		);
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
		assert!(
			events().contains(&Event::OrderStatusChanged { order, status: OrderStatus::Active })
		);
	});
}

#[test]
fn bad_orders_fail_and_change_nothing() {
	build_and_execute(|| {
		let root = H256::repeat_byte(1);
		let place = |who: AccountId,
		             cid: BoundedVec<u8, _>,
		             size: u64,
		             replicas: u8,
		             periods: u32| {
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
	build_and_execute(|| {
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
	build_and_execute(|| {
		register_and_seal(&alice(), 2);
		register_and_seal(&bob(), 2);
		place(&user(), 8 * 1024, 2, 10);
		seal_all(&alice());
		seal_all(&bob());
		let submit =
			|sector, proofs| Posp::submit_proof(RuntimeOrigin::signed(alice()), sector, proofs);
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
	build_and_execute(|| {
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
		assert_noop!(
			Posp::submit_proof(RuntimeOrigin::signed(alice()), sector, proofs),
			Error::<Test>::DataMismatch
		);
	});
}

#[test]
fn missed_challenges_escalate_5_10_15_percent_then_force_out_and_repair() {
	build_and_execute(|| {
		register_and_seal(&alice(), 2);
		register_and_seal(&bob(), 2);
		register_and_seal(&charlie(), 2);
		let order = place(&user(), 2_000, 1, 50);
		let holder = Orders::<Test>::get(order).unwrap().holders[0].provider.clone();
		seal_all(&holder);
		assert_eq!(Orders::<Test>::get(order).unwrap().status, OrderStatus::Active);
		let honest: Vec<AccountId> =
			[alice(), bob(), charlie()].into_iter().filter(|p| p != &holder).collect();

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
		assert_eq!(collateral, 2_000 - 100 - 190 - 256);
		assert!(events().iter().any(|e| matches!(e,
			Event::ProviderForcedOut { provider, collateral: c, until }
				if *provider == holder && *c == collateral && *until > System::block_number())));
		// Out, but the collateral left unbonds: it is still held, and the strikes are kept.
		assert_eq!(held(&holder), collateral);
		assert_eq!(PastStrikes::<Test>::get(&holder), 3);
		assert_eq!(Sectors::<Test>::iter_prefix(&holder).count(), 0);
		// The replica moved on the first fault and is sealed again by an honest provider.
		let o = Orders::<Test>::get(order).unwrap();
		assert_eq!(o.holders.len(), 1);
		assert!(honest.contains(&o.holders[0].provider));
		assert!(
			events().contains(&Event::OrderStatusChanged { order, status: OrderStatus::Repairing })
		);
		seal_all(&o.holders[0].provider);
		assert_eq!(Orders::<Test>::get(order).unwrap().status, OrderStatus::Active);
	});
}

#[test]
fn a_lost_replica_waits_as_faulty_until_a_provider_has_room() {
	build_and_execute(|| {
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
		assert_eq!(waiting(), vec![order]);
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
	build_and_execute(|| {
		assert_ok!(Posp::register_provider(RuntimeOrigin::signed(alice()), 2));
		run_to_block(SEAL_DEADLINE + PERIOD);
		let faults: Vec<_> = events()
			.into_iter()
			.filter(|e| {
				matches!(e, Event::ProviderFaulted { reason: FaultReason::MissedSealing, .. })
			})
			.collect();
		// Two late sectors, one strike for the period.
		assert_eq!(faults.len(), 2);
		assert_eq!(Providers::<Test>::get(alice()).unwrap().strikes, 1);
	});
}

#[test]
fn periods_score_proven_bytes_and_pay_proven_replicas_without_minting() {
	build_and_execute(|| {
		register_and_seal(&alice(), 1);
		register_and_seal(&bob(), 3);
		let order = place(&user(), 1_000, 1, 3);
		let replica = Orders::<Test>::get(order).unwrap().holders[0].clone();
		seal_all(&replica.provider);
		let issuance = Balances::total_issuance();
		run_to_block(PERIOD);
		// Sealed and confirmed, but nothing has answered a challenge yet: nothing earns.
		assert!(!events().iter().any(|e| matches!(e, Event::ProviderPaid { .. })));
		answer(&alice());
		answer(&bob());
		let (a0, b0) = (Balances::free_balance(alice()), Balances::free_balance(bob()));
		run_to_block(2 * PERIOD);
		// One proven sector each: both score the same; the replica is paid only if its own
		// sector is one of the proven ones. Nothing is minted here (the consensus layer pays
		// the emission by score).
		assert_eq!(Balances::total_issuance(), issuance);
		let replica_proven =
			Sectors::<Test>::get(&replica.provider, replica.sector).unwrap().proven;
		let paid =
			|who: &AccountId| if *who == replica.provider && replica_proven { 10 } else { 0 };
		assert_eq!(Balances::free_balance(alice()), a0 + paid(&alice()));
		assert_eq!(Balances::free_balance(bob()), b0 + paid(&bob()));
		assert!(events().contains(&Event::ProviderPaid {
			provider: bob(),
			proven_bytes: 8 * 1024,
			order_payments: paid(&bob())
		}));
		use zkp_primitives::posp::StorageContribution;
		assert_eq!(Posp::storage_score(&bob()), 8 * 1024 / 4);
		assert_eq!(Posp::total_storage_score(), 2 * 8 * 1024 / 4);
		let mut contributors = Posp::storage_contributors();
		contributors.sort();
		let mut expected = vec![(alice(), 8 * 1024 / 4), (bob(), 8 * 1024 / 4)];
		expected.sort();
		assert_eq!(contributors, expected);
	});
}

#[test]
fn a_faulty_period_earns_nothing_and_unspent_escrow_is_refunded() {
	build_and_execute(|| {
		register_and_seal(&alice(), 1);
		let user_before = Balances::free_balance(user());
		let order = place(&user(), 1_000, 1, 1);
		seal_all(&alice());
		let before = Balances::free_balance(alice());
		run_to_block(PERIOD);
		// Her only sector, the replica, is challenged; she never answers.
		assert!(Challenges::<Test>::get(alice()).is_some());
		run_to_block(2 * PERIOD);
		assert_eq!(Balances::free_balance(alice()), before);
		// The order ran out unpaid: everything goes back to its owner, and the order is gone
		// once the period of its expiry closed.
		assert!(Orders::<Test>::get(order).is_none());
		assert_eq!(Balances::free_balance(user()), user_before);
		assert!(events().contains(&Event::OrderExpired { order, refund: 10 }));
	});
}

#[test]
fn deregistering_keeps_the_collateral_held_until_the_unbonding_delay() {
	build_and_execute(|| {
		assert_noop!(
			Posp::deregister_provider(RuntimeOrigin::signed(alice())),
			Error::<Test>::NotProvider
		);
		register_and_seal(&alice(), 2);
		let order = place(&user(), 1_000, 1, 1);
		assert_noop!(
			Posp::deregister_provider(RuntimeOrigin::signed(alice())),
			Error::<Test>::ProviderHoldsData
		);
		seal_all(&alice());
		run_to_block(PERIOD);
		assert!(Challenges::<Test>::get(alice()).is_some());
		assert_noop!(
			Posp::deregister_provider(RuntimeOrigin::signed(alice())),
			Error::<Test>::ChallengeOutstanding
		);
		answer(&alice());
		run_to_block(2 * PERIOD);
		assert_eq!(Orders::<Test>::get(order).unwrap().status, OrderStatus::Expired);
		if Challenges::<Test>::get(alice()).is_some() {
			answer(&alice());
		}
		seal_all(&alice());
		assert_ok!(Posp::deregister_provider(RuntimeOrigin::signed(alice())));
		let until = System::block_number() + UNBONDING;
		assert!(events().contains(&Event::ProviderDeregistered {
			provider: alice(),
			collateral: 2_000,
			until
		}));
		assert!(Providers::<Test>::get(alice()).is_none());
		assert_eq!(Sectors::<Test>::iter_prefix(alice()).count(), 0);
		assert!(ProviderList::<Test>::get().is_empty());
		// The collateral stays held; she cannot come back before taking it, nor take it early.
		assert_eq!(held(&alice()), 2_000);
		assert_noop!(
			Posp::register_provider(RuntimeOrigin::signed(alice()), 1),
			Error::<Test>::StillDeparting
		);
		assert_noop!(
			Posp::withdraw_collateral(RuntimeOrigin::signed(alice())),
			Error::<Test>::CollateralStillBonded
		);
		assert_noop!(
			Posp::withdraw_collateral(RuntimeOrigin::signed(bob())),
			Error::<Test>::NotDeparted
		);
		run_to_block(until);
		assert_ok!(Posp::withdraw_collateral(RuntimeOrigin::signed(alice())));
		assert_eq!(held(&alice()), 0);
		assert!(
			events().contains(&Event::CollateralWithdrawn { provider: alice(), collateral: 2_000 })
		);
	});
}

#[test]
fn an_unfetchable_replica_is_given_back_without_a_strike_and_the_order_ends_after_max_rejections() {
	build_and_execute(|| {
		for who in [alice(), bob(), charlie()] {
			register_and_seal(&who, 1);
		}
		let user_free = Balances::free_balance(user());
		let order = place(&user(), 2_000, 1, 10);
		let first = Orders::<Test>::get(order).unwrap().holders[0].provider.clone();
		// Bad inputs first: nothing changes.
		assert_noop!(
			Posp::reject_replica(RuntimeOrigin::signed(user()), 0),
			Error::<Test>::NotProvider
		);
		assert_noop!(
			Posp::reject_replica(RuntimeOrigin::signed(first.clone()), 1),
			Error::<Test>::UnknownSector
		);
		let idle = [alice(), bob(), charlie()].into_iter().find(|p| *p != first).unwrap();
		assert_noop!(
			Posp::reject_replica(RuntimeOrigin::signed(idle), 0),
			Error::<Test>::NotAReplica
		);

		assert_ok!(Posp::reject_replica(RuntimeOrigin::signed(first.clone()), 0));
		let o = Orders::<Test>::get(order).unwrap();
		assert_eq!(
			(o.rejected_by.to_vec(), o.holders.len(), o.status),
			(vec![first.clone()], 0, OrderStatus::Pending)
		);
		// Redrawn two blocks later, never to the provider that refused it.
		assert_eq!(waiting(), vec![order]);
		run_to_block(System::block_number() + 2);
		let o = Orders::<Test>::get(order).unwrap();
		assert_eq!(o.holders.len(), 1);
		let second = o.holders[0].provider.clone();
		assert_ne!(second, first);
		assert_eq!(Providers::<Test>::get(&first).unwrap().strikes, 0);
		assert_eq!(Sectors::<Test>::get(&first, 0).unwrap().content, SectorContent::Empty);
		// The second rejection (MaxRejections = 2) ends the order and refunds everything.
		assert_ok!(Posp::reject_replica(RuntimeOrigin::signed(second), 0));
		let o = Orders::<Test>::get(order).unwrap();
		assert_eq!((o.status, o.escrow, o.holders.len()), (OrderStatus::Expired, 0, 0));
		assert_eq!(Balances::free_balance(user()), user_free);
		assert!(events().contains(&Event::ReplicaRejected {
			order,
			provider: first,
			sector: 0,
			rejections: 1
		}));
	});
}

#[test]
fn a_sealed_replica_cannot_be_rejected_and_orders_below_the_minimum_price_fail() {
	build_and_execute(|| {
		register_and_seal(&alice(), 1);
		let order = place(&user(), 2_000, 1, 10);
		seal_all(&alice());
		assert_eq!(Orders::<Test>::get(order).unwrap().status, OrderStatus::Active);
		assert_noop!(
			Posp::reject_replica(RuntimeOrigin::signed(alice()), 0),
			Error::<Test>::NotSealing
		);
		register_and_seal(&bob(), 1);
		assert_noop!(
			Posp::place_order(
				RuntimeOrigin::signed(user()),
				cid(),
				100,
				H256::repeat_byte(1),
				1,
				1,
				0
			),
			Error::<Test>::PriceTooLow
		);
	});
}

#[test]
fn a_challenged_sector_is_never_handed_a_replica_and_replicas_are_challenged_within_their_file() {
	build_and_execute(|| {
		register_and_seal(&alice(), 1);
		run_to_block(PERIOD);
		assert_eq!(Challenges::<Test>::get(alice()).map(|c| c.sector), Some(0));
		// Alice's only free sector is under challenge: no replica may go there now, so the
		// order waits (pending, its sector still empty) for the period to close.
		// A 2 KiB file in an 8 KiB sector: every challenged leaf is one of its 2 chunks.
		let order = place(&user(), 2 * 1024, 1, 50);
		let o = Orders::<Test>::get(order).unwrap();
		assert_eq!((o.status, o.holders.len()), (OrderStatus::Pending, 0));
		assert_eq!(waiting(), vec![order]);
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
	build_and_execute(|| {
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
	build_and_execute(|| {
		register_and_seal(&alice(), 2);
		run_to_block(PERIOD);
		// Alice's unchallenged sector takes the first order; her challenged one can't take a
		// replica now, so the next two orders wait.
		let first = place_only(&user(), 1_000, 1, 50);
		let short = place_only(&user(), 1_000, 1, 1);
		let ended = place_only(&user(), 1_000, 1, 50);
		run_to_block(PERIOD + 2);
		assert_eq!(Orders::<Test>::get(first).unwrap().holders.len(), 1);
		assert_eq!(waiting(), vec![short, ended]);
		// `ended` ends while waiting (as after `MaxRejections`), `short` runs out of time.
		Posp::expire_order(ended, System::block_number());
		Orders::<Test>::mutate(short, |o| o.as_mut().unwrap().expires_at = PERIOD + 2);
		answer(&alice());
		run_to_block(PERIOD + 3);
		for order in [short, ended] {
			let o = Orders::<Test>::get(order).unwrap();
			assert_eq!((o.status, o.holders.len()), (OrderStatus::Expired, 0));
		}
		assert!(OrdersAwaitingRepair::<Test>::get().is_empty());
		assert!(Sectors::<Test>::iter_prefix(alice())
			.all(|(_, s)| s.content != SectorContent::Data { order: short }));
		assert!(Sectors::<Test>::iter_prefix(alice())
			.all(|(_, s)| s.content != SectorContent::Data { order: ended }));
		// An expired order is removed when the period closes.
		run_to_block(2 * PERIOD);
		assert!(Orders::<Test>::get(short).is_none());
	});
}

#[test]
fn an_order_that_would_wait_is_refused_when_the_waiting_list_is_full() {
	build_and_execute(|| {
		register_and_seal(&alice(), 1);
		run_to_block(PERIOD);
		OrdersAwaitingRepair::<Test>::put(BoundedVec::truncate_from(vec![
			(90, 1),
			(91, 1),
			(92, 1),
			(93, 1),
		]));
		assert_noop!(
			Posp::place_order(
				RuntimeOrigin::signed(user()),
				cid(),
				100,
				H256::repeat_byte(1),
				1,
				1,
				10
			),
			Error::<Test>::TooManyOrdersWaiting
		);
		OrdersAwaitingRepair::<Test>::kill();
	});
}

#[test]
fn oversize_values_do_not_even_decode() {
	use codec::{Decode, Encode};
	build_and_execute(|| {
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

// ---------------------------------------------------------------- attacks

/// Register the most sectors allowed, confirm roots nobody can open, collect the period's
/// reward, fail the challenge for free, leave, repeat: now nothing is earned before a sector
/// answers a challenge, the first strike costs collateral, and leaving keeps the collateral
/// held and the strikes on record.
#[test]
fn attack_confirming_roots_nobody_can_open_earns_nothing_and_costs_collateral() {
	use zkp_primitives::posp::StorageContribution;
	build_and_execute(|| {
		let attacker = dave();
		assert_ok!(Posp::register_provider(RuntimeOrigin::signed(attacker.clone()), 4));
		for sector in 0..4 {
			assert_ok!(Posp::confirm_sector(
				RuntimeOrigin::signed(attacker.clone()),
				sector,
				H256::repeat_byte(sector as u8 + 1)
			));
		}
		register_and_seal(&alice(), 1);
		let free = Balances::free_balance(&attacker);
		run_to_block(PERIOD);
		assert!(!events().iter().any(|e| matches!(e, Event::ProviderPaid { .. })));
		// Both are challenged; only alice can answer.
		answer(&alice());
		run_to_block(PERIOD + DEADLINE + 1);
		assert_eq!(held(&attacker), 4_000 - 200, "the first strike costs 5 %");
		run_to_block(2 * PERIOD);
		assert_eq!(Balances::free_balance(&attacker), free, "no reward, ever");
		assert_eq!(Posp::storage_score(&attacker), 0);
		assert!(events().contains(&Event::ProviderPaid {
			provider: alice(),
			proven_bytes: 8 * 1024,
			order_payments: 0
		}));
		assert!(!events()
			.iter()
			.any(|e| matches!(e, Event::ProviderPaid { provider, .. } if *provider == attacker)));
		// It leaves when its next challenge has lapsed: the collateral stays held and the
		// strikes come back with it.
		run_to_block(2 * PERIOD + DEADLINE + 1);
		let strikes = Providers::<Test>::get(&attacker).unwrap().strikes;
		assert_eq!(strikes, 2);
		let collateral = held(&attacker);
		assert_ok!(Posp::deregister_provider(RuntimeOrigin::signed(attacker.clone())));
		assert_eq!(held(&attacker), collateral);
		assert_noop!(
			Posp::register_provider(RuntimeOrigin::signed(attacker.clone()), 4),
			Error::<Test>::StillDeparting
		);
		run_to_block(System::block_number() + UNBONDING);
		assert_ok!(Posp::withdraw_collateral(RuntimeOrigin::signed(attacker.clone())));
		assert_ok!(Posp::register_provider(RuntimeOrigin::signed(attacker.clone()), 1));
		assert_eq!(Providers::<Test>::get(&attacker).unwrap().strikes, strikes);
	});
}

/// An order that ends while its replica's sector is challenged: the chain reseals the
/// sector, so it must withdraw the challenge rather than fault the provider for it.
#[test]
fn a_sector_the_chain_takes_back_is_no_longer_challenged() {
	build_and_execute(|| {
		register_and_seal(&alice(), 1);
		register_and_seal(&bob(), 1);
		// Two replicas for one period (it expires at block 11, mid-period).
		let order = place_only(&user(), 1_000, 2, 1);
		run_to_block(3);
		let holders = Orders::<Test>::get(order).unwrap().holders;
		let (kept, refused) = (holders[0].clone(), holders[1].clone());
		seal_all(&kept.provider);
		assert_ok!(Posp::reject_replica(
			RuntimeOrigin::signed(refused.provider.clone()),
			refused.sector
		));
		run_to_block(PERIOD);
		assert_eq!(Challenges::<Test>::get(&kept.provider).map(|c| c.sector), Some(kept.sector));
		run_to_block(PERIOD + 1);
		assert_eq!(Orders::<Test>::get(order).unwrap().status, OrderStatus::Expired);
		assert!(Challenges::<Test>::get(&kept.provider).is_none(), "withdrawn with the sector");
		run_to_block(PERIOD + DEADLINE + 1);
		assert!(!events().iter().any(|e| matches!(e, Event::ProviderFaulted { .. })));
		assert_eq!(Providers::<Test>::get(&kept.provider).unwrap().strikes, 0);
	});
}

/// Providers that refuse a file (`MaxRejections` = 2 here) can no longer end an order whose
/// other replicas are sealed: the order goes on with those.
#[test]
fn attack_rejections_never_wipe_sealed_replicas() {
	build_and_execute(|| {
		for who in [alice(), bob(), charlie()] {
			register_and_seal(&who, 1);
		}
		let order = place(&user(), 1_000, 2, 10);
		let holders = Orders::<Test>::get(order).unwrap().holders;
		let (kept, first) = (holders[0].clone(), holders[1].clone());
		seal_all(&kept.provider);
		assert_ok!(Posp::reject_replica(
			RuntimeOrigin::signed(first.provider.clone()),
			first.sector
		));
		run_to_block(System::block_number() + 2);
		let second = Orders::<Test>::get(order).unwrap().holders[1].clone();
		assert!(second.provider != first.provider && second.provider != kept.provider);
		assert_ok!(Posp::reject_replica(
			RuntimeOrigin::signed(second.provider.clone()),
			second.sector
		));
		let o = Orders::<Test>::get(order).unwrap();
		assert_eq!((o.status, o.replicas, o.holders.len()), (OrderStatus::Active, 1, 1));
		assert_eq!(o.rejected_by.to_vec(), vec![first.provider, second.provider]);
		assert!(events().contains(&Event::ReplicasReduced { order, replicas: 1 }));
		assert_eq!(
			Sectors::<Test>::get(&kept.provider, kept.sector).unwrap().content,
			SectorContent::Data { order }
		);
	});
}

/// Nobody can predict an order's providers when placing it: nothing is drawn in the
/// extrinsic, nor in the next block (whose randomness the placing block's author knew).
#[test]
fn attack_replicas_are_drawn_with_randomness_from_after_the_order() {
	build_and_execute(|| {
		register_and_seal(&alice(), 1);
		register_and_seal(&bob(), 1);
		let placed = System::block_number();
		let order = place_only(&user(), 1_000, 1, 10);
		let assigned = || events().iter().any(|e| matches!(e, Event::ReplicaAssigned { .. }));
		assert!(!assigned() && Orders::<Test>::get(order).unwrap().holders.is_empty());
		run_to_block(placed + 1);
		assert!(!assigned());
		run_to_block(placed + 2);
		assert!(assigned());
		// Challenges: the answer window runs from the block whose VRF output picked them.
		run_to_block(PERIOD);
		let deadline = Challenges::<Test>::iter().next().unwrap().1.deadline;
		assert_eq!(deadline, PERIOD - 1 + DEADLINE);
	});
}

/// The fault path (a strike that may reassign a replica) is charged in `on_initialize`,
/// per fault.
#[test]
fn sealing_faults_are_charged_in_the_hook() {
	use crate::WeightInfo;
	build_and_execute(|| {
		for who in [alice(), bob(), charlie(), dave()] {
			assert_ok!(Posp::register_provider(RuntimeOrigin::signed(who), 4));
		}
		// Sealing was due by block 1 + SEAL_DEADLINE: the first period close after it.
		let boundary = ((1 + SEAL_DEADLINE) / PERIOD + 1) * PERIOD;
		run_to_block(boundary - 1);
		System::set_block_number(boundary);
		let weight = <Posp as frame_support::traits::Hooks<u64>>::on_initialize(boundary);
		let faults = events()
			.iter()
			.filter(|e| {
				matches!(e, Event::ProviderFaulted { reason: FaultReason::MissedSealing, .. })
			})
			.count() as u64;
		assert_eq!(faults, 16);
		assert!(weight.ref_time() >= <() as WeightInfo>::fault_with_repair(4).ref_time() * faults);
	});
}

#[test]
fn stored_enums_keep_their_encoding() {
	use codec::Encode;
	assert_eq!(SectorContent::Empty.encode(), [0]);
	assert_eq!(SectorContent::Data { order: 1 }.encode()[0], 1);
	assert_eq!(SectorState::Sealing { deadline: 1u64 }.encode()[0], 0);
	assert_eq!(SectorState::<u64>::Active { sealed_root: H256::zero() }.encode()[0], 1);
	assert_eq!(ReplicaState::Active.encode(), [1]);
	assert_eq!(OrderStatus::Expired.encode(), [4]);
	assert_eq!(OrderStatus::Faulty.encode(), [2]);
	assert_eq!(FaultReason::MissedSealing.encode(), [1]);
}
