//! The R1CS circuit: "the model committed to as `W`, run on the input committed to as `I`,
//! outputs the values committed to as `O`", bound to one task and one agent.
//!
//! Public inputs, in this order (each a BN254 scalar): `W` ([`commit::weights_commitment`],
//! blinded by a private salt),
//! `I` ([`commit::input_commitment`]), `O` ([`commit::output_commitment`]) and the binding
//! (`blake2_256(SCALE(task, agent))` with its top three bits cleared, computed by the chain).
//! The weights, biases and input are private witnesses.
//!
//! Constraints, for `p` parameters, `m` multiplications (`Σ in·out` per row), `n` neurons:
//! - every parameter and input value: [`VALUE_BITS`] boolean constraints (its range), packed into
//!   the Poseidon absorption as a linear combination (no constraint);
//! - every product `wᵢ·xᵢ`: one constraint (`z` is a linear combination of them);
//! - every neuron: [`ACC_BITS`] boolean constraints and one equality for the decomposition `z +
//!   2^63 = Σ bₖ·2^k`, from which `⌊z/2^8⌋` and the sign are read, and one constraint for ReLU on
//!   hidden layers (`y = sign·⌊z/2^8⌋`);
//! - three Poseidon sponges (about 240 constraints per permutation, one permutation per two
//!   absorbed elements);
//! - the binding is squared once, so it takes part in a constraint (an input used by no constraint
//!   would not be bound by the proof).

use crate::{
	commit::{self, poseidon_config, INPUT_TAG, OUTPUT_TAG, PACK, WEIGHTS_TAG},
	quant::{QuantizedMlp, ACC_BITS, SCALE_BITS, VALUE_BITS},
};
use ark_bn254::Fr;
use ark_crypto_primitives::sponge::{
	constraints::CryptographicSpongeVar, poseidon::constraints::PoseidonSpongeVar,
};
use ark_r1cs_std::{
	alloc::AllocVar,
	boolean::Boolean,
	eq::EqGadget,
	fields::{fp::FpVar, FieldVar},
};
use ark_relations::gr1cs::{ConstraintSynthesizer, ConstraintSystemRef, SynthesisError};

/// The shape a circuit is made for: one per model (and rows per task).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CircuitShape {
	/// `[in, hidden…, out]`.
	pub layers: Vec<usize>,
	/// Input rows per task.
	pub rows: usize,
}

impl CircuitShape {
	/// Multiplications, neurons with ReLU, neurons without, parameters and input values
	/// (saturating: an absurd shape counts as too large, never wraps).
	fn counts(&self) -> (usize, usize, usize, usize, usize) {
		let dense: Vec<(usize, usize)> = self.layers.windows(2).map(|w| (w[0], w[1])).collect();
		let sum = |f: &dyn Fn(&(usize, usize)) -> usize| {
			dense.iter().map(f).fold(0usize, usize::saturating_add)
		};
		let products = sum(&|(i, o)| i.saturating_mul(*o));
		let hidden = sum(&|(_, o)| *o).saturating_sub(dense.last().map_or(0, |(_, o)| *o));
		let out = self.layers.last().copied().unwrap_or(0);
		let params = sum(&|(i, o)| i.saturating_mul(*o).saturating_add(*o));
		let rows = |n: usize| n.saturating_mul(self.rows);
		(
			rows(products),
			rows(hidden),
			rows(out),
			params,
			rows(self.layers.first().copied().unwrap_or(0)),
		)
	}

	/// The circuit's constraint count, computed from the shape (the tests check it against
	/// the synthesized circuit), so a model too large is refused before any work.
	pub fn constraints(&self) -> usize {
		let (products, hidden, out, params, inputs) = self.counts();
		let bits = |n: usize, b: u32| n.saturating_mul(b as usize);
		[
			bits(params.saturating_add(inputs), VALUE_BITS),
			products,
			bits(hidden.saturating_add(out), ACC_BITS + 1),
			hidden,
			poseidon_constraints(1 + self.layers.len(), 1 + params.div_ceil(PACK)),
			poseidon_constraints(3, inputs.div_ceil(PACK)),
			poseidon_constraints(2, out),
			// Three commitment equalities and the binding's square.
			4,
		]
		.into_iter()
		.fold(0, usize::saturating_add)
	}
}

/// Constraints of a width-3 Poseidon sponge that absorbs `constants` constant elements (tag,
/// shape) then `variables` (≥ 1) and squeezes one. A permutation runs per two absorbed
/// elements; those over a constant state cost nothing, and in the first one that meets a
/// variable the lanes still constant skip their S-box (3 constraints each): the capacity,
/// and a rate lane when the block mixes a constant with the first variable or holds a single
/// variable.
fn poseidon_constraints(constants: usize, variables: usize) -> usize {
	let config = poseidon_config();
	let width = config.rate + config.capacity;
	let per_permutation = 3 * (config.full_rounds * width + config.partial_rounds);
	let permutations =
		constants.saturating_add(variables).div_ceil(config.rate) - constants / config.rate;
	let constant_lanes = if constants % config.rate == 1 || variables == 1 { 2 } else { 1 };
	permutations.saturating_mul(per_permutation).saturating_sub(3 * constant_lanes)
}

/// The circuit for one shape; the witness parts are `None` for the setup.
#[derive(Clone)]
pub struct MlpCircuit {
	pub shape: CircuitShape,
	pub model: Option<QuantizedMlp>,
	/// `rows × in` quantized input values.
	pub input: Option<Vec<i64>>,
	/// The weights commitment's blinding (private, with the weights).
	pub salt: Option<Fr>,
	pub binding: Option<Fr>,
}

impl MlpCircuit {
	/// The circuit without a witness, for the setup and counting.
	pub fn blank(shape: CircuitShape) -> Self {
		Self { shape, model: None, input: None, salt: None, binding: None }
	}
}

/// Allocates `value + 2^(bits-1)` as `bits` boolean witnesses (proving `value`'s range).
fn offset_bits(
	cs: &ConstraintSystemRef<Fr>,
	value: Option<i128>,
	bits: u32,
) -> Result<Vec<Boolean<Fr>>, SynthesisError> {
	let shifted = value.map(|v| (v + (1i128 << (bits - 1))) as u128);
	(0..bits)
		.map(|k| {
			Boolean::new_witness(cs.clone(), || {
				shifted.map(|s| s >> k & 1 == 1).ok_or(SynthesisError::AssignmentMissing)
			})
		})
		.collect()
}

/// `Σ bₖ·2^k` as a linear combination.
fn from_bits(bits: &[Boolean<Fr>]) -> Result<FpVar<Fr>, SynthesisError> {
	Boolean::le_bits_to_fp(bits)
}

/// A range-checked [`VALUE_BITS`]-bit value: its bits (for packing) and its value.
struct Small {
	bits: Vec<Boolean<Fr>>,
	value: FpVar<Fr>,
}

fn small(cs: &ConstraintSystemRef<Fr>, value: Option<i64>) -> Result<Small, SynthesisError> {
	let bits = offset_bits(cs, value.map(i128::from), VALUE_BITS)?;
	let value = from_bits(&bits)? - FpVar::constant(Fr::from(1u64 << (VALUE_BITS - 1)));
	Ok(Small { bits, value })
}

/// Packs range-checked values [`PACK`] to a field element, as [`commit::pack`] does.
fn packed(values: &[Small]) -> Result<Vec<FpVar<Fr>>, SynthesisError> {
	values
		.chunks(PACK)
		.map(|chunk| {
			let bits: Vec<Boolean<Fr>> = chunk.iter().flat_map(|s| s.bits.clone()).collect();
			from_bits(&bits)
		})
		.collect()
}

fn squeeze(
	cs: &ConstraintSystemRef<Fr>,
	tag: u64,
	shape: &[usize],
	elements: &[FpVar<Fr>],
) -> Result<FpVar<Fr>, SynthesisError> {
	let mut sponge = PoseidonSpongeVar::new(cs.clone(), poseidon_config());
	let mut head = vec![FpVar::constant(Fr::from(tag))];
	head.extend(shape.iter().map(|s| FpVar::constant(Fr::from(*s as u64))));
	sponge.absorb(&head)?;
	sponge.absorb(&elements.to_vec())?;
	Ok(sponge.squeeze_field_elements(1)?.remove(0))
}

/// One neuron: `⌊z / 2^SCALE_BITS⌋`, with ReLU if `relu`.
fn neuron(
	cs: &ConstraintSystemRef<Fr>,
	z: FpVar<Fr>,
	z_value: Option<i128>,
	relu: bool,
) -> Result<FpVar<Fr>, SynthesisError> {
	let bits = offset_bits(cs, z_value, ACC_BITS)?;
	let offset = Fr::from(1u128 << (ACC_BITS - 1));
	from_bits(&bits)?.enforce_equal(&(z + FpVar::constant(offset)))?;
	let floor = from_bits(&bits[SCALE_BITS as usize..])? -
		FpVar::constant(Fr::from(1u128 << (ACC_BITS - 1 - SCALE_BITS)));
	if relu {
		let non_negative = FpVar::from(bits[ACC_BITS as usize - 1].clone());
		Ok(non_negative * floor)
	} else {
		Ok(floor)
	}
}

impl ConstraintSynthesizer<Fr> for MlpCircuit {
	fn generate_constraints(self, cs: ConstraintSystemRef<Fr>) -> Result<(), SynthesisError> {
		let shape = &self.shape;
		let model = self.model.as_ref();
		if let Some(m) = model {
			if m.layers != shape.layers {
				return Err(SynthesisError::Unsatisfiable);
			}
		}
		// The output and commitments, computed natively for the public inputs' values.
		let output = match (model, &self.input) {
			(Some(m), Some(x)) =>
				Some(m.forward(x, shape.rows).map_err(|_| SynthesisError::Unsatisfiable)?),
			_ => None,
		};
		let public = |value: Option<Fr>| {
			FpVar::new_input(cs.clone(), || value.ok_or(SynthesisError::AssignmentMissing))
		};
		let w_commitment = public(match (model, self.salt) {
			(Some(m), Some(salt)) => Some(commit::weights_commitment(m, salt)),
			_ => None,
		})?;
		let i_commitment =
			public(self.input.as_ref().map(|x| commit::input_commitment(x, shape.rows)))?;
		let o_commitment = public(output.as_ref().map(|o| commit::output_commitment(o)))?;
		let binding = public(self.binding)?;

		// Private parameters, each range-checked, in the commitment's order.
		let dense: Vec<(usize, usize)> = shape.layers.windows(2).map(|w| (w[0], w[1])).collect();
		let mut weights = Vec::with_capacity(dense.len());
		let mut biases = Vec::with_capacity(dense.len());
		let mut parameters = Vec::new();
		for (l, (i, o)) in dense.iter().enumerate() {
			let w = (0..i * o)
				.map(|k| small(&cs, model.map(|m| m.weights[l][k])))
				.collect::<Result<Vec<_>, _>>()?;
			let b = (0..*o)
				.map(|k| small(&cs, model.map(|m| m.biases[l][k])))
				.collect::<Result<Vec<_>, _>>()?;
			weights.push(w.iter().map(|s| s.value.clone()).collect::<Vec<_>>());
			biases.push(b.iter().map(|s| s.value.clone()).collect::<Vec<_>>());
			parameters.extend(w);
			parameters.extend(b);
		}
		let salt =
			FpVar::new_witness(cs.clone(), || self.salt.ok_or(SynthesisError::AssignmentMissing))?;
		let mut weight_elements = vec![salt];
		weight_elements.extend(packed(&parameters)?);
		squeeze(&cs, WEIGHTS_TAG, &shape.layers, &weight_elements)?.enforce_equal(&w_commitment)?;

		let width = shape.layers[0];
		let input = (0..shape.rows * width)
			.map(|k| small(&cs, self.input.as_ref().map(|x| x[k])))
			.collect::<Result<Vec<_>, _>>()?;
		squeeze(&cs, INPUT_TAG, &[shape.rows, shape.rows * width], &packed(&input)?)?
			.enforce_equal(&i_commitment)?;

		// The forward pass, row by row, with the native values alongside for the witness.
		let mut outputs = Vec::new();
		let scale = FpVar::constant(Fr::from(1u64 << SCALE_BITS));
		for row in 0..shape.rows {
			let mut x: Vec<FpVar<Fr>> =
				input[row * width..(row + 1) * width].iter().map(|s| s.value.clone()).collect();
			let mut x_values: Option<Vec<i64>> =
				self.input.as_ref().map(|v| v[row * width..(row + 1) * width].to_vec());
			for (l, (i, o)) in dense.iter().enumerate() {
				let relu = l + 1 < dense.len();
				let mut next = Vec::with_capacity(*o);
				let mut next_values = x_values.as_ref().map(|_| Vec::with_capacity(*o));
				for n in 0..*o {
					let mut z = &biases[l][n] * &scale;
					for k in 0..*i {
						z += &weights[l][n * i + k] * &x[k];
					}
					let z_value =
						match (model, &x_values) {
							(Some(m), Some(xv)) =>
								Some(m.weights[l][n * i..(n + 1) * i].iter().zip(xv).fold(
									i128::from(m.biases[l][n]) << SCALE_BITS,
									|acc, (w, x)| acc + i128::from(*w) * i128::from(*x),
								)),
							_ => None,
						};
					next.push(neuron(&cs, z, z_value, relu)?);
					if let (Some(values), Some(z)) = (next_values.as_mut(), z_value) {
						let y = (z >> SCALE_BITS) as i64;
						values.push(if relu { y.max(0) } else { y });
					}
				}
				x = next;
				x_values = next_values;
			}
			outputs.extend(x);
		}
		squeeze(&cs, OUTPUT_TAG, &[outputs.len()], &outputs)?.enforce_equal(&o_commitment)?;

		// Bind the task and agent: the binding takes part in one constraint.
		let _ = binding.square()?;
		Ok(())
	}
}
