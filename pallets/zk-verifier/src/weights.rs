
//! Weights for `pallet_zk_verifier`, measured by `zkp-node benchmark pallet` (do not edit by hand:
//! regenerate with `bash scripts/benchmark-pallets.sh`).
//!
//! CLI 64.0.0, 2026-12-03; steps `10`, repeat `5`;
//! host `vm`, CPU `AMD EPYC`; WASM execution `Compiled`, chain `Some("dev")`.

// Executed command:
// /root/.cache/zkp/target/release/zkp-node
// benchmark
// pallet
// --chain
// dev
// --pallet
// pallet_zk_verifier
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
// pallets/zk-verifier/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weight of each call and hook of `pallet_zk_verifier`.
pub trait WeightInfo {
	fn register_vk(n: u32, ) -> Weight;
	fn unregister_vk() -> Weight;
	fn submit_proof(n: u32, ) -> Weight;
	fn submit_batch(b: u32, n: u32, ) -> Weight;
	fn register_program() -> Weight;
	fn unregister_program() -> Weight;
	fn submit_stark_proof(l: u32, ) -> Weight;
	fn verify_in_runtime(n: u32, ) -> Weight;
	fn on_initialize_prune(l: u32, ) -> Weight;
	fn on_finalize_attest(l: u32, ) -> Weight;
}

/// Measured weights, with the runtime's own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `ZkVerifier::VerificationKeys` (r:1 w:1)
	/// Proof: `ZkVerifier::VerificationKeys` (`max_values`: None, `max_size`: Some(7007), added: 9482, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(211), added: 2686, mode: `MaxEncodedLen`)
	/// Storage: `ZkVerifier::PreparedKeys` (r:0 w:1)
	/// Proof: `ZkVerifier::PreparedKeys` (`max_values`: None, `max_size`: Some(49188), added: 51663, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 64]`.
	fn register_vk(n: u32, ) -> Weight {
		// Proof size: measured `61`, estimated `10472`.
		// Minimum execution time: 10_639_090_000 picoseconds.
		Weight::from_parts(13_953_300_475, 10472)
			.saturating_add(Weight::from_parts(473_675_187, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `ZkVerifier::VerificationKeys` (r:1 w:1)
	/// Proof: `ZkVerifier::VerificationKeys` (`max_values`: None, `max_size`: Some(7007), added: 9482, mode: `MaxEncodedLen`)
	/// Storage: `ZkVerifier::KeyHolds` (r:1 w:0)
	/// Proof: `ZkVerifier::KeyHolds` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(211), added: 2686, mode: `MaxEncodedLen`)
	/// Storage: `ZkVerifier::PreparedKeys` (r:0 w:1)
	/// Proof: `ZkVerifier::PreparedKeys` (`max_values`: None, `max_size`: Some(49188), added: 51663, mode: `MaxEncodedLen`)
	fn unregister_vk() -> Weight {
		// Proof size: measured `7167`, estimated `10472`.
		// Minimum execution time: 93_418_000 picoseconds.
		Weight::from_parts(131_054_000, 10472)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `ZkVerifier::VerificationKeys` (r:1 w:0)
	/// Proof: `ZkVerifier::VerificationKeys` (`max_values`: None, `max_size`: Some(7007), added: 9482, mode: `MaxEncodedLen`)
	/// Storage: `ZkVerifier::PreparedKeys` (r:1 w:0)
	/// Proof: `ZkVerifier::PreparedKeys` (`max_values`: None, `max_size`: Some(49188), added: 51663, mode: `MaxEncodedLen`)
	/// Storage: `ZkVerifier::AttestationLeaves` (r:1 w:1)
	/// Proof: `ZkVerifier::AttestationLeaves` (`max_values`: None, `max_size`: Some(32782), added: 35257, mode: `MaxEncodedLen`)
	/// Storage: `ZkVerifier::StatementLocations` (r:0 w:1)
	/// Proof: `ZkVerifier::StatementLocations` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 64]`.
	fn submit_proof(n: u32, ) -> Weight {
		// Proof size: measured `41504 + n * 192`, estimated `52653`.
		// Minimum execution time: 2_064_993_000 picoseconds.
		Weight::from_parts(2_821_518_473, 52653)
			.saturating_add(Weight::from_parts(60_804_054, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `ZkVerifier::VerificationKeys` (r:1 w:0)
	/// Proof: `ZkVerifier::VerificationKeys` (`max_values`: None, `max_size`: Some(7007), added: 9482, mode: `MaxEncodedLen`)
	/// Storage: `ZkVerifier::AttestationLeaves` (r:1 w:1)
	/// Proof: `ZkVerifier::AttestationLeaves` (`max_values`: None, `max_size`: Some(32782), added: 35257, mode: `MaxEncodedLen`)
	/// Storage: `ZkVerifier::PreparedKeys` (r:1 w:0)
	/// Proof: `ZkVerifier::PreparedKeys` (`max_values`: None, `max_size`: Some(49188), added: 51663, mode: `MaxEncodedLen`)
	/// Storage: `ZkVerifier::StatementLocations` (r:0 w:64)
	/// Proof: `ZkVerifier::StatementLocations` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// The range of component `b` is `[1, 64]`.
	/// The range of component `n` is `[0, 64]`.
	fn submit_batch(b: u32, n: u32, ) -> Weight {
		// Proof size: measured `41504 + n * 192`, estimated `52653`.
		// Minimum execution time: 7_504_610_000 picoseconds.
		Weight::from_parts(4_020_231_636, 52653)
			.saturating_add(Weight::from_parts(863_838_352, 0).saturating_mul(b.into()))
			.saturating_add(Weight::from_parts(65_601_953, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(b.into())))
	}
	/// Storage: `ZkVerifier::StarkPrograms` (r:1 w:1)
	/// Proof: `ZkVerifier::StarkPrograms` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(211), added: 2686, mode: `MaxEncodedLen`)
	fn register_program() -> Weight {
		// Proof size: measured `61`, estimated `3676`.
		// Minimum execution time: 57_505_000 picoseconds.
		Weight::from_parts(77_555_000, 3676)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `ZkVerifier::StarkPrograms` (r:1 w:1)
	/// Proof: `ZkVerifier::StarkPrograms` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(211), added: 2686, mode: `MaxEncodedLen`)
	fn unregister_program() -> Weight {
		// Proof size: measured `222`, estimated `3676`.
		// Minimum execution time: 51_166_000 picoseconds.
		Weight::from_parts(57_515_000, 3676)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `ZkVerifier::AttestationLeaves` (r:1 w:1)
	/// Proof: `ZkVerifier::AttestationLeaves` (`max_values`: None, `max_size`: Some(32782), added: 35257, mode: `MaxEncodedLen`)
	/// Storage: `ZkVerifier::StatementLocations` (r:0 w:1)
	/// Proof: `ZkVerifier::StatementLocations` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// The range of component `l` is `[0, 134226]`.
	fn submit_stark_proof(l: u32, ) -> Weight {
		// Proof size: measured `43`, estimated `36247`.
		// Minimum execution time: 798_184_000 picoseconds.
		Weight::from_parts(744_755_064, 36247)
			.saturating_add(Weight::from_parts(18_335, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// The range of component `n` is `[0, 64]`.
	fn verify_in_runtime(n: u32, ) -> Weight {
		// Proof size: measured `0`, estimated `0`.
		// Minimum execution time: 15_394_442_000 picoseconds.
		Weight::from_parts(22_312_071_376, 0)
			.saturating_add(Weight::from_parts(910_323_846, 0).saturating_mul(n.into()))
	}
	/// Storage: `ZkVerifier::AttestationLeaves` (r:1 w:1)
	/// Proof: `ZkVerifier::AttestationLeaves` (`max_values`: None, `max_size`: Some(32782), added: 35257, mode: `MaxEncodedLen`)
	/// Storage: `ZkVerifier::StatementLocations` (r:1024 w:1024)
	/// Proof: `ZkVerifier::StatementLocations` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// Storage: `ZkVerifier::AttestationRoots` (r:0 w:1)
	/// Proof: `ZkVerifier::AttestationRoots` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// The range of component `l` is `[0, 1024]`.
	fn on_initialize_prune(l: u32, ) -> Weight {
		// Proof size: measured `246 + l * 75`, estimated `36247 + l * 2515`.
		// Minimum execution time: 6_350_000 picoseconds.
		Weight::from_parts(8_082_000, 36247)
			.saturating_add(Weight::from_parts(6_988_784, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(l.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 2515).saturating_mul(l.into()))
	}
	/// Storage: `ZkVerifier::AttestationLeaves` (r:1 w:0)
	/// Proof: `ZkVerifier::AttestationLeaves` (`max_values`: None, `max_size`: Some(32782), added: 35257, mode: `MaxEncodedLen`)
	/// Storage: `ZkVerifier::AttestationRoots` (r:0 w:1)
	/// Proof: `ZkVerifier::AttestationRoots` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// The range of component `l` is `[0, 1024]`.
	fn on_finalize_attest(l: u32, ) -> Weight {
		// Proof size: measured `45 + l * 32`, estimated `36247`.
		// Minimum execution time: 3_995_000 picoseconds.
		Weight::from_parts(16_040_682, 36247)
			.saturating_add(Weight::from_parts(790_665, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// The same measurements with ParityDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn register_vk(n: u32, ) -> Weight {
		Weight::from_parts(13_953_300_475, 10472)
			.saturating_add(Weight::from_parts(473_675_187, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn unregister_vk() -> Weight {
		Weight::from_parts(131_054_000, 10472)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn submit_proof(n: u32, ) -> Weight {
		Weight::from_parts(2_821_518_473, 52653)
			.saturating_add(Weight::from_parts(60_804_054, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn submit_batch(b: u32, n: u32, ) -> Weight {
		Weight::from_parts(4_020_231_636, 52653)
			.saturating_add(Weight::from_parts(863_838_352, 0).saturating_mul(b.into()))
			.saturating_add(Weight::from_parts(65_601_953, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(b.into())))
	}
	fn register_program() -> Weight {
		Weight::from_parts(77_555_000, 3676)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn unregister_program() -> Weight {
		Weight::from_parts(57_515_000, 3676)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn submit_stark_proof(l: u32, ) -> Weight {
		Weight::from_parts(744_755_064, 36247)
			.saturating_add(Weight::from_parts(18_335, 0).saturating_mul(l.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn verify_in_runtime(n: u32, ) -> Weight {
		Weight::from_parts(22_312_071_376, 0)
			.saturating_add(Weight::from_parts(910_323_846, 0).saturating_mul(n.into()))
	}
	fn on_initialize_prune(l: u32, ) -> Weight {
		Weight::from_parts(8_082_000, 36247)
			.saturating_add(Weight::from_parts(6_988_784, 0).saturating_mul(l.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(l.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 2515).saturating_mul(l.into()))
	}
	fn on_finalize_attest(l: u32, ) -> Weight {
		Weight::from_parts(16_040_682, 36247)
			.saturating_add(Weight::from_parts(790_665, 0).saturating_mul(l.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}
