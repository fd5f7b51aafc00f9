//! Unit tests: every call's happy path and errors, commit–reveal, agreement, penalties,
//! replacements, refunds, ZK mode and scores.

use crate::{functions::zk_public_inputs, mock::*, pallet::*, types::*, zk_binding, Error, Event};
use codec::{Decode, Encode};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold, BoundedVec};
use sp_core::H256;
use zkp_primitives::poi::{commitment, ComputeContribution};

const TOLERANCE: Agreement = Agreement::Tolerance { scale_bits: 16, tolerance: 64 };
const REWARD: Balance = 300;
const STAKE: Balance = 10_000;
/// The block in which a task submitted in block 1 gets its agents (and its commit window opens).
const DRAWN: u64 = 3;

fn bounded<S: frame_support::traits::Get<u32>>(bytes: &[u8]) -> BoundedVec<u8, S> {
	bytes.to_vec().try_into().unwrap()
}

fn register_model(agreement: Agreement, sketch_len: u8, zk_key: Option<H256>) -> ModelId {
	let id = NextModelId::<Test>::get();
	assert_ok!(Poi::register_model(
		RuntimeOrigin::signed(user()),
		bounded(b"bafymodel"),
		H256::repeat_byte(0x11),
		if zk_key.is_some() { Framework::Mlp } else { Framework::BertEmbedding },
		bounded(b"json: array of strings"),
		bounded(b"json: array of f32 rows"),
		agreement,
		sketch_len,
		zk_key.map(|key| ZkCircuit { key, weights_commitment: WEIGHTS }),
	));
	id
}

/// The weights commitment of the tests' ZK model, and the input commitment of their tasks.
const WEIGHTS: H256 = H256([0x05; 32]);
const INPUT: H256 = H256([0x06; 32]);
const ZK: VerificationMode = VerificationMode::Zk { input_commitment: INPUT };

fn register_agents(n: u8) {
	for i in 1..=n {
		assert_ok!(Poi::register_agent(
			RuntimeOrigin::signed(agent(i)),
			STAKE,
			Hardware::default()
		));
	}
}

/// Registers agents 1..=n that declared they prove (ZK-mode tasks).
fn register_provers(n: u8) {
	register_agents(n);
	for i in 1..=n {
		assert_ok!(Poi::set_zk_prover(RuntimeOrigin::signed(agent(i)), true));
	}
}

/// Submits a task and moves two blocks on, where its agents are drawn.
fn submit(model: ModelId, redundancy: u8, mode: VerificationMode) -> TaskId {
	let id = submit_only(model, redundancy, mode);
	run_to_block(System::block_number() + 2);
	id
}

/// The public inputs of `agent`'s proof for `task`, as the pallet derives them.
fn zk_inputs(
	task: TaskId,
	agent: &AccountId,
	output_hash: &H256,
) -> [zkp_primitives::zk::PublicInput; 4] {
	let agent: [u8; 32] = agent.clone().into();
	zk_public_inputs(&WEIGHTS, &INPUT, output_hash, task, &agent)
}

fn submit_only(model: ModelId, redundancy: u8, mode: VerificationMode) -> TaskId {
	let id = NextTaskId::<Test>::get();
	assert_ok!(Poi::submit_task(
		RuntimeOrigin::signed(user()),
		model,
		bounded(b"bafyinput"),
		REWARD,
		redundancy,
		COMMIT_WINDOW,
		mode
	));
	id
}

/// A result whose sketch is `base + offset` in every entry.
fn result(offset: i32) -> TaskResultOf<Test> {
	TaskResult {
		output_hash: H256::repeat_byte(0x77),
		output_cid: bounded(b"bafyoutput"),
		output_len: 384,
		sketch: vec![1000 + offset; SKETCH_LEN as usize].try_into().unwrap(),
	}
}

fn salt(who: &AccountId) -> [u8; 32] {
	sp_io::hashing::blake2_256(&who.encode())
}

fn commit(who: &AccountId, task: TaskId, r: &TaskResultOf<Test>) {
	let hash = commitment(task, who, &r.to_inference_result(), &salt(who));
	assert_ok!(Poi::commit_result(RuntimeOrigin::signed(who.clone()), task, hash));
}

fn reveal(who: &AccountId, task: TaskId, r: &TaskResultOf<Test>) {
	assert_ok!(Poi::reveal_result(
		RuntimeOrigin::signed(who.clone()),
		task,
		r.clone(),
		salt(who),
		None
	));
}

fn assigned(task: TaskId) -> Vec<AccountId> {
	Tasks::<Test>::get(task)
		.unwrap()
		.assignments
		.iter()
		.filter(|a| a.state == AssignmentState::Assigned)
		.map(|a| a.agent.clone())
		.collect()
}

/// Every agent drawn for `task`, replacements included, in draw order.
fn drawn(task: TaskId) -> Vec<AccountId> {
	Tasks::<Test>::get(task)
		.unwrap()
		.assignments
		.iter()
		.map(|a| a.agent.clone())
		.collect()
}

fn state_of(
	task: TaskId,
	who: &AccountId,
) -> AssignmentState<<Test as Config>::MaxCidLen, <Test as Config>::MaxSketchLen> {
	Tasks::<Test>::get(task)
		.unwrap()
		.assignments
		.iter()
		.rev()
		.find(|a| &a.agent == who)
		.unwrap()
		.state
		.clone()
}

fn stake_of(who: &AccountId) -> Balance {
	Agents::<Test>::get(who).unwrap().stake
}

fn escrow_of(who: &AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::TaskEscrow.into(), who)
}

fn phase(task: TaskId) -> TaskPhase<u64> {
	Tasks::<Test>::get(task).unwrap().phase
}

/// `task` was refunded for `reason`: the owner has its whole balance back, and none of
/// `agents` lost stake or still holds the task.
fn assert_refunded_without_penalties(task: TaskId, reason: RefundReason, agents: &[AccountId]) {
	assert_eq!(phase(task), TaskPhase::Refunded(reason));
	assert_eq!(Balances::free_balance(&user()), ENDOWMENT - MODEL_DEPOSIT);
	for a in agents {
		assert_eq!(stake_of(a), STAKE);
		assert_eq!(state_of(task, a), AssignmentState::Unsettled);
		assert!(AgentTasks::<Test>::get(a).is_empty());
	}
}

#[test]
fn models_register_with_checked_agreement_rules() {
	build_and_execute(|| {
		let id = register_model(TOLERANCE, SKETCH_LEN, None);
		assert_eq!(Models::<Test>::get(id).unwrap().framework, Framework::BertEmbedding);
		System::assert_last_event(
			Event::ModelRegistered {
				model: id,
				owner: user(),
				framework: Framework::BertEmbedding,
				deposit: MODEL_DEPOSIT,
			}
			.into(),
		);
		let call = |cid: &[u8], agreement, sketch_len| {
			Poi::register_model(
				RuntimeOrigin::signed(user()),
				bounded(cid),
				H256::zero(),
				Framework::Mlp,
				bounded(b""),
				bounded(b""),
				agreement,
				sketch_len,
				None,
			)
		};
		assert_noop!(call(b"", TOLERANCE, 8), Error::<Test>::EmptyCid);
		assert_noop!(call(b"cid", TOLERANCE, 0), Error::<Test>::InvalidAgreement);
		assert_noop!(call(b"cid", TOLERANCE, 17), Error::<Test>::InvalidAgreement);
		assert_noop!(call(b"cid", Agreement::Exact, 17), Error::<Test>::InvalidAgreement);
		assert_noop!(
			call(b"cid", Agreement::Tolerance { scale_bits: 31, tolerance: 1 }, 8),
			Error::<Test>::InvalidAgreement
		);
		assert_ok!(call(b"cid", Agreement::Exact, 0));
	});
}

#[test]
fn oversize_values_do_not_decode() {
	build_and_execute(|| {
		// A CID one byte over `MaxCidLen`, encoded by hand as the call's first argument.
		let mut encoded = vec![2u8, 0]; // pallet index 2, call index 0 (register_model)
		encoded.extend(vec![0u8; 65].encode());
		encoded.extend(H256::zero().encode());
		encoded.extend(Framework::Mlp.encode());
		encoded.extend(Vec::<u8>::new().encode());
		encoded.extend(Vec::<u8>::new().encode());
		encoded.extend(Agreement::Exact.encode());
		encoded.extend(0u8.encode());
		encoded.extend(Option::<H256>::None.encode());
		assert!(RuntimeCall::decode(&mut &encoded[..]).is_err());
		// The same call with a 64-byte CID decodes.
		let mut ok = vec![2u8, 0];
		ok.extend(vec![0u8; 64].encode());
		ok.extend_from_slice(&encoded[2 + vec![0u8; 65].encode().len()..]);
		assert!(RuntimeCall::decode(&mut &ok[..]).is_ok());
		// A sketch longer than `MaxSketchLen` in a reveal does not decode either.
		let long = (H256::zero(), b"cid".to_vec(), 1u32, vec![0i32; 17]).encode();
		assert!(TaskResultOf::<Test>::decode(&mut &long[..]).is_err());
		let proof = vec![0u8; 257].encode();
		assert!(BoundedVec::<u8, <Test as Config>::MaxProofLen>::decode(&mut &proof[..]).is_err());
	});
}

#[test]
fn agents_register_and_leave_after_unbonding() {
	build_and_execute(|| {
		let a = agent(1);
		let hw = Hardware { cpu_cores: 16, memory_gib: 64, gpus: 1, gpu_memory_gib: 80 };
		assert_ok!(Poi::register_agent(RuntimeOrigin::signed(a.clone()), STAKE, hw));
		assert_eq!(Balances::balance_on_hold(&HoldReason::AgentStake.into(), &a), STAKE);
		assert_eq!(ActiveAgents::<Test>::get().to_vec(), vec![a.clone()]);
		assert_noop!(
			Poi::register_agent(RuntimeOrigin::signed(a.clone()), STAKE, hw),
			Error::<Test>::AlreadyAgent
		);
		assert_noop!(
			Poi::register_agent(RuntimeOrigin::signed(agent(2)), MIN_STAKE - 1, hw),
			Error::<Test>::StakeTooLow
		);
		assert_noop!(
			Poi::register_agent(RuntimeOrigin::signed(poor()), MIN_STAKE, hw),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			Poi::withdraw_stake(RuntimeOrigin::signed(a.clone())),
			Error::<Test>::NotUnbonding
		);
		assert_noop!(
			Poi::deregister_agent(RuntimeOrigin::signed(agent(2))),
			Error::<Test>::NotAgent
		);

		assert_ok!(Poi::deregister_agent(RuntimeOrigin::signed(a.clone())));
		assert!(ActiveAgents::<Test>::get().is_empty());
		assert_noop!(
			Poi::deregister_agent(RuntimeOrigin::signed(a.clone())),
			Error::<Test>::AlreadyUnbonding
		);
		assert_noop!(
			Poi::withdraw_stake(RuntimeOrigin::signed(a.clone())),
			Error::<Test>::StillUnbonding
		);
		run_to_block(1 + UNBONDING);
		let free = Balances::free_balance(&a);
		assert_ok!(Poi::withdraw_stake(RuntimeOrigin::signed(a.clone())));
		assert_eq!(Balances::free_balance(&a), free + STAKE);
		assert!(Agents::<Test>::get(&a).is_none() && Scores::<Test>::get(&a).is_none());
		assert_eq!(AgentCount::<Test>::get(), 0);
	});
}

#[test]
fn agent_count_is_bounded() {
	build_and_execute(|| {
		register_agents(6);
		assert_noop!(
			Poi::register_agent(RuntimeOrigin::signed(account(7)), STAKE, Hardware::default()),
			Error::<Test>::TooManyAgents
		);
	});
}

#[test]
fn submit_task_checks_its_inputs() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, None);
		register_agents(2);
		let call = |model, cid: &[u8], reward, k, window, mode| {
			Poi::submit_task(
				RuntimeOrigin::signed(user()),
				model,
				bounded(cid),
				reward,
				k,
				window,
				mode,
			)
		};
		use VerificationMode::*;
		assert_noop!(
			call(99, b"in", REWARD, 3, COMMIT_WINDOW, Redundant),
			Error::<Test>::UnknownModel
		);
		assert_noop!(
			call(model, b"", REWARD, 3, COMMIT_WINDOW, Redundant),
			Error::<Test>::EmptyCid
		);
		assert_noop!(
			call(model, b"in", REWARD, 1, COMMIT_WINDOW, Redundant),
			Error::<Test>::InvalidRedundancy
		);
		assert_noop!(
			call(model, b"in", REWARD, 4, COMMIT_WINDOW, Redundant),
			Error::<Test>::InvalidRedundancy
		);
		assert_noop!(call(model, b"in", REWARD, 1, COMMIT_WINDOW, ZK), Error::<Test>::NoZkKey);
		assert_noop!(call(model, b"in", REWARD, 3, 1, Redundant), Error::<Test>::InvalidWindow);
		assert_noop!(call(model, b"in", REWARD, 3, 51, Redundant), Error::<Test>::InvalidWindow);
		assert_noop!(
			call(model, b"in", 9, 3, COMMIT_WINDOW, Redundant),
			Error::<Test>::RewardTooLow
		);
		assert_noop!(
			call(model, b"in", REWARD, 3, COMMIT_WINDOW, Redundant),
			Error::<Test>::NotEnoughAgents
		);
		assert_noop!(
			Poi::submit_task(
				RuntimeOrigin::signed(poor()),
				model,
				bounded(b"in"),
				REWARD,
				2,
				COMMIT_WINDOW,
				Redundant
			),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn agreeing_agents_are_paid_and_scored() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, None);
		register_agents(4);
		let task = submit(model, 3, VerificationMode::Redundant);
		assert_eq!(escrow_of(&user()), REWARD);
		let agents = assigned(task);
		assert_eq!(agents.len(), 3);
		for a in &agents {
			assert_eq!(AgentTasks::<Test>::get(a).to_vec(), vec![task]);
		}
		// Results within the tolerance (honest CPU and GPU runs) agree.
		let results = [result(0), result(30), result(-30)];
		for (a, r) in agents.iter().zip(&results) {
			commit(a, task, r);
		}
		assert!(matches!(phase(task), TaskPhase::Reveal { .. }));
		let before: Vec<Balance> = agents.iter().map(|a| Balances::free_balance(a)).collect();
		for (a, r) in agents.iter().zip(&results) {
			reveal(a, task, r);
		}
		let t = Tasks::<Test>::get(task).unwrap();
		assert_eq!(t.phase, TaskPhase::Completed);
		assert_eq!(t.result, Some(results[0].clone()));
		assert_eq!(escrow_of(&user()), 0);
		for (a, b) in agents.iter().zip(before) {
			assert_eq!(Balances::free_balance(a), b + REWARD / 3);
			assert_eq!(state_of(task, a), AssignmentState::Paid);
			assert!(AgentTasks::<Test>::get(a).is_empty());
			assert_eq!(Agents::<Test>::get(a).unwrap().completed, 1);
		}
		System::assert_has_event(
			Event::TaskCompleted {
				task,
				output_cid: bounded(b"bafyoutput"),
				output_hash: H256::repeat_byte(0x77),
				agents: 3,
				reward: REWARD,
			}
			.into(),
		);
		// The score: period work enters the moving average (smoothing 4) at the period end.
		assert_eq!(Scores::<Test>::get(&agents[0]).unwrap().period_work, 100);
		run_to_block(SCORE_PERIOD);
		assert_eq!(Poi::compute_score(&agents[0]), 25);
		assert_eq!(Poi::total_compute_score(), 75);
		run_to_block(2 * SCORE_PERIOD);
		assert_eq!(Poi::compute_score(&agents[0]), 18);
	});
}

#[test]
fn a_disagreeing_agent_is_penalized() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, None);
		register_agents(3);
		let task = submit(model, 3, VerificationMode::Redundant);
		let agents = assigned(task);
		let liar = result(80); // beyond the tolerance of every honest result
		let results = [result(0), liar, result(10)];
		for (a, r) in agents.iter().zip(&results) {
			commit(a, task, r);
		}
		for (a, r) in agents.iter().zip(&results) {
			reveal(a, task, r);
		}
		assert_eq!(phase(task), TaskPhase::Completed);
		assert_eq!(
			state_of(task, &agents[1]),
			AssignmentState::Penalized(PenaltyReason::Disagreed)
		);
		assert_eq!(stake_of(&agents[1]), STAKE - STAKE / 10);
		assert_eq!(stake_of(&agents[0]), STAKE);
		assert_eq!(Balances::free_balance(&agents[0]), ENDOWMENT - STAKE + REWARD / 2);
		System::assert_has_event(
			Event::AgentPenalized {
				task,
				agent: agents[1].clone(),
				reason: PenaltyReason::Disagreed,
				slashed: STAKE / 10,
			}
			.into(),
		);
	});
}

#[test]
fn no_majority_refunds_without_penalties() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, None);
		register_agents(2);
		let task = submit(model, 2, VerificationMode::Redundant);
		let agents = assigned(task);
		let results = [result(0), result(500)];
		for (a, r) in agents.iter().zip(&results) {
			commit(a, task, r);
		}
		for (a, r) in agents.iter().zip(&results) {
			reveal(a, task, r);
		}
		assert_eq!(escrow_of(&user()), 0);
		assert_refunded_without_penalties(task, RefundReason::NoAgreement, &agents);
	});
}

#[test]
fn exact_models_compare_output_hashes() {
	build_and_execute(|| {
		let model = register_model(Agreement::Exact, SKETCH_LEN, None);
		register_agents(3);
		let task = submit(model, 3, VerificationMode::Redundant);
		let agents = assigned(task);
		let mut other = result(0);
		other.output_hash = H256::repeat_byte(0x78);
		let results = [result(0), result(0), other];
		for (a, r) in agents.iter().zip(&results) {
			commit(a, task, r);
		}
		for (a, r) in agents.iter().zip(&results) {
			reveal(a, task, r);
		}
		assert_eq!(phase(task), TaskPhase::Completed);
		assert_eq!(
			state_of(task, &agents[2]),
			AssignmentState::Penalized(PenaltyReason::Disagreed)
		);
	});
}

#[test]
fn commit_errors_change_nothing() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, None);
		register_agents(4);
		let task = submit(model, 2, VerificationMode::Redundant);
		let agents = assigned(task);
		let outsider = (1..=4).map(agent).find(|a| !agents.contains(a)).unwrap();
		assert_noop!(
			Poi::commit_result(RuntimeOrigin::signed(agents[0].clone()), 99, H256::zero()),
			Error::<Test>::UnknownTask
		);
		assert_noop!(
			Poi::commit_result(RuntimeOrigin::signed(outsider), task, H256::zero()),
			Error::<Test>::NotAssigned
		);
		commit(&agents[0], task, &result(0));
		assert_noop!(
			Poi::commit_result(RuntimeOrigin::signed(agents[0].clone()), task, H256::zero()),
			Error::<Test>::AlreadyCommitted
		);
		commit(&agents[1], task, &result(0));
		// Everyone committed: the commit phase is over.
		assert_noop!(
			Poi::commit_result(RuntimeOrigin::signed(agents[1].clone()), task, H256::zero()),
			Error::<Test>::NotCommitPhase
		);
	});
}

#[test]
fn reveal_errors_change_nothing() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, None);
		register_agents(3);
		let task = submit(model, 2, VerificationMode::Redundant);
		let agents = assigned(task);
		let outsider = (1..=3).map(agent).find(|a| !agents.contains(a)).unwrap();
		let r = result(0);
		let reveal_with = |who: &AccountId, r: TaskResultOf<Test>, salt: [u8; 32]| {
			Poi::reveal_result(RuntimeOrigin::signed(who.clone()), task, r, salt, None)
		};
		commit(&agents[0], task, &r);
		// Not yet in the reveal phase.
		assert_noop!(
			reveal_with(&agents[0], r.clone(), salt(&agents[0])),
			Error::<Test>::NotRevealPhase
		);
		commit(&agents[1], task, &r);
		assert_noop!(
			Poi::reveal_result(
				RuntimeOrigin::signed(agents[0].clone()),
				99,
				r.clone(),
				[0; 32],
				None
			),
			Error::<Test>::UnknownTask
		);
		assert_noop!(
			reveal_with(&outsider, r.clone(), salt(&outsider)),
			Error::<Test>::NotAssigned
		);
		// Wrong salt, wrong result (another agent's, or altered): the commitment does not match.
		assert_noop!(
			reveal_with(&agents[0], r.clone(), [0; 32]),
			Error::<Test>::CommitmentMismatch
		);
		assert_noop!(
			reveal_with(&agents[0], result(1), salt(&agents[0])),
			Error::<Test>::CommitmentMismatch
		);
		let mut short = r.clone();
		short.sketch.pop();
		assert_noop!(
			reveal_with(&agents[0], short, salt(&agents[0])),
			Error::<Test>::MalformedResult
		);
		let mut no_cid = r.clone();
		no_cid.output_cid = bounded(b"");
		assert_noop!(
			reveal_with(&agents[0], no_cid, salt(&agents[0])),
			Error::<Test>::MalformedResult
		);
		assert_noop!(
			Poi::reveal_result(
				RuntimeOrigin::signed(agents[0].clone()),
				task,
				r.clone(),
				salt(&agents[0]),
				Some(bounded(b"proof"))
			),
			Error::<Test>::ProofNotExpected
		);
		reveal(&agents[0], task, &r);
		assert_noop!(
			reveal_with(&agents[0], r.clone(), salt(&agents[0])),
			Error::<Test>::NotCommitted
		);
		// Late: the reveal window closed; the silent agent is penalized, the task refunded.
		run_to_block(System::block_number() + REVEAL_WINDOW);
		assert_noop!(
			reveal_with(&agents[1], r.clone(), salt(&agents[1])),
			Error::<Test>::NotRevealPhase
		);
		assert_eq!(state_of(task, &agents[1]), AssignmentState::Penalized(PenaltyReason::NoReveal));
		assert_eq!(phase(task), TaskPhase::Refunded(RefundReason::NotEnoughResults));
	});
}

#[test]
fn an_absent_agent_is_penalized_and_replaced() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, None);
		register_agents(4);
		let task = submit(model, 3, VerificationMode::Redundant);
		let agents = assigned(task);
		commit(&agents[0], task, &result(0));
		commit(&agents[1], task, &result(0));
		run_to_block(DRAWN + COMMIT_WINDOW);
		assert_eq!(state_of(task, &agents[2]), AssignmentState::Penalized(PenaltyReason::NoCommit));
		assert_eq!(stake_of(&agents[2]), STAKE - STAKE / 10);
		assert!(AgentTasks::<Test>::get(&agents[2]).is_empty());
		// The fourth agent replaces it, with a fresh commit window.
		let replacement = assigned(task);
		assert_eq!(replacement.len(), 1);
		assert!(!agents.contains(&replacement[0]));
		assert_eq!(phase(task), TaskPhase::Commit { deadline: DRAWN + 2 * COMMIT_WINDOW });
		commit(&replacement[0], task, &result(5));
		for (a, off) in [(&agents[0], 0), (&agents[1], 0), (&replacement[0], 5)] {
			reveal(a, task, &result(off));
		}
		assert_eq!(phase(task), TaskPhase::Completed);
		assert_eq!(Tasks::<Test>::get(task).unwrap().replacements, 1);
	});
}

#[test]
fn without_replacements_a_committed_majority_still_completes() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, None);
		register_agents(3);
		let task = submit(model, 3, VerificationMode::Redundant);
		let agents = assigned(task);
		commit(&agents[0], task, &result(0));
		commit(&agents[1], task, &result(0));
		run_to_block(DRAWN + COMMIT_WINDOW);
		assert_eq!(
			phase(task),
			TaskPhase::Reveal { deadline: DRAWN + COMMIT_WINDOW + REVEAL_WINDOW }
		);
		reveal(&agents[0], task, &result(0));
		reveal(&agents[1], task, &result(0));
		assert_eq!(phase(task), TaskPhase::Completed);
		assert_eq!(state_of(task, &agents[2]), AssignmentState::Penalized(PenaltyReason::NoCommit));
	});
}

#[test]
fn too_few_commitments_refund_the_task() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, None);
		register_agents(3);
		let task = submit(model, 3, VerificationMode::Redundant);
		let agents = assigned(task);
		commit(&agents[0], task, &result(0));
		run_to_block(DRAWN + COMMIT_WINDOW);
		assert_eq!(phase(task), TaskPhase::Refunded(RefundReason::NotEnoughResults));
		assert_eq!(Balances::free_balance(&user()), ENDOWMENT - MODEL_DEPOSIT);
		// One commit of three is no quorum: the task never proved runnable, so the silent
		// agents are released, not penalized.
		for a in &agents {
			assert_eq!(state_of(task, a), AssignmentState::Unsettled);
			assert_eq!(stake_of(a), STAKE);
		}
		System::assert_has_event(
			Event::TaskRefunded { task, reason: RefundReason::NotEnoughResults, refund: REWARD }
				.into(),
		);
	});
}

#[test]
fn penalties_below_the_minimum_stake_suspend_the_agent() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, None);
		assert_ok!(Poi::register_agent(
			RuntimeOrigin::signed(agent(1)),
			MIN_STAKE,
			Hardware::default()
		));
		assert_ok!(Poi::register_agent(
			RuntimeOrigin::signed(agent(2)),
			MIN_STAKE,
			Hardware::default()
		));
		let task = submit(model, 2, VerificationMode::Redundant);
		commit(&agent(1), task, &result(0));
		commit(&agent(2), task, &result(0));
		reveal(&agent(1), task, &result(0));
		// Agent 2 committed, so it claimed the task runnable, but never reveals.
		run_to_block(DRAWN + REVEAL_WINDOW);
		let info = Agents::<Test>::get(agent(2)).unwrap();
		assert_eq!(info.stake, MIN_STAKE - MIN_STAKE / 10);
		assert!(matches!(info.status, AgentStatus::Unbonding { .. }));
		assert_eq!(Agents::<Test>::get(agent(1)).unwrap().status, AgentStatus::Active);
		assert_eq!(ActiveAgents::<Test>::get().to_vec(), vec![agent(1)]);
		System::assert_has_event(
			Event::AgentSuspended { agent: agent(2), stake: MIN_STAKE - MIN_STAKE / 10 }.into(),
		);
		assert_eq!(phase(task), TaskPhase::Refunded(RefundReason::NotEnoughResults));
	});
}

#[test]
fn a_reveal_deadline_in_the_commit_deadline_block_still_closes() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, None);
		register_agents(2);
		let task = submit(model, 2, VerificationMode::Redundant);
		let agents = assigned(task);
		// Everyone commits at the block whose reveal deadline is the commit deadline (6).
		run_to_block(DRAWN + COMMIT_WINDOW - REVEAL_WINDOW);
		for a in &agents {
			commit(a, task, &result(0));
		}
		assert_eq!(phase(task), TaskPhase::Reveal { deadline: DRAWN + COMMIT_WINDOW });
		assert_eq!(Deadlines::<Test>::get(DRAWN + COMMIT_WINDOW).to_vec(), vec![task]);
		reveal(&agents[0], task, &result(0));
		run_to_block(DRAWN + COMMIT_WINDOW);
		assert_eq!(state_of(task, &agents[1]), AssignmentState::Penalized(PenaltyReason::NoReveal));
		assert_eq!(phase(task), TaskPhase::Refunded(RefundReason::NotEnoughResults));
		assert!(AgentTasks::<Test>::get(&agents[0]).is_empty());
	});
}

#[test]
fn a_task_nobody_commits_to_is_refunded_without_penalties() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, None);
		register_agents(3);
		let task = submit(model, 3, VerificationMode::Redundant);
		let agents = assigned(task);
		run_to_block(DRAWN + COMMIT_WINDOW);
		assert_refunded_without_penalties(task, RefundReason::NoResults, &agents);
	});
}

#[test]
fn an_early_reveal_phase_frees_the_commit_deadline_and_finished_tasks_expire() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, None);
		register_agents(2);
		let task = submit(model, 2, VerificationMode::Redundant);
		let agents = assigned(task);
		assert_eq!(Deadlines::<Test>::get(DRAWN + COMMIT_WINDOW).to_vec(), vec![task]);
		for a in &agents {
			commit(a, task, &result(0));
		}
		assert!(!Deadlines::<Test>::contains_key(DRAWN + COMMIT_WINDOW));
		assert_eq!(Deadlines::<Test>::get(DRAWN + REVEAL_WINDOW).to_vec(), vec![task]);
		for a in &agents {
			reveal(a, task, &result(0));
		}
		assert_eq!(phase(task), TaskPhase::Completed);
		run_to_block(DRAWN + RETENTION - 1);
		assert!(Tasks::<Test>::get(task).is_some());
		run_to_block(DRAWN + RETENTION);
		assert!(Tasks::<Test>::get(task).is_none());
	});
}

#[test]
fn zk_results_agree_by_their_proven_output_hash() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, Some(ZK_KEY));
		register_provers(2);
		let task = submit(model, 2, ZK);
		let agents = assigned(task);
		// Sketches far apart, the same proven output hash: they agree.
		let results = [result(0), result(10_000)];
		for (a, r) in agents.iter().zip(&results) {
			commit(a, task, r);
		}
		for (a, r) in agents.iter().zip(&results) {
			let inputs = zk_inputs(task, a, &results[0].output_hash);
			assert_ok!(Poi::reveal_result(
				RuntimeOrigin::signed(a.clone()),
				task,
				r.clone(),
				salt(a),
				Some(proof_for(&ZK_KEY, &inputs).try_into().unwrap())
			));
		}
		assert_eq!(phase(task), TaskPhase::Completed);
	});
}

#[test]
fn busy_agents_and_open_tasks_are_respected() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, None);
		register_agents(2);
		submit(model, 2, VerificationMode::Redundant);
		submit(model, 2, VerificationMode::Redundant);
		// `MaxTasksPerAgent` is 2: nobody is free for a third task.
		assert_noop!(
			Poi::submit_task(
				RuntimeOrigin::signed(user()),
				model,
				bounded(b"in"),
				REWARD,
				2,
				COMMIT_WINDOW,
				VerificationMode::Redundant
			),
			Error::<Test>::NotEnoughAgents
		);
		assert_ok!(Poi::deregister_agent(RuntimeOrigin::signed(agent(1))));
		run_to_block(System::block_number() + UNBONDING);
		// Its tasks were settled (refunded after the silent commit window), so it may leave.
		assert_ok!(Poi::withdraw_stake(RuntimeOrigin::signed(agent(1))));
	});
}

#[test]
fn withdraw_waits_for_open_tasks() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, None);
		register_agents(2);
		submit(model, 2, VerificationMode::Redundant);
		assert_ok!(Poi::deregister_agent(RuntimeOrigin::signed(agent(1))));
		frame_system::Pallet::<Test>::set_block_number(System::block_number() + UNBONDING);
		assert_noop!(
			Poi::withdraw_stake(RuntimeOrigin::signed(agent(1))),
			Error::<Test>::HasOpenTasks
		);
	});
}

#[test]
fn agents_and_seed_are_drawn_in_the_block_after_submission() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, None);
		register_agents(3);
		let task = submit_only(model, 3, VerificationMode::Redundant);
		// Nothing is drawn from the randomness the submitter saw.
		let t = Tasks::<Test>::get(task).unwrap();
		assert_eq!(
			(t.phase, t.assignments.len(), t.seed),
			(TaskPhase::Drawing { at: DRAWN }, 0, H256::zero())
		);
		System::assert_last_event(
			Event::TaskSubmitted {
				task,
				owner: user(),
				model,
				reward: REWARD,
				redundancy: 3,
				mode: VerificationMode::Redundant,
				draw_at: DRAWN,
			}
			.into(),
		);
		assert!((1..=3).all(|i| AgentTasks::<Test>::get(agent(i)).is_empty()));
		// Nobody can commit before the draw.
		assert_noop!(
			Poi::commit_result(RuntimeOrigin::signed(agent(1)), task, H256::zero()),
			Error::<Test>::NotCommitPhase
		);
		run_to_block(DRAWN);
		let t = Tasks::<Test>::get(task).unwrap();
		assert_eq!(
			(t.phase, t.assignments.len()),
			(TaskPhase::Commit { deadline: DRAWN + COMMIT_WINDOW }, 3)
		);
		assert_ne!(t.seed, H256::zero());
		assert!((1..=3).all(|i| AgentTasks::<Test>::get(agent(i)).to_vec() == vec![task]));
		System::assert_has_event(
			Event::TaskAssigned { task, agent: agent(1), deadline: DRAWN + COMMIT_WINDOW }.into(),
		);
	});
}

#[test]
fn a_task_without_enough_free_agents_at_its_draw_is_refunded_without_penalties() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, None);
		register_agents(2);
		let task = submit_only(model, 2, VerificationMode::Redundant);
		assert_eq!(escrow_of(&user()), REWARD);
		// An agent leaves between the submission and the draw.
		assert_ok!(Poi::deregister_agent(RuntimeOrigin::signed(agent(2))));
		run_to_block(DRAWN);
		assert_eq!(phase(task), TaskPhase::Refunded(RefundReason::NoAgents));
		assert_eq!(escrow_of(&user()), 0);
		assert!(Tasks::<Test>::get(task).unwrap().assignments.is_empty());
		assert_eq!((stake_of(&agent(1)), stake_of(&agent(2))), (STAKE, STAKE));
		System::assert_has_event(
			Event::TaskRefunded { task, reason: RefundReason::NoAgents, refund: REWARD }.into(),
		);
	});
}

#[test]
fn full_deadline_buckets_move_to_the_next_block() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, None);
		register_agents(6);
		let deadline = |task| match phase(task) {
			TaskPhase::Commit { deadline } => deadline,
			other => panic!("unexpected {other:?}"),
		};
		// Three tasks submitted in one block; a bucket holds two: the third is drawn a block later.
		let [a, b, c] = [(); 3].map(|_| submit_only(model, 2, VerificationMode::Redundant));
		assert_eq!(
			[a, b, c].map(phase),
			[DRAWN, DRAWN, DRAWN + 1].map(|at| TaskPhase::Drawing { at })
		);
		// Another task's deadline is already due when a and b's windows end.
		Deadlines::<Test>::insert(DRAWN + COMMIT_WINDOW, BoundedVec::truncate_from(vec![99]));
		run_to_block(DRAWN + 1);
		assert_eq!(deadline(a), DRAWN + COMMIT_WINDOW);
		assert_eq!(deadline(b), DRAWN + COMMIT_WINDOW + 1);
		assert_eq!(deadline(c), DRAWN + 1 + COMMIT_WINDOW);
		Deadlines::<Test>::mutate(DRAWN + COMMIT_WINDOW, |ids| ids.retain(|id| *id != 99));
	});
}

#[test]
fn zk_mode_checks_proofs() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, Some(ZK_KEY));
		register_provers(1);
		let task = submit(model, 1, ZK);
		let a = assigned(task)[0].clone();
		let r = result(0);
		commit(&a, task, &r);
		let reveal_with = |proof: Option<Vec<u8>>| {
			Poi::reveal_result(
				RuntimeOrigin::signed(a.clone()),
				task,
				r.clone(),
				salt(&a),
				proof.map(|p| p.try_into().unwrap()),
			)
		};
		assert_noop!(reveal_with(None), Error::<Test>::ProofRequired);
		assert_noop!(reveal_with(Some(vec![0; 32])), Error::<Test>::InvalidProof);
		// A proof of another output does not pass.
		let wrong = zk_inputs(task, &a, &H256::repeat_byte(0x78));
		assert_noop!(reveal_with(Some(proof_for(&ZK_KEY, &wrong))), Error::<Test>::InvalidProof);
		// Nor a proof made for another task, or by another agent (a replay).
		let other_task = zk_inputs(task + 1, &a, &r.output_hash);
		assert_noop!(
			reveal_with(Some(proof_for(&ZK_KEY, &other_task))),
			Error::<Test>::InvalidProof
		);
		let other_agent = zk_inputs(task, &agent(6), &r.output_hash);
		assert_noop!(
			reveal_with(Some(proof_for(&ZK_KEY, &other_agent))),
			Error::<Test>::InvalidProof
		);
		let inputs = zk_inputs(task, &a, &r.output_hash);
		assert_ok!(reveal_with(Some(proof_for(&ZK_KEY, &inputs))));
		assert_eq!(phase(task), TaskPhase::Completed);
	});
}

#[test]
fn public_inputs_are_the_commitments_and_a_scalar_binding() {
	let (w, i, o) = (H256::repeat_byte(1), H256::repeat_byte(2), H256::repeat_byte(3));
	let inputs = zk_public_inputs(&w, &i, &o, u64::MAX, &[0xff; 32]);
	assert_eq!(inputs[..3], [w.0, i.0, o.0]);
	assert_eq!(inputs[3], zk_binding(u64::MAX, &[0xff; 32]).0);
	assert!(inputs[3][31] <= 0x1f);
	assert_ne!(zk_binding(1, &[0; 32]), zk_binding(2, &[0; 32]));
	assert_ne!(zk_binding(1, &[0; 32]), zk_binding(1, &[1; 32]));
}

#[test]
fn hold_balances_match_the_records() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, None);
		register_agents(3);
		let total_before = Balances::total_issuance();
		let task = submit(model, 3, VerificationMode::Redundant);
		let agents = assigned(task);
		commit(&agents[0], task, &result(0));
		run_to_block(DRAWN + COMMIT_WINDOW);
		// Two agents were silent, but one commit is no quorum: the task never proved runnable,
		// so nobody pays for it; the reward came back.
		assert_eq!(phase(task), TaskPhase::Refunded(RefundReason::NotEnoughResults));
		assert_eq!(Balances::total_issuance(), total_before);
		assert_eq!(escrow_of(&user()), 0);
		for i in 1..=3 {
			assert_eq!(
				Balances::balance_on_hold(&HoldReason::AgentStake.into(), &agent(i)),
				stake_of(&agent(i))
			);
		}
	});
}

// ---------------------------------------------------------------- attacks

/// A task nobody honest can run (an unfetchable input, or a ZK task for agents that cannot
/// prove) plus one colluder that commits garbage: before, every silent agent lost stake in
/// every replacement round. Now absence is punished only where the task proved runnable.
#[test]
fn attack_a_colluder_cannot_burn_honest_stakes_on_an_unrunnable_task() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, None);
		register_agents(6);
		let task = submit(model, 3, VerificationMode::Redundant);
		let first = assigned(task);
		let colluder = first[0].clone();
		let garbage = result(5_000);
		commit(&colluder, task, &garbage);
		// The honest two cannot fetch the input (only the colluders can) and stay silent:
		// they are not penalized, and replacements are drawn for them.
		run_to_block(DRAWN + COMMIT_WINDOW);
		assert_eq!(state_of(task, &first[1]), AssignmentState::Absent);
		let second = assigned(task);
		assert_eq!(second.len(), 2, "a replacement round for the two silent agents");
		// A second colluder is among the replacements: with it a quorum of commits is
		// reached, but not a majority of everyone drawn.
		let sybil = second[0].clone();
		commit(&sybil, task, &garbage);
		run_to_block(DRAWN + 2 * COMMIT_WINDOW);
		reveal(&colluder, task, &garbage);
		reveal(&sybil, task, &garbage);
		assert_eq!(phase(task), TaskPhase::Completed);
		let honest: Vec<_> =
			drawn(task).into_iter().filter(|a| *a != colluder && *a != sybil).collect();
		assert_eq!(honest.len(), 3);
		for a in honest.iter() {
			assert_eq!(stake_of(a), STAKE, "no honest agent lost stake");
			assert!(AgentTasks::<Test>::get(a).is_empty());
		}
		assert!(!System::events()
			.iter()
			.any(|r| matches!(r.event, RuntimeEvent::Poi(Event::AgentPenalized { .. }))));
	});
}

/// Absent agents do pay when a majority of everyone drawn agreed on a result.
#[test]
fn absent_agents_are_penalized_once_the_task_completes() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, None);
		register_agents(5);
		let task = submit(model, 3, VerificationMode::Redundant);
		let first = assigned(task);
		commit(&first[0], task, &result(0));
		run_to_block(DRAWN + COMMIT_WINDOW);
		// One commit of three: the two silent ones wait as absent (still holding the task, so
		// they cannot withdraw their stake before it ends); two replacements are drawn.
		for silent in &first[1..] {
			assert_eq!(state_of(task, silent), AssignmentState::Absent);
			assert!(AgentTasks::<Test>::get(silent).contains(&task));
		}
		let replacements = assigned(task);
		for r in &replacements {
			commit(r, task, &result(1));
		}
		// Every live agent committed: the reveals start at once.
		assert!(matches!(phase(task), TaskPhase::Reveal { .. }));
		reveal(&first[0], task, &result(0));
		for r in &replacements {
			reveal(r, task, &result(1));
		}
		// Three of the five drawn agreed: the task was runnable, absence is penalized.
		assert_eq!(phase(task), TaskPhase::Completed);
		for silent in &first[1..] {
			assert_eq!(state_of(task, silent), AssignmentState::Penalized(PenaltyReason::NoCommit));
			assert_eq!(stake_of(silent), STAKE - STAKE / 10);
		}
	});
}

#[test]
fn attack_zk_tasks_go_only_to_agents_that_declared_they_prove() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, Some(ZK_KEY));
		register_agents(3);
		assert_noop!(
			Poi::submit_task(
				RuntimeOrigin::signed(user()),
				model,
				bounded(b"in"),
				REWARD,
				1,
				COMMIT_WINDOW,
				ZK
			),
			Error::<Test>::NotEnoughAgents
		);
		assert_noop!(
			Poi::set_zk_prover(RuntimeOrigin::signed(user()), true),
			Error::<Test>::NotAgent
		);
		assert_ok!(Poi::set_zk_prover(RuntimeOrigin::signed(agent(2)), true));
		System::assert_last_event(
			Event::ProverDeclared { agent: agent(2), zk_prover: true }.into(),
		);
		// An input commitment that is no BN254 scalar could never be proven: refused.
		assert_noop!(
			Poi::submit_task(
				RuntimeOrigin::signed(user()),
				model,
				bounded(b"in"),
				REWARD,
				1,
				COMMIT_WINDOW,
				VerificationMode::Zk { input_commitment: H256([0xff; 32]) }
			),
			Error::<Test>::NonCanonicalCommitment
		);
		let task = submit(model, 1, ZK);
		assert_eq!(assigned(task), vec![agent(2)]);
	});
}

#[test]
fn attack_a_model_cannot_name_a_missing_or_foreign_key_nor_lose_its_key() {
	build_and_execute(|| {
		let call = |key| {
			Poi::register_model(
				RuntimeOrigin::signed(user()),
				bounded(b"bafymodel"),
				H256::repeat_byte(0x11),
				Framework::Mlp,
				bounded(b""),
				bounded(b""),
				TOLERANCE,
				SKETCH_LEN,
				Some(ZkCircuit { key, weights_commitment: WEIGHTS }),
			)
		};
		assert_noop!(call(H256::repeat_byte(9)), Error::<Test>::UnknownZkKey);
		// Only MLPs have a circuit.
		assert_noop!(
			Poi::register_model(
				RuntimeOrigin::signed(user()),
				bounded(b"bafymodel"),
				H256::repeat_byte(0x11),
				Framework::BertEmbedding,
				bounded(b""),
				bounded(b""),
				TOLERANCE,
				SKETCH_LEN,
				Some(ZkCircuit { key: ZK_KEY, weights_commitment: WEIGHTS }),
			),
			Error::<Test>::NoCircuitForFramework
		);
		assert_noop!(call(OTHER_SHAPE_KEY), Error::<Test>::ZkKeyMismatch);
		// Nobody can pin another's key by naming it in a model.
		assert_noop!(
			Poi::register_model(
				RuntimeOrigin::signed(agent(1)),
				bounded(b"bafymodel"),
				H256::repeat_byte(0x11),
				Framework::Mlp,
				bounded(b""),
				bounded(b""),
				TOLERANCE,
				SKETCH_LEN,
				Some(ZkCircuit { key: ZK_KEY, weights_commitment: WEIGHTS }),
			),
			Error::<Test>::NotZkKeyOwner
		);
		assert_eq!(key_holds(&OTHER_SHAPE_KEY), 0);
		// A weights commitment no proof could match (not below the BN254 order) is refused,
		// and the key is not left held.
		assert_noop!(
			Poi::register_model(
				RuntimeOrigin::signed(user()),
				bounded(b"bafymodel"),
				H256::repeat_byte(0x11),
				Framework::Mlp,
				bounded(b""),
				bounded(b""),
				Agreement::Exact,
				0,
				Some(ZkCircuit { key: ZK_KEY, weights_commitment: H256([0xff; 32]) }),
			),
			Error::<Test>::NonCanonicalCommitment
		);
		assert_eq!(key_holds(&ZK_KEY), 0);
		let model = register_model(TOLERANCE, SKETCH_LEN, Some(ZK_KEY));
		// The verifier now refuses to unregister the key (see pallet-zk-verifier's tests).
		assert_eq!(key_holds(&ZK_KEY), 1);
		assert_ok!(Poi::unregister_model(RuntimeOrigin::signed(user()), model));
		assert_eq!(key_holds(&ZK_KEY), 0);
	});
}

#[test]
fn models_hold_a_deposit_and_are_removed_only_by_their_owner_without_open_tasks() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, None);
		assert_eq!(
			Balances::balance_on_hold(&HoldReason::ModelDeposit.into(), &user()),
			MODEL_DEPOSIT
		);
		register_agents(2);
		let task = submit(model, 2, VerificationMode::Redundant);
		assert_noop!(
			Poi::unregister_model(RuntimeOrigin::signed(agent(1)), model),
			Error::<Test>::NotModelOwner
		);
		assert_noop!(
			Poi::unregister_model(RuntimeOrigin::signed(user()), model),
			Error::<Test>::ModelInUse
		);
		assert_noop!(
			Poi::unregister_model(RuntimeOrigin::signed(user()), model + 1),
			Error::<Test>::UnknownModel
		);
		for a in drawn(task) {
			commit(&a, task, &result(0));
		}
		for a in drawn(task) {
			reveal(&a, task, &result(0));
		}
		assert_eq!(phase(task), TaskPhase::Completed);
		assert_ok!(Poi::unregister_model(RuntimeOrigin::signed(user()), model));
		assert!(Models::<Test>::get(model).is_none());
		assert_eq!(Balances::balance_on_hold(&HoldReason::ModelDeposit.into(), &user()), 0);
		System::assert_last_event(Event::ModelUnregistered { model, owner: user() }.into());
	});
}

/// In tolerance mode the sketches decide who agrees, but the recorded output must be one a
/// quorum committed to: the first-drawn agent can no longer point the output anywhere.
#[test]
fn attack_the_centre_agent_cannot_record_its_own_output_file() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, None);
		register_agents(3);
		let task = submit(model, 3, VerificationMode::Redundant);
		let agents = assigned(task);
		let mut forged = result(0);
		forged.output_hash = H256::repeat_byte(0xee);
		forged.output_cid = bounded(b"bafyevil");
		let results = [forged, result(3), result(-3)];
		for (a, r) in agents.iter().zip(&results) {
			commit(a, task, r);
		}
		for (a, r) in agents.iter().zip(&results) {
			reveal(a, task, r);
		}
		assert_eq!(phase(task), TaskPhase::Completed);
		let recorded = Tasks::<Test>::get(task).unwrap().result.unwrap();
		assert_eq!(
			(recorded.output_hash, recorded.output_cid.to_vec()),
			(H256::repeat_byte(0x77), b"bafyoutput".to_vec())
		);
	});
}

#[test]
fn sketches_that_agree_without_a_shared_output_refund_the_task() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, None);
		register_agents(3);
		let task = submit(model, 3, VerificationMode::Redundant);
		let agents = assigned(task);
		let results: Vec<_> = (0..3u8)
			.map(|i| {
				let mut r = result(i as i32);
				r.output_hash = H256::repeat_byte(0x10 + i);
				r
			})
			.collect();
		for (a, r) in agents.iter().zip(&results) {
			commit(a, task, r);
		}
		for (a, r) in agents.iter().zip(&results) {
			reveal(a, task, r);
		}
		assert_refunded_without_penalties(task, RefundReason::NoAgreedOutput, &agents);
	});
}

/// The submitter's block author knows that block's VRF output: the draw waits for the next
/// block's, which did not exist when the task was included.
#[test]
fn attack_the_draw_uses_randomness_from_after_the_submission() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, None);
		register_agents(3);
		let submitted = System::block_number();
		let task = submit_only(model, 2, VerificationMode::Redundant);
		assert_eq!(phase(task), TaskPhase::Drawing { at: submitted + 2 });
		run_to_block(submitted + 1);
		assert!(assigned(task).is_empty());
		run_to_block(submitted + 2);
		assert_eq!(assigned(task).len(), 2);
		// The mock's randomness, like BABE's, is that of the parent block: here `submitted + 1`.
		let (_, known_since) =
			<TestRandomness as frame_support::traits::Randomness<H256, u64>>::random(b"x");
		assert!(known_since > submitted);
	});
}

#[test]
fn an_ended_task_with_no_room_to_be_filed_for_removal_is_removed_at_once() {
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, None);
		register_agents(2);
		let task = submit(model, 2, VerificationMode::Redundant);
		let at = System::block_number() + RETENTION;
		for block in at..=at + 16 {
			Expiries::<Test>::insert(block, BoundedVec::truncate_from(vec![900, 901]));
		}
		for a in drawn(task) {
			commit(&a, task, &result(0));
		}
		for a in drawn(task) {
			reveal(&a, task, &result(0));
		}
		assert!(Tasks::<Test>::get(task).is_none(), "not kept forever");
		for block in at..=at + 16 {
			Expiries::<Test>::remove(block);
		}
	});
}

#[test]
fn stored_enums_keep_their_encoding() {
	use codec::Encode;
	assert_eq!(TaskPhase::Commit { deadline: 7u64 }.encode(), [0, 7, 0, 0, 0, 0, 0, 0, 0]);
	assert_eq!(TaskPhase::Reveal { deadline: 7u64 }.encode()[0], 1);
	assert_eq!(TaskPhase::<u64>::Completed.encode(), [2]);
	assert_eq!(TaskPhase::<u64>::Refunded(RefundReason::NoAgreedOutput).encode(), [3, 4]);
	assert_eq!(TaskPhase::Drawing { at: 7u64 }.encode()[0], 4);
	assert_eq!(RefundReason::NotEnoughResults.encode(), [0]);
	assert_eq!(RefundReason::NoAgents.encode(), [3]);
	assert_eq!(PenaltyReason::Disagreed.encode(), [2]);
	assert_eq!(VerificationMode::Zk { input_commitment: INPUT }.encode()[0], 1);
	assert_eq!(AgentStatus::Unbonding { until: 1u64 }.encode()[0], 1);
	type State =
		AssignmentState<frame_support::traits::ConstU32<4>, frame_support::traits::ConstU32<4>>;
	assert_eq!(State::Assigned.encode(), [0]);
	assert_eq!(State::Committed(H256::zero()).encode()[0], 1);
	assert_eq!(State::Paid.encode(), [3]);
	assert_eq!(State::Penalized(PenaltyReason::NoReveal).encode(), [4, 1]);
	assert_eq!(State::Unsettled.encode(), [5]);
	assert_eq!(State::Absent.encode(), [6]);
}

type ProofOf = BoundedVec<u8, <Test as crate::Config>::MaxProofLen>;

/// A real circuit (a 3-4-2 MLP from `zkp-zkml`), its key registered, a model naming it, and
/// one prover assigned to a k=1 ZK task on `input`.
struct RealZk {
	keys: zkp_zkml::Keys,
	shape: zkp_zkml::CircuitShape,
	mlp: zkp_zkml::Weights,
	input: Vec<i64>,
	task: TaskId,
	agent: AccountId,
}

fn real_zk_task() -> RealZk {
	let shape = zkp_zkml::CircuitShape { layers: vec![3, 4, 2], rows: 1 };
	let keys = zkp_zkml::setup(&shape, 1 << 16).unwrap();
	let key = H256(zkp_groth16::vk_hash(zkp_groth16::Curve::Bn254, &keys.verifying));
	crate::mock::REAL_KEYS.with(|k| k.borrow_mut().insert(key, keys.verifying.clone()));
	let dense = vec![
		((0..12).map(|i| (i as f32 - 6.0) / 8.0).collect(), vec![0.25, -0.5, 0.0, 1.0]),
		((0..8).map(|i| (3.0 - i as f32) / 4.0).collect(), vec![0.125, -0.125]),
	];
	let mlp =
		zkp_zkml::Weights::new(zkp_zkml::QuantizedMlp::quantize(&shape.layers, &dense).unwrap());
	let weights = H256(zkp_zkml::to_bytes(&mlp.commitment()));
	let model = NextModelId::<Test>::get();
	assert_ok!(Poi::register_model(
		RuntimeOrigin::signed(user()),
		bounded(b"bafymlp"),
		H256::repeat_byte(0x12),
		Framework::Mlp,
		bounded(b"[[3 numbers]]"),
		bounded(b"{quantized}"),
		Agreement::Exact,
		0,
		Some(ZkCircuit { key, weights_commitment: weights }),
	));
	let input = vec![256, -128, 512];
	let input_commitment = H256(zkp_zkml::to_bytes(&zkp_zkml::commit::input_commitment(&input, 1)));
	register_provers(1);
	let task = submit(model, 1, VerificationMode::Zk { input_commitment });
	let agent = assigned(task)[0].clone();
	RealZk { keys, shape, mlp, input, task, agent }
}

/// The result and proof of running `mlp` on `input` bound to (`task`, `agent`).
fn real_proof(
	z: &RealZk,
	mlp: &zkp_zkml::Weights,
	input: &[i64],
	task: TaskId,
	agent: &AccountId,
) -> (TaskResultOf<Test>, ProofOf) {
	let account: [u8; 32] = agent.clone().into();
	let binding = zkp_zkml::from_bytes(&zk_binding(task, &account).0).unwrap();
	let (statement, output, proof) =
		zkp_zkml::prove(&z.keys.proving, &z.shape, mlp, input, binding).unwrap();
	let result = TaskResult {
		output_hash: H256(zkp_zkml::to_bytes(&statement.output)),
		output_cid: bounded(b"bafyout"),
		output_len: output.len() as u32,
		sketch: Default::default(),
	};
	(result, proof.try_into().unwrap())
}

#[test]
fn a_real_proof_settles_a_k1_task_and_proofs_of_anything_else_are_refused() {
	build_and_execute(|| {
		let z = real_zk_task();
		let (task, a) = (z.task, z.agent.clone());
		let reveal = |result: &TaskResultOf<Test>, proof: &ProofOf| {
			Poi::reveal_result(
				RuntimeOrigin::signed(a.clone()),
				task,
				result.clone(),
				salt(&a),
				Some(proof.clone()),
			)
		};
		// The honest result is committed (the task moves to its reveal phase); each attack then
		// stands in for that commitment (a reveal must match one), so only the proof check can
		// refuse it.
		let (honest, proof) = real_proof(&z, &z.mlp, &z.input, task, &a);
		let commitment_of =
			|r: &TaskResultOf<Test>| commitment(task, &a, &r.to_inference_result(), &salt(&a));
		let committed_to = |r: &TaskResultOf<Test>| {
			Tasks::<Test>::mutate(task, |t| {
				t.as_mut().unwrap().assignments[0].state =
					AssignmentState::Committed(commitment_of(r))
			})
		};
		commit(&a, task, &honest);
		assert!(matches!(phase(task), TaskPhase::Reveal { .. }));
		let mut other = z.mlp.clone();
		other.mlp.weights[0][0] += 1;
		let attacks = [
			// Other weights (the agent's own model, not the registered one).
			real_proof(&z, &other, &z.input, task, &a),
			// Another input than the task's.
			real_proof(&z, &z.mlp, &[256, -128, 513], task, &a),
			// A proof made for another task, or by another agent (a replay).
			real_proof(&z, &z.mlp, &z.input, task + 1, &a),
			real_proof(&z, &z.mlp, &z.input, task, &agent(9)),
		];
		for (result, proof) in &attacks {
			committed_to(result);
			assert_noop!(reveal(result, proof), Error::<Test>::InvalidProof);
		}
		// The honest proof with a claimed output that is not the proven one.
		let other_output = zkp_zkml::commit::output_commitment(&[12_345, -6]);
		let forged =
			TaskResult { output_hash: H256(zkp_zkml::to_bytes(&other_output)), ..honest.clone() };
		committed_to(&forged);
		assert_noop!(reveal(&forged, &proof), Error::<Test>::InvalidProof);
		committed_to(&honest);
		let before = Balances::free_balance(&a);
		assert_ok!(reveal(&honest, &proof));
		assert_eq!(phase(task), TaskPhase::Completed);
		assert_eq!(
			Tasks::<Test>::get(task).unwrap().result.unwrap().output_hash,
			honest.output_hash
		);
		assert!(Balances::free_balance(&a) > before);
	});
}

#[test]
fn the_v2_migration_translates_v1_models_and_tasks_once() {
	use crate::migrations::v2::{v1, MigrateV1ToV2};
	use frame_support::{
		storage::unhashed,
		traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
	};
	build_and_execute(|| {
		let model = register_model(TOLERANCE, SKETCH_LEN, Some(ZK_KEY));
		register_provers(1);
		let task = submit(model, 1, ZK);
		let (m, t) = (Models::<Test>::get(model).unwrap(), Tasks::<Test>::get(task).unwrap());
		// The same model and task as v1 stored them.
		let old_model = v1::ModelInfo {
			owner: m.owner.clone(),
			deposit: m.deposit,
			open_tasks: m.open_tasks,
			cid: m.cid.clone(),
			content_hash: m.content_hash,
			framework: m.framework,
			input_schema: m.input_schema.clone(),
			output_schema: m.output_schema.clone(),
			agreement: m.agreement,
			sketch_len: m.sketch_len,
			zk_key: Some(ZK_KEY),
		};
		let old_task = v1::InferenceTask {
			owner: t.owner.clone(),
			model: t.model,
			input_cid: t.input_cid.clone(),
			reward: t.reward,
			redundancy: t.redundancy,
			commit_window: t.commit_window,
			mode: v1::VerificationMode::Zk,
			seed: t.seed,
			phase: t.phase.clone(),
			assignments: t.assignments.clone(),
			replacements: t.replacements,
			result: t.result.clone(),
			submitted_at: t.submitted_at,
			remove_at: t.remove_at,
		};
		unhashed::put(&Models::<Test>::hashed_key_for(model), &old_model);
		unhashed::put(&Tasks::<Test>::hashed_key_for(task), &old_task);
		StorageVersion::new(1).put::<Pallet<Test>>();
		assert_eq!(key_holds(&ZK_KEY), 1);

		let expected_model = ModelInfo { zk: None, ..m }.encode();
		let expected_task =
			InferenceTask { mode: VerificationMode::Zk { input_commitment: H256::zero() }, ..t }
				.encode();
		MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
		assert_eq!(Models::<Test>::get(model).map(|m| m.encode()), Some(expected_model.clone()));
		assert_eq!(Tasks::<Test>::get(task).map(|t| t.encode()), Some(expected_task));
		// The old key is no longer held (its owner may unregister it).
		assert_eq!(key_holds(&ZK_KEY), 0);
		// At version 2 it does nothing.
		MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Models::<Test>::get(model).map(|m| m.encode()), Some(expected_model));
		assert_eq!(key_holds(&ZK_KEY), 0);
	});
}
