//! The pallet's stored types.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::*, traits::fungible::Inspect, CloneNoBound, DebugNoBound, EqNoBound,
	PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_core::H256;
pub use zkp_primitives::poi::{Agreement, Framework, InferenceResult, ZkCircuit};

/// A registered model's id.
pub type ModelId = u32;
/// A task's id.
pub type TaskId = u64;

/// The balance type of the pallet's currency.
pub type BalanceOf<T> =
	<<T as crate::Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A model agents can run: the bundle on IPFS and how to compare results.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(MaxCidLen, MaxSchemaLen))]
pub struct ModelInfo<AccountId, Balance, MaxCidLen: Get<u32>, MaxSchemaLen: Get<u32>> {
	pub owner: AccountId,
	/// Held on the owner while the model is registered (pays for its storage).
	pub deposit: Balance,
	/// Tasks of this model that have not ended: the model cannot be removed while any runs.
	pub open_tasks: u32,
	/// The model bundle (a tar archive) on IPFS.
	pub cid: BoundedVec<u8, MaxCidLen>,
	/// `blake2_256` of the bundle: agents refuse any other bytes.
	pub content_hash: H256,
	pub framework: Framework,
	/// What the input file holds (free text for people and tools, e.g. a JSON schema).
	pub input_schema: BoundedVec<u8, MaxSchemaLen>,
	/// What the output file holds.
	pub output_schema: BoundedVec<u8, MaxSchemaLen>,
	/// When two agents' results agree.
	pub agreement: Agreement,
	/// Sketch entries each result carries.
	pub sketch_len: u8,
	/// The circuit that proves this model's results, for tasks in [`VerificationMode::Zk`]:
	/// its verification key (held in the ZK verifier while the model exists, so it cannot be
	/// unregistered under it) and the commitment to the weights every proof is checked against.
	pub zk: Option<ZkCircuit>,
}

/// What an agent declares about its machine (informative: shown to users, not enforced).
#[derive(
	Clone,
	Copy,
	Debug,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Hardware {
	pub cpu_cores: u16,
	pub memory_gib: u16,
	pub gpus: u8,
	pub gpu_memory_gib: u16,
}

/// Whether an agent takes new tasks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub enum AgentStatus<BlockNumber> {
	/// Drawn for new tasks.
	#[codec(index = 0)]
	Active,
	/// Left: no new tasks; the stake is released after `until` once its tasks are done.
	#[codec(index = 1)]
	Unbonding { until: BlockNumber },
}

/// A compute agent.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct AgentInfo<Balance, BlockNumber> {
	/// Held stake (after penalties).
	pub stake: Balance,
	pub hardware: Hardware,
	pub status: AgentStatus<BlockNumber>,
	/// Tasks it was paid for.
	pub completed: u32,
	/// Penalties it took.
	pub penalties: u32,
	/// Whether it declared that it proves results ([`VerificationMode::Zk`] tasks are drawn
	/// only among these).
	pub zk_prover: bool,
}

/// How a task's result is verified.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum VerificationMode {
	/// `redundancy` agents (at least two) run the task; a majority that agrees wins.
	#[codec(index = 0)]
	Redundant,
	/// Every reveal carries a proof checked against the model's circuit: the model committed
	/// to as the model's weights commitment, run on the input committed to as
	/// `input_commitment` (a BN254 scalar the submitter computes from the input file,
	/// `zkp-agent model zk-commit --input`), gives the revealed output commitment. One agent
	/// is enough; a majority of the proven results must agree.
	#[codec(index = 1)]
	Zk { input_commitment: H256 },
}

impl VerificationMode {
	/// Whether results are proven.
	pub fn is_zk(&self) -> bool {
		matches!(self, VerificationMode::Zk { .. })
	}
}

/// Why a task ended without a result; its reward went back to its owner.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum RefundReason {
	/// Too few agents committed or revealed a result, and no replacement could be drawn.
	#[codec(index = 0)]
	NotEnoughResults,
	/// The revealed results had no agreeing majority.
	#[codec(index = 1)]
	NoAgreement,
	/// No agent committed a result (the task may not be runnable): nobody is penalized.
	#[codec(index = 2)]
	NoResults,
	/// When the agents were to be drawn, fewer than `redundancy` were free (or every
	/// deadline slot was full).
	#[codec(index = 3)]
	NoAgents,
	/// A majority's sketches agreed (within the tolerance), but no majority committed to the
	/// same output file: there is no output the chain can vouch for.
	#[codec(index = 4)]
	NoAgreedOutput,
}

/// Where a task is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub enum TaskPhase<BlockNumber> {
	/// Submitted; the agents and the seed are drawn in block `at` (two blocks after the
	/// submission, or up to `DEADLINE_SLACK` later if that block's bucket is full), from the
	/// VRF output of a block that did not exist when the task was included.
	#[codec(index = 4)]
	Drawing { at: BlockNumber },
	/// Assigned agents commit to their results until `deadline`.
	#[codec(index = 0)]
	Commit { deadline: BlockNumber },
	/// Committed agents reveal until `deadline`.
	#[codec(index = 1)]
	Reveal { deadline: BlockNumber },
	/// A majority agreed; `result` holds the output and the agents were paid.
	#[codec(index = 2)]
	Completed,
	/// Ended without a result; the reward was refunded.
	#[codec(index = 3)]
	Refunded(RefundReason),
}

/// Why an agent was penalized.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum PenaltyReason {
	/// No commitment by the commit deadline, on a task that proved runnable.
	#[codec(index = 0)]
	NoCommit,
	/// Committed but did not reveal by the reveal deadline.
	#[codec(index = 1)]
	NoReveal,
	/// Revealed a result that disagrees with the majority.
	#[codec(index = 2)]
	Disagreed,
}

/// A result as stored on chain: an [`InferenceResult`] with bounded fields (the same SCALE
/// encoding).
#[derive(
	CloneNoBound,
	DebugNoBound,
	PartialEqNoBound,
	EqNoBound,
	Encode,
	Decode,
	TypeInfo,
	MaxEncodedLen,
	DecodeWithMemTracking,
)]
#[scale_info(skip_type_params(MaxCidLen, MaxSketchLen))]
pub struct TaskResult<MaxCidLen: Get<u32>, MaxSketchLen: Get<u32>> {
	pub output_hash: H256,
	pub output_cid: BoundedVec<u8, MaxCidLen>,
	pub output_len: u32,
	pub sketch: BoundedVec<i32, MaxSketchLen>,
}

impl<C: Get<u32>, S: Get<u32>> TaskResult<C, S> {
	/// The unbounded form the commitment and agreement rules take.
	pub fn to_inference_result(&self) -> InferenceResult {
		InferenceResult {
			output_hash: self.output_hash,
			output_cid: self.output_cid.to_vec(),
			output_len: self.output_len,
			sketch: self.sketch.to_vec(),
		}
	}
}

/// One agent's part in a task.
#[derive(
	CloneNoBound, DebugNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxCidLen, MaxSketchLen))]
pub enum AssignmentState<MaxCidLen: Get<u32>, MaxSketchLen: Get<u32>> {
	/// Drawn; no commitment yet.
	#[codec(index = 0)]
	Assigned,
	/// Committed to a hidden result.
	#[codec(index = 1)]
	Committed(H256),
	/// Revealed this result (matching its commitment).
	#[codec(index = 2)]
	Revealed(TaskResult<MaxCidLen, MaxSketchLen>),
	/// In the agreeing majority and paid.
	#[codec(index = 3)]
	Paid,
	/// Penalized.
	#[codec(index = 4)]
	Penalized(PenaltyReason),
	/// The task was refunded before this agent's part counted: neither paid nor penalized.
	#[codec(index = 5)]
	Unsettled,
	/// Did not commit while too few others did to show the task can be run: penalized
	/// (`NoCommit`) only if the task completes with a majority of everyone drawn, released
	/// otherwise.
	#[codec(index = 6)]
	Absent,
}

/// An agent drawn for a task and what it did.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(MaxCidLen, MaxSketchLen))]
pub struct Assignment<AccountId, MaxCidLen: Get<u32>, MaxSketchLen: Get<u32>> {
	pub agent: AccountId,
	pub state: AssignmentState<MaxCidLen, MaxSketchLen>,
}

/// An inference task.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(MaxCidLen, MaxSketchLen, MaxAssignments))]
pub struct InferenceTask<
	AccountId,
	Balance,
	BlockNumber,
	MaxCidLen: Get<u32>,
	MaxSketchLen: Get<u32>,
	MaxAssignments: Get<u32>,
> {
	pub owner: AccountId,
	pub model: ModelId,
	/// The input file on IPFS.
	pub input_cid: BoundedVec<u8, MaxCidLen>,
	/// Escrowed (held on the owner) until paid out or refunded.
	pub reward: Balance,
	/// Agents that run the task (`k`).
	pub redundancy: u8,
	/// Blocks agents have to commit (again for replacements).
	pub commit_window: BlockNumber,
	pub mode: VerificationMode,
	/// Drawn with the assignment: picks the sketch's projections and positions.
	pub seed: H256,
	pub phase: TaskPhase<BlockNumber>,
	/// Every agent drawn, replacements included, in draw order.
	pub assignments: BoundedVec<Assignment<AccountId, MaxCidLen, MaxSketchLen>, MaxAssignments>,
	/// Replacement rounds used.
	pub replacements: u8,
	/// The agreed result, once completed.
	pub result: Option<TaskResult<MaxCidLen, MaxSketchLen>>,
	pub submitted_at: BlockNumber,
	/// When an ended task is removed from storage.
	pub remove_at: Option<BlockNumber>,
}

impl<A, B, N, C: Get<u32>, S: Get<u32>, M: Get<u32>> InferenceTask<A, B, N, C, S, M> {
	/// Agents whose result the task still waits for or counts (not penalized, not absent).
	pub fn live(&self) -> impl Iterator<Item = &Assignment<A, C, S>> {
		self.assignments
			.iter()
			.filter(|a| !matches!(a.state, AssignmentState::Penalized(_) | AssignmentState::Absent))
	}

	/// Agents that committed (and have not revealed yet).
	pub fn committed(&self) -> usize {
		self.assignments
			.iter()
			.filter(|a| matches!(a.state, AssignmentState::Committed(_)))
			.count()
	}

	/// Agreeing results needed: a strict majority of `redundancy`.
	pub fn quorum(&self) -> usize {
		self.redundancy as usize / 2 + 1
	}
}

/// An agent's verified work and its moving average.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct Score {
	/// Reward earned from verified tasks in the current scoring period.
	pub period_work: u128,
	/// Exponential moving average of `period_work`.
	pub average: u128,
}
