
//! Weights for `pallet_posp`, measured by `zkp-node benchmark pallet` (do not edit by hand:
//! regenerate with `bash scripts/benchmark-pallets.sh`).
//!
//! CLI 64.0.0, 2026-12-02; steps `10`, repeat `5`;
//! host `vm`, CPU `AMD EPYC`; WASM execution `Compiled`, chain `Some("dev")`.

// Executed command:
// /root/.cache/zkp/target/release/zkp-node
// benchmark
// pallet
// --chain
// dev
// --pallet
// pallet_posp
// --extrinsic
// *
// --steps
// 10
// --repeat
// 5
// --heap-pages
// 4096
// --template
// .maintain/pallet-weight-template.hbs
// --output
// pallets/posp/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weight of each call and hook of `pallet_posp`.
pub trait WeightInfo {
	fn register_provider(s: u32, ) -> Weight;
	fn deregister_provider(s: u32, ) -> Weight;
	fn confirm_sector() -> Weight;
	fn place_order(r: u32, p: u32, ) -> Weight;
	fn submit_proof(l: u32, ) -> Weight;
	fn expire_challenges(c: u32, ) -> Weight;
	fn close_period(s: u32, ) -> Weight;
	fn issue_challenges(c: u32, ) -> Weight;
	fn reject_replica(p: u32, ) -> Weight;
	fn withdraw_collateral() -> Weight;
	fn fault_with_repair(p: u32, ) -> Weight;
}

/// Measured weights, with the runtime's own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Posp::Providers` (r:1 w:1)
	/// Proof: `Posp::Providers` (`max_values`: None, `max_size`: Some(98), added: 2573, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Departures` (r:1 w:0)
	/// Proof: `Posp::Departures` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Posp::ProviderList` (r:1 w:1)
	/// Proof: `Posp::ProviderList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `Posp::PastStrikes` (r:1 w:0)
	/// Proof: `Posp::PastStrikes` (`max_values`: None, `max_size`: Some(49), added: 2524, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Challenges` (r:1 w:1)
	/// Proof: `Posp::Challenges` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Sectors` (r:0 w:64)
	/// Proof: `Posp::Sectors` (`max_values`: None, `max_size`: Some(135), added: 2610, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[1, 64]`.
	fn register_provider(s: u32, ) -> Weight {
		// Proof size: measured `178`, estimated `3640`.
		// Minimum execution time: 76_213_000 picoseconds.
		Weight::from_parts(112_647_119, 3640)
			.saturating_add(Weight::from_parts(11_647_591, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(s.into())))
	}
	/// Storage: `Posp::Providers` (r:1 w:1)
	/// Proof: `Posp::Providers` (`max_values`: None, `max_size`: Some(98), added: 2573, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Challenges` (r:1 w:1)
	/// Proof: `Posp::Challenges` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Sectors` (r:65 w:64)
	/// Proof: `Posp::Sectors` (`max_values`: None, `max_size`: Some(135), added: 2610, mode: `MaxEncodedLen`)
	/// Storage: `Posp::ProviderList` (r:1 w:1)
	/// Proof: `Posp::ProviderList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Departures` (r:0 w:1)
	/// Proof: `Posp::Departures` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[1, 64]`.
	fn deregister_provider(s: u32, ) -> Weight {
		// Proof size: measured `260 + s * 86`, estimated `3600 + s * 2610`.
		// Minimum execution time: 40_910_000 picoseconds.
		Weight::from_parts(60_403_864, 3600)
			.saturating_add(Weight::from_parts(9_005_131, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2610).saturating_mul(s.into()))
	}
	/// Storage: `Posp::Providers` (r:1 w:1)
	/// Proof: `Posp::Providers` (`max_values`: None, `max_size`: Some(98), added: 2573, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Sectors` (r:1 w:1)
	/// Proof: `Posp::Sectors` (`max_values`: None, `max_size`: Some(135), added: 2610, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Orders` (r:1 w:1)
	/// Proof: `Posp::Orders` (`max_values`: None, `max_size`: Some(650), added: 3125, mode: `MaxEncodedLen`)
	fn confirm_sector() -> Weight {
		// Proof size: measured `665`, estimated `4115`.
		// Minimum execution time: 31_016_000 picoseconds.
		Weight::from_parts(49_723_000, 4115)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Posp::ProviderList` (r:1 w:0)
	/// Proof: `Posp::ProviderList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Providers` (r:64 w:7)
	/// Proof: `Posp::Providers` (`max_values`: None, `max_size`: Some(98), added: 2573, mode: `MaxEncodedLen`)
	/// Storage: `Posp::NextOrderId` (r:1 w:1)
	/// Proof: `Posp::NextOrderId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Posp::OrdersAwaitingRepair` (r:1 w:1)
	/// Proof: `Posp::OrdersAwaitingRepair` (`max_values`: Some(1), `max_size`: Some(12290), added: 12785, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Challenges` (r:64 w:0)
	/// Proof: `Posp::Challenges` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Sectors` (r:78 w:7)
	/// Proof: `Posp::Sectors` (`max_values`: None, `max_size`: Some(135), added: 2610, mode: `MaxEncodedLen`)
	/// Storage: `Posp::DrawNonce` (r:1 w:1)
	/// Proof: `Posp::DrawNonce` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Orders` (r:0 w:1)
	/// Proof: `Posp::Orders` (`max_values`: None, `max_size`: Some(650), added: 3125, mode: `MaxEncodedLen`)
	/// The range of component `r` is `[1, 8]`.
	/// The range of component `p` is `[8, 64]`.
	fn place_order(r: u32, p: u32, ) -> Weight {
		// Proof size: measured `6791 + p * 326 + r * 91`, estimated `58410 + p * 2573 + r * 366`.
		// Minimum execution time: 400_594_000 picoseconds.
		Weight::from_parts(499_069_000, 58410)
			.saturating_add(Weight::from_parts(16_371_495, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(18_316_570, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 2573).saturating_mul(p.into()))
			.saturating_add(Weight::from_parts(0, 366).saturating_mul(r.into()))
	}
	/// Storage: `Posp::Challenges` (r:1 w:1)
	/// Proof: `Posp::Challenges` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Sectors` (r:1 w:1)
	/// Proof: `Posp::Sectors` (`max_values`: None, `max_size`: Some(135), added: 2610, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Orders` (r:1 w:0)
	/// Proof: `Posp::Orders` (`max_values`: None, `max_size`: Some(650), added: 3125, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Providers` (r:1 w:1)
	/// Proof: `Posp::Providers` (`max_values`: None, `max_size`: Some(98), added: 2573, mode: `MaxEncodedLen`)
	/// The range of component `l` is `[1, 4]`.
	fn submit_proof(l: u32, ) -> Weight {
		// Proof size: measured `773 + l * 4`, estimated `4115`.
		// Minimum execution time: 235_839_000 picoseconds.
		Weight::from_parts(165_767_437, 4115)
			.saturating_add(Weight::from_parts(183_101_263, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Posp::ProviderList` (r:1 w:1)
	/// Proof: `Posp::ProviderList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Posp::OrdersAwaitingRepair` (r:1 w:0)
	/// Proof: `Posp::OrdersAwaitingRepair` (`max_values`: Some(1), `max_size`: Some(12290), added: 12785, mode: `MaxEncodedLen`)
	/// Storage: `Posp::ChallengeDeadlineAt` (r:1 w:1)
	/// Proof: `Posp::ChallengeDeadlineAt` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Challenges` (r:65 w:32)
	/// Proof: `Posp::Challenges` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Providers` (r:64 w:64)
	/// Proof: `Posp::Providers` (`max_values`: None, `max_size`: Some(98), added: 2573, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:32 w:32)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:32 w:32)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Sectors` (r:128 w:64)
	/// Proof: `Posp::Sectors` (`max_values`: None, `max_size`: Some(135), added: 2610, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Orders` (r:32 w:32)
	/// Proof: `Posp::Orders` (`max_values`: None, `max_size`: Some(650), added: 3125, mode: `MaxEncodedLen`)
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Posp::ExpiredOrders` (r:1 w:0)
	/// Proof: `Posp::ExpiredOrders` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Posp::DrawNonce` (r:0 w:1)
	/// Proof: `Posp::DrawNonce` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Posp::PastStrikes` (r:0 w:32)
	/// Proof: `Posp::PastStrikes` (`max_values`: None, `max_size`: Some(49), added: 2524, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Departures` (r:0 w:32)
	/// Proof: `Posp::Departures` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// The range of component `c` is `[1, 32]`.
	fn expire_challenges(c: u32, ) -> Weight {
		// Proof size: measured `510 + c * 1085`, estimated `13775 + c * 10440`.
		// Minimum execution time: 146_848_000 picoseconds.
		Weight::from_parts(211_273_000, 13775)
			.saturating_add(Weight::from_parts(321_184_872, 0).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((11_u64).saturating_mul(c.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((10_u64).saturating_mul(c.into())))
			.saturating_add(Weight::from_parts(0, 10440).saturating_mul(c.into()))
	}
	/// Storage: `Posp::ExpiredOrders` (r:1 w:0)
	/// Proof: `Posp::ExpiredOrders` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Posp::ProviderList` (r:1 w:0)
	/// Proof: `Posp::ProviderList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Sectors` (r:128 w:0)
	/// Proof: `Posp::Sectors` (`max_values`: None, `max_size`: Some(135), added: 2610, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Providers` (r:64 w:64)
	/// Proof: `Posp::Providers` (`max_values`: None, `max_size`: Some(98), added: 2573, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Orders` (r:64 w:64)
	/// Proof: `Posp::Orders` (`max_values`: None, `max_size`: Some(650), added: 3125, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:65 w:65)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[1, 64]`.
	fn close_period(s: u32, ) -> Weight {
		// Proof size: measured `652 + s * 657`, estimated `3640 + s * 5220`.
		// Minimum execution time: 128_470_000 picoseconds.
		Weight::from_parts(148_770_000, 3640)
			.saturating_add(Weight::from_parts(152_932_911, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 5220).saturating_mul(s.into()))
	}
	/// Storage: `Posp::ProviderList` (r:1 w:0)
	/// Proof: `Posp::ProviderList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Providers` (r:64 w:0)
	/// Proof: `Posp::Providers` (`max_values`: None, `max_size`: Some(98), added: 2573, mode: `MaxEncodedLen`)
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Posp::DrawNonce` (r:1 w:1)
	/// Proof: `Posp::DrawNonce` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Sectors` (r:128 w:0)
	/// Proof: `Posp::Sectors` (`max_values`: None, `max_size`: Some(135), added: 2610, mode: `MaxEncodedLen`)
	/// Storage: `Posp::ChallengeDeadlineAt` (r:0 w:1)
	/// Proof: `Posp::ChallengeDeadlineAt` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Challenges` (r:0 w:64)
	/// Proof: `Posp::Challenges` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// The range of component `c` is `[1, 64]`.
	fn issue_challenges(c: u32, ) -> Weight {
		// Proof size: measured `245 + c * 253`, estimated `3535 + c * 5220`.
		// Minimum execution time: 63_044_000 picoseconds.
		Weight::from_parts(92_336_000, 3535)
			.saturating_add(Weight::from_parts(70_687_320, 0).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(c.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(c.into())))
			.saturating_add(Weight::from_parts(0, 5220).saturating_mul(c.into()))
	}
	/// Storage: `Posp::Providers` (r:1 w:0)
	/// Proof: `Posp::Providers` (`max_values`: None, `max_size`: Some(98), added: 2573, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Sectors` (r:1 w:1)
	/// Proof: `Posp::Sectors` (`max_values`: None, `max_size`: Some(135), added: 2610, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Orders` (r:1 w:1)
	/// Proof: `Posp::Orders` (`max_values`: None, `max_size`: Some(650), added: 3125, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Challenges` (r:1 w:1)
	/// Proof: `Posp::Challenges` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Posp::OrdersAwaitingRepair` (r:1 w:1)
	/// Proof: `Posp::OrdersAwaitingRepair` (`max_values`: Some(1), `max_size`: Some(12290), added: 12785, mode: `MaxEncodedLen`)
	/// The range of component `p` is `[2, 64]`.
	fn reject_replica(p: u32, ) -> Weight {
		// Proof size: measured `1098 + p * 15`, estimated `13775`.
		// Minimum execution time: 46_399_000 picoseconds.
		Weight::from_parts(77_844_111, 13775)
			.saturating_add(Weight::from_parts(797_798, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Posp::Departures` (r:1 w:1)
	/// Proof: `Posp::Departures` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	fn withdraw_collateral() -> Weight {
		// Proof size: measured `339`, estimated `3640`.
		// Minimum execution time: 55_533_000 picoseconds.
		Weight::from_parts(93_148_000, 3640)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Posp::Providers` (r:64 w:2)
	/// Proof: `Posp::Providers` (`max_values`: None, `max_size`: Some(98), added: 2573, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Sectors` (r:3 w:2)
	/// Proof: `Posp::Sectors` (`max_values`: None, `max_size`: Some(135), added: 2610, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Challenges` (r:64 w:1)
	/// Proof: `Posp::Challenges` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Orders` (r:1 w:1)
	/// Proof: `Posp::Orders` (`max_values`: None, `max_size`: Some(650), added: 3125, mode: `MaxEncodedLen`)
	/// Storage: `Posp::ProviderList` (r:1 w:0)
	/// Proof: `Posp::ProviderList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Posp::DrawNonce` (r:1 w:1)
	/// Proof: `Posp::DrawNonce` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// The range of component `p` is `[2, 64]`.
	fn fault_with_repair(p: u32, ) -> Weight {
		// Proof size: measured `1522 + p * 139`, estimated `8820 + p * 2573`.
		// Minimum execution time: 112_286_000 picoseconds.
		Weight::from_parts(153_162_011, 8820)
			.saturating_add(Weight::from_parts(10_413_850, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes(9_u64))
			.saturating_add(Weight::from_parts(0, 2573).saturating_mul(p.into()))
	}
}

/// The same measurements with ParityDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn register_provider(s: u32, ) -> Weight {
		Weight::from_parts(112_647_119, 3640)
			.saturating_add(Weight::from_parts(11_647_591, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(s.into())))
	}
	fn deregister_provider(s: u32, ) -> Weight {
		Weight::from_parts(60_403_864, 3600)
			.saturating_add(Weight::from_parts(9_005_131, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2610).saturating_mul(s.into()))
	}
	fn confirm_sector() -> Weight {
		Weight::from_parts(49_723_000, 4115)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn place_order(r: u32, p: u32, ) -> Weight {
		Weight::from_parts(499_069_000, 58410)
			.saturating_add(Weight::from_parts(16_371_495, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(18_316_570, 0).saturating_mul(p.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(p.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 2573).saturating_mul(p.into()))
			.saturating_add(Weight::from_parts(0, 366).saturating_mul(r.into()))
	}
	fn submit_proof(l: u32, ) -> Weight {
		Weight::from_parts(165_767_437, 4115)
			.saturating_add(Weight::from_parts(183_101_263, 0).saturating_mul(l.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn expire_challenges(c: u32, ) -> Weight {
		Weight::from_parts(211_273_000, 13775)
			.saturating_add(Weight::from_parts(321_184_872, 0).saturating_mul(c.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().reads((11_u64).saturating_mul(c.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((10_u64).saturating_mul(c.into())))
			.saturating_add(Weight::from_parts(0, 10440).saturating_mul(c.into()))
	}
	fn close_period(s: u32, ) -> Weight {
		Weight::from_parts(148_770_000, 3640)
			.saturating_add(Weight::from_parts(152_932_911, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().reads((5_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 5220).saturating_mul(s.into()))
	}
	fn issue_challenges(c: u32, ) -> Weight {
		Weight::from_parts(92_336_000, 3535)
			.saturating_add(Weight::from_parts(70_687_320, 0).saturating_mul(c.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(c.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(c.into())))
			.saturating_add(Weight::from_parts(0, 5220).saturating_mul(c.into()))
	}
	fn reject_replica(p: u32, ) -> Weight {
		Weight::from_parts(77_844_111, 13775)
			.saturating_add(Weight::from_parts(797_798, 0).saturating_mul(p.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn withdraw_collateral() -> Weight {
		Weight::from_parts(93_148_000, 3640)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn fault_with_repair(p: u32, ) -> Weight {
		Weight::from_parts(153_162_011, 8820)
			.saturating_add(Weight::from_parts(10_413_850, 0).saturating_mul(p.into()))
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(p.into())))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
			.saturating_add(Weight::from_parts(0, 2573).saturating_mul(p.into()))
	}
}
