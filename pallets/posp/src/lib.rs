//! # Proof-of-Space pallet
//!
//! Storage providers prove, on random challenges, that they keep the space and the bytes they
//! committed. This is one half of ZKP's dual consensus: each provider's proven storage becomes
//! a contribution score ([`zkp_primitives::posp::StorageContribution`]).
//!
//! - **Providers** register with collateral (a balance hold of [`Config::CollateralPerSector`] per
//!   sector) and commit capacity as fixed-size **sectors** of [`Config::SectorLeaves`] KiB. Every
//!   sector is **sealed** to the provider's identity ([`zkp_posp::seal`]), empty (committed
//!   capacity) or holding one replica of an order, and confirmed on chain with its sealed Merkle
//!   root ([`Pallet::confirm_sector`]).
//! - **Storage orders** ([`Pallet::place_order`]) name a file already on IPFS by CID, size and the
//!   Merkle root of its 1 KiB chunks, with a number of replicas, a duration in periods and a price
//!   per replica and period, escrowed up front (held on the owner's account). Replicas go to
//!   providers drawn by chain randomness, weighted by free sealed capacity; each provider's agent
//!   fetches, pins and seals its replica into a free sector and confirms it.
//! - **Challenges**: every [`Config::ChallengePeriod`] blocks, BABE randomness picks providers, one
//!   active sector each and [`Config::LeavesPerChallenge`] leaves; the answer
//!   ([`Pallet::submit_proof`], free when valid) opens the sealed leaves, which the chain unseals
//!   (cheap) and checks against the order's data root, or zeros.
//! - **Faults**: no valid answer by the deadline, or a sector not sealed in time, is a strike;
//!   strikes cost 5 %, 10 %, then 15 % of the remaining collateral, three in a row force the
//!   provider out, and every replica it held is reassigned and re-sealed elsewhere (the order shows
//!   `Repairing`, or `Faulty` while no provider can take it). Leaving (or being forced out) keeps
//!   the collateral held for [`Config::CollateralUnbonding`] blocks and the strikes on record.
//! - **Payments and score** at the end of each period: every proven replica is paid its order's
//!   price from escrow, and each provider's score (a moving average) rises by its *proven* sealed
//!   bytes — sectors that answered a challenge since they were sealed; a confirmed root alone earns
//!   nothing. The chain's emission for storage is paid each era by the consensus layer in
//!   proportion to these scores (`pallet-dual-consensus`); this pallet mints nothing.
//!
//! Answers are produced by the provider's **off-chain worker** ([`offchain`]): it asks the
//! local `zkp-agent` over loopback HTTP to seal sectors and to open challenged leaves, and
//! submits signed transactions with the provider's `posp` key from the node's keystore.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
mod impl_challenges;
mod impl_faults;
mod impl_orders;
mod impl_providers;
mod impl_rewards;
#[cfg(test)]
mod mock;
pub mod offchain;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// The key type of providers' signing keys in the node keystore.
pub const KEY_TYPE: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"posp");

/// The `posp` application crypto (sr25519), used by the off-chain worker to sign.
pub mod crypto {
	use super::KEY_TYPE;
	use sp_runtime::{
		app_crypto::{app_crypto, sr25519},
		MultiSignature, MultiSigner,
	};
	app_crypto!(sr25519, KEY_TYPE);

	/// Signs the provider's transactions from the off-chain worker.
	pub struct ProviderAuthId;

	impl frame_system::offchain::AppCrypto<MultiSigner, MultiSignature> for ProviderAuthId {
		type RuntimeAppPublic = Public;
		type GenericSignature = sp_core::sr25519::Signature;
		type GenericPublic = sp_core::sr25519::Public;
	}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate, MutateHold},
			Randomness,
		},
	};
	use frame_system::{
		offchain::{AppCrypto, CreateSignedTransaction},
		pallet_prelude::*,
	};
	use sp_core::H256;
	use zkp_posp::proof::LeafProof;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why the pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A provider's collateral.
		Collateral,
		/// A storage order's unspent payment, held on its owner until paid out or refunded.
		OrderEscrow,
	}

	#[pallet::config]
	pub trait Config: CreateSignedTransaction<Call<Self>> + frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// Holds collateral and order escrow, pays providers from escrow.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ Mutate<Self::AccountId>
			+ Inspect<Self::AccountId>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Fresh randomness for challenges and assignments (BABE's VRF output of the parent
		/// block in the runtime).
		type Randomness: Randomness<Self::Hash, BlockNumberFor<Self>>;

		/// The key the off-chain worker signs with.
		type AuthorityId: AppCrypto<Self::Public, Self::Signature>;

		/// Leaves (1 KiB data chunks) per sector: the sector size in KiB.
		#[pallet::constant]
		type SectorLeaves: Get<u32>;

		/// SLOTH rounds per sealed element: sealing work per byte.
		#[pallet::constant]
		type SealRounds: Get<u32>;

		/// Blocks per challenge (and reward) period.
		#[pallet::constant]
		type ChallengePeriod: Get<BlockNumberFor<Self>>;

		/// Blocks a provider has to answer a challenge.
		#[pallet::constant]
		type ChallengeDeadline: Get<BlockNumberFor<Self>>;

		/// Blocks a provider has to seal and confirm a sector.
		#[pallet::constant]
		type SealDeadline: Get<BlockNumberFor<Self>>;

		/// Leaves opened per challenge.
		#[pallet::constant]
		type LeavesPerChallenge: Get<u32>;

		/// Providers challenged per period, at most.
		#[pallet::constant]
		type MaxChallengesPerPeriod: Get<u32>;

		/// Registered providers, at most.
		#[pallet::constant]
		type MaxProviders: Get<u32>;

		/// Sectors per provider, at most.
		#[pallet::constant]
		type MaxSectorsPerProvider: Get<u32>;

		/// Replicas per order, at most.
		#[pallet::constant]
		type MaxReplicas: Get<u32>;

		/// Longest CID accepted.
		#[pallet::constant]
		type MaxCidLen: Get<u32>;

		/// Longest order, in periods.
		#[pallet::constant]
		type MaxOrderPeriods: Get<u32>;

		/// Rejections (file not fetchable or not matching) after which an order ends, refunded.
		#[pallet::constant]
		type MaxRejections: Get<u32>;

		/// The lowest price per replica and period (keeps free capacity from being squatted).
		#[pallet::constant]
		type MinPricePerPeriod: Get<BalanceOf<Self>>;

		/// Orders waiting for a provider (a lost replica to repair, or a new order's replicas
		/// while every free sector is being challenged), at most.
		#[pallet::constant]
		type MaxOrdersAwaitingRepair: Get<u32>;

		/// Blocks a provider's collateral stays held after it deregisters (or is forced out).
		#[pallet::constant]
		type CollateralUnbonding: Get<BlockNumberFor<Self>>;

		/// Collateral held per committed sector.
		#[pallet::constant]
		type CollateralPerSector: Get<BalanceOf<Self>>;

		/// Weights from this pallet's benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// A storage order as stored.
	pub type OrderOf<T> = StorageOrder<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		<T as Config>::MaxCidLen,
		<T as Config>::MaxReplicas,
		<T as Config>::MaxRejections,
	>;

	/// Registered providers.
	#[pallet::storage]
	pub type Providers<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ProviderInfo<BalanceOf<T>>, OptionQuery>;

	/// Registered providers in registration order: what challenges and assignments draw from.
	#[pallet::storage]
	pub type ProviderList<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxProviders>, ValueQuery>;

	/// Every provider's sectors.
	#[pallet::storage]
	pub type Sectors<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		SectorIndex,
		SectorInfo<BlockNumberFor<T>>,
		OptionQuery,
	>;

	/// Storage orders; an expired order stays readable until the next period closes.
	#[pallet::storage]
	pub type Orders<T: Config> = StorageMap<_, Twox64Concat, OrderId, OrderOf<T>, OptionQuery>;

	/// Orders that expired in the current period: removed when it closes.
	#[pallet::storage]
	pub type ExpiredOrders<T: Config> =
		StorageValue<_, BoundedVec<OrderId, ConstU32<{ functions::MAX_EXPIRED_KEPT }>>, ValueQuery>;

	/// Providers that left, with the collateral they can withdraw after a delay.
	#[pallet::storage]
	pub type Departures<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Departure<BalanceOf<T>, BlockNumberFor<T>>,
		OptionQuery,
	>;

	/// Strikes of providers that left: a provider that registers again starts with them.
	#[pallet::storage]
	pub type PastStrikes<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u8, ValueQuery>;

	/// The next order id.
	#[pallet::storage]
	pub type NextOrderId<T: Config> = StorageValue<_, OrderId, ValueQuery>;

	/// Orders with fewer replicas than wanted, and the block each was queued in: new orders,
	/// rejected replicas and lost replicas no provider could take. Assigned in `on_initialize`
	/// of a later block, with randomness that did not exist when they were queued.
	#[pallet::storage]
	pub type OrdersAwaitingRepair<T: Config> = StorageValue<
		_,
		BoundedVec<(OrderId, BlockNumberFor<T>), T::MaxOrdersAwaitingRepair>,
		ValueQuery,
	>;

	/// Outstanding challenges, one per provider at most.
	#[pallet::storage]
	pub type Challenges<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Challenge<BlockNumberFor<T>, T::LeavesPerChallenge>,
		OptionQuery,
	>;

	/// The deadline of the challenges issued at the start of the current period.
	#[pallet::storage]
	pub type ChallengeDeadlineAt<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	/// Draws made in this block (mixed into the randomness so draws differ).
	#[pallet::storage]
	pub type DrawNonce<T: Config> = StorageValue<_, u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A provider registered `sectors` sectors, holding `collateral`.
		ProviderRegistered { provider: T::AccountId, sectors: u32, collateral: BalanceOf<T> },
		/// A provider left; its collateral can be withdrawn from block `until`.
		ProviderDeregistered {
			provider: T::AccountId,
			collateral: BalanceOf<T>,
			until: BlockNumberFor<T>,
		},
		/// A provider that left took its collateral back.
		CollateralWithdrawn { provider: T::AccountId, collateral: BalanceOf<T> },
		/// Every provider able to store an order's missing replica refused it, while others
		/// keep sealed replicas: the order goes on with `replicas` replicas.
		ReplicasReduced { order: OrderId, replicas: u8 },
		/// A sector is to be sealed by `deadline`.
		SectorSealingRequired {
			provider: T::AccountId,
			sector: SectorIndex,
			content: SectorContent,
			deadline: BlockNumberFor<T>,
		},
		/// A sector's sealed root was confirmed.
		SectorSealed {
			provider: T::AccountId,
			sector: SectorIndex,
			content: SectorContent,
			sealed_root: H256,
		},
		/// An order was placed.
		OrderPlaced {
			order: OrderId,
			owner: T::AccountId,
			size: u64,
			replicas: u8,
			escrow: BalanceOf<T>,
		},
		/// A provider could not fetch or check an assigned replica and gave it back.
		ReplicaRejected {
			order: OrderId,
			provider: T::AccountId,
			sector: SectorIndex,
			rejections: u8,
		},
		/// A replica was assigned to a provider's sector.
		ReplicaAssigned { order: OrderId, provider: T::AccountId, sector: SectorIndex },
		/// An order's status changed.
		OrderStatusChanged { order: OrderId, status: OrderStatus },
		/// An order expired; `refund` of unspent escrow went back to its owner.
		OrderExpired { order: OrderId, refund: BalanceOf<T> },
		/// A provider was challenged.
		ChallengeIssued {
			provider: T::AccountId,
			sector: SectorIndex,
			leaves: BoundedVec<u32, T::LeavesPerChallenge>,
			deadline: BlockNumberFor<T>,
		},
		/// A challenge was answered and the answer verified.
		ProofVerified { provider: T::AccountId, sector: SectorIndex },
		/// A fault: strike `strike` cost `slashed` of the collateral.
		ProviderFaulted {
			provider: T::AccountId,
			sector: SectorIndex,
			reason: FaultReason,
			strike: u8,
			slashed: BalanceOf<T>,
		},
		/// Three strikes in a row: the provider is out; its collateral left can be withdrawn
		/// from block `until`.
		ProviderForcedOut {
			provider: T::AccountId,
			collateral: BalanceOf<T>,
			until: BlockNumberFor<T>,
		},
		/// A provider proved `proven_bytes` this period and was paid `order_payments` from its
		/// orders' escrow (its score rises with the proven bytes).
		ProviderPaid { provider: T::AccountId, proven_bytes: u64, order_payments: BalanceOf<T> },
		/// A period ended (challenges for the next one follow).
		PeriodClosed { block: BlockNumberFor<T>, proven_bytes: u64, providers_rewarded: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is already a provider.
		AlreadyRegistered,
		/// The account is not a provider.
		NotProvider,
		/// Zero sectors, or more than `MaxSectorsPerProvider`.
		InvalidSectorCount,
		/// `MaxProviders` reached.
		TooManyProviders,
		/// Not enough free balance for the collateral or the escrow.
		InsufficientBalance,
		/// A provider holding replicas must wait for its orders to end.
		ProviderHoldsData,
		/// A provider with an outstanding challenge must answer it first.
		ChallengeOutstanding,
		/// No such sector.
		UnknownSector,
		/// The sector is not waiting to be sealed.
		NotSealing,
		/// Empty CID.
		EmptyCid,
		/// Zero-byte file.
		EmptyFile,
		/// The file does not fit in one sector.
		FileTooLarge,
		/// Zero replicas, or more than `MaxReplicas`.
		InvalidReplicas,
		/// Zero periods, or more than `MaxOrderPeriods`.
		InvalidDuration,
		/// Below `MinPricePerPeriod`.
		PriceTooLow,
		/// The sector holds no replica.
		NotAReplica,
		/// Fewer providers with free sealed capacity than replicas wanted.
		NotEnoughProviders,
		/// Arithmetic overflow in the escrow.
		Overflow,
		/// No such order.
		UnknownOrder,
		/// No outstanding challenge (never issued, answered already, or past its deadline).
		NoChallenge,
		/// The answer is for another sector than the challenged one.
		WrongSector,
		/// Not one proof per challenged leaf.
		ProofCountMismatch,
		/// A proof opens another leaf than the challenged one.
		WrongLeaf,
		/// The challenged sector is not active.
		SectorNotActive,
		/// A leaf index outside the sector.
		LeafOutOfRange,
		/// The sealed leaf is not on the sector's sealed root.
		SealedPathMismatch,
		/// The previous-leaf opening is missing, superfluous or not on the sealed root.
		PreviousLeafMismatch,
		/// The parent-leaf openings are not the sector's parents or not on the sealed root.
		ParentLeafMismatch,
		/// The sealed leaf does not unseal to data (wrong length, non-canonical, not data).
		UnsealFailed,
		/// The unsealed chunk is not the order's data.
		DataMismatch,
		/// The unsealed chunk should be zeros.
		NotEmpty,
		/// The order would wait for a provider, and `MaxOrdersAwaitingRepair` orders wait already.
		TooManyOrdersWaiting,
		/// The account left as a provider and has not withdrawn its collateral yet.
		StillDeparting,
		/// The account has no collateral waiting to be withdrawn.
		NotDeparted,
		/// The collateral is held until the unbonding delay has passed.
		CollateralStillBonded,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::on_block(now)
		}

		fn offchain_worker(now: BlockNumberFor<T>) {
			Self::offchain_work(now);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_now: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}

		fn integrity_test() {
			assert!(T::SectorLeaves::get() > 0 && T::SectorLeaves::get() <= 1 << 20);
			assert!(T::LeavesPerChallenge::get() > 0);
			assert!(T::ChallengeDeadline::get() < T::ChallengePeriod::get());
			assert!(T::MaxReplicas::get() <= u8::MAX as u32);
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers the caller as a provider of `sectors` sectors, holding
		/// `CollateralPerSector × sectors`. Each sector must then be sealed (empty) and
		/// confirmed within `SealDeadline`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_provider(*sectors))]
		pub fn register_provider(origin: OriginFor<T>, sectors: u32) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_provider(who, sectors)
		}

		/// Leaves: releases every sector; the collateral stays held for
		/// `CollateralUnbonding` blocks ([`Pallet::withdraw_collateral`]) and the strikes are
		/// remembered. Not while holding replicas or with a challenge outstanding.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::deregister_provider(T::MaxSectorsPerProvider::get()))]
		pub fn deregister_provider(origin: OriginFor<T>) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let sectors = Self::do_deregister_provider(who)?;
			Ok(Some(T::WeightInfo::deregister_provider(sectors)).into())
		}

		/// Confirms that `sector` is sealed, with the Merkle root of its sealed leaves.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::confirm_sector())]
		pub fn confirm_sector(
			origin: OriginFor<T>,
			sector: SectorIndex,
			sealed_root: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_confirm_sector(who, sector, sealed_root)
		}

		/// Places a storage order for a file already on IPFS; escrows
		/// `price_per_period × replicas × periods`. The replicas are assigned in
		/// `on_initialize` of a later block, with randomness that did not exist when the order
		/// was included (nobody can predict its providers when placing it).
		/// Weight: the placement and the assignment it defers (the owner pays for both),
		/// charged for `MaxProviders` registered providers, refunded to the actual number
		/// (each replica draw reads every provider), plus the chosen providers' sectors read
		/// to find a free one (the benchmark's providers have one sector each).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::place_order(*replicas as u32, T::MaxProviders::get())
			.saturating_add(T::DbWeight::get().reads((*replicas as u64).saturating_mul(T::MaxSectorsPerProvider::get() as u64))))]
		pub fn place_order(
			origin: OriginFor<T>,
			cid: BoundedVec<u8, T::MaxCidLen>,
			size: u64,
			data_root: H256,
			replicas: u8,
			periods: u32,
			price_per_period: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_place_order(who, cid, size, data_root, replicas, periods, price_per_period)?;
			let providers = ProviderList::<T>::decode_len().unwrap_or(0) as u32;
			let sector_reads =
				(replicas as u64).saturating_mul(T::MaxSectorsPerProvider::get() as u64);
			Ok(Some(
				T::WeightInfo::place_order(replicas as u32, providers)
					.saturating_add(T::DbWeight::get().reads(sector_reads)),
			)
			.into())
		}

		/// Answers the caller's outstanding challenge: one proof per challenged leaf, in order.
		/// Free when valid; an invalid answer is rejected and the challenge stays open until
		/// its deadline.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::submit_proof(proofs.len() as u32))]
		pub fn submit_proof(
			origin: OriginFor<T>,
			sector: SectorIndex,
			proofs: BoundedVec<LeafProof, T::LeavesPerChallenge>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_submit_proof(who, sector, proofs)?;
			Ok(Pays::No.into())
		}

		/// Gives back a replica assigned to the caller that it cannot seal (the file is not on
		/// IPFS or does not match the order). No strike and no pay; the replica goes to another
		/// provider, and after `MaxRejections` rejections the order ends, refunded. The
		/// off-chain worker sends it when the agent's sealing job keeps failing near the
		/// sealing deadline.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::reject_replica(T::MaxProviders::get())
			.saturating_add(T::DbWeight::get().reads(T::MaxSectorsPerProvider::get() as u64)))]
		pub fn reject_replica(origin: OriginFor<T>, sector: SectorIndex) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reject_replica(who, sector)
		}

		/// Releases the collateral of a provider that left, once `CollateralUnbonding`
		/// blocks have passed.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::withdraw_collateral())]
		pub fn withdraw_collateral(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_collateral(who)
		}
	}
}
