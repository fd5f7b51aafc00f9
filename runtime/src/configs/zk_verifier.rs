//! `pallet_zk_verifier`: Groth16 and STARK (Miden VM) verification at native speed (the
//! node's host functions), batches, and per-block attestation roots.

use crate::{
	constants::{deposit, HOURS},
	Balance, Balances, BlockNumber, Runtime, RuntimeEvent, RuntimeHoldReason,
};
use frame_support::parameter_types;

parameter_types! {
	/// Held for every registered key (0.2 ZKP) …
	pub const VkDepositBase: Balance = deposit(1, 0);
	/// … plus 0.0001 ZKP per byte (a 3-input BN254 key of 712 bytes: ~0.27 ZKP in all).
	pub const VkDepositPerByte: Balance = deposit(0, 1);
	/// Held for every registered STARK program (one 80-byte entry: 0.208 ZKP).
	pub const ProgramDeposit: Balance = deposit(1, 80);
	/// STARK proofs must carry at least 96 bits of conjectured security (Miden's parameters
	/// give 96; a future prover with weaker parameters is refused).
	pub const MinStarkSecurityBits: u32 = 96;
	/// The most proofs in one batch.
	pub const ZkMaxBatchSize: u32 = 64;
	/// The most statements one block attests.
	pub const ZkMaxStatementsPerBlock: u32 = 1024;
	/// Kept for PoI's ZK reveals: users' proofs and batches fill at most 768 per block.
	pub const ZkReservedStatementsPerBlock: u32 = 256;
	/// Attestation paths can be fetched for 12 hours.
	pub const ZkAttestationRetention: BlockNumber = 12 * HOURS;
}

impl pallet_zk_verifier::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	/// Native verification through `zkp_primitives::zk::zk_verify`, registered by the node.
	type Backend = zkp_primitives::zk::HostVerifier;
	type MinStarkSecurityBits = MinStarkSecurityBits;
	type ProgramDeposit = ProgramDeposit;
	type VkDepositBase = VkDepositBase;
	type VkDepositPerByte = VkDepositPerByte;
	type MaxBatchSize = ZkMaxBatchSize;
	type MaxStatementsPerBlock = ZkMaxStatementsPerBlock;
	type ReservedStatementsPerBlock = ZkReservedStatementsPerBlock;
	type AttestationRetention = ZkAttestationRetention;
	type WeightInfo = pallet_zk_verifier::weights::SubstrateWeight<Runtime>;
}
