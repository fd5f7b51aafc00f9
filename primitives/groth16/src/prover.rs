//! Real Groth16 proofs from arkworks' prover, for tests (feature `prover`).
//!
//! [`Circuit`] has public inputs `[a·b, x₁, …, x_k]`: `a·b = c` with `a`, `b` private, and each
//! extra input bound by `xⱼ·xⱼ = sⱼ` (`sⱼ` a witness), so every input matters. [`fixture`] runs
//! a setup and proves `n` random statements, returning canonical bytes.

use crate::{
	encoding::{encode_proof, encode_scalar, encode_vk},
	Curve, PublicInput,
};
use alloc::{vec, vec::Vec};
use ark_ec::pairing::Pairing;
use ark_ff::{Field, UniformRand};
use ark_groth16::Groth16;
use ark_relations::{
	gr1cs::{ConstraintSynthesizer, ConstraintSystemRef, SynthesisError},
	lc,
};
use ark_snark::{CircuitSpecificSetupSNARK, SNARK};
use ark_std::rand::{rngs::StdRng, SeedableRng};

/// The test circuit (see the module docs).
#[derive(Clone)]
pub struct Circuit<F: Field> {
	pub a: Option<F>,
	pub b: Option<F>,
	pub extra: Vec<Option<F>>,
}

impl<F: Field> ConstraintSynthesizer<F> for Circuit<F> {
	fn generate_constraints(self, cs: ConstraintSystemRef<F>) -> Result<(), SynthesisError> {
		let missing = || SynthesisError::AssignmentMissing;
		let a = cs.new_witness_variable(|| self.a.ok_or_else(missing))?;
		let b = cs.new_witness_variable(|| self.b.ok_or_else(missing))?;
		let c = cs
			.new_input_variable(|| Ok(self.a.ok_or_else(missing)? * self.b.ok_or_else(missing)?))?;
		cs.enforce_r1cs_constraint(|| lc!() + a, || lc!() + b, || lc!() + c)?;
		for x in self.extra {
			let xi = cs.new_input_variable(|| x.ok_or_else(missing))?;
			let s = cs.new_witness_variable(|| Ok(x.ok_or_else(missing)?.square()))?;
			cs.enforce_r1cs_constraint(|| lc!() + xi, || lc!() + xi, || lc!() + s)?;
		}
		Ok(())
	}
}

/// A canonical key and proofs with their inputs.
pub struct Fixture {
	pub curve: Curve,
	pub vk: Vec<u8>,
	pub proofs: Vec<(Vec<u8>, Vec<PublicInput>)>,
}

/// A key for a circuit with `1 + extra` public inputs and `n` proofs of random statements.
pub fn fixture<E: Pairing>(curve: Curve, extra: usize, n: usize, seed: u64) -> Fixture {
	let mut rng = StdRng::seed_from_u64(seed);
	let blank = Circuit::<E::ScalarField> { a: None, b: None, extra: vec![None; extra] };
	let (pk, vk) = Groth16::<E>::setup(blank, &mut rng).expect("setup of the test circuit");
	let proofs = (0..n)
		.map(|_| {
			let (a, b) = (E::ScalarField::rand(&mut rng), E::ScalarField::rand(&mut rng));
			let xs: Vec<_> = (0..extra).map(|_| E::ScalarField::rand(&mut rng)).collect();
			let circuit =
				Circuit { a: Some(a), b: Some(b), extra: xs.iter().copied().map(Some).collect() };
			let proof =
				Groth16::<E>::prove(&pk, circuit, &mut rng).expect("proving a satisfied circuit");
			let mut inputs = vec![encode_scalar(&(a * b))];
			inputs.extend(xs.iter().map(encode_scalar));
			(encode_proof(&proof), inputs)
		})
		.collect();
	Fixture { curve, vk: encode_vk(&vk), proofs }
}
