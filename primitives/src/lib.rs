//! # ZKP primitives
//!
//! Types, traits and runtime interfaces shared by the node, the runtime and the pallets.
//! Pallets never depend on each other: they meet through the traits defined here and are wired
//! together in `runtime/src/configs/`.
//!
//! - [`zk`]: the native Groth16 host functions, the [`zk::Groth16Backend`] a pallet verifies with
//!   (host call or pure WASM), and the [`zk::ProofVerifier`] trait other pallets use to check
//!   proofs against keys registered in the ZK verifier.
//! - [`posp`]: [`posp::StorageContribution`], the proven-storage score of each provider that
//!   `pallet-posp` exports for the consensus layer.
//! - [`consensus`]: what the dual-consensus pallet reports about validator candidates, and its
//!   runtime API ([`consensus::DualConsensusApi`]).
//! - [`offchain`]: what the off-chain workers share to reach the local `zkp-agent`.
//! - [`poi`]: [`poi::ComputeContribution`] (the verified-work score `pallet-poi` exports), the
//!   model and result types, the result-sketch rule and the agent's job API messages.
//!
//! [`HostFunctions`] lists the host functions that this crate's runtime interfaces add on top
//! of Substrate's; the node registers exactly this list with its WASM executor, so every native
//! entry point the runtime may call is declared in one place.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod consensus;
pub mod offchain;
pub mod poi;
pub mod posp;
pub mod zk;

/// An account as 32 bytes: its SCALE encoding when that is 32 bytes long (sr25519 / ed25519
/// account ids), else the `blake2_256` of it. What seeds and off-chain storage keys use.
pub fn account_bytes<AccountId: codec::Encode>(account: &AccountId) -> [u8; 32] {
	let encoded = account.encode();
	match <[u8; 32]>::try_from(encoded.as_slice()) {
		Ok(bytes) => bytes,
		Err(_) => sp_io::hashing::blake2_256(&encoded),
	}
}

/// The host functions of ZKP's own runtime interfaces.
#[cfg(feature = "std")]
pub type HostFunctions = (zk::zk_verify::HostFunctions,);

/// Sums `amounts` per owner: what each pallet's `try_state` compares with the balance it holds
/// on that owner for a reason (escrow, collateral, deposits).
pub fn totals_by_owner<A: Ord, B: sp_runtime::Saturating + Default + Copy>(
	amounts: impl IntoIterator<Item = (A, B)>,
) -> alloc::collections::btree_map::BTreeMap<A, B> {
	let mut totals = alloc::collections::btree_map::BTreeMap::new();
	for (owner, amount) in amounts {
		let total: &mut B = totals.entry(owner).or_default();
		*total = total.saturating_add(amount);
	}
	totals
}
