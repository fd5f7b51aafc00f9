//! Poseidon commitments to the weights, the input and the output, computed the same way
//! natively (here) and in the circuit ([`crate::circuit`]).
//!
//! - Poseidon over BN254's scalar field: width 3 (rate 2, capacity 1), `x⁵` S-box, 8 full and 57
//!   partial rounds (the round numbers the Poseidon paper gives for this width and 128-bit
//!   security), round constants and MDS matrix from its Grain LFSR, as arkworks generates them
//!   (`find_poseidon_ark_and_mds`).
//! - Each commitment absorbs a domain tag, the shape, then the values and squeezes one field
//!   element; the weights commitment also absorbs a random salt first (it is hiding).
//! - Weights, biases and inputs are [`VALUE_BITS`]-bit signed integers, offset by `2^15` to be
//!   non-negative and **packed** [`PACK`] to a field element (`Σ (vⱼ + 2^15)·2^(16·j)`, 240 bits):
//!   the circuit proves each value's range bit by bit, so one packed element has one decomposition,
//!   and a model of `n` parameters costs `n/15` absorptions instead of `n`.
//! - Outputs are absorbed one per element (signed values as field elements, `-v` = `r - v`).

use crate::quant::{QuantizedMlp, VALUE_BITS};
use ark_bn254::Fr;
use ark_crypto_primitives::sponge::{
	poseidon::{find_poseidon_ark_and_mds, PoseidonConfig, PoseidonSponge},
	CryptographicSponge,
};
use ark_ff::PrimeField;
use std::sync::OnceLock;

/// Values packed into one field element.
pub const PACK: usize = 15;
/// Domain tags of the three commitments.
pub const WEIGHTS_TAG: u64 = u64::from_le_bytes(*b"zkp/mlpw");
pub const INPUT_TAG: u64 = u64::from_le_bytes(*b"zkp/mlpi");
pub const OUTPUT_TAG: u64 = u64::from_le_bytes(*b"zkp/mlpo");

/// The Poseidon parameters (computed once).
pub fn poseidon_config() -> &'static PoseidonConfig<Fr> {
	static CONFIG: OnceLock<PoseidonConfig<Fr>> = OnceLock::new();
	CONFIG.get_or_init(|| {
		let (full, partial, alpha, rate) = (8u64, 57u64, 5u64, 2usize);
		let (ark, mds) =
			find_poseidon_ark_and_mds::<Fr>(Fr::MODULUS_BIT_SIZE as u64, rate, full, partial, 0);
		PoseidonConfig::new(full as usize, partial as usize, alpha, mds, ark, rate, 1)
	})
}

/// `v + 2^15`: a [`VALUE_BITS`]-bit signed value as an unsigned one.
pub fn offset(v: i64) -> u64 {
	(v + (1i64 << (VALUE_BITS - 1))) as u64
}

/// Packs signed values [`PACK`] to a field element (see the module docs).
pub fn pack(values: impl IntoIterator<Item = i64>) -> Vec<Fr> {
	let values: Vec<i64> = values.into_iter().collect();
	values
		.chunks(PACK)
		.map(|chunk| {
			let shift = Fr::from(1u64 << VALUE_BITS);
			chunk
				.iter()
				.rev()
				.fold(Fr::from(0u64), |acc, v| acc * shift + Fr::from(offset(*v)))
		})
		.collect()
}

fn squeeze(tag: u64, shape: &[usize], elements: &[Fr]) -> Fr {
	let mut sponge = PoseidonSponge::new(poseidon_config());
	let mut head = vec![Fr::from(tag)];
	head.extend(shape.iter().map(|s| Fr::from(*s as u64)));
	sponge.absorb(&head);
	sponge.absorb(&elements.to_vec());
	sponge.squeeze_field_elements::<Fr>(1)[0]
}

/// The commitment to a model's weights and biases (its shape included), blinded by `salt` (a
/// random field element kept with the weights), so that guessing weights cannot be checked
/// against it.
pub fn weights_commitment(model: &QuantizedMlp, salt: Fr) -> Fr {
	let mut elements = vec![salt];
	elements.extend(pack(model.parameter_values()));
	squeeze(WEIGHTS_TAG, &model.layers, &elements)
}

/// The commitment to `rows` rows of quantized input.
pub fn input_commitment(input: &[i64], rows: usize) -> Fr {
	squeeze(INPUT_TAG, &[rows, input.len()], &pack(input.iter().copied()))
}

/// The commitment to the output values.
pub fn output_commitment(output: &[i64]) -> Fr {
	let elements: Vec<Fr> = output.iter().map(|v| Fr::from(*v)).collect();
	squeeze(OUTPUT_TAG, &[output.len()], &elements)
}
