//! The messages between a provider's off-chain worker and its `zkp-agent`, SCALE-encoded in
//! HTTP bodies (`POST /posp/seal`, `POST /posp/prove`). Sealing takes seconds to hours, so the
//! worker only starts or polls a job (`SealRequest` is idempotent) and never waits for it.

use crate::{merkle::Hash, proof::LeafProof};
use alloc::vec::Vec;
use codec::{Decode, Encode};

/// The file a data sector must hold.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct DataRef {
	/// IPFS CID (text form, as the order stores it).
	pub cid: Vec<u8>,
	/// File size in bytes.
	pub size: u64,
	/// Merkle root of the file's 1 KiB chunks.
	pub data_root: Hash,
}

/// Start (or poll) sealing a sector.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct SealRequest {
	/// The provider's account id.
	pub provider: [u8; 32],
	/// Sector number within the provider.
	pub sector: u32,
	/// The sector seed (`sector_seed(provider, sector, data_root or zeros)`).
	pub seed: [u8; 32],
	/// SLOTH rounds per element.
	pub rounds: u32,
	/// Leaves (1 KiB data chunks) per sector.
	pub sector_leaves: u32,
	/// The file, or `None` for committed capacity.
	pub data: Option<DataRef>,
}

/// Where a sealing job stands.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub enum SealStatus {
	/// Fetching, pinning and sealing; `done` of `total` leaves sealed.
	Sealing { done: u32, total: u32 },
	/// Sealed: the root to confirm on chain.
	Sealed { sealed_root: Hash },
	/// Failed for good (e.g. the file on IPFS does not match the order's root).
	Failed { reason: Vec<u8> },
}

/// Build the answer to a challenge.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct ProveRequest {
	/// The provider's account id.
	pub provider: [u8; 32],
	/// The challenged sector.
	pub sector: u32,
	/// Its seed (identifies the sealed replica).
	pub seed: [u8; 32],
	/// The challenged leaf indices.
	pub leaves: Vec<u32>,
}

/// The agent's answer to a [`ProveRequest`].
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub enum ProveResponse {
	/// One proof per requested leaf, in order.
	Proofs(Vec<LeafProof>),
	/// The agent does not hold this sealed replica.
	Missing { reason: Vec<u8> },
}
