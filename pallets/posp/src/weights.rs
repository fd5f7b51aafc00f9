
//! Weights for `pallet_posp`, measured by `zkp-node benchmark pallet` (do not edit by hand:
//! regenerate with `bash scripts/benchmark-pallets.sh`).
//!
//! CLI 64.0.0, 2026-11-28; steps `10`, repeat `5`;
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
	/// Proof: `Posp::Providers` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Posp::ProviderList` (r:1 w:1)
	/// Proof: `Posp::ProviderList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Sectors` (r:0 w:64)
	/// Proof: `Posp::Sectors` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[1, 64]`.
	fn register_provider(s: u32, ) -> Weight {
		// Proof size: measured `178`, estimated `3622`.
		// Minimum execution time: 49_764_000 picoseconds.
		Weight::from_parts(48_080_777, 3622)
			.saturating_add(Weight::from_parts(4_763_557, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(s.into())))
	}
	/// Storage: `Posp::Providers` (r:1 w:1)
	/// Proof: `Posp::Providers` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Challenges` (r:1 w:1)
	/// Proof: `Posp::Challenges` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Sectors` (r:65 w:64)
	/// Proof: `Posp::Sectors` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Posp::ProviderList` (r:1 w:1)
	/// Proof: `Posp::ProviderList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[1, 64]`.
	fn deregister_provider(s: u32, ) -> Weight {
		// Proof size: measured `485 + s * 85`, estimated `3622 + s * 2609`.
		// Minimum execution time: 55_313_000 picoseconds.
		Weight::from_parts(54_035_105, 3622)
			.saturating_add(Weight::from_parts(4_152_265, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2609).saturating_mul(s.into()))
	}
	/// Storage: `Posp::Providers` (r:1 w:1)
	/// Proof: `Posp::Providers` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Sectors` (r:1 w:1)
	/// Proof: `Posp::Sectors` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Orders` (r:1 w:1)
	/// Proof: `Posp::Orders` (`max_values`: None, `max_size`: Some(554), added: 3029, mode: `MaxEncodedLen`)
	fn confirm_sector() -> Weight {
		// Proof size: measured `640`, estimated `4019`.
		// Minimum execution time: 20_070_000 picoseconds.
		Weight::from_parts(21_772_000, 4019)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Posp::ProviderList` (r:1 w:0)
	/// Proof: `Posp::ProviderList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Providers` (r:64 w:7)
	/// Proof: `Posp::Providers` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Posp::NextOrderId` (r:1 w:1)
	/// Proof: `Posp::NextOrderId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Challenges` (r:64 w:0)
	/// Proof: `Posp::Challenges` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Sectors` (r:78 w:7)
	/// Proof: `Posp::Sectors` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `Posp::DrawNonce` (r:1 w:1)
	/// Proof: `Posp::DrawNonce` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Posp::OrdersAwaitingRepair` (r:1 w:1)
	/// Proof: `Posp::OrdersAwaitingRepair` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Orders` (r:0 w:1)
	/// Proof: `Posp::Orders` (`max_values`: None, `max_size`: Some(554), added: 3029, mode: `MaxEncodedLen`)
	/// The range of component `r` is `[1, 8]`.
	/// The range of component `p` is `[8, 64]`.
	fn place_order(r: u32, p: u32, ) -> Weight {
		// Proof size: measured `8836 + p * 325 + r * 90`, estimated `58388 + p * 2569 + r * 435`.
		// Minimum execution time: 294_990_000 picoseconds.
		Weight::from_parts(36_029_489, 58388)
			.saturating_add(Weight::from_parts(22_417_003, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(11_868_843, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 2569).saturating_mul(p.into()))
			.saturating_add(Weight::from_parts(0, 435).saturating_mul(r.into()))
	}
	/// Storage: `Posp::Challenges` (r:1 w:1)
	/// Proof: `Posp::Challenges` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Sectors` (r:1 w:0)
	/// Proof: `Posp::Sectors` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Orders` (r:1 w:0)
	/// Proof: `Posp::Orders` (`max_values`: None, `max_size`: Some(554), added: 3029, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Providers` (r:1 w:1)
	/// Proof: `Posp::Providers` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// The range of component `l` is `[1, 4]`.
	fn submit_proof(l: u32, ) -> Weight {
		// Proof size: measured `748 + l * 4`, estimated `4019`.
		// Minimum execution time: 171_436_000 picoseconds.
		Weight::from_parts(70_430_858, 4019)
			.saturating_add(Weight::from_parts(119_109_910, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Posp::ChallengeDeadlineAt` (r:1 w:1)
	/// Proof: `Posp::ChallengeDeadlineAt` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Challenges` (r:65 w:32)
	/// Proof: `Posp::Challenges` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Providers` (r:64 w:64)
	/// Proof: `Posp::Providers` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:32 w:32)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:32 w:32)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Sectors` (r:128 w:64)
	/// Proof: `Posp::Sectors` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Orders` (r:32 w:32)
	/// Proof: `Posp::Orders` (`max_values`: None, `max_size`: Some(554), added: 3029, mode: `MaxEncodedLen`)
	/// Storage: `Posp::ProviderList` (r:1 w:1)
	/// Proof: `Posp::ProviderList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Posp::DrawNonce` (r:0 w:1)
	/// Proof: `Posp::DrawNonce` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// The range of component `c` is `[1, 32]`.
	fn expire_challenges(c: u32, ) -> Weight {
		// Proof size: measured `470 + c * 1083`, estimated `3538 + c * 10436`.
		// Minimum execution time: 127_430_000 picoseconds.
		Weight::from_parts(132_968_000, 3538)
			.saturating_add(Weight::from_parts(181_177_378, 0).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((11_u64).saturating_mul(c.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((8_u64).saturating_mul(c.into())))
			.saturating_add(Weight::from_parts(0, 10436).saturating_mul(c.into()))
	}
	/// Storage: `Posp::ProviderList` (r:1 w:0)
	/// Proof: `Posp::ProviderList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Sectors` (r:128 w:0)
	/// Proof: `Posp::Sectors` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Providers` (r:64 w:64)
	/// Proof: `Posp::Providers` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Orders` (r:64 w:64)
	/// Proof: `Posp::Orders` (`max_values`: None, `max_size`: Some(554), added: 3029, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:65 w:65)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Posp::OrdersAwaitingRepair` (r:1 w:0)
	/// Proof: `Posp::OrdersAwaitingRepair` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[1, 64]`.
	fn close_period(s: u32, ) -> Weight {
		// Proof size: measured `634 + s * 656`, estimated `9679 + s * 5218`.
		// Minimum execution time: 87_611_000 picoseconds.
		Weight::from_parts(89_363_000, 9679)
			.saturating_add(Weight::from_parts(73_168_020, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 5218).saturating_mul(s.into()))
	}
	/// Storage: `Posp::ProviderList` (r:1 w:0)
	/// Proof: `Posp::ProviderList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Providers` (r:64 w:0)
	/// Proof: `Posp::Providers` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Posp::DrawNonce` (r:1 w:1)
	/// Proof: `Posp::DrawNonce` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Sectors` (r:128 w:0)
	/// Proof: `Posp::Sectors` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `Posp::ChallengeDeadlineAt` (r:0 w:1)
	/// Proof: `Posp::ChallengeDeadlineAt` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Challenges` (r:0 w:64)
	/// Proof: `Posp::Challenges` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// The range of component `c` is `[1, 64]`.
	fn issue_challenges(c: u32, ) -> Weight {
		// Proof size: measured `241 + c * 252`, estimated `3535 + c * 5218`.
		// Minimum execution time: 40_751_000 picoseconds.
		Weight::from_parts(6_158_035, 3535)
			.saturating_add(Weight::from_parts(35_072_857, 0).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(c.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(c.into())))
			.saturating_add(Weight::from_parts(0, 5218).saturating_mul(c.into()))
	}
	/// Storage: `Posp::Providers` (r:64 w:1)
	/// Proof: `Posp::Providers` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Sectors` (r:3 w:2)
	/// Proof: `Posp::Sectors` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Orders` (r:1 w:1)
	/// Proof: `Posp::Orders` (`max_values`: None, `max_size`: Some(554), added: 3029, mode: `MaxEncodedLen`)
	/// Storage: `Posp::ProviderList` (r:1 w:0)
	/// Proof: `Posp::ProviderList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Challenges` (r:63 w:0)
	/// Proof: `Posp::Challenges` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Posp::DrawNonce` (r:1 w:1)
	/// Proof: `Posp::DrawNonce` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// The range of component `p` is `[2, 64]`.
	fn reject_replica(p: u32, ) -> Weight {
		// Proof size: measured `1038 + p * 127`, estimated `8817 + p * 2569`.
		// Minimum execution time: 60_230_000 picoseconds.
		Weight::from_parts(52_882_242, 8817)
			.saturating_add(Weight::from_parts(5_257_798, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(Weight::from_parts(0, 2569).saturating_mul(p.into()))
	}
	fn withdraw_collateral() -> Weight {
		Weight::from_parts(40_000_000, 3622)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn fault_with_repair(p: u32, ) -> Weight {
		Weight::from_parts(120_000_000, 8817)
			.saturating_add(Weight::from_parts(12_000_000, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes(8_u64))
			.saturating_add(Weight::from_parts(0, 2569).saturating_mul(p.into()))
	}
}

/// The same measurements with ParityDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn register_provider(s: u32, ) -> Weight {
		Weight::from_parts(48_080_777, 3622)
			.saturating_add(Weight::from_parts(4_763_557, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(s.into())))
	}
	fn deregister_provider(s: u32, ) -> Weight {
		Weight::from_parts(54_035_105, 3622)
			.saturating_add(Weight::from_parts(4_152_265, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2609).saturating_mul(s.into()))
	}
	fn confirm_sector() -> Weight {
		Weight::from_parts(21_772_000, 4019)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn place_order(r: u32, p: u32, ) -> Weight {
		Weight::from_parts(36_029_489, 58388)
			.saturating_add(Weight::from_parts(22_417_003, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(11_868_843, 0).saturating_mul(p.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(p.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 2569).saturating_mul(p.into()))
			.saturating_add(Weight::from_parts(0, 435).saturating_mul(r.into()))
	}
	fn submit_proof(l: u32, ) -> Weight {
		Weight::from_parts(70_430_858, 4019)
			.saturating_add(Weight::from_parts(119_109_910, 0).saturating_mul(l.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn expire_challenges(c: u32, ) -> Weight {
		Weight::from_parts(132_968_000, 3538)
			.saturating_add(Weight::from_parts(181_177_378, 0).saturating_mul(c.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().reads((11_u64).saturating_mul(c.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((8_u64).saturating_mul(c.into())))
			.saturating_add(Weight::from_parts(0, 10436).saturating_mul(c.into()))
	}
	fn close_period(s: u32, ) -> Weight {
		Weight::from_parts(89_363_000, 9679)
			.saturating_add(Weight::from_parts(73_168_020, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().reads((5_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 5218).saturating_mul(s.into()))
	}
	fn issue_challenges(c: u32, ) -> Weight {
		Weight::from_parts(6_158_035, 3535)
			.saturating_add(Weight::from_parts(35_072_857, 0).saturating_mul(c.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(c.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(c.into())))
			.saturating_add(Weight::from_parts(0, 5218).saturating_mul(c.into()))
	}
	fn reject_replica(p: u32, ) -> Weight {
		Weight::from_parts(52_882_242, 8817)
			.saturating_add(Weight::from_parts(5_257_798, 0).saturating_mul(p.into()))
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(p.into())))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
			.saturating_add(Weight::from_parts(0, 2569).saturating_mul(p.into()))
	}
	fn withdraw_collateral() -> Weight {
		Weight::from_parts(40_000_000, 3622)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn fault_with_repair(p: u32, ) -> Weight {
		Weight::from_parts(120_000_000, 8817)
			.saturating_add(Weight::from_parts(12_000_000, 0).saturating_mul(p.into()))
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(p.into())))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
			.saturating_add(Weight::from_parts(0, 2569).saturating_mul(p.into()))
	}
}
