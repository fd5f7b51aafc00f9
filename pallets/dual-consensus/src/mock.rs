//! A minimal runtime for the pallet's tests: system, balances and the pallet. The PoI and PoSp
//! scores, session-key registration and validator disabling — what the other pallets provide
//! through `zkp-primitives` traits in the runtime — are tables the tests set.

use crate as pallet_dual_consensus;
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, ValidatorRegistration},
};
use pallet_session::SessionManager;
use sp_runtime::{BuildStorage, Perbill};
use std::collections::{BTreeMap, BTreeSet};
use zkp_primitives::{poi::ComputeContribution, posp::StorageContribution};

pub type AccountId = u64;
pub type Balance = u64;
type Block = frame_system::mocking::MockBlock<Test>;

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
	pub type DualConsensus = pallet_dual_consensus;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

thread_local! {
	pub static COMPUTE: RefCell<BTreeMap<AccountId, u128>> = RefCell::new(BTreeMap::new());
	pub static STORAGE: RefCell<BTreeMap<AccountId, u128>> = RefCell::new(BTreeMap::new());
	pub static KEYS: RefCell<BTreeSet<AccountId>> = RefCell::new(BTreeSet::new());
	pub static DISABLED: RefCell<Vec<(AccountId, Perbill)>> = RefCell::new(Vec::new());
}

/// PoI scores, as `pallet-poi` would report them.
pub struct Compute;
impl ComputeContribution<AccountId> for Compute {
	fn compute_score(who: &AccountId) -> u128 {
		COMPUTE.with(|m| m.borrow().get(who).copied().unwrap_or(0))
	}
	fn total_compute_score() -> u128 {
		COMPUTE.with(|m| m.borrow().values().sum())
	}
	fn compute_contributors() -> Vec<(AccountId, u128)> {
		COMPUTE
			.with(|m| m.borrow().iter().filter(|(_, s)| **s > 0).map(|(a, s)| (*a, *s)).collect())
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn set_compute_score(who: &AccountId, score: u128) {
		set_compute(*who, score)
	}
}

/// PoSp scores, as `pallet-posp` would report them.
pub struct Storage;
impl StorageContribution<AccountId> for Storage {
	fn storage_score(who: &AccountId) -> u128 {
		STORAGE.with(|m| m.borrow().get(who).copied().unwrap_or(0))
	}
	fn total_storage_score() -> u128 {
		STORAGE.with(|m| m.borrow().values().sum())
	}
	fn storage_contributors() -> Vec<(AccountId, u128)> {
		STORAGE
			.with(|m| m.borrow().iter().filter(|(_, s)| **s > 0).map(|(a, s)| (*a, *s)).collect())
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn set_storage_score(who: &AccountId, score: u128) {
		set_storage(*who, score)
	}
}

/// Session keys, as `pallet-session` would report them.
pub struct Keys;
impl ValidatorRegistration<AccountId> for Keys {
	fn is_registered(who: &AccountId) -> bool {
		KEYS.with(|k| k.borrow().contains(who))
	}
}

/// Records whom the pallet disabled.
pub struct Disabler;
impl crate::DisableValidator<AccountId> for Disabler {
	fn disable(who: &AccountId, severity: Perbill) {
		DISABLED.with(|d| d.borrow_mut().push((*who, severity)));
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for Keys {
	fn register_session_keys(who: &AccountId) {
		set_keys(*who);
	}
}

pub fn set_compute(who: AccountId, score: u128) {
	COMPUTE.with(|m| m.borrow_mut().insert(who, score));
}
pub fn set_storage(who: AccountId, score: u128) {
	STORAGE.with(|m| m.borrow_mut().insert(who, score));
}
pub fn set_keys(who: AccountId) {
	KEYS.with(|k| k.borrow_mut().insert(who));
}
pub fn disabled() -> Vec<(AccountId, Perbill)> {
	DISABLED.with(|d| d.borrow().clone())
}

/// The minimum bond.
pub const MIN_BOND: Balance = 1_000;
/// Each endowed account's balance.
pub const ENDOWMENT: Balance = 1_000_000;
/// Emission per era.
pub const EMISSION: Balance = 10_000;

parameter_types! {
	pub const MinCandidateBond: Balance = MIN_BOND;
	pub const EraEmission: Balance = EMISSION;
	pub const ValidatorPoolShare: Perbill = Perbill::from_percent(50);
	pub const ComputePoolShare: Perbill = Perbill::from_percent(25);
}

impl crate::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Compute = Compute;
	type Storage = Storage;
	type SessionKeys = Keys;
	type Disabler = Disabler;
	type MinCandidateBond = MinCandidateBond;
	type MaxCandidates = ConstU32<16>;
	type MaxValidators = ConstU32<8>;
	type MinValidators = ConstU32<2>;
	type BondingDuration = ConstU32<5>;
	type OffenceWindow = ConstU32<3>;
	type SlashBarSessions = ConstU32<4>;
	type MaxOfflineSessions = ConstU32<3>;
	type SessionsPerEra = ConstU32<2>;
	type EraEmission = EraEmission;
	type ValidatorPoolShare = ValidatorPoolShare;
	type ComputePoolShare = ComputePoolShare;
	type MaxComputeContributors = ConstU32<8>;
	type MaxStorageContributors = ConstU32<8>;
	type DefaultSessionLength = ConstU64<10>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Keys;
}

/// Accounts 1..=4 validate from genesis with `MIN_BOND` each; accounts 1..=30 are endowed.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=30).map(|a| (a, ENDOWMENT)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	crate::GenesisConfig::<Test> {
		candidates: (1..=4).map(|a| (a, MIN_BOND)).collect(),
		desired_validators: 4,
		session_length: 0,
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| {
		COMPUTE.with(|m| m.borrow_mut().clear());
		STORAGE.with(|m| m.borrow_mut().clear());
		KEYS.with(|k| k.borrow_mut().clear());
		DISABLED.with(|d| d.borrow_mut().clear());
		(1..=4).for_each(set_keys);
		// What the session pallet's genesis does.
		DualConsensus::new_session_genesis(0);
		DualConsensus::new_session_genesis(1);
		DualConsensus::start_session(0);
		System::set_block_number(1);
	});
	ext
}

/// Runs `test`, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		DualConsensus::do_try_state().expect("invariants hold");
	});
}

/// Ends the current session the way `pallet-session` rotates: end, start the next, plan the
/// one after. Returns the set planned.
pub fn rotate() -> Vec<AccountId> {
	let current = crate::CurrentSession::<Test>::get();
	DualConsensus::end_session(current);
	DualConsensus::start_session(current + 1);
	DualConsensus::new_session(current + 2).unwrap()
}

/// `blocks` blocks authored by each of `authors`.
pub fn author(authors: &[AccountId], blocks: u32) {
	for _ in 0..blocks {
		for a in authors {
			<DualConsensus as pallet_authorship::EventHandler<_, _>>::note_author(*a);
		}
	}
}

pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::DualConsensus(e) = r.event { Some(e) } else { None })
		.collect()
}
