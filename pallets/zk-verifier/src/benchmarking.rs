//! FRAME benchmarks. Groth16 keys and proofs come from [`zkp_groth16::simulate`] (a known
//! trapdoor), which the verifier treats exactly like real ones, so any input count and batch
//! size can be measured. BLS12-381 is the slower curve; its cost is used for both.
//!
//! STARK proofs are real Miden proofs made by `scripts/zk/make-stark-fixtures.sh`, of growing
//! traces, with the hash function that is slowest to verify: a proof of `l` bytes is measured
//! with the smallest fixture at least that long, so every point is an upper bound for the
//! proofs it stands for, up to the largest fixture, which is as long as any proof accepted.

use super::*;
use crate::Pallet as ZkVerifier;
use alloc::vec::Vec;
use codec::Decode;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, Get, Hooks},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_core::H256;
use sp_runtime::traits::Bounded;
use zkp_primitives::zk::{Curve, Groth16Backend, InRuntimeVerifier};

const CURVE: Curve = Curve::Bls12_381;

fn funded<T: Config>() -> T::AccountId
where
	T::Currency: Mutate<T::AccountId>,
{
	let who: T::AccountId = whitelisted_caller();
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 2u32.into());
	who
}

fn registered<T: Config>(
	who: &T::AccountId,
	inputs: u32,
	proofs: u32,
) -> (H256, Vec<(Vec<u8>, Vec<[u8; 32]>)>) {
	let (vk, batch) = zkp_groth16::simulate::fixture(CURVE, inputs as usize, proofs as usize, 7);
	let hash = ZkVerifier::<T>::do_register_vk(who.clone(), CURVE, vk).expect("valid key");
	(hash, batch)
}

/// The benchmarks' STARK proofs, smallest first (`(program_hash, inputs, outputs, proof)`).
const STARK_FIXTURES: [&[u8]; 3] = [
	include_bytes!("../../../fixtures/stark/bench-small.scale"),
	include_bytes!("../../../fixtures/stark/bench-medium.scale"),
	include_bytes!("../../../fixtures/stark/bench-large.scale"),
];

/// A STARK statement and its proof.
pub(crate) type StarkFixture = ([u8; 32], Vec<u64>, Vec<u64>, Vec<u8>);

/// The smallest benchmark fixture whose proof has at least `len` bytes (the largest if none).
pub(crate) fn stark_fixture(len: u32) -> StarkFixture {
	let decoded = STARK_FIXTURES
		.iter()
		.map(|bytes| StarkFixture::decode(&mut &bytes[..]).expect("fixtures decode"));
	let mut last = None;
	for fixture in decoded {
		if fixture.3.len() >= len as usize {
			return fixture;
		}
		last = Some(fixture);
	}
	last.expect("fixtures exist")
}

fn bounded<T, S: Get<u32>>(v: Vec<T>) -> BoundedVec<T, S> {
	v.try_into().ok().expect("within bounds")
}

#[benchmarks(where T::Currency: Mutate<T::AccountId>)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_vk(n: Linear<0, { types::MAX_INPUTS }>) {
		let who = funded::<T>();
		let (vk, _) = zkp_groth16::simulate::fixture(CURVE, n as usize, 0, 1);
		let hash = H256(zkp_groth16::vk_hash(CURVE, &vk));

		#[extrinsic_call]
		_(RawOrigin::Signed(who), CURVE, bounded(vk));

		assert!(VerificationKeys::<T>::contains_key(hash));
	}

	#[benchmark]
	fn unregister_vk() {
		let who = funded::<T>();
		let (hash, _) = registered::<T>(&who, types::MAX_INPUTS, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who), hash);

		assert!(!VerificationKeys::<T>::contains_key(hash));
	}

	#[benchmark]
	fn submit_proof(n: Linear<0, { types::MAX_INPUTS }>) {
		let who = funded::<T>();
		let (hash, batch) = registered::<T>(&who, n, 1);
		let (proof, inputs) = batch.into_iter().next().expect("one proof");

		#[extrinsic_call]
		_(RawOrigin::Signed(who), VkOrHash::Hash(hash), bounded(proof), bounded(inputs));

		assert_eq!(AttestationLeaves::<T>::get(frame_system::Pallet::<T>::block_number()).len(), 1);
	}

	#[benchmark]
	fn submit_batch(b: Linear<1, { T::MaxBatchSize::get() }>, n: Linear<0, { types::MAX_INPUTS }>) {
		let who = funded::<T>();
		let (hash, batch) = registered::<T>(&who, n, b);
		let items: Vec<BatchItem> = batch
			.into_iter()
			.map(|(proof, inputs)| BatchItem { proof: bounded(proof), inputs: bounded(inputs) })
			.collect();

		#[extrinsic_call]
		_(RawOrigin::Signed(who), hash, bounded(items));

		assert_eq!(
			AttestationLeaves::<T>::get(frame_system::Pallet::<T>::block_number()).len() as u32,
			b
		);
	}

	#[benchmark]
	fn register_program() {
		let who = funded::<T>();
		let hash = H256(stark_fixture(0).0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who), hash);

		assert!(StarkPrograms::<T>::contains_key(hash));
	}

	#[benchmark]
	fn unregister_program() {
		let who = funded::<T>();
		let hash = H256(stark_fixture(0).0);
		ZkVerifier::<T>::do_register_program(who.clone(), hash).expect("registers");

		#[extrinsic_call]
		_(RawOrigin::Signed(who), hash);

		assert!(!StarkPrograms::<T>::contains_key(hash));
	}

	#[benchmark]
	fn submit_stark_proof(l: Linear<0, { types::MAX_STARK_PROOF_LEN }>) {
		let who = funded::<T>();
		let (program, inputs, outputs, proof) = stark_fixture(l);
		let hash = H256(program);
		ZkVerifier::<T>::do_register_program(who.clone(), hash).expect("registers");

		#[extrinsic_call]
		_(RawOrigin::Signed(who), hash, bounded(inputs), bounded(outputs), bounded(proof));

		assert_eq!(AttestationLeaves::<T>::get(frame_system::Pallet::<T>::block_number()).len(), 1);
	}

	/// The same verification done inside the runtime (no host call): the pure-WASM cost, for
	/// comparison only (no call uses it).
	#[benchmark]
	fn verify_in_runtime(n: Linear<0, { types::MAX_INPUTS }>) {
		let (vk, batch) = zkp_groth16::simulate::fixture(CURVE, n as usize, 1, 3);
		let (proof, inputs) = &batch[0];
		#[block]
		{
			InRuntimeVerifier::verify(CURVE, &vk, proof, inputs).expect("valid proof");
		}
	}

	#[benchmark]
	fn on_initialize_prune(l: Linear<0, { T::MaxStatementsPerBlock::get() }>) {
		let retention = T::AttestationRetention::get();
		let expired: BlockNumberFor<T> = 1u32.into();
		let now = expired + retention;
		let leaves: Vec<H256> = (0..l)
			.map(|i| {
				let mut b = [3u8; 32];
				b[..4].copy_from_slice(&i.to_le_bytes());
				H256(b)
			})
			.collect();
		for (i, leaf) in leaves.iter().enumerate() {
			StatementLocations::<T>::insert(leaf, (expired, i as u32));
		}
		AttestationLeaves::<T>::insert(expired, bounded::<_, T::MaxStatementsPerBlock>(leaves));
		AttestationRoots::<T>::insert(expired, AttestationRoot { root: H256::zero(), leaves: l });

		#[block]
		{
			ZkVerifier::<T>::prune_attestations(now);
		}

		assert!(AttestationRoots::<T>::get(expired).is_none());
	}

	#[benchmark]
	fn on_finalize_attest(l: Linear<0, { T::MaxStatementsPerBlock::get() }>) {
		let now = frame_system::Pallet::<T>::block_number();
		let leaves: Vec<H256> = (0..l)
			.map(|i| {
				let mut b = [7u8; 32];
				b[..4].copy_from_slice(&i.to_le_bytes());
				H256(b)
			})
			.collect();
		AttestationLeaves::<T>::insert(now, bounded::<_, T::MaxStatementsPerBlock>(leaves));

		#[block]
		{
			ZkVerifier::<T>::on_finalize(now);
		}

		assert_eq!(AttestationRoots::<T>::get(now).is_some(), l > 0);
	}

	impl_benchmark_test_suite!(ZkVerifier, crate::mock::new_test_ext(), crate::mock::Test);
}
