//! Pallet configurations: one module per pallet `Config`.
//!
//! Shared runtime-wide parameters (block weights and length) live here; everything specific to
//! one pallet lives in that pallet's module.

pub mod assets;
pub mod authorship;
pub mod babe;
pub mod balances;
pub mod dual_consensus;
pub mod grandpa;
pub mod offences;
pub mod poi;
pub mod posp;
pub mod session;
pub mod sudo;
pub mod system;
pub mod timestamp;
pub mod transaction_payment;
pub mod utility;
pub mod zk_verifier;

use frame_support::{
	dispatch::DispatchClass,
	parameter_types,
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
};
use frame_system::limits::{BlockLength, BlockWeights};
use sp_runtime::Perbill;

/// We allow `Normal` extrinsics to fill up the block up to 75%, the rest can be used by
/// `Operational` extrinsics.
pub const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// Two seconds of compute per 6 s block, leaving time for propagation and import.
pub const MAXIMUM_BLOCK_WEIGHT: Weight =
	Weight::from_parts(WEIGHT_REF_TIME_PER_SECOND.saturating_mul(2), u64::MAX);

/// Blocks are at most 5 MiB; normal transactions may fill 75 % of that.
pub const MAXIMUM_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

parameter_types! {
	pub RuntimeBlockLength: BlockLength =
		BlockLength::builder()
			.max_length(MAXIMUM_BLOCK_LENGTH)
			.modify_max_length_for_class(DispatchClass::Normal, |max| {
				*max = NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_LENGTH
			})
			.build();
	pub RuntimeBlockWeights: BlockWeights =
		BlockWeights::with_sensible_defaults(MAXIMUM_BLOCK_WEIGHT, NORMAL_DISPATCH_RATIO);
}
