//! STARK tests with real Miden proofs (`fixtures/stark/`, made by
//! `scripts/zk/make-stark-fixtures.sh`): registration, verification, attestation beside
//! Groth16, every bad input as a typed error with no state change, and the security floor.

use crate::{mock::*, pallet::*, types::*};
use codec::Decode;
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::InspectHold, Hooks},
};
use sp_core::H256;
use zkp_primitives::zk::{
	attestation_root, HostVerifier, InRuntimeVerifier, ProofVerificationError, ProofVerifier,
	StarkBackend, StarkError,
};

/// `(program_hash, inputs, outputs, proof)`, as `zkp-stark prove` writes it beside the JSON.
struct Stark {
	program: H256,
	inputs: Vec<u64>,
	outputs: Vec<u64>,
	proof: Vec<u8>,
}

fn load(bytes: &[u8]) -> Stark {
	let (program, inputs, outputs, proof) =
		<([u8; 32], Vec<u64>, Vec<u64>, Vec<u8>)>::decode(&mut &bytes[..]).unwrap();
	Stark { program: H256(program), inputs, outputs, proof }
}

fn fib() -> Stark {
	load(include_bytes!("../../../fixtures/stark/fib.scale"))
}
fn root() -> Stark {
	load(include_bytes!("../../../fixtures/stark/root.scale"))
}

fn stack(v: &[u64]) -> StackValues {
	v.to_vec().try_into().unwrap()
}

fn submit_as(
	who: u64,
	program: H256,
	inputs: &[u64],
	outputs: &[u64],
	proof: &[u8],
) -> sp_runtime::DispatchResult {
	ZkVerifier::submit_stark_proof(
		RuntimeOrigin::signed(who),
		program,
		stack(inputs),
		stack(outputs),
		proof.to_vec().try_into().unwrap(),
	)
}

fn submit(s: &Stark) -> sp_runtime::DispatchResult {
	submit_as(BOB, s.program, &s.inputs, &s.outputs, &s.proof)
}

fn register(s: &Stark) {
	assert_ok!(ZkVerifier::register_program(RuntimeOrigin::signed(ALICE), s.program));
}

fn held(who: u64) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::ZkVerifier(HoldReason::Program), &who)
}

fn leaves() -> usize {
	AttestationLeaves::<Test>::get(System::block_number()).len()
}

#[test]
fn programs_are_registered_with_a_deposit_and_removed_only_by_their_owner() {
	build_and_execute(|| {
		let f = fib();
		register(&f);
		assert_eq!(held(ALICE), ProgramDeposit::get());
		System::assert_last_event(
			Event::ProgramRegistered { program_hash: f.program, owner: ALICE }.into(),
		);
		assert_noop!(
			ZkVerifier::register_program(RuntimeOrigin::signed(BOB), f.program),
			Error::<Test>::ProgramAlreadyRegistered
		);
		assert_noop!(
			ZkVerifier::unregister_program(RuntimeOrigin::signed(BOB), f.program),
			Error::<Test>::NotProgramOwner
		);
		assert_noop!(
			ZkVerifier::unregister_program(RuntimeOrigin::signed(ALICE), root().program),
			Error::<Test>::UnknownProgram
		);
		assert_ok!(ZkVerifier::unregister_program(RuntimeOrigin::signed(ALICE), f.program));
		assert_eq!(held(ALICE), 0);
		assert!(StarkPrograms::<Test>::get(f.program).is_none());
	});
}

#[test]
fn bad_program_hashes_and_poor_owners_change_nothing() {
	build_and_execute(|| {
		// A limb at or above the Goldilocks modulus is no program's hash.
		let mut bad = fib().program;
		bad.0[24..].copy_from_slice(&u64::MAX.to_le_bytes());
		assert_noop!(
			ZkVerifier::register_program(RuntimeOrigin::signed(ALICE), bad),
			Error::<Test>::InvalidProgramHash
		);
		assert!(ZkVerifier::register_program(RuntimeOrigin::signed(POOR), fib().program).is_err());
		assert!(StarkPrograms::<Test>::get(fib().program).is_none());
		assert_eq!(held(POOR), 0);
	});
}

#[test]
fn valid_proofs_of_two_programs_verify_and_are_attested_beside_groth16() {
	build_and_execute(|| {
		let (f, r) = (fib(), root());
		register(&f);
		register(&r);
		let mut statements = vec![];
		for s in [&f, &r] {
			assert_ok!(submit(s));
			let statement =
				H256(zkp_stark::statement_hash(s.program.as_fixed_bytes(), &s.inputs, &s.outputs));
			System::assert_last_event(
				Event::StarkProofVerified { statement, program_hash: s.program, who: BOB }.into(),
			);
			statements.push(statement);
		}
		// A Groth16 statement in the same block, the same tree.
		let (vk, batch) = zkp_groth16::simulate::fixture(zkp_primitives::zk::Curve::Bn254, 1, 1, 5);
		assert_ok!(ZkVerifier::submit_proof(
			RuntimeOrigin::signed(BOB),
			VkOrHash::Vk { curve: zkp_primitives::zk::Curve::Bn254, vk: vk.try_into().unwrap() },
			batch[0].0.clone().try_into().unwrap(),
			batch[0].1.clone().try_into().unwrap(),
		));
		assert_eq!(leaves(), 3);
		let now = System::block_number();
		ZkVerifier::on_finalize(now);
		let block_root = AttestationRoots::<Test>::get(now).unwrap();
		for s in statements {
			let p = ZkVerifier::attestation_proof(s).unwrap();
			assert_eq!(
				attestation_root(&s, p.leaf_index, p.leaf_count, &p.proof),
				Some(block_root.root)
			);
		}
	});
}

#[test]
fn bad_proofs_and_statements_are_typed_errors_that_change_nothing() {
	build_and_execute(|| {
		let (f, r) = (fib(), root());
		let mut outputs = f.outputs.clone();
		outputs[0] += 1;
		assert_noop!(
			submit_as(BOB, f.program, &f.inputs, &outputs, &f.proof),
			Error::<Test>::InvalidStarkProof
		);
		assert_noop!(
			submit_as(BOB, f.program, &[11], &f.outputs, &f.proof),
			Error::<Test>::InvalidStarkProof
		);
		// The proof of another program.
		assert_noop!(
			submit_as(BOB, r.program, &f.inputs, &f.outputs, &f.proof),
			Error::<Test>::InvalidStarkProof
		);
		assert_noop!(
			submit_as(BOB, f.program, &f.inputs, &f.outputs, &f.proof[..f.proof.len() - 3]),
			Error::<Test>::MalformedStarkProof
		);
		assert_noop!(
			submit_as(BOB, f.program, &f.inputs, &f.outputs, &[]),
			Error::<Test>::MalformedStarkProof
		);
		assert_noop!(
			submit_as(BOB, f.program, &[zkp_stark::MODULUS], &f.outputs, &f.proof),
			Error::<Test>::InvalidStackValue
		);
		// A valid proof, made with an algebraic hash the chain does not accept.
		let rpo = load(include_bytes!("../../../fixtures/stark/fib-rpo.scale"));
		assert_noop!(submit(&rpo), Error::<Test>::UnsupportedStarkHash);
		assert_eq!(leaves(), 0);
	});
}

#[test]
fn attack_a_registrant_cannot_block_a_program() {
	build_and_execute(|| {
		let f = fib();
		// Nobody registered it: proofs verify, the hash is the program.
		assert_ok!(submit(&f));
		// An attacker registers someone else's program and withdraws it again: still fine.
		assert_ok!(ZkVerifier::register_program(RuntimeOrigin::signed(BOB), f.program));
		assert_ok!(submit_as(ALICE, f.program, &f.inputs, &f.outputs, &f.proof));
		assert_ok!(ZkVerifier::unregister_program(RuntimeOrigin::signed(BOB), f.program));
		assert_ok!(submit(&f));
		assert_ok!(<ZkVerifier as ProofVerifier>::verify_stark_proof(
			&f.program, &f.inputs, &f.outputs, &f.proof
		));
		assert_eq!(leaves(), 4);
	});
}

#[test]
fn the_chain_sets_the_security_floor_not_the_prover() {
	build_and_execute(|| {
		let f = fib();
		register(&f);
		MinStarkBits::set(128);
		assert_noop!(submit(&f), Error::<Test>::InsufficientStarkSecurity);
		MinStarkBits::set(96);
		assert_ok!(submit(&f));
	});
}

#[test]
fn stark_proofs_share_the_block_capacity_and_its_reserve() {
	build_and_execute(|| {
		let f = fib();
		register(&f);
		// Fill the users' share of the block with one statement short.
		let users = 16 - RESERVED_STATEMENTS;
		for i in 0..users - 1 {
			assert_ok!(ZkVerifier::attest(H256::repeat_byte(i as u8 + 1)));
		}
		assert_ok!(submit(&f));
		assert_noop!(submit(&f), Error::<Test>::TooManyStatementsInBlock);
		// Other pallets still have the reserve.
		assert_ok!(<ZkVerifier as ProofVerifier>::verify_stark_proof(
			&f.program, &f.inputs, &f.outputs, &f.proof
		));
	});
}

#[test]
fn other_pallets_verify_starks_through_the_proof_verifier_trait() {
	build_and_execute(|| {
		let f = fib();
		let statement = <ZkVerifier as ProofVerifier>::verify_stark_proof(
			&f.program, &f.inputs, &f.outputs, &f.proof,
		)
		.unwrap();
		assert_eq!(StatementLocations::<Test>::get(statement), Some((1, 0)));
		assert_eq!(
			<ZkVerifier as ProofVerifier>::verify_stark_proof(
				&f.program,
				&[11],
				&f.outputs,
				&f.proof
			),
			Err(ProofVerificationError::StarkRejected(StarkError::VerificationFailed))
		);
	});
}

#[test]
fn host_and_in_runtime_stark_backends_agree() {
	for s in [fib(), root()] {
		let program = s.program.as_fixed_bytes();
		let mut wrong = s.outputs.clone();
		wrong[0] ^= 1;
		for (inputs, outputs, proof) in [
			(&s.inputs, &s.outputs, &s.proof[..]),
			(&s.inputs, &wrong, &s.proof[..]),
			(&s.inputs, &s.outputs, &s.proof[..s.proof.len() / 2]),
		] {
			assert_eq!(
				<HostVerifier as StarkBackend>::verify(program, inputs, outputs, proof, 96),
				<InRuntimeVerifier as StarkBackend>::verify(program, inputs, outputs, proof, 96)
			);
		}
	}
}

#[cfg(feature = "runtime-benchmarks")]
#[test]
fn the_largest_benchmark_proof_is_as_long_as_any_proof_accepted() {
	let largest = crate::benchmarking::stark_fixture(u32::MAX);
	assert!(largest.3.len() >= MAX_STARK_PROOF_LEN as usize);
	let (program, inputs, outputs, proof) = largest;
	assert_eq!(zkp_stark::verify(&program, &inputs, &outputs, &proof, 96), Ok(()));
}
