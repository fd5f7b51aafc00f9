//! Types stored and passed by the Proof-of-Space pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::fungible::Inspect, BoundedVec};
use scale_info::TypeInfo;
use sp_core::{Get, H256};

/// The balance type of the pallet's currency.
pub type BalanceOf<T> =
	<<T as crate::Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A sector's number within its provider (0-based).
pub type SectorIndex = u32;
/// A storage order's id.
pub type OrderId = u64;

/// A registered storage provider.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen, Default)]
pub struct ProviderInfo<Balance> {
	/// Collateral still held.
	pub collateral: Balance,
	/// Sectors committed (sealing or sealed).
	pub sectors: u32,
	/// Sectors sealed and confirmed (committed capacity or data): what challenges sample.
	pub active_sectors: u32,
	/// Active sectors that answered a challenge since they were sealed: only these earn
	/// (rewards, order payments and the contribution score).
	pub proven_sectors: u32,
	/// Sealed committed-capacity sectors: the free capacity orders are assigned to.
	pub free_sectors: u32,
	/// Consecutive faults (missed or invalid answers, missed sealing deadlines).
	pub strikes: u8,
	/// Whether a fault happened in the current period (no reward for it then).
	pub faulted_in_period: bool,
	/// Moving average of proven sealed bytes per period: the contribution score.
	pub score: u128,
}

/// What a sector holds.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum SectorContent {
	/// Committed capacity: sealed zeros, free for an order.
	#[codec(index = 0)]
	Empty,
	/// One replica of a storage order.
	#[codec(index = 1)]
	Data { order: OrderId },
}

/// Where a sector is in its life.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum SectorState<BlockNumber> {
	/// Waiting for the provider to seal it and confirm its sealed root before `deadline`.
	#[codec(index = 0)]
	Sealing { deadline: BlockNumber },
	/// Sealed and confirmed; challenged against `sealed_root`.
	#[codec(index = 1)]
	Active { sealed_root: H256 },
}

/// A committed sector.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct SectorInfo<BlockNumber> {
	/// What it holds.
	pub content: SectorContent,
	/// Sealing or active.
	pub state: SectorState<BlockNumber>,
	/// The sealing seed: `zkp_posp::sector_seed(provider, index, data root or zeros)`.
	pub seed: [u8; 32],
	/// Whether the sector answered a challenge since it was sealed: a confirmed root alone
	/// proves nothing (any 32 bytes can be confirmed), so only a proven sector earns.
	pub proven: bool,
}

/// Where one replica of an order stands.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum ReplicaState {
	/// Assigned; the provider is fetching, pinning and sealing it.
	#[codec(index = 0)]
	Sealing,
	/// Sealed and confirmed; proven on challenges and paid per period.
	#[codec(index = 1)]
	Active,
}

/// One replica of an order: who keeps it, in which sector.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct Replica<AccountId> {
	/// The provider.
	pub provider: AccountId,
	/// Its sector.
	pub sector: SectorIndex,
	/// Sealing or active.
	pub state: ReplicaState,
}

/// An order's status, visible in storage and events: a user's data is never dropped silently.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum OrderStatus {
	/// Placed; not every replica is sealed yet.
	#[codec(index = 0)]
	Pending,
	/// Every replica sealed.
	#[codec(index = 1)]
	Active,
	/// A replica was lost and no provider took it yet; it waits for one.
	#[codec(index = 2)]
	Faulty,
	/// A lost replica was reassigned and is being sealed again.
	#[codec(index = 3)]
	Repairing,
	/// Its duration ended; replicas released, unspent escrow refunded.
	#[codec(index = 4)]
	Expired,
}

/// A storage order.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(MaxCidLen, MaxReplicas, MaxRejections))]
pub struct StorageOrder<
	AccountId,
	Balance,
	BlockNumber,
	MaxCidLen: Get<u32>,
	MaxReplicas: Get<u32>,
	MaxRejections: Get<u32>,
> {
	/// Who placed and pays for it.
	pub owner: AccountId,
	/// The file's IPFS CID (text form).
	pub cid: BoundedVec<u8, MaxCidLen>,
	/// File size in bytes.
	pub size: u64,
	/// Merkle root of the file's 1 KiB chunks (`zkp_posp::data_root`).
	pub data_root: H256,
	/// Replicas wanted.
	pub replicas: u8,
	/// Replicas assigned (sealing or active).
	pub holders: BoundedVec<Replica<AccountId>, MaxReplicas>,
	/// Paid to each active replica's provider per proven period.
	pub price_per_period: Balance,
	/// Escrow left.
	pub escrow: Balance,
	/// Status.
	pub status: OrderStatus,
	/// The block from which the order is expired at the next period boundary.
	pub expires_at: BlockNumber,
	/// The distinct providers that could not fetch or check the file so far.
	pub rejected_by: BoundedVec<AccountId, MaxRejections>,
}

/// An outstanding challenge to a provider.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(MaxLeaves))]
pub struct Challenge<BlockNumber, MaxLeaves: Get<u32>> {
	/// The challenged sector.
	pub sector: SectorIndex,
	/// The challenged leaf indices.
	pub leaves: BoundedVec<u32, MaxLeaves>,
	/// The last block in which an answer is accepted.
	pub deadline: BlockNumber,
}

/// Why a provider was faulted.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum FaultReason {
	/// No valid answer to a challenge before its deadline.
	#[codec(index = 0)]
	MissedChallenge,
	/// A sector was not sealed and confirmed before its deadline.
	#[codec(index = 1)]
	MissedSealing,
}

/// A provider that left: its collateral stays held until `until`, so that it cannot leave
/// faster than a fault can catch it, and register again with fresh strikes.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct Departure<Balance, BlockNumber> {
	/// Collateral still held.
	pub collateral: Balance,
	/// The first block in which `withdraw_collateral` releases it.
	pub until: BlockNumber,
}
