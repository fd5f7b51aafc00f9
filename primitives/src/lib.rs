//! # ZKP primitives
//!
//! Types, traits and runtime interfaces shared by the node, the runtime and the pallets.
//! Pallets never depend on each other: they meet through the traits defined here and are wired
//! together in `runtime/src/configs/`.
//!
//! [`HostFunctions`] lists the host functions that this crate's runtime interfaces add on top
//! of Substrate's; the node registers exactly this list with its WASM executor, so every native
//! entry point the runtime may call is declared in one place.

#![cfg_attr(not(feature = "std"), no_std)]

/// The host functions of ZKP's own runtime interfaces (none yet beyond Substrate's; the ZK
/// verifier adds native verification here).
#[cfg(feature = "std")]
pub type HostFunctions = ();
