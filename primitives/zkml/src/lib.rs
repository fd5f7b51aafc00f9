//! # Proven MLP inference (Groth16 over BN254)
//!
//! The circuit behind Proof of Intelligence's ZK mode: an agent proves that a quantized
//! multi-layer perceptron, whose weights stay private and are known to the chain only by a
//! Poseidon commitment, maps an input (known by its commitment) to an output (known by its
//! commitment), for one task and one agent. The chain never sees this crate: it only checks a
//! Groth16 proof with four public inputs against the model's registered key
//! (`pallet-zk-verifier`); the agent (`zkp-agent model zk-setup`, ZK jobs) and the tests use it.
//!
//! - [`quant`]: the fixed-point model and its reference forward pass;
//! - [`commit`]: the Poseidon commitments (native);
//! - [`circuit`]: the R1CS circuit (arkworks gadgets);
//! - this module: setup, proving and verification, and the files of a model's ZK bundle.
//!
//! ## Trust
//! Groth16 needs a setup per circuit. Whoever runs [`setup`] could forge proofs for this
//! circuit if they kept its randomness (it is drawn from the OS and dropped here); the model
//! owner runs it, so agents and buyers trust the owner not to have kept it, or the owner runs
//! a multi-party phase-2 ceremony (snarkjs' `zkey contribute` pattern) so that one honest
//! participant is enough. See `docs/poi.md`.

pub mod circuit;
pub mod commit;
pub mod quant;

pub use circuit::{CircuitShape, MlpCircuit};
pub use quant::QuantizedMlp;

use ark_bn254::{Bn254, Fr};
use ark_ff::{BigInteger, PrimeField};
use ark_groth16::{Groth16, ProvingKey};
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize, Compress, Validate};
use ark_snark::{CircuitSpecificSetupSNARK, SNARK};
use zkp_groth16::{encoding, Curve, PublicInput};

/// Public inputs of a proof: weights, input and output commitments, and the binding.
pub const PUBLIC_INPUTS: usize = 4;
/// Default largest circuit `zk-setup` makes (about 10 minutes and 6 GiB to prove on 2 cores).
pub const DEFAULT_MAX_CONSTRAINTS: usize = 1 << 21;

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
	/// A value does not fit its fixed-point range.
	OutOfRange(String),
	/// A neuron's accumulator would overflow [`quant::ACC_BITS`].
	Overflow(String),
	/// Sizes do not match.
	Shape(String),
	/// The circuit is larger than allowed.
	TooLarge { constraints: usize, max: usize },
	/// A key or proof could not be made, read or checked.
	Proof(String),
}

impl core::fmt::Display for Error {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		match self {
			Error::OutOfRange(what) => write!(f, "out of range: {what}"),
			Error::Overflow(what) =>
				write!(f, "{what}: the accumulator would overflow {} bits", quant::ACC_BITS),
			Error::Shape(what) => write!(f, "{what}"),
			Error::TooLarge { constraints, max } => write!(
				f,
				"the circuit would have {constraints} constraints, more than the maximum {max}"
			),
			Error::Proof(what) => write!(f, "{what}"),
		}
	}
}

impl std::error::Error for Error {}

/// A field element in the chain's encoding (32 bytes little-endian).
pub fn to_bytes(x: &Fr) -> [u8; 32] {
	encoding::encode_scalar(x)
}

/// A field element from the chain's encoding, if canonical.
pub fn from_bytes(bytes: &[u8; 32]) -> Option<Fr> {
	let x = Fr::from_le_bytes_mod_order(bytes);
	(x.into_bigint().to_bytes_le().as_slice() == bytes).then_some(x)
}

/// The four public inputs, in the circuit's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Statement {
	pub weights: Fr,
	pub input: Fr,
	pub output: Fr,
	pub binding: Fr,
}

impl Statement {
	/// The statement of an honest run (computed natively).
	pub fn of(
		model: &Weights,
		input: &[i64],
		rows: usize,
		binding: Fr,
	) -> Result<(Self, Vec<i64>), Error> {
		model.mlp.check_ranges()?;
		let output = model.mlp.forward(input, rows)?;
		let statement = Self {
			weights: model.commitment(),
			input: commit::input_commitment(input, rows),
			output: commit::output_commitment(&output),
			binding,
		};
		Ok((statement, output))
	}

	/// The public inputs in the chain's encoding.
	pub fn inputs(&self) -> Vec<PublicInput> {
		[self.weights, self.input, self.output, self.binding]
			.iter()
			.map(to_bytes)
			.collect()
	}
}

/// A quantized model and the salt of its weights commitment: what the prover keeps private.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Weights {
	pub mlp: QuantizedMlp,
	pub salt: Fr,
}

impl Weights {
	/// With a fresh random salt.
	pub fn new(mlp: QuantizedMlp) -> Self {
		use ark_std::UniformRand;
		Self { mlp, salt: Fr::rand(&mut ark_std::rand::rngs::OsRng) }
	}

	/// The weights commitment `W`.
	pub fn commitment(&self) -> Fr {
		commit::weights_commitment(&self.mlp, self.salt)
	}
}

/// The proving key (kept by agents in the model bundle) and the verification key (registered
/// on chain) of a shape.
pub struct Keys {
	pub proving: ProvingKey<Bn254>,
	/// In the chain's canonical encoding (`zkp_groth16::encoding`).
	pub verifying: Vec<u8>,
}

/// Refuses a shape whose circuit exceeds `max` constraints.
pub fn check_size(shape: &CircuitShape, max: usize) -> Result<usize, Error> {
	if shape.layers.len() < 2 || shape.layers.contains(&0) || shape.rows == 0 {
		return Err(Error::Shape("a circuit needs at least two non-zero layers and one row".into()));
	}
	let constraints = shape.constraints();
	if constraints > max {
		return Err(Error::TooLarge { constraints, max });
	}
	Ok(constraints)
}

/// The circuit-specific setup for `shape` (randomness from the OS, dropped on return).
pub fn setup(shape: &CircuitShape, max_constraints: usize) -> Result<Keys, Error> {
	check_size(shape, max_constraints)?;
	let mut rng = ark_std::rand::rngs::OsRng;
	let (proving, vk) = Groth16::<Bn254>::setup(MlpCircuit::blank(shape.clone()), &mut rng)
		.map_err(|e| Error::Proof(format!("setup: {e}")))?;
	Ok(Keys { proving, verifying: encoding::encode_vk(&vk) })
}

/// Proves an honest run: returns the statement, the output and the proof (chain encoding).
pub fn prove(
	proving: &ProvingKey<Bn254>,
	shape: &CircuitShape,
	model: &Weights,
	input: &[i64],
	binding: Fr,
) -> Result<(Statement, Vec<i64>, Vec<u8>), Error> {
	if model.mlp.layers != shape.layers {
		return Err(Error::Shape(format!(
			"the model's layers {:?} are not the circuit's {:?}",
			model.mlp.layers, shape.layers
		)));
	}
	let (statement, output) = Statement::of(model, input, shape.rows, binding)?;
	let circuit = MlpCircuit {
		shape: shape.clone(),
		model: Some(model.mlp.clone()),
		input: Some(input.to_vec()),
		salt: Some(model.salt),
		binding: Some(binding),
	};
	let proof = Groth16::<Bn254>::prove(proving, circuit, &mut ark_std::rand::rngs::OsRng)
		.map_err(|e| Error::Proof(format!("proving: {e}")))?;
	Ok((statement, output, encoding::encode_proof(&proof)))
}

/// Checks a proof as the chain does (the same decoder and verifier).
pub fn verify(verifying: &[u8], proof: &[u8], statement: &Statement) -> Result<(), Error> {
	zkp_groth16::verify(Curve::Bn254, verifying, proof, &statement.inputs())
		.map_err(|e| Error::Proof(format!("verification: {e:?}")))
}

/// Writes a proving key (uncompressed: loading it is a copy, not a decompression).
pub fn write_proving_key(key: &ProvingKey<Bn254>) -> Result<Vec<u8>, Error> {
	let mut bytes = Vec::with_capacity(key.uncompressed_size());
	key.serialize_uncompressed(&mut bytes)
		.map_err(|e| Error::Proof(e.to_string()))?;
	Ok(bytes)
}

/// Reads a proving key without checking its points: it comes from a bundle whose hash the
/// chain pins, a bad key only makes proofs that fail, and every proof is verified against the
/// registered key before it is sent.
pub fn read_proving_key(bytes: &[u8]) -> Result<ProvingKey<Bn254>, Error> {
	ProvingKey::deserialize_with_mode(bytes, Compress::No, Validate::No)
		.map_err(|e| Error::Proof(format!("proving key: {e}")))
}

#[cfg(test)]
mod tests;
