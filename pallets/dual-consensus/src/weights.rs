
//! Weights for `pallet_dual_consensus`, measured by `zkp-node benchmark pallet` (do not edit by hand:
//! regenerate with `bash scripts/benchmark-pallets.sh`).
//!
//! CLI 64.0.0, 2026-12-02; steps `10`, repeat `3`;
//! host `vm`, CPU `AMD EPYC`; WASM execution `Compiled`, chain `Some("dev")`.

// Executed command:
// /root/.cache/zkp/target/release/zkp-node
// benchmark
// pallet
// --chain
// dev
// --pallet
// pallet_dual_consensus
// --extrinsic
// *
// --steps
// 10
// --repeat
// 3
// --heap-pages
// 4096
// --template
// .maintain/pallet-weight-template.hbs
// --output
// pallets/dual-consensus/src/weights.rs

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
	/// Storage: `DualConsensus::Candidates` (r:1 w:1)
	/// Proof: `DualConsensus::Candidates` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `DualConsensus::CandidateList` (r:1 w:1)
	/// Proof: `DualConsensus::CandidateList` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	fn bond() -> Weight {
		// Proof size: measured `10081`, estimated `9679`.
		// Minimum execution time: 137_959_000 picoseconds.
		Weight::from_parts(164_608_000, 9679)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `DualConsensus::Candidates` (r:1 w:1)
	/// Proof: `DualConsensus::Candidates` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	fn bond_extra() -> Weight {
		// Proof size: measured `495`, estimated `3658`.
		// Minimum execution time: 88_005_000 picoseconds.
		Weight::from_parts(98_614_000, 3658)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `DualConsensus::Candidates` (r:1 w:1)
	/// Proof: `DualConsensus::Candidates` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `Session::NextKeys` (r:1 w:0)
	/// Proof: `Session::NextKeys` (`max_values`: None, `max_size`: None, mode: `Measured`)
	fn validate() -> Weight {
		// Proof size: measured `578`, estimated `4043`.
		// Minimum execution time: 33_713_000 picoseconds.
		Weight::from_parts(43_211_000, 4043)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `DualConsensus::Candidates` (r:1 w:1)
	/// Proof: `DualConsensus::Candidates` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	fn chill() -> Weight {
		// Proof size: measured `301`, estimated `3550`.
		// Minimum execution time: 25_337_000 picoseconds.
		Weight::from_parts(28_603_000, 3550)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `DualConsensus::Candidates` (r:1 w:1)
	/// Proof: `DualConsensus::Candidates` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `DualConsensus::CurrentSession` (r:1 w:0)
	/// Proof: `DualConsensus::CurrentSession` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn unbond() -> Weight {
		// Proof size: measured `301`, estimated `3550`.
		// Minimum execution time: 26_490_000 picoseconds.
		Weight::from_parts(31_148_000, 3550)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `DualConsensus::Candidates` (r:1 w:1)
	/// Proof: `DualConsensus::Candidates` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `DualConsensus::ActiveValidators` (r:1 w:0)
	/// Proof: `DualConsensus::ActiveValidators` (`max_values`: Some(1), `max_size`: Some(3202), added: 3697, mode: `MaxEncodedLen`)
	/// Storage: `DualConsensus::PlannedSets` (r:3 w:0)
	/// Proof: `DualConsensus::PlannedSets` (`max_values`: None, `max_size`: Some(3214), added: 5689, mode: `MaxEncodedLen`)
	/// Storage: `DualConsensus::CurrentSession` (r:1 w:0)
	/// Proof: `DualConsensus::CurrentSession` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `DualConsensus::CandidateList` (r:1 w:1)
	/// Proof: `DualConsensus::CandidateList` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	fn withdraw_unbonded() -> Weight {
		// Proof size: measured `13535`, estimated `18057`.
		// Minimum execution time: 188_574_000 picoseconds.
		Weight::from_parts(222_377_000, 18057)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `DualConsensus::DesiredValidators` (r:0 w:1)
	/// Proof: `DualConsensus::DesiredValidators` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn set_desired_validators() -> Weight {
		// Proof size: measured `0`, estimated `0`.
		// Minimum execution time: 10_220_000 picoseconds.
		Weight::from_parts(12_954_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `DualConsensus::AuthoredBlocks` (r:1 w:1)
	/// Proof: `DualConsensus::AuthoredBlocks` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `DualConsensus::SessionBlocks` (r:1 w:1)
	/// Proof: `DualConsensus::SessionBlocks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn note_author() -> Weight {
		// Proof size: measured `186`, estimated `3537`.
		// Minimum execution time: 11_211_000 picoseconds.
		Weight::from_parts(12_513_000, 3537)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `DualConsensus::SlashedFractions` (r:1 w:1)
	/// Proof: `DualConsensus::SlashedFractions` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `DualConsensus::Candidates` (r:1 w:1)
	/// Proof: `DualConsensus::Candidates` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `DualConsensus::CurrentSession` (r:1 w:0)
	/// Proof: `DualConsensus::CurrentSession` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Session::DisabledValidators` (r:1 w:0)
	/// Proof: `Session::DisabledValidators` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
	/// Storage: `Session::Validators` (r:1 w:0)
	/// Proof: `Session::Validators` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
	fn slash() -> Weight {
		// Proof size: measured `637`, estimated `3658`.
		// Minimum execution time: 86_813_000 picoseconds.
		Weight::from_parts(97_843_000, 3658)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Poi::TotalScore` (r:1 w:0)
	/// Proof: `Poi::TotalScore` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Posp::ProviderList` (r:1 w:0)
	/// Proof: `Posp::ProviderList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Providers` (r:256 w:0)
	/// Proof: `Posp::Providers` (`max_values`: None, `max_size`: Some(98), added: 2573, mode: `MaxEncodedLen`)
	/// Storage: `DualConsensus::CandidateList` (r:1 w:0)
	/// Proof: `DualConsensus::CandidateList` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `DualConsensus::Candidates` (r:256 w:0)
	/// Proof: `DualConsensus::Candidates` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `Session::NextKeys` (r:256 w:0)
	/// Proof: `Session::NextKeys` (`max_values`: None, `max_size`: None, mode: `Measured`)
	/// Storage: `Poi::Scores` (r:256 w:0)
	/// Proof: `Poi::Scores` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `DualConsensus::DesiredValidators` (r:1 w:0)
	/// Proof: `DualConsensus::DesiredValidators` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `DualConsensus::PlannedSets` (r:0 w:1)
	/// Proof: `DualConsensus::PlannedSets` (`max_values`: None, `max_size`: Some(3214), added: 5689, mode: `MaxEncodedLen`)
	/// The range of component `c` is `[2, 256]`.
	fn elect(c: u32, ) -> Weight {
		// Proof size: measured `2132 + c * 424`, estimated `9679 + c * 2907`.
		// Minimum execution time: 86_141_000 picoseconds.
		Weight::from_parts(88_716_000, 9679)
			.saturating_add(Weight::from_parts(26_540_008, 0).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(c.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 2907).saturating_mul(c.into()))
	}
	/// Storage: `DualConsensus::ActiveValidators` (r:1 w:0)
	/// Proof: `DualConsensus::ActiveValidators` (`max_values`: Some(1), `max_size`: Some(3202), added: 3697, mode: `MaxEncodedLen`)
	/// Storage: `DualConsensus::SessionBlocks` (r:1 w:1)
	/// Proof: `DualConsensus::SessionBlocks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `DualConsensus::Candidates` (r:100 w:100)
	/// Proof: `DualConsensus::Candidates` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `DualConsensus::AuthoredBlocks` (r:101 w:100)
	/// Proof: `DualConsensus::AuthoredBlocks` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Poi::TotalScore` (r:1 w:0)
	/// Proof: `Poi::TotalScore` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Posp::ProviderList` (r:1 w:0)
	/// Proof: `Posp::ProviderList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Providers` (r:100 w:0)
	/// Proof: `Posp::Providers` (`max_values`: None, `max_size`: Some(98), added: 2573, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Scores` (r:100 w:0)
	/// Proof: `Poi::Scores` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `DualConsensus::CurrentEra` (r:1 w:0)
	/// Proof: `DualConsensus::CurrentEra` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// The range of component `v` is `[1, 100]`.
	fn end_session(v: u32, ) -> Weight {
		// Proof size: measured `124 + v * 411`, estimated `4687 + v * 2573`.
		// Minimum execution time: 94_317_000 picoseconds.
		Weight::from_parts(55_708_035, 4687)
			.saturating_add(Weight::from_parts(56_700_868, 0).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(v.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(v.into())))
			.saturating_add(Weight::from_parts(0, 2573).saturating_mul(v.into()))
	}
	/// Storage: `DualConsensus::AuthoredBlocks` (r:601 w:600)
	/// Proof: `DualConsensus::AuthoredBlocks` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:920 w:920)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Poi::Scores` (r:257 w:0)
	/// Proof: `Poi::Scores` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Posp::ProviderList` (r:1 w:0)
	/// Proof: `Posp::ProviderList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Posp::Providers` (r:64 w:0)
	/// Proof: `Posp::Providers` (`max_values`: None, `max_size`: Some(98), added: 2573, mode: `MaxEncodedLen`)
	/// The range of component `v` is `[1, 600]`.
	/// The range of component `a` is `[0, 256]`.
	/// The range of component `p` is `[0, 64]`.
	fn pay_era(v: u32, a: u32, p: u32, ) -> Weight {
		// Proof size: measured `0 + a * 171 + p * 223 + v * 164`, estimated `3545 + a * 2603 + p * 2603 + v * 2603`.
		// Minimum execution time: 12_501_581_000 picoseconds.
		Weight::from_parts(12_501_581_000, 3545)
			.saturating_add(Weight::from_parts(42_455_855, 0).saturating_mul(v.into()))
			.saturating_add(Weight::from_parts(2_228_173, 0).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(18_178_603, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(v.into())))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(v.into())))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(p.into()))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(v.into()))
	}
}

/// The same measurements with ParityDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn bond() -> Weight {
		Weight::from_parts(164_608_000, 9679)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn bond_extra() -> Weight {
		Weight::from_parts(98_614_000, 3658)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn validate() -> Weight {
		Weight::from_parts(43_211_000, 4043)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn chill() -> Weight {
		Weight::from_parts(28_603_000, 3550)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn unbond() -> Weight {
		Weight::from_parts(31_148_000, 3550)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn withdraw_unbonded() -> Weight {
		Weight::from_parts(222_377_000, 18057)
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn set_desired_validators() -> Weight {
		Weight::from_parts(12_954_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn note_author() -> Weight {
		Weight::from_parts(12_513_000, 3537)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn slash() -> Weight {
		Weight::from_parts(97_843_000, 3658)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn elect(c: u32, ) -> Weight {
		Weight::from_parts(88_716_000, 9679)
			.saturating_add(Weight::from_parts(26_540_008, 0).saturating_mul(c.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(c.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 2907).saturating_mul(c.into()))
	}
	fn end_session(v: u32, ) -> Weight {
		Weight::from_parts(55_708_035, 4687)
			.saturating_add(Weight::from_parts(56_700_868, 0).saturating_mul(v.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(v.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(v.into())))
			.saturating_add(Weight::from_parts(0, 2573).saturating_mul(v.into()))
	}
	fn pay_era(v: u32, a: u32, p: u32, ) -> Weight {
		Weight::from_parts(12_501_581_000, 3545)
			.saturating_add(Weight::from_parts(42_455_855, 0).saturating_mul(v.into()))
			.saturating_add(Weight::from_parts(2_228_173, 0).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(18_178_603, 0).saturating_mul(p.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(v.into())))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(a.into())))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(p.into())))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(v.into())))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(p.into()))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(v.into()))
	}
}
