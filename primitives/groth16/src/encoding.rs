//! The canonical on-chain encoding and its validating decoder.
//!
//! | item | bytes (BN254 / BLS12-381) | layout |
//! | --- | --- | --- |
//! | G1 point | 64 / 96 | arkworks uncompressed. BN254: `x ‖ y` little-endian, flags in the top bits of the last byte. BLS12-381: the zcash format, big-endian, flags in the top 3 bits of the first byte |
//! | G2 point | 128 / 192 | BN254: `x.c0 ‖ x.c1 ‖ y.c0 ‖ y.c1`; BLS12-381: zcash format (`x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0`, big-endian) |
//! | proof | 256 / 384 | `a (G1) ‖ b (G2) ‖ c (G1)` = arkworks `Proof` uncompressed |
//! | key | `G1 + 3·G2 + 8 + (n+1)·G1` | `alpha ‖ beta ‖ gamma ‖ delta ‖ n+1 (u64 LE) ‖ IC[0..=n]` = arkworks `VerifyingKey` uncompressed |
//! | public input | 32 | scalar, little-endian, `< r` |
//!
//! Decoding never trusts the bytes: every point must be in its one canonical encoding, on the
//! curve and in the prime-order subgroup; key points `alpha`, `beta`, `gamma`, `delta` and the
//! three proof points must not be the identity, and `gamma ≠ delta`.

use crate::{Curve, Error, PublicInput, MAX_PUBLIC_INPUTS, SCALAR_LEN};
use alloc::vec::Vec;
use ark_ec::{
	pairing::Pairing,
	short_weierstrass::{Affine, Projective, SWCurveConfig},
	AffineRepr,
};
use ark_ff::PrimeField;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize, Compress, Validate};

/// A pairing whose groups are short-Weierstrass curves, so points can be checked one property
/// at a time (canonical encoding, curve equation, subgroup) with a distinct error for each.
pub trait PairingCurve:
	Pairing<
	G1 = Projective<Self::G1Config>,
	G2 = Projective<Self::G2Config>,
	G1Affine = Affine<Self::G1Config>,
	G2Affine = Affine<Self::G2Config>,
>
{
	type G1Config: SWCurveConfig<ScalarField = Self::ScalarField>;
	type G2Config: SWCurveConfig<ScalarField = Self::ScalarField>;
}

impl PairingCurve for ark_bn254::Bn254 {
	type G1Config = ark_bn254::g1::Config;
	type G2Config = ark_bn254::g2::Config;
}

impl PairingCurve for ark_bls12_381::Bls12_381 {
	type G1Config = ark_bls12_381::g1::Config;
	type G2Config = ark_bls12_381::g2::Config;
}

/// A decoded, validated verification key.
pub struct DecodedVk<E: Pairing> {
	pub alpha_g1: E::G1Affine,
	pub beta_g2: E::G2Affine,
	pub gamma_g2: E::G2Affine,
	pub delta_g2: E::G2Affine,
	pub gamma_abc_g1: Vec<E::G1Affine>,
}

impl<E: Pairing> DecodedVk<E> {
	/// Number of public inputs a proof for this key carries.
	pub fn public_inputs(&self) -> usize {
		self.gamma_abc_g1.len() - 1
	}
}

/// A decoded, validated proof.
pub struct DecodedProof<E: Pairing> {
	pub a: E::G1Affine,
	pub b: E::G2Affine,
	pub c: E::G1Affine,
}

/// Decodes one uncompressed point and validates it: canonical coordinates and flags, on the
/// curve, in the prime-order subgroup, and (unless allowed) not the identity.
pub fn decode_point<C: SWCurveConfig>(
	bytes: &[u8],
	allow_identity: bool,
) -> Result<Affine<C>, Error> {
	if bytes.len() != Affine::<C>::identity().uncompressed_size() {
		return Err(Error::InvalidLength);
	}
	let point = Affine::<C>::deserialize_with_mode(bytes, Compress::No, Validate::No)
		.map_err(|_| Error::InvalidEncoding)?;
	// One encoding per point: arkworks' BN254 reader ignores some flag bits and the coordinates
	// of the identity, so bytes that do not re-serialize to themselves are rejected (keys and
	// proofs are then not malleable and `vk_hash` names exactly one key).
	let mut canonical = Vec::with_capacity(bytes.len());
	point
		.serialize_with_mode(&mut canonical, Compress::No)
		.map_err(|_| Error::InvalidEncoding)?;
	if canonical != bytes {
		return Err(Error::InvalidEncoding);
	}
	if point.is_zero() {
		return if allow_identity { Ok(point) } else { Err(Error::PointAtInfinity) };
	}
	if !point.is_on_curve() {
		return Err(Error::PointNotOnCurve);
	}
	if !point.is_in_correct_subgroup_assuming_on_curve() {
		return Err(Error::PointNotInSubgroup);
	}
	Ok(point)
}

/// Decodes and validates a canonical verification key.
pub fn decode_vk<E: PairingCurve>(curve: Curve, bytes: &[u8]) -> Result<DecodedVk<E>, Error> {
	let (g1, g2) = (curve.g1_len(), curve.g2_len());
	let header = g1 + 3 * g2 + 8;
	if bytes.len() < header {
		return Err(Error::InvalidLength);
	}
	let count_bytes: [u8; 8] =
		bytes[header - 8..header].try_into().map_err(|_| Error::InvalidLength)?;
	let count = u64::from_le_bytes(count_bytes);
	if count == 0 || count > (MAX_PUBLIC_INPUTS as u64) + 1 {
		return Err(Error::TooManyPublicInputs);
	}
	if bytes.len() != curve.vk_len(count as usize - 1) {
		return Err(Error::InvalidLength);
	}
	let alpha_g1 = decode_point::<E::G1Config>(&bytes[0..g1], false)?;
	let beta_g2 = decode_point::<E::G2Config>(&bytes[g1..g1 + g2], false)?;
	let gamma_g2 = decode_point::<E::G2Config>(&bytes[g1 + g2..g1 + 2 * g2], false)?;
	let delta_g2 = decode_point::<E::G2Config>(&bytes[g1 + 2 * g2..g1 + 3 * g2], false)?;
	// With γ = δ anyone can forge proofs (A = α, B = β, C = −L verifies for every input), and
	// with δ = −γ just as well (C = L).
	if gamma_g2 == delta_g2 || gamma_g2 == -delta_g2 {
		return Err(Error::DegenerateVerificationKey);
	}
	let gamma_abc_g1 = bytes[header..]
		.chunks_exact(g1)
		.map(|chunk| decode_point::<E::G1Config>(chunk, true))
		.collect::<Result<Vec<_>, _>>()?;
	Ok(DecodedVk { alpha_g1, beta_g2, gamma_g2, delta_g2, gamma_abc_g1 })
}

/// Decodes and validates a canonical proof.
pub fn decode_proof<E: PairingCurve>(curve: Curve, bytes: &[u8]) -> Result<DecodedProof<E>, Error> {
	let (g1, g2) = (curve.g1_len(), curve.g2_len());
	if bytes.len() != curve.proof_len() {
		return Err(Error::InvalidLength);
	}
	Ok(DecodedProof {
		a: decode_point::<E::G1Config>(&bytes[0..g1], false)?,
		b: decode_point::<E::G2Config>(&bytes[g1..g1 + g2], false)?,
		c: decode_point::<E::G1Config>(&bytes[g1 + g2..], false)?,
	})
}

/// Decodes canonical public inputs; each must be below the scalar field modulus.
pub fn decode_inputs<F: PrimeField>(inputs: &[PublicInput]) -> Result<Vec<F>, Error> {
	inputs
		.iter()
		.map(|bytes| {
			F::deserialize_with_mode(&bytes[..], Compress::No, Validate::Yes)
				.map_err(|_| Error::InvalidPublicInput)
		})
		.collect()
}

/// Encodes a scalar canonically (32 bytes, little-endian).
pub fn encode_scalar<F: PrimeField>(value: &F) -> PublicInput {
	let mut out = [0u8; SCALAR_LEN];
	let mut bytes = Vec::with_capacity(SCALAR_LEN);
	value
		.serialize_with_mode(&mut bytes, Compress::No)
		.expect("writing to a Vec cannot fail");
	out[..bytes.len()].copy_from_slice(&bytes);
	out
}

/// Encodes an arkworks verifying key canonically (uncompressed).
pub fn encode_vk<E: Pairing>(vk: &ark_groth16::VerifyingKey<E>) -> Vec<u8> {
	let mut out = Vec::new();
	vk.serialize_with_mode(&mut out, Compress::No)
		.expect("writing to a Vec cannot fail");
	out
}

/// Encodes an arkworks proof canonically (uncompressed).
pub fn encode_proof<E: Pairing>(proof: &ark_groth16::Proof<E>) -> Vec<u8> {
	let mut out = Vec::new();
	proof
		.serialize_with_mode(&mut out, Compress::No)
		.expect("writing to a Vec cannot fail");
	out
}
