//! # Groth16 verification for the ZKP chain
//!
//! One implementation of everything the chain needs to check Groth16 proofs, used by the
//! runtime (compiled to WASM), by the node's host functions (native), by the node CLI
//! (`zkp-node zk verify`) and by tests, so that every path verifies with the same code:
//!
//! - [`Curve`]: BN254 (`bn128` in snarkjs) and BLS12-381.
//! - The **canonical encoding** ([`encoding`]): arkworks' *uncompressed* serialization of
//!   `ark_groth16::VerifyingKey` and `ark_groth16::Proof`, and 32-byte little-endian public inputs.
//!   Decoding reports *why* bytes are rejected: wrong length, non-canonical field element, point
//!   not on the curve, point not in the prime-order subgroup, identity point.
//! - [`verify`] for one proof (a 4-pair multi-Miller loop and one final exponentiation) and
//!   [`verify_batch`] for many proofs of one key (a random linear combination checked with one `n +
//!   3`-pair multi-Miller loop and one final exponentiation).
//! - [`vk_hash`] and [`statement_hash`]: keccak-256 hashes, domain-separated, that name a key and a
//!   verified statement on chain and in attestations (EVM-friendly).
//! - [`snarkjs`] (with `std`): conversion of `verification_key.json`, `proof.json` and
//!   `public.json` exactly as snarkjs writes them, and of arkworks-serialized (compressed or
//!   uncompressed) keys and proofs, into the canonical encoding.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod encoding;
#[cfg(any(test, feature = "prover"))]
pub mod prover;
pub mod simulate;
#[cfg(feature = "std")]
pub mod snarkjs;
mod verifier;

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

pub use encoding::{DecodedProof, DecodedVk};

/// The most public inputs a verification key may have (zkVerify's limit too).
pub const MAX_PUBLIC_INPUTS: usize = 64;
/// Bytes of one encoded public input (a scalar field element, little-endian).
pub const SCALAR_LEN: usize = 32;

/// A public input in the canonical encoding: a scalar field element, 32 bytes little-endian,
/// strictly below the field modulus.
pub type PublicInput = [u8; SCALAR_LEN];

/// The pairing-friendly curve of a Groth16 key or proof.
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
pub enum Curve {
	/// BN254 (alt_bn128; snarkjs `bn128`, Ethereum's precompiles).
	#[codec(index = 0)]
	Bn254,
	/// BLS12-381 (snarkjs `bls12381`, Zcash, Filecoin).
	#[codec(index = 1)]
	Bls12_381,
}

impl Curve {
	/// Bytes of an uncompressed G1 point.
	pub const fn g1_len(self) -> usize {
		match self {
			Curve::Bn254 => 64,
			Curve::Bls12_381 => 96,
		}
	}
	/// Bytes of an uncompressed G2 point.
	pub const fn g2_len(self) -> usize {
		match self {
			Curve::Bn254 => 128,
			Curve::Bls12_381 => 192,
		}
	}
	/// Bytes of a canonical proof: `a` (G1), `b` (G2), `c` (G1).
	pub const fn proof_len(self) -> usize {
		2 * self.g1_len() + self.g2_len()
	}
	/// Bytes of a canonical verification key with `public_inputs` inputs.
	pub const fn vk_len(self, public_inputs: usize) -> usize {
		// alpha (G1), beta, gamma, delta (G2), u64 count, IC (G1 × (inputs + 1))
		self.g1_len() + 3 * self.g2_len() + 8 + (public_inputs + 1) * self.g1_len()
	}
	/// The byte that identifies the proof system in hashes.
	pub const fn system_id(self) -> u8 {
		match self {
			Curve::Bn254 => 0x01,
			Curve::Bls12_381 => 0x02,
		}
	}
	/// From the `u32` used across the host-function boundary.
	pub const fn from_u32(v: u32) -> Option<Curve> {
		match v {
			0 => Some(Curve::Bn254),
			1 => Some(Curve::Bls12_381),
			_ => None,
		}
	}
	/// To the `u32` used across the host-function boundary.
	pub const fn as_u32(self) -> u32 {
		match self {
			Curve::Bn254 => 0,
			Curve::Bls12_381 => 1,
		}
	}
}

/// Why a key, proof or input was rejected. Every variant is a distinct, documented reason.
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
pub enum Error {
	/// The bytes have the wrong length for their curve and input count.
	InvalidLength,
	/// A field element is not canonical (≥ modulus) or flag bits are invalid.
	InvalidEncoding,
	/// A point's coordinates do not satisfy the curve equation.
	PointNotOnCurve,
	/// A point is on the curve but outside the prime-order subgroup.
	PointNotInSubgroup,
	/// A key or proof point that must not be the identity is the identity.
	PointAtInfinity,
	/// The key has more than [`MAX_PUBLIC_INPUTS`] public inputs (or none at all: `IC` empty).
	TooManyPublicInputs,
	/// The number of public inputs differs from the key's.
	PublicInputCountMismatch,
	/// A public input is not a canonical scalar (≥ the scalar field modulus).
	InvalidPublicInput,
	/// The verification equation does not hold: the proof is not valid for these inputs.
	VerificationFailed,
	/// A batch has no proofs.
	EmptyBatch,
	/// Proof `index` (0-based) of a batch is invalid; the other proofs were not accepted either.
	InvalidProofInBatch(u32),
	/// The curve identifier is unknown.
	UnknownCurve,
	/// The key is degenerate (`gamma = delta`): proofs for it could be forged.
	DegenerateVerificationKey,
}

impl Error {
	/// The code that crosses the host-function boundary (`0` means success). The low byte is
	/// the variant, the upper 32 bits the index for [`Error::InvalidProofInBatch`].
	pub const fn code(self) -> u64 {
		match self {
			Error::InvalidLength => 1,
			Error::InvalidEncoding => 2,
			Error::PointNotOnCurve => 3,
			Error::PointNotInSubgroup => 4,
			Error::PointAtInfinity => 5,
			Error::TooManyPublicInputs => 6,
			Error::PublicInputCountMismatch => 7,
			Error::InvalidPublicInput => 8,
			Error::VerificationFailed => 9,
			Error::EmptyBatch => 10,
			Error::InvalidProofInBatch(i) => 11 | ((i as u64) << 32),
			Error::UnknownCurve => 12,
			Error::DegenerateVerificationKey => 13,
		}
	}

	/// Inverse of [`Error::code`]; `Ok(())` for `0`.
	pub const fn result_from_code(code: u64) -> Result<(), Error> {
		Err(match code & 0xff {
			0 => return Ok(()),
			1 => Error::InvalidLength,
			2 => Error::InvalidEncoding,
			3 => Error::PointNotOnCurve,
			4 => Error::PointNotInSubgroup,
			5 => Error::PointAtInfinity,
			6 => Error::TooManyPublicInputs,
			7 => Error::PublicInputCountMismatch,
			8 => Error::InvalidPublicInput,
			9 => Error::VerificationFailed,
			10 => Error::EmptyBatch,
			11 => Error::InvalidProofInBatch((code >> 32) as u32),
			13 => Error::DegenerateVerificationKey,
			_ => Error::UnknownCurve,
		})
	}

	/// `Ok(()) → 0`, `Err(e) → e.code()`.
	pub const fn code_of(result: Result<(), Error>) -> u64 {
		match result {
			Ok(()) => 0,
			Err(e) => e.code(),
		}
	}
}

impl core::fmt::Display for Error {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		let text = match self {
			Error::InvalidLength => "wrong byte length for this curve and input count",
			Error::InvalidEncoding => "non-canonical field element or invalid flags",
			Error::PointNotOnCurve => "point is not on the curve",
			Error::PointNotInSubgroup => "point is not in the prime-order subgroup",
			Error::PointAtInfinity => "point must not be the identity",
			Error::TooManyPublicInputs =>
				"verification key has too many (or zero IC) public inputs",
			Error::PublicInputCountMismatch => "number of public inputs differs from the key's",
			Error::InvalidPublicInput => "public input is not a canonical scalar (>= modulus)",
			Error::VerificationFailed => "proof does not verify for these public inputs",
			Error::EmptyBatch => "batch is empty",
			Error::InvalidProofInBatch(i) => return write!(f, "proof #{i} of the batch is invalid"),
			Error::UnknownCurve => "unknown curve",
			Error::DegenerateVerificationKey => "degenerate verification key (gamma = delta)",
		};
		f.write_str(text)
	}
}

#[cfg(feature = "std")]
impl std::error::Error for Error {}

/// Facts about a validated verification key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VkInfo {
	/// How many public inputs a proof for this key has.
	pub public_inputs: u32,
}

/// Checks a canonical verification key: exact length, every point canonical, on the curve and
/// in the prime-order subgroup, `alpha`, `beta`, `gamma`, `delta` not the identity, at most
/// [`MAX_PUBLIC_INPUTS`] inputs.
pub fn validate_vk(curve: Curve, vk: &[u8]) -> Result<VkInfo, Error> {
	let public_inputs = match curve {
		Curve::Bn254 => encoding::decode_vk::<ark_bn254::Bn254>(curve, vk)?.public_inputs(),
		Curve::Bls12_381 =>
			encoding::decode_vk::<ark_bls12_381::Bls12_381>(curve, vk)?.public_inputs(),
	};
	Ok(VkInfo { public_inputs: public_inputs as u32 })
}

/// Verifies one proof against a canonical key and inputs.
pub fn verify(curve: Curve, vk: &[u8], proof: &[u8], inputs: &[PublicInput]) -> Result<(), Error> {
	match curve {
		Curve::Bn254 => verifier::verify::<ark_bn254::Bn254>(curve, vk, proof, inputs),
		Curve::Bls12_381 => verifier::verify::<ark_bls12_381::Bls12_381>(curve, vk, proof, inputs),
	}
}

/// Verifies a batch of proofs of one key with a random linear combination.
///
/// The combination's coefficients are 128-bit values derived from a keccak-256 hash of the
/// key and of *every* proof and input in the batch, so a prover fixes them only by fixing the
/// whole batch: an invalid proof passes with probability about 2⁻¹²⁸. If the combined check
/// fails, each proof is checked alone to name the first invalid one
/// ([`Error::InvalidProofInBatch`]); a malformed proof is named the same way.
pub fn verify_batch(
	curve: Curve,
	vk: &[u8],
	batch: &[(Vec<u8>, Vec<PublicInput>)],
) -> Result<(), Error> {
	match curve {
		Curve::Bn254 => verifier::verify_batch::<ark_bn254::Bn254>(curve, vk, batch),
		Curve::Bls12_381 => verifier::verify_batch::<ark_bls12_381::Bls12_381>(curve, vk, batch),
	}
}

/// Validates a canonical key and returns its **prepared** form: arkworks'
/// `PreparedVerifyingKey` (the key, `e(α, β)`, the Miller-loop lines of `−γ` and `−δ`),
/// uncompressed. The chain stores it at registration, so that a verification against a
/// registered key neither re-validates the key nor recomputes any of that.
pub fn prepare_vk(curve: Curve, vk: &[u8]) -> Result<Vec<u8>, Error> {
	match curve {
		Curve::Bn254 => verifier::prepare_vk::<ark_bn254::Bn254>(curve, vk),
		Curve::Bls12_381 => verifier::prepare_vk::<ark_bls12_381::Bls12_381>(curve, vk),
	}
}

/// [`verify`] against a key prepared by [`prepare_vk`]. The prepared bytes are trusted (not
/// re-validated): pass only bytes [`prepare_vk`] returned. The proof and inputs are validated
/// exactly as by [`verify`], and the answer is the same.
pub fn verify_prepared(
	curve: Curve,
	prepared: &[u8],
	proof: &[u8],
	inputs: &[PublicInput],
) -> Result<(), Error> {
	match curve {
		Curve::Bn254 =>
			verifier::verify_prepared::<ark_bn254::Bn254>(curve, prepared, proof, inputs),
		Curve::Bls12_381 =>
			verifier::verify_prepared::<ark_bls12_381::Bls12_381>(curve, prepared, proof, inputs),
	}
}

/// [`verify_batch`] against a key prepared by [`prepare_vk`], named by its [`vk_hash`] (the
/// batch coefficients bind it). Same answer as [`verify_batch`] on the key's canonical bytes.
pub fn verify_batch_prepared(
	curve: Curve,
	prepared: &[u8],
	vk_hash: &[u8; 32],
	batch: &[(Vec<u8>, Vec<PublicInput>)],
) -> Result<(), Error> {
	match curve {
		Curve::Bn254 =>
			verifier::verify_batch_prepared::<ark_bn254::Bn254>(curve, prepared, vk_hash, batch),
		Curve::Bls12_381 => verifier::verify_batch_prepared::<ark_bls12_381::Bls12_381>(
			curve, prepared, vk_hash, batch,
		),
	}
}

/// The largest prepared key ([`prepare_vk`]): BLS12-381 with [`MAX_PUBLIC_INPUTS`] inputs
/// (checked by a test).
pub const MAX_PREPARED_VK_LEN: usize = 48 * 1024;

/// keccak-256.
pub fn keccak_256(data: &[u8]) -> [u8; 32] {
	sp_crypto_hashing::keccak_256(data)
}

/// The hash that names a verification key: `keccak256("zkp:groth16:vk:v1" ‖ system ‖ vk)`.
pub fn vk_hash(curve: Curve, vk: &[u8]) -> [u8; 32] {
	let mut data = Vec::with_capacity(18 + 1 + vk.len());
	data.extend_from_slice(b"zkp:groth16:vk:v1");
	data.push(curve.system_id());
	data.extend_from_slice(vk);
	keccak_256(&data)
}

/// `keccak256` of the concatenated canonical public inputs.
pub fn inputs_hash(inputs: &[PublicInput]) -> [u8; 32] {
	let mut data = Vec::with_capacity(inputs.len() * SCALAR_LEN);
	for input in inputs {
		data.extend_from_slice(input);
	}
	keccak_256(&data)
}

/// The statement a verified proof establishes: "a proof for key `vk_hash` with these public
/// inputs was verified". `keccak256("zkp:groth16:statement:v1" ‖ system ‖ vk_hash ‖
/// keccak256(inputs))`. The proof itself is not part of it: any valid proof of the same
/// statement proves the same thing.
pub fn statement_hash(curve: Curve, vk_hash: &[u8; 32], inputs: &[PublicInput]) -> [u8; 32] {
	let mut data = Vec::with_capacity(25 + 1 + 64);
	data.extend_from_slice(b"zkp:groth16:statement:v1");
	data.push(curve.system_id());
	data.extend_from_slice(vk_hash);
	data.extend_from_slice(&inputs_hash(inputs));
	keccak_256(&data)
}

#[cfg(test)]
mod tests;
