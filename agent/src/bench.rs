//! `zkp-agent bench seal`: what sealing costs an honest provider, what verification costs the
//! chain, and how much time a provider that deleted its replica would need to rebuild a
//! challenged leaf, against the challenge deadline.

use std::time::Instant;
use zkp_posp::{
	drg_parents, merkle, proof::SectorContent, sector_seed, verify_leaf_proof, SealedSector,
	Sealer, DRG_PARENTS, LEAF_DATA_BYTES,
};

fn pseudo_random(len: usize, salt: u64) -> Vec<u8> {
	let mut state = salt.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
	(0..len)
		.map(|_| {
			state ^= state << 13;
			state ^= state >> 7;
			state ^= state << 17;
			state as u8
		})
		.collect()
}

pub fn seal(sector_kib: u32, rounds: u32, sectors: u32, deadline_secs: f64) {
	let leaves = sector_kib;
	let mib = sector_kib as f64 / 1024.0;
	let mut seal_secs = Vec::new();
	let mut last = None;
	for s in 0..sectors {
		let data = pseudo_random(leaves as usize * LEAF_DATA_BYTES, s as u64 + 1);
		let root = merkle::data_root(&data);
		let seed = sector_seed(&[7; 32], s, root.as_fixed_bytes());
		let sealer = Sealer::new(&seed, rounds);
		let start = Instant::now();
		let sealed = SealedSector::seal(&sealer, &data, leaves, |_| ());
		let secs = start.elapsed().as_secs_f64();
		println!("seal: sector {s}: {sector_kib} KiB in {secs:.3} s ({:.3} MiB/s)", mib / secs);
		seal_secs.push(secs);
		last = Some((sealer, sealed, data, root));
	}
	seal_secs.sort_by(f64::total_cmp);
	let t_sector = seal_secs[seal_secs.len() / 2];
	let (sealer, sealed, data, root) = last.expect("at least one sector");

	// Verification, as the chain does it (natively here; the FRAME benchmark measures WASM).
	let hashes = merkle::data_leaf_hashes(&data);
	let content = SectorContent::Data { data_root: root, data_leaves: hashes.len() as u32 };
	let proofs: Vec<_> = (0..64)
		.map(|i| sealed.prove(&sealer, (i * 7919) % leaves, &hashes).unwrap())
		.collect();
	let sealed_root = sealed.root();
	let start = Instant::now();
	for p in &proofs {
		verify_leaf_proof(&sealer, &sealed_root, leaves, content, p)
			.expect("honest proof verifies");
	}
	let verify_us = start.elapsed().as_secs_f64() * 1e6 / proofs.len() as f64;
	let start = Instant::now();
	let mut n = 0;
	while start.elapsed().as_millis() < 300 {
		for i in 0..16 {
			let _ = sealed.prove(&sealer, (i * 31) % leaves, &hashes);
			n += 1;
		}
	}
	let prove_us = start.elapsed().as_secs_f64() * 1e6 / n as f64;

	// An attacker who kept nothing reseals from leaf 0 up to the challenged leaf i:
	// (i + 1) / leaves of a sector's sealing time, sequentially (each element needs the last).
	let t_leaf = t_sector / leaves as f64;
	let lpc = 4.0;
	let expected_max = lpc / (lpc + 1.0);
	let reseal_expected = t_sector * expected_max;
	let p_in_time = (deadline_secs / t_sector).min(1.0).powf(lpc);
	println!("seal: median {t_sector:.3} s per {sector_kib} KiB sector = {:.3} MiB/s on one core; {:.1} µs per leaf", mib / t_sector, t_leaf * 1e6);
	println!("verify: {verify_us:.1} µs per challenged leaf (unseal + 3 Merkle paths, native)");
	println!("prove: {prove_us:.1} µs per leaf opened by the agent (sealed sector in memory)");
	println!(
		"reseal: a deleted replica takes {:.3} s to rebuild for a 4-leaf challenge (expected), up to {t_sector:.3} s; deadline {deadline_secs} s",
		reseal_expected
	);
	println!(
		"margin: {:.2}x (full-sector reseal / deadline); chance a replica-less provider answers in time: {:.3}",
		t_sector / deadline_secs,
		p_in_time
	);
	print_partial_storage(sector_kib, t_leaf, deadline_secs);
	println!(
		"summary: seal {:.3} MiB/s, verify {verify_us:.0} µs/leaf, reseal {t_sector:.2} s vs deadline {deadline_secs} s (margin {:.2}x, rounds {rounds}, sector {sector_kib} KiB)",
		mib / t_sector,
		t_sector / deadline_secs
	);
}

/// A provider that keeps a random share `keep` of its sealed leaves and rebuilds the others
/// when challenged: for a 4-leaf challenge it needs each challenged leaf and its parents (the
/// openings), so it reseals every missing leaf in their ancestry. Returns the mean number of
/// leaves resealed (the work, one core) and the mean longest chain of them (the time with
/// unlimited cores), over `samples` challenges.
fn partial_storage_cost(leaves: u32, keep: f64, samples: u32) -> (f64, f64) {
	let seed = [9u8; 32];
	let mut state = 0x2545_f491_4f6c_dd1du64;
	let mut next = move || {
		state ^= state << 13;
		state ^= state >> 7;
		state ^= state << 17;
		state
	};
	let parents: Vec<[u32; DRG_PARENTS]> = (0..leaves)
		.map(|j| if j == 0 { [0; DRG_PARENTS] } else { drg_parents(&seed, j) })
		.collect();
	let kept: Vec<bool> = (0..leaves).map(|_| (next() % 1_000_000) as f64 / 1e6 < keep).collect();
	let (mut work, mut chain) = (0u64, 0u64);
	let mut depth = vec![0u32; leaves as usize];
	let mut seen = vec![u32::MAX; leaves as usize];
	for sample in 0..samples {
		let mut stack = Vec::new();
		for _ in 0..4 {
			let j = (next() % leaves as u64) as u32;
			stack.push(j);
			if j > 0 {
				stack.extend_from_slice(&parents[j as usize]);
			}
		}
		let mut missing = Vec::new();
		while let Some(x) = stack.pop() {
			if kept[x as usize] || seen[x as usize] == sample {
				continue;
			}
			seen[x as usize] = sample;
			missing.push(x);
			if x > 0 {
				stack.extend_from_slice(&parents[x as usize]);
			}
		}
		missing.sort_unstable();
		let mut longest = 0;
		for &x in &missing {
			let d = 1 + if x == 0 {
				0
			} else {
				parents[x as usize]
					.iter()
					.filter(|p| !kept[**p as usize])
					.map(|p| depth[*p as usize])
					.max()
					.unwrap_or(0)
			};
			depth[x as usize] = d;
			longest = longest.max(d);
		}
		work += missing.len() as u64;
		chain += longest as u64;
	}
	(work as f64 / samples as f64, chain as f64 / samples as f64)
}

/// Prints what partial storage costs against the deadline, for the dev sector and for larger
/// ones (the graph alone is simulated; a leaf reseal costs `t_leaf`).
fn print_partial_storage(sector_kib: u32, t_leaf: f64, deadline_secs: f64) {
	for leaves in [sector_kib, 262_144] {
		for keep in [0.5, 0.75, 0.9] {
			let (work, chain) = partial_storage_cost(leaves, keep, 32);
			println!(
				"partial: {} MiB sector, keeping {:.0}% of it: reseal {:.0} leaves per 4-leaf challenge ({:.2} s on one core), longest chain {:.0} leaves ({:.2} s with unlimited cores); deadline {deadline_secs} s",
				leaves / 1024,
				keep * 100.0,
				work,
				work * t_leaf,
				chain,
				chain * t_leaf
			);
		}
	}
}

/// A made-up sentence corpus for `bench infer` when no input file is given.
pub fn sentences(count: usize) -> Vec<String> {
	let subjects = [
		"The cat",
		"A validator",
		"My neighbour",
		"The storage provider",
		"An old sailor",
		"The GPU",
	];
	let verbs = ["watches", "signs", "carries", "computes", "remembers", "finalizes"];
	let objects = [
		"the morning blocks",
		"a heavy parcel",
		"seven proofs",
		"the quiet harbour",
		"every embedding",
		"a red kite",
	];
	(0..count)
		.map(|i| {
			format!("{} {} {} ({}).", subjects[i % 6], verbs[(i / 6) % 6], objects[(i / 36) % 6], i)
		})
		.collect()
}

fn median(mut v: Vec<f64>) -> f64 {
	if v.is_empty() {
		return f64::NAN;
	}
	v.sort_by(f64::total_cmp);
	v[v.len() / 2]
}

/// The agent `bench infer` sends its jobs to.
pub struct AgentApi {
	pub url: String,
	/// Its API token, if it wants one.
	pub token: Option<String>,
}

async fn post_job(
	client: &hyper::Client<hyper::client::HttpConnector>,
	agent: &AgentApi,
	request: &zkp_primitives::poi::JobRequest,
) -> Result<zkp_primitives::poi::JobStatus, String> {
	use codec::{Decode, Encode};
	let mut req =
		hyper::Request::post(format!("{}/poi/job?wait=60000", agent.url.trim_end_matches('/')));
	if let Some(token) = &agent.token {
		req = req.header(hyper::header::AUTHORIZATION, format!("Bearer {}", token.trim()));
	}
	let req = req.body(hyper::Body::from(request.encode())).map_err(|e| e.to_string())?;
	let response = client.request(req).await.map_err(|e| format!("agent: {e}"))?;
	if !response.status().is_success() {
		let status = response.status();
		let body = hyper::body::to_bytes(response.into_body()).await.unwrap_or_default();
		return Err(format!("agent: HTTP {status}: {}", String::from_utf8_lossy(&body)));
	}
	let bytes = hyper::body::to_bytes(response.into_body()).await.map_err(|e| e.to_string())?;
	zkp_primitives::poi::JobStatus::decode(&mut &bytes[..])
		.map_err(|e| format!("agent answer: {e}"))
}

/// `zkp-agent bench infer`: the model's bare inference time on an input, and the agent's
/// end-to-end job time on the same input (HTTP request, input from IPFS, inference, output
/// to IPFS; the request waits for the job with `?wait=`, so polling adds nothing). The model
/// is warm in both.
pub async fn infer(
	ipfs: &crate::ipfs::Ipfs,
	agent: &AgentApi,
	device: candle_core::Device,
	bundle: Vec<u8>,
	framework: zkp_primitives::poi::Framework,
	input: Vec<u8>,
	runs: usize,
) -> Result<(), String> {
	use sp_core::H256;
	use std::time::Duration;
	use zkp_primitives::poi::{JobRequest, JobStatus};
	let model = crate::inference::Model::load(&bundle, framework, &device)?;
	let batches = model.batches(&input)?;
	let model_hash = H256(sp_crypto_hashing::blake2_256(&bundle));
	let model_cid = ipfs.add(bundle).await?;
	let input_cid = ipfs.add(input.clone()).await?;
	let mut connector = hyper::client::HttpConnector::new();
	connector.set_nodelay(true);
	let client = hyper::Client::builder().build::<_, hyper::Body>(connector);
	let base = u64::from_le_bytes(
		sp_crypto_hashing::blake2_256(&std::process::id().to_le_bytes())[..8]
			.try_into()
			.expect("8"),
	) >> 16;
	let job = |i: u64| JobRequest {
		task: base + i,
		seed: H256(sp_crypto_hashing::blake2_256(&(base + i).to_le_bytes())),
		model_cid: model_cid.clone().into_bytes(),
		model_hash,
		framework,
		input_cid: input_cid.clone().into_bytes(),
		sketch_len: 32,
		scale_bits: 16,
		zk: None,
	};
	let run_job = |request: JobRequest| {
		let client = client.clone();
		async move {
			let t = Instant::now();
			loop {
				match post_job(&client, agent, &request).await? {
					JobStatus::Done(_) => return Ok::<f64, String>(t.elapsed().as_secs_f64()),
					JobStatus::Failed { reason } =>
						return Err(format!("job failed: {}", String::from_utf8_lossy(&reason))),
					_ => tokio::time::sleep(Duration::from_millis(10)).await,
				}
			}
		}
	};
	// Warm both up: the agent fetches and loads the model on its first job.
	model.run(&input, |_, _| ())?;
	let first = run_job(job(0)).await?;
	println!("first job (model fetched from IPFS and loaded): {:.1} ms", first * 1e3);
	// Alternate bare runs and jobs so that drifts of the machine hit both alike.
	let (mut bare, mut jobs) = (Vec::new(), Vec::new());
	for i in 1..=runs as u64 {
		let t = Instant::now();
		std::hint::black_box(model.run(&input, |_, _| ())?);
		bare.push(t.elapsed().as_secs_f64());
		jobs.push(run_job(job(i)).await?);
	}
	let bare_median = median(bare);
	println!(
		"bare inference: {} batches on {:?}, median {:.1} ms over {} runs",
		batches,
		device,
		bare_median * 1e3,
		runs
	);
	let job_median = median(jobs);
	// The agent's own account of the same jobs.
	let uri: hyper::Uri = format!("{}/poi/jobs", agent.url.trim_end_matches('/'))
		.parse()
		.map_err(|e| format!("{e}"))?;
	let body = hyper::body::to_bytes(client.get(uri).await.map_err(|e| e.to_string())?.into_body())
		.await
		.map_err(|e| e.to_string())?;
	let listed: Vec<serde_json::Value> =
		serde_json::from_slice(&body).map_err(|e| e.to_string())?;
	let field = |name: &str| -> f64 {
		median(
			listed
				.iter()
				.filter(|j| j["task"].as_u64().is_some_and(|t| t > base && t <= base + runs as u64))
				.map(|j| j["timings"][name].as_f64().unwrap_or(0.0))
				.collect(),
		)
	};
	println!(
		"agent's timings (medians): input {:.0} ms, inference {:.0} ms, output {:.0} ms, total {:.0} ms",
		field("inputMs"),
		field("inferenceMs"),
		field("outputMs"),
		field("totalMs")
	);
	println!("agent job end to end: median {:.1} ms over {} runs", job_median * 1e3, runs);
	println!(
		"overhead: {:+.1}% (agent job {:.1} ms vs bare inference {:.1} ms; target <= 10%)",
		(job_median / bare_median - 1.0) * 100.0,
		job_median * 1e3,
		bare_median * 1e3
	);
	Ok(())
}

/// Seconds of CPU (user + system, every thread) this process used so far.
fn cpu_seconds() -> f64 {
	let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
	// Fields after the command name (which may hold spaces): state is field 3, utime 14.
	let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
	let fields: Vec<&str> = rest.split_whitespace().collect();
	let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
	(ticks(11) + ticks(12)) / 100.0
}

/// Peak resident memory of this process, in MiB.
fn peak_rss_mib() -> f64 {
	let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
	status
		.lines()
		.find_map(|l| l.strip_prefix("VmHWM:"))
		.and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
		.map_or(0.0, |kib| kib / 1024.0)
}

/// `zkp-agent bench zk`: for one MLP shape, what proven inference costs an agent (setup,
/// circuit load, proving wall and CPU time, peak memory, proof size) against the same model's
/// plain float inference and fixed-point forward pass. One JSON line (scripts/bench-zkml.sh
/// runs it per shape, each in its own process so the peak memory is that shape's).
pub fn zk(layers: &[usize], rows: usize, runs: usize) -> Result<(), String> {
	use crate::zk::{self, ZkModel};
	use std::time::Instant;
	use zkp_primitives::poi::{Framework, ZkJob};
	let dir = std::env::temp_dir().join(format!("zkp-bench-zk-{}", std::process::id()));
	let _ = std::fs::remove_dir_all(&dir);
	crate::inference::make_mlp(&dir, layers, "relu", 1)?;
	let t = Instant::now();
	let summary = zk::setup(&dir, rows, usize::MAX)?;
	let setup_s = t.elapsed().as_secs_f64();
	let bundle = crate::inference::pack(&dir, Framework::Mlp)?;
	let t = Instant::now();
	let circuit = ZkModel::load(&bundle)?;
	let load_s = t.elapsed().as_secs_f64();
	let row: Vec<f32> = (0..layers[0]).map(|i| ((i * 37 % 17) as f32 / 8.0) - 1.0).collect();
	let input = serde_json::to_vec(&vec![row; rows]).expect("json");
	let job = ZkJob {
		key: circuit.key_hash,
		weights_commitment: circuit.weights_commitment,
		input_commitment: zk::input_commitment(&input)?,
		binding: sp_core::H256([7; 32]),
	};
	let (mut prove_s, mut prove_cpu_s, mut proof_len) = (Vec::new(), Vec::new(), 0);
	for _ in 0..runs.max(1) {
		let (t, cpu) = (Instant::now(), cpu_seconds());
		let (_, _, proof) = circuit.prove(&input, &job, false)?;
		prove_s.push(t.elapsed().as_secs_f64());
		prove_cpu_s.push(cpu_seconds() - cpu);
		proof_len = proof.len();
	}
	let median = |mut v: Vec<f64>| {
		v.sort_by(f64::total_cmp);
		v[v.len() / 2]
	};
	let peak = peak_rss_mib();
	// The plain path: the float model through candle, and the fixed-point forward alone.
	let model = crate::inference::Model::load(&bundle, Framework::Mlp, &candle_core::Device::Cpu)?;
	let (quantized, _) = zk::quantized_input(&input)?;
	let reps = 200;
	let (t, cpu) = (Instant::now(), cpu_seconds());
	for _ in 0..reps {
		model.run(&input, |_, _| {})?;
	}
	let infer_s = t.elapsed().as_secs_f64() / reps as f64;
	let infer_cpu_s = (cpu_seconds() - cpu) / reps as f64;
	let t = Instant::now();
	for _ in 0..reps {
		circuit.model.mlp.forward(&quantized, rows).map_err(|e| e.to_string())?;
	}
	let forward_s = t.elapsed().as_secs_f64() / reps as f64;
	let (_, statement, proof) = circuit.prove(&input, &job, false)?;
	let t = Instant::now();
	for _ in 0..20 {
		zkp_zkml::verify(&circuit.verifying, &proof, &statement).map_err(|e| e.to_string())?;
	}
	let verify_s = t.elapsed().as_secs_f64() / 20.0;
	let _ = std::fs::remove_dir_all(&dir);
	println!(
		"{}",
		serde_json::json!({
			"layers": layers,
			"rows": rows,
			"parameters": summary["parameters"],
			"constraints": summary["constraints"],
			"setupS": setup_s,
			"circuitLoadS": load_s,
			"proveS": median(prove_s),
			"proveCpuS": median(prove_cpu_s),
			"peakRssMiB": peak,
			"proofBytes": proof_len,
			"provingKeyBytes": summary["provingKeyBytes"],
			"verifyNativeMs": verify_s * 1e3,
			"inferS": infer_s,
			"inferCpuS": infer_cpu_s,
			"fixedPointForwardS": forward_s,
		})
	);
	Ok(())
}
