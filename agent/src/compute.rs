//! Inference jobs for Proof of Intelligence.
//!
//! The off-chain worker asks for a job with `POST /poi/job` every block while its task is
//! open: the first request starts it, later ones return its status. A job fetches the model
//! bundle from IPFS (once: bundles are cached on disk by content hash and checked against it,
//! loaded models stay in memory), fetches the input, runs the model (one job at a time: a
//! forward pass already uses every core), writes the output to IPFS and reports the output
//! hash, CID and sketch ([`zkp_primitives::poi::sketch`]).
//!
//! A job is keyed by the `blake2_256` of its whole SCALE-encoded [`JobRequest`]: a request
//! for the same task and seed with another model, input or sketch rule is another job, so
//! nobody can start, ahead of the node, a job whose result the node would then commit.
//!
//! A ZK job (PoI's ZK mode, [`JobRequest::zk`]) runs the bundle's fixed-point circuit instead
//! ([`crate::zk`]): the output, its commitment as the output hash, and a Groth16 proof checked
//! against the job's statement before the answer ([`JobStatus::Proven`]).
//!
//! `--fault` makes an agent misbehave on purpose, for tests: `wrong-input` runs the model
//! on an altered input (a plausible but wrong answer; in a ZK job, a proof of the altered
//! input, which the chain rejects), `stall` accepts jobs and never runs them.

use crate::{
	inference::{Model, MAX_BUNDLE_BYTES, MAX_INPUT_BYTES},
	ipfs::Ipfs,
	store::write_atomically,
	zk::{output_file, ZkModel},
};
use candle_core::Device;
use sp_core::H256;
use std::{
	collections::HashMap,
	path::PathBuf,
	sync::{Arc, Mutex},
	time::{Duration, Instant},
};
use zkp_primitives::poi::{sketch, InferenceResult, JobRequest, JobStatus, ZkJob};

/// A failed job is retried when asked again after this long (IPFS may have come back).
const RETRY_FAILED_AFTER: Duration = Duration::from_secs(12);
/// Finished jobs are forgotten after this long.
const KEEP_JOBS: Duration = Duration::from_secs(3600);
/// Loaded models kept in memory; the least recently used goes first.
const MAX_LOADED_MODELS: usize = 4;
/// Loaded circuits (proving keys) kept in memory.
const MAX_LOADED_CIRCUITS: usize = 2;

/// How a test agent misbehaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Fault {
	/// Runs the model on an altered input.
	WrongInput,
	/// Never runs its jobs.
	Stall,
}

/// Where a job's time went, in milliseconds.
#[derive(Clone, Copy, Debug, Default, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Timings {
	pub queued_ms: u64,
	pub model_ms: u64,
	pub input_ms: u64,
	pub inference_ms: u64,
	/// Making the proof (ZK jobs).
	pub proving_ms: u64,
	pub output_ms: u64,
	pub total_ms: u64,
}

struct Job {
	request: JobRequest,
	status: JobStatus,
	stage: String,
	/// When the current stage began (shown in `/status`: how long proving has run).
	stage_started: Instant,
	/// The circuit's constraints (ZK jobs), for the progress shown.
	constraints: Option<usize>,
	created: Instant,
	updated: Instant,
	timings: Timings,
}

/// The compute side of the agent.
pub struct Compute {
	ipfs: Ipfs,
	/// The same daemon with a longer timeout, for model bundles.
	bundle_ipfs: Ipfs,
	dir: PathBuf,
	device: Device,
	/// Loaded models, most recently used last.
	models: Mutex<Vec<(H256, Arc<Model>)>>,
	/// Loaded circuits, by bundle hash, most recently used last.
	circuits: Mutex<Vec<(H256, Arc<ZkModel>)>>,
	/// By [`job_key`].
	jobs: Mutex<HashMap<H256, Job>>,
	running: tokio::sync::Semaphore,
	/// Woken whenever a job finishes (for requests that wait).
	finished: tokio::sync::Notify,
	fault: Option<Fault>,
}

/// A job's key: `blake2_256` of its SCALE-encoded request.
pub fn job_key(request: &JobRequest) -> H256 {
	H256(sp_crypto_hashing::blake2_256(&codec::Encode::encode(request)))
}

fn ms(d: Duration) -> u64 {
	d.as_millis() as u64
}

/// An altered copy of an input file (the `wrong-input` fault): every string gets a word
/// more, every number grows by one.
fn alter(input: &[u8]) -> Vec<u8> {
	fn walk(v: &mut serde_json::Value) {
		match v {
			serde_json::Value::String(s) => s.push_str(" indeed"),
			serde_json::Value::Number(n) => *v = serde_json::json!(n.as_f64().unwrap_or(0.0) + 1.0),
			serde_json::Value::Array(items) => items.iter_mut().for_each(walk),
			_ => {},
		}
	}
	match serde_json::from_slice::<serde_json::Value>(input) {
		Ok(mut v) => {
			walk(&mut v);
			serde_json::to_vec(&v).unwrap_or_default()
		},
		Err(_) => input.to_vec(),
	}
}

impl Compute {
	pub fn new(
		dir: PathBuf,
		ipfs: Ipfs,
		bundle_ipfs: Ipfs,
		device: Device,
		fault: Option<Fault>,
	) -> std::io::Result<Arc<Self>> {
		std::fs::create_dir_all(dir.join("models"))?;
		log::info!(
			"inference on {:?}{}",
			device,
			fault.map(|f| format!(" — FAULT INJECTED: {f:?}")).unwrap_or_default()
		);
		Ok(Arc::new(Self {
			ipfs,
			bundle_ipfs,
			dir,
			device,
			models: Mutex::new(Vec::new()),
			circuits: Mutex::new(Vec::new()),
			jobs: Mutex::new(HashMap::new()),
			running: tokio::sync::Semaphore::new(1),
			finished: tokio::sync::Notify::new(),
			fault,
		}))
	}

	/// Starts the job, or returns its status.
	pub fn job(self: &Arc<Self>, request: JobRequest) -> JobStatus {
		let key = job_key(&request);
		let mut jobs = self.jobs.lock().expect("jobs lock");
		jobs.retain(|_, job| job.updated.elapsed() < KEEP_JOBS || !job.status.is_finished());
		if let Some(job) = jobs.get(&key) {
			let retry = matches!(job.status, JobStatus::Failed { .. }) &&
				job.updated.elapsed() >= RETRY_FAILED_AFTER;
			if !retry {
				return job.status.clone();
			}
			log::info!("task {}: retrying after a failure", request.task);
		}
		let now = Instant::now();
		jobs.insert(
			key,
			Job {
				request: request.clone(),
				status: JobStatus::Queued,
				stage: "queued".into(),
				stage_started: now,
				constraints: None,
				created: now,
				updated: now,
				timings: Timings::default(),
			},
		);
		drop(jobs);
		log::info!(
			"task {}: job accepted (model {}, input {})",
			request.task,
			String::from_utf8_lossy(&request.model_cid),
			String::from_utf8_lossy(&request.input_cid)
		);
		let this = self.clone();
		tokio::spawn(async move { this.run(key, request).await });
		JobStatus::Queued
	}

	/// Like [`Self::job`], but waits up to `wait` for the job to finish.
	pub async fn job_waiting(self: &Arc<Self>, request: JobRequest, wait: Duration) -> JobStatus {
		let deadline = tokio::time::Instant::now() + wait;
		loop {
			let notified = self.finished.notified();
			tokio::pin!(notified);
			notified.as_mut().enable();
			let status = self.job(request.clone());
			if status.is_finished() || tokio::time::Instant::now() >= deadline {
				return status;
			}
			let _ = tokio::time::timeout_at(deadline, notified).await;
		}
	}

	fn update(&self, key: &H256, f: impl FnOnce(&mut Job)) {
		if let Some(job) = self.jobs.lock().expect("jobs lock").get_mut(key) {
			f(job);
			job.updated = Instant::now();
		}
	}

	async fn run(self: Arc<Self>, key: H256, request: JobRequest) {
		if self.fault == Some(Fault::Stall) {
			log::warn!("task {}: stalling on purpose (--fault stall)", request.task);
			return;
		}
		let Ok(_permit) = self.running.acquire().await else { return };
		let started = Instant::now();
		let created = self
			.jobs
			.lock()
			.expect("jobs lock")
			.get(&key)
			.map(|j| j.created)
			.unwrap_or(started);
		self.update(&key, |job| {
			job.status = JobStatus::Running { done: 0, total: 0 };
			job.timings.queued_ms = ms(started - created);
		});
		let outcome = self.execute(&key, &request).await;
		let total = ms(started.elapsed());
		match outcome {
			Ok(status) => {
				if let JobStatus::Done(result) | JobStatus::Proven { result, .. } = &status {
					log::info!(
						"task {}: {} in {} ms, output {} ({} values)",
						request.task,
						if request.zk.is_some() { "proven" } else { "done" },
						total,
						String::from_utf8_lossy(&result.output_cid),
						result.output_len
					);
				}
				self.update(&key, |job| {
					job.status = status;
					job.stage = "done".into();
					job.timings.total_ms = total;
				});
				self.finished.notify_waiters();
			},
			Err(reason) => {
				log::warn!("task {}: failed: {reason}", request.task);
				self.update(&key, |job| {
					job.status = JobStatus::Failed { reason: reason.into_bytes() };
					job.stage = "failed".into();
					job.timings.total_ms = total;
				});
				self.finished.notify_waiters();
			},
		}
	}

	fn set_stage(&self, key: &H256, stage: impl Into<String>, f: impl FnOnce(&mut Job)) {
		let stage = stage.into();
		self.update(key, |job| {
			job.stage = stage;
			job.stage_started = Instant::now();
			f(job);
		});
	}

	/// Fetches the task's input (altered under the `wrong-input` fault).
	async fn input(&self, request: &JobRequest) -> Result<Vec<u8>, String> {
		let cid = String::from_utf8(request.input_cid.clone())
			.map_err(|_| "input CID is not UTF-8".to_string())?;
		let input = self.ipfs.cat(&cid, MAX_INPUT_BYTES).await?;
		if self.fault == Some(Fault::WrongInput) {
			log::warn!(
				"task {}: altering the input on purpose (--fault wrong-input)",
				request.task
			);
			return Ok(alter(&input));
		}
		Ok(input)
	}

	async fn execute(
		self: &Arc<Self>,
		key: &H256,
		request: &JobRequest,
	) -> Result<JobStatus, String> {
		if let Some(zk) = &request.zk {
			return self.execute_zk(key, request, zk).await;
		}
		let t = Instant::now();
		self.set_stage(key, "fetching model", |_| {});
		let model = self.model(request).await?;
		let model_ms = ms(t.elapsed());

		let t = Instant::now();
		self.set_stage(key, "fetching input", |job| job.timings.model_ms = model_ms);
		let input = self.input(request).await?;
		let input_ms = ms(t.elapsed());

		let t = Instant::now();
		self.set_stage(key, "inference", |job| job.timings.input_ms = input_ms);
		let this = self.clone();
		let progress_key = *key;
		let output = tokio::task::spawn_blocking(move || {
			model.run(&input, |done, total| {
				this.update(&progress_key, |job| job.status = JobStatus::Running { done, total })
			})
		})
		.await
		.map_err(|e| format!("inference task: {e}"))??;
		let inference_ms = ms(t.elapsed());

		let t = Instant::now();
		self.set_stage(key, "writing output", |job| job.timings.inference_ms = inference_ms);
		let bytes = output.to_json();
		let output_hash = H256(sp_crypto_hashing::blake2_256(&bytes));
		let output_cid = self.ipfs.add(bytes).await?;
		let sketch =
			sketch(&output.values, &request.seed, request.sketch_len as usize, request.scale_bits);
		self.update(key, |job| job.timings.output_ms = ms(t.elapsed()));
		Ok(JobStatus::Done(InferenceResult {
			output_hash,
			output_cid: output_cid.into_bytes(),
			output_len: output.values.len() as u32,
			sketch,
		}))
	}

	/// A ZK job: the bundle's circuit proves the fixed-point output (steps: circuit, input,
	/// proof, output), which is answered only if the proof verifies under the job's statement.
	async fn execute_zk(
		self: &Arc<Self>,
		key: &H256,
		request: &JobRequest,
		zk: &ZkJob,
	) -> Result<JobStatus, String> {
		let step = |done| JobStatus::Running { done, total: 4 };
		let t = Instant::now();
		self.set_stage(key, "loading circuit", |job| job.status = step(0));
		let circuit = self.circuit(request).await?;
		let model_ms = ms(t.elapsed());

		let t = Instant::now();
		self.set_stage(key, "fetching input", |job| {
			job.timings.model_ms = model_ms;
			job.constraints = Some(circuit.constraints);
			job.status = step(1);
		});
		let input = self.input(request).await?;
		let input_ms = ms(t.elapsed());

		let t = Instant::now();
		let stage = format!("proving ({} constraints)", circuit.constraints);
		self.set_stage(key, stage, |job| {
			job.timings.input_ms = input_ms;
			job.status = step(2);
		});
		let (job, trust_input, proving) =
			(zk.clone(), self.fault == Some(Fault::WrongInput), circuit.clone());
		let (output, statement, proof) =
			tokio::task::spawn_blocking(move || proving.prove(&input, &job, trust_input))
				.await
				.map_err(|e| format!("proving task: {e}"))??;
		let proving_ms = ms(t.elapsed());

		let t = Instant::now();
		self.set_stage(key, "writing output", |job| {
			job.timings.proving_ms = proving_ms;
			job.status = step(3);
		});
		let output_hash = H256(zkp_zkml::to_bytes(&statement.output));
		let bytes = output_file(&output, circuit.model.mlp.output_len(), &output_hash);
		let output_cid = self.ipfs.add(bytes).await?;
		let values: Vec<f32> =
			output.iter().map(|q| zkp_zkml::quant::dequantize(*q) as f32).collect();
		let sketch =
			sketch(&values, &request.seed, request.sketch_len as usize, request.scale_bits);
		self.update(key, |job| job.timings.output_ms = ms(t.elapsed()));
		Ok(JobStatus::Proven {
			result: InferenceResult {
				output_hash,
				output_cid: output_cid.into_bytes(),
				output_len: output.len() as u32,
				sketch,
			},
			proof,
		})
	}

	/// The loaded circuit of a request's bundle (from memory, or loaded from the bundle).
	async fn circuit(&self, request: &JobRequest) -> Result<Arc<ZkModel>, String> {
		if let Some(found) = most_recent(&self.circuits, &request.model_hash) {
			return Ok(found);
		}
		let bundle = self.bundle(request).await?;
		let started = Instant::now();
		let circuit = tokio::task::spawn_blocking(move || ZkModel::load(&bundle))
			.await
			.map_err(|e| format!("circuit load: {e}"))??;
		log::info!(
			"circuit of model {:?} loaded in {} ms ({} constraints, key {:?})",
			request.model_hash,
			ms(started.elapsed()),
			circuit.constraints,
			circuit.key_hash
		);
		Ok(keep(&self.circuits, request.model_hash, Arc::new(circuit), MAX_LOADED_CIRCUITS))
	}

	/// The loaded model for a request: from memory, the disk cache or IPFS (checked against
	/// its content hash).
	async fn model(&self, request: &JobRequest) -> Result<Arc<Model>, String> {
		if let Some(found) = most_recent(&self.models, &request.model_hash) {
			return Ok(found);
		}
		let bundle = self.bundle(request).await?;
		let (framework, device) = (request.framework, self.device.clone());
		let started = Instant::now();
		let model = tokio::task::spawn_blocking(move || Model::load(&bundle, framework, &device))
			.await
			.map_err(|e| format!("model load: {e}"))??;
		log::info!(
			"model {:?} ({:?}) loaded in {} ms",
			request.model_hash,
			framework,
			ms(started.elapsed())
		);
		Ok(keep(&self.models, request.model_hash, Arc::new(model), MAX_LOADED_MODELS))
	}

	/// A request's model bundle: from the disk cache or IPFS, checked against its content hash.
	async fn bundle(&self, request: &JobRequest) -> Result<Vec<u8>, String> {
		let path = self
			.dir
			.join("models")
			.join(format!("{}.tar", hex::encode(request.model_hash.0)));
		let cached = std::fs::read(&path)
			.ok()
			.filter(|b| H256(sp_crypto_hashing::blake2_256(b)) == request.model_hash);
		if let Some(bundle) = cached {
			return Ok(bundle);
		}
		let cid = String::from_utf8(request.model_cid.clone())
			.map_err(|_| "model CID is not UTF-8".to_string())?;
		log::info!("fetching model bundle {cid} from IPFS");
		let bundle = self.bundle_ipfs.cat(&cid, MAX_BUNDLE_BYTES).await?;
		let hash = H256(sp_crypto_hashing::blake2_256(&bundle));
		if hash != request.model_hash {
			return Err(format!(
				"model bundle {cid} hashes to {hash:?}, not the registered {:?}",
				request.model_hash
			));
		}
		if let Err(e) = self.bundle_ipfs.pin(&cid).await {
			log::warn!("cannot pin model {cid}: {e}");
		}
		write_atomically(&path, &bundle).map_err(|e| format!("{}: {e}", path.display()))?;
		Ok(bundle)
	}

	/// Jobs for `GET /status` and `GET /poi/jobs`.
	pub fn status(&self) -> Vec<serde_json::Value> {
		let jobs = self.jobs.lock().expect("jobs lock");
		let mut out: Vec<_> = jobs
			.iter()
			.map(|(key, job)| {
				let (progress, output) = match &job.status {
					JobStatus::Running { done, total } if job.request.zk.is_some() =>
						(format!("step {done}/{total}"), None),
					JobStatus::Running { done, total } => (format!("{done}/{total} batches"), None),
					JobStatus::Done(r) => (
						"done".to_string(),
						Some(String::from_utf8_lossy(&r.output_cid).to_string()),
					),
					JobStatus::Proven { result, proof } => (
						format!("proven ({} byte proof)", proof.len()),
						Some(String::from_utf8_lossy(&result.output_cid).to_string()),
					),
					JobStatus::Failed { reason } =>
						(format!("failed: {}", String::from_utf8_lossy(reason)), None),
					JobStatus::Queued => ("queued".to_string(), None),
				};
				serde_json::json!({
					"task": job.request.task,
					"request": hex::encode(key.0),
					"model": String::from_utf8_lossy(&job.request.model_cid),
					"input": String::from_utf8_lossy(&job.request.input_cid),
					"stage": job.stage,
					"stageSeconds": job.stage_started.elapsed().as_secs(),
					"zk": job.request.zk.is_some(),
					"constraints": job.constraints,
					"progress": progress,
					"outputCid": output,
					"ageSeconds": job.created.elapsed().as_secs(),
					"timings": job.timings,
				})
			})
			.collect();
		out.sort_by_key(|j| j["task"].as_u64());
		out
	}
}

/// The cached entry for `hash`, moved to the most recently used end.
fn most_recent<T>(cache: &Mutex<Vec<(H256, Arc<T>)>>, hash: &H256) -> Option<Arc<T>> {
	let mut entries = cache.lock().expect("cache lock");
	let i = entries.iter().position(|(h, _)| h == hash)?;
	let entry = entries.remove(i);
	let found = entry.1.clone();
	entries.push(entry);
	Some(found)
}

/// Caches `value` for `hash`, evicting the least recently used beyond `max`.
fn keep<T>(cache: &Mutex<Vec<(H256, Arc<T>)>>, hash: H256, value: Arc<T>, max: usize) -> Arc<T> {
	let mut entries = cache.lock().expect("cache lock");
	if entries.len() >= max {
		let (evicted, _) = entries.remove(0);
		log::info!("{evicted:?} unloaded (more than {max} in memory)");
	}
	entries.push((hash, value.clone()));
	value
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_wrong_input_fault_changes_every_value() {
		assert_eq!(alter(br#"["a", "b"]"#), br#"["a indeed","b indeed"]"#.to_vec());
		assert_eq!(alter(b"[[1.0, 2.5]]"), b"[[2.0,3.5]]".to_vec());
	}
}
