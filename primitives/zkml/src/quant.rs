//! The fixed-point MLP the circuit proves, and its reference forward pass.
//!
//! Quantization (all integers, two's complement semantics on `i64`/`i128`):
//! - every weight, bias and input value is `q = round(x · 2^SCALE_BITS)` and must fit in
//!   [`VALUE_BITS`] signed bits, `-2^15 ≤ q < 2^15` (a real range of ±128 in steps of 1/256);
//! - a neuron computes `z = Σ wᵢ·xᵢ + b·2^SCALE_BITS` (products are at scale `2^(2·SCALE_BITS)`, so
//!   the bias is lifted to it), which must satisfy `|z| < 2^(ACC_BITS-1)`;
//! - its value is `y = ⌊z / 2^SCALE_BITS⌋` (floor, also for negative `z`), back at scale
//!   `2^SCALE_BITS`; hidden layers apply ReLU, `max(0, y)`; the last layer's `y` is the output.
//!
//! [`QuantizedMlp::forward`] is the reference: the circuit's outputs are exactly its outputs,
//! and an input or model that overflows the ranges is refused here with an error rather than
//! giving a circuit no witness satisfies.

use crate::Error;

/// Fractional bits of every fixed-point value.
pub const SCALE_BITS: u32 = 8;
/// Signed bits of a weight, a bias or an input value.
pub const VALUE_BITS: u32 = 16;
/// Signed bits of a neuron's accumulator `z`.
pub const ACC_BITS: u32 = 64;

/// Quantizes one real value, or says why it does not fit (`what` names it).
pub fn quantize(x: f32, what: &dyn Fn() -> String) -> Result<i64, Error> {
	let q = (x as f64 * f64::from(1u32 << SCALE_BITS)).round();
	let bound = f64::from(1u32 << (VALUE_BITS - 1));
	if !q.is_finite() || q < -bound || q >= bound {
		return Err(Error::OutOfRange(format!(
			"{} = {x} is outside the circuit's range [-{}, {}) (steps of 1/{})",
			what(),
			bound / f64::from(1u32 << SCALE_BITS),
			bound / f64::from(1u32 << SCALE_BITS),
			1u32 << SCALE_BITS
		)));
	}
	Ok(q as i64)
}

/// A real value of a quantized integer.
pub fn dequantize(q: i64) -> f64 {
	q as f64 / f64::from(1u32 << SCALE_BITS)
}

/// A quantized MLP: `layers = [in, hidden…, out]`, `weights[l]` row-major (`out × in`) and
/// `biases[l]` (`out`) for each of the `layers.len() - 1` dense layers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuantizedMlp {
	pub layers: Vec<usize>,
	pub weights: Vec<Vec<i64>>,
	pub biases: Vec<Vec<i64>>,
}

impl QuantizedMlp {
	/// Quantizes a float MLP given as `(weight row-major out × in, bias)` per layer.
	pub fn quantize(layers: &[usize], dense: &[(Vec<f32>, Vec<f32>)]) -> Result<Self, Error> {
		if layers.len() < 2 || layers.contains(&0) {
			return Err(Error::Shape("an MLP needs an input and an output size, none zero".into()));
		}
		if dense.len() != layers.len() - 1 {
			return Err(Error::Shape(format!(
				"{} layer sizes need {} dense layers, got {}",
				layers.len(),
				layers.len() - 1,
				dense.len()
			)));
		}
		let mut weights = Vec::with_capacity(dense.len());
		let mut biases = Vec::with_capacity(dense.len());
		for (l, ((w, b), io)) in dense.iter().zip(layers.windows(2)).enumerate() {
			if w.len() != io[0] * io[1] || b.len() != io[1] {
				return Err(Error::Shape(format!(
					"layer {l}: weight has {} values and bias {}, expected {}×{} and {}",
					w.len(),
					b.len(),
					io[1],
					io[0],
					io[1]
				)));
			}
			let quantized = |values: &[f32], name: &str| -> Result<Vec<i64>, Error> {
				values
					.iter()
					.enumerate()
					.map(|(i, x)| quantize(*x, &|| format!("layers.{l}.{name}[{i}]")))
					.collect()
			};
			weights.push(quantized(w, "weight")?);
			biases.push(quantized(b, "bias")?);
		}
		Ok(Self { layers: layers.to_vec(), weights, biases })
	}

	/// Input values one row takes.
	pub fn input_len(&self) -> usize {
		self.layers[0]
	}

	/// Output values one row gives.
	pub fn output_len(&self) -> usize {
		*self.layers.last().expect("at least two layers; qed")
	}

	/// Number of weights and biases.
	pub fn parameters(&self) -> usize {
		self.weights.iter().chain(&self.biases).map(Vec::len).sum()
	}

	/// Every weight then every bias, layer by layer: the order the commitment packs them in.
	pub fn parameter_values(&self) -> impl Iterator<Item = i64> + '_ {
		self.weights
			.iter()
			.zip(&self.biases)
			.flat_map(|(w, b)| w.iter().chain(b).copied())
	}

	/// Checks that the values are within [`VALUE_BITS`] (a hand-built model may not be).
	pub fn check_ranges(&self) -> Result<(), Error> {
		let bound = 1i64 << (VALUE_BITS - 1);
		match self.parameter_values().position(|v| !(-bound..bound).contains(&v)) {
			Some(i) =>
				Err(Error::OutOfRange(format!("parameter {i} is outside {VALUE_BITS} bits"))),
			None => Ok(()),
		}
	}

	/// The fixed-point forward pass over `rows` rows of quantized input (flattened), as the
	/// circuit computes it (see the module docs).
	pub fn forward(&self, input: &[i64], rows: usize) -> Result<Vec<i64>, Error> {
		let width = self.input_len();
		if input.len() != rows * width {
			return Err(Error::Shape(format!(
				"the circuit takes {rows} row(s) of {width} values, got {} values",
				input.len()
			)));
		}
		let bound = 1i64 << (VALUE_BITS - 1);
		if let Some(i) = input.iter().position(|v| !(-bound..bound).contains(v)) {
			return Err(Error::OutOfRange(format!("input value {i} is outside {VALUE_BITS} bits")));
		}
		let mut out = Vec::with_capacity(rows * self.output_len());
		for row in input.chunks(width) {
			out.extend(self.forward_row(row)?);
		}
		Ok(out)
	}

	fn forward_row(&self, row: &[i64]) -> Result<Vec<i64>, Error> {
		let last = self.weights.len() - 1;
		let mut x = row.to_vec();
		for (l, (w, b)) in self.weights.iter().zip(&self.biases).enumerate() {
			let width = x.len();
			x = w
				.chunks(width)
				.zip(b)
				.enumerate()
				.map(|(n, (w_row, bias))| {
					let z = neuron(w_row, &x, *bias)
						.ok_or_else(|| Error::Overflow(format!("layer {l}, neuron {n}")))?;
					let y = floor_shift(z);
					Ok(if l < last { y.max(0) } else { y })
				})
				.collect::<Result<_, Error>>()?;
		}
		Ok(x)
	}
}

/// `Σ wᵢ·xᵢ + b·2^SCALE_BITS`, if it fits the accumulator.
fn neuron(w: &[i64], x: &[i64], bias: i64) -> Option<i128> {
	let limit = 1i128 << (ACC_BITS - 1);
	let z = w.iter().zip(x).try_fold(i128::from(bias) << SCALE_BITS, |acc, (w, x)| {
		acc.checked_add(i128::from(*w).checked_mul(i128::from(*x))?)
	})?;
	(-limit..limit).contains(&z).then_some(z)
}

/// `⌊z / 2^SCALE_BITS⌋` (an arithmetic shift floors negative values too).
fn floor_shift(z: i128) -> i64 {
	(z >> SCALE_BITS) as i64
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn quantization_rounds_and_refuses_out_of_range_values() {
		let name = || "w".to_string();
		assert_eq!(quantize(1.0, &name).unwrap(), 256);
		assert_eq!(quantize(-0.5, &name).unwrap(), -128);
		assert_eq!(quantize(0.00195, &name).unwrap(), 0);
		assert_eq!(quantize(-128.0, &name).unwrap(), -32768);
		assert!(quantize(128.0, &name).is_err());
		assert!(quantize(f32::NAN, &name).is_err());
		assert!(quantize(f32::INFINITY, &name).is_err());
	}

	#[test]
	fn the_forward_pass_floors_applies_relu_to_hidden_layers_only() {
		// 1 → 1 → 1: hidden z = 2·(-3)·256… in fixed point.
		let model = QuantizedMlp {
			layers: vec![1, 1, 1],
			weights: vec![vec![512], vec![-256]],
			biases: vec![vec![0], vec![-64]],
		};
		// x = 1.0 (256): hidden y = ⌊512·256/256⌋ = 512 (2.0); out = ⌊(-256·512 - 64·256)/256⌋
		assert_eq!(model.forward(&[256], 1).unwrap(), vec![-576]);
		// x = -1.0: hidden y = -512 → ReLU 0; out = ⌊-64·256/256⌋ = -64
		assert_eq!(model.forward(&[-256], 1).unwrap(), vec![-64]);
		// A negative non-multiple floors down: x = -1/256 → hidden z = -512 → -2 → ReLU 0.
		assert_eq!(floor_shift(-1), -1);
		assert_eq!(floor_shift(-257), -2);
		assert!(model.forward(&[256, 256], 1).is_err());
		assert!(model.forward(&[1 << 20], 1).is_err());
	}

	#[test]
	fn an_accumulator_overflow_is_an_error() {
		// Full-scale weights and inputs grow 2^21 per layer of 64: the fourth overflows 2^63.
		let model = |depth: usize| {
			let mut layers = vec![64; depth];
			layers.push(1);
			QuantizedMlp {
				weights: layers.windows(2).map(|w| vec![32767; w[0] * w[1]]).collect(),
				biases: layers.windows(2).map(|w| vec![0; w[1]]).collect(),
				layers,
			}
		};
		assert!(model(3).forward(&[32767; 64], 1).is_ok());
		assert!(matches!(model(4).forward(&[32767; 64], 1), Err(Error::Overflow(_))));
	}
}
