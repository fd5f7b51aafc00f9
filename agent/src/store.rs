//! The provider's sealed store: sealing jobs and challenge answers.
//!
//! A sealing job is keyed by the `blake2_256` of its whole SCALE-encoded [`SealRequest`], so
//! two requests that differ in anything (the file, the rounds, the sector size) never share
//! a job or a sealed replica: a request made by someone else cannot stand in for the node's.
//!
//! Layout under the store directory, per provider (hex account id), sector and seed (hex):
//! `<provider>/<sector>-<seed>/<request hash>.sealed` (the sealed leaves) and `<…>.dhash` (the
//! file's chunk hashes, for data paths; empty for committed capacity). A challenge
//! ([`ProveRequest`]: provider, sector, seed) is answered from the newest replica in its
//! `<sector>-<seed>/` folder, or from `<provider>/<sector>-<seed, 8 bytes>.sealed` as older
//! agents stored it. Files are written to a temporary name and renamed, so a crash never
//! leaves a half-sealed sector that looks complete.

use crate::ipfs::Ipfs;
use codec::Encode;
use std::{
	collections::HashMap,
	path::{Path, PathBuf},
	sync::{
		atomic::{AtomicU32, Ordering},
		Arc, Mutex,
	},
	time::{Duration, Instant},
};
use zkp_posp::{
	api::{ProveRequest, ProveResponse, SealRequest, SealStatus},
	merkle::{self, Hash},
	SealedSector, Sealer, SEALED_LEAF_BYTES,
};

/// A failed job is retried on a request this long after it failed.
const RETRY_FAILED_AFTER: Duration = Duration::from_secs(20);

/// `blake2_256` of the SCALE-encoded [`SealRequest`].
type JobKey = [u8; 32];

/// The sealed replica a request is about: what a challenge names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Replica {
	provider: [u8; 32],
	sector: u32,
	seed: [u8; 32],
}

impl Replica {
	fn of_seal(request: &SealRequest) -> Self {
		Self { provider: request.provider, sector: request.sector, seed: request.seed }
	}

	fn of_prove(request: &ProveRequest) -> Self {
		Self { provider: request.provider, sector: request.sector, seed: request.seed }
	}

	fn describe(&self) -> String {
		format!("sector {} of {}", self.sector, hex::encode(self.provider))
	}
}

enum Job {
	Running { done: Arc<AtomicU32>, total: u32, started: Instant, what: String },
	Failed { reason: String, at: Instant },
}

/// Sealing jobs and the sealed replicas on disk.
pub struct Store {
	dir: PathBuf,
	ipfs: Ipfs,
	/// Sealing jobs that may run at once (one per core): each holds a sector in memory.
	sealers: Arc<tokio::sync::Semaphore>,
	jobs: Mutex<HashMap<JobKey, (Replica, Job)>>,
	roots: Mutex<HashMap<JobKey, (Replica, Hash)>>,
}

/// One line of `GET /status`.
#[derive(serde::Serialize)]
pub struct JobView {
	provider: String,
	sector: u32,
	/// The job's key (hex).
	request: String,
	state: String,
	done: u32,
	total: u32,
	seconds: f64,
	what: String,
}

impl Store {
	pub fn new(dir: PathBuf, ipfs: Ipfs) -> std::io::Result<Arc<Self>> {
		std::fs::create_dir_all(&dir)?;
		let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
		let sealers = Arc::new(tokio::sync::Semaphore::new(cores));
		Ok(Arc::new(Self { dir, ipfs, sealers, jobs: Mutex::default(), roots: Mutex::default() }))
	}

	/// The folder of a replica's sealed files.
	fn replica_dir(&self, replica: &Replica) -> PathBuf {
		self.dir.join(hex::encode(replica.provider)).join(format!(
			"{}-{}",
			replica.sector,
			hex::encode(replica.seed)
		))
	}

	/// A file of the replica sealed for the request `key`.
	fn path(&self, replica: &Replica, key: &JobKey, ext: &str) -> PathBuf {
		self.replica_dir(replica).join(format!("{}.{ext}", hex::encode(key)))
	}

	/// Where agents before request-hash keys kept a replica.
	fn legacy_path(&self, replica: &Replica) -> PathBuf {
		let name = format!("{}-{}.sealed", replica.sector, hex::encode(&replica.seed[..8]));
		self.dir.join(hex::encode(replica.provider)).join(name)
	}

	/// The `.sealed` file a challenge on `replica` is answered from: the newest in its folder,
	/// else the legacy one.
	fn sealed_for_challenge(&self, replica: &Replica) -> PathBuf {
		let newest = std::fs::read_dir(self.replica_dir(replica))
			.into_iter()
			.flatten()
			.flatten()
			.filter(|entry| entry.path().extension().is_some_and(|e| e == "sealed"))
			.max_by_key(|entry| entry.metadata().and_then(|m| m.modified()).ok());
		newest.map_or_else(|| self.legacy_path(replica), |entry| entry.path())
	}

	/// Starts or polls sealing (idempotent).
	/// Blocking (it may read a sealed sector): call it off the async workers.
	pub fn seal(self: &Arc<Self>, request: SealRequest) -> SealStatus {
		let key = sp_crypto_hashing::blake2_256(&request.encode());
		let replica = Replica::of_seal(&request);
		if let Some((_, root)) = self.roots.lock().unwrap().get(&key) {
			return SealStatus::Sealed { sealed_root: *root };
		}
		if let Ok(sector) = load(&self.path(&replica, &key, "sealed")) {
			let root = sector.root();
			self.roots.lock().unwrap().insert(key, (replica, root));
			return SealStatus::Sealed { sealed_root: root };
		}
		let mut jobs = self.jobs.lock().unwrap();
		match jobs.get(&key) {
			Some((_, Job::Running { done, total, .. })) =>
				return SealStatus::Sealing { done: done.load(Ordering::Relaxed), total: *total },
			Some((_, Job::Failed { reason, at })) if at.elapsed() < RETRY_FAILED_AFTER =>
				return SealStatus::Failed { reason: reason.clone().into_bytes() },
			_ => {},
		}
		let done = Arc::new(AtomicU32::new(0));
		let what = match &request.data {
			Some(d) => format!("file {} ({} bytes)", String::from_utf8_lossy(&d.cid), d.size),
			None => "committed capacity".into(),
		};
		log::info!("{}: sealing {} (request {})", replica.describe(), what, hex::encode(&key[..8]));
		let job = Job::Running {
			done: done.clone(),
			total: request.sector_leaves,
			started: Instant::now(),
			what,
		};
		jobs.insert(key, (replica, job));
		let store = self.clone();
		let total = request.sector_leaves;
		let runtime = tokio::runtime::Handle::current();
		runtime.spawn(async move {
			let result = store.run_job(&key, &replica, &request, done).await;
			let mut jobs = store.jobs.lock().unwrap();
			match result {
				Ok(root) => {
					jobs.remove(&key);
					store.roots.lock().unwrap().insert(key, (replica, root));
					log::info!("{}: sealed, root {:?}", replica.describe(), root);
				},
				Err(reason) => {
					log::warn!("{}: sealing failed: {}", replica.describe(), reason);
					jobs.insert(key, (replica, Job::Failed { reason, at: Instant::now() }));
				},
			}
		});
		SealStatus::Sealing { done: 0, total }
	}

	async fn run_job(
		&self,
		key: &JobKey,
		replica: &Replica,
		request: &SealRequest,
		done: Arc<AtomicU32>,
	) -> Result<Hash, String> {
		let capacity = request.sector_leaves as u64 * zkp_posp::LEAF_DATA_BYTES as u64;
		let data = match &request.data {
			None => Vec::new(),
			Some(d) => {
				let cid =
					String::from_utf8(d.cid.clone()).map_err(|_| "CID is not UTF-8".to_string())?;
				let data = self.ipfs.cat(&cid, capacity).await?;
				if data.len() as u64 != d.size {
					return Err(format!(
						"{cid} has {} bytes, the order says {}",
						data.len(),
						d.size
					));
				}
				let root = merkle::data_root(&data);
				if root != d.data_root {
					return Err(format!(
						"{cid} has data root {root:?}, the order says {:?}",
						d.data_root
					));
				}
				self.ipfs.pin(&cid).await?;
				data
			},
		};
		let data_hashes: Vec<u8> =
			merkle::data_leaf_hashes(&data).iter().flat_map(|h| h.0).collect();
		let (seed, rounds, leaves) = (request.seed, request.rounds, request.sector_leaves);
		let _permit = self.sealers.acquire().await.map_err(|e| e.to_string())?;
		let started = Instant::now();
		let sealed = tokio::task::spawn_blocking(move || {
			SealedSector::seal(&Sealer::new(&seed, rounds), &data, leaves, |n| {
				done.store(n, Ordering::Relaxed)
			})
		})
		.await
		.map_err(|e| format!("sealing thread: {e}"))?;
		let seconds = started.elapsed().as_secs_f64();
		log::info!(
			"{}: {} KiB sealed in {:.2} s ({:.2} MiB/s)",
			replica.describe(),
			leaves,
			seconds,
			leaves as f64 / 1024.0 / seconds
		);
		write_atomically(&self.path(replica, key, "dhash"), &data_hashes)
			.map_err(|e| e.to_string())?;
		write_atomically(&self.path(replica, key, "sealed"), &sealed.bytes)
			.map_err(|e| e.to_string())?;
		Ok(sealed.root())
	}

	/// Opens the challenged leaves of a sealed replica.
	pub fn prove(&self, request: &ProveRequest) -> ProveResponse {
		let replica = Replica::of_prove(request);
		let sealed_path = self.sealed_for_challenge(&replica);
		let started = Instant::now();
		let loaded = load(&sealed_path).and_then(|sector| {
			std::fs::read(sealed_path.with_extension("dhash"))
				.map(|bytes| {
					(sector, bytes.chunks_exact(32).map(Hash::from_slice).collect::<Vec<_>>())
				})
				.map_err(|e| e.to_string())
		});
		let (sector, data_hashes) = match loaded {
			Ok(loaded) => loaded,
			Err(e) => {
				log::warn!("challenge on {}: replica missing ({e})", replica.describe());
				self.forget(&replica, &sealed_path);
				return ProveResponse::Missing { reason: e.into_bytes() };
			},
		};
		let mut proofs = Vec::new();
		// Only the seed matters for which leaves are opened (the parents).
		let sealer = Sealer::new(&request.seed, 0);
		for leaf in &request.leaves {
			match sector.prove(&sealer, *leaf, &data_hashes) {
				Some(p) => proofs.push(p),
				None =>
					return ProveResponse::Missing {
						reason: format!("leaf {leaf} out of range").into_bytes(),
					},
			}
		}
		log::info!(
			"challenge on {}: opened leaves {:?} ({} bytes) in {:.1} ms",
			replica.describe(),
			request.leaves,
			proofs.encoded_size(),
			started.elapsed().as_secs_f64() * 1e3
		);
		ProveResponse::Proofs(proofs)
	}

	/// Drops a damaged replica (files and cached roots), so that the next sealing request for
	/// its sector seals it again instead of confirming the same broken root.
	fn forget(&self, replica: &Replica, sealed_path: &Path) {
		self.roots.lock().unwrap().retain(|_, (r, _)| r != replica);
		let _ = std::fs::remove_file(sealed_path);
		let _ = std::fs::remove_file(sealed_path.with_extension("dhash"));
		let _ = std::fs::remove_dir(self.replica_dir(replica));
	}

	/// What the agent is doing, for people.
	pub fn status(&self) -> Vec<JobView> {
		let jobs = self.jobs.lock().unwrap();
		let mut out: Vec<JobView> = jobs
			.iter()
			.map(|(key, (replica, job))| match job {
				Job::Running { done, total, started, what } => JobView {
					provider: hex::encode(replica.provider),
					sector: replica.sector,
					request: hex::encode(key),
					state: "sealing".into(),
					done: done.load(Ordering::Relaxed),
					total: *total,
					seconds: started.elapsed().as_secs_f64(),
					what: what.clone(),
				},
				Job::Failed { reason, at } => JobView {
					provider: hex::encode(replica.provider),
					sector: replica.sector,
					request: hex::encode(key),
					state: "failed".into(),
					done: 0,
					total: 0,
					seconds: at.elapsed().as_secs_f64(),
					what: reason.clone(),
				},
			})
			.collect();
		for (key, (replica, _)) in self.roots.lock().unwrap().iter() {
			out.push(JobView {
				provider: hex::encode(replica.provider),
				sector: replica.sector,
				request: hex::encode(key),
				state: "sealed".into(),
				done: 0,
				total: 0,
				seconds: 0.0,
				what: String::new(),
			});
		}
		out
	}
}

/// Reads a sealed sector.
fn load(path: &Path) -> Result<SealedSector, String> {
	let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
	if bytes.is_empty() || !bytes.len().is_multiple_of(SEALED_LEAF_BYTES) {
		return Err("truncated sealed sector".into());
	}
	Ok(SealedSector::from_bytes(bytes))
}

/// Writes `bytes` to `path` through a temporary file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
	if let Some(parent) = path.parent() {
		std::fs::create_dir_all(parent)?;
	}
	let tmp = path.with_extension("tmp");
	std::fs::write(&tmp, bytes)?;
	std::fs::rename(tmp, path)
}

#[cfg(test)]
mod tests {
	use super::*;
	use zkp_posp::{proof::SectorContent, verify_leaf_proof};

	#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
	async fn committed_capacity_seals_to_disk_answers_challenges_and_reports_loss() {
		let dir = std::env::temp_dir().join(format!("zkp-agent-test-{}", std::process::id()));
		let _ = std::fs::remove_dir_all(&dir);
		// Committed capacity never touches IPFS; point the client at a closed port.
		let ipfs = Ipfs::new("http://127.0.0.1:9", Duration::from_secs(1)).unwrap();
		let store = Store::new(dir.clone(), ipfs).unwrap();
		let (provider, seed) = ([5u8; 32], zkp_posp::sector_seed(&[5u8; 32], 3, &[0; 32]));
		let request =
			SealRequest { provider, sector: 3, seed, rounds: 2, sector_leaves: 16, data: None };
		let mut root = None;
		for _ in 0..200 {
			match store.seal(request.clone()) {
				SealStatus::Sealed { sealed_root } => {
					root = Some(sealed_root);
					break;
				},
				SealStatus::Failed { reason } => panic!("{}", String::from_utf8_lossy(&reason)),
				SealStatus::Sealing { .. } => tokio::time::sleep(Duration::from_millis(20)).await,
			}
		}
		let root = root.expect("sealed within 4 s");
		let prove = ProveRequest { provider, sector: 3, seed, leaves: vec![0, 5, 15] };
		let ProveResponse::Proofs(proofs) = store.prove(&prove) else { panic!("replica missing") };
		let sealer = Sealer::new(&seed, 2);
		for proof in &proofs {
			assert_eq!(verify_leaf_proof(&sealer, &root, 16, SectorContent::Empty, proof), Ok(()));
		}
		// Out of range, and a deleted replica: `Missing`, never a bogus proof.
		let beyond = ProveRequest { leaves: vec![16], ..prove.clone() };
		assert!(matches!(store.prove(&beyond), ProveResponse::Missing { .. }));
		std::fs::remove_dir_all(&dir).unwrap();
		assert!(matches!(store.prove(&prove), ProveResponse::Missing { .. }));
	}
}
