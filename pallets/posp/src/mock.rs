//! A minimal runtime for the pallet's tests: system, balances and PoSp with tiny sectors
//! (8 KiB), 2 sealing rounds, 10-block periods and 3-block challenge deadlines.

use crate as pallet_posp;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, Hooks},
};
use sp_core::{sr25519, H256};
use sp_runtime::{
	traits::{IdentifyAccount, Verify},
	BuildStorage, MultiSignature, MultiSigner,
};

pub type AccountId = <<MultiSignature as Verify>::Signer as IdentifyAccount>::AccountId;
pub type Balance = u64;
type Extrinsic =
	sp_runtime::generic::UncheckedExtrinsic<AccountId, RuntimeCall, MultiSignature, ()>;
type Block = sp_runtime::generic::Block<
	sp_runtime::generic::Header<u64, sp_runtime::traits::BlakeTwo256>,
	Extrinsic,
>;

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
	pub type Posp = pallet_posp;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

impl frame_system::offchain::SigningTypes for Test {
	type Public = MultiSigner;
	type Signature = MultiSignature;
}

impl<LocalCall> frame_system::offchain::CreateTransactionBase<LocalCall> for Test
where
	RuntimeCall: From<LocalCall>,
{
	type Extrinsic = Extrinsic;
	type RuntimeCall = RuntimeCall;
}

impl<LocalCall> frame_system::offchain::CreateSignedTransaction<LocalCall> for Test
where
	RuntimeCall: From<LocalCall>,
{
	fn create_signed_transaction<
		C: frame_system::offchain::AppCrypto<Self::Public, Self::Signature>,
	>(
		call: RuntimeCall,
		_public: MultiSigner,
		account: AccountId,
		_nonce: u32,
	) -> Option<Extrinsic> {
		let signature = MultiSignature::Sr25519(sr25519::Signature::from_raw([0; 64]));
		Some(Extrinsic::new_signed(call, account, signature, ()))
	}
}

/// Randomness that changes with the block and the subject, known since the parent block (as
/// BABE's `ParentBlockRandomness`).
pub struct TestRandomness;
impl frame_support::traits::Randomness<H256, u64> for TestRandomness {
	fn random(subject: &[u8]) -> (H256, u64) {
		let block = System::block_number().saturating_sub(1);
		let mut input = subject.to_vec();
		input.extend_from_slice(&block.to_le_bytes());
		(H256(sp_io::hashing::blake2_256(&input)), block)
	}
}

parameter_types! {
	pub const CollateralPerSector: Balance = 1_000;
}

pub const SECTOR_LEAVES: u32 = 8;
pub const ROUNDS: u32 = 2;
pub const PERIOD: u64 = 10;
pub const DEADLINE: u64 = 3;
pub const SEAL_DEADLINE: u64 = 20;
pub const UNBONDING: u64 = 30;

impl pallet_posp::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Randomness = TestRandomness;
	type AuthorityId = pallet_posp::crypto::ProviderAuthId;
	type SectorLeaves = ConstU32<SECTOR_LEAVES>;
	type SealRounds = ConstU32<ROUNDS>;
	type ChallengePeriod = frame_support::traits::ConstU64<PERIOD>;
	type ChallengeDeadline = frame_support::traits::ConstU64<DEADLINE>;
	type SealDeadline = frame_support::traits::ConstU64<SEAL_DEADLINE>;
	type LeavesPerChallenge = ConstU32<2>;
	type MaxChallengesPerPeriod = ConstU32<4>;
	type MaxProviders = ConstU32<4>;
	type MaxSectorsPerProvider = ConstU32<4>;
	type MaxReplicas = ConstU32<3>;
	type MaxCidLen = ConstU32<64>;
	type MaxOrderPeriods = ConstU32<100>;
	type MaxOrdersAwaitingRepair = ConstU32<8>;
	type MaxRejections = ConstU32<2>;
	type MinPricePerPeriod = frame_support::traits::ConstU64<1>;
	type CollateralPerSector = CollateralPerSector;
	type CollateralUnbonding = frame_support::traits::ConstU64<UNBONDING>;
	type WeightInfo = ();
}

pub fn account(n: u8) -> AccountId {
	AccountId::new([n; 32])
}
pub const ENDOWMENT: Balance = 1_000_000;
pub fn alice() -> AccountId {
	account(1)
}
pub fn bob() -> AccountId {
	account(2)
}
pub fn charlie() -> AccountId {
	account(3)
}
pub fn dave() -> AccountId {
	account(4)
}
pub fn user() -> AccountId {
	account(9)
}
pub fn poor() -> AccountId {
	account(10)
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(alice(), ENDOWMENT),
			(bob(), ENDOWMENT),
			(charlie(), ENDOWMENT),
			(dave(), ENDOWMENT),
			(user(), ENDOWMENT),
			(poor(), 10),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext: sp_io::TestExternalities = storage.into();
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` in a fresh externality, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Posp::do_try_state().expect("invariants hold");
	});
}

/// Runs `on_initialize` of every block up to `n`.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Posp::on_initialize(next);
	}
}
