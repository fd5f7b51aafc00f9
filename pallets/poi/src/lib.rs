//! # Proof-of-Intelligence pallet
//!
//! Compute agents earn by running AI inference that the chain can check. This is the other
//! half of ZKP's dual consensus: each agent's verified work becomes a contribution score
//! ([`zkp_primitives::poi::ComputeContribution`]).
//!
//! - **Models** ([`Pallet::register_model`]) are bundles on IPFS (CID and `blake2_256` content
//!   hash), with a [`Framework`] the agent knows how to run, input and output schemas, and the
//!   [`Agreement`] rule that says when two results are the same answer. A model holds
//!   [`Config::ModelDeposit`] until its owner removes it ([`Pallet::unregister_model`]), and holds
//!   its ZK key in the verifier so the key cannot be removed under it.
//! - **Agents** ([`Pallet::register_agent`]) hold a stake (a balance hold of at least
//!   [`Config::MinAgentStake`]) and declare their hardware. They leave with
//!   [`Pallet::deregister_agent`] and get the stake back after [`Config::UnbondingPeriod`]
//!   ([`Pallet::withdraw_stake`]), once their tasks are done.
//! - **Tasks** ([`Pallet::submit_task`]) name a model and an input file on IPFS and escrow a reward
//!   (held on the owner). In the next block the chain draws `redundancy` active agents with BABE
//!   randomness — agents never pick themselves, and the submitter cannot know the randomness when
//!   it submits — and a seed for the result sketches.
//! - **Verification** is commit–reveal: each agent commits `blake2_256(task, agent, result, salt)`
//!   ([`Pallet::commit_result`]); once every live agent has committed (or the commit window
//!   closed), they reveal ([`Pallet::reveal_result`]). Nobody can copy a result it has not seen,
//!   and a copied commitment cannot be revealed by the copier. The largest group of results that
//!   agree with one of them wins if it is a strict majority of `redundancy` and a majority also
//!   committed to the same output file (the recorded output is vouched for by a quorum, not by one
//!   agent): its agents share the reward; the others are penalized ([`Config::PenaltyFraction`] of
//!   their stake, burned). An agent that does not commit is replaced (up to
//!   [`Config::MaxReplacements`] rounds) and penalized only if the task proved runnable — a
//!   majority of every agent drawn for it committed, or agreed on its result; otherwise no absent
//!   agent pays. In [`VerificationMode::Zk`] every reveal carries a proof checked against the
//!   model's key through [`zkp_primitives::zk::ProofVerifier`], bound to the task and the agent; ZK
//!   tasks are drawn only among agents that declared they prove ([`Pallet::set_zk_prover`]).
//! - Finished tasks stay readable for [`Config::TaskRetention`] blocks, then are removed.
//! - **Score**: every [`Config::ScorePeriod`] blocks each agent's verified work (the reward it
//!   earned) enters an exponential moving average, exported through
//!   [`zkp_primitives::poi::ComputeContribution`].
//!
//! The agent's **off-chain worker** ([`offchain`]) sees assignments for keys in the node's
//! keystore, has the local `zkp-agent` run the job (inference runs there, never in block
//! production; the worker polls in later blocks) and submits the commit and the reveal.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod offchain;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use functions::{zk_binding, zk_public_inputs, ZK_PUBLIC_INPUTS};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// The key type of compute agents' signing keys in the node keystore.
pub const KEY_TYPE: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"poi_");

/// The `poi_` application crypto (sr25519), used by the off-chain worker to sign.
pub mod crypto {
	use super::KEY_TYPE;
	use sp_runtime::{
		app_crypto::{app_crypto, sr25519},
		MultiSignature, MultiSigner,
	};
	app_crypto!(sr25519, KEY_TYPE);

	/// Signs the agent's transactions from the off-chain worker.
	pub struct AgentAuthId;

	impl frame_system::offchain::AppCrypto<MultiSigner, MultiSignature> for AgentAuthId {
		type RuntimeAppPublic = Public;
		type GenericSignature = sp_core::sr25519::Signature;
		type GenericPublic = sp_core::sr25519::Public;
	}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate, MutateHold},
			Randomness,
		},
	};
	use frame_system::{
		offchain::{AppCrypto, CreateSignedTransaction},
		pallet_prelude::*,
	};
	use sp_core::H256;
	use sp_runtime::{traits::Zero, Perbill};

	/// 2: models name a circuit (`zk`), ZK tasks carry their input commitment
	/// ([`crate::migrations::v2`]).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why the pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A compute agent's stake.
		AgentStake,
		/// A task's reward, held on its owner until paid out or refunded.
		TaskEscrow,
		/// A registered model's storage deposit.
		ModelDeposit,
	}

	#[pallet::config]
	pub trait Config: CreateSignedTransaction<Call<Self>> + frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// Holds stakes and escrow, pays agents from escrow, burns penalties.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ Mutate<Self::AccountId>
			+ Inspect<Self::AccountId>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Randomness for assignments and task seeds.
		type Randomness: Randomness<Self::Hash, BlockNumberFor<Self>>;

		/// Checks proofs of ZK-mode tasks against keys registered in the ZK verifier.
		type ProofVerifier: zkp_primitives::zk::ProofVerifier;

		/// The weight of one [`Config::ProofVerifier`] check (added to ZK-mode reveals).
		type ProofVerificationWeight: Get<Weight>;

		/// The key the off-chain worker signs with.
		type AuthorityId: AppCrypto<Self::Public, Self::Signature>;

		/// Longest CID accepted (models, inputs, outputs).
		#[pallet::constant]
		type MaxCidLen: Get<u32>;

		/// Longest input or output schema.
		#[pallet::constant]
		type MaxSchemaLen: Get<u32>;

		/// Most sketch entries a model's results carry.
		#[pallet::constant]
		type MaxSketchLen: Get<u32>;

		/// Longest proof a ZK-mode reveal carries.
		#[pallet::constant]
		type MaxProofLen: Get<u32>;

		/// Most agents per task (`redundancy`).
		#[pallet::constant]
		type MaxRedundancy: Get<u32>;

		/// Replacement rounds per task for agents that did not commit.
		#[pallet::constant]
		type MaxReplacements: Get<u32>;

		/// Registered agents (active or unbonding), at most.
		#[pallet::constant]
		type MaxAgents: Get<u32>;

		/// Open tasks per agent, at most (a busy agent is not drawn).
		#[pallet::constant]
		type MaxTasksPerAgent: Get<u32>;

		/// Task deadlines falling in one block, at most.
		#[pallet::constant]
		type MaxDeadlinesPerBlock: Get<u32>;

		/// The least stake an agent holds.
		#[pallet::constant]
		type MinAgentStake: Get<BalanceOf<Self>>;

		/// Held on a model's owner while the model is registered.
		#[pallet::constant]
		type ModelDeposit: Get<BalanceOf<Self>>;

		/// The least reward a task escrows.
		#[pallet::constant]
		type MinTaskReward: Get<BalanceOf<Self>>;

		/// The shortest and longest commit windows a task may ask for, in blocks.
		#[pallet::constant]
		type MinCommitWindow: Get<BlockNumberFor<Self>>;
		#[pallet::constant]
		type MaxCommitWindow: Get<BlockNumberFor<Self>>;

		/// Blocks committed agents have to reveal.
		#[pallet::constant]
		type RevealWindow: Get<BlockNumberFor<Self>>;

		/// Blocks a finished task stays readable in [`Tasks`] before it is removed.
		#[pallet::constant]
		type TaskRetention: Get<BlockNumberFor<Self>>;

		/// Blocks between deregistering and getting the stake back.
		#[pallet::constant]
		type UnbondingPeriod: Get<BlockNumberFor<Self>>;

		/// The part of its stake an agent loses per penalty (burned).
		#[pallet::constant]
		type PenaltyFraction: Get<Perbill>;

		/// Blocks per scoring period.
		#[pallet::constant]
		type ScorePeriod: Get<BlockNumberFor<Self>>;

		/// The moving average's smoothing: each period moves it `1/ScoreSmoothing` of the way
		/// to the period's work.
		#[pallet::constant]
		type ScoreSmoothing: Get<u32>;

		/// Weights from this pallet's benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The most agents one task ever sees: `MaxRedundancy + MaxReplacements × MaxRedundancy`.
	pub struct MaxAssignmentsOf<T>(core::marker::PhantomData<T>);
	impl<T: Config> Get<u32> for MaxAssignmentsOf<T> {
		fn get() -> u32 {
			T::MaxRedundancy::get().saturating_mul(T::MaxReplacements::get().saturating_add(1))
		}
	}

	/// A model as stored.
	pub type ModelOf<T> = ModelInfo<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		<T as Config>::MaxCidLen,
		<T as Config>::MaxSchemaLen,
	>;
	/// A task as stored.
	pub type TaskOf<T> = InferenceTask<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		<T as Config>::MaxCidLen,
		<T as Config>::MaxSketchLen,
		MaxAssignmentsOf<T>,
	>;
	/// A result as a reveal carries it.
	pub type TaskResultOf<T> = TaskResult<<T as Config>::MaxCidLen, <T as Config>::MaxSketchLen>;

	/// Registered models.
	#[pallet::storage]
	pub type Models<T: Config> = StorageMap<_, Twox64Concat, ModelId, ModelOf<T>, OptionQuery>;

	/// The next model id.
	#[pallet::storage]
	pub type NextModelId<T: Config> = StorageValue<_, ModelId, ValueQuery>;

	/// Registered agents, active or unbonding.
	#[pallet::storage]
	pub type Agents<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		AgentInfo<BalanceOf<T>, BlockNumberFor<T>>,
		OptionQuery,
	>;

	/// Number of entries in [`Agents`].
	#[pallet::storage]
	pub type AgentCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Active agents in registration order: what assignments draw from.
	#[pallet::storage]
	pub type ActiveAgents<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxAgents>, ValueQuery>;

	/// Each agent's open tasks (what its off-chain worker serves).
	#[pallet::storage]
	pub type AgentTasks<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<TaskId, T::MaxTasksPerAgent>,
		ValueQuery,
	>;

	/// Tasks, kept `TaskRetention` blocks after they end so their results stay readable.
	#[pallet::storage]
	pub type Tasks<T: Config> = StorageMap<_, Twox64Concat, TaskId, TaskOf<T>, OptionQuery>;

	/// The next task id.
	#[pallet::storage]
	pub type NextTaskId<T: Config> = StorageValue<_, TaskId, ValueQuery>;

	/// Tasks whose commit or reveal window closes at a block.
	#[pallet::storage]
	pub type Deadlines<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<TaskId, T::MaxDeadlinesPerBlock>,
		ValueQuery,
	>;

	/// Finished tasks to remove at a block (`TaskRetention` after they ended).
	#[pallet::storage]
	pub type Expiries<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<TaskId, T::MaxDeadlinesPerBlock>,
		ValueQuery,
	>;

	/// Each agent's verified work (registered agents only).
	#[pallet::storage]
	pub type Scores<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, Score, OptionQuery>;

	/// Sum of every agent's moving average.
	#[pallet::storage]
	pub type TotalScore<T: Config> = StorageValue<_, u128, ValueQuery>;

	/// Draws made in this block (mixed into the randomness so draws differ).
	#[pallet::storage]
	pub type DrawNonce<T: Config> = StorageValue<_, u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A model was registered, holding `deposit`.
		ModelRegistered {
			model: ModelId,
			owner: T::AccountId,
			framework: Framework,
			deposit: BalanceOf<T>,
		},
		/// A model was removed and its deposit released.
		ModelUnregistered { model: ModelId, owner: T::AccountId },
		/// An agent declared whether it proves results (ZK-mode tasks).
		ProverDeclared { agent: T::AccountId, zk_prover: bool },
		/// An agent registered, holding `stake`.
		AgentRegistered { agent: T::AccountId, stake: BalanceOf<T>, hardware: Hardware },
		/// An agent left the draw; its stake is released after `until`.
		AgentUnbonding { agent: T::AccountId, until: BlockNumberFor<T> },
		/// An agent took its stake back and is gone.
		AgentWithdrawn { agent: T::AccountId, stake: BalanceOf<T> },
		/// A task was submitted, escrowing `reward`; its agents are drawn in block `draw_at`.
		TaskSubmitted {
			task: TaskId,
			owner: T::AccountId,
			model: ModelId,
			reward: BalanceOf<T>,
			redundancy: u8,
			mode: VerificationMode,
			draw_at: BlockNumberFor<T>,
		},
		/// An agent was drawn for a task; it commits by `deadline`.
		TaskAssigned { task: TaskId, agent: T::AccountId, deadline: BlockNumberFor<T> },
		/// An agent committed to a result.
		ResultCommitted { task: TaskId, agent: T::AccountId },
		/// The commit window closed (or everyone committed); reveals are due by `deadline`.
		RevealPhaseStarted { task: TaskId, deadline: BlockNumberFor<T> },
		/// An agent revealed a result matching its commitment.
		ResultRevealed { task: TaskId, agent: T::AccountId },
		/// A majority agreed: `agents` shared `reward`; the output is at `output_cid`.
		TaskCompleted {
			task: TaskId,
			output_cid: BoundedVec<u8, T::MaxCidLen>,
			output_hash: H256,
			agents: u32,
			reward: BalanceOf<T>,
		},
		/// The task ended without a result and its reward went back to its owner.
		TaskRefunded { task: TaskId, reason: RefundReason, refund: BalanceOf<T> },
		/// An agent lost `slashed` of its stake.
		AgentPenalized {
			task: TaskId,
			agent: T::AccountId,
			reason: PenaltyReason,
			slashed: BalanceOf<T>,
		},
		/// An agent's stake fell below the minimum: it no longer takes tasks.
		AgentSuspended { agent: T::AccountId, stake: BalanceOf<T> },
		/// Scores were updated at the end of a scoring period.
		ScoresUpdated { agents: u32, total: u128 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No such model.
		UnknownModel,
		/// An empty CID.
		EmptyCid,
		/// Sketch length zero (tolerance rule) or above `MaxSketchLen`, or a tolerance
		/// rule with `scale_bits` above 30.
		InvalidAgreement,
		/// The account is already an agent.
		AlreadyAgent,
		/// The account is not an agent.
		NotAgent,
		/// Below `MinAgentStake`.
		StakeTooLow,
		/// Not enough free balance for the stake or the reward.
		InsufficientBalance,
		/// `MaxAgents` reached.
		TooManyAgents,
		/// The agent is already unbonding.
		AlreadyUnbonding,
		/// The agent has not deregistered.
		NotUnbonding,
		/// The unbonding period has not passed.
		StillUnbonding,
		/// The agent still has open tasks.
		HasOpenTasks,
		/// Redundancy out of range: at least 2 (1 in ZK mode), at most `MaxRedundancy`.
		InvalidRedundancy,
		/// Commit window outside `MinCommitWindow..=MaxCommitWindow`.
		InvalidWindow,
		/// Below `MinTaskReward`.
		RewardTooLow,
		/// ZK mode on a model without a ZK key.
		NoZkKey,
		/// Fewer free active agents than the redundancy asked for.
		NotEnoughAgents,
		/// Too many tasks already close at that block; pick another window.
		DeadlinesFull,
		/// No such task.
		UnknownTask,
		/// The caller is not assigned to the task.
		NotAssigned,
		/// The caller already committed.
		AlreadyCommitted,
		/// The task is not taking commitments.
		NotCommitPhase,
		/// The task is not taking reveals.
		NotRevealPhase,
		/// The caller has no commitment to reveal (none, or revealed already).
		NotCommitted,
		/// The revealed result and salt do not hash to the commitment.
		CommitmentMismatch,
		/// The result's sketch has another length than the model's.
		MalformedResult,
		/// A ZK-mode reveal without a proof.
		ProofRequired,
		/// A proof on a task that is not in ZK mode.
		ProofNotExpected,
		/// The proof was rejected (or its key is unknown).
		InvalidProof,
		/// Arithmetic overflow.
		Overflow,
		/// The ZK key is not registered in the verifier.
		UnknownZkKey,
		/// The ZK key was registered by another account than the model's owner.
		NotZkKeyOwner,
		/// The ZK key takes another number of public inputs than PoI's statement has.
		ZkKeyMismatch,
		/// Only the model's owner can do this.
		NotModelOwner,
		/// The model has tasks that have not ended.
		ModelInUse,
		/// A weights or input commitment is not a canonical BN254 scalar (no proof could
		/// ever match it).
		NonCanonicalCommitment,
		/// Only MLP models have a circuit (ZK mode proves quantized ReLU MLPs).
		NoCircuitForFramework,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::on_block(now)
		}

		fn offchain_worker(now: BlockNumberFor<T>) {
			Self::offchain_work(now);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_now: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}

		fn integrity_test() {
			assert!(T::MaxRedundancy::get() >= 2 && T::MaxRedundancy::get() <= u8::MAX as u32);
			assert!(T::MaxReplacements::get() <= u8::MAX as u32);
			assert!(T::MinCommitWindow::get() <= T::MaxCommitWindow::get());
			// A zero window would file a deadline in the current block, which never closes.
			assert!(!T::MinCommitWindow::get().is_zero() && !T::RevealWindow::get().is_zero());
			assert!(!T::TaskRetention::get().is_zero());
			assert!(T::ScoreSmoothing::get() > 0);
			assert!(T::MaxSketchLen::get() <= u8::MAX as u32);
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers a model bundle on IPFS. `sketch_len` entries (≥ 1 for a tolerance rule)
		/// are compared between results; `zk` names the model's circuit for ZK-mode tasks: a
		/// key in the ZK verifier (the caller's, with 4 public inputs) and the commitment to
		/// the weights (`zkp-agent model zk-setup` prints both).
		/// Weight: the benchmark's model names no key; holding one in the verifier is a read
		/// and a write more.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_model()
			.saturating_add(if zk.is_some() { T::DbWeight::get().reads_writes(2, 1) } else { Weight::zero() }))]
		pub fn register_model(
			origin: OriginFor<T>,
			cid: BoundedVec<u8, T::MaxCidLen>,
			content_hash: H256,
			framework: Framework,
			input_schema: BoundedVec<u8, T::MaxSchemaLen>,
			output_schema: BoundedVec<u8, T::MaxSchemaLen>,
			agreement: Agreement,
			sketch_len: u8,
			zk: Option<ZkCircuit>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let model = ModelInfo {
				owner: who,
				deposit: T::ModelDeposit::get(),
				open_tasks: 0,
				cid,
				content_hash,
				framework,
				input_schema,
				output_schema,
				agreement,
				sketch_len,
				zk,
			};
			Self::do_register_model(model)
		}

		/// Registers the caller as a compute agent holding `stake` (at least `MinAgentStake`).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::register_agent())]
		pub fn register_agent(
			origin: OriginFor<T>,
			stake: BalanceOf<T>,
			hardware: Hardware,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_agent(who, stake, hardware)
		}

		/// Leaves the draw; the stake is released by [`Pallet::withdraw_stake`] after
		/// `UnbondingPeriod`, once the agent's open tasks are done.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::deregister_agent())]
		pub fn deregister_agent(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_deregister_agent(who)
		}

		/// Releases an unbonded agent's stake and removes it.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::withdraw_stake())]
		pub fn withdraw_stake(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_stake(who)
		}

		/// Submits an inference task: escrows `reward`; in the next block (`on_initialize`)
		/// `redundancy` agents are drawn, who commit within `commit_window` blocks.
		/// Weight: the submission and the draw it defers (the submitter pays for both), charged
		/// for `MaxAgents` active agents and refunded to the actual count.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::submit_task(*redundancy as u32, T::MaxAgents::get())
			.saturating_add(T::WeightInfo::draw_task(*redundancy as u32, T::MaxAgents::get()))
			.saturating_add(Pallet::<T>::prover_filter_weight(*mode, T::MaxAgents::get())))]
		pub fn submit_task(
			origin: OriginFor<T>,
			model: ModelId,
			input_cid: BoundedVec<u8, T::MaxCidLen>,
			reward: BalanceOf<T>,
			redundancy: u8,
			commit_window: BlockNumberFor<T>,
			mode: VerificationMode,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_submit_task(who, model, input_cid, reward, redundancy, commit_window, mode)?;
			let agents = ActiveAgents::<T>::decode_len().unwrap_or(0) as u32;
			Ok(Some(
				T::WeightInfo::submit_task(redundancy as u32, agents)
					.saturating_add(T::WeightInfo::draw_task(redundancy as u32, agents))
					.saturating_add(Self::prover_filter_weight(mode, agents)),
			)
			.into())
		}

		/// Commits to a result: `commitment = blake2_256(SCALE(task, caller, result, salt))`
		/// ([`zkp_primitives::poi::commitment`]).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::commit_result(T::MaxRedundancy::get()))]
		pub fn commit_result(
			origin: OriginFor<T>,
			task: TaskId,
			commitment: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_commit_result(who, task, commitment)
		}

		/// Reveals the committed result (with its salt, and a proof in ZK mode). The last
		/// reveal settles the task.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::reveal_result(T::MaxRedundancy::get())
			.saturating_add(if proof.is_some() { T::ProofVerificationWeight::get() } else { Weight::zero() }))]
		pub fn reveal_result(
			origin: OriginFor<T>,
			task: TaskId,
			result: TaskResultOf<T>,
			salt: [u8; 32],
			proof: Option<BoundedVec<u8, T::MaxProofLen>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reveal_result(who, task, result, salt, proof)
		}

		/// Removes the caller's model, releasing its deposit and its hold on the ZK key. Not
		/// while a task of the model is open.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::unregister_model())]
		pub fn unregister_model(origin: OriginFor<T>, model: ModelId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unregister_model(who, model)
		}

		/// Declares whether the caller (an agent) proves results: ZK-mode tasks are drawn only
		/// among agents that declared so (an agent that cannot prove is never put where it
		/// would be penalized for not answering).
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::set_zk_prover())]
		pub fn set_zk_prover(origin: OriginFor<T>, zk_prover: bool) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_zk_prover(who, zk_prover)
		}
	}
}
