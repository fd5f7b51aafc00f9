//! Proven inference for PoI's ZK mode: the per-model setup, the bundle's circuit files, and
//! ZK jobs (fixed-point forward pass, Poseidon commitments, Groth16 proof) over `zkp-zkml`.
//!
//! A model directory prepared by `zkp-agent model zk-setup DIR` holds, beside `config.json`
//! and `model.safetensors`:
//! - `zk/circuit.json`: the shape (layers, rows), the quantization, the constraint count, the
//!   weights commitment with its salt, and the verification key's hash (what `poi.registerModel`
//!   names);
//! - `zk/verifying.key`: the verification key in the chain's encoding (`zkVerifier.registerVk`);
//! - `zk/proving.key`: the proving key (arkworks, uncompressed), which agents use.
//!
//! `zkp-agent model pack` puts the three files in the bundle, so the bundle's content hash
//! pins the circuit too.

use crate::inference::{unpack, MlpConfig};
use ark_bn254::Bn254;
use ark_groth16::ProvingKey;
use candle_core::Device;
use sp_core::H256;
use std::path::Path;
use zkp_groth16::Curve;
use zkp_primitives::poi::ZkJob;
use zkp_zkml::{quant, CircuitShape, QuantizedMlp, Statement, Weights};

pub const CIRCUIT_FILE: &str = "zk/circuit.json";
pub const PROVING_KEY_FILE: &str = "zk/proving.key";
pub const VERIFYING_KEY_FILE: &str = "zk/verifying.key";
/// The files `zk-setup` adds to a model directory (and `pack` to its bundle).
pub const ZK_FILES: [&str; 3] = [CIRCUIT_FILE, VERIFYING_KEY_FILE, PROVING_KEY_FILE];

/// `zk/circuit.json`.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CircuitFile {
	pub layers: Vec<usize>,
	pub rows: usize,
	pub scale_bits: u32,
	pub value_bits: u32,
	pub acc_bits: u32,
	pub constraints: usize,
	pub public_inputs: usize,
	/// `0x…`, 32 bytes little-endian (a BN254 scalar).
	pub weights_commitment: String,
	/// The commitment's salt (`0x…`, a BN254 scalar): as private as the weights.
	pub salt: String,
	/// `0x…`: the verification key's hash in the ZK verifier.
	pub key_hash: String,
}

fn hex32(bytes: &[u8; 32]) -> String {
	format!("0x{}", hex::encode(bytes))
}

/// The quantized model of an MLP's `config.json` and `model.safetensors`.
pub fn quantized_model(config: &[u8], weights: &[u8]) -> Result<QuantizedMlp, String> {
	let config: MlpConfig =
		serde_json::from_slice(config).map_err(|e| format!("config.json: {e}"))?;
	if config.activation != "relu" {
		return Err(format!(
			"the ZK circuit proves ReLU MLPs; this model's activation is {:?}",
			config.activation
		));
	}
	let tensors = candle_core::safetensors::load_buffer(weights, &Device::Cpu)
		.map_err(|e| format!("model.safetensors: {e}"))?;
	let mut dense = Vec::new();
	for (i, io) in config.layers.windows(2).enumerate() {
		let tensor = |name: String| {
			tensors.get(&name).ok_or_else(|| format!("model.safetensors has no {name}"))
		};
		let weight = tensor(format!("layers.{i}.weight"))?;
		let bias = tensor(format!("layers.{i}.bias"))?;
		if weight.dims() != [io[1], io[0]] || bias.dims() != [io[1]] {
			return Err(format!(
				"layer {i}: weight {:?} and bias {:?}, the config says {}×{}",
				weight.dims(),
				bias.dims(),
				io[1],
				io[0]
			));
		}
		let flat = |t: &candle_core::Tensor| {
			t.to_dtype(candle_core::DType::F32)
				.and_then(|t| t.flatten_all())
				.and_then(|t| t.to_vec1::<f32>())
				.map_err(|e| format!("layer {i}: {e}"))
		};
		dense.push((flat(weight)?, flat(bias)?));
	}
	QuantizedMlp::quantize(&config.layers, &dense).map_err(|e| e.to_string())
}

/// `zkp-agent model zk-setup DIR`: refuses a model the circuit cannot carry (activation,
/// ranges, size), then makes the keys and writes the `zk/` files. Returns a summary.
pub fn setup(dir: &Path, rows: usize, max_constraints: usize) -> Result<serde_json::Value, String> {
	let read = |name: &str| std::fs::read(dir.join(name)).map_err(|e| format!("{name}: {e}"));
	let model = Weights::new(quantized_model(&read("config.json")?, &read("model.safetensors")?)?);
	let shape = CircuitShape { layers: model.mlp.layers.clone(), rows };
	let constraints = zkp_zkml::check_size(&shape, max_constraints)
		.map_err(|e| format!("refused: {e} (raise --max-constraints, or use a smaller model)"))?;
	let started = std::time::Instant::now();
	let keys = zkp_zkml::setup(&shape, max_constraints).map_err(|e| e.to_string())?;
	let setup_ms = started.elapsed().as_millis() as u64;
	let proving = zkp_zkml::write_proving_key(&keys.proving).map_err(|e| e.to_string())?;
	let key_hash = zkp_groth16::vk_hash(Curve::Bn254, &keys.verifying);
	let weights = zkp_zkml::to_bytes(&model.commitment());
	let file = CircuitFile {
		layers: model.mlp.layers.clone(),
		rows,
		scale_bits: quant::SCALE_BITS,
		value_bits: quant::VALUE_BITS,
		acc_bits: quant::ACC_BITS,
		constraints,
		public_inputs: zkp_zkml::PUBLIC_INPUTS,
		weights_commitment: hex32(&weights),
		salt: hex32(&zkp_zkml::to_bytes(&model.salt)),
		key_hash: hex32(&key_hash),
	};
	let zk_dir = dir.join("zk");
	std::fs::create_dir_all(&zk_dir).map_err(|e| format!("{}: {e}", zk_dir.display()))?;
	let write = |name: &str, bytes: &[u8]| {
		std::fs::write(dir.join(name), bytes).map_err(|e| format!("{name}: {e}"))
	};
	write(PROVING_KEY_FILE, &proving)?;
	write(VERIFYING_KEY_FILE, &keys.verifying)?;
	write(CIRCUIT_FILE, &serde_json::to_vec_pretty(&file).expect("json"))?;
	Ok(serde_json::json!({
		"dir": dir,
		"layers": file.layers,
		"rows": rows,
		"constraints": constraints,
		"parameters": model.mlp.parameters(),
		"weightsCommitment": file.weights_commitment,
		"keyHash": file.key_hash,
		"verifyingKey": format!("0x{}", hex::encode(&keys.verifying)),
		"provingKeyBytes": proving.len(),
		"setupMs": setup_ms,
	}))
}

/// Quantized input rows of a JSON input file (an array of rows of numbers).
pub fn quantized_input(input: &[u8]) -> Result<(Vec<i64>, usize), String> {
	let rows: Vec<Vec<f32>> = serde_json::from_slice(input)
		.map_err(|e| format!("input: not a JSON array of rows: {e}"))?;
	let mut values = Vec::new();
	for (r, row) in rows.iter().enumerate() {
		for (c, x) in row.iter().enumerate() {
			values.push(
				quant::quantize(*x, &|| format!("input[{r}][{c}]")).map_err(|e| e.to_string())?,
			);
		}
	}
	Ok((values, rows.len()))
}

/// `zkp-agent model zk-commit --input FILE`: the input commitment a ZK task names.
pub fn input_commitment(input: &[u8]) -> Result<H256, String> {
	let (values, rows) = quantized_input(input)?;
	Ok(H256(zkp_zkml::to_bytes(&zkp_zkml::commit::input_commitment(&values, rows))))
}

/// `zkp-agent model zk-commit --output FILE`: the commitment of a ZK job's output file (its
/// `quantized` rows), which is the output hash the chain recorded.
pub fn output_commitment(output: &[u8]) -> Result<H256, String> {
	#[derive(serde::Deserialize)]
	struct File {
		quantized: Vec<Vec<i64>>,
	}
	let file: File =
		serde_json::from_slice(output).map_err(|e| format!("output: no `quantized` rows: {e}"))?;
	let values: Vec<i64> = file.quantized.into_iter().flatten().collect();
	Ok(H256(zkp_zkml::to_bytes(&zkp_zkml::commit::output_commitment(&values))))
}

/// A bundle's circuit, loaded for proving.
pub struct ZkModel {
	pub shape: CircuitShape,
	pub model: Weights,
	pub proving: ProvingKey<Bn254>,
	pub verifying: Vec<u8>,
	pub key_hash: H256,
	pub weights_commitment: H256,
	pub constraints: usize,
}

impl ZkModel {
	/// Loads the circuit of an MLP bundle made after `zk-setup`.
	pub fn load(bundle: &[u8]) -> Result<Self, String> {
		let mut files = unpack(bundle)?;
		let mut take = |name: &str| {
			files.remove(name).ok_or_else(|| {
				format!("the bundle has no {name}: run `zkp-agent model zk-setup` before packing")
			})
		};
		let circuit: CircuitFile = serde_json::from_slice(&take(CIRCUIT_FILE)?)
			.map_err(|e| format!("{CIRCUIT_FILE}: {e}"))?;
		let verifying = take(VERIFYING_KEY_FILE)?;
		let proving =
			zkp_zkml::read_proving_key(&take(PROVING_KEY_FILE)?).map_err(|e| e.to_string())?;
		let mlp = quantized_model(&take("config.json")?, &take("model.safetensors")?)?;
		let salt = hex::decode(circuit.salt.trim_start_matches("0x"))
			.ok()
			.and_then(|b| <[u8; 32]>::try_from(b).ok())
			.and_then(|b| zkp_zkml::from_bytes(&b))
			.ok_or_else(|| format!("{CIRCUIT_FILE}: the salt is not a BN254 scalar"))?;
		let model = Weights { mlp, salt };
		let shape = CircuitShape { layers: circuit.layers.clone(), rows: circuit.rows };
		if shape.layers != model.mlp.layers {
			return Err(format!(
				"{CIRCUIT_FILE} is for layers {:?}, the model has {:?}",
				shape.layers, model.mlp.layers
			));
		}
		zkp_groth16::validate_vk(Curve::Bn254, &verifying)
			.map_err(|e| format!("{VERIFYING_KEY_FILE}: {e:?}"))?;
		Ok(Self {
			key_hash: H256(zkp_groth16::vk_hash(Curve::Bn254, &verifying)),
			weights_commitment: H256(zkp_zkml::to_bytes(&model.commitment())),
			constraints: shape.constraints(),
			shape,
			model,
			proving,
			verifying,
		})
	}

	/// Proves the model's output on `input` for `job`. Refuses (so the node never commits to
	/// it) a job whose key or weights commitment is not this bundle's, an input that is not
	/// the one the task committed to (checked before the proving work; skipped under
	/// `trust_input`, the `wrong-input` fault), and a proof that does not verify under the
	/// job's statement.
	pub fn prove(
		&self,
		input: &[u8],
		job: &ZkJob,
		trust_input: bool,
	) -> Result<(Vec<i64>, Statement, Vec<u8>), String> {
		if job.key != self.key_hash {
			return Err(format!(
				"the chain names key {:?}, the bundle's verification key hashes to {:?}",
				job.key, self.key_hash
			));
		}
		if job.weights_commitment != self.weights_commitment {
			return Err(format!(
				"the chain names weights commitment {:?}, the bundle's weights commit to {:?}",
				job.weights_commitment, self.weights_commitment
			));
		}
		let (values, rows) = quantized_input(input)?;
		if rows != self.shape.rows {
			return Err(format!(
				"the circuit takes {} input row(s), the input has {rows}",
				self.shape.rows
			));
		}
		let binding =
			zkp_zkml::from_bytes(&job.binding.0).ok_or("the binding is not a BN254 scalar")?;
		if !trust_input {
			let mine = zkp_zkml::commit::input_commitment(&values, rows);
			if zkp_zkml::to_bytes(&mine) != job.input_commitment.0 {
				return Err("the input file does not match the task's input commitment".into());
			}
		}
		let (statement, output, proof) =
			zkp_zkml::prove(&self.proving, &self.shape, &self.model, &values, binding)
				.map_err(|e| e.to_string())?;
		if !trust_input {
			zkp_zkml::verify(&self.verifying, &proof, &statement)
				.map_err(|e| format!("own proof rejected: {e}"))?;
		}
		Ok((output, statement, proof))
	}
}

/// The output file of a ZK job: the real values, the quantized ones (what the commitment and
/// the proof cover) and the commitment.
pub fn output_file(output: &[i64], cols: usize, commitment: &H256) -> Vec<u8> {
	let quantized: Vec<&[i64]> = output.chunks(cols.max(1)).collect();
	let data: Vec<Vec<f64>> = quantized
		.iter()
		.map(|row| row.iter().map(|q| quant::dequantize(*q)).collect())
		.collect();
	serde_json::to_vec(&serde_json::json!({
		"shape": [quantized.len(), cols],
		"data": data,
		"quantized": quantized,
		"scaleBits": quant::SCALE_BITS,
		"outputCommitment": format!("{commitment:?}"),
	}))
	.expect("serializable")
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::inference::{make_mlp, pack};
	use zkp_primitives::poi::Framework;

	fn prepared(name: &str, layers: &[usize], activation: &str) -> std::path::PathBuf {
		let dir = std::env::temp_dir().join(format!("zkp-agent-zk-{name}-{}", std::process::id()));
		let _ = std::fs::remove_dir_all(&dir);
		make_mlp(&dir, layers, activation, 3).unwrap();
		dir
	}

	fn job(model: &ZkModel, input: &[u8], binding: u8) -> ZkJob {
		ZkJob {
			key: model.key_hash,
			weights_commitment: model.weights_commitment,
			input_commitment: input_commitment(input).unwrap(),
			binding: H256([binding; 32]),
		}
	}

	#[test]
	fn a_set_up_bundle_proves_its_forward_pass_and_refuses_mismatches() {
		let dir = prepared("ok", &[3, 6, 2], "relu");
		let summary = setup(&dir, 1, 1 << 20).unwrap();
		let bundle = pack(&dir, Framework::Mlp).unwrap();
		let model = ZkModel::load(&bundle).unwrap();
		assert_eq!(summary["keyHash"], format!("{:?}", model.key_hash));
		assert_eq!(summary["weightsCommitment"], format!("{:?}", model.weights_commitment));
		let input = br#"[[0.5, -1.25, 2.0]]"#;
		let good = job(&model, input, 1);
		let (output, statement, proof) = model.prove(input, &good, false).unwrap();
		assert_eq!(output, model.model.mlp.forward(&quantized_input(input).unwrap().0, 1).unwrap());
		let file = output_file(&output, 2, &H256(zkp_zkml::to_bytes(&statement.output)));
		assert_eq!(output_commitment(&file).unwrap().0, zkp_zkml::to_bytes(&statement.output));
		zkp_zkml::verify(&model.verifying, &proof, &statement).unwrap();
		// Another input than the task's, another key, other weights: refused before any answer.
		assert!(model
			.prove(br#"[[0.5, -1.25, 2.5]]"#, &good, false)
			.unwrap_err()
			.contains("input"));
		assert!(model.prove(input, &ZkJob { key: H256::zero(), ..good.clone() }, false).is_err());
		assert!(model
			.prove(input, &ZkJob { weights_commitment: H256::zero(), ..good.clone() }, false)
			.is_err());
		assert!(model.prove(br#"[[1, 2, 3], [4, 5, 6]]"#, &good, false).is_err());
		// The faulty path proves the altered input: a proof the chain's statement rejects.
		let altered = br#"[[1.5, -0.25, 3.0]]"#;
		let (_, s, proof) = model.prove(altered, &good, true).unwrap();
		let chain =
			Statement { input: zkp_zkml::from_bytes(&good.input_commitment.0).unwrap(), ..s };
		assert!(zkp_zkml::verify(&model.verifying, &proof, &chain).is_err());
	}

	#[test]
	fn models_the_circuit_cannot_carry_are_refused_at_setup() {
		let tanh = prepared("tanh", &[3, 4, 2], "tanh");
		assert!(setup(&tanh, 1, 1 << 20).unwrap_err().contains("ReLU"));
		let big = prepared("big", &[256, 256, 10], "relu");
		assert!(setup(&big, 1, 100_000).unwrap_err().contains("refused"));
		assert!(!big.join(CIRCUIT_FILE).exists());
		// A bundle packed without the setup cannot be proven with.
		let plain = prepared("plain", &[3, 4, 2], "relu");
		let bundle = pack(&plain, Framework::Mlp).unwrap();
		assert!(ZkModel::load(&bundle).err().unwrap().contains("zk-setup"));
	}
}
