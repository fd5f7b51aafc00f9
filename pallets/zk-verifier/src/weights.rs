
//! Weights for `pallet_zk_verifier`, measured by `zkp-node benchmark pallet` (do not edit by hand:
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
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 64]`.
	fn register_vk(n: u32, ) -> Weight {
		// Proof size: measured `6`, estimated `10472`.
		// Minimum execution time: 2_349_890_000 picoseconds.
		Weight::from_parts(2_896_298_055, 10472)
			.saturating_add(Weight::from_parts(417_941_616, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `ZkVerifier::VerificationKeys` (r:1 w:1)
	/// Proof: `ZkVerifier::VerificationKeys` (`max_values`: None, `max_size`: Some(7007), added: 9482, mode: `MaxEncodedLen`)
	/// Storage: `ZkVerifier::KeyHolds` (r:1 w:0)
	/// Proof: `ZkVerifier::KeyHolds` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	fn unregister_vk() -> Weight {
		// Proof size: measured `7095`, estimated `10472`.
		// Minimum execution time: 89_953_000 picoseconds.
		Weight::from_parts(125_816_000, 10472)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `ZkVerifier::VerificationKeys` (r:1 w:0)
	/// Proof: `ZkVerifier::VerificationKeys` (`max_values`: None, `max_size`: Some(7007), added: 9482, mode: `MaxEncodedLen`)
	/// Storage: `ZkVerifier::AttestationLeaves` (r:1 w:1)
	/// Proof: `ZkVerifier::AttestationLeaves` (`max_values`: None, `max_size`: Some(32782), added: 35257, mode: `MaxEncodedLen`)
	/// Storage: `ZkVerifier::StatementLocations` (r:0 w:1)
	/// Proof: `ZkVerifier::StatementLocations` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 64]`.
	fn submit_proof(n: u32, ) -> Weight {
		// Proof size: measured `896 + n * 96`, estimated `36247`.
		// Minimum execution time: 3_459_042_000 picoseconds.
		Weight::from_parts(4_025_305_255, 36247)
			.saturating_add(Weight::from_parts(152_166_141, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `ZkVerifier::VerificationKeys` (r:1 w:0)
	/// Proof: `ZkVerifier::VerificationKeys` (`max_values`: None, `max_size`: Some(7007), added: 9482, mode: `MaxEncodedLen`)
	/// Storage: `ZkVerifier::AttestationLeaves` (r:1 w:1)
	/// Proof: `ZkVerifier::AttestationLeaves` (`max_values`: None, `max_size`: Some(32782), added: 35257, mode: `MaxEncodedLen`)
	/// Storage: `ZkVerifier::StatementLocations` (r:0 w:64)
	/// Proof: `ZkVerifier::StatementLocations` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// The range of component `b` is `[1, 64]`.
	/// The range of component `n` is `[0, 64]`.
	fn submit_batch(b: u32, n: u32, ) -> Weight {
		// Proof size: measured `896 + n * 96`, estimated `36247`.
		// Minimum execution time: 13_800_507_000 picoseconds.
		Weight::from_parts(3_760_639_966, 36247)
			.saturating_add(Weight::from_parts(846_909_635, 0).saturating_mul(b.into()))
			.saturating_add(Weight::from_parts(161_900_611, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(b.into())))
	}
	/// The range of component `n` is `[0, 64]`.
	fn verify_in_runtime(n: u32, ) -> Weight {
		// Proof size: measured `0`, estimated `0`.
		// Minimum execution time: 15_548_124_000 picoseconds.
		Weight::from_parts(21_192_320_233, 0)
			.saturating_add(Weight::from_parts(939_209_143, 0).saturating_mul(n.into()))
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
		// Minimum execution time: 7_221_000 picoseconds.
		Weight::from_parts(10_135_000, 36247)
			.saturating_add(Weight::from_parts(9_080_503, 0).saturating_mul(l.into()))
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
		// Minimum execution time: 4_156_000 picoseconds.
		Weight::from_parts(15_812_165, 36247)
			.saturating_add(Weight::from_parts(837_487, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// The same measurements with ParityDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn register_vk(n: u32, ) -> Weight {
		Weight::from_parts(2_896_298_055, 10472)
			.saturating_add(Weight::from_parts(417_941_616, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn unregister_vk() -> Weight {
		Weight::from_parts(125_816_000, 10472)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn submit_proof(n: u32, ) -> Weight {
		Weight::from_parts(4_025_305_255, 36247)
			.saturating_add(Weight::from_parts(152_166_141, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn submit_batch(b: u32, n: u32, ) -> Weight {
		Weight::from_parts(3_760_639_966, 36247)
			.saturating_add(Weight::from_parts(846_909_635, 0).saturating_mul(b.into()))
			.saturating_add(Weight::from_parts(161_900_611, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(b.into())))
	}
	fn verify_in_runtime(n: u32, ) -> Weight {
		Weight::from_parts(21_192_320_233, 0)
			.saturating_add(Weight::from_parts(939_209_143, 0).saturating_mul(n.into()))
	}
	fn on_initialize_prune(l: u32, ) -> Weight {
		Weight::from_parts(10_135_000, 36247)
			.saturating_add(Weight::from_parts(9_080_503, 0).saturating_mul(l.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(l.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 2515).saturating_mul(l.into()))
	}
	fn on_finalize_attest(l: u32, ) -> Weight {
		Weight::from_parts(15_812_165, 36247)
			.saturating_add(Weight::from_parts(837_487, 0).saturating_mul(l.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}
