
//! Weights for `pallet_dual_consensus` (regenerate with
//! `bash scripts/benchmark-pallets.sh pallet_dual_consensus`; until then, estimates).

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weight of each call and hook of `pallet_dual_consensus`.
pub trait WeightInfo {
	fn bond() -> Weight;
	fn bond_extra() -> Weight;
	fn validate() -> Weight;
	fn chill() -> Weight;
	fn unbond() -> Weight;
	fn withdraw_unbonded() -> Weight;
	fn set_desired_validators() -> Weight;
	fn note_author() -> Weight;
	fn slash() -> Weight;
	fn elect(c: u32, ) -> Weight;
	fn end_session(v: u32, ) -> Weight;
	fn pay_era(v: u32, a: u32, p: u32, ) -> Weight;
}

/// Measured weights, with the runtime's own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn bond() -> Weight { Weight::from_parts(80_000_000, 4000).saturating_add(T::DbWeight::get().reads_writes(4, 4)) }
	fn bond_extra() -> Weight { Weight::from_parts(60_000_000, 4000).saturating_add(T::DbWeight::get().reads_writes(3, 3)) }
	fn validate() -> Weight { Weight::from_parts(30_000_000, 4000).saturating_add(T::DbWeight::get().reads_writes(2, 1)) }
	fn chill() -> Weight { Weight::from_parts(20_000_000, 4000).saturating_add(T::DbWeight::get().reads_writes(1, 1)) }
	fn unbond() -> Weight { Weight::from_parts(20_000_000, 4000).saturating_add(T::DbWeight::get().reads_writes(2, 1)) }
	fn withdraw_unbonded() -> Weight { Weight::from_parts(80_000_000, 9000).saturating_add(T::DbWeight::get().reads_writes(8, 4)) }
	fn set_desired_validators() -> Weight { Weight::from_parts(10_000_000, 0).saturating_add(T::DbWeight::get().writes(1)) }
	fn note_author() -> Weight { Weight::from_parts(10_000_000, 3000).saturating_add(T::DbWeight::get().reads_writes(2, 2)) }
	fn slash() -> Weight { Weight::from_parts(90_000_000, 4000).saturating_add(T::DbWeight::get().reads_writes(5, 4)) }
	fn elect(c: u32, ) -> Weight { Weight::from_parts(20_000_000, 9000).saturating_add(Weight::from_parts(40_000_000, 3000).saturating_mul(c.into())).saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(c.into()))) }
	fn end_session(v: u32, ) -> Weight { Weight::from_parts(20_000_000, 3000).saturating_add(Weight::from_parts(30_000_000, 3000).saturating_mul(v.into())).saturating_add(T::DbWeight::get().reads_writes((3_u64).saturating_mul(v.into()), (2_u64).saturating_mul(v.into()))) }
	fn pay_era(v: u32, a: u32, p: u32, ) -> Weight { Weight::from_parts(20_000_000, 3000).saturating_add(Weight::from_parts(90_000_000, 3000).saturating_mul((v + a + p).into())).saturating_add(T::DbWeight::get().reads_writes((3_u64).saturating_mul((v + a + p).into()), (2_u64).saturating_mul((v + a + p).into()))) }
}

impl WeightInfo for () {
	fn bond() -> Weight { Weight::from_parts(80_000_000, 4000).saturating_add(ParityDbWeight::get().reads_writes(4, 4)) }
	fn bond_extra() -> Weight { Weight::from_parts(60_000_000, 4000).saturating_add(ParityDbWeight::get().reads_writes(3, 3)) }
	fn validate() -> Weight { Weight::from_parts(30_000_000, 4000).saturating_add(ParityDbWeight::get().reads_writes(2, 1)) }
	fn chill() -> Weight { Weight::from_parts(20_000_000, 4000).saturating_add(ParityDbWeight::get().reads_writes(1, 1)) }
	fn unbond() -> Weight { Weight::from_parts(20_000_000, 4000).saturating_add(ParityDbWeight::get().reads_writes(2, 1)) }
	fn withdraw_unbonded() -> Weight { Weight::from_parts(80_000_000, 9000).saturating_add(ParityDbWeight::get().reads_writes(8, 4)) }
	fn set_desired_validators() -> Weight { Weight::from_parts(10_000_000, 0).saturating_add(ParityDbWeight::get().writes(1)) }
	fn note_author() -> Weight { Weight::from_parts(10_000_000, 3000).saturating_add(ParityDbWeight::get().reads_writes(2, 2)) }
	fn slash() -> Weight { Weight::from_parts(90_000_000, 4000).saturating_add(ParityDbWeight::get().reads_writes(5, 4)) }
	fn elect(c: u32, ) -> Weight { Weight::from_parts(20_000_000, 9000).saturating_add(Weight::from_parts(40_000_000, 3000).saturating_mul(c.into())) }
	fn end_session(v: u32, ) -> Weight { Weight::from_parts(20_000_000, 3000).saturating_add(Weight::from_parts(30_000_000, 3000).saturating_mul(v.into())) }
	fn pay_era(v: u32, a: u32, p: u32, ) -> Weight { Weight::from_parts(20_000_000, 3000).saturating_add(Weight::from_parts(90_000_000, 3000).saturating_mul((v + a + p).into())) }
}
