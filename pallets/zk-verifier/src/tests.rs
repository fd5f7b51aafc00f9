//! Pallet tests with proofs from arkworks' prover (both curves) and trapdoor-simulated keys.

use crate::{mock::*, pallet::*, types::*};
use ark_ff::UniformRand;
use ark_std::rand::{rngs::StdRng, SeedableRng};
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::InspectHold, Hooks},
	BoundedVec,
};
use sp_core::H256;
use zkp_groth16::prover::Fixture;
use zkp_primitives::zk::{
	attestation_root, Curve, Groth16Backend, HostVerifier, InRuntimeVerifier,
	ProofVerificationError, ProofVerifier,
};

/// Real proofs of a test circuit with `1 + extra` inputs (arkworks' prover).
fn prove<E: ark_ec::pairing::Pairing>(curve: Curve, extra: usize, n: usize, seed: u64) -> Fixture {
	zkp_groth16::prover::fixture::<E>(curve, extra, n, seed)
}

fn bn254(extra: usize, n: usize) -> Fixture {
	prove::<ark_bn254::Bn254>(Curve::Bn254, extra, n, 11)
}

fn bls(extra: usize, n: usize) -> Fixture {
	prove::<ark_bls12_381::Bls12_381>(Curve::Bls12_381, extra, n, 12)
}

fn vk_bytes(v: &[u8]) -> VkBytes {
	v.to_vec().try_into().unwrap()
}
fn proof_bytes(v: &[u8]) -> ProofBytes {
	v.to_vec().try_into().unwrap()
}
fn inputs(v: &[[u8; 32]]) -> Inputs {
	v.to_vec().try_into().unwrap()
}

fn register(f: &Fixture, who: u64) -> H256 {
	assert_ok!(ZkVerifier::register_vk(RuntimeOrigin::signed(who), f.curve, vk_bytes(&f.vk)));
	H256(zkp_groth16::vk_hash(f.curve, &f.vk))
}

fn submit(hash: H256, proof: &[u8], ins: &[[u8; 32]]) -> sp_runtime::DispatchResult {
	ZkVerifier::submit_proof(
		RuntimeOrigin::signed(BOB),
		VkOrHash::Hash(hash),
		proof_bytes(proof),
		inputs(ins),
	)
}

fn held(who: u64) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::ZkVerifier(HoldReason::VerificationKey), &who)
}

fn next_block() {
	let now = System::block_number();
	ZkVerifier::on_finalize(now);
	System::set_block_number(now + 1);
	ZkVerifier::on_initialize(now + 1);
}

#[test]
fn register_and_unregister_hold_and_return_the_deposit() {
	build_and_execute(|| {
		let f = bn254(2, 0);
		let hash = register(&f, ALICE);
		let prepared = zkp_groth16::prepare_vk(f.curve, &f.vk).unwrap();
		let deposit = ZkVerifier::vk_deposit(f.vk.len() + prepared.len());
		assert_eq!(PreparedKeys::<Test>::get(hash).unwrap().into_inner(), prepared);
		assert_eq!(held(ALICE), deposit);
		let entry = VerificationKeys::<Test>::get(hash).unwrap();
		assert_eq!((entry.owner, entry.curve, entry.public_inputs), (ALICE, Curve::Bn254, 3));
		System::assert_last_event(
			Event::VkRegistered {
				vk_hash: hash,
				owner: ALICE,
				curve: Curve::Bn254,
				public_inputs: 3,
			}
			.into(),
		);

		assert_noop!(
			ZkVerifier::register_vk(RuntimeOrigin::signed(BOB), f.curve, vk_bytes(&f.vk)),
			Error::<Test>::VerificationKeyAlreadyRegistered
		);
		assert_noop!(
			ZkVerifier::unregister_vk(RuntimeOrigin::signed(BOB), hash),
			Error::<Test>::NotVerificationKeyOwner
		);
		assert_noop!(
			ZkVerifier::unregister_vk(RuntimeOrigin::signed(ALICE), H256::zero()),
			Error::<Test>::UnknownVerificationKey
		);
		assert_ok!(ZkVerifier::unregister_vk(RuntimeOrigin::signed(ALICE), hash));
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::free_balance(ALICE), ENDOWMENT);
		assert!(VerificationKeys::<Test>::get(hash).is_none());
	});
}

#[test]
fn bad_keys_are_rejected_with_typed_errors_and_nothing_changes() {
	build_and_execute(|| {
		let f = bls(0, 0);
		let g1 = f.curve.g1_len();
		let mut off_curve = f.vk.clone();
		off_curve[g1 + 1] ^= 1;
		assert_noop!(
			ZkVerifier::register_vk(RuntimeOrigin::signed(ALICE), f.curve, vk_bytes(&off_curve)),
			Error::<Test>::PointNotOnCurve
		);
		assert_noop!(
			ZkVerifier::register_vk(
				RuntimeOrigin::signed(ALICE),
				f.curve,
				vk_bytes(&f.vk[..f.vk.len() - 1])
			),
			Error::<Test>::InvalidLength
		);
		// A BLS12-381 key declared as BN254: its bytes do not parse as a BN254 key (here the
		// input count lands on other bytes).
		let wrong_curve =
			ZkVerifier::register_vk(RuntimeOrigin::signed(ALICE), Curve::Bn254, vk_bytes(&f.vk));
		assert!(
			matches!(
				wrong_curve,
				Err(e) if e == Error::<Test>::InvalidLength.into()
					|| e == Error::<Test>::TooManyPublicInputs.into()
					|| e == Error::<Test>::InvalidEncoding.into()
			),
			"{wrong_curve:?}"
		);
		// Cannot pay the deposit.
		assert!(
			ZkVerifier::register_vk(RuntimeOrigin::signed(POOR), f.curve, vk_bytes(&f.vk)).is_err()
		);
		assert_eq!(VerificationKeys::<Test>::iter().count(), 0);
		assert_eq!(held(ALICE), 0);
	});
}

#[test]
fn valid_proofs_verify_and_are_attested_on_both_curves() {
	build_and_execute(|| {
		for f in [bn254(1, 2), bls(3, 2)] {
			let hash = register(&f, ALICE);
			for (proof, ins) in &f.proofs {
				assert_ok!(submit(hash, proof, ins));
				let statement =
					H256(zkp_groth16::statement_hash(f.curve, hash.as_fixed_bytes(), ins));
				System::assert_last_event(
					Event::ProofVerified { statement, vk_hash: hash, who: BOB }.into(),
				);
				assert_eq!(StatementLocations::<Test>::get(statement).map(|l| l.0), Some(1));
			}
		}
		assert_eq!(AttestationLeaves::<Test>::get(1).len(), 4);
	});
}

#[test]
fn inline_keys_verify_without_registration() {
	build_and_execute(|| {
		let f = bn254(0, 1);
		let (proof, ins) = &f.proofs[0];
		assert_ok!(ZkVerifier::submit_proof(
			RuntimeOrigin::signed(BOB),
			VkOrHash::Vk { curve: f.curve, vk: vk_bytes(&f.vk) },
			proof_bytes(proof),
			inputs(ins)
		));
		assert_eq!(VerificationKeys::<Test>::iter().count(), 0);
		assert_eq!(held(BOB), 0);
	});
}

#[test]
fn bad_proofs_are_rejected_with_typed_errors_and_nothing_changes() {
	build_and_execute(|| {
		let f = bn254(2, 2);
		let hash = register(&f, ALICE);
		let (proof, ins) = &f.proofs[0];
		let g1 = f.curve.g1_len();
		let g2 = f.curve.g2_len();

		let mut tampered = ins.clone();
		tampered[0][3] ^= 1;
		assert_noop!(submit(hash, proof, &tampered), Error::<Test>::InvalidProof);
		// A valid proof of another statement, with this statement's inputs.
		assert_noop!(submit(hash, &f.proofs[1].0, ins), Error::<Test>::InvalidProof);
		let mut swapped = proof.clone();
		swapped[..g1].copy_from_slice(&proof[g1 + g2..]);
		swapped[g1 + g2..].copy_from_slice(&proof[..g1]);
		assert_noop!(submit(hash, &swapped, ins), Error::<Test>::InvalidProof);
		let mut off = proof.clone();
		off[0] ^= 1;
		assert_noop!(submit(hash, &off, ins), Error::<Test>::PointNotOnCurve);
		assert_noop!(submit(hash, &proof[..proof.len() - 1], ins), Error::<Test>::InvalidLength);
		assert_noop!(submit(hash, proof, &ins[..2]), Error::<Test>::PublicInputCountMismatch);
		let mut big = ins.clone();
		big[1] = [0xff; 32];
		assert_noop!(submit(hash, proof, &big), Error::<Test>::InvalidPublicInput);
		assert_noop!(
			submit(H256::repeat_byte(9), proof, ins),
			Error::<Test>::UnknownVerificationKey
		);
		assert!(AttestationLeaves::<Test>::get(1).is_empty());
	});
}

#[test]
fn wrong_subgroup_points_are_rejected() {
	use ark_ec::short_weierstrass::Affine;
	use ark_serialize::CanonicalSerialize;
	build_and_execute(|| {
		let f = bn254(0, 1);
		let hash = register(&f, ALICE);
		let mut rng = StdRng::seed_from_u64(5);
		let point = loop {
			let x = ark_bn254::Fq2::rand(&mut rng);
			if let Some(p) = Affine::<ark_bn254::g2::Config>::get_point_from_x_unchecked(x, true) {
				if !p.is_in_correct_subgroup_assuming_on_curve() {
					break p;
				}
			}
		};
		let mut bytes = Vec::new();
		point.serialize_uncompressed(&mut bytes).unwrap();
		let (proof, ins) = &f.proofs[0];
		let mut bad = proof.clone();
		bad[64..192].copy_from_slice(&bytes);
		assert_noop!(submit(hash, &bad, ins), Error::<Test>::PointNotInSubgroup);
	});
}

#[test]
fn too_many_inputs_are_rejected() {
	build_and_execute(|| {
		let (vk, _) = zkp_groth16::simulate::fixture(Curve::Bn254, 64, 0, 1);
		let header = Curve::Bn254.g1_len() + 3 * Curve::Bn254.g2_len();
		let mut too_many = vk[..header].to_vec();
		too_many.extend_from_slice(&66u64.to_le_bytes());
		too_many
			.extend(std::iter::repeat(vk[header + 8..header + 8 + 64].to_vec()).take(66).flatten());
		// 66 IC points of BN254 still fit the bound on key bytes.
		assert_noop!(
			ZkVerifier::register_vk(
				RuntimeOrigin::signed(ALICE),
				Curve::Bn254,
				vk_bytes(&too_many)
			),
			Error::<Test>::TooManyPublicInputs
		);
		assert_ok!(ZkVerifier::register_vk(
			RuntimeOrigin::signed(ALICE),
			Curve::Bn254,
			vk_bytes(&vk)
		));
	});
}

#[test]
fn batches_verify_together_and_a_bad_proof_fails_the_whole_batch() {
	build_and_execute(|| {
		for f in [bn254(1, 6), bls(1, 6)] {
			let hash = register(&f, ALICE);
			let items = |proofs: &[(Vec<u8>, Vec<[u8; 32]>)]| -> BoundedVec<BatchItem, _> {
				proofs
					.iter()
					.map(|(p, i)| BatchItem { proof: proof_bytes(p), inputs: inputs(i) })
					.collect::<Vec<_>>()
					.try_into()
					.unwrap()
			};
			let before = AttestationLeaves::<Test>::get(1).len();
			let mut bad = f.proofs.clone();
			bad[4].1[0][0] ^= 1;
			assert_noop!(
				ZkVerifier::submit_batch(RuntimeOrigin::signed(BOB), hash, items(&bad)),
				Error::<Test>::InvalidProofInBatch { index: 4 }
			);
			assert_ok!(ZkVerifier::submit_batch(
				RuntimeOrigin::signed(BOB),
				hash,
				items(&f.proofs)
			));
			assert_eq!(AttestationLeaves::<Test>::get(1).len(), before + 6);
			assert_noop!(
				ZkVerifier::submit_batch(RuntimeOrigin::signed(BOB), hash, items(&[])),
				Error::<Test>::EmptyBatch
			);
		}
		let f = bn254(0, 9);
		let hash = register(&f, ALICE);
		let nine: Vec<BatchItem> = f
			.proofs
			.iter()
			.map(|(p, i)| BatchItem { proof: proof_bytes(p), inputs: inputs(i) })
			.collect();
		assert_noop!(
			ZkVerifier::submit_batch(RuntimeOrigin::signed(BOB), hash, nine.try_into().unwrap()),
			Error::<Test>::BatchTooLarge
		);
	});
}

#[test]
fn block_capacity_is_enforced_and_part_is_kept_for_other_pallets() {
	build_and_execute(|| {
		let (vk, batch) = zkp_groth16::simulate::fixture(Curve::Bn254, 1, 17, 3);
		assert_ok!(ZkVerifier::register_vk(
			RuntimeOrigin::signed(ALICE),
			Curve::Bn254,
			vk_bytes(&vk)
		));
		let hash = H256(zkp_groth16::vk_hash(Curve::Bn254, &vk));
		let users = (16 - RESERVED_STATEMENTS) as usize;
		for (p, i) in &batch[..users] {
			assert_ok!(submit(hash, p, i));
		}
		// Users cannot take the statements kept for other pallets (PoI's ZK reveals) ...
		assert_noop!(
			submit(hash, &batch[users].0, &batch[users].1),
			Error::<Test>::TooManyStatementsInBlock
		);
		// ... which still get them, up to the block's capacity.
		for (p, i) in &batch[users..16] {
			assert_ok!(<ZkVerifier as ProofVerifier>::verify_proof(&hash, p, i));
		}
		assert_eq!(
			<ZkVerifier as ProofVerifier>::verify_proof(&hash, &batch[16].0, &batch[16].1),
			Err(ProofVerificationError::AttestationCapacity)
		);
		next_block();
		assert_ok!(submit(hash, &batch[16].0, &batch[16].1));
	});
}

#[test]
fn a_key_held_by_another_pallet_cannot_be_unregistered() {
	build_and_execute(|| {
		let f = bn254(0, 1);
		let hash = register(&f, ALICE);
		let owner = zkp_primitives::account_bytes(&ALICE);
		let other = zkp_primitives::account_bytes(&BOB);
		// Only the key's owner can have it held: nobody can pin another's key.
		assert_eq!(
			<ZkVerifier as ProofVerifier>::hold_key(&hash, &other),
			Err(ProofVerificationError::NotKeyOwner)
		);
		assert_eq!(
			<ZkVerifier as ProofVerifier>::hold_key(&hash, &owner),
			Ok(f.proofs[0].1.len() as u32)
		);
		assert_eq!(
			<ZkVerifier as ProofVerifier>::hold_key(&H256::zero(), &owner),
			Err(ProofVerificationError::UnknownVerificationKey)
		);
		assert_noop!(
			ZkVerifier::unregister_vk(RuntimeOrigin::signed(ALICE), hash),
			Error::<Test>::VerificationKeyInUse
		);
		<ZkVerifier as ProofVerifier>::release_key(&hash);
		assert!(!KeyHolds::<Test>::contains_key(hash));
		assert_ok!(ZkVerifier::unregister_vk(RuntimeOrigin::signed(ALICE), hash));
	});
}

#[test]
fn attestation_paths_prove_statements_against_the_block_root() {
	build_and_execute(|| {
		let (vk, batch) = zkp_groth16::simulate::fixture(Curve::Bls12_381, 2, 7, 4);
		assert_ok!(ZkVerifier::register_vk(
			RuntimeOrigin::signed(ALICE),
			Curve::Bls12_381,
			vk_bytes(&vk)
		));
		let hash = H256(zkp_groth16::vk_hash(Curve::Bls12_381, &vk));
		let mut statements = vec![];
		for (p, i) in &batch {
			assert_ok!(submit(hash, p, i));
			statements.push(H256(zkp_groth16::statement_hash(
				Curve::Bls12_381,
				hash.as_fixed_bytes(),
				i,
			)));
		}
		// No root before the block is finalized.
		assert!(ZkVerifier::attestation_proof(statements[0]).is_none());
		next_block();
		let root = AttestationRoots::<Test>::get(1).unwrap();
		assert_eq!(root.leaves, 7);
		for (i, s) in statements.iter().enumerate() {
			let p = ZkVerifier::attestation_proof(*s).unwrap();
			assert_eq!(
				(p.block_number, p.leaf_index, p.leaf_count, p.root),
				(1, i as u32, 7, root.root)
			);
			assert_eq!(attestation_root(s, p.leaf_index, p.leaf_count, &p.proof), Some(root.root));
			// A path for another leaf position or another statement does not reach the root.
			assert_ne!(
				attestation_root(&H256::repeat_byte(1), p.leaf_index, 7, &p.proof),
				Some(root.root)
			);
		}
		// Retention: after 5 more blocks the attestation is forgotten.
		for _ in 0..5 {
			next_block();
		}
		assert!(AttestationRoots::<Test>::get(1).is_none());
		assert!(ZkVerifier::attestation_proof(statements[0]).is_none());
		assert!(StatementLocations::<Test>::get(statements[0]).is_none());
	});
}

#[test]
fn other_pallets_verify_through_the_proof_verifier_trait() {
	build_and_execute(|| {
		let f = bls(1, 1);
		let hash = register(&f, ALICE);
		let (proof, ins) = &f.proofs[0];
		let statement = <ZkVerifier as ProofVerifier>::verify_proof(&hash, proof, ins).unwrap();
		assert_eq!(
			statement,
			H256(zkp_groth16::statement_hash(f.curve, hash.as_fixed_bytes(), ins))
		);
		assert_eq!(StatementLocations::<Test>::get(statement).map(|l| l.0), Some(1));
		let mut bad = ins.clone();
		bad[0][0] ^= 1;
		assert_eq!(
			<ZkVerifier as ProofVerifier>::verify_proof(&hash, proof, &bad),
			Err(ProofVerificationError::Rejected(zkp_groth16::Error::VerificationFailed))
		);
		assert_eq!(
			<ZkVerifier as ProofVerifier>::verify_proof(&H256::zero(), proof, ins),
			Err(ProofVerificationError::UnknownVerificationKey)
		);
	});
}

#[test]
fn host_and_in_runtime_backends_agree() {
	// In native tests both run the same code; the WASM comparison is in the node benchmarks.
	for f in [bn254(2, 3), bls(2, 3)] {
		for (p, i) in &f.proofs {
			assert_eq!(
				HostVerifier::verify(f.curve, &f.vk, p, i),
				InRuntimeVerifier::verify(f.curve, &f.vk, p, i)
			);
			let mut bad = i.clone();
			bad[0][0] ^= 1;
			assert_eq!(
				HostVerifier::verify(f.curve, &f.vk, p, &bad),
				InRuntimeVerifier::verify(f.curve, &f.vk, p, &bad)
			);
		}
		assert_eq!(HostVerifier::verify_batch(f.curve, &f.vk, &f.proofs), Ok(()));
	}
}

#[test]
fn a_key_stored_without_its_prepared_form_still_verifies() {
	// Keys stored before keys were prepared: the canonical bytes are used.
	build_and_execute(|| {
		let f = bn254(2, 3);
		let hash = register(&f, ALICE);
		PreparedKeys::<Test>::remove(hash);
		assert_ok!(submit(hash, &f.proofs[0].0, &f.proofs[0].1));
		let mut bad = f.proofs[1].1.clone();
		bad[0][0] ^= 1;
		assert_noop!(submit(hash, &f.proofs[1].0, &bad), Error::<Test>::InvalidProof);
		let items: Vec<BatchItem> = f
			.proofs
			.iter()
			.map(|(p, i)| BatchItem { proof: proof_bytes(p), inputs: inputs(i) })
			.collect();
		assert_ok!(ZkVerifier::submit_batch(
			RuntimeOrigin::signed(BOB),
			hash,
			items.try_into().unwrap()
		));
	});
}
