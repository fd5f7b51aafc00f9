//! `frame_system`: accounts, blocks, events; plus the glue that lets the node build bare
//! (unsigned) transactions, used for BABE/GRANDPA equivocation reports.

use super::{RuntimeBlockLength, RuntimeBlockWeights};
use crate::{
	AccountId, Balance, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, RuntimeTask, UncheckedExtrinsic, VERSION,
};
use frame_support::{derive_impl, parameter_types, weights::constants::ParityDbWeight};

parameter_types! {
	pub const Version: sp_version::RuntimeVersion = VERSION;
	/// Generic substrate SS58 prefix (addresses start with `5`), as polkadot.js expects by
	/// default.
	pub const SS58Prefix: u8 = 42;
	/// Blocks whose hashes are kept for mortal transactions (~ 40 min).
	pub const BlockHashCount: BlockNumber = 400;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores state in ParityDB, so weights use ParityDB's read/write costs.
	type DbWeight = ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = frame_support::traits::ConstU32<16>;
}

impl<LocalCall> frame_system::offchain::CreateTransactionBase<LocalCall> for Runtime
where
	RuntimeCall: From<LocalCall>,
{
	type Extrinsic = UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

impl<LocalCall> frame_system::offchain::CreateBare<LocalCall> for Runtime
where
	RuntimeCall: From<LocalCall>,
{
	fn create_bare(call: RuntimeCall) -> UncheckedExtrinsic {
		UncheckedExtrinsic::new_bare(call)
	}
}

// Keep the imported aggregate types in use for the `derive_impl` injection.
const _: fn() = || {
	let _: Option<(PalletInfo, RuntimeEvent, RuntimeOrigin, RuntimeTask)> = None;
};
