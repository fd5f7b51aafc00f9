//! `pallet_poi`: Proof of Intelligence. Tasks go to staked agents drawn by BABE randomness,
//! results are checked by commit–reveal agreement (or a ZK proof through the ZK verifier);
//! see `docs/poi.md` for the parameters and what they give.

use crate::{
	configs::posp::ChallengeRandomness,
	constants::{CENTS, DAYS, HOURS, UNITS},
	Balance, Balances, BlockNumber, Runtime, RuntimeEvent, RuntimeHoldReason, ZkVerifier,
};
use frame_support::{parameter_types, traits::Get, weights::Weight};
use pallet_zk_verifier::WeightInfo as _;
use sp_runtime::Perbill;

/// One ZK-mode proof check: the ZK verifier's benchmarked `submit_proof` with PoI's four
/// public inputs (weights, input and output commitments, task and agent binding).
pub struct PoiProofWeight;
impl Get<Weight> for PoiProofWeight {
	fn get() -> Weight {
		pallet_zk_verifier::weights::SubstrateWeight::<Runtime>::submit_proof(
			pallet_poi::ZK_PUBLIC_INPUTS,
		)
	}
}

parameter_types! {
	pub const PoiMaxCidLen: u32 = 128;
	pub const PoiMaxSchemaLen: u32 = 256;
	/// Results carry at most 64 sketch entries (256 bytes).
	pub const PoiMaxSketchLen: u32 = 64;
	/// A BN254 Groth16 proof is 256 bytes uncompressed.
	pub const PoiMaxProofLen: u32 = 1024;
	pub const PoiMaxRedundancy: u32 = 7;
	pub const PoiMaxReplacements: u32 = 2;
	pub const PoiMaxAgents: u32 = 256;
	pub const PoiMaxTasksPerAgent: u32 = 16;
	pub const PoiMaxDeadlinesPerBlock: u32 = 64;
	/// 100 ZKP of stake at least (a penalty burns 10 ZKP of it).
	pub const PoiMinAgentStake: Balance = 100 * UNITS;
	pub const PoiMinTaskReward: Balance = 10 * CENTS;
	/// Held while a model is registered: its entry is up to ~700 bytes of state.
	pub const PoiModelDeposit: Balance = UNITS;
	/// Commit windows from 3 blocks (18 s) to an hour.
	pub const PoiMinCommitWindow: BlockNumber = 3;
	pub const PoiMaxCommitWindow: BlockNumber = HOURS;
	/// Reveals are due within 5 blocks (30 s).
	pub const PoiRevealWindow: BlockNumber = 5;
	pub const PoiUnbondingPeriod: BlockNumber = HOURS;
	/// Finished tasks stay readable for a day.
	pub const PoiTaskRetention: BlockNumber = DAYS;
	pub const PoiPenaltyFraction: Perbill = Perbill::from_percent(10);
	/// Scores move every 10 blocks (1 min), an eighth of the way each time.
	pub const PoiScorePeriod: BlockNumber = 10;
	pub const PoiScoreSmoothing: u32 = 8;
}

impl pallet_poi::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Randomness = ChallengeRandomness;
	type ProofVerifier = ZkVerifier;
	type ProofVerificationWeight = PoiProofWeight;
	type AuthorityId = pallet_poi::crypto::AgentAuthId;
	type MaxCidLen = PoiMaxCidLen;
	type MaxSchemaLen = PoiMaxSchemaLen;
	type MaxSketchLen = PoiMaxSketchLen;
	type MaxProofLen = PoiMaxProofLen;
	type MaxRedundancy = PoiMaxRedundancy;
	type MaxReplacements = PoiMaxReplacements;
	type MaxAgents = PoiMaxAgents;
	type MaxTasksPerAgent = PoiMaxTasksPerAgent;
	type MaxDeadlinesPerBlock = PoiMaxDeadlinesPerBlock;
	type MinAgentStake = PoiMinAgentStake;
	type MinTaskReward = PoiMinTaskReward;
	type ModelDeposit = PoiModelDeposit;
	type MinCommitWindow = PoiMinCommitWindow;
	type MaxCommitWindow = PoiMaxCommitWindow;
	type RevealWindow = PoiRevealWindow;
	type TaskRetention = PoiTaskRetention;
	type UnbondingPeriod = PoiUnbondingPeriod;
	type PenaltyFraction = PoiPenaltyFraction;
	type ScorePeriod = PoiScorePeriod;
	type ScoreSmoothing = PoiScoreSmoothing;
	type WeightInfo = pallet_poi::weights::SubstrateWeight<Runtime>;
}
