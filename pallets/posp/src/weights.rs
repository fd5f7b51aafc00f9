//! Weights for `pallet_posp`: replaced by `bash scripts/benchmark-pallets.sh posp`.
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::RocksDbWeight, Weight}};

pub trait WeightInfo {
	fn register_provider(s: u32, ) -> Weight;
	fn deregister_provider(s: u32, ) -> Weight;
	fn confirm_sector() -> Weight;
	fn place_order(r: u32, p: u32, ) -> Weight;
	fn submit_proof(l: u32, ) -> Weight;
	fn expire_challenges(c: u32, ) -> Weight;
	fn close_period(s: u32, ) -> Weight;
	fn issue_challenges(c: u32, ) -> Weight;
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_provider(s: u32, ) -> Weight { Weight::from_parts(50_000_000, 4000).saturating_add(Weight::from_parts(10_000_000, 0).saturating_mul(s.into())) }
	fn deregister_provider(s: u32, ) -> Weight { Weight::from_parts(50_000_000, 4000).saturating_add(Weight::from_parts(10_000_000, 0).saturating_mul(s.into())) }
	fn confirm_sector() -> Weight { Weight::from_parts(50_000_000, 4000) }
	fn place_order(r: u32, _p: u32, ) -> Weight { Weight::from_parts(100_000_000, 8000).saturating_add(Weight::from_parts(50_000_000, 0).saturating_mul(r.into())) }
	fn submit_proof(l: u32, ) -> Weight { Weight::from_parts(50_000_000, 8000).saturating_add(Weight::from_parts(20_000_000, 0).saturating_mul(l.into())) }
	fn expire_challenges(c: u32, ) -> Weight { Weight::from_parts(10_000_000, 0).saturating_add(Weight::from_parts(100_000_000, 0).saturating_mul(c.into())) }
	fn close_period(s: u32, ) -> Weight { Weight::from_parts(10_000_000, 0).saturating_add(Weight::from_parts(30_000_000, 0).saturating_mul(s.into())) }
	fn issue_challenges(c: u32, ) -> Weight { Weight::from_parts(10_000_000, 0).saturating_add(Weight::from_parts(50_000_000, 0).saturating_mul(c.into())) }
}

impl WeightInfo for () {
	fn register_provider(s: u32, ) -> Weight { SubstrateWeight::<()>::register_provider_unit(s) }
	fn deregister_provider(s: u32, ) -> Weight { SubstrateWeight::<()>::register_provider_unit(s) }
	fn confirm_sector() -> Weight { Weight::from_parts(50_000_000, 4000) }
	fn place_order(r: u32, _p: u32, ) -> Weight { Weight::from_parts(100_000_000, 8000).saturating_add(Weight::from_parts(50_000_000, 0).saturating_mul(r.into())) }
	fn submit_proof(l: u32, ) -> Weight { Weight::from_parts(50_000_000, 8000).saturating_add(Weight::from_parts(20_000_000, 0).saturating_mul(l.into())) }
	fn expire_challenges(c: u32, ) -> Weight { Weight::from_parts(100_000_000, 0).saturating_mul(c.into()) }
	fn close_period(s: u32, ) -> Weight { Weight::from_parts(30_000_000, 0).saturating_mul(s.into()) }
	fn issue_challenges(c: u32, ) -> Weight { Weight::from_parts(50_000_000, 0).saturating_mul(c.into()) }
}

impl SubstrateWeight<()> {
	fn register_provider_unit(s: u32) -> Weight { Weight::from_parts(50_000_000, 4000).saturating_add(Weight::from_parts(10_000_000, 0).saturating_mul(s.into())) }
}
