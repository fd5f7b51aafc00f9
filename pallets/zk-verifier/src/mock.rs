//! A minimal runtime for the pallet's tests: system, balances and the verifier (native
//! backend, 8-proof batches, 16 statements per block, 5 blocks of retention).

use crate as pallet_zk_verifier;
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;
pub type Balance = u64;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type ZkVerifier = pallet_zk_verifier;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	pub const VkDepositBase: Balance = 100;
	pub const VkDepositPerByte: Balance = 1;
	pub const AttestationRetention: u64 = 5;
	pub const ProgramDeposit: Balance = 50;
	pub static MinStarkBits: u32 = 96;
}

impl pallet_zk_verifier::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Backend = zkp_primitives::zk::HostVerifier;
	type MinStarkSecurityBits = MinStarkBits;
	type ProgramDeposit = ProgramDeposit;
	type VkDepositBase = VkDepositBase;
	type VkDepositPerByte = VkDepositPerByte;
	type MaxBatchSize = ConstU32<8>;
	type MaxStatementsPerBlock = ConstU32<16>;
	type ReservedStatementsPerBlock = ConstU32<RESERVED_STATEMENTS>;
	type AttestationRetention = AttestationRetention;
	type WeightInfo = ();
}

pub const ALICE: u64 = 1;
pub const BOB: u64 = 2;
pub const POOR: u64 = 3;
pub const ENDOWMENT: Balance = 1_000_000;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(ALICE, ENDOWMENT), (BOB, ENDOWMENT), (POOR, 10)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext: sp_io::TestExternalities = storage.into();
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Statements per block kept for other pallets.
pub const RESERVED_STATEMENTS: u32 = 4;

/// Runs `test` in a fresh externality, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		ZkVerifier::do_try_state().expect("invariants hold");
	});
}
