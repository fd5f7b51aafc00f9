
//! Weights for `pallet_poi`, measured by `zkp-node benchmark pallet` (do not edit by hand:
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
	fn unregister_model() -> Weight;
	fn set_zk_prover() -> Weight;
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
}

/// Measured weights, with the runtime's own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Poi::NextModelId` (r:1 w:1)
	/// Proof: `Poi::NextModelId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Models` (r:0 w:1)
	/// Proof: `Poi::Models` (`max_values`: None, `max_size`: Some(783), added: 3258, mode: `MaxEncodedLen`)
	fn register_model() -> Weight {
		// Proof size: measured `109`, estimated `3640`.
		// Minimum execution time: 57_455_000 picoseconds.
		Weight::from_parts(84_085_000, 3640)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Poi::Models` (r:1 w:1)
	/// Proof: `Poi::Models` (`max_values`: None, `max_size`: Some(783), added: 3258, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	fn unregister_model() -> Weight {
		// Proof size: measured `965`, estimated `4248`.
		// Minimum execution time: 51_796_000 picoseconds.
		Weight::from_parts(72_968_000, 4248)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Poi::Agents` (r:1 w:1)
	/// Proof: `Poi::Agents` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	fn set_zk_prover() -> Weight {
		// Proof size: measured `207`, estimated `3550`.
		// Minimum execution time: 13_500_000 picoseconds.
		Weight::from_parts(24_376_000, 3550)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Poi::Agents` (r:1 w:1)
	/// Proof: `Poi::Agents` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `Poi::AgentCount` (r:1 w:1)
	/// Proof: `Poi::AgentCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Poi::ActiveAgents` (r:1 w:1)
	/// Proof: `Poi::ActiveAgents` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Scores` (r:0 w:1)
	/// Proof: `Poi::Scores` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	fn register_agent() -> Weight {
		// Proof size: measured `10198`, estimated `9679`.
		// Minimum execution time: 132_807_000 picoseconds.
		Weight::from_parts(204_403_000, 9679)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Poi::Agents` (r:1 w:1)
	/// Proof: `Poi::Agents` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `Poi::ActiveAgents` (r:1 w:1)
	/// Proof: `Poi::ActiveAgents` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	fn deregister_agent() -> Weight {
		// Proof size: measured `9292`, estimated `9679`.
		// Minimum execution time: 65_848_000 picoseconds.
		Weight::from_parts(82_822_000, 9679)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Poi::Agents` (r:1 w:1)
	/// Proof: `Poi::Agents` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `Poi::AgentTasks` (r:1 w:1)
	/// Proof: `Poi::AgentTasks` (`max_values`: None, `max_size`: Some(177), added: 2652, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Scores` (r:1 w:1)
	/// Proof: `Poi::Scores` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Poi::TotalScore` (r:1 w:1)
	/// Proof: `Poi::TotalScore` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Poi::AgentCount` (r:1 w:1)
	/// Proof: `Poi::AgentCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn withdraw_stake() -> Weight {
		// Proof size: measured `461`, estimated `3642`.
		// Minimum execution time: 67_119_000 picoseconds.
		Weight::from_parts(92_086_000, 3642)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Poi::Models` (r:1 w:1)
	/// Proof: `Poi::Models` (`max_values`: None, `max_size`: Some(783), added: 3258, mode: `MaxEncodedLen`)
	/// Storage: `Poi::ActiveAgents` (r:1 w:0)
	/// Proof: `Poi::ActiveAgents` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `Poi::AgentTasks` (r:256 w:0)
	/// Proof: `Poi::AgentTasks` (`max_values`: None, `max_size`: Some(177), added: 2652, mode: `MaxEncodedLen`)
	/// Storage: `Poi::NextTaskId` (r:1 w:1)
	/// Proof: `Poi::NextTaskId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Deadlines` (r:15 w:1)
	/// Proof: `Poi::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Tasks` (r:0 w:1)
	/// Proof: `Poi::Tasks` (`max_values`: None, `max_size`: Some(10274), added: 12749, mode: `MaxEncodedLen`)
	/// The range of component `k` is `[2, 7]`.
	/// The range of component `a` is `[7, 256]`.
	fn submit_task(k: u32, a: u32, ) -> Weight {
		// Proof size: measured `2915 + a * 34`, estimated `46005 + a * 2652`.
		// Minimum execution time: 159_896_000 picoseconds.
		Weight::from_parts(132_661_052, 46005)
			.saturating_add(Weight::from_parts(7_757_556, 0).saturating_mul(k.into()))
			.saturating_add(Weight::from_parts(3_270_026, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(20_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(Weight::from_parts(0, 2652).saturating_mul(a.into()))
	}
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Poi::ActiveAgents` (r:1 w:0)
	/// Proof: `Poi::ActiveAgents` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `Poi::AgentTasks` (r:256 w:7)
	/// Proof: `Poi::AgentTasks` (`max_values`: None, `max_size`: Some(177), added: 2652, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Deadlines` (r:17 w:1)
	/// Proof: `Poi::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Poi::DrawNonce` (r:1 w:1)
	/// Proof: `Poi::DrawNonce` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// The range of component `k` is `[2, 7]`.
	/// The range of component `a` is `[7, 256]`.
	fn draw_task(k: u32, a: u32, ) -> Weight {
		// Proof size: measured `1685 + a * 32`, estimated `52007 + a * 2652`.
		// Minimum execution time: 185_174_000 picoseconds.
		Weight::from_parts(121_070_867, 52007)
			.saturating_add(Weight::from_parts(18_954_183, 0).saturating_mul(k.into()))
			.saturating_add(Weight::from_parts(2_728_623, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(21_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 2652).saturating_mul(a.into()))
	}
	/// Storage: `Poi::Tasks` (r:1 w:1)
	/// Proof: `Poi::Tasks` (`max_values`: None, `max_size`: Some(10274), added: 12749, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Deadlines` (r:18 w:2)
	/// Proof: `Poi::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// The range of component `k` is `[2, 7]`.
	fn commit_result(k: u32, ) -> Weight {
		// Proof size: measured `1758 + k * 65`, estimated `55008`.
		// Minimum execution time: 89_793_000 picoseconds.
		Weight::from_parts(122_003_517, 55008)
			.saturating_add(Weight::from_parts(1_063_819, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(19_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Poi::Tasks` (r:1 w:1)
	/// Proof: `Poi::Tasks` (`max_values`: None, `max_size`: Some(10274), added: 12749, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Models` (r:1 w:1)
	/// Proof: `Poi::Models` (`max_values`: None, `max_size`: Some(783), added: 3258, mode: `MaxEncodedLen`)
	/// Storage: `Poi::AgentTasks` (r:7 w:7)
	/// Proof: `Poi::AgentTasks` (`max_values`: None, `max_size`: Some(177), added: 2652, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Agents` (r:7 w:7)
	/// Proof: `Poi::Agents` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:8 w:8)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:4 w:4)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `Poi::ActiveAgents` (r:1 w:1)
	/// Proof: `Poi::ActiveAgents` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Scores` (r:4 w:4)
	/// Proof: `Poi::Scores` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Deadlines` (r:1 w:1)
	/// Proof: `Poi::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Expiries` (r:17 w:1)
	/// Proof: `Poi::Expiries` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// The range of component `k` is `[2, 7]`.
	fn reveal_result(k: u32, ) -> Weight {
		// Proof size: measured `12105 + k * 1839`, estimated `52007 + k * 2652`.
		// Minimum execution time: 311_391_000 picoseconds.
		Weight::from_parts(409_048_450, 52007)
			.saturating_add(Weight::from_parts(54_289_424, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(22_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(k.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 2652).saturating_mul(k.into()))
	}
	/// Storage: `Poi::ActiveAgents` (r:1 w:0)
	/// Proof: `Poi::ActiveAgents` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `Poi::AgentTasks` (r:249 w:6)
	/// Proof: `Poi::AgentTasks` (`max_values`: None, `max_size`: Some(177), added: 2652, mode: `MaxEncodedLen`)
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
		// Proof size: measured `1714 + a * 32 + k * 62`, estimated `52007 + a * 2652`.
		// Minimum execution time: 166_927_000 picoseconds.
		Weight::from_parts(173_106_000, 52007)
			.saturating_add(Weight::from_parts(5_361_834, 0).saturating_mul(k.into()))
			.saturating_add(Weight::from_parts(2_881_730, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(21_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 2652).saturating_mul(a.into()))
	}
	/// Storage: `Poi::AgentTasks` (r:7 w:7)
	/// Proof: `Poi::AgentTasks` (`max_values`: None, `max_size`: Some(177), added: 2652, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Agents` (r:7 w:7)
	/// Proof: `Poi::Agents` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:8 w:8)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:4 w:4)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `Poi::ActiveAgents` (r:1 w:1)
	/// Proof: `Poi::ActiveAgents` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Models` (r:1 w:1)
	/// Proof: `Poi::Models` (`max_values`: None, `max_size`: Some(783), added: 3258, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Scores` (r:4 w:4)
	/// Proof: `Poi::Scores` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Deadlines` (r:1 w:1)
	/// Proof: `Poi::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Expiries` (r:17 w:1)
	/// Proof: `Poi::Expiries` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// The range of component `k` is `[2, 7]`.
	fn close_reveal(k: u32, ) -> Weight {
		// Proof size: measured `12257 + k * 1382`, estimated `52007 + k * 3042`.
		// Minimum execution time: 297_290_000 picoseconds.
		Weight::from_parts(225_943_106, 52007)
			.saturating_add(Weight::from_parts(101_936_761, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(19_u64))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(k.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
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
		// Minimum execution time: 14_762_000 picoseconds.
		Weight::from_parts(19_579_000, 3545)
			.saturating_add(Weight::from_parts(10_214_467, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 2555).saturating_mul(a.into()))
	}
}

/// The same measurements with ParityDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn register_model() -> Weight {
		Weight::from_parts(84_085_000, 3640)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn unregister_model() -> Weight {
		Weight::from_parts(72_968_000, 4248)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn set_zk_prover() -> Weight {
		Weight::from_parts(24_376_000, 3550)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn register_agent() -> Weight {
		Weight::from_parts(204_403_000, 9679)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn deregister_agent() -> Weight {
		Weight::from_parts(82_822_000, 9679)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn withdraw_stake() -> Weight {
		Weight::from_parts(92_086_000, 3642)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn submit_task(k: u32, a: u32, ) -> Weight {
		Weight::from_parts(132_661_052, 46005)
			.saturating_add(Weight::from_parts(7_757_556, 0).saturating_mul(k.into()))
			.saturating_add(Weight::from_parts(3_270_026, 0).saturating_mul(a.into()))
			.saturating_add(ParityDbWeight::get().reads(20_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
			.saturating_add(Weight::from_parts(0, 2652).saturating_mul(a.into()))
	}
	fn draw_task(k: u32, a: u32, ) -> Weight {
		Weight::from_parts(121_070_867, 52007)
			.saturating_add(Weight::from_parts(18_954_183, 0).saturating_mul(k.into()))
			.saturating_add(Weight::from_parts(2_728_623, 0).saturating_mul(a.into()))
			.saturating_add(ParityDbWeight::get().reads(21_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 2652).saturating_mul(a.into()))
	}
	fn commit_result(k: u32, ) -> Weight {
		Weight::from_parts(122_003_517, 55008)
			.saturating_add(Weight::from_parts(1_063_819, 0).saturating_mul(k.into()))
			.saturating_add(ParityDbWeight::get().reads(19_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn reveal_result(k: u32, ) -> Weight {
		Weight::from_parts(409_048_450, 52007)
			.saturating_add(Weight::from_parts(54_289_424, 0).saturating_mul(k.into()))
			.saturating_add(ParityDbWeight::get().reads(22_u64))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(k.into())))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 2652).saturating_mul(k.into()))
	}
	fn close_commit(k: u32, a: u32, ) -> Weight {
		Weight::from_parts(173_106_000, 52007)
			.saturating_add(Weight::from_parts(5_361_834, 0).saturating_mul(k.into()))
			.saturating_add(Weight::from_parts(2_881_730, 0).saturating_mul(a.into()))
			.saturating_add(ParityDbWeight::get().reads(21_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 2652).saturating_mul(a.into()))
	}
	fn close_reveal(k: u32, ) -> Weight {
		Weight::from_parts(225_943_106, 52007)
			.saturating_add(Weight::from_parts(101_936_761, 0).saturating_mul(k.into()))
			.saturating_add(ParityDbWeight::get().reads(19_u64))
			.saturating_add(ParityDbWeight::get().reads((5_u64).saturating_mul(k.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((5_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 3042).saturating_mul(k.into()))
	}
	fn update_scores(a: u32, ) -> Weight {
		Weight::from_parts(19_579_000, 3545)
			.saturating_add(Weight::from_parts(10_214_467, 0).saturating_mul(a.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 2555).saturating_mul(a.into()))
	}
}
