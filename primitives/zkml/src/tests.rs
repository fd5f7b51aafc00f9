use super::*;
use ark_relations::gr1cs::{ConstraintSynthesizer, ConstraintSystem, SynthesisMode};
use ark_std::rand::{rngs::StdRng, Rng, SeedableRng};

/// A random float MLP of `layers`, quantized (weights in ±1, biases in ±0.5).
fn model(layers: &[usize], seed: u64) -> QuantizedMlp {
	let mut rng = StdRng::seed_from_u64(seed);
	let dense: Vec<(Vec<f32>, Vec<f32>)> = layers
		.windows(2)
		.map(|w| {
			let weight = (0..w[0] * w[1]).map(|_| rng.gen_range(-1.0f32..1.0)).collect();
			let bias = (0..w[1]).map(|_| rng.gen_range(-0.5f32..0.5)).collect();
			(weight, bias)
		})
		.collect();
	QuantizedMlp::quantize(layers, &dense).unwrap()
}

fn input(len: usize, seed: u64) -> Vec<i64> {
	let mut rng = StdRng::seed_from_u64(seed);
	(0..len)
		.map(|_| quant::quantize(rng.gen_range(-4.0f32..4.0), &|| "x".into()).unwrap())
		.collect()
}

fn binding(n: u64) -> Fr {
	Fr::from(n) * Fr::from(0x1234_5678_9abc_def1u64)
}

/// A shape, its keys, a model, an input and an honest proof.
struct Case {
	shape: CircuitShape,
	keys: Keys,
	model: Weights,
	input: Vec<i64>,
	statement: Statement,
	output: Vec<i64>,
	proof: Vec<u8>,
}

fn case(layers: &[usize], rows: usize) -> Case {
	let shape = CircuitShape { layers: layers.to_vec(), rows };
	let keys = setup(&shape, DEFAULT_MAX_CONSTRAINTS).unwrap();
	let model = Weights { mlp: model(layers, 1), salt: Fr::from(5u64) };
	let input = input(layers[0] * rows, 2);
	let (statement, output, proof) =
		prove(&keys.proving, &shape, &model, &input, binding(7)).unwrap();
	Case { shape, keys, model, input, statement, output, proof }
}

#[test]
fn an_honest_proof_verifies_and_its_output_is_the_fixed_point_forward() {
	let c = case(&[4, 8, 3], 1);
	verify(&c.keys.verifying, &c.proof, &c.statement).unwrap();
	assert_eq!(c.output, c.model.mlp.forward(&c.input, 1).unwrap());
	assert_eq!(c.statement.output, commit::output_commitment(&c.output));
	assert_eq!(c.statement.weights, c.model.commitment());
	assert_eq!(c.statement.input, commit::input_commitment(&c.input, 1));
	assert_eq!(c.proof.len(), Curve::Bn254.proof_len());
}

#[test]
fn a_changed_output_is_rejected() {
	let c = case(&[4, 8, 3], 1);
	let mut wrong = c.output.clone();
	wrong[0] += 1;
	let claimed = Statement { output: commit::output_commitment(&wrong), ..c.statement };
	assert!(verify(&c.keys.verifying, &c.proof, &claimed).is_err());
}

#[test]
fn other_weights_another_input_another_task_or_agent_are_rejected() {
	let c = case(&[4, 8, 3], 1);
	// Another model of the same shape (another commitment): its honest proof does not verify
	// against the registered model's commitment.
	let other = Weights { mlp: model(&[4, 8, 3], 99), salt: c.model.salt };
	let (s, _, proof) = prove(&c.keys.proving, &c.shape, &other, &c.input, binding(7)).unwrap();
	verify(&c.keys.verifying, &proof, &s).unwrap();
	assert!(verify(&c.keys.verifying, &proof, &Statement { weights: c.statement.weights, ..s })
		.is_err());
	// The same weights with another salt: another commitment (it hides the weights), and the
	// proof does not verify against the registered one.
	let resalted = Weights { salt: Fr::from(6u64), ..c.model.clone() };
	assert_ne!(resalted.commitment(), c.model.commitment());
	let (s, _, proof) = prove(&c.keys.proving, &c.shape, &resalted, &c.input, binding(7)).unwrap();
	assert!(verify(&c.keys.verifying, &proof, &Statement { weights: c.statement.weights, ..s })
		.is_err());
	// Another input than the task's.
	let mut altered = c.input.clone();
	altered.iter_mut().for_each(|x| *x += 256);
	let (s, _, proof) = prove(&c.keys.proving, &c.shape, &c.model, &altered, binding(7)).unwrap();
	assert!(
		verify(&c.keys.verifying, &proof, &Statement { input: c.statement.input, ..s }).is_err()
	);
	// The same proof replayed for another task or by another agent (another binding).
	let replayed = Statement { binding: binding(8), ..c.statement };
	assert!(verify(&c.keys.verifying, &c.proof, &replayed).is_err());
	// A proof for another shape's key does not verify under this key.
	let bigger = case(&[4, 9, 3], 1);
	assert!(verify(&c.keys.verifying, &bigger.proof, &bigger.statement).is_err());
}

#[test]
fn several_rows_and_layers_prove() {
	let c = case(&[3, 5, 4, 2], 2);
	verify(&c.keys.verifying, &c.proof, &c.statement).unwrap();
	assert_eq!(c.output.len(), 4);
}

fn synthesized(shape: &CircuitShape, witness: Option<(&QuantizedMlp, &[i64])>) -> (usize, bool) {
	let cs = ConstraintSystem::<Fr>::new_ref();
	let circuit = match witness {
		Some((model, input)) => MlpCircuit {
			shape: shape.clone(),
			model: Some(model.clone()),
			input: Some(input.to_vec()),
			salt: Some(Fr::from(3u64)),
			binding: Some(binding(1)),
		},
		None => {
			cs.set_mode(SynthesisMode::Setup);
			MlpCircuit::blank(shape.clone())
		},
	};
	circuit.generate_constraints(cs.clone()).unwrap();
	cs.finalize();
	let satisfied = witness.is_some() && cs.is_satisfied().unwrap();
	(cs.num_constraints(), satisfied)
}

#[test]
fn the_constraint_count_formula_matches_the_circuit() {
	for (layers, rows) in [
		(vec![4, 8, 3], 1),
		(vec![3, 5, 4, 2], 2),
		(vec![16, 1], 3),
		(vec![31, 2, 30], 1),
		(vec![2, 2], 1),
		(vec![1, 1], 1),
	] {
		let shape = CircuitShape { layers: layers.clone(), rows };
		let (count, _) = synthesized(&shape, None);
		assert_eq!(shape.constraints(), count, "{layers:?} × {rows}");
		let m = model(&layers, 3);
		let (with_witness, satisfied) =
			synthesized(&shape, Some((&m, &input(layers[0] * rows, 4))));
		assert_eq!(with_witness, count);
		assert!(satisfied);
	}
}

#[test]
fn too_large_or_degenerate_shapes_are_refused_before_any_work() {
	let big = CircuitShape { layers: vec![512, 512, 10], rows: 1 };
	assert!(matches!(check_size(&big, 1 << 20), Err(Error::TooLarge { .. })));
	assert!(matches!(setup(&big, 1 << 20), Err(Error::TooLarge { .. })));
	assert!(check_size(&CircuitShape { layers: vec![4], rows: 1 }, 1 << 20).is_err());
	assert!(check_size(&CircuitShape { layers: vec![4, 0, 2], rows: 1 }, 1 << 20).is_err());
	assert!(check_size(&CircuitShape { layers: vec![4, 2], rows: 0 }, 1 << 20).is_err());
	// Sizes whose counts would overflow are too large, not wrapped round to small.
	let absurd = CircuitShape { layers: vec![usize::MAX / 2, usize::MAX / 2, 1], rows: usize::MAX };
	assert!(matches!(check_size(&absurd, 1 << 20), Err(Error::TooLarge { .. })));
}

#[test]
fn an_input_or_model_outside_the_ranges_cannot_be_proven() {
	let c = case(&[4, 8, 3], 1);
	let mut wide = c.input.clone();
	wide[0] = 1 << 15;
	assert!(matches!(
		prove(&c.keys.proving, &c.shape, &c.model, &wide, binding(1)),
		Err(Error::OutOfRange(_))
	));
	let other_shape = Weights { mlp: model(&[4, 7, 3], 1), salt: c.model.salt };
	assert!(matches!(
		prove(&c.keys.proving, &c.shape, &other_shape, &c.input, binding(1)),
		Err(Error::Shape(_))
	));
	assert!(QuantizedMlp::quantize(&[1, 1], &[(vec![200.0], vec![0.0])]).is_err());
	// A hand-built model with a weight beyond 16 bits is refused, not proven into a proof
	// that fails.
	let mut wide_weight = c.model.clone();
	wide_weight.mlp.weights[0][0] = 1 << 15;
	assert!(matches!(
		prove(&c.keys.proving, &c.shape, &wide_weight, &c.input, binding(1)),
		Err(Error::OutOfRange(_))
	));
}

#[test]
fn keys_round_trip_and_commitments_are_canonical_bytes() {
	let c = case(&[2, 2], 1);
	let bytes = write_proving_key(&c.keys.proving).unwrap();
	let read = read_proving_key(&bytes).unwrap();
	let (s, _, proof) = prove(&read, &c.shape, &c.model, &c.input, binding(7)).unwrap();
	verify(&c.keys.verifying, &proof, &s).unwrap();
	assert!(read_proving_key(&bytes[..bytes.len() - 1]).is_err());
	let w = to_bytes(&c.statement.weights);
	assert_eq!(from_bytes(&w), Some(c.statement.weights));
	assert_eq!(from_bytes(&[0xff; 32]), None);
	// Packing is injective on in-range values: moving one unit between neighbours changes it.
	assert_ne!(commit::pack([1, 0]), commit::pack([0, 1]));
	assert_ne!(commit::pack([0; 15]), commit::pack([0; 16]));
}
