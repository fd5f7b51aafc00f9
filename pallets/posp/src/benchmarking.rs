//! FRAME benchmarks. Sectors are "confirmed" with arbitrary roots where no proof is checked;
//! for `submit_proof` the challenged leaves (and the leaves before them) are really sealed
//! with the runtime's rounds under a real seed, and the rest of the sector is filler, which the
//! verifier cannot tell apart: it only sees the opened leaves and their Merkle paths.

use super::*;
use crate::{functions::STRIKES_TO_EXIT, Pallet as Posp};
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, Get},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_core::H256;
use sp_runtime::traits::{Bounded, One, Saturating};
use zkp_posp::{
	merkle,
	sector::{data_chunk, leaf_range},
	SealedSector, Sealer, SEALED_LEAF_BYTES,
};

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 1_000_000u32.into());
	who
}

/// A provider with `sectors` confirmed, empty sectors.
fn provider<T: Config>(index: u32, sectors: u32) -> T::AccountId {
	let who = funded::<T>("provider", index);
	Posp::<T>::do_register_provider(who.clone(), sectors).expect("room for providers");
	for sector in 0..sectors {
		Posp::<T>::do_confirm_sector(who.clone(), sector, H256::repeat_byte(1)).expect("sealing");
	}
	who
}

/// A file that fills a whole sector.
fn sector_file<T: Config>() -> Vec<u8> {
	(0..Posp::<T>::sector_bytes() as u32)
		.map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
		.collect()
}

/// A CID of the longest length accepted.
fn longest_cid<T: Config>() -> BoundedVec<u8, T::MaxCidLen> {
	vec![b'b'; T::MaxCidLen::get() as usize].try_into().expect("max length")
}

/// Moves two blocks on (so randomness exists that did not when the orders were placed) and
/// assigns the waiting orders, as `on_initialize` does.
fn assign_waiting<T: Config>() {
	let now = frame_system::Pallet::<T>::block_number().saturating_add(2u32.into());
	frame_system::Pallet::<T>::set_block_number(now);
	Posp::<T>::assign_waiting(now);
}

/// Places a `replicas`-replica order of `data` from a fresh user and assigns its replicas.
fn order<T: Config>(data: &[u8], replicas: u8) -> OrderId {
	let user = funded::<T>("user", 0);
	let id = NextOrderId::<T>::get();
	Posp::<T>::do_place_order(
		user,
		longest_cid::<T>(),
		data.len() as u64,
		merkle::data_root(data),
		replicas,
		// The longest order: none expires while a benchmark sets up (each order moves two
		// blocks on, and expiring is not what the benchmarks measure).
		T::MaxOrderPeriods::get(),
		T::MinPricePerPeriod::get(),
	)
	.expect("enough providers");
	assign_waiting::<T>();
	id
}

/// Marks every active sector of `who` as having answered a challenge.
fn prove_all<T: Config>(who: &T::AccountId) {
	let active: Vec<SectorIndex> = Sectors::<T>::iter_prefix(who)
		.filter(|(_, s)| matches!(s.state, SectorState::Active { .. }) && !s.proven)
		.map(|(i, _)| i)
		.collect();
	for sector in active {
		Sectors::<T>::mutate(who, sector, |s| s.as_mut().map(|s| s.proven = true));
		Providers::<T>::mutate(who, |p| p.as_mut().map(|p| p.proven_sectors += 1));
	}
}

/// `count` challenged leaves: 1, 3, 5, … (each with the leaf before it).
fn challenged_leaves<T: Config>(count: u32) -> Vec<u32> {
	(0..count).map(|k| (2 * k + 1) % T::SectorLeaves::get()).collect()
}

/// Seals the challenged leaves of `data` under `seed` (in increasing order, from whatever
/// their previous and parent leaves hold); zero filler elsewhere.
fn partly_sealed<T: Config>(seed: &[u8; 32], data: &[u8], leaves: &[u32]) -> SealedSector {
	let sealer = Posp::<T>::sealer(seed);
	let mut bytes = vec![0u8; T::SectorLeaves::get() as usize * SEALED_LEAF_BYTES];
	for &leaf in leaves {
		let (chain, parents) = match leaf.checked_sub(1) {
			None => (sealer.initial_chain(), Sealer::parent_sums(&[]).expect("no parents")),
			Some(previous) => {
				let slices: Vec<&[u8]> =
					sealer.parents(leaf).iter().map(|p| &bytes[leaf_range(*p)]).collect();
				let sums = Sealer::parent_sums(&slices).expect("canonical filler");
				(
					Sealer::last_element(&bytes[leaf_range(previous)]).expect("canonical filler"),
					sums,
				)
			},
		};
		let mut out = vec![0u8; SEALED_LEAF_BYTES];
		sealer.seal_leaf(leaf, data_chunk(data, leaf), chain, &parents, &mut out);
		bytes[leaf_range(leaf)].copy_from_slice(&out);
	}
	SealedSector::from_bytes(bytes)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_provider(s: Linear<1, { T::MaxSectorsPerProvider::get() }>) {
		let who = funded::<T>("provider", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), s);

		assert_eq!(Providers::<T>::get(&who).map(|i| i.sectors), Some(s));
	}

	#[benchmark]
	fn deregister_provider(s: Linear<1, { T::MaxSectorsPerProvider::get() }>) {
		let who = provider::<T>(0, s);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(Providers::<T>::get(&who).is_none());
	}

	/// Confirming a replica's sector, which also updates its order (the heavier case).
	#[benchmark]
	fn confirm_sector() {
		let who = provider::<T>(0, 1);
		let id = order::<T>(&[1u8; 100], 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(who), 0, H256::repeat_byte(2));

		assert_eq!(Orders::<T>::get(id).map(|o| o.status), Some(OrderStatus::Active));
	}

	/// Placing an order and assigning it in a later block (the owner pays for both): `r`
	/// replicas among `p` registered providers with free sectors, every one of them under a
	/// challenge (so each draw reads every provider's challenged sector): `r - 1` of them
	/// have a second, unchallenged sector and take a replica; the last replica finds nobody
	/// and the order stays on an almost full waiting list.
	#[benchmark]
	fn place_order(
		r: Linear<1, { T::MaxReplicas::get() }>,
		p: Linear<{ T::MaxReplicas::get() }, { T::MaxProviders::get() }>,
	) {
		let deadline =
			frame_system::Pallet::<T>::block_number().saturating_add(T::ChallengePeriod::get());
		for i in 0..p {
			let who = provider::<T>(i, if i + 1 < r { 2 } else { 1 });
			Challenges::<T>::insert(
				&who,
				Challenge { sector: 0, leaves: Default::default(), deadline },
			);
		}
		// New orders may fill half the list.
		let waiting = (T::MaxOrdersAwaitingRepair::get() / 2).saturating_sub(1);
		let later = BlockNumberFor::<T>::max_value();
		OrdersAwaitingRepair::<T>::put(BoundedVec::truncate_from(
			(1_000..1_000 + waiting as OrderId).map(|o| (o, later)).collect(),
		));
		let user = funded::<T>("user", 0);
		let root = H256::repeat_byte(3);

		#[block]
		{
			Posp::<T>::do_place_order(
				user,
				longest_cid::<T>(),
				1_000,
				root,
				r as u8,
				10,
				T::MinPricePerPeriod::get(),
			)
			.expect("enough providers");
			assign_waiting::<T>();
		}

		assert_eq!(Orders::<T>::get(0).map(|o| o.holders.len() as u32), Some(r - 1));
		assert!(OrdersAwaitingRepair::<T>::get().iter().any(|(o, _)| *o == 0));
	}

	/// An honest answer for `l` leaves of a sector holding a file (data paths checked too).
	#[benchmark]
	fn submit_proof(l: Linear<1, { T::LeavesPerChallenge::get() }>) {
		let who = provider::<T>(0, 1);
		let data = sector_file::<T>();
		let id = order::<T>(&data, 1);
		let seed = Sectors::<T>::get(&who, 0).expect("assigned").seed;
		let leaves = challenged_leaves::<T>(l);
		let sealed = partly_sealed::<T>(&seed, &data, &leaves);
		Posp::<T>::do_confirm_sector(who.clone(), 0, sealed.root()).expect("sealing");
		let deadline =
			frame_system::Pallet::<T>::block_number().saturating_add(T::ChallengeDeadline::get());
		Challenges::<T>::insert(
			&who,
			Challenge { sector: 0, leaves: leaves.clone().try_into().unwrap(), deadline },
		);
		let hashes = merkle::data_leaf_hashes(&data);
		let sealer = Posp::<T>::sealer(&seed);
		let proofs: Vec<_> = leaves
			.iter()
			.map(|i| sealed.prove(&sealer, *i, &hashes).expect("in range"))
			.collect();
		let proofs: BoundedVec<_, T::LeavesPerChallenge> = proofs.try_into().unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), 0, proofs);

		assert!(Challenges::<T>::get(&who).is_none());
		assert_eq!(Orders::<T>::get(id).map(|o| o.status), Some(OrderStatus::Active));
	}

	/// `c` unanswered challenges expire, each on a sector holding a replica that is repaired
	/// by another provider, and each the provider's third strike (forced out).
	#[benchmark]
	fn expire_challenges(
		c: Linear<1, { T::MaxChallengesPerPeriod::get().min(T::MaxProviders::get() / 2) }>,
	) {
		let mut holders = Vec::new();
		for i in 0..c {
			let who = provider::<T>(i, 1);
			order::<T>(&[i as u8; 100], 1);
			Posp::<T>::do_confirm_sector(who.clone(), 0, H256::repeat_byte(4)).expect("sealing");
			Providers::<T>::mutate(&who, |p| p.as_mut().map(|p| p.strikes = STRIKES_TO_EXIT - 1));
			holders.push(who);
		}
		for i in 0..c {
			provider::<T>(c + i, 1);
		}
		let now = frame_system::Pallet::<T>::block_number().saturating_add(One::one());
		for who in holders.iter() {
			let deadline = now.saturating_sub(One::one());
			Challenges::<T>::insert(
				who,
				Challenge { sector: 0, leaves: Default::default(), deadline },
			);
		}
		ChallengeDeadlineAt::<T>::put(now.saturating_sub(One::one()));

		#[block]
		{
			Posp::<T>::on_block(now);
		}

		assert!(holders.iter().all(|h| Providers::<T>::get(h).is_none()));
	}

	/// A period closes over `s` providers with one replica-holding sector each (paid).
	#[benchmark]
	fn close_period(s: Linear<1, { T::MaxProviders::get() }>) {
		for i in 0..s {
			let who = provider::<T>(i, 1);
			order::<T>(&[i as u8; 100], 1);
			Posp::<T>::do_confirm_sector(who.clone(), 0, H256::repeat_byte(5)).expect("sealing");
			prove_all::<T>(&who);
		}
		let now: BlockNumberFor<T> = frame_system::Pallet::<T>::block_number();

		#[block]
		{
			Posp::<T>::close_period(now);
		}

		assert_eq!(Orders::<T>::get(0).map(|o| o.status), Some(OrderStatus::Active));
	}

	/// `c` providers are challenged (one sector and `LeavesPerChallenge` leaves each).
	#[benchmark]
	fn issue_challenges(
		c: Linear<1, { T::MaxChallengesPerPeriod::get().min(T::MaxProviders::get()) }>,
	) {
		for i in 0..c {
			provider::<T>(i, 1);
		}
		let now: BlockNumberFor<T> = T::ChallengePeriod::get();

		#[block]
		{
			Posp::<T>::issue_challenges(now);
		}

		assert_eq!(Challenges::<T>::iter().count() as u32, c);
	}

	/// A provider gives back an assigned replica (one of `p` registered); the order waits
	/// for another provider.
	#[benchmark]
	fn reject_replica(p: Linear<2, { T::MaxProviders::get() }>) {
		for i in 0..p {
			provider::<T>(i, 1);
		}
		let id = order::<T>(&[7u8; 100], 1);
		let holder = Orders::<T>::get(id).expect("placed").holders[0].provider.clone();

		#[extrinsic_call]
		_(RawOrigin::Signed(holder.clone()), 0);

		let order = Orders::<T>::get(id).expect("kept");
		assert!(order.holders.is_empty() && order.rejected_by.contains(&holder));
		assert!(OrdersAwaitingRepair::<T>::get().iter().any(|(o, _)| *o == id));
	}

	/// A provider that left takes its collateral back.
	#[benchmark]
	fn withdraw_collateral() {
		let who = provider::<T>(0, 1);
		Posp::<T>::do_deregister_provider(who.clone()).expect("no data");
		let until = Departures::<T>::get(&who).expect("departing").until;
		frame_system::Pallet::<T>::set_block_number(until);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(Departures::<T>::get(&who).is_none());
	}

	/// The fault path at its worst: a slashing strike on a proven sector holding a replica,
	/// which is drawn anew among `p` providers with a free sector each.
	#[benchmark]
	fn fault_with_repair(p: Linear<2, { T::MaxProviders::get() }>) {
		for i in 0..p {
			let who = provider::<T>(i, 1);
			prove_all::<T>(&who);
		}
		let id = order::<T>(&[8u8; 100], 1);
		let holder = Orders::<T>::get(id).expect("placed").holders[0].provider.clone();
		Posp::<T>::do_confirm_sector(holder.clone(), 0, H256::repeat_byte(6)).expect("sealing");
		prove_all::<T>(&holder);
		Providers::<T>::mutate(&holder, |i| i.as_mut().map(|i| i.strikes = 1));
		let now = frame_system::Pallet::<T>::block_number();

		#[block]
		{
			Posp::<T>::fault(&holder, 0, FaultReason::MissedChallenge, now);
		}

		let order = Orders::<T>::get(id).expect("kept");
		assert_eq!(order.status, OrderStatus::Repairing);
		assert!(order.holders.iter().all(|r| r.provider != holder));
	}

	impl_benchmark_test_suite!(Posp, crate::mock::new_test_ext(), crate::mock::Test);
}
