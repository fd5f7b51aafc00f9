//! Model bundles and inference, with Hugging Face's `candle` (CPU by default; the `cuda`
//! feature runs the same code on an NVIDIA GPU).
//!
//! A **model bundle** is one tar archive, so that a model is one CID and one content hash on
//! chain. It holds, at its root:
//! - [`Framework::BertEmbedding`]: `config.json` (Hugging Face BERT config), `tokenizer.json` and
//!   `model.safetensors` — the sentence-transformers layout, e.g. all-MiniLM-L6-v2;
//! - [`Framework::Mlp`]: `config.json` (`{"layers": [in, hidden…, out], "activation": "relu" |
//!   "tanh" | "gelu" | "none"}`) and `model.safetensors` with `layers.{i}.weight` (`[out, in]`) and
//!   `layers.{i}.bias`.
//!
//! Bundles are packed deterministically (sorted entries, zero times and owners), so the
//! same files always give the same content hash.

use candle_core::{DType, Device, Tensor};
use candle_nn::{Module, VarBuilder};
use candle_transformers::models::bert::{BertModel, Config as BertConfig};
use std::{collections::BTreeMap, io::Read, path::Path};
use tokenizers::{PaddingParams, PaddingStrategy, Tokenizer, TruncationParams};
use zkp_primitives::poi::Framework;

/// Inputs per forward pass.
pub const BATCH: usize = 32;
/// Largest input file accepted.
pub const MAX_INPUT_BYTES: u64 = 16 << 20;
/// Largest model bundle accepted.
pub const MAX_BUNDLE_BYTES: u64 = 2 << 30;
/// Most output values a job may produce (64 MiB of f32; the JSON output is ~3× that).
pub const MAX_OUTPUT_VALUES: usize = 16 << 20;

fn check_output_size(rows: usize, cols: usize) -> Result<(), String> {
	match rows.checked_mul(cols) {
		Some(n) if n <= MAX_OUTPUT_VALUES => Ok(()),
		_ => Err(format!(
			"the output would hold {rows} × {cols} values, more than {MAX_OUTPUT_VALUES}"
		)),
	}
}

/// The files a bundle of `framework` must hold.
pub fn bundle_files(framework: Framework) -> &'static [&'static str] {
	match framework {
		Framework::BertEmbedding => &["config.json", "tokenizer.json", "model.safetensors"],
		Framework::Mlp => &["config.json", "model.safetensors"],
	}
}

/// Packs the files `framework` needs from `dir` into a bundle, with an MLP's circuit files
/// when `zkp-agent model zk-setup` made them (all three or none).
pub fn pack(dir: &Path, framework: Framework) -> Result<Vec<u8>, String> {
	let mut builder = tar::Builder::new(Vec::new());
	let zk_files: &[&str] = match framework {
		Framework::Mlp if dir.join(crate::zk::CIRCUIT_FILE).exists() => &crate::zk::ZK_FILES,
		_ => &[],
	};
	for name in bundle_files(framework).iter().chain(zk_files) {
		let path = dir.join(name);
		let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
		let mut header = tar::Header::new_gnu();
		header.set_size(bytes.len() as u64);
		header.set_mode(0o644);
		header.set_mtime(0);
		header.set_uid(0);
		header.set_gid(0);
		header.set_entry_type(tar::EntryType::Regular);
		builder
			.append_data(&mut header, name, bytes.as_slice())
			.map_err(|e| e.to_string())?;
	}
	builder.into_inner().map_err(|e| e.to_string())
}

/// Reads a bundle's files by name.
pub fn unpack(bundle: &[u8]) -> Result<BTreeMap<String, Vec<u8>>, String> {
	let mut archive = tar::Archive::new(bundle);
	let mut files = BTreeMap::new();
	for entry in archive.entries().map_err(|e| format!("bundle: {e}"))? {
		let mut entry = entry.map_err(|e| format!("bundle: {e}"))?;
		let name = entry
			.path()
			.map_err(|e| format!("bundle: {e}"))?
			.to_string_lossy()
			.trim_start_matches("./")
			.to_string();
		let mut bytes = Vec::new();
		entry.read_to_end(&mut bytes).map_err(|e| format!("bundle {name}: {e}"))?;
		files.insert(name, bytes);
	}
	Ok(files)
}

/// Where inference runs (`zkp-agent --device`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum DeviceChoice {
	/// The first CUDA GPU when built with `cuda` and one is present, else the CPU.
	#[default]
	Auto,
	/// The CPU, even in a `cuda` build (a reference run to compare a GPU with).
	Cpu,
	/// The first CUDA GPU; an error if there is none or the agent was built without `cuda`.
	Cuda,
}

/// The device for `choice`.
pub fn device(choice: DeviceChoice) -> Result<Device, String> {
	match choice {
		DeviceChoice::Cpu => Ok(Device::Cpu),
		DeviceChoice::Cuda => cuda(),
		DeviceChoice::Auto => Ok(cuda().unwrap_or_else(|e| {
			if cfg!(feature = "cuda") {
				log::warn!("{e}; running on the CPU");
			}
			Device::Cpu
		})),
	}
}

#[cfg(feature = "cuda")]
fn cuda() -> Result<Device, String> {
	Device::new_cuda(0).map_err(|e| format!("no CUDA device: {e}"))
}

#[cfg(not(feature = "cuda"))]
fn cuda() -> Result<Device, String> {
	Err("this zkp-agent was built without the `cuda` feature".into())
}

/// A model's output: `rows` rows of `cols` values, row-major.
#[derive(Clone, Debug, PartialEq)]
pub struct Output {
	pub rows: usize,
	pub cols: usize,
	pub values: Vec<f32>,
}

impl Output {
	/// Reads an output file back (see [`Output::to_json`]).
	pub fn from_json(bytes: &[u8]) -> Result<Self, String> {
		#[derive(serde::Deserialize)]
		struct File {
			shape: (usize, usize),
			data: Vec<Vec<f32>>,
		}
		let file: File = serde_json::from_slice(bytes)
			.map_err(|e| format!("output file: expected {{shape, data}} ({e})"))?;
		let values: Vec<f32> = file.data.into_iter().flatten().collect();
		if file.shape.0.checked_mul(file.shape.1) != Some(values.len()) {
			return Err(format!("output file: {} values for shape {:?}", values.len(), file.shape));
		}
		Ok(Self { rows: file.shape.0, cols: file.shape.1, values })
	}

	/// The output file: JSON `{"shape": [rows, cols], "data": [[…], …]}`.
	pub fn to_json(&self) -> Vec<u8> {
		let data: Vec<&[f32]> =
			if self.cols == 0 { Vec::new() } else { self.values.chunks(self.cols).collect() };
		serde_json::to_vec(&serde_json::json!({ "shape": [self.rows, self.cols], "data": data }))
			.expect("serializable")
	}
}

/// An MLP bundle's `config.json`.
#[derive(serde::Deserialize)]
pub struct MlpConfig {
	pub layers: Vec<usize>,
	#[serde(default = "relu")]
	pub activation: String,
}

fn relu() -> String {
	"relu".into()
}

/// A loaded model.
// At most a few models stay loaded (the cache holds four), so the BERT variant's size costs
// nothing worth a box.
#[allow(clippy::large_enum_variant)]
pub enum Model {
	Bert { model: BertModel, tokenizer: Tokenizer, device: Device, hidden: usize },
	Mlp { layers: Vec<candle_nn::Linear>, activation: String, device: Device },
}

fn err(what: &str) -> impl Fn(candle_core::Error) -> String + '_ {
	move |e| format!("{what}: {e}")
}

impl Model {
	/// Loads a bundle of `framework` onto `device`.
	pub fn load(bundle: &[u8], framework: Framework, device: &Device) -> Result<Self, String> {
		let mut files = unpack(bundle)?;
		for name in bundle_files(framework) {
			if !files.contains_key(*name) {
				return Err(format!("the bundle has no {name}"));
			}
		}
		let weights = files.remove("model.safetensors").expect("checked");
		let config = files.remove("config.json").expect("checked");
		let vb = VarBuilder::from_buffered_safetensors(weights, DType::F32, device)
			.map_err(err("model.safetensors"))?;
		match framework {
			Framework::BertEmbedding => {
				let config: BertConfig =
					serde_json::from_slice(&config).map_err(|e| format!("config.json: {e}"))?;
				let mut tokenizer =
					Tokenizer::from_bytes(files.remove("tokenizer.json").expect("checked"))
						.map_err(|e| format!("tokenizer.json: {e}"))?;
				// Pad each batch to its longest input (the attention mask hides the padding);
				// keep the tokenizer's own truncation, else truncate at the model's positions.
				tokenizer.with_padding(Some(PaddingParams {
					strategy: PaddingStrategy::BatchLongest,
					..Default::default()
				}));
				if tokenizer.get_truncation().is_none() {
					let max_length = config.max_position_embeddings;
					tokenizer
						.with_truncation(Some(TruncationParams {
							max_length,
							..Default::default()
						}))
						.map_err(|e| format!("tokenizer: {e}"))?;
				}
				let model = BertModel::load(vb, &config).map_err(err("BERT weights"))?;
				Ok(Model::Bert {
					model,
					tokenizer,
					device: device.clone(),
					hidden: config.hidden_size,
				})
			},
			Framework::Mlp => {
				let config: MlpConfig =
					serde_json::from_slice(&config).map_err(|e| format!("config.json: {e}"))?;
				if config.layers.len() < 2 {
					return Err("config.json: `layers` needs an input and an output size".into());
				}
				if !["relu", "tanh", "gelu", "none"].contains(&config.activation.as_str()) {
					return Err(format!("config.json: unknown activation {}", config.activation));
				}
				let layers = config
					.layers
					.windows(2)
					.enumerate()
					.map(|(i, w)| candle_nn::linear(w[0], w[1], vb.pp(format!("layers.{i}"))))
					.collect::<Result<Vec<_>, _>>()
					.map_err(err("MLP weights"))?;
				Ok(Model::Mlp { layers, activation: config.activation, device: device.clone() })
			},
		}
	}

	/// Number of forward passes `input` takes (for progress).
	pub fn batches(&self, input: &[u8]) -> Result<u32, String> {
		let rows = match self {
			Model::Bert { .. } => parse_strings(input)?.len(),
			Model::Mlp { .. } => parse_rows(input)?.len(),
		};
		Ok(rows.div_ceil(BATCH).max(1) as u32)
	}

	/// Runs the model on an input file; `progress(done, total)` after each batch.
	pub fn run(&self, input: &[u8], mut progress: impl FnMut(u32, u32)) -> Result<Output, String> {
		match self {
			Model::Bert { model, tokenizer, device, hidden } => {
				let sentences = parse_strings(input)?;
				check_output_size(sentences.len(), *hidden)?;
				let total = sentences.len().div_ceil(BATCH).max(1) as u32;
				let mut values = Vec::new();
				let mut cols = 0;
				for (i, batch) in sentences.chunks(BATCH).enumerate() {
					let embeddings = embed(model, tokenizer, device, batch)?;
					cols = embeddings.dims()[1];
					values.extend(
						embeddings
							.flatten_all()
							.and_then(|t| t.to_vec1::<f32>())
							.map_err(err("output"))?,
					);
					progress(i as u32 + 1, total);
				}
				Ok(Output { rows: sentences.len(), cols, values })
			},
			Model::Mlp { layers, activation, device } => {
				let rows = parse_rows(input)?;
				let width = layers.first().map(|l| l.weight().dims()[1]).unwrap_or(0);
				if let Some(bad) = rows.iter().position(|r| r.len() != width) {
					return Err(format!(
						"input row {bad} has {} values; the model takes {width}",
						rows[bad].len()
					));
				}
				check_output_size(
					rows.len(),
					layers.last().map(|l| l.weight().dims()[0]).unwrap_or(0),
				)?;
				let total = rows.len().div_ceil(BATCH).max(1) as u32;
				let mut values = Vec::new();
				let mut cols = 0;
				for (i, batch) in rows.chunks(BATCH).enumerate() {
					let flat: Vec<f32> = batch.iter().flatten().copied().collect();
					let mut x = Tensor::from_vec(flat, (batch.len(), width), device)
						.map_err(err("input"))?;
					for (j, layer) in layers.iter().enumerate() {
						x = layer.forward(&x).map_err(err("forward"))?;
						if j + 1 < layers.len() {
							x = match activation.as_str() {
								"relu" => x.relu(),
								"tanh" => x.tanh(),
								"gelu" => x.gelu_erf(),
								_ => Ok(x),
							}
							.map_err(err("activation"))?;
						}
					}
					cols = x.dims()[1];
					values.extend(
						x.flatten_all().and_then(|t| t.to_vec1::<f32>()).map_err(err("output"))?,
					);
					progress(i as u32 + 1, total);
				}
				Ok(Output { rows: rows.len(), cols, values })
			},
		}
	}
}

/// Sentence embeddings of one batch: BERT, mean pooling over real tokens, L2 normalisation
/// (sentence-transformers' all-MiniLM-L6-v2 recipe).
fn embed(
	model: &BertModel,
	tokenizer: &Tokenizer,
	device: &Device,
	batch: &[String],
) -> Result<Tensor, String> {
	let encodings = tokenizer
		.encode_batch(batch.to_vec(), true)
		.map_err(|e| format!("tokenize: {e}"))?;
	let len = encodings.first().map(|e| e.get_ids().len()).unwrap_or(0);
	let flat = |f: &dyn Fn(&tokenizers::Encoding) -> Vec<u32>| -> Vec<u32> {
		encodings.iter().flat_map(f).collect()
	};
	let shape = (batch.len(), len);
	let ids =
		Tensor::from_vec(flat(&|e| e.get_ids().to_vec()), shape, device).map_err(err("ids"))?;
	let types = Tensor::from_vec(flat(&|e| e.get_type_ids().to_vec()), shape, device)
		.map_err(err("types"))?;
	let mask = Tensor::from_vec(flat(&|e| e.get_attention_mask().to_vec()), shape, device)
		.map_err(err("mask"))?;
	let hidden = model.forward(&ids, &types, Some(&mask)).map_err(err("BERT forward"))?;
	let pooled = (|| {
		let mask = mask.to_dtype(DType::F32)?.unsqueeze(2)?;
		let summed = hidden.broadcast_mul(&mask)?.sum(1)?;
		let counts = mask.sum(1)?.clamp(1e-9, f64::MAX)?;
		let mean = summed.broadcast_div(&counts)?;
		let norm = mean.sqr()?.sum_keepdim(1)?.sqrt()?.clamp(1e-12, f64::MAX)?;
		mean.broadcast_div(&norm)
	})()
	.map_err(err("pooling"))?;
	Ok(pooled)
}

/// A JSON array of strings.
pub fn parse_strings(input: &[u8]) -> Result<Vec<String>, String> {
	serde_json::from_slice(input)
		.map_err(|e| format!("input: expected a JSON array of strings ({e})"))
}

/// A JSON array of rows of numbers.
pub fn parse_rows(input: &[u8]) -> Result<Vec<Vec<f32>>, String> {
	serde_json::from_slice(input)
		.map_err(|e| format!("input: expected a JSON array of rows of numbers ({e})"))
}

/// What `zkp-agent compare` reports about two output files.
#[derive(Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
	pub values: usize,
	/// The largest difference of two values at the same position.
	pub max_abs_diff: f32,
	/// Per seed, the largest difference of two sketch entries, in quanta.
	pub worst_quanta: Vec<u32>,
	pub tolerance: u32,
	pub scale_bits: u8,
	/// Same shape, and every seed's sketches within the tolerance (`zkp_primitives::poi::agree`).
	pub agree: bool,
}

/// Compares two output files (`Output::to_json`) as the chain compares two agents' results
/// under `Agreement::Tolerance { scale_bits, tolerance }`, for `seeds` task seeds.
pub fn compare(
	a: &[u8],
	b: &[u8],
	scale_bits: u8,
	tolerance: u32,
	sketch_len: u8,
	seeds: u32,
) -> Result<Comparison, String> {
	use codec::Encode;
	use zkp_primitives::poi::{agree, sketch, Agreement, InferenceResult};
	let (a, b) = (Output::from_json(a)?, Output::from_json(b)?);
	let rule = Agreement::Tolerance { scale_bits, tolerance };
	let same_shape = (a.rows, a.cols) == (b.rows, b.cols);
	// NaN anywhere makes the difference NaN (`f32::max` would drop it), and no agreement.
	let max_abs_diff = if same_shape {
		a.values.iter().zip(&b.values).map(|(x, y)| (x - y).abs()).fold(0.0f32, |m, d| {
			if m.is_nan() || d.is_nan() {
				f32::NAN
			} else {
				m.max(d)
			}
		})
	} else {
		f32::INFINITY
	};
	let mut worst_quanta = Vec::new();
	let mut all_agree = same_shape && !max_abs_diff.is_nan();
	for s in 0..seeds {
		let seed =
			sp_core::H256(sp_crypto_hashing::blake2_256(&(b"zkp-agent/compare", s).encode()));
		let result = |o: &Output| InferenceResult {
			output_hash: Default::default(),
			output_cid: Vec::new(),
			output_len: o.values.len() as u32,
			sketch: sketch(&o.values, &seed, sketch_len as usize, scale_bits),
		};
		let (ra, rb) = (result(&a), result(&b));
		worst_quanta
			.push(ra.sketch.iter().zip(&rb.sketch).map(|(x, y)| x.abs_diff(*y)).max().unwrap_or(0));
		all_agree &= agree(&rule, &ra, &rb);
	}
	Ok(Comparison {
		values: a.values.len(),
		max_abs_diff,
		worst_quanta,
		tolerance,
		scale_bits,
		agree: all_agree,
	})
}

/// Makes a small MLP with deterministic pseudo-random weights (scaled for unit-variance
/// activations) in `dir`: `config.json` and `model.safetensors`. Tests and demos use it.
pub fn make_mlp(dir: &Path, layers: &[usize], activation: &str, seed: u64) -> Result<(), String> {
	std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
	let mut tensors = std::collections::HashMap::new();
	let mut counter = 0u64;
	// Uniform in [-1, 1) from blake2 of (seed, counter).
	let mut next = || {
		counter += 1;
		let mut input = seed.to_le_bytes().to_vec();
		input.extend_from_slice(&counter.to_le_bytes());
		let h = sp_crypto_hashing::blake2_128(&input);
		(u32::from_le_bytes(h[..4].try_into().expect("4 bytes")) as f64 / u32::MAX as f64) as f32 *
			2.0 - 1.0
	};
	for (i, w) in layers.windows(2).enumerate() {
		let scale = (3.0 / w[0] as f32).sqrt();
		let weight: Vec<f32> = (0..w[0] * w[1]).map(|_| next() * scale).collect();
		let bias: Vec<f32> = (0..w[1]).map(|_| next() * 0.1).collect();
		tensors.insert(
			format!("layers.{i}.weight"),
			Tensor::from_vec(weight, (w[1], w[0]), &Device::Cpu).map_err(err("weight"))?,
		);
		tensors.insert(
			format!("layers.{i}.bias"),
			Tensor::from_vec(bias, w[1], &Device::Cpu).map_err(err("bias"))?,
		);
	}
	candle_core::safetensors::save(&tensors, dir.join("model.safetensors")).map_err(err("save"))?;
	let config = serde_json::json!({ "layers": layers, "activation": activation });
	std::fs::write(dir.join("config.json"), serde_json::to_vec_pretty(&config).expect("json"))
		.map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
	use super::*;

	fn mlp_bundle(dir: &Path, layers: &[usize], activation: &str) -> Vec<u8> {
		make_mlp(dir, layers, activation, 7).unwrap();
		pack(dir, Framework::Mlp).unwrap()
	}

	/// The same MLP computed by hand from the safetensors file, in f64.
	fn reference_mlp(dir: &Path, layers: &[usize], input: &[f32]) -> Vec<f64> {
		let tensors =
			candle_core::safetensors::load(dir.join("model.safetensors"), &Device::Cpu).unwrap();
		let mut x: Vec<f64> = input.iter().map(|v| *v as f64).collect();
		for i in 0..layers.len() - 1 {
			let w = tensors[&format!("layers.{i}.weight")].to_vec2::<f32>().unwrap();
			let b = tensors[&format!("layers.{i}.bias")].to_vec1::<f32>().unwrap();
			let mut y: Vec<f64> = w
				.iter()
				.zip(&b)
				.map(|(row, bias)| {
					row.iter().zip(&x).map(|(a, v)| *a as f64 * v).sum::<f64>() + *bias as f64
				})
				.collect();
			if i + 2 < layers.len() {
				y.iter_mut().for_each(|v| *v = v.max(0.0));
			}
			x = y;
		}
		x
	}

	#[test]
	fn a_self_made_mlp_runs_and_matches_a_hand_computation() {
		let dir = std::env::temp_dir().join(format!("zkp-agent-mlp-{}", std::process::id()));
		let layers = [6, 16, 8, 3];
		let bundle = mlp_bundle(&dir, &layers, "relu");
		// Packing is deterministic.
		assert_eq!(bundle, pack(&dir, Framework::Mlp).unwrap());
		let model = Model::load(&bundle, Framework::Mlp, &Device::Cpu).unwrap();
		let rows: Vec<Vec<f32>> = (0..40)
			.map(|r| (0..6).map(|c| ((r * 7 + c * 3) % 11) as f32 / 5.0 - 1.0).collect())
			.collect();
		let input = serde_json::to_vec(&rows).unwrap();
		let mut progress = Vec::new();
		let out = model.run(&input, |d, t| progress.push((d, t))).unwrap();
		assert_eq!((out.rows, out.cols), (40, 3));
		assert_eq!(progress, vec![(1, 2), (2, 2)]);
		for (r, row) in rows.iter().enumerate() {
			let expected = reference_mlp(&dir, &layers, row);
			for (c, e) in expected.iter().enumerate() {
				assert!((out.values[r * 3 + c] as f64 - e).abs() < 1e-4, "row {r} col {c}");
			}
		}
		// Outputs beyond the cap are refused before running.
		let wide = dir.join("wide");
		let wide_bundle = mlp_bundle(&wide, &[1, 1 << 20], "relu");
		let wide_model = Model::load(&wide_bundle, Framework::Mlp, &Device::Cpu).unwrap();
		assert!(wide_model
			.run(
				b"[[1],[2],[3],[4],[5],[6],[7],[8],[9],[10],[11],[12],[13],[14],[15],[16],[17]]",
				|_, _| ()
			)
			.unwrap_err()
			.contains("more than"));
		// Wrong inputs are errors, not panics.
		assert!(model.run(b"[[1, 2]]", |_, _| ()).unwrap_err().contains("takes 6"));
		assert!(model.run(b"not json", |_, _| ()).is_err());
		std::fs::remove_dir_all(&dir).ok();
	}

	#[test]
	fn compare_applies_the_chain_rule_to_two_output_files() {
		// 64 rows of 384 values in [-0.1, 0.1), like unit-norm embeddings.
		let values: Vec<f32> = (0..64 * 384u32)
			.map(|i| {
				((i.wrapping_mul(2_654_435_761) >> 8) as f32 / (1u32 << 24) as f32 - 0.5) / 5.0
			})
			.collect();
		let file = |values: Vec<f32>| Output { rows: 64, cols: 384, values }.to_json();
		let reference = file(values.clone());
		// Rounding-sized noise (1e-6, well under a quantum of 2^-16 = 1.5e-5) agrees ...
		let noisy = file(
			values
				.iter()
				.enumerate()
				.map(|(i, v)| v + if i.is_multiple_of(2) { 1e-6 } else { -1e-6 })
				.collect(),
		);
		let close = compare(&reference, &noisy, 16, 64, 32, 10).unwrap();
		assert!(close.agree, "{close:?}");
		assert!(close.worst_quanta.iter().all(|q| *q <= 2));
		// ... one changed row (another input) does not, and neither does another shape.
		let mut changed = values.clone();
		changed[5 * 384..6 * 384].iter_mut().for_each(|v| *v = -*v);
		let far = compare(&reference, &file(changed), 16, 64, 32, 10).unwrap();
		assert!(!far.agree && far.worst_quanta.iter().any(|q| *q > 64), "{far:?}");
		let shorter = Output { rows: 63, cols: 384, values: values[..63 * 384].to_vec() }.to_json();
		assert!(!compare(&reference, &shorter, 16, 64, 32, 1).unwrap().agree);
		assert!(compare(&reference, b"[1, 2]", 16, 64, 32, 1).is_err());
		let mut broken = values.clone();
		broken[7] = f32::NAN;
		// JSON has no NaN: the file holds `null` there, which is not an output.
		assert!(compare(&reference, &file(broken), 16, 64, 32, 1).is_err());
	}

	#[test]
	fn broken_bundles_are_refused() {
		let dir = std::env::temp_dir().join(format!("zkp-agent-mlp-bad-{}", std::process::id()));
		let bundle = mlp_bundle(&dir, &[2, 2], "relu");
		assert!(Model::load(&bundle, Framework::BertEmbedding, &Device::Cpu)
			.err()
			.unwrap()
			.contains("tokenizer.json"));
		assert!(Model::load(b"garbage", Framework::Mlp, &Device::Cpu).is_err());
		std::fs::write(dir.join("config.json"), br#"{"layers": [2, 2], "activation": "softsign"}"#)
			.unwrap();
		let bad = pack(&dir, Framework::Mlp).unwrap();
		assert!(Model::load(&bad, Framework::Mlp, &Device::Cpu)
			.err()
			.unwrap()
			.contains("activation"));
		std::fs::write(dir.join("config.json"), br#"{"layers": [3, 2]}"#).unwrap();
		let mismatched = pack(&dir, Framework::Mlp).unwrap();
		assert!(Model::load(&mismatched, Framework::Mlp, &Device::Cpu).is_err());
		std::fs::remove_dir_all(&dir).ok();
	}

	/// A tiny BERT with random weights and a word-level tokenizer, made here, runs the whole
	/// sentence-embedding path: unit norms, padding that changes nothing, different
	/// sentences that differ.
	#[test]
	fn a_self_made_bert_embeds_sentences() {
		use candle_nn::{VarBuilder, VarMap};
		let dir = std::env::temp_dir().join(format!("zkp-agent-bert-{}", std::process::id()));
		std::fs::create_dir_all(&dir).unwrap();
		let words = [
			"[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "cat", "sat", "on", "mat", "dog", "ran",
			"far", "away",
		];
		let config = serde_json::json!({
			"vocab_size": words.len(), "hidden_size": 16, "num_hidden_layers": 2, "num_attention_heads": 2,
			"intermediate_size": 32, "hidden_act": "gelu", "hidden_dropout_prob": 0.0, "max_position_embeddings": 32,
			"type_vocab_size": 2, "initializer_range": 0.02, "layer_norm_eps": 1e-12, "pad_token_id": 0,
			"classifier_dropout": null, "model_type": "bert"
		});
		std::fs::write(dir.join("config.json"), config.to_string()).unwrap();
		let bert_config: BertConfig = serde_json::from_value(config).unwrap();
		let varmap = VarMap::new();
		let vb = VarBuilder::from_varmap(&varmap, DType::F32, &Device::Cpu);
		BertModel::load(vb, &bert_config).unwrap();
		varmap.save(dir.join("model.safetensors")).unwrap();
		let vocab: serde_json::Map<String, serde_json::Value> =
			words.iter().enumerate().map(|(i, w)| (w.to_string(), i.into())).collect();
		let tokenizer = serde_json::json!({
			"version": "1.0", "truncation": null, "padding": null, "added_tokens": [],
			"normalizer": {"type": "Lowercase"},
			"pre_tokenizer": {"type": "Whitespace"},
			"post_processor": {"type": "TemplateProcessing",
				"single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
				"pair": [{"Sequence": {"id": "A", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}}],
				"special_tokens": {"[CLS]": {"id": "[CLS]", "ids": [2], "tokens": ["[CLS]"]}, "[SEP]": {"id": "[SEP]", "ids": [3], "tokens": ["[SEP]"]}}},
			"decoder": null,
			"model": {"type": "WordLevel", "vocab": vocab, "unk_token": "[UNK]"}
		});
		std::fs::write(dir.join("tokenizer.json"), tokenizer.to_string()).unwrap();
		let bundle = pack(&dir, Framework::BertEmbedding).unwrap();
		let model = Model::load(&bundle, Framework::BertEmbedding, &Device::Cpu).unwrap();

		let alone = model.run(br#"["the cat sat"]"#, |_, _| ()).unwrap();
		let batch = model
			.run(
				br#"["the cat sat", "the dog ran far far away on the mat", "The Cat sat"]"#,
				|_, _| (),
			)
			.unwrap();
		assert_eq!((alone.rows, alone.cols, batch.rows), (1, 16, 3));
		for row in batch.values.chunks(16) {
			let norm: f32 = row.iter().map(|v| v * v).sum::<f32>().sqrt();
			assert!((norm - 1.0).abs() < 1e-5);
		}
		// Padding to the longer sentence does not change the short one's embedding.
		for (a, b) in alone.values.iter().zip(&batch.values[..16]) {
			assert!((a - b).abs() < 1e-5);
		}
		// The normaliser lowercases: the third sentence is the first.
		assert_eq!(batch.values[..16], batch.values[32..48]);
		// Another sentence gives another embedding.
		let distance: f32 = batch.values[..16]
			.iter()
			.zip(&batch.values[16..32])
			.map(|(a, b)| (a - b).abs())
			.sum();
		assert!(distance > 0.01);
		assert!(model.run(br#"[1, 2]"#, |_, _| ()).unwrap_err().contains("array of strings"));
		std::fs::remove_dir_all(&dir).ok();
	}

	/// The real all-MiniLM-L6-v2 (fetched by `scripts/models.sh`) reproduces the similarity
	/// that sentence-transformers publishes for it: "A man is eating food." vs "A man is
	/// eating a piece of bread." scores 0.7553. Skipped when the model is absent, unless
	/// `ZKP_REQUIRE_MINILM` is set (the test command sets it).
	#[test]
	fn minilm_reproduces_the_published_similarity() {
		let dir =
			std::env::var("ZKP_MINILM_DIR")
				.map(std::path::PathBuf::from)
				.unwrap_or_else(|_| {
					std::path::PathBuf::from(std::env::var("HOME").unwrap_or_default())
						.join(".cache/zkp/models/all-MiniLM-L6-v2")
				});
		if !dir.join("model.safetensors").exists() {
			assert!(
				std::env::var("ZKP_REQUIRE_MINILM").is_err(),
				"all-MiniLM-L6-v2 missing at {}",
				dir.display()
			);
			eprintln!(
				"skipped: no all-MiniLM-L6-v2 at {} (bash scripts/models.sh fetches it)",
				dir.display()
			);
			return;
		}
		let bundle = pack(&dir, Framework::BertEmbedding).unwrap();
		let model = Model::load(&bundle, Framework::BertEmbedding, &Device::Cpu).unwrap();
		let out = model.run(br#"["A man is eating food.", "A man is eating a piece of bread.", "The new movie is awesome."]"#, |_, _| ()).unwrap();
		assert_eq!((out.rows, out.cols), (3, 384));
		let cos = |a: usize, b: usize| -> f32 {
			(0..384).map(|i| out.values[a * 384 + i] * out.values[b * 384 + i]).sum()
		};
		assert!((cos(0, 1) - 0.7553).abs() < 5e-4, "cos = {}", cos(0, 1));
		assert!(cos(0, 2) < 0.2);
	}
}
