//! Single and batched Groth16 verification over any [`PairingCurve`].
//!
//! A proof `(A, B, C)` for inputs `x` is valid iff
//! `e(A, B) = e(α, β) · e(L, γ) · e(C, δ)` with `L = IC₀ + Σ xⱼ·ICⱼ`. We check
//! `e(A, B) · e(−L, γ) · e(−C, δ) · e(−α, β) = 1` with one 4-pair multi-Miller loop and one
//! final exponentiation (no separate `e(α, β)` pairing).
//!
//! A batch of `n` proofs of one key is checked as one random linear combination with
//! coefficients `rᵢ`: `Π e(rᵢ·Aᵢ, Bᵢ) · e(−Σrᵢ·Lᵢ, γ) · e(−Σrᵢ·Cᵢ, δ) · e(−(Σrᵢ)·α, β) = 1`,
//! an `n + 3`-pair multi-Miller loop and one final exponentiation, where
//! `Σrᵢ·Lᵢ = (Σrᵢ)·IC₀ + Σⱼ (Σᵢ rᵢ·xᵢⱼ)·ICⱼ` is a single multi-scalar multiplication.

use crate::{
	encoding::{decode_inputs, decode_proof, decode_vk, DecodedProof, DecodedVk, PairingCurve},
	keccak_256, vk_hash, Curve, Error, PublicInput,
};
use alloc::vec::Vec;
use ark_ec::{
	pairing::{Pairing, PairingOutput},
	AffineRepr, CurveGroup, PrimeGroup, VariableBaseMSM,
};
use ark_ff::{One, PrimeField};
use ark_groth16::{PreparedVerifyingKey, VerifyingKey};
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize, Compress, Validate};
use core::ops::Neg;

/// `IC₀ + Σ xⱼ·ICⱼ` as one multi-scalar multiplication.
fn prepare_inputs<E: Pairing>(
	vk: &DecodedVk<E>,
	inputs: &[E::ScalarField],
) -> Result<E::G1, Error> {
	inputs_point::<E>(&vk.gamma_abc_g1, inputs)
}

/// `IC₀ + Σ xⱼ·ICⱼ` for the `IC` points of a key.
fn inputs_point<E: Pairing>(ic: &[E::G1Affine], inputs: &[E::ScalarField]) -> Result<E::G1, Error> {
	if inputs.len() + 1 != ic.len() {
		return Err(Error::PublicInputCountMismatch);
	}
	let msm = E::G1::msm(&ic[1..], inputs).map_err(|_| Error::PublicInputCountMismatch)?;
	Ok(msm + ic[0])
}

fn check_pairing<E: Pairing>(g1: Vec<E::G1Affine>, g2: Vec<E::G2Affine>) -> Result<(), Error> {
	let ml = E::multi_miller_loop(g1, g2);
	match E::final_exponentiation(ml) {
		Some(out) if out.0.is_one() => Ok(()),
		_ => Err(Error::VerificationFailed),
	}
}

fn verify_decoded<E: Pairing>(
	vk: &DecodedVk<E>,
	proof: &DecodedProof<E>,
	inputs: &[E::ScalarField],
) -> Result<(), Error> {
	let l = prepare_inputs(vk, inputs)?;
	let g1 = E::G1::normalize_batch(&[
		l.neg(),
		proof.c.into_group().neg(),
		vk.alpha_g1.into_group().neg(),
	]);
	check_pairing::<E>(
		alloc::vec![proof.a, g1[0], g1[1], g1[2]],
		alloc::vec![proof.b, vk.gamma_g2, vk.delta_g2, vk.beta_g2],
	)
}

pub fn verify<E: PairingCurve>(
	curve: Curve,
	vk: &[u8],
	proof: &[u8],
	inputs: &[PublicInput],
) -> Result<(), Error> {
	let vk = decode_vk::<E>(curve, vk)?;
	let proof = decode_proof::<E>(curve, proof)?;
	if inputs.len() != vk.public_inputs() {
		return Err(Error::PublicInputCountMismatch);
	}
	let inputs = decode_inputs::<E::ScalarField>(inputs)?;
	verify_decoded(&vk, &proof, &inputs)
}

/// The batch coefficients: `rᵢ` = the first 16 bytes of `keccak256(seed ‖ i)`, as a scalar
/// (never zero), where `seed = keccak256("zkp:groth16:batch:v1" ‖ vk_hash ‖ n ‖ proofᵢ ‖
/// inputsᵢ …)`.
fn batch_coefficients<F: PrimeField>(
	vk_hash: &[u8; 32],
	batch: &[(Vec<u8>, Vec<PublicInput>)],
) -> Vec<F> {
	let mut transcript = Vec::new();
	transcript.extend_from_slice(b"zkp:groth16:batch:v1");
	transcript.extend_from_slice(vk_hash);
	transcript.extend_from_slice(&(batch.len() as u64).to_le_bytes());
	for (proof, inputs) in batch {
		transcript.extend_from_slice(&(proof.len() as u64).to_le_bytes());
		transcript.extend_from_slice(proof);
		transcript.extend_from_slice(&(inputs.len() as u64).to_le_bytes());
		for input in inputs {
			transcript.extend_from_slice(input);
		}
	}
	let seed = keccak_256(&transcript);
	(0..batch.len() as u64)
		.map(|i| {
			let mut data = [0u8; 40];
			data[..32].copy_from_slice(&seed);
			data[32..].copy_from_slice(&i.to_le_bytes());
			let r = F::from_le_bytes_mod_order(&keccak_256(&data)[..16]);
			if r.is_zero() {
				F::one()
			} else {
				r
			}
		})
		.collect()
}

/// A batch's proofs and inputs, decoded and checked first: a malformed proof, or one with the
/// wrong number of inputs (`m`), is named by its index.
#[allow(clippy::type_complexity)]
fn decode_batch<E: PairingCurve>(
	curve: Curve,
	m: usize,
	batch: &[(Vec<u8>, Vec<PublicInput>)],
) -> Result<(Vec<DecodedProof<E>>, Vec<Vec<E::ScalarField>>), Error> {
	let mut proofs = Vec::with_capacity(batch.len());
	let mut all_inputs = Vec::with_capacity(batch.len());
	for (index, (proof, inputs)) in batch.iter().enumerate() {
		let bad = |_| Error::InvalidProofInBatch(index as u32);
		proofs.push(decode_proof::<E>(curve, proof).map_err(bad)?);
		if inputs.len() != m {
			return Err(Error::InvalidProofInBatch(index as u32));
		}
		all_inputs.push(decode_inputs::<E::ScalarField>(inputs).map_err(bad)?);
	}
	Ok((proofs, all_inputs))
}

/// The scalars of `Σ rᵢ·Lᵢ = (Σ rᵢ)·IC₀ + Σⱼ (Σᵢ rᵢ·xᵢⱼ)·ICⱼ`, one MSM over the key's `IC`.
fn combined_input_scalars<F: PrimeField>(
	r: &[F],
	r_sum: F,
	all_inputs: &[Vec<F>],
	m: usize,
) -> Vec<F> {
	let mut ic_scalars = alloc::vec![F::zero(); m + 1];
	ic_scalars[0] = r_sum;
	for (ri, inputs) in r.iter().zip(all_inputs) {
		for (j, x) in inputs.iter().enumerate() {
			ic_scalars[j + 1] += *ri * x;
		}
	}
	ic_scalars
}

pub fn verify_batch<E: PairingCurve>(
	curve: Curve,
	vk_bytes: &[u8],
	batch: &[(Vec<u8>, Vec<PublicInput>)],
) -> Result<(), Error> {
	if batch.is_empty() {
		return Err(Error::EmptyBatch);
	}
	let vk = decode_vk::<E>(curve, vk_bytes)?;
	let m = vk.public_inputs();

	let (proofs, all_inputs) = decode_batch::<E>(curve, m, batch)?;
	let r = batch_coefficients::<E::ScalarField>(&vk_hash(curve, vk_bytes), batch);
	let r_sum: E::ScalarField = r.iter().copied().sum();
	let ic_scalars = combined_input_scalars(&r, r_sum, &all_inputs, m);
	let l_sum =
		E::G1::msm(&vk.gamma_abc_g1, &ic_scalars).map_err(|_| Error::PublicInputCountMismatch)?;
	let c_points: Vec<E::G1Affine> = proofs.iter().map(|p| p.c).collect();
	let c_sum = E::G1::msm(&c_points, &r).map_err(|_| Error::PublicInputCountMismatch)?;
	let alpha_sum = vk.alpha_g1 * r_sum;

	let mut g1_proj: Vec<E::G1> = proofs.iter().zip(&r).map(|(p, ri)| p.a * ri).collect();
	g1_proj.push(l_sum.neg());
	g1_proj.push(c_sum.neg());
	g1_proj.push(alpha_sum.neg());
	let g1 = E::G1::normalize_batch(&g1_proj);

	let mut g2: Vec<E::G2Affine> = proofs.iter().map(|p| p.b).collect();
	g2.push(vk.gamma_g2);
	g2.push(vk.delta_g2);
	g2.push(vk.beta_g2);

	if check_pairing::<E>(g1, g2).is_ok() {
		return Ok(());
	}
	// Name the culprit: the first proof that fails alone.
	for (index, (proof, inputs)) in proofs.iter().zip(&all_inputs).enumerate() {
		if verify_decoded(&vk, proof, inputs).is_err() {
			return Err(Error::InvalidProofInBatch(index as u32));
		}
	}
	// Every proof verifies alone, so the combination cannot fail; keep a typed error anyway.
	Err(Error::VerificationFailed)
}

// PREPARED KEYS
// ================================================================================================
//
// A registered key is validated once; what every verification would recompute from it is kept
// with it: arkworks' `PreparedVerifyingKey` (the key, `e(α, β)` and the Miller-loop lines of
// `−γ` and `−δ`), serialized uncompressed. Reading it back skips every check: the bytes must
// come from [`prepare_vk`] (the chain stores them itself at registration, never from a user).

/// The first bytes of every prepared key: the layout's version. A future layout gets a new tag,
/// and bytes of another layout are refused rather than misread.
pub const PREPARED_TAG: &[u8; 8] = b"zkp-pvk1";

/// Validates a canonical key and returns its prepared form (see [`verify_prepared`]).
pub fn prepare_vk<E: PairingCurve>(curve: Curve, vk: &[u8]) -> Result<Vec<u8>, Error> {
	let vk = decode_vk::<E>(curve, vk)?;
	let pvk = ark_groth16::prepare_verifying_key(&VerifyingKey::<E> {
		alpha_g1: vk.alpha_g1,
		beta_g2: vk.beta_g2,
		gamma_g2: vk.gamma_g2,
		delta_g2: vk.delta_g2,
		gamma_abc_g1: vk.gamma_abc_g1,
	});
	let mut out = Vec::with_capacity(PREPARED_TAG.len() + pvk.serialized_size(Compress::No));
	out.extend_from_slice(PREPARED_TAG);
	pvk.serialize_with_mode(&mut out, Compress::No)
		.map_err(|_| Error::InvalidEncoding)?;
	Ok(out)
}

/// Reads a prepared key written by [`prepare_vk`], without re-validating it; every byte used.
fn decode_prepared<E: Pairing>(bytes: &[u8]) -> Result<PreparedVerifyingKey<E>, Error> {
	let mut reader = bytes.strip_prefix(PREPARED_TAG.as_slice()).ok_or(Error::InvalidEncoding)?;
	let pvk =
		PreparedVerifyingKey::<E>::deserialize_with_mode(&mut reader, Compress::No, Validate::No)
			.map_err(|_| Error::InvalidEncoding)?;
	if !reader.is_empty() || pvk.vk.gamma_abc_g1.is_empty() {
		return Err(Error::InvalidEncoding);
	}
	Ok(pvk)
}

/// `e(A, B) · e(L, −γ) · e(C, −δ) = e(α, β)`, with the key's lines and `e(α, β)` prepared.
fn verify_with_prepared<E: Pairing>(
	pvk: &PreparedVerifyingKey<E>,
	proof: &DecodedProof<E>,
	inputs: &[E::ScalarField],
) -> Result<(), Error> {
	let l = inputs_point::<E>(&pvk.vk.gamma_abc_g1, inputs)?.into_affine();
	let ml = E::multi_miller_loop(
		[<E::G1Prepared>::from(proof.a), l.into(), proof.c.into()],
		[proof.b.into(), pvk.gamma_g2_neg_pc.clone(), pvk.delta_g2_neg_pc.clone()],
	);
	match E::final_exponentiation(ml) {
		Some(out) if out.0 == pvk.alpha_g1_beta_g2 => Ok(()),
		_ => Err(Error::VerificationFailed),
	}
}

/// [`verify`] against a key prepared by [`prepare_vk`].
pub fn verify_prepared<E: PairingCurve>(
	curve: Curve,
	prepared: &[u8],
	proof: &[u8],
	inputs: &[PublicInput],
) -> Result<(), Error> {
	let pvk = decode_prepared::<E>(prepared)?;
	let proof = decode_proof::<E>(curve, proof)?;
	if inputs.len() + 1 != pvk.vk.gamma_abc_g1.len() {
		return Err(Error::PublicInputCountMismatch);
	}
	let inputs = decode_inputs::<E::ScalarField>(inputs)?;
	verify_with_prepared(&pvk, &proof, &inputs)
}

/// [`verify_batch`] against a key prepared by [`prepare_vk`] whose canonical bytes hash to
/// `vk_hash` (the coefficients are the same as [`verify_batch`]'s):
/// `Π e(rᵢ·Aᵢ, Bᵢ) · e(Σrᵢ·Lᵢ, −γ) · e(Σrᵢ·Cᵢ, −δ) = e(α, β)^(Σrᵢ)`.
pub fn verify_batch_prepared<E: PairingCurve>(
	curve: Curve,
	prepared: &[u8],
	vk_hash: &[u8; 32],
	batch: &[(Vec<u8>, Vec<PublicInput>)],
) -> Result<(), Error> {
	if batch.is_empty() {
		return Err(Error::EmptyBatch);
	}
	let pvk = decode_prepared::<E>(prepared)?;
	let m = pvk.vk.gamma_abc_g1.len() - 1;
	let (proofs, all_inputs) = decode_batch::<E>(curve, m, batch)?;
	let r = batch_coefficients::<E::ScalarField>(vk_hash, batch);
	let r_sum: E::ScalarField = r.iter().copied().sum();
	let ic_scalars = combined_input_scalars(&r, r_sum, &all_inputs, m);
	let l_sum = E::G1::msm(&pvk.vk.gamma_abc_g1, &ic_scalars)
		.map_err(|_| Error::PublicInputCountMismatch)?;
	let c_points: Vec<E::G1Affine> = proofs.iter().map(|p| p.c).collect();
	let c_sum = E::G1::msm(&c_points, &r).map_err(|_| Error::PublicInputCountMismatch)?;
	let mut g1_proj: Vec<E::G1> = proofs.iter().zip(&r).map(|(p, ri)| p.a * ri).collect();
	g1_proj.push(l_sum);
	g1_proj.push(c_sum);
	let g1 = E::G1::normalize_batch(&g1_proj);
	let mut g2: Vec<E::G2Prepared> = proofs.iter().map(|p| p.b.into()).collect();
	g2.push(pvk.gamma_g2_neg_pc.clone());
	g2.push(pvk.delta_g2_neg_pc.clone());
	let expected = PairingOutput::<E>(pvk.alpha_g1_beta_g2).mul_bigint(r_sum.into_bigint());
	let combined = E::final_exponentiation(E::multi_miller_loop(g1, g2));
	if combined == Some(expected) {
		return Ok(());
	}
	for (index, (proof, inputs)) in proofs.iter().zip(&all_inputs).enumerate() {
		if verify_with_prepared(&pvk, proof, inputs).is_err() {
			return Err(Error::InvalidProofInBatch(index as u32));
		}
	}
	Err(Error::VerificationFailed)
}
