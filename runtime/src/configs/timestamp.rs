//! `pallet_timestamp`: the block's wall-clock time, set by an inherent. BABE checks it against
//! the slot.

use crate::{constants::SLOT_DURATION, Babe, Runtime};

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Babe;
	type MinimumPeriod = frame_support::traits::ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}
