//! A minimal runtime for the pallet's tests: system, balances and PoI with small bounds,
//! 5-block commit windows, 3-block reveal windows and a proof verifier that accepts exactly
//! the proofs [`proof_for`] makes, or checks real Groth16 proofs for keys in [`REAL_KEYS`].

use crate as pallet_poi;
use codec::Encode;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, Hooks},
	weights::Weight,
};
use sp_core::{sr25519, H256};
use sp_runtime::{
	traits::{IdentifyAccount, Verify},
	BuildStorage, MultiSignature, MultiSigner, Perbill,
};
use zkp_primitives::zk::{ProofVerificationError, ProofVerifier, PublicInput};

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
	pub type Poi = pallet_poi;
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

/// Randomness that changes with the block and the subject.
/// Known since the parent block, as BABE's `ParentBlockRandomness`.
pub struct TestRandomness;
impl frame_support::traits::Randomness<H256, u64> for TestRandomness {
	fn random(subject: &[u8]) -> (H256, u64) {
		let block = System::block_number().saturating_sub(1);
		let mut input = subject.to_vec();
		input.extend_from_slice(&block.to_le_bytes());
		(H256(sp_io::hashing::blake2_256(&input)), block)
	}
}

/// The ZK key the tests register.
pub const ZK_KEY: H256 = H256([0x2a; 32]);

/// A "proof" the test verifier accepts: the hash of the key and the public inputs, so a
/// proof only passes for the inputs the pallet is expected to check.
pub fn proof_for(key: &H256, inputs: &[PublicInput]) -> Vec<u8> {
	sp_io::hashing::blake2_256(&(key, inputs).encode()).to_vec()
}

/// Accepts exactly the proofs [`proof_for`] makes, for [`ZK_KEY`] only.
pub struct TestProofVerifier;
impl ProofVerifier for TestProofVerifier {
	fn verify_proof(
		key: &H256,
		proof: &[u8],
		inputs: &[PublicInput],
	) -> Result<H256, ProofVerificationError> {
		if let Some(vk) = REAL_KEYS.with(|k| k.borrow().get(key).cloned()) {
			return zkp_groth16::verify(zkp_groth16::Curve::Bn254, &vk, proof, inputs)
				.map(|()| H256(sp_io::hashing::blake2_256(proof)))
				.map_err(ProofVerificationError::Rejected);
		}
		if *key != ZK_KEY {
			return Err(ProofVerificationError::UnknownVerificationKey);
		}
		if proof != proof_for(key, inputs).as_slice() {
			return Err(ProofVerificationError::Rejected(
				zkp_primitives::zk::Groth16Error::VerificationFailed,
			));
		}
		Ok(H256(sp_io::hashing::blake2_256(proof)))
	}

	fn hold_key(key: &H256, owner: &[u8; 32]) -> Result<u32, ProofVerificationError> {
		if *owner != KEY_OWNER {
			return Err(ProofVerificationError::NotKeyOwner);
		}
		let real = REAL_KEYS.with(|k| {
			k.borrow()
				.get(key)
				.map(|vk| zkp_groth16::validate_vk(zkp_groth16::Curve::Bn254, vk))
		});
		let inputs = if let Some(info) = real {
			info.map_err(ProofVerificationError::Rejected)?.public_inputs
		} else if *key == ZK_KEY {
			crate::ZK_PUBLIC_INPUTS
		} else if *key == OTHER_SHAPE_KEY {
			1
		} else {
			return Err(ProofVerificationError::UnknownVerificationKey);
		};
		KEY_HOLDS.with(|h| *h.borrow_mut().entry(*key).or_default() += 1);
		Ok(inputs)
	}

	fn release_key(key: &H256) {
		KEY_HOLDS.with(|h| {
			if let Some(n) = h.borrow_mut().get_mut(key) {
				*n = n.saturating_sub(1);
			}
		});
	}

	fn verify_stark_proof(
		_program: &H256,
		_inputs: &[u64],
		_outputs: &[u64],
		_proof: &[u8],
	) -> Result<H256, ProofVerificationError> {
		// PoI never asks for STARKs; no program is known here.
		Err(ProofVerificationError::UnknownVerificationKey)
	}
}

/// Who registered the test keys: the tests' user (account 9).
pub const KEY_OWNER: [u8; 32] = [9; 32];

/// A registered key with one public input (not PoI's statement).
pub const OTHER_SHAPE_KEY: H256 = H256([0x2b; 32]);

std::thread_local! {
	/// Real Groth16 keys (BN254, chain encoding) by hash, checked with the chain's verifier.
	pub static REAL_KEYS: core::cell::RefCell<std::collections::BTreeMap<H256, Vec<u8>>> = Default::default();
	/// Holds the test verifier has given out, per key.
	pub static KEY_HOLDS: core::cell::RefCell<std::collections::BTreeMap<H256, u32>> = Default::default();
}

/// Holds on `key` now.
pub fn key_holds(key: &H256) -> u32 {
	KEY_HOLDS.with(|h| h.borrow().get(key).copied().unwrap_or(0))
}

pub const COMMIT_WINDOW: u64 = 5;
pub const REVEAL_WINDOW: u64 = 3;
pub const RETENTION: u64 = 30;
pub const UNBONDING: u64 = 10;
pub const SCORE_PERIOD: u64 = 20;
pub const MIN_STAKE: Balance = 1_000;
pub const MODEL_DEPOSIT: Balance = 50;
pub const SKETCH_LEN: u8 = 8;

parameter_types! {
	pub const PenaltyFraction: Perbill = Perbill::from_percent(10);
	pub ProofWeight: Weight = Weight::from_parts(1_000_000, 0);
}

impl pallet_poi::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Randomness = TestRandomness;
	type ProofVerifier = TestProofVerifier;
	type ProofVerificationWeight = ProofWeight;
	type AuthorityId = pallet_poi::crypto::AgentAuthId;
	type MaxCidLen = ConstU32<64>;
	type MaxSchemaLen = ConstU32<64>;
	type MaxSketchLen = ConstU32<16>;
	type MaxProofLen = ConstU32<256>;
	type MaxRedundancy = ConstU32<3>;
	type MaxReplacements = ConstU32<1>;
	type MaxAgents = ConstU32<6>;
	type MaxTasksPerAgent = ConstU32<2>;
	type MaxDeadlinesPerBlock = ConstU32<2>;
	type MinAgentStake = ConstU64<MIN_STAKE>;
	type MinTaskReward = ConstU64<10>;
	type ModelDeposit = ConstU64<MODEL_DEPOSIT>;
	type MinCommitWindow = ConstU64<2>;
	type MaxCommitWindow = ConstU64<50>;
	type RevealWindow = ConstU64<REVEAL_WINDOW>;
	type TaskRetention = ConstU64<RETENTION>;
	type UnbondingPeriod = ConstU64<UNBONDING>;
	type PenaltyFraction = PenaltyFraction;
	type ScorePeriod = ConstU64<SCORE_PERIOD>;
	type ScoreSmoothing = ConstU32<4>;
	type WeightInfo = ();
}

pub fn account(n: u8) -> AccountId {
	AccountId::new([n; 32])
}
pub const ENDOWMENT: Balance = 1_000_000;
/// Accounts 1..=6 are would-be agents.
pub fn agent(n: u8) -> AccountId {
	account(n)
}
pub fn user() -> AccountId {
	account(9)
}
pub fn poor() -> AccountId {
	account(10)
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut balances: Vec<(AccountId, Balance)> =
		(1..=7).map(|n| (account(n), ENDOWMENT)).collect();
	balances.push((user(), ENDOWMENT));
	balances.push((poor(), 10));
	pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext: sp_io::TestExternalities = storage.into();
	ext.execute_with(|| System::set_block_number(1));
	KEY_HOLDS.with(|h| h.borrow_mut().clear());
	ext
}

/// Runs `test` in a fresh externality, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Poi::do_try_state().expect("invariants hold");
	});
}

/// Runs `on_initialize` of every block up to `n`.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Poi::on_initialize(next);
	}
}
