//! # Dual-consensus pallet
//!
//! BABE and GRANDPA secure the chain; this pallet decides **who** runs them and **who is paid**:
//! the validator set follows bonded stake *and* verified work — AI compute proven in PoI
//! ([`zkp_primitives::poi::ComputeContribution`]) and storage proven in PoSp
//! ([`zkp_primitives::posp::StorageContribution`]). See `docs/consensus.md` for the rule and
//! its reasons, `docs/validator.md` for an operator's steps.
//!
//! - **Candidacy**: an account with session keys bonds ([`Pallet::bond`], a balance hold), declares
//!   it wants to validate ([`Pallet::validate`]), may [`Pallet::chill`], and [`Pallet::unbond`]s:
//!   the bond stays held, and slashable, for [`Config::BondingDuration`] sessions — at least as
//!   long as an offence can still be proven ([`Config::OffenceWindow`]) — and the account must have
//!   left the validator set before [`Pallet::withdraw_unbonded`].
//! - **Election**, every session ([`pallet_session::SessionManager`]): each candidate's *effective
//!   stake* is `min(bond, MinCandidateBond + work_share × total issuance)`, where `work_share` is
//!   the mean of its normalized PoI and PoSp scores. Candidates are ranked by (effective stake,
//!   work share, bond, account) and the best [`DesiredValidators`] taken. Stake alone counts only
//!   up to the minimum bond, so it never outranks stake with work; the rule is homogeneous, so an
//!   operator split into Sybils ranks each of them lower, and a token bond caps effective stake at
//!   that bond. Fewer than [`Config::MinValidators`] qualifying keeps the current set.
//! - **Rewards**: the whole chain's emission, [`Config::EraEmission`] per era of
//!   [`Config::SessionsPerEra`] sessions, is minted here and nowhere else: a validator pool shared
//!   by blocks authored (`pallet-authorship`) × effective stake, a compute pool by PoI scores and a
//!   storage pool by PoSp scores. Each pool is paid exactly; a pool without recipients is not
//!   minted.
//! - **Slashing**: equivocation offences ([`sp_staking::offence::OnOffenceHandler`]) burn the
//!   fraction from the *held* bond, chill the validator and bar it from elections for
//!   [`Config::SlashBarSessions`]; a validator that authors nothing for a session while it held
//!   slots earns nothing for it, and after [`Config::MaxOfflineSessions`] such sessions in a row is
//!   chilled.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod impl_bonding;
mod impl_election;
mod impl_rewards;
mod impl_session;
mod impl_slashing;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// Expected slots a validator must have missed, over its offline sessions in a row, before it
/// is chilled: an online validator misses them all with probability about e^-12 (6 in a
/// million), whatever the set's size and the session length.
pub const OFFLINE_MISSED_SLOTS: u32 = 12;

/// Disables a validator in the current session (the session pallet's disabling strategy).
pub trait DisableValidator<AccountId> {
	fn disable(who: &AccountId, severity: sp_runtime::Perbill);
}

impl<AccountId> DisableValidator<AccountId> for () {
	fn disable(_: &AccountId, _: sp_runtime::Perbill) {}
}

/// What benchmarks need from the runtime that the pallet cannot do itself.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Registers session keys for `who`, as `session.set_keys` would.
	fn register_session_keys(who: &AccountId);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate, MutateHold},
			ValidatorRegistration,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::Perbill;
	use sp_staking::SessionIndex;
	use zkp_primitives::{poi::ComputeContribution, posp::StorageContribution};

	pub(crate) type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	pub(crate) type ValidatorsOf<T> =
		BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxValidators>;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why the pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A validator candidate's bond.
		Bond,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// Holds bonds, burns slashes, mints the emission.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ Mutate<Self::AccountId>
			+ Inspect<Self::AccountId>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Verified AI compute per account (PoI).
		type Compute: ComputeContribution<Self::AccountId>;

		/// Verified storage per account (PoSp).
		type Storage: StorageContribution<Self::AccountId>;

		/// Whether an account has session keys (`session.set_keys`).
		type SessionKeys: ValidatorRegistration<Self::AccountId>;

		/// Disables a slashed validator for the rest of the session.
		type Disabler: DisableValidator<Self::AccountId>;

		/// The least a candidate bonds; also what stake counts without any verified work.
		#[pallet::constant]
		type MinCandidateBond: Get<BalanceOf<Self>>;

		/// Bonded accounts at most (candidates, idle and unbonding).
		#[pallet::constant]
		type MaxCandidates: Get<u32>;

		/// Validators at most (BABE and GRANDPA authority bound).
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// Fewer qualifying candidates than this keep the current set.
		#[pallet::constant]
		type MinValidators: Get<u32>;

		/// Sessions an unbonding bond stays held (and slashable).
		#[pallet::constant]
		type BondingDuration: Get<SessionIndex>;

		/// Sessions after which an offence can no longer be proven (the historical session
		/// roots kept); `BondingDuration` must exceed it.
		#[pallet::constant]
		type OffenceWindow: Get<SessionIndex>;

		/// Sessions a slashed validator cannot be elected.
		#[pallet::constant]
		type SlashBarSessions: Get<SessionIndex>;

		/// Offline sessions in a row after which a validator is chilled.
		#[pallet::constant]
		type MaxOfflineSessions: Get<u32>;

		/// Sessions per era: rewards are paid at the end of each era.
		#[pallet::constant]
		type SessionsPerEra: Get<SessionIndex>;

		/// Minted per era for the whole chain.
		#[pallet::constant]
		type EraEmission: Get<BalanceOf<Self>>;

		/// The validators' part of each era's emission.
		#[pallet::constant]
		type ValidatorPoolShare: Get<Perbill>;

		/// PoI agents' part (the rest goes to PoSp providers).
		#[pallet::constant]
		type ComputePoolShare: Get<Perbill>;

		/// PoI agents paid per era at most (PoI's agent bound).
		#[pallet::constant]
		type MaxComputeContributors: Get<u32>;

		/// PoSp providers paid per era at most (PoSp's provider bound).
		#[pallet::constant]
		type MaxStorageContributors: Get<u32>;

		/// BABE epoch (session) length in slots unless the genesis config sets one.
		#[pallet::constant]
		type DefaultSessionLength: Get<u64>;

		/// Weights from this pallet's benchmarks.
		type WeightInfo: WeightInfo;

		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Every bonded account.
	#[pallet::storage]
	pub type Candidates<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Candidate<BalanceOf<T>>, OptionQuery>;

	/// The keys of [`Candidates`], in bonding order: bounds and orders the election.
	#[pallet::storage]
	pub type CandidateList<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxCandidates>, ValueQuery>;

	/// Validators the election fills.
	#[pallet::storage]
	pub type DesiredValidators<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Sets elected for sessions that have not started yet (at most two).
	#[pallet::storage]
	pub type PlannedSets<T: Config> =
		StorageMap<_, Twox64Concat, SessionIndex, ValidatorsOf<T>, OptionQuery>;

	/// The validators of the current session.
	#[pallet::storage]
	pub type ActiveValidators<T: Config> = StorageValue<_, ValidatorsOf<T>, ValueQuery>;

	/// The current session.
	#[pallet::storage]
	pub type CurrentSession<T: Config> = StorageValue<_, SessionIndex, ValueQuery>;

	/// Blocks authored this era and this session, per validator.
	#[pallet::storage]
	pub type AuthoredBlocks<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Authored, ValueQuery>;

	/// Blocks produced in the current session.
	#[pallet::storage]
	pub type SessionBlocks<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// The current era and the session it started in.
	#[pallet::storage]
	pub type CurrentEra<T: Config> = StorageValue<_, (u32, SessionIndex), ValueQuery>;

	/// The highest fraction of its bond each validator was slashed for offences of a session,
	/// and the amount burned for them.
	#[pallet::storage]
	pub type SlashedFractions<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		SessionIndex,
		Twox64Concat,
		T::AccountId,
		(Perbill, BalanceOf<T>),
		ValueQuery,
	>;

	/// The BABE epoch (session) length in slots, fixed at genesis.
	#[pallet::storage]
	pub type SessionLength<T: Config> = StorageValue<_, u64, ValueQuery, T::DefaultSessionLength>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Accounts bonded and validating at genesis, with their bonds (they must also have
		/// session keys in the session pallet's genesis).
		pub candidates: alloc::vec::Vec<(T::AccountId, BalanceOf<T>)>,
		/// Validators the election fills (0: `MaxValidators`).
		pub desired_validators: u32,
		/// BABE epoch (session) length in slots (0: `DefaultSessionLength`).
		pub session_length: u64,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::build_genesis(self);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` bonded `amount` more (held).
		Bonded { who: T::AccountId, amount: BalanceOf<T> },
		/// `who` is a candidate from the next election.
		Validating { who: T::AccountId },
		/// `who` is no longer a candidate.
		Chilled { who: T::AccountId, reason: ChillReason },
		/// `who` leaves: its bond can be withdrawn from session `withdrawable_at`.
		Unbonding { who: T::AccountId, withdrawable_at: SessionIndex },
		/// `who`'s bond was released.
		Withdrawn { who: T::AccountId, amount: BalanceOf<T> },
		/// The set that will validate from `session`, best first.
		ValidatorsElected { session: SessionIndex, validators: alloc::vec::Vec<T::AccountId> },
		/// Only `qualified` candidates: the current set stays for `session`.
		ElectionFallback { session: SessionIndex, qualified: u32 },
		/// `amount` of `who`'s bond was burned for an offence in `session`.
		Slashed { who: T::AccountId, amount: BalanceOf<T>, session: SessionIndex },
		/// `who` was minted `amount` from the `kind` pool.
		Rewarded { who: T::AccountId, kind: RewardKind, amount: BalanceOf<T> },
		/// Era `era`'s emission: what each pool paid, and what was not minted.
		EraPaid {
			era: u32,
			validators: BalanceOf<T>,
			compute: BalanceOf<T>,
			storage: BalanceOf<T>,
			unminted: BalanceOf<T>,
		},
		/// The election fills `count` seats from now on.
		DesiredValidatorsSet { count: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account has bonded already (`bond_extra` adds to it).
		AlreadyBonded,
		/// The account has no bond.
		NotBonded,
		/// Below `MinCandidateBond`.
		BondTooLow,
		/// `MaxCandidates` accounts are bonded.
		TooManyCandidates,
		/// Not enough free balance to hold.
		InsufficientBalance,
		/// Set session keys (`session.set_keys`) first.
		NoSessionKeys,
		/// A candidate already.
		AlreadyValidating,
		/// Not a candidate.
		NotValidating,
		/// The bond is unbonding.
		Unbonding,
		/// The bond is not unbonding (call `unbond` first).
		NotUnbonding,
		/// The unbonding delay has not passed.
		StillLocked,
		/// Still in the current or a planned validator set.
		StillValidating,
		/// Outside `MinValidators..=MaxValidators`.
		InvalidValidatorCount,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Counting the block's author (`pallet-authorship` calls `note_author` in its own
		/// `on_initialize`).
		fn on_initialize(_: BlockNumberFor<T>) -> Weight {
			T::WeightInfo::note_author()
		}

		fn integrity_test() {
			assert!(
				T::BondingDuration::get() >= T::OffenceWindow::get().saturating_add(2),
				"a bond must stay slashable while an offence can be proven"
			);
			assert!(T::MinValidators::get() >= 1, "an election needs a floor");
			assert!(T::MinValidators::get() <= T::MaxValidators::get());
			assert!(
				sp_runtime::Saturating::saturating_add(
					T::ValidatorPoolShare::get(),
					T::ComputePoolShare::get()
				) <= Perbill::one(),
				"pool shares above 100 %"
			);
			assert!(T::SessionsPerEra::get() >= 1);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Bonds `value` (held, at least `MinCandidateBond`) from the caller.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::bond())]
		pub fn bond(
			origin: OriginFor<T>,
			#[pallet::compact] value: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_bond(&who, value)
		}

		/// Adds `value` to the caller's bond.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::bond_extra())]
		pub fn bond_extra(
			origin: OriginFor<T>,
			#[pallet::compact] value: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_bond_extra(&who, value)
		}

		/// Makes the caller a candidate from the next election. Needs session keys.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::validate())]
		pub fn validate(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_validate(&who)
		}

		/// Stops the caller being a candidate from the next election.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::chill())]
		pub fn chill(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_chill(&who, ChillReason::Requested)
		}

		/// Starts the unbonding delay of the caller's whole bond (it is no longer a candidate).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::unbond())]
		pub fn unbond(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unbond(&who)
		}

		/// Releases the caller's bond once unbonded and out of every validator set.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::withdraw_unbonded())]
		pub fn withdraw_unbonded(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw(&who)
		}

		/// Sets how many validators the election fills (root).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_desired_validators())]
		pub fn set_desired_validators(origin: OriginFor<T>, count: u32) -> DispatchResult {
			ensure_root(origin)?;
			ensure!(
				(T::MinValidators::get()..=T::MaxValidators::get()).contains(&count),
				Error::<T>::InvalidValidatorCount
			);
			DesiredValidators::<T>::put(count);
			Self::deposit_event(Event::DesiredValidatorsSet { count });
			Ok(())
		}
	}
}

/// The BABE epoch duration the genesis config fixed ([`SessionLength`]).
pub struct SessionLengthOf<T>(core::marker::PhantomData<T>);
impl<T: Config> frame_support::traits::Get<u64> for SessionLengthOf<T> {
	fn get() -> u64 {
		SessionLength::<T>::get()
	}
}
