//! # zkp-posp: the Proof-of-Space algorithms
//!
//! One implementation, used by the runtime (`pallet-posp` verifies answers with it), by the
//! off-chain worker (it decodes the agent's answers with it) and by `zkp-agent` (it seals
//! sectors and builds answers with it). Nothing here touches storage or the network.
//!
//! - [`seal`]: sealing of a sector to `(provider, sector, content)` over a depth-robust graph of
//!   leaves: each 31-byte element depends on the element before it and on the same element of the
//!   leaf's parents (the previous leaf and three bucket-sampled earlier leaves), through `rounds`
//!   rounds of the SLOTH square-root permutation over the BN254 base field. Sealing costs one
//!   254-bit exponentiation per element and round and is sequential along the sector; unsealing
//!   (what the chain does) costs one squaring per element and round.
//! - [`merkle`]: binary Merkle trees (blake2-256, the SDK's `binary-merkle-tree`) over the 1 KiB
//!   data chunks of a file and over the sealed leaves of a sector.
//! - [`proof`]: the answer to a challenge and its verification.
//! - [`sector`]: a sealed sector in memory, and honest answers from it.
//! - [`api`]: the SCALE messages the off-chain worker and the agent exchange over HTTP.
//!
//! Sizes: a data chunk (a Merkle leaf of a file) is [`LEAF_DATA_BYTES`] = 1024 bytes; it is
//! split into [`ELEMENTS_PER_LEAF`] = 34 field elements of 31 bytes; its sealed form is
//! [`SEALED_LEAF_BYTES`] = 34 × 32 = 1088 bytes (6.25 % expansion).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod api;
pub mod merkle;
pub mod proof;
pub mod seal;
pub mod sector;

pub use merkle::{data_leaf_count, data_root, sealed_leaf_hash, Hash};
pub use proof::{verify_leaf_proof, LeafProof, ProofError, SealedLeaf, SectorContent};
pub use seal::{drg_parents, sector_seed, SealError, Sealer, DRG_PARENTS, DRG_RANDOM_PARENTS};
pub use sector::SealedSector;

/// Bytes of user data in one Merkle leaf (a data chunk).
pub const LEAF_DATA_BYTES: usize = 1024;
/// Bytes of user data carried by one field element (below 2^248 < p).
pub const ELEMENT_DATA_BYTES: usize = 31;
/// Field elements per leaf: ⌈1024 / 31⌉.
pub const ELEMENTS_PER_LEAF: usize = LEAF_DATA_BYTES.div_ceil(ELEMENT_DATA_BYTES);
/// Bytes of one sealed field element (canonical little-endian).
pub const ELEMENT_BYTES: usize = 32;
/// Bytes of one sealed leaf.
pub const SEALED_LEAF_BYTES: usize = ELEMENTS_PER_LEAF * ELEMENT_BYTES;
/// Longest Merkle path accepted: trees of up to 2^32 leaves.
pub const MAX_PATH_LEN: u32 = 32;
