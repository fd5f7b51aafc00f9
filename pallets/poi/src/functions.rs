//! The pallet's logic: models, agents, task assignment, commit–reveal, settlement, penalties
//! and scores.

use crate::{pallet::*, types::*, WeightInfo};
use alloc::vec::Vec;
use codec::Encode;
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
		Randomness,
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::traits::{One, Saturating, UniqueSaturatedInto, Zero};
use zkp_primitives::{
	poi::{agree, commitment, is_bn254_scalar, ComputeContribution},
	zk::{ProofVerificationError, ProofVerifier, PublicInput},
};

/// Blocks after the wanted one that a full deadline bucket may push a deadline to.
pub(crate) const DEADLINE_SLACK: u32 = 16;

/// Turns a hash into a BN254 scalar (32 bytes little-endian below the field's modulus) by
/// clearing its top three bits.
pub fn scalar_from_hash(hash: [u8; 32]) -> PublicInput {
	let mut scalar = hash;
	scalar[31] &= 0x1f;
	scalar
}

/// Public inputs of a ZK-mode proof.
pub const ZK_PUBLIC_INPUTS: u32 = 4;

/// The binding of a proof to one task and one agent: `blake2_256(SCALE(task, agent))` as a
/// BN254 scalar, so that a proof cannot be replayed for another task or by another agent.
pub fn zk_binding(task: TaskId, agent: &[u8; 32]) -> H256 {
	H256(scalar_from_hash(sp_io::hashing::blake2_256(&(task, agent).encode())))
}

/// The public inputs a ZK-mode proof is checked with, each a BN254 scalar, all derived by the
/// chain: the model's weights commitment (from its registration), the input commitment
/// (from the task), the revealed output hash (the output commitment: a non-canonical one
/// fails verification) and the binding ([`zk_binding`]). The circuit behind them is
/// `zkp-zkml`'s: the committed model, run on the committed input, gives the committed output.
pub fn zk_public_inputs(
	weights_commitment: &H256,
	input_commitment: &H256,
	output_hash: &H256,
	task: TaskId,
	agent: &[u8; 32],
) -> [PublicInput; ZK_PUBLIC_INPUTS as usize] {
	[weights_commitment.0, input_commitment.0, output_hash.0, zk_binding(task, agent).0]
}

/// How a settled task's revealed results came out.
enum Verdict {
	/// `winners` agree with the result at `centre`, which a quorum also committed to.
	Agreed { centre: usize, winners: Vec<usize> },
	/// No result can be recorded; `disagreeing` are penalized (empty when no majority formed).
	Failed { reason: RefundReason, disagreeing: Vec<usize> },
}

impl<T: Config> Pallet<T> {
	fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// A fresh random number for `subject` (different for every draw in a block).
	fn random_u64(subject: &[u8]) -> u64 {
		let nonce = DrawNonce::<T>::mutate(|n| {
			*n = n.wrapping_add(1);
			*n
		});
		let (seed, _) = T::Randomness::random(subject);
		let hash = sp_io::hashing::blake2_256(&(seed, nonce, subject).encode());
		u64::from_le_bytes(hash[..8].try_into().expect("8 bytes; qed"))
	}

	/// Active agents not in `exclude`, with room for another task, and able to prove if the
	/// task is in ZK mode.
	fn free_agents(exclude: &[T::AccountId], mode: VerificationMode) -> Vec<T::AccountId> {
		let max = T::MaxTasksPerAgent::get() as usize;
		ActiveAgents::<T>::get()
			.into_iter()
			.filter(|a| !exclude.contains(a) && AgentTasks::<T>::decode_len(a).unwrap_or(0) < max)
			.filter(|a| !mode.is_zk() || Agents::<T>::get(a).is_some_and(|i| i.zk_prover))
			.collect()
	}

	/// What finding the provers among `agents` active agents costs, for a ZK-mode task: one
	/// agent record each, at the submission check and again at the draw (the benchmarks draw
	/// redundant tasks, which read no agent record).
	pub fn prover_filter_weight(mode: VerificationMode, agents: u32) -> Weight {
		match mode {
			VerificationMode::Zk { .. } =>
				T::DbWeight::get().reads(2u64.saturating_mul(agents as u64)),
			VerificationMode::Redundant => Weight::zero(),
		}
	}

	/// The block whose VRF output the randomness comes from (the parent block in the
	/// runtime): a task included in that block or later must wait, since that block's author
	/// knew the randomness when it included the task.
	fn randomness_block() -> BlockNumberFor<T> {
		T::Randomness::random(b"poi-known-since").1
	}

	/// Draws `count` of `candidates` uniformly without replacement.
	fn draw(mut candidates: Vec<T::AccountId>, count: usize) -> Vec<T::AccountId> {
		let mut drawn = Vec::with_capacity(count);
		while drawn.len() < count && !candidates.is_empty() {
			let index = (Self::random_u64(b"poi-draw") % candidates.len() as u64) as usize;
			drawn.push(candidates.swap_remove(index));
		}
		drawn
	}

	/// The first block from `at` (up to `DEADLINE_SLACK` later) for which `file` succeeds.
	fn first_with_room(
		at: BlockNumberFor<T>,
		mut file: impl FnMut(BlockNumberFor<T>) -> bool,
	) -> Option<BlockNumberFor<T>> {
		let mut block = at;
		for _ in 0..=DEADLINE_SLACK {
			if file(block) {
				return Some(block);
			}
			block = block.saturating_add(1u32.into());
		}
		None
	}

	/// Files `task` under the first block from `at` whose deadline bucket has room.
	fn schedule(task: TaskId, at: BlockNumberFor<T>) -> Result<BlockNumberFor<T>, Error<T>> {
		Self::first_with_room(at, |block| {
			Deadlines::<T>::try_mutate(block, |tasks| tasks.try_push(task)).is_ok()
		})
		.ok_or(Error::<T>::DeadlinesFull)
	}

	/// Drops one entry of `task` from the deadline bucket of block `at` (its window closed
	/// early). One only: the task's next deadline may have just been filed in the same bucket.
	fn unschedule(task: TaskId, at: BlockNumberFor<T>) {
		Deadlines::<T>::mutate_exists(at, |bucket| {
			if let Some(tasks) = bucket {
				if let Some(position) = tasks.iter().position(|t| *t == task) {
					tasks.remove(position);
				}
				if tasks.is_empty() {
					*bucket = None;
				}
			}
		});
	}

	/// Files a finished task for removal `TaskRetention` blocks from now; returns the block,
	/// or `None` if every bucket is full (then the task is not kept at all, see [`Self::save`]).
	fn schedule_expiry(task: TaskId) -> Option<BlockNumberFor<T>> {
		let at = Self::now().saturating_add(T::TaskRetention::get());
		Self::first_with_room(at, |block| {
			Expiries::<T>::try_mutate(block, |tasks| tasks.try_push(task)).is_ok()
		})
	}

	/// Stores a task: an ended task whose removal could not be scheduled is removed now
	/// (its events stay in the block), so no task outlives its retention.
	pub(crate) fn save(id: TaskId, task: TaskOf<T>) {
		let ended = matches!(task.phase, TaskPhase::Completed | TaskPhase::Refunded(_));
		if ended && task.remove_at.is_none() {
			Tasks::<T>::remove(id);
		} else {
			Tasks::<T>::insert(id, task);
		}
	}

	/// `task` is no longer open for `agent`.
	fn close_for(agent: &T::AccountId, task: TaskId) {
		AgentTasks::<T>::mutate(agent, |tasks| tasks.retain(|t| *t != task));
	}

	/// Registers a model: checks its rules, holds the deposit and holds its ZK key (which
	/// must exist and take PoI's public inputs).
	pub(crate) fn do_register_model(model: ModelOf<T>) -> DispatchResult {
		ensure!(!model.cid.is_empty(), Error::<T>::EmptyCid);
		let sketch_ok = match model.agreement {
			Agreement::Exact => (model.sketch_len as u32) <= T::MaxSketchLen::get(),
			Agreement::Tolerance { scale_bits, .. } =>
				scale_bits <= 30 &&
					model.sketch_len > 0 &&
					(model.sketch_len as u32) <= T::MaxSketchLen::get(),
		};
		ensure!(sketch_ok, Error::<T>::InvalidAgreement);
		let id = NextModelId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		if let Some(ZkCircuit { key, weights_commitment }) = model.zk {
			ensure!(model.framework == Framework::Mlp, Error::<T>::NoCircuitForFramework);
			ensure!(is_bn254_scalar(&weights_commitment.0), Error::<T>::NonCanonicalCommitment);
			let owner = zkp_primitives::account_bytes(&model.owner);
			let inputs = T::ProofVerifier::hold_key(&key, &owner).map_err(|e| match e {
				ProofVerificationError::NotKeyOwner => Error::<T>::NotZkKeyOwner,
				_ => Error::<T>::UnknownZkKey,
			})?;
			if inputs != ZK_PUBLIC_INPUTS {
				T::ProofVerifier::release_key(&key);
				return Err(Error::<T>::ZkKeyMismatch.into());
			}
		}
		let deposit = HoldReason::ModelDeposit.into();
		if T::Currency::hold(&deposit, &model.owner, model.deposit).is_err() {
			if let Some(zk) = model.zk {
				T::ProofVerifier::release_key(&zk.key);
			}
			return Err(Error::<T>::InsufficientBalance.into());
		}
		NextModelId::<T>::put(next);
		Self::deposit_event(Event::ModelRegistered {
			model: id,
			owner: model.owner.clone(),
			framework: model.framework,
			deposit: model.deposit,
		});
		Models::<T>::insert(id, model);
		Ok(())
	}

	/// Removes a model without open tasks: releases its deposit and its key.
	pub(crate) fn do_unregister_model(who: T::AccountId, id: ModelId) -> DispatchResult {
		let model = Models::<T>::get(id).ok_or(Error::<T>::UnknownModel)?;
		ensure!(model.owner == who, Error::<T>::NotModelOwner);
		ensure!(model.open_tasks == 0, Error::<T>::ModelInUse);
		T::Currency::release(
			&HoldReason::ModelDeposit.into(),
			&who,
			model.deposit,
			Precision::BestEffort,
		)?;
		if let Some(zk) = model.zk {
			T::ProofVerifier::release_key(&zk.key);
		}
		Models::<T>::remove(id);
		Self::deposit_event(Event::ModelUnregistered { model: id, owner: who });
		Ok(())
	}

	pub(crate) fn do_set_zk_prover(who: T::AccountId, zk_prover: bool) -> DispatchResult {
		Agents::<T>::try_mutate(&who, |info| -> DispatchResult {
			let info = info.as_mut().ok_or(Error::<T>::NotAgent)?;
			info.zk_prover = zk_prover;
			Ok(())
		})?;
		Self::deposit_event(Event::ProverDeclared { agent: who, zk_prover });
		Ok(())
	}

	pub(crate) fn do_register_agent(
		who: T::AccountId,
		stake: BalanceOf<T>,
		hardware: Hardware,
	) -> DispatchResult {
		ensure!(!Agents::<T>::contains_key(&who), Error::<T>::AlreadyAgent);
		ensure!(stake >= T::MinAgentStake::get(), Error::<T>::StakeTooLow);
		ensure!(AgentCount::<T>::get() < T::MaxAgents::get(), Error::<T>::TooManyAgents);
		let mut active = ActiveAgents::<T>::get();
		active.try_push(who.clone()).map_err(|_| Error::<T>::TooManyAgents)?;
		T::Currency::hold(&HoldReason::AgentStake.into(), &who, stake)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		ActiveAgents::<T>::put(active);
		AgentCount::<T>::mutate(|n| *n = n.saturating_add(1));
		let status = AgentStatus::Active;
		Agents::<T>::insert(
			&who,
			AgentInfo { stake, hardware, status, completed: 0, penalties: 0, zk_prover: false },
		);
		Scores::<T>::insert(&who, Score::default());
		Self::deposit_event(Event::AgentRegistered { agent: who, stake, hardware });
		Ok(())
	}

	/// Takes `who` out of the draw; its stake is released after the unbonding period.
	fn start_unbonding(
		who: &T::AccountId,
		info: &mut AgentInfo<BalanceOf<T>, BlockNumberFor<T>>,
	) -> BlockNumberFor<T> {
		let until = Self::now().saturating_add(T::UnbondingPeriod::get());
		info.status = AgentStatus::Unbonding { until };
		ActiveAgents::<T>::mutate(|list| list.retain(|a| a != who));
		until
	}

	pub(crate) fn do_deregister_agent(who: T::AccountId) -> DispatchResult {
		let mut info = Agents::<T>::get(&who).ok_or(Error::<T>::NotAgent)?;
		ensure!(info.status == AgentStatus::Active, Error::<T>::AlreadyUnbonding);
		let until = Self::start_unbonding(&who, &mut info);
		Agents::<T>::insert(&who, info);
		Self::deposit_event(Event::AgentUnbonding { agent: who, until });
		Ok(())
	}

	pub(crate) fn do_withdraw_stake(who: T::AccountId) -> DispatchResult {
		let info = Agents::<T>::get(&who).ok_or(Error::<T>::NotAgent)?;
		let AgentStatus::Unbonding { until } = info.status else {
			return Err(Error::<T>::NotUnbonding.into())
		};
		ensure!(Self::now() >= until, Error::<T>::StillUnbonding);
		ensure!(AgentTasks::<T>::decode_len(&who).unwrap_or(0) == 0, Error::<T>::HasOpenTasks);
		let released = T::Currency::release(
			&HoldReason::AgentStake.into(),
			&who,
			info.stake,
			Precision::BestEffort,
		)
		.unwrap_or_default();
		Agents::<T>::remove(&who);
		AgentTasks::<T>::remove(&who);
		if let Some(score) = Scores::<T>::take(&who) {
			TotalScore::<T>::mutate(|t| *t = t.saturating_sub(score.average));
		}
		AgentCount::<T>::mutate(|n| *n = n.saturating_sub(1));
		Self::deposit_event(Event::AgentWithdrawn { agent: who, stake: released });
		Ok(())
	}

	pub(crate) fn do_submit_task(
		who: T::AccountId,
		model_id: ModelId,
		input_cid: BoundedVec<u8, T::MaxCidLen>,
		reward: BalanceOf<T>,
		redundancy: u8,
		commit_window: BlockNumberFor<T>,
		mode: VerificationMode,
	) -> DispatchResult {
		let mut model = Models::<T>::get(model_id).ok_or(Error::<T>::UnknownModel)?;
		ensure!(!input_cid.is_empty(), Error::<T>::EmptyCid);
		let least = match mode {
			VerificationMode::Redundant => 2,
			VerificationMode::Zk { .. } => 1,
		};
		ensure!(
			redundancy >= least && redundancy as u32 <= T::MaxRedundancy::get(),
			Error::<T>::InvalidRedundancy
		);
		if let VerificationMode::Zk { input_commitment } = mode {
			ensure!(model.zk.is_some(), Error::<T>::NoZkKey);
			ensure!(is_bn254_scalar(&input_commitment.0), Error::<T>::NonCanonicalCommitment);
		}
		ensure!(
			commit_window >= T::MinCommitWindow::get() &&
				commit_window <= T::MaxCommitWindow::get(),
			Error::<T>::InvalidWindow
		);
		ensure!(reward >= T::MinTaskReward::get(), Error::<T>::RewardTooLow);
		// Checked now so a hopeless task is refused; checked again at the draw.
		ensure!(
			Self::free_agents(&[], mode).len() >= redundancy as usize,
			Error::<T>::NotEnoughAgents
		);
		let id = NextTaskId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		T::Currency::hold(&HoldReason::TaskEscrow.into(), &who, reward)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		let now = Self::now();
		// Two blocks on: the draw then uses the VRF output of the block after this one, which
		// did not exist when this block's author included the task.
		let draw_at = Self::schedule(id, now.saturating_add(2u32.into()))?;
		NextTaskId::<T>::put(next);
		model.open_tasks.saturating_inc();
		Models::<T>::insert(model_id, model);
		Tasks::<T>::insert(
			id,
			InferenceTask {
				owner: who.clone(),
				model: model_id,
				input_cid,
				reward,
				redundancy,
				commit_window,
				mode,
				seed: H256::zero(),
				phase: TaskPhase::Drawing { at: draw_at },
				assignments: BoundedVec::new(),
				replacements: 0,
				result: None,
				submitted_at: now,
				remove_at: None,
			},
		);
		Self::deposit_event(Event::TaskSubmitted {
			task: id,
			owner: who,
			model: model_id,
			reward,
			redundancy,
			mode,
			draw_at,
		});
		Ok(())
	}

	/// Draws a submitted task's agents and seed (in `on_initialize` of its draw block, so with
	/// randomness from a block that did not exist when the task was submitted) and opens its
	/// commit window; refunds it, penalizing nobody, if too few agents are free by now.
	pub(crate) fn draw_task(id: TaskId, task: &mut TaskOf<T>, now: BlockNumberFor<T>) {
		if Self::randomness_block() <= task.submitted_at {
			// The randomness is not fresh for this task yet (it cannot happen with a draw two
			// blocks after the submission, but the rule is what matters): wait a block.
			if let Ok(at) = Self::schedule(id, now.saturating_add(One::one())) {
				task.phase = TaskPhase::Drawing { at };
				return;
			}
			return Self::refund(id, task, RefundReason::NoAgents);
		}
		let candidates = Self::free_agents(&[], task.mode);
		if candidates.len() < task.redundancy as usize {
			return Self::refund(id, task, RefundReason::NoAgents);
		}
		let Ok(deadline) = Self::schedule(id, now.saturating_add(task.commit_window)) else {
			return Self::refund(id, task, RefundReason::NoAgents);
		};
		let drawn = Self::draw(candidates, task.redundancy as usize);
		for agent in &drawn {
			// Both bounds hold: `redundancy ≤ MaxRedundancy ≤ MaxAssignments`, and
			// `free_agents` only returns agents with room for a task.
			let _ = task
				.assignments
				.try_push(Assignment { agent: agent.clone(), state: AssignmentState::Assigned });
			let _ = AgentTasks::<T>::try_mutate(agent, |tasks| tasks.try_push(id));
		}
		task.seed = H256(sp_io::hashing::blake2_256(
			&(b"poi-seed", id, Self::random_u64(b"poi-seed")).encode(),
		));
		task.phase = TaskPhase::Commit { deadline };
		for agent in drawn {
			Self::deposit_event(Event::TaskAssigned { task: id, agent, deadline });
		}
	}

	pub(crate) fn do_commit_result(who: T::AccountId, id: TaskId, hash: H256) -> DispatchResult {
		let mut task = Tasks::<T>::get(id).ok_or(Error::<T>::UnknownTask)?;
		let now = Self::now();
		let TaskPhase::Commit { deadline } = task.phase else {
			return Err(Error::<T>::NotCommitPhase.into())
		};
		ensure!(now < deadline, Error::<T>::NotCommitPhase);
		let assignment = task
			.assignments
			.iter_mut()
			.find(|a| a.agent == who && !matches!(a.state, AssignmentState::Penalized(_)))
			.ok_or(Error::<T>::NotAssigned)?;
		ensure!(assignment.state == AssignmentState::Assigned, Error::<T>::AlreadyCommitted);
		assignment.state = AssignmentState::Committed(hash);
		Self::deposit_event(Event::ResultCommitted { task: id, agent: who });
		if task.live().all(|a| matches!(a.state, AssignmentState::Committed(_))) {
			// With no room for the reveal deadline the task stays in its commit phase, and
			// the commit deadline moves it on.
			let _ = Self::start_reveal(id, &mut task, now);
		}
		Tasks::<T>::insert(id, task);
		Ok(())
	}

	/// Moves a task to its reveal phase. Changes nothing if no deadline bucket has room.
	fn start_reveal(
		id: TaskId,
		task: &mut TaskOf<T>,
		now: BlockNumberFor<T>,
	) -> Result<(), Error<T>> {
		let deadline = Self::schedule(id, now.saturating_add(T::RevealWindow::get()))?;
		if let TaskPhase::Commit { deadline: commit_deadline } = task.phase {
			Self::unschedule(id, commit_deadline);
		}
		task.phase = TaskPhase::Reveal { deadline };
		Self::deposit_event(Event::RevealPhaseStarted { task: id, deadline });
		Ok(())
	}

	pub(crate) fn do_reveal_result(
		who: T::AccountId,
		id: TaskId,
		result: TaskResultOf<T>,
		salt: [u8; 32],
		proof: Option<BoundedVec<u8, T::MaxProofLen>>,
	) -> DispatchResult {
		let mut task = Tasks::<T>::get(id).ok_or(Error::<T>::UnknownTask)?;
		let now = Self::now();
		let TaskPhase::Reveal { deadline } = task.phase else {
			return Err(Error::<T>::NotRevealPhase.into())
		};
		ensure!(now < deadline, Error::<T>::NotRevealPhase);
		let model = Models::<T>::get(task.model).ok_or(Error::<T>::UnknownModel)?;
		ensure!(task.assignments.iter().any(|a| a.agent == who), Error::<T>::NotAssigned);
		let index = task
			.assignments
			.iter()
			.position(|a| a.agent == who && matches!(a.state, AssignmentState::Committed(_)))
			.ok_or(Error::<T>::NotCommitted)?;
		ensure!(
			result.sketch.len() == model.sketch_len as usize && !result.output_cid.is_empty(),
			Error::<T>::MalformedResult
		);
		let AssignmentState::Committed(committed) = task.assignments[index].state else {
			return Err(Error::<T>::NotCommitted.into())
		};
		ensure!(
			commitment(id, &who, &result.to_inference_result(), &salt) == committed,
			Error::<T>::CommitmentMismatch
		);
		match (task.mode, proof) {
			(VerificationMode::Zk { .. }, None) => return Err(Error::<T>::ProofRequired.into()),
			(VerificationMode::Redundant, Some(_)) =>
				return Err(Error::<T>::ProofNotExpected.into()),
			(VerificationMode::Redundant, None) => {},
			(VerificationMode::Zk { input_commitment }, Some(proof)) => {
				let zk = model.zk.ok_or(Error::<T>::NoZkKey)?;
				let agent = zkp_primitives::account_bytes(&who);
				let inputs = zk_public_inputs(
					&zk.weights_commitment,
					&input_commitment,
					&result.output_hash,
					id,
					&agent,
				);
				T::ProofVerifier::verify_proof(&zk.key, &proof[..], &inputs)
					.map_err(|_| Error::<T>::InvalidProof)?;
			},
		}
		task.assignments[index].state = AssignmentState::Revealed(result);
		Self::deposit_event(Event::ResultRevealed { task: id, agent: who });
		if task.committed() == 0 {
			Self::settle(id, &mut task, &model);
		}
		Self::save(id, task);
		Ok(())
	}

	/// Burns `PenaltyFraction` of `who`'s stake, suspends it below `MinAgentStake`, and
	/// drops `task` from its open tasks.
	fn penalize(who: &T::AccountId, task: TaskId, reason: PenaltyReason) {
		Self::close_for(who, task);
		let Some(mut info) = Agents::<T>::get(who) else { return };
		let penalty = T::PenaltyFraction::get() * info.stake;
		let slashed = T::Currency::burn_held(
			&HoldReason::AgentStake.into(),
			who,
			penalty,
			Precision::BestEffort,
			Fortitude::Force,
		)
		.unwrap_or_default();
		info.stake = info.stake.saturating_sub(slashed);
		info.penalties = info.penalties.saturating_add(1);
		Self::deposit_event(Event::AgentPenalized { task, agent: who.clone(), reason, slashed });
		if info.stake < T::MinAgentStake::get() && info.status == AgentStatus::Active {
			Self::start_unbonding(who, &mut info);
			Self::deposit_event(Event::AgentSuspended { agent: who.clone(), stake: info.stake });
		}
		Agents::<T>::insert(who, info);
	}

	/// Penalizes the agent at `index` and records why.
	fn penalize_at(id: TaskId, task: &mut TaskOf<T>, index: usize, reason: PenaltyReason) {
		task.assignments[index].state = AssignmentState::Penalized(reason);
		let agent = task.assignments[index].agent.clone();
		Self::penalize(&agent, id, reason);
	}

	/// Every way a task ends goes through here: no agent keeps it open, the model counts one
	/// open task less, the task is filed for removal, and its phase says how it ended.
	fn end_task(id: TaskId, task: &mut TaskOf<T>, phase: TaskPhase<BlockNumberFor<T>>) {
		match task.phase {
			TaskPhase::Drawing { at: deadline } |
			TaskPhase::Commit { deadline } |
			TaskPhase::Reveal { deadline }
				if deadline > Self::now() =>
				Self::unschedule(id, deadline),
			_ => {},
		}
		for assignment in task.assignments.iter() {
			Self::close_for(&assignment.agent, id);
		}
		Models::<T>::mutate(task.model, |model| {
			if let Some(model) = model {
				model.open_tasks.saturating_dec();
			}
		});
		task.phase = phase;
		task.remove_at = Self::schedule_expiry(id);
	}

	/// Refunds the task's reward and ends it; agents whose part did not count (absent ones
	/// included) are neither paid nor penalized.
	fn refund(id: TaskId, task: &mut TaskOf<T>, reason: RefundReason) {
		let refund = T::Currency::release(
			&HoldReason::TaskEscrow.into(),
			&task.owner,
			task.reward,
			Precision::BestEffort,
		)
		.unwrap_or_default();
		for assignment in task.assignments.iter_mut() {
			if matches!(
				assignment.state,
				AssignmentState::Assigned |
					AssignmentState::Committed(_) |
					AssignmentState::Revealed(_) |
					AssignmentState::Absent
			) {
				assignment.state = AssignmentState::Unsettled;
			}
		}
		Self::end_task(id, task, TaskPhase::Refunded(reason));
		Self::deposit_event(Event::TaskRefunded { task: id, reason, refund });
	}

	/// The revealed results, with their assignment index, in draw order.
	fn revealed(task: &TaskOf<T>) -> Vec<(usize, InferenceResult)> {
		task.assignments
			.iter()
			.enumerate()
			.filter_map(|(i, a)| match &a.state {
				AssignmentState::Revealed(r) => Some((i, r.to_inference_result())),
				_ => None,
			})
			.collect()
	}

	/// Judges the revealed results: the largest group agreeing (by the model's rule) with one
	/// of them, ties to the earliest drawn; it must be a quorum, and a quorum of its members
	/// must also have committed to the same output file (its hash), which becomes the
	/// recorded output. In exact and ZK mode every member shares the output hash already.
	fn verdict(
		task: &TaskOf<T>,
		model: &ModelOf<T>,
		revealed: &[(usize, InferenceResult)],
	) -> Verdict {
		let quorum = task.quorum();
		if revealed.len() < quorum {
			return Verdict::Failed {
				reason: RefundReason::NotEnoughResults,
				disagreeing: Vec::new(),
			};
		}
		// ZK-mode results are compared by what the proofs cover: the output hash.
		let rule = match task.mode {
			VerificationMode::Zk { .. } => Agreement::Exact,
			VerificationMode::Redundant => model.agreement,
		};
		let mut winners: Vec<usize> = Vec::new();
		for (_, centre) in revealed {
			let group: Vec<usize> = revealed
				.iter()
				.filter(|(_, other)| agree(&rule, centre, other))
				.map(|(j, _)| *j)
				.collect();
			if group.len() > winners.len() {
				winners = group;
			}
		}
		if winners.len() < quorum {
			return Verdict::Failed { reason: RefundReason::NoAgreement, disagreeing: Vec::new() };
		}
		let disagreeing: Vec<usize> =
			revealed.iter().map(|(i, _)| *i).filter(|i| !winners.contains(i)).collect();
		let output_of = |i: usize| {
			revealed
				.iter()
				.find(|(j, _)| *j == i)
				.map(|(_, r)| (r.output_hash, r.output_len))
		};
		let vouched = winners
			.iter()
			.copied()
			.find(|&i| winners.iter().filter(|&&j| output_of(j) == output_of(i)).count() >= quorum);
		match vouched {
			Some(centre) => Verdict::Agreed { centre, winners },
			None => Verdict::Failed { reason: RefundReason::NoAgreedOutput, disagreeing },
		}
	}

	/// Settles a task whose reveals are in: pays the agreeing majority, penalizes the rest
	/// (and the absent, now that the task proved runnable), or refunds.
	pub(crate) fn settle(id: TaskId, task: &mut TaskOf<T>, model: &ModelOf<T>) {
		let revealed = Self::revealed(task);
		match Self::verdict(task, model, &revealed) {
			Verdict::Failed { reason, disagreeing } => {
				for i in disagreeing {
					Self::penalize_at(id, task, i, PenaltyReason::Disagreed);
				}
				Self::refund(id, task, reason)
			},
			Verdict::Agreed { centre, winners } => {
				for (i, _) in &revealed {
					if !winners.contains(i) {
						Self::penalize_at(id, task, *i, PenaltyReason::Disagreed);
					}
				}
				Self::penalize_absent(id, task, winners.len());
				Self::complete(id, task, centre, &winners);
			},
		}
	}

	/// Whether `runners` agents producing a result show the task can be run: a majority of
	/// every agent drawn for it, replacements included. A quorum of commits alone is not
	/// enough: colluders drawn over several replacement rounds could reach it while the honest
	/// agents drawn with them could not fetch an input only the colluders have.
	fn proved_runnable(task: &TaskOf<T>, runners: usize) -> bool {
		runners.saturating_mul(2) > task.assignments.len()
	}

	/// Penalizes the agents that did not commit, if the task proved runnable.
	fn penalize_absent(id: TaskId, task: &mut TaskOf<T>, winners: usize) {
		if !Self::proved_runnable(task, winners) {
			return;
		}
		for i in 0..task.assignments.len() {
			if task.assignments[i].state == AssignmentState::Absent {
				Self::penalize_at(id, task, i, PenaltyReason::NoCommit);
			}
		}
	}

	/// Pays the winners their shares (the first one the remainder), records the result at
	/// `centre` and ends the task.
	fn complete(id: TaskId, task: &mut TaskOf<T>, centre: usize, winners: &[usize]) {
		let AssignmentState::Revealed(result) = task.assignments[centre].state.clone() else {
			return
		};
		let count: BalanceOf<T> = (winners.len() as u32).into();
		let share = task.reward / count;
		let mut remainder = task.reward.saturating_sub(share.saturating_mul(count));
		let mut paid = BalanceOf::<T>::zero();
		for &i in winners {
			let amount = share.saturating_add(core::mem::take(&mut remainder));
			paid = paid.saturating_add(Self::pay(id, task, i, amount));
		}
		// Whatever could not be moved goes back to the owner rather than staying held.
		let unpaid = task.reward.saturating_sub(paid);
		if !unpaid.is_zero() {
			let _ = T::Currency::release(
				&HoldReason::TaskEscrow.into(),
				&task.owner,
				unpaid,
				Precision::BestEffort,
			);
		}
		let output_cid = result.output_cid.clone();
		let output_hash = result.output_hash;
		task.result = Some(result);
		Self::end_task(id, task, TaskPhase::Completed);
		Self::deposit_event(Event::TaskCompleted {
			task: id,
			output_cid,
			output_hash,
			agents: winners.len() as u32,
			reward: paid,
		});
	}

	/// Pays the agent at `index` `amount` from the escrow and counts it as verified work.
	/// Returns what was moved.
	fn pay(id: TaskId, task: &mut TaskOf<T>, index: usize, amount: BalanceOf<T>) -> BalanceOf<T> {
		let agent = task.assignments[index].agent.clone();
		let moved = T::Currency::transfer_on_hold(
			&HoldReason::TaskEscrow.into(),
			&task.owner,
			&agent,
			amount,
			Precision::BestEffort,
			Restriction::Free,
			Fortitude::Force,
		)
		.unwrap_or_default();
		task.assignments[index].state = AssignmentState::Paid;
		Self::close_for(&agent, id);
		Agents::<T>::mutate(&agent, |info| {
			if let Some(info) = info {
				info.completed = info.completed.saturating_add(1);
			}
		});
		let work: u128 = moved.unique_saturated_into();
		Scores::<T>::mutate(&agent, |score| {
			if let Some(score) = score {
				score.period_work = score.period_work.saturating_add(work);
			}
		});
		moved
	}

	/// The commit window closed. Agents that did not commit are penalized at once if a quorum
	/// committed (the task is runnable); otherwise they are marked absent — penalized only if
	/// the task completes after all. Replacements are drawn for them, then the reveals start,
	/// or the task is refunded.
	pub(crate) fn close_commit(id: TaskId, task: &mut TaskOf<T>, now: BlockNumberFor<T>) {
		if !matches!(task.phase, TaskPhase::Commit { .. }) {
			return;
		}
		let absent: Vec<usize> = task
			.assignments
			.iter()
			.enumerate()
			.filter(|(_, a)| a.state == AssignmentState::Assigned)
			.map(|(i, _)| i)
			.collect();
		// Nobody committed: the task may not be runnable at all (a bad model or input), so
		// no agent is penalized for it; the owner gets the reward back.
		if task.committed() == 0 {
			return Self::refund(id, task, RefundReason::NoResults);
		}
		let runnable = Self::proved_runnable(task, task.committed());
		for &i in &absent {
			if runnable {
				Self::penalize_at(id, task, i, PenaltyReason::NoCommit);
			} else {
				// Still counted among its open tasks (it cannot withdraw its stake before the
				// task ends), but no longer asked for a result.
				task.assignments[i].state = AssignmentState::Absent;
			}
		}
		if !absent.is_empty() && Self::draw_replacements(id, task, absent.len(), now) {
			return;
		}
		if task.committed() < task.quorum() || Self::start_reveal(id, task, now).is_err() {
			Self::refund(id, task, RefundReason::NotEnoughResults);
		}
	}

	/// Draws `count` replacements (one round, within `MaxReplacements`) and reopens the
	/// commit window. Returns whether any was drawn.
	fn draw_replacements(
		id: TaskId,
		task: &mut TaskOf<T>,
		count: usize,
		now: BlockNumberFor<T>,
	) -> bool {
		if task.replacements as u32 >= T::MaxReplacements::get() {
			return false;
		}
		let drawn_before: Vec<T::AccountId> =
			task.assignments.iter().map(|a| a.agent.clone()).collect();
		let drawn = Self::draw(Self::free_agents(&drawn_before, task.mode), count);
		if drawn.is_empty() {
			return false;
		}
		let Ok(deadline) = Self::schedule(id, now.saturating_add(task.commit_window)) else {
			return false
		};
		task.replacements = task.replacements.saturating_add(1);
		task.phase = TaskPhase::Commit { deadline };
		for agent in drawn {
			// Fits: each round adds at most `redundancy` agents.
			let _ = task
				.assignments
				.try_push(Assignment { agent: agent.clone(), state: AssignmentState::Assigned });
			let _ = AgentTasks::<T>::try_mutate(&agent, |tasks| tasks.try_push(id));
			Self::deposit_event(Event::TaskAssigned { task: id, agent, deadline });
		}
		true
	}

	/// The reveal window closed: penalizes agents that committed but did not reveal, then
	/// settles.
	pub(crate) fn close_reveal(id: TaskId, task: &mut TaskOf<T>) {
		if !matches!(task.phase, TaskPhase::Reveal { .. }) {
			return;
		}
		for i in 0..task.assignments.len() {
			if matches!(task.assignments[i].state, AssignmentState::Committed(_)) {
				Self::penalize_at(id, task, i, PenaltyReason::NoReveal);
			}
		}
		match Models::<T>::get(task.model) {
			Some(model) => Self::settle(id, task, &model),
			None => Self::refund(id, task, RefundReason::NotEnoughResults),
		}
	}

	/// Closes the windows that end at `now` and, at the end of a scoring period, updates the
	/// scores.
	pub(crate) fn on_block(now: BlockNumberFor<T>) -> Weight {
		DrawNonce::<T>::kill();
		let mut weight = T::DbWeight::get().reads_writes(1, 2);
		let agents = ActiveAgents::<T>::decode_len().unwrap_or(0) as u32;
		for id in Deadlines::<T>::take(now) {
			let Some(mut task) = Tasks::<T>::get(id) else { continue };
			match task.phase {
				TaskPhase::Drawing { at } if at == now => {
					weight.saturating_accrue(T::WeightInfo::draw_task(
						task.redundancy as u32,
						agents,
					));
					Self::draw_task(id, &mut task, now);
				},
				TaskPhase::Commit { deadline } if deadline == now => {
					weight.saturating_accrue(T::WeightInfo::close_commit(
						task.redundancy as u32,
						agents,
					));
					weight.saturating_accrue(Self::prover_filter_weight(task.mode, agents));
					Self::close_commit(id, &mut task, now);
				},
				TaskPhase::Reveal { deadline } if deadline == now => {
					weight.saturating_accrue(T::WeightInfo::close_reveal(task.redundancy as u32));
					Self::close_reveal(id, &mut task);
				},
				_ => {
					weight.saturating_accrue(T::DbWeight::get().reads(1));
					continue;
				},
			}
			Self::save(id, task);
		}
		for id in Expiries::<T>::take(now) {
			weight.saturating_accrue(T::DbWeight::get().writes(1));
			Tasks::<T>::remove(id);
		}
		weight.saturating_accrue(T::DbWeight::get().reads_writes(1, 1));
		let period = T::ScorePeriod::get();
		if !now.is_zero() && !period.is_zero() && (now % period).is_zero() {
			weight.saturating_accrue(T::WeightInfo::update_scores(AgentCount::<T>::get()));
			Self::update_scores();
		}
		weight
	}

	/// Moves every agent's moving average `1/ScoreSmoothing` of the way to its work in the
	/// period that ended.
	pub(crate) fn update_scores() {
		let smoothing = T::ScoreSmoothing::get().max(1) as u128;
		let mut total = 0u128;
		let mut agents = 0u32;
		let keys: Vec<T::AccountId> = Scores::<T>::iter_keys().collect();
		for agent in keys {
			Scores::<T>::mutate(&agent, |score| {
				if let Some(score) = score {
					score.average = score
						.average
						.saturating_mul(smoothing - 1)
						.saturating_add(score.period_work) /
						smoothing;
					score.period_work = 0;
					total = total.saturating_add(score.average);
				}
			});
			agents += 1;
		}
		TotalScore::<T>::put(total);
		Self::deposit_event(Event::ScoresUpdated { agents, total });
	}
}

#[cfg(any(test, feature = "try-runtime"))]
impl<T: Config> Pallet<T> {
	/// The pallet's invariants: holds equal what they back, counters equal what they count,
	/// and every deadline bucket points at a live task in that phase.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;
		ensure!(AgentCount::<T>::get() as usize == Agents::<T>::iter_keys().count(), "AgentCount");
		for agent in ActiveAgents::<T>::get() {
			let info = Agents::<T>::get(&agent).ok_or("active agent not registered")?;
			ensure!(info.status == AgentStatus::Active, "listed agent not active");
		}
		for (agent, info) in Agents::<T>::iter() {
			let held = T::Currency::balance_on_hold(&HoldReason::AgentStake.into(), &agent);
			ensure!(held == info.stake, "stake held");
		}
		let total: u128 = Scores::<T>::iter_values()
			.map(|s| s.average)
			.fold(0u128, |a, b| a.saturating_add(b));
		ensure!(TotalScore::<T>::get() == total, "TotalScore");
		let mut escrow = alloc::vec::Vec::new();
		let mut open: BTreeMap<ModelId, u32> = BTreeMap::new();
		for (id, task) in Tasks::<T>::iter() {
			let ended = matches!(task.phase, TaskPhase::Completed | TaskPhase::Refunded(_));
			if ended {
				let at = task.remove_at.ok_or("ended task kept without removal")?;
				ensure!(Expiries::<T>::get(at).contains(&id), "ended task not filed for removal");
				continue;
			}
			escrow.push((task.owner.clone(), task.reward));
			*open.entry(task.model).or_default() += 1;
			for a in task.assignments.iter() {
				let waiting = matches!(
					a.state,
					AssignmentState::Assigned |
						AssignmentState::Committed(_) |
						AssignmentState::Revealed(_) |
						AssignmentState::Absent
				);
				ensure!(waiting == AgentTasks::<T>::get(&a.agent).contains(&id), "AgentTasks");
			}
		}
		for (owner, reward) in zkp_primitives::totals_by_owner(escrow) {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::TaskEscrow.into(), &owner) == reward,
				"escrow held"
			);
		}
		let mut deposits = alloc::vec::Vec::new();
		for (id, model) in Models::<T>::iter() {
			ensure!(
				model.open_tasks == open.get(&id).copied().unwrap_or(0),
				"open tasks of a model"
			);
			deposits.push((model.owner.clone(), model.deposit));
		}
		for (owner, deposit) in zkp_primitives::totals_by_owner(deposits) {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::ModelDeposit.into(), &owner) == deposit,
				"model deposit"
			);
		}
		for (block, ids) in Deadlines::<T>::iter() {
			for id in ids {
				let task = Tasks::<T>::get(id).ok_or("deadline of a removed task")?;
				let due = match task.phase {
					TaskPhase::Drawing { at } => at,
					TaskPhase::Commit { deadline } | TaskPhase::Reveal { deadline } => deadline,
					_ => return Err("deadline of an ended task".into()),
				};
				ensure!(due == block, "deadline in another bucket than the task's");
			}
		}
		for (agent, ids) in AgentTasks::<T>::iter() {
			ensure!(Agents::<T>::contains_key(&agent), "tasks of an unknown agent");
			for id in ids {
				ensure!(Tasks::<T>::contains_key(id), "open task removed");
			}
		}
		Ok(())
	}
}

impl<T: Config> ComputeContribution<T::AccountId> for Pallet<T> {
	fn compute_score(who: &T::AccountId) -> u128 {
		Scores::<T>::get(who).map(|s| s.average).unwrap_or(0)
	}

	fn total_compute_score() -> u128 {
		TotalScore::<T>::get()
	}

	fn compute_contributors() -> Vec<(T::AccountId, u128)> {
		Scores::<T>::iter()
			.filter(|(_, s)| s.average > 0)
			.map(|(who, s)| (who, s.average))
			.take(T::MaxAgents::get() as usize)
			.collect()
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_compute_score(who: &T::AccountId, score: u128) {
		let old = Scores::<T>::get(who).map(|s| s.average).unwrap_or(0);
		Scores::<T>::insert(who, Score { period_work: 0, average: score });
		TotalScore::<T>::mutate(|t| *t = t.saturating_sub(old).saturating_add(score));
	}
}
