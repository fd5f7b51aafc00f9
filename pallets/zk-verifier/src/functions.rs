//! The pallet's logic, called by the extrinsics, the hooks, the runtime API and other pallets
//! (through [`ProofVerifier`]).

use crate::{pallet::*, types::*, WeightInfo};
use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::traits::{Keccak256, Saturating, Zero};
use zkp_primitives::zk::{
	AttestationProof, Curve, Groth16Backend, Groth16Error, ProofVerificationError, ProofVerifier,
	PublicInput,
};

impl<T: Config> From<Groth16Error> for Error<T> {
	fn from(e: Groth16Error) -> Self {
		match e {
			Groth16Error::InvalidLength => Error::InvalidLength,
			Groth16Error::InvalidEncoding => Error::InvalidEncoding,
			Groth16Error::PointNotOnCurve => Error::PointNotOnCurve,
			Groth16Error::PointNotInSubgroup => Error::PointNotInSubgroup,
			Groth16Error::PointAtInfinity => Error::PointAtInfinity,
			Groth16Error::TooManyPublicInputs => Error::TooManyPublicInputs,
			Groth16Error::PublicInputCountMismatch => Error::PublicInputCountMismatch,
			Groth16Error::InvalidPublicInput => Error::InvalidPublicInput,
			Groth16Error::VerificationFailed => Error::InvalidProof,
			Groth16Error::EmptyBatch => Error::EmptyBatch,
			Groth16Error::InvalidProofInBatch(i) =>
				Error::InvalidProofInBatch { index: i.min(u8::MAX as u32) as u8 },
			Groth16Error::UnknownCurve => Error::UnknownCurve,
			Groth16Error::DegenerateVerificationKey => Error::DegenerateVerificationKey,
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The deposit for a key of `len` bytes.
	pub fn vk_deposit(len: usize) -> BalanceOf<T> {
		T::VkDepositPerByte::get()
			.saturating_mul((len as u32).into())
			.saturating_add(T::VkDepositBase::get())
	}

	/// Validates and prepares a key, stores both forms and holds the deposit for both;
	/// returns its hash.
	pub(crate) fn do_register_vk(
		who: T::AccountId,
		curve: Curve,
		vk: Vec<u8>,
	) -> Result<H256, DispatchError> {
		let vk_hash = H256(zkp_groth16::vk_hash(curve, &vk));
		ensure!(
			!VerificationKeys::<T>::contains_key(vk_hash),
			Error::<T>::VerificationKeyAlreadyRegistered
		);
		// Preparing decodes and validates the key first (every point, the input count).
		let prepared = T::Backend::prepare_vk(curve, &vk).map_err(Error::<T>::from)?;
		let public_inputs = claimed_public_inputs(curve, &vk);
		let deposit = Self::vk_deposit(vk.len().saturating_add(prepared.len()));
		let prepared: PreparedVkBytes =
			prepared.try_into().map_err(|_| Error::<T>::InvalidLength)?;
		let vk: VkBytes = vk.try_into().map_err(|_| Error::<T>::InvalidLength)?;
		T::Currency::hold(&HoldReason::VerificationKey.into(), &who, deposit)?;
		VerificationKeys::<T>::insert(
			vk_hash,
			VkEntry { owner: who.clone(), curve, public_inputs, deposit, vk },
		);
		PreparedKeys::<T>::insert(vk_hash, prepared);
		Self::deposit_event(Event::VkRegistered { vk_hash, owner: who, curve, public_inputs });
		Ok(vk_hash)
	}

	/// Removes the caller's key and releases its deposit.
	pub(crate) fn do_unregister_vk(who: T::AccountId, vk_hash: H256) -> DispatchResult {
		let entry =
			VerificationKeys::<T>::get(vk_hash).ok_or(Error::<T>::UnknownVerificationKey)?;
		ensure!(entry.owner == who, Error::<T>::NotVerificationKeyOwner);
		ensure!(KeyHolds::<T>::get(vk_hash) == 0, Error::<T>::VerificationKeyInUse);
		T::Currency::release(
			&HoldReason::VerificationKey.into(),
			&who,
			entry.deposit,
			Precision::BestEffort,
		)?;
		VerificationKeys::<T>::remove(vk_hash);
		PreparedKeys::<T>::remove(vk_hash);
		Self::deposit_event(Event::VkUnregistered { vk_hash, owner: who });
		Ok(())
	}

	/// A registered key, ready for verification: its prepared form (or, for a key stored
	/// before keys were prepared, its canonical bytes).
	fn registered_vk(hash: H256) -> Option<ResolvedVk> {
		let entry = VerificationKeys::<T>::get(hash)?;
		let key = match PreparedKeys::<T>::get(hash) {
			Some(prepared) => KeyForm::Prepared(prepared.into_inner()),
			None => KeyForm::Canonical(entry.vk.into_inner()),
		};
		Some(ResolvedVk { curve: entry.curve, hash, public_inputs: entry.public_inputs, key })
	}

	/// The curve, hash, input count and bytes of a registered or inline key.
	pub(crate) fn resolve_vk(vk: VkOrHash) -> Result<ResolvedVk, DispatchError> {
		match vk {
			VkOrHash::Hash(hash) =>
				Ok(Self::registered_vk(hash).ok_or(Error::<T>::UnknownVerificationKey)?),
			// Validated by the verification itself (natively, through the backend), which
			// `submit_proof` charges as a registration.
			VkOrHash::Vk { curve, vk } => Ok(ResolvedVk {
				curve,
				hash: H256(zkp_groth16::vk_hash(curve, &vk)),
				public_inputs: claimed_public_inputs(curve, &vk),
				key: KeyForm::Canonical(vk.into_inner()),
			}),
		}
	}

	/// Room left for statements in this block: for other pallets' checks the whole block,
	/// for users' proofs all but `ReservedStatementsPerBlock`.
	pub(crate) fn attestation_room(for_pallet: bool) -> u32 {
		let now = frame_system::Pallet::<T>::block_number();
		let reserved = if for_pallet { 0 } else { T::ReservedStatementsPerBlock::get() };
		T::MaxStatementsPerBlock::get()
			.saturating_sub(reserved)
			.saturating_sub(AttestationLeaves::<T>::decode_len(now).unwrap_or(0) as u32)
	}

	/// Verifies one proof and attests its statement; nothing changes if it fails. The input
	/// count is checked first, so the charged weight (which follows the inputs given) always
	/// covers the verification. Shared by `submit_proof` and [`ProofVerifier`].
	fn check_and_attest(
		key: &ResolvedVk,
		proof: &[u8],
		inputs: &[PublicInput],
		for_pallet: bool,
	) -> Result<H256, ProofVerificationError> {
		if inputs.len() as u32 != key.public_inputs {
			return Err(ProofVerificationError::Rejected(Groth16Error::PublicInputCountMismatch));
		}
		Self::attest_verified(for_pallet, || {
			match &key.key {
				KeyForm::Prepared(prepared) =>
					T::Backend::verify_prepared(key.curve, prepared, proof, inputs),
				KeyForm::Canonical(vk) =>
					<T::Backend as Groth16Backend>::verify(key.curve, vk, proof, inputs),
			}
			.map_err(ProofVerificationError::Rejected)?;
			Ok(H256(zkp_groth16::statement_hash(key.curve, key.hash.as_fixed_bytes(), inputs)))
		})
	}

	/// What every proof system shares: if the block has room for the statement, runs
	/// `verify` (which returns the statement it established) and attests that statement.
	/// Nothing is written unless `verify` succeeds.
	pub(crate) fn attest_verified(
		for_pallet: bool,
		verify: impl FnOnce() -> Result<H256, ProofVerificationError>,
	) -> Result<H256, ProofVerificationError> {
		if Self::attestation_room(for_pallet) < 1 {
			return Err(ProofVerificationError::AttestationCapacity);
		}
		let statement = verify()?;
		Self::attest(statement).map_err(|_| ProofVerificationError::AttestationCapacity)?;
		Ok(statement)
	}

	/// [`Self::check_and_attest`] with the pallet's typed errors, for `submit_proof`.
	pub(crate) fn verify_and_attest(
		key: &ResolvedVk,
		proof: &[u8],
		inputs: &[PublicInput],
	) -> Result<H256, DispatchError> {
		Self::check_and_attest(key, proof, inputs, false)
			.map_err(|e| Self::dispatch_error(e).into())
	}

	/// The pallet error for a verification failure.
	pub(crate) fn dispatch_error(e: ProofVerificationError) -> Error<T> {
		match e {
			ProofVerificationError::Rejected(e) => Error::<T>::from(e),
			ProofVerificationError::StarkRejected(e) => Error::<T>::from(e),
			ProofVerificationError::AttestationCapacity => Error::<T>::TooManyStatementsInBlock,
			ProofVerificationError::UnknownVerificationKey => Error::<T>::UnknownVerificationKey,
			ProofVerificationError::NotKeyOwner => Error::<T>::NotVerificationKeyOwner,
		}
	}

	/// Verifies a batch against a registered key and attests every statement.
	pub(crate) fn do_submit_batch(
		vk_hash: H256,
		batch: Vec<BatchItem>,
	) -> Result<Vec<H256>, DispatchError> {
		ensure!(!batch.is_empty(), Error::<T>::EmptyBatch);
		ensure!(batch.len() as u32 <= T::MaxBatchSize::get(), Error::<T>::BatchTooLarge);
		let entry =
			VerificationKeys::<T>::get(vk_hash).ok_or(Error::<T>::UnknownVerificationKey)?;
		if let Some(index) =
			batch.iter().position(|item| item.inputs.len() as u32 != entry.public_inputs)
		{
			return Err(Error::<T>::InvalidProofInBatch { index: index as u8 }.into());
		}
		ensure!(
			Self::attestation_room(false) >= batch.len() as u32,
			Error::<T>::TooManyStatementsInBlock
		);
		let batch: Vec<(Vec<u8>, Vec<PublicInput>)> = batch
			.into_iter()
			.map(|item| (item.proof.into_inner(), item.inputs.into_inner()))
			.collect();
		match PreparedKeys::<T>::get(vk_hash) {
			Some(prepared) => T::Backend::verify_batch_prepared(
				entry.curve,
				&prepared,
				vk_hash.as_fixed_bytes(),
				&batch,
			),
			None => T::Backend::verify_batch(entry.curve, &entry.vk, &batch),
		}
		.map_err(Error::<T>::from)?;
		let statements: Vec<H256> = batch
			.iter()
			.map(|(_, inputs)| {
				H256(zkp_groth16::statement_hash(entry.curve, vk_hash.as_fixed_bytes(), inputs))
			})
			.collect();
		for statement in &statements {
			Self::attest(*statement)?;
		}
		Ok(statements)
	}

	/// Appends a statement to this block's attestation leaves.
	pub(crate) fn attest(statement: H256) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let index =
			AttestationLeaves::<T>::try_mutate(now, |leaves| -> Result<u32, DispatchError> {
				leaves.try_push(statement).map_err(|_| Error::<T>::TooManyStatementsInBlock)?;
				Ok(leaves.len() as u32 - 1)
			})?;
		StatementLocations::<T>::insert(statement, (now, index));
		Ok(())
	}

	/// `on_finalize`: commits this block's statements to a Merkle root.
	pub(crate) fn store_attestation_root(now: BlockNumberFor<T>) {
		let leaves = AttestationLeaves::<T>::get(now);
		if leaves.is_empty() {
			return;
		}
		let root = binary_merkle_tree::merkle_root_raw::<Keccak256, _>(leaves.iter().copied());
		let count = leaves.len() as u32;
		AttestationRoots::<T>::insert(now, AttestationRoot { root, leaves: count });
		Self::deposit_event(Event::AttestationRootStored {
			block_number: now,
			root,
			leaves: count,
		});
	}

	/// `on_initialize`: forgets the attestations of the block that left the retention window.
	pub(crate) fn prune_attestations(now: BlockNumberFor<T>) -> Weight {
		let retention = T::AttestationRetention::get();
		// The worst-case cost of this block's `on_finalize` is charged here.
		let finalize = T::WeightInfo::on_finalize_attest(T::MaxStatementsPerBlock::get());
		if now <= retention || retention.is_zero() {
			return finalize.saturating_add(T::DbWeight::get().reads(1));
		}
		let expired = now.saturating_sub(retention);
		let leaves = AttestationLeaves::<T>::take(expired);
		for leaf in leaves.iter() {
			if StatementLocations::<T>::get(leaf)
				.map(|(block, _)| block == expired)
				.unwrap_or(false)
			{
				StatementLocations::<T>::remove(leaf);
			}
		}
		AttestationRoots::<T>::remove(expired);
		T::WeightInfo::on_initialize_prune(leaves.len() as u32).saturating_add(finalize)
	}

	/// The Merkle path of a statement's latest attestation, if its block is retained and
	/// finalized into a root.
	pub fn attestation_proof(statement: H256) -> Option<AttestationProof<BlockNumberFor<T>>> {
		let (block_number, leaf_index) = StatementLocations::<T>::get(statement)?;
		let root = AttestationRoots::<T>::get(block_number)?;
		let leaves = AttestationLeaves::<T>::get(block_number);
		let proof = binary_merkle_tree::merkle_proof_raw::<Keccak256, _>(
			leaves.iter().copied(),
			leaf_index,
		);
		Some(AttestationProof {
			statement,
			block_number,
			root: root.root,
			leaf_index,
			leaf_count: root.leaves,
			proof: proof.proof,
		})
	}

	/// A registered key's curve and prepared form (none for a key stored before keys were
	/// prepared).
	pub fn prepared_key(vk_hash: H256) -> Option<(Curve, Vec<u8>)> {
		let curve = VerificationKeys::<T>::get(vk_hash)?.curve;
		Some((curve, PreparedKeys::<T>::get(vk_hash)?.into_inner()))
	}

	/// A registered key: its curve, input count and canonical bytes.
	pub fn verification_key(vk_hash: H256) -> Option<(Curve, u32, Vec<u8>)> {
		VerificationKeys::<T>::get(vk_hash).map(|e| (e.curve, e.public_inputs, e.vk.into_inner()))
	}
}

impl<T: Config> ProofVerifier for Pallet<T> {
	fn verify_proof(
		vk_hash: &H256,
		proof: &[u8],
		inputs: &[PublicInput],
	) -> Result<H256, ProofVerificationError> {
		let key =
			Self::registered_vk(*vk_hash).ok_or(ProofVerificationError::UnknownVerificationKey)?;
		Self::check_and_attest(&key, proof, inputs, true)
	}

	fn hold_key(vk_hash: &H256, owner: &[u8; 32]) -> Result<u32, ProofVerificationError> {
		let entry = VerificationKeys::<T>::get(vk_hash)
			.ok_or(ProofVerificationError::UnknownVerificationKey)?;
		if zkp_primitives::account_bytes(&entry.owner) != *owner {
			return Err(ProofVerificationError::NotKeyOwner);
		}
		KeyHolds::<T>::mutate(vk_hash, |holds| *holds = holds.saturating_add(1));
		Ok(entry.public_inputs)
	}

	fn verify_stark_proof(
		program_hash: &H256,
		inputs: &[u64],
		outputs: &[u64],
		proof: &[u8],
	) -> Result<H256, ProofVerificationError> {
		Self::check_stark_and_attest(*program_hash, inputs, outputs, proof, true)
	}

	fn release_key(vk_hash: &H256) {
		KeyHolds::<T>::mutate_exists(vk_hash, |holds| {
			let left = holds.unwrap_or(0).saturating_sub(1);
			*holds = (left > 0).then_some(left);
		});
	}
}

#[cfg(any(test, feature = "try-runtime"))]
impl<T: Config> Pallet<T> {
	/// The pallet's invariants: each owner's held deposits equal its keys' and programs'
	/// deposits, every
	/// held key exists, every block's leaves fit, and every statement location points at its
	/// leaf.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::traits::fungible::InspectHold;
		let deposits = VerificationKeys::<T>::iter_values().map(|e| (e.owner, e.deposit));
		for (owner, total) in zkp_primitives::totals_by_owner(deposits) {
			let held = T::Currency::balance_on_hold(&HoldReason::VerificationKey.into(), &owner);
			ensure!(held == total, "key deposits held");
		}
		let programs = StarkPrograms::<T>::iter_values().map(|e| (e.owner, e.deposit));
		for (owner, total) in zkp_primitives::totals_by_owner(programs) {
			let held = T::Currency::balance_on_hold(&HoldReason::Program.into(), &owner);
			ensure!(held == total, "program deposits held");
		}
		for key in PreparedKeys::<T>::iter_keys() {
			ensure!(VerificationKeys::<T>::contains_key(key), "a prepared key is registered");
		}
		for program in StarkPrograms::<T>::iter_keys() {
			ensure!(
				zkp_stark::check_program_hash(program.as_fixed_bytes()).is_ok(),
				"a registered program hash is canonical"
			);
		}
		for (key, holds) in KeyHolds::<T>::iter() {
			ensure!(holds > 0, "an empty hold is kept");
			ensure!(VerificationKeys::<T>::contains_key(key), "a held key was removed");
		}
		for (statement, (block, index)) in StatementLocations::<T>::iter() {
			let leaves = AttestationLeaves::<T>::get(block);
			ensure!(leaves.get(index as usize) == Some(&statement), "statement location");
		}
		Ok(())
	}
}
