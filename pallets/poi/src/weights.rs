
//! Weights for `pallet_poi`, measured by `zkp-node benchmark pallet` (do not edit by hand:
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
// pallet_poi
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
// pallets/poi/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weight of each call and hook of `pallet_poi`.
pub trait WeightInfo {
	fn register_model() -> Weight;
	fn register_agent() -> Weight;
	fn deregister_agent() -> Weight;
	fn withdraw_stake() -> Weight;
	fn submit_task(k: u32, a: u32, ) -> Weight;
	fn draw_task(k: u32, a: u32, ) -> Weight;
	fn commit_result(k: u32, ) -> Weight;
	fn reveal_result(k: u32, ) -> Weight;
	fn close_commit(k: u32, a: u32, ) -> Weight;
	fn close_reveal(k: u32, ) -> Weight;
	fn update_scores(a: u32, ) -> Weight;
	fn unregister_model() -> Weight;
	fn set_zk_prover() -> Weight;
}

/// Measured weights, with the runtime's own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Poi::NextModelId` (r:1 w:1)
	/// Proof: `Poi::NextModelId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Models` (r:0 w:1)
	/// Proof: `Poi::Models` (`max_values`: None, `max_size`: Some(763), added: 3238, mode: `MaxEncodedLen`)
	fn register_model() -> Weight {
		// Proof size: measured `6`, estimated `1489`.
		// Minimum execution time: 7_751_000 picoseconds.
		Weight::from_parts(8_483_000, 1489)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Poi::Agents` (r:1 w:1)
	/// Proof: `Poi::Agents` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Poi::AgentCount` (r:1 w:1)
	/// Proof: `Poi::AgentCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Poi::ActiveAgents` (r:1 w:1)
	/// Proof: `Poi::ActiveAgents` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Scores` (r:0 w:1)
	/// Proof: `Poi::Scores` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	fn register_agent() -> Weight {
		// Proof size: measured `10198`, estimated `9679`.
		// Minimum execution time: 89_123_000 picoseconds.
		Weight::from_parts(115_462_000, 9679)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Poi::Agents` (r:1 w:1)
	/// Proof: `Poi::Agents` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Poi::ActiveAgents` (r:1 w:1)
	/// Proof: `Poi::ActiveAgents` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	fn deregister_agent() -> Weight {
		// Proof size: measured `9290`, estimated `9679`.
		// Minimum execution time: 30_575_000 picoseconds.
		Weight::from_parts(53_399_000, 9679)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Poi::Agents` (r:1 w:1)
	/// Proof: `Poi::Agents` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Poi::AgentTasks` (r:1 w:1)
	/// Proof: `Poi::AgentTasks` (`max_values`: None, `max_size`: Some(177), added: 2652, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Scores` (r:1 w:1)
	/// Proof: `Poi::Scores` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Poi::TotalScore` (r:1 w:1)
	/// Proof: `Poi::TotalScore` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Poi::AgentCount` (r:1 w:1)
	/// Proof: `Poi::AgentCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn withdraw_stake() -> Weight {
		// Proof size: measured `460`, estimated `3642`.
		// Minimum execution time: 46_539_000 picoseconds.
		Weight::from_parts(49_434_000, 3642)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Poi::Models` (r:1 w:0)
	/// Proof: `Poi::Models` (`max_values`: None, `max_size`: Some(763), added: 3238, mode: `MaxEncodedLen`)
	/// Storage: `Poi::ActiveAgents` (r:1 w:0)
	/// Proof: `Poi::ActiveAgents` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `Poi::AgentTasks` (r:256 w:0)
	/// Proof: `Poi::AgentTasks` (`max_values`: None, `max_size`: Some(177), added: 2652, mode: `MaxEncodedLen`)
	/// Storage: `Poi::NextTaskId` (r:1 w:1)
	/// Proof: `Poi::NextTaskId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Deadlines` (r:16 w:1)
	/// Proof: `Poi::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Tasks` (r:0 w:1)
	/// Proof: `Poi::Tasks` (`max_values`: None, `max_size`: Some(10269), added: 12744, mode: `MaxEncodedLen`)
	/// The range of component `k` is `[2, 7]`.
	/// The range of component `a` is `[7, 256]`.
	fn submit_task(_k: u32, a: u32, ) -> Weight {
		// Proof size: measured `2909 + a * 34`, estimated `49006 + a * 2652`.
		// Minimum execution time: 110_976_000 picoseconds.
		Weight::from_parts(105_967_326, 49006)
			.saturating_add(Weight::from_parts(1_858_453, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(21_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(Weight::from_parts(0, 2652).saturating_mul(a.into()))
	}
	/// Storage: `Poi::ActiveAgents` (r:1 w:0)
	/// Proof: `Poi::ActiveAgents` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `Poi::AgentTasks` (r:256 w:7)
	/// Proof: `Poi::AgentTasks` (`max_values`: None, `max_size`: Some(177), added: 2652, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Deadlines` (r:17 w:1)
	/// Proof: `Poi::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Poi::DrawNonce` (r:1 w:1)
	/// Proof: `Poi::DrawNonce` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// The range of component `k` is `[2, 7]`.
	/// The range of component `a` is `[7, 256]`.
	fn draw_task(k: u32, a: u32, ) -> Weight {
		// Proof size: measured `1684 + a * 32`, estimated `52007 + a * 2652`.
		// Minimum execution time: 116_324_000 picoseconds.
		Weight::from_parts(57_435_362, 52007)
			.saturating_add(Weight::from_parts(7_055_364, 0).saturating_mul(k.into()))
			.saturating_add(Weight::from_parts(1_832_983, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(21_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 2652).saturating_mul(a.into()))
	}
	/// Storage: `Poi::Tasks` (r:1 w:1)
	/// Proof: `Poi::Tasks` (`max_values`: None, `max_size`: Some(10269), added: 12744, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Deadlines` (r:18 w:2)
	/// Proof: `Poi::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// The range of component `k` is `[2, 7]`.
	fn commit_result(k: u32, ) -> Weight {
		// Proof size: measured `1753 + k * 65`, estimated `55008`.
		// Minimum execution time: 61_291_000 picoseconds.
		Weight::from_parts(63_704_512, 55008)
			.saturating_add(Weight::from_parts(341_049, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(19_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Poi::Tasks` (r:1 w:1)
	/// Proof: `Poi::Tasks` (`max_values`: None, `max_size`: Some(10269), added: 12744, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Models` (r:1 w:0)
	/// Proof: `Poi::Models` (`max_values`: None, `max_size`: Some(763), added: 3238, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:4 w:4)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:8 w:8)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Poi::AgentTasks` (r:7 w:7)
	/// Proof: `Poi::AgentTasks` (`max_values`: None, `max_size`: Some(177), added: 2652, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Agents` (r:7 w:7)
	/// Proof: `Poi::Agents` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Scores` (r:4 w:4)
	/// Proof: `Poi::Scores` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Poi::ActiveAgents` (r:1 w:1)
	/// Proof: `Poi::ActiveAgents` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Expiries` (r:17 w:1)
	/// Proof: `Poi::Expiries` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// The range of component `k` is `[2, 7]`.
	fn reveal_result(k: u32, ) -> Weight {
		// Proof size: measured `12045 + k * 1840`, estimated `52007 + k * 2652`.
		// Minimum execution time: 225_696_000 picoseconds.
		Weight::from_parts(177_957_417, 52007)
			.saturating_add(Weight::from_parts(49_323_749, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(21_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(k.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 2652).saturating_mul(k.into()))
	}
	/// Storage: `Poi::AgentTasks` (r:255 w:12)
	/// Proof: `Poi::AgentTasks` (`max_values`: None, `max_size`: Some(177), added: 2652, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Agents` (r:6 w:6)
	/// Proof: `Poi::Agents` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:6 w:6)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:6 w:6)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Poi::ActiveAgents` (r:1 w:1)
	/// Proof: `Poi::ActiveAgents` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `Poi::DrawNonce` (r:1 w:1)
	/// Proof: `Poi::DrawNonce` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Deadlines` (r:17 w:1)
	/// Proof: `Poi::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// The range of component `k` is `[2, 7]`.
	/// The range of component `a` is `[14, 256]`.
	fn close_commit(k: u32, a: u32, ) -> Weight {
		// Proof size: measured `0 + a * 52 + k * 1122`, estimated `52007 + a * 2573 + k * 2102`.
		// Minimum execution time: 329_942_000 picoseconds.
		Weight::from_parts(335_019_000, 52007)
			.saturating_add(Weight::from_parts(11_293_501, 0).saturating_mul(k.into()))
			.saturating_add(Weight::from_parts(1_455_557, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(17_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(k.into())))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(8_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 2573).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(0, 2102).saturating_mul(k.into()))
	}
	/// Storage: `Poi::AgentTasks` (r:7 w:7)
	/// Proof: `Poi::AgentTasks` (`max_values`: None, `max_size`: Some(177), added: 2652, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Agents` (r:7 w:7)
	/// Proof: `Poi::Agents` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:8 w:8)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:4 w:4)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Poi::ActiveAgents` (r:1 w:1)
	/// Proof: `Poi::ActiveAgents` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Models` (r:1 w:0)
	/// Proof: `Poi::Models` (`max_values`: None, `max_size`: Some(763), added: 3238, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Scores` (r:4 w:4)
	/// Proof: `Poi::Scores` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Expiries` (r:17 w:1)
	/// Proof: `Poi::Expiries` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// The range of component `k` is `[2, 7]`.
	fn close_reveal(k: u32, ) -> Weight {
		// Proof size: measured `12198 + k * 1383`, estimated `52007 + k * 3042`.
		// Minimum execution time: 168_391_000 picoseconds.
		Weight::from_parts(89_981_906, 52007)
			.saturating_add(Weight::from_parts(51_959_403, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(18_u64))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(k.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 3042).saturating_mul(k.into()))
	}
	/// Storage: `Poi::Scores` (r:257 w:256)
	/// Proof: `Poi::Scores` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Poi::TotalScore` (r:0 w:1)
	/// Proof: `Poi::TotalScore` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// The range of component `a` is `[1, 256]`.
	fn update_scores(a: u32, ) -> Weight {
		// Proof size: measured `95 + a * 86`, estimated `3545 + a * 2555`.
		// Minimum execution time: 9_374_000 picoseconds.
		Weight::from_parts(10_215_000, 3545)
			.saturating_add(Weight::from_parts(5_077_920, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 2555).saturating_mul(a.into()))
	}
	fn unregister_model() -> Weight {
		Weight::from_parts(45_000_000, 3800)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn set_zk_prover() -> Weight {
		Weight::from_parts(15_000_000, 3600)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// The same measurements with ParityDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn register_model() -> Weight {
		Weight::from_parts(8_483_000, 1489)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn register_agent() -> Weight {
		Weight::from_parts(115_462_000, 9679)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn deregister_agent() -> Weight {
		Weight::from_parts(53_399_000, 9679)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn withdraw_stake() -> Weight {
		Weight::from_parts(49_434_000, 3642)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn submit_task(_k: u32, a: u32, ) -> Weight {
		Weight::from_parts(105_967_326, 49006)
			.saturating_add(Weight::from_parts(1_858_453, 0).saturating_mul(a.into()))
			.saturating_add(ParityDbWeight::get().reads(21_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
			.saturating_add(Weight::from_parts(0, 2652).saturating_mul(a.into()))
	}
	fn draw_task(k: u32, a: u32, ) -> Weight {
		Weight::from_parts(57_435_362, 52007)
			.saturating_add(Weight::from_parts(7_055_364, 0).saturating_mul(k.into()))
			.saturating_add(Weight::from_parts(1_832_983, 0).saturating_mul(a.into()))
			.saturating_add(ParityDbWeight::get().reads(21_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 2652).saturating_mul(a.into()))
	}
	fn commit_result(k: u32, ) -> Weight {
		Weight::from_parts(63_704_512, 55008)
			.saturating_add(Weight::from_parts(341_049, 0).saturating_mul(k.into()))
			.saturating_add(ParityDbWeight::get().reads(19_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn reveal_result(k: u32, ) -> Weight {
		Weight::from_parts(177_957_417, 52007)
			.saturating_add(Weight::from_parts(49_323_749, 0).saturating_mul(k.into()))
			.saturating_add(ParityDbWeight::get().reads(21_u64))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(k.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 2652).saturating_mul(k.into()))
	}
	fn close_commit(k: u32, a: u32, ) -> Weight {
		Weight::from_parts(335_019_000, 52007)
			.saturating_add(Weight::from_parts(11_293_501, 0).saturating_mul(k.into()))
			.saturating_add(Weight::from_parts(1_455_557, 0).saturating_mul(a.into()))
			.saturating_add(ParityDbWeight::get().reads(17_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(k.into())))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 2573).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(0, 2102).saturating_mul(k.into()))
	}
	fn close_reveal(k: u32, ) -> Weight {
		Weight::from_parts(89_981_906, 52007)
			.saturating_add(Weight::from_parts(51_959_403, 0).saturating_mul(k.into()))
			.saturating_add(ParityDbWeight::get().reads(18_u64))
			.saturating_add(ParityDbWeight::get().reads((5_u64).saturating_mul(k.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((5_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 3042).saturating_mul(k.into()))
	}
	fn update_scores(a: u32, ) -> Weight {
		Weight::from_parts(10_215_000, 3545)
			.saturating_add(Weight::from_parts(5_077_920, 0).saturating_mul(a.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 2555).saturating_mul(a.into()))
	}
	fn unregister_model() -> Weight {
		Weight::from_parts(45_000_000, 3800)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn set_zk_prover() -> Weight {
		Weight::from_parts(15_000_000, 3600)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}
