//! The compute agent's off-chain worker: the bridge between the chain and the local
//! `zkp-agent`.
//!
//! On every imported block, for each `poi_` key in the node keystore whose account is a
//! registered agent, for each of its open tasks:
//! 1. in the commit phase, without a commitment yet: it asks the agent for the job (`POST
//!    /poi/job`, idempotent: the first call starts it, later calls poll it). Inference runs in the
//!    agent, never here; when the job is done it commits `blake2_256(task, agent, result, salt)`
//!    with a fresh salt kept in the node's local off-chain storage;
//! 2. in the reveal phase, with a commitment: it reveals the committed result, kept with the salt
//!    in local storage (so an agent restart or a long wait cannot lose it), with the salt.
//!
//! For a ZK-mode task the job names the circuit's public inputs (the model's weights
//! commitment, the task's input commitment and the binding to this task and agent) and the
//! key; the agent answers with the result and its proof, which is kept with the result and
//! sent with the reveal.
//!
//! Nothing slow runs here: each HTTP call has a short deadline, and the chain checks every
//! reveal against its commitment and the other agents' results (and its proof).
//!
//! The agent's URL is read from the node's persistent off-chain storage: the key
//! `zkp-poi::agent-url/` followed by the agent's 32-byte account id, then the key
//! `zkp-poi::agent-url`, then [`DEFAULT_AGENT_URL`] (set them with the
//! `offchain_localStorageSet` RPC). The agent's API token, sent as
//! `Authorization: Bearer <token>`, is read the same way from `zkp-poi::agent-token/ACCOUNT`
//! then `zkp-poi::agent-token`.

use crate::{pallet::*, types::*, zk_binding};
use alloc::{format, string::String, vec::Vec};
use codec::Encode;
use frame_system::{
	offchain::{AppCrypto, SendSignedTransaction, Signer},
	pallet_prelude::BlockNumberFor,
};
use sp_runtime::{offchain::storage::StorageValueRef, traits::IdentifyAccount, RuntimeAppPublic};
use zkp_primitives::{
	offchain,
	poi::{commitment, Agreement, InferenceResult, JobRequest, JobStatus, ZkJob},
};

pub use zkp_primitives::offchain::DEFAULT_AGENT_URL;
/// Off-chain storage key of the agent URL (an agent-specific key appends its account id).
pub const AGENT_URL_KEY: &[u8] = b"zkp-poi::agent-url";
/// Off-chain storage key of the agent's API token (an agent-specific key appends its account id).
pub const AGENT_TOKEN_KEY: &[u8] = b"zkp-poi::agent-token";
/// How long one HTTP call to the agent may take.
const HTTP_DEADLINE_MS: u64 = 3_000;
/// Blocks before a commit or reveal is submitted again if it did not land.
const RESUBMIT_AFTER: u32 = 2;
/// Tasks served per agent and block.
const MAX_TASKS_PER_BLOCK: usize = 8;

const LOG: &str = "runtime::poi::ocw";

/// What the worker keeps after committing: the task's seed, the result and its proof.
type Kept = (sp_core::H256, InferenceResult, Option<Vec<u8>>);

impl<T: Config> Pallet<T> {
	pub(crate) fn offchain_work(now: BlockNumberFor<T>) {
		let keys = <T::AuthorityId as AppCrypto<T::Public, T::Signature>>::RuntimeAppPublic::all();
		for key in keys {
			let generic: <T::AuthorityId as AppCrypto<T::Public, T::Signature>>::GenericPublic =
				key.into();
			let public: T::Public = generic.into();
			let account = public.clone().into_account();
			if !Agents::<T>::contains_key(&account) {
				continue;
			}
			let api = offchain::AgentApi::of(
				AGENT_URL_KEY,
				AGENT_TOKEN_KEY,
				&zkp_primitives::account_bytes(&account),
			);
			let signer =
				Signer::<T, T::AuthorityId>::all_accounts().with_filter(alloc::vec![public]);
			// Only tasks waiting for this agent, starting at a different one each block so that
			// none starves behind the others.
			let mut waiting: Vec<(TaskId, TaskOf<T>)> = AgentTasks::<T>::get(&account)
				.into_iter()
				.filter_map(|id| Tasks::<T>::get(id).map(|task| (id, task)))
				.filter(|(_, task)| Self::step(&account, task, now).is_some())
				.collect();
			offchain::rotate_for_block(&mut waiting, now);
			for (id, task) in waiting.into_iter().take(MAX_TASKS_PER_BLOCK) {
				if let Err(e) = Self::serve_task(&account, &signer, &api, id, &task, now) {
					log::warn!(target: LOG, "task {}: {}", id, e);
				}
			}
		}
	}

	/// An off-chain storage key for `account` and `task`.
	fn local_key(kind: &[u8], account: &T::AccountId, task: TaskId) -> Vec<u8> {
		let mut key = b"zkp-poi::".to_vec();
		key.extend_from_slice(kind);
		key.push(b'/');
		key.extend_from_slice(&zkp_primitives::account_bytes(account));
		key.extend_from_slice(&task.to_le_bytes());
		key
	}

	/// The salt this node commits with for `task`: drawn once from the node's randomness and
	/// kept in its persistent local storage until the reveal.
	fn salt(account: &T::AccountId, task: TaskId) -> [u8; 32] {
		let key = Self::local_key(b"salt", account, task);
		let stored = StorageValueRef::persistent(&key);
		if let Ok(Some(salt)) = stored.get::<[u8; 32]>() {
			return salt;
		}
		let salt = sp_io::offchain::random_seed();
		stored.set(&salt);
		salt
	}

	/// What this agent has to do for `task` now: `Some(None)` commit, `Some(Some(c))` reveal
	/// the result committed as `c`, `None` nothing.
	fn step(
		account: &T::AccountId,
		task: &TaskOf<T>,
		now: BlockNumberFor<T>,
	) -> Option<Option<sp_core::H256>> {
		let mine =
			task.assignments.iter().rev().find(|a| {
				&a.agent == account && !matches!(a.state, AssignmentState::Penalized(_))
			})?;
		match (&task.phase, &mine.state) {
			(TaskPhase::Commit { deadline }, AssignmentState::Assigned) if now < *deadline =>
				Some(None),
			(TaskPhase::Reveal { deadline }, AssignmentState::Committed(c)) if now < *deadline =>
				Some(Some(*c)),
			_ => None,
		}
	}

	fn serve_task(
		account: &T::AccountId,
		signer: &Signer<T, T::AuthorityId, frame_system::offchain::ForAll>,
		api: &offchain::AgentApi,
		id: TaskId,
		task: &TaskOf<T>,
		now: BlockNumberFor<T>,
	) -> Result<(), String> {
		let Some(revealing) = Self::step(account, task, now) else { return Ok(()) };
		// Once a result was committed, keep to it (kept in local storage, whatever the agent
		// holds now): resend the same commitment, reveal the same result (and proof). Kept by
		// task id with the task's seed: on another fork the same id may be another task.
		let kept_key = Self::local_key(b"result", account, id);
		let stored = StorageValueRef::persistent(&kept_key);
		// Kept before proofs existed: (seed, result).
		let kept = stored.get::<Kept>().or_else(|_| {
			stored
				.get::<(sp_core::H256, InferenceResult)>()
				.map(|old| old.map(|(seed, result)| (seed, result, None)))
		});
		if let Ok(Some((seed, result, proof))) =
			kept.map(|k| k.filter(|(seed, ..)| *seed == task.seed))
		{
			match revealing {
				None => return Self::send(account, signer, id, seed, (result, proof), true, now),
				Some(committed) if Self::is_committed(account, id, &result, committed) =>
					return Self::send(account, signer, id, seed, (result, proof), false, now),
				Some(_) => {},
			}
		}
		Self::serve_fresh(account, signer, api, id, task, revealing, now)
	}

	/// Whether `result`, with this agent's salt for `id`, is what it committed as `committed`.
	fn is_committed(
		account: &T::AccountId,
		id: TaskId,
		result: &InferenceResult,
		committed: sp_core::H256,
	) -> bool {
		commitment(id, account, result, &Self::salt(account, id)) == committed
	}

	/// Asks the agent for the job's result, then commits or reveals it.
	fn serve_fresh(
		account: &T::AccountId,
		signer: &Signer<T, T::AuthorityId, frame_system::offchain::ForAll>,
		api: &offchain::AgentApi,
		id: TaskId,
		task: &TaskOf<T>,
		revealing: Option<sp_core::H256>,
		now: BlockNumberFor<T>,
	) -> Result<(), String> {
		let committing = revealing.is_none();
		let model = Models::<T>::get(task.model).ok_or("model gone")?;
		let scale_bits = match model.agreement {
			Agreement::Tolerance { scale_bits, .. } => scale_bits,
			Agreement::Exact => 0,
		};
		let zk = match (task.mode, model.zk) {
			(VerificationMode::Zk { input_commitment }, Some(circuit)) => Some(ZkJob {
				key: circuit.key,
				weights_commitment: circuit.weights_commitment,
				input_commitment,
				binding: zk_binding(id, &zkp_primitives::account_bytes(account)),
			}),
			(VerificationMode::Zk { .. }, None) =>
				return Err("ZK task on a model without a circuit".into()),
			(VerificationMode::Redundant, _) => None,
		};
		let proving = zk.is_some();
		let request = JobRequest {
			task: id,
			seed: task.seed,
			model_cid: model.cid.to_vec(),
			model_hash: model.content_hash,
			framework: model.framework,
			input_cid: task.input_cid.to_vec(),
			sketch_len: model.sketch_len as u32,
			scale_bits,
			zk,
		};
		let answer = match api.call::<JobStatus>("/poi/job", &request.encode(), HTTP_DEADLINE_MS)? {
			JobStatus::Done(result) if !proving => (result, None),
			JobStatus::Proven { result, proof } if proving => (result, Some(proof)),
			JobStatus::Done(_) | JobStatus::Proven { .. } =>
				return Err("the agent answered a ZK job without a proof, or the reverse".into()),
			JobStatus::Queued => {
				log::debug!(target: LOG, "task {}: queued at the agent", id);
				return Ok(())
			},
			JobStatus::Running { done, total } => {
				log::debug!(target: LOG, "task {}: running, {}/{} batches", id, done, total);
				return Ok(())
			},
			JobStatus::Failed { reason } =>
				return Err(format!("the agent cannot run it: {}", String::from_utf8_lossy(&reason))),
		};
		if let Some(committed) = revealing {
			if !Self::is_committed(account, id, &answer.0, committed) {
				return Err("the agent's result no longer matches the commitment".into());
			}
		}
		Self::send(account, signer, id, task.seed, answer, committing, now)
	}

	/// Commits to `result` (keeping it, with the task's seed, for the reveal) or reveals it.
	fn send(
		account: &T::AccountId,
		signer: &Signer<T, T::AuthorityId, frame_system::offchain::ForAll>,
		id: TaskId,
		seed: sp_core::H256,
		(result, proof): (InferenceResult, Option<Vec<u8>>),
		committing: bool,
		now: BlockNumberFor<T>,
	) -> Result<(), String> {
		let salt = Self::salt(account, id);
		let tag = Self::local_key(if committing { b"commit" } else { b"reveal" }, account, id);
		if offchain::recently_sent(&tag, now, RESUBMIT_AFTER.into()) {
			return Ok(())
		}
		let call = if committing {
			log::info!(target: LOG, "task {}: committing to output {:?}", id, result.output_hash);
			StorageValueRef::persistent(&Self::local_key(b"result", account, id))
				.set(&(seed, &result, &proof));
			Call::commit_result { task: id, commitment: commitment(id, account, &result, &salt) }
		} else {
			let bounded = TaskResult {
				output_hash: result.output_hash,
				output_cid: result.output_cid.try_into().map_err(|_| "output CID too long")?,
				output_len: result.output_len,
				sketch: result.sketch.try_into().map_err(|_| "sketch too long")?,
			};
			let proof = proof.map(|p| p.try_into().map_err(|_| "proof too long")).transpose()?;
			log::info!(target: LOG, "task {}: revealing{}", id, if proof.is_some() { " with a proof" } else { "" });
			Call::reveal_result { task: id, result: bounded, salt, proof }
		};
		for (_, sent) in signer.send_signed_transaction(|_| call.clone()) {
			if sent.is_err() {
				offchain::forget_sent(&tag);
			}
		}
		Ok(())
	}
}
