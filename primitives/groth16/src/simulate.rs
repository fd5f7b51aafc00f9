//! Keys and proofs built from a *known* trapdoor, for benchmarks.
//!
//! A Groth16 key made by someone who knows `α, β, γ, δ` (and the discrete logs `uⱼ` of the
//! `IC` points) can satisfy the verification equation for any inputs: pick `a, b`, set
//! `A = a·G₁`, `B = b·G₂`, `C = ((a·b − α·β − l·γ) / δ)·G₁` with `l = u₀ + Σ xⱼ·uⱼ`. Such proofs
//! cost the verifier exactly what real ones do, for any number of inputs, without running a
//! prover inside the runtime. They are useless as evidence — the trapdoor is public here — and
//! are only for measuring verification (FRAME benchmarks).

use crate::{
	encoding::{encode_proof, encode_scalar, encode_vk, PairingCurve},
	keccak_256, Curve, PublicInput,
};
use alloc::vec::Vec;
use ark_ec::{AffineRepr, CurveGroup};
use ark_ff::{Field, PrimeField};

/// A deterministic scalar stream from a seed.
struct Scalars {
	seed: [u8; 32],
	counter: u64,
}

impl Scalars {
	fn next<F: PrimeField>(&mut self) -> F {
		let mut data = [0u8; 40];
		data[..32].copy_from_slice(&self.seed);
		data[32..].copy_from_slice(&self.counter.to_le_bytes());
		self.counter += 1;
		let f = F::from_le_bytes_mod_order(&keccak_256(&data));
		if f.is_zero() {
			F::one()
		} else {
			f
		}
	}
}

fn build<E: PairingCurve>(
	public_inputs: usize,
	proofs: usize,
	seed: u64,
) -> (Vec<u8>, Vec<(Vec<u8>, Vec<PublicInput>)>) {
	let mut rng = Scalars { seed: keccak_256(&seed.to_le_bytes()), counter: 0 };
	let g1 = E::G1Affine::generator();
	let g2 = E::G2Affine::generator();
	let (alpha, beta, gamma, delta): (
		E::ScalarField,
		E::ScalarField,
		E::ScalarField,
		E::ScalarField,
	) = (rng.next(), rng.next(), rng.next(), rng.next());
	let u: Vec<E::ScalarField> = (0..=public_inputs).map(|_| rng.next()).collect();
	let vk = ark_groth16::VerifyingKey::<E> {
		alpha_g1: (g1 * alpha).into_affine(),
		beta_g2: (g2 * beta).into_affine(),
		gamma_g2: (g2 * gamma).into_affine(),
		delta_g2: (g2 * delta).into_affine(),
		gamma_abc_g1: u.iter().map(|uj| (g1 * uj).into_affine()).collect(),
	};
	let delta_inv = delta.inverse().expect("delta is non-zero");
	let batch = (0..proofs)
		.map(|_| {
			let x: Vec<E::ScalarField> = (0..public_inputs).map(|_| rng.next()).collect();
			let l = u[0] + x.iter().zip(&u[1..]).map(|(xj, uj)| *xj * uj).sum::<E::ScalarField>();
			let (a, b): (E::ScalarField, E::ScalarField) = (rng.next(), rng.next());
			let c = (a * b - alpha * beta - l * gamma) * delta_inv;
			let proof = ark_groth16::Proof::<E> {
				a: (g1 * a).into_affine(),
				b: (g2 * b).into_affine(),
				c: (g1 * c).into_affine(),
			};
			(encode_proof(&proof), x.iter().map(encode_scalar).collect())
		})
		.collect();
	(encode_vk(&vk), batch)
}

/// A key with `public_inputs` inputs and `proofs` proofs that satisfy it.
pub fn fixture(
	curve: Curve,
	public_inputs: usize,
	proofs: usize,
	seed: u64,
) -> (Vec<u8>, Vec<(Vec<u8>, Vec<PublicInput>)>) {
	match curve {
		Curve::Bn254 => build::<ark_bn254::Bn254>(public_inputs, proofs, seed),
		Curve::Bls12_381 => build::<ark_bls12_381::Bls12_381>(public_inputs, proofs, seed),
	}
}
