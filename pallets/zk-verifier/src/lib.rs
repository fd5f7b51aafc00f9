//! # ZK verifier pallet
//!
//! Verifies Groth16 proofs (BN254 and BLS12-381) and transparent STARKs of Miden VM programs
//! for users and for other pallets, so that private data and models can be *proven*, never
//! shown.
//!
//! - **Verification keys** are registered once ([`Pallet::register_vk`]): validated (every point
//!   canonical, on its curve and in the prime-order subgroup, at most
//!   [`zkp_groth16::MAX_PUBLIC_INPUTS`] inputs), stored under their hash
//!   ([`zkp_groth16::vk_hash`]), with a deposit held from the owner until
//!   [`Pallet::unregister_vk`].
//! - **Proofs** ([`Pallet::submit_proof`]) are checked against a registered key (or a key given
//!   inline). A valid proof records its *statement* ([`zkp_groth16::statement_hash`]: proof system,
//!   key hash and public inputs) and emits [`Event::ProofVerified`]; an invalid one is rejected
//!   with a typed error and changes nothing.
//! - **Batches** ([`Pallet::submit_batch`]) of proofs of one key are verified together with a
//!   random linear combination whose coefficients come from a hash of the whole batch; one bad
//!   proof fails the batch and is named ([`Error::InvalidProofInBatch`]).
//! - **Attestations**: the statements verified in a block are the leaves of a keccak-256 binary
//!   Merkle tree whose root is stored per block ([`AttestationRoots`]); the runtime API returns a
//!   statement's path so another chain or a contract can check "this proof was verified on ZKP"
//!   ([`zkp_primitives::zk::attestation_root`]).
//! - **STARKs**: a proof that a Miden program (named by its hash, its MAST root), run on public
//!   stack inputs (and any secret advice), ends with the given stack outputs
//!   ([`Pallet::submit_stark_proof`]) is checked by the Miden verifier (`zkp-stark`) at a security
//!   floor the chain sets ([`Config::MinStarkSecurityBits`]), and its statement
//!   ([`zkp_stark::statement_hash`]) is attested in the same per-block root as Groth16's. Programs
//!   may be registered ([`Pallet::register_program`], a deposit held until
//!   [`Pallet::unregister_program`]) to give them an owner on chain; proofs do not need it.
//! - **Other pallets** verify through [`zkp_primitives::zk::ProofVerifier`], implemented here.
//!
//! Verification runs through [`Config::Backend`]: the node's native host function in the
//! runtime, or the same code inside WASM.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
mod impl_stark;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_stark;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Inspect, MutateHold},
	};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use zkp_primitives::zk::{Curve, Groth16Backend, StarkBackend};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Reasons this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Deposit for a registered verification key.
		VerificationKey,
		/// Deposit for a registered STARK program.
		Program,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// The currency key deposits are held in.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ Inspect<Self::AccountId>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Runs Groth16 and STARK verification: the node's host functions, or the same code in
		/// WASM.
		type Backend: Groth16Backend + StarkBackend;

		/// The least conjectured security, in bits, of a STARK proof the chain accepts. The
		/// chain sets it, not the prover: a proof made with weaker parameters is refused.
		#[pallet::constant]
		type MinStarkSecurityBits: Get<u32>;

		/// Deposit held for a registered STARK program.
		#[pallet::constant]
		type ProgramDeposit: Get<BalanceOf<Self>>;

		/// Deposit held for any registered key.
		#[pallet::constant]
		type VkDepositBase: Get<BalanceOf<Self>>;

		/// Deposit held per byte of a registered key.
		#[pallet::constant]
		type VkDepositPerByte: Get<BalanceOf<Self>>;

		/// The most proofs one batch may carry (at most 255).
		#[pallet::constant]
		type MaxBatchSize: Get<u32>;

		/// The most statements one block attests.
		#[pallet::constant]
		type MaxStatementsPerBlock: Get<u32>;

		/// Statements of each block kept for other pallets' checks through `ProofVerifier`
		/// (PoI reveals): users' proofs and batches fill at most the rest, so they cannot
		/// crowd those checks out of a block.
		#[pallet::constant]
		type ReservedStatementsPerBlock: Get<u32>;

		/// For how many blocks attestation leaves (and so paths) are kept.
		#[pallet::constant]
		type AttestationRetention: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Registered verification keys by hash.
	#[pallet::storage]
	pub type VerificationKeys<T: Config> =
		StorageMap<_, Identity, H256, VkEntry<T::AccountId, BalanceOf<T>>, OptionQuery>;

	/// The prepared form of each registered key ([`zkp_groth16::prepare_vk`]: `e(α, β)` and the
	/// Miller-loop lines of `−γ`, `−δ`), computed once at registration and paid for by its
	/// deposit, so that no verification re-validates or re-prepares a registered key.
	#[pallet::storage]
	pub type PreparedKeys<T: Config> = StorageMap<_, Identity, H256, PreparedVkBytes, OptionQuery>;

	/// Registered STARK programs by hash (MAST root): an owner and a deposit, for users to
	/// find a program and other pallets to name one. Proofs verify for any program hash,
	/// registered or not (the hash is the program), so no registrant can block a program.
	#[pallet::storage]
	pub type StarkPrograms<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		H256,
		ProgramEntry<T::AccountId, BalanceOf<T>>,
		OptionQuery,
	>;

	/// The statements verified in each retained block, in order: the attestation tree's leaves.
	#[pallet::storage]
	pub type AttestationLeaves<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<H256, T::MaxStatementsPerBlock>,
		ValueQuery,
	>;

	/// The attestation root of each retained block that verified at least one statement.
	#[pallet::storage]
	pub type AttestationRoots<T: Config> =
		StorageMap<_, Twox64Concat, BlockNumberFor<T>, AttestationRoot, OptionQuery>;

	/// Holds on registered keys taken by other pallets (a model naming a key): a held key
	/// cannot be unregistered.
	#[pallet::storage]
	pub type KeyHolds<T: Config> = StorageMap<_, Identity, H256, u32, ValueQuery>;

	/// Where a statement was last attested: (block, leaf index). Pruned with its block.
	#[pallet::storage]
	pub type StatementLocations<T: Config> =
		StorageMap<_, Identity, H256, (BlockNumberFor<T>, u32), OptionQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A verification key was registered.
		VkRegistered { vk_hash: H256, owner: T::AccountId, curve: Curve, public_inputs: u32 },
		/// A verification key was removed and its deposit returned.
		VkUnregistered { vk_hash: H256, owner: T::AccountId },
		/// A proof was verified; its statement is attested in this block.
		ProofVerified { statement: H256, vk_hash: H256, who: T::AccountId },
		/// A batch of proofs of one key was verified; every statement is attested.
		BatchVerified { vk_hash: H256, who: T::AccountId, statements: Vec<H256> },
		/// A STARK program was registered.
		ProgramRegistered { program_hash: H256, owner: T::AccountId },
		/// A STARK program was removed and its deposit returned.
		ProgramUnregistered { program_hash: H256, owner: T::AccountId },
		/// A STARK proof was verified; its statement is attested in this block.
		StarkProofVerified { statement: H256, program_hash: H256, who: T::AccountId },
		/// The block's statements were committed to this attestation root.
		AttestationRootStored { block_number: BlockNumberFor<T>, root: H256, leaves: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Bytes have the wrong length for their curve and input count.
		InvalidLength,
		/// A field element is not canonical or flag bits are invalid.
		InvalidEncoding,
		/// A point is not on its curve.
		PointNotOnCurve,
		/// A point is not in the prime-order subgroup.
		PointNotInSubgroup,
		/// A key or proof point is the identity.
		PointAtInfinity,
		/// The key has more than 64 public inputs.
		TooManyPublicInputs,
		/// The number of public inputs differs from the key's.
		PublicInputCountMismatch,
		/// A public input is not a canonical scalar.
		InvalidPublicInput,
		/// The proof does not verify for these inputs.
		InvalidProof,
		/// The batch is empty.
		EmptyBatch,
		/// Proof number `index` of the batch is invalid (malformed or failing); nothing of the
		/// batch was accepted.
		InvalidProofInBatch { index: u8 },
		/// No key is registered under this hash.
		UnknownVerificationKey,
		/// This key is already registered.
		VerificationKeyAlreadyRegistered,
		/// Only the key's owner may unregister it.
		NotVerificationKeyOwner,
		/// The batch has more proofs than `MaxBatchSize`.
		BatchTooLarge,
		/// The block cannot attest more statements; submit in a later block.
		TooManyStatementsInBlock,
		/// The proof system identifier is unknown.
		UnknownCurve,
		/// The key is degenerate (`gamma = delta`): proofs for it could be forged.
		DegenerateVerificationKey,
		/// Another pallet holds the key (a model names it): it cannot be unregistered.
		VerificationKeyInUse,
		/// A limb of the program hash is not a canonical field element.
		InvalidProgramHash,
		/// No STARK program is registered under this hash.
		UnknownProgram,
		/// This STARK program is already registered.
		ProgramAlreadyRegistered,
		/// Only the program's owner may unregister it.
		NotProgramOwner,
		/// A stack value is not a canonical field element.
		InvalidStackValue,
		/// More than 16 stack inputs or outputs.
		TooManyStackValues,
		/// The STARK proof is larger than the limit.
		StarkProofTooLarge,
		/// The STARK proof bytes do not decode (truncated, trailing bytes, unknown hash).
		MalformedStarkProof,
		/// The STARK proof defers precompile computations, which the chain does not verify.
		StarkPrecompileRequests,
		/// The STARK proof's conjectured security is below `MinStarkSecurityBits`.
		InsufficientStarkSecurity,
		/// The STARK proof does not verify for this program and these stacks.
		InvalidStarkProof,
		/// The STARK proof uses an algebraic hash (RPO, RPX, Poseidon2); BLAKE3 and Keccak
		/// proofs are accepted.
		UnsupportedStarkHash,
		/// The runtime's backend has no STARK verifier (only the node's host function has one).
		StarkVerifierUnavailable,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::prune_attestations(now)
		}

		fn on_finalize(now: BlockNumberFor<T>) {
			Self::store_attestation_root(now);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_now: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}

		fn integrity_test() {
			assert!(T::ReservedStatementsPerBlock::get() <= T::MaxStatementsPerBlock::get());
			assert!(
				T::MinStarkSecurityBits::get() >= 80,
				"a STARK floor below 80 bits is no floor"
			);
			assert!(
				T::MaxBatchSize::get() >= 1 && T::MaxBatchSize::get() <= 255,
				"batch size fits the error index"
			);
			assert!(
				T::MaxStatementsPerBlock::get()
					.saturating_sub(T::ReservedStatementsPerBlock::get()) >=
					T::MaxBatchSize::get(),
				"a full batch fits a block"
			);
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers a verification key (canonical encoding) for `curve`. It is validated,
		/// stored under its hash, and a deposit proportional to its size is held from the
		/// caller until [`Pallet::unregister_vk`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_vk(types::claimed_public_inputs(*curve, vk)))]
		pub fn register_vk(origin: OriginFor<T>, curve: Curve, vk: VkBytes) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_vk(who, curve, vk.into_inner()).map(|_| ())
		}

		/// Removes a key the caller registered and releases its deposit.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::unregister_vk())]
		pub fn unregister_vk(origin: OriginFor<T>, vk_hash: H256) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unregister_vk(who, vk_hash)
		}

		/// Verifies one proof against a registered key (by hash) or a key given inline, and
		/// attests its statement in this block.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::submit_proof(inputs.len() as u32).saturating_add(match vk {
			// An inline key is validated like a registration (an upper bound of that work).
			VkOrHash::Vk { curve, vk } => T::WeightInfo::register_vk(types::claimed_public_inputs(*curve, vk)),
			VkOrHash::Hash(_) => Weight::zero(),
		}))]
		pub fn submit_proof(
			origin: OriginFor<T>,
			vk: VkOrHash,
			proof: ProofBytes,
			inputs: Inputs,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let key = Self::resolve_vk(vk)?;
			let statement = Self::verify_and_attest(&key, &proof, &inputs)?;
			Self::deposit_event(Event::ProofVerified { statement, vk_hash: key.hash, who });
			Ok(())
		}

		/// Verifies a batch of proofs of one registered key together (random linear
		/// combination) and attests every statement. One invalid proof fails the whole batch
		/// and is named: finding it checks the proofs one by one, so the call is charged for
		/// that worst case up front and refunded to the batch price when the batch is valid.
		#[pallet::call_index(3)]
		#[pallet::weight(batch_worst_case::<T>(batch.len() as u32, batch_inputs_hint(batch)))]
		pub fn submit_batch(
			origin: OriginFor<T>,
			vk_hash: H256,
			batch: BoundedVec<BatchItem, ConstU32<MAX_BATCH_BOUND>>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let actual = T::WeightInfo::submit_batch(batch.len() as u32, batch_inputs_hint(&batch));
			let statements = Self::do_submit_batch(vk_hash, batch.into_inner())?;
			Self::deposit_event(Event::BatchVerified { vk_hash, who, statements });
			Ok(Some(actual).into())
		}

		/// Registers a STARK program by its hash (its MAST root, as `zkp-stark hash` prints
		/// it), holding `ProgramDeposit` from the caller until [`Pallet::unregister_program`].
		/// Registration names an owner; verification does not depend on it.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::register_program())]
		pub fn register_program(origin: OriginFor<T>, program_hash: H256) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_program(who, program_hash)
		}

		/// Removes a program the caller registered and releases its deposit.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::unregister_program())]
		pub fn unregister_program(origin: OriginFor<T>, program_hash: H256) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unregister_program(who, program_hash)
		}

		/// Verifies a STARK proof that the program `program_hash` (registered or not), started
		/// with the public stack `inputs` (top first; shorter stacks are padded with zeros),
		/// ends with the stack `outputs`, and attests the statement in this block. Charged by
		/// the proof's length, which bounds the verifier's work.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::submit_stark_proof(proof.len() as u32))]
		pub fn submit_stark_proof(
			origin: OriginFor<T>,
			program_hash: H256,
			inputs: StackValues,
			outputs: StackValues,
			proof: StarkProofBytes,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let statement = Self::verify_stark_and_attest(program_hash, &inputs, &outputs, &proof)?;
			Self::deposit_event(Event::StarkProofVerified { statement, program_hash, who });
			Ok(())
		}
	}

	/// A batch's worst case: the combined check, then (if it fails) every proof alone.
	fn batch_worst_case<T: Config>(proofs: u32, inputs: u32) -> Weight {
		T::WeightInfo::submit_batch(proofs, inputs)
			.saturating_add(T::WeightInfo::submit_proof(inputs).saturating_mul(proofs.into()))
	}

	/// Weight hint: the largest input count in the batch.
	fn batch_inputs_hint(batch: &BoundedVec<BatchItem, ConstU32<MAX_BATCH_BOUND>>) -> u32 {
		batch.iter().map(|item| item.inputs.len() as u32).max().unwrap_or(0)
	}
}
