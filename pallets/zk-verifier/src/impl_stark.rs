//! STARK programs and proofs: registering a program by its hash (an owner and a deposit), and
//! verifying that a program ran on public stack inputs to public stack outputs (`zkp-stark`,
//! through [`Config::Backend`]). Verified statements join the block's attestation leaves
//! beside Groth16's.

use crate::{pallet::*, types::*};
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use sp_core::H256;
use zkp_primitives::zk::{ProofVerificationError, StarkBackend, StarkError};

impl<T: Config> From<StarkError> for Error<T> {
	fn from(e: StarkError) -> Self {
		match e {
			StarkError::InvalidProgramHash => Error::InvalidProgramHash,
			StarkError::TooManyStackValues => Error::TooManyStackValues,
			StarkError::InvalidStackValue => Error::InvalidStackValue,
			StarkError::ProofTooLarge => Error::StarkProofTooLarge,
			StarkError::MalformedProof => Error::MalformedStarkProof,
			StarkError::PrecompileRequests => Error::StarkPrecompileRequests,
			StarkError::InsufficientSecurity => Error::InsufficientStarkSecurity,
			StarkError::VerificationFailed => Error::InvalidStarkProof,
			StarkError::UnsupportedHashFunction => Error::UnsupportedStarkHash,
			StarkError::VerifierUnavailable => Error::StarkVerifierUnavailable,
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Checks the hash is a program hash (canonical limbs), then stores it and holds the
	/// deposit.
	pub(crate) fn do_register_program(who: T::AccountId, program_hash: H256) -> DispatchResult {
		zkp_stark::check_program_hash(program_hash.as_fixed_bytes()).map_err(Error::<T>::from)?;
		ensure!(
			!StarkPrograms::<T>::contains_key(program_hash),
			Error::<T>::ProgramAlreadyRegistered
		);
		let deposit = T::ProgramDeposit::get();
		T::Currency::hold(&HoldReason::Program.into(), &who, deposit)?;
		StarkPrograms::<T>::insert(program_hash, ProgramEntry { owner: who.clone(), deposit });
		Self::deposit_event(Event::ProgramRegistered { program_hash, owner: who });
		Ok(())
	}

	/// Removes the caller's program and releases its deposit.
	pub(crate) fn do_unregister_program(who: T::AccountId, program_hash: H256) -> DispatchResult {
		let entry = StarkPrograms::<T>::get(program_hash).ok_or(Error::<T>::UnknownProgram)?;
		ensure!(entry.owner == who, Error::<T>::NotProgramOwner);
		T::Currency::release(
			&HoldReason::Program.into(),
			&who,
			entry.deposit,
			Precision::BestEffort,
		)?;
		StarkPrograms::<T>::remove(program_hash);
		Self::deposit_event(Event::ProgramUnregistered { program_hash, owner: who });
		Ok(())
	}

	/// Verifies a STARK proof of a program and attests its statement; nothing changes if it
	/// fails. Shared by `submit_stark_proof` and [`zkp_primitives::zk::ProofVerifier`].
	pub(crate) fn check_stark_and_attest(
		program_hash: H256,
		inputs: &[u64],
		outputs: &[u64],
		proof: &[u8],
		for_pallet: bool,
	) -> Result<H256, ProofVerificationError> {
		let program = program_hash.as_fixed_bytes();
		Self::attest_verified(for_pallet, || {
			let floor = T::MinStarkSecurityBits::get();
			<T::Backend as StarkBackend>::verify(program, inputs, outputs, proof, floor)
				.map_err(ProofVerificationError::StarkRejected)?;
			Ok(H256(zkp_stark::statement_hash(program, inputs, outputs)))
		})
	}

	/// [`Self::check_stark_and_attest`] with the pallet's typed errors, for
	/// `submit_stark_proof`.
	pub(crate) fn verify_stark_and_attest(
		program_hash: H256,
		inputs: &[u64],
		outputs: &[u64],
		proof: &[u8],
	) -> Result<H256, DispatchError> {
		Self::check_stark_and_attest(program_hash, inputs, outputs, proof, false)
			.map_err(|e| Self::dispatch_error(e).into())
	}
}
