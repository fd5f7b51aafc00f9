//! `zkp-node zk bench`: Groth16 verification cost, measured in one run on this machine.
//!
//! Prints, for BN254 and BLS12-381 keys with 3 public inputs (trapdoor-simulated keys and
//! proofs, which cost the verifier exactly what real ones do):
//! - native: arkworks' own `prepare_verifying_key` + `verify_proof`, and `zkp-groth16` natively;
//! - the runtime (WASM, this node's runtime blob) calling the native host function, with the key
//!   given inline (validated and prepared on every call);
//! - the same verification done inside WASM;
//! - per-proof cost of batches of 1, 8 and 64 through the runtime and host function;
//! - a **registered** key (its prepared form in the runtime's storage, as `submit_proof` reads it)
//!   through the runtime and host function, single and in a batch of 64, beside arkworks with the
//!   key prepared once (the floor) and the same batch natively.
//!
//! Then the ratios the ZK issues target (registered key ≤ 1.3× native prepared-key verify;
//! registered batch of 64 ≤ 1.2× the native batch; batch of 64 ≥ 3× cheaper per proof than a
//! single verification).
//!
//! Then the same for STARKs of Miden programs (the project's fixtures, or `--stark FILE.scale`
//! as `zkp-stark prove` writes them): `zkp-stark` natively and the runtime calling the host
//! function, with each proof's size (target: runtime+host ≤ 1.3× native). There is no pure-WASM
//! STARK verifier to compare with (see `zkp_stark`); the runtime's answer is shown.

use codec::Encode;
use sc_executor::WasmExecutor;
use sp_core::traits::{CallContext, CodeExecutor, RuntimeCode, WrappedRuntimeCode};
use std::time::{Duration, Instant};
use zkp_groth16::{simulate, Curve, PublicInput};

#[derive(Debug, clap::Args)]
pub struct BenchCmd {
	/// Timed repetitions of each measurement (the median is reported).
	#[arg(long, default_value_t = 30)]
	pub iterations: u32,
	/// Public inputs of the benchmarked key.
	#[arg(long, default_value_t = 3)]
	pub inputs: usize,
	/// STARK proofs to measure (`.scale` files written by `zkp-stark prove`); by default the
	/// project's fixtures (two programs, small to large traces).
	#[arg(long)]
	pub stark: Vec<std::path::PathBuf>,
}

/// A STARK statement and proof: `(program_hash, inputs, outputs, proof)`.
type Stark = ([u8; 32], Vec<u64>, Vec<u64>, Vec<u8>);

/// The project's STARK fixtures, built into the node for this command.
const STARK_FIXTURES: [(&str, &[u8]); 4] = [
	("root", include_bytes!("../../fixtures/stark/root.scale")),
	("fib", include_bytes!("../../fixtures/stark/fib.scale")),
	("bench-medium", include_bytes!("../../fixtures/stark/bench-medium.scale")),
	("bench-large", include_bytes!("../../fixtures/stark/bench-large.scale")),
];

fn median(mut v: Vec<Duration>) -> Duration {
	v.sort();
	v[v.len() / 2]
}

fn time<F: FnMut()>(iterations: u32, mut f: F) -> Duration {
	f(); // warm up (compiles / instantiates the runtime on first use)
	median(
		(0..iterations)
			.map(|_| {
				let t = Instant::now();
				f();
				t.elapsed()
			})
			.collect(),
	)
}

fn ms(d: Duration) -> f64 {
	d.as_secs_f64() * 1e3
}

/// Calls a `ZkVerifierApi` method of the runtime blob with the node's host functions, on a
/// state that holds the keys registered with [`Runtime::register`].
struct Runtime {
	executor: WasmExecutor<crate::service::HostFunctions>,
	code: &'static [u8],
	hash: Vec<u8>,
	state: std::cell::RefCell<sp_io::TestExternalities>,
}

impl Runtime {
	fn new() -> Result<Self, String> {
		let code =
			zkp_runtime::WASM_BINARY.ok_or("this node was built without the runtime WASM")?;
		Ok(Self {
			executor: WasmExecutor::builder().with_max_runtime_instances(1).build(),
			code,
			hash: zkp_groth16::keccak_256(code).to_vec(),
			state: Default::default(),
		})
	}

	/// Registers a key in the state as `register_vk` stores it: canonical and prepared.
	fn register(&self, curve: Curve, vk: &[u8]) -> sp_core::H256 {
		use pallet_zk_verifier::{PreparedKeys, VerificationKeys, VkEntry};
		let hash = sp_core::H256(zkp_groth16::vk_hash(curve, vk));
		let prepared = zkp_groth16::prepare_vk(curve, vk).expect("valid key");
		self.state.borrow_mut().execute_with(|| {
			VerificationKeys::<zkp_runtime::Runtime>::insert(
				hash,
				VkEntry {
					owner: sp_runtime::AccountId32::new([1; 32]),
					curve,
					public_inputs: zkp_groth16::validate_vk(curve, vk)
						.expect("valid")
						.public_inputs,
					deposit: 0,
					vk: vk.to_vec().try_into().expect("bounded"),
				},
			);
			let prepared =
				pallet_zk_verifier::PreparedVkBytes::try_from(prepared).expect("bounded");
			PreparedKeys::<zkp_runtime::Runtime>::insert(hash, prepared);
		});
		hash
	}

	fn call(&self, method: &str, data: &[u8]) -> Result<Vec<u8>, String> {
		let fetcher = WrappedRuntimeCode(self.code.into());
		let runtime_code =
			RuntimeCode { code_fetcher: &fetcher, heap_pages: None, hash: self.hash.clone() };
		let mut storage = self.state.borrow_mut();
		let mut ext = storage.ext();
		self.executor
			.call(&mut ext, &runtime_code, method, data, CallContext::Offchain)
			.0
			.map_err(|e| e.to_string())
	}

	fn verify(
		&self,
		curve: Curve,
		vk: &[u8],
		proof: &[u8],
		inputs: &[PublicInput],
		in_runtime: bool,
	) {
		let out = self
			.call(
				"ZkVerifierApi_verify",
				&(curve, vk.to_vec(), proof.to_vec(), inputs.to_vec(), in_runtime).encode(),
			)
			.expect("runtime call");
		assert_eq!(
			out,
			Ok::<(), zkp_groth16::Error>(()).encode(),
			"the proof verifies in the runtime"
		);
	}

	/// The runtime's answer for a STARK: through the host function, or inside WASM.
	fn verify_stark(
		&self,
		(program, inputs, outputs, proof): &Stark,
		in_runtime: bool,
	) -> Result<(), zkp_stark::Error> {
		use codec::Decode;
		let call = (sp_core::H256(*program), inputs, outputs, proof, in_runtime);
		let out = self.call("ZkVerifierApi_verify_stark", &call.encode()).expect("runtime call");
		Result::<(), zkp_stark::Error>::decode(&mut &out[..]).expect("the API's result")
	}

	fn verify_registered(&self, key: sp_core::H256, proof: &[u8], inputs: &[PublicInput]) {
		let call = (key, proof.to_vec(), inputs.to_vec(), false);
		let out = self
			.call("ZkVerifierApi_verify_registered", &call.encode())
			.expect("runtime call");
		assert_eq!(
			out,
			Ok::<(), zkp_groth16::Error>(()).encode(),
			"verifies with the registered key"
		);
	}

	fn verify_batch_registered(&self, key: sp_core::H256, batch: &[(Vec<u8>, Vec<PublicInput>)]) {
		let call = (key, batch.to_vec(), false);
		let out = self
			.call("ZkVerifierApi_verify_batch_registered", &call.encode())
			.expect("runtime call");
		assert_eq!(out, Ok::<(), zkp_groth16::Error>(()).encode(), "the batch verifies");
	}

	fn verify_batch(&self, curve: Curve, vk: &[u8], batch: &[(Vec<u8>, Vec<PublicInput>)]) {
		let out = self
			.call(
				"ZkVerifierApi_verify_batch",
				&(curve, vk.to_vec(), batch.to_vec(), false).encode(),
			)
			.expect("runtime call");
		assert_eq!(
			out,
			Ok::<(), zkp_groth16::Error>(()).encode(),
			"the batch verifies in the runtime"
		);
	}
}

fn arkworks_native<E: ark_ec::pairing::Pairing>(
	vk: &[u8],
	proof: &[u8],
	inputs: &[PublicInput],
) -> impl FnMut() {
	use ark_serialize::CanonicalDeserialize;
	let vk = ark_groth16::VerifyingKey::<E>::deserialize_uncompressed(vk).expect("valid key");
	let proof = ark_groth16::Proof::<E>::deserialize_uncompressed(proof).expect("valid proof");
	let inputs: Vec<E::ScalarField> = inputs
		.iter()
		.map(|i| E::ScalarField::deserialize_uncompressed(&i[..]).expect("scalar"))
		.collect();
	move || {
		let pvk = ark_groth16::prepare_verifying_key(&vk);
		assert!(ark_groth16::Groth16::<E>::verify_proof(&pvk, &proof, &inputs).expect("verifies"));
	}
}

/// arkworks with the key prepared once, outside the timing: the floor for a registered key.
fn arkworks_prepared<E: ark_ec::pairing::Pairing>(
	vk: &[u8],
	proof: &[u8],
	inputs: &[PublicInput],
) -> impl FnMut() {
	use ark_serialize::CanonicalDeserialize;
	let vk = ark_groth16::VerifyingKey::<E>::deserialize_uncompressed(vk).expect("valid key");
	let pvk = ark_groth16::prepare_verifying_key(&vk);
	let proof = ark_groth16::Proof::<E>::deserialize_uncompressed(proof).expect("valid proof");
	let inputs: Vec<E::ScalarField> = inputs
		.iter()
		.map(|i| E::ScalarField::deserialize_uncompressed(&i[..]).expect("scalar"))
		.collect();
	move || {
		assert!(ark_groth16::Groth16::<E>::verify_proof(&pvk, &proof, &inputs).expect("verifies"));
	}
}

impl BenchCmd {
	pub fn run(&self) -> Result<(), String> {
		let runtime = Runtime::new()?;
		let n = self.iterations;
		println!("Groth16 verification, {} public inputs, median of {n} runs (ms)", self.inputs);
		println!(
			"{:<10} {:>12} {:>12} {:>14} {:>12} {:>10} {:>10} {:>10}",
			"curve",
			"arkworks",
			"zkp native",
			"runtime+host",
			"pure WASM",
			"batch 1",
			"batch 8",
			"batch 64"
		);
		let mut verdicts = Vec::new();
		let mut registered = Vec::new();
		for curve in [Curve::Bn254, Curve::Bls12_381] {
			let (vk, batch) = simulate::fixture(curve, self.inputs, 64, 11);
			let (proof, inputs) = &batch[0];
			let ark = match curve {
				Curve::Bn254 => time(n, arkworks_native::<ark_bn254::Bn254>(&vk, proof, inputs)),
				Curve::Bls12_381 =>
					time(n, arkworks_native::<ark_bls12_381::Bls12_381>(&vk, proof, inputs)),
			};
			let native =
				time(n, || zkp_groth16::verify(curve, &vk, proof, inputs).expect("verifies"));
			let host = time(n, || runtime.verify(curve, &vk, proof, inputs, false));
			let wasm = time(n.min(10), || runtime.verify(curve, &vk, proof, inputs, true));
			let per_proof: Vec<Duration> = [1usize, 8, 64]
				.iter()
				.map(|&size| {
					time(n.min(10), || runtime.verify_batch(curve, &vk, &batch[..size])) /
						size as u32
				})
				.collect();
			println!(
				"{:<10} {:>12.3} {:>12.3} {:>14.3} {:>12.3} {:>10.3} {:>10.3} {:>10.3}",
				format!("{curve:?}"),
				ms(ark),
				ms(native),
				ms(host),
				ms(wasm),
				ms(per_proof[0]),
				ms(per_proof[1]),
				ms(per_proof[2])
			);
			let host_ratio = host.as_secs_f64() / ark.as_secs_f64();
			let wasm_ratio = wasm.as_secs_f64() / host.as_secs_f64();
			let batch_gain = host.as_secs_f64() / per_proof[2].as_secs_f64();
			verdicts.push(format!(
				"{curve:?}: runtime+host = {host_ratio:.2}x native arkworks (target <= 1.30: {}); \
				 pure WASM = {wasm_ratio:.1}x runtime+host; batch of 64 = {batch_gain:.1}x cheaper per proof \
				 than a single verification (target >= 3: {})",
				if host_ratio <= 1.3 { "met" } else { "MISSED" },
				if batch_gain >= 3.0 { "met" } else { "MISSED" },
			));
			registered.push(self.registered_row(&runtime, curve, &vk, &batch));
		}
		println!();
		println!("Registered (prepared) keys, median of {n} runs (ms; batch columns per proof)");
		println!(
			"{:<10} {:>16} {:>14} {:>8} {:>16} {:>14} {:>8}",
			"curve",
			"arkworks (pvk)",
			"runtime+host",
			"ratio",
			"native batch 64",
			"runtime+host",
			"ratio"
		);
		for (curve, ark, host, native_batch, host_batch) in &registered {
			let single = host.as_secs_f64() / ark.as_secs_f64();
			let batched = host_batch.as_secs_f64() / native_batch.as_secs_f64();
			println!(
				"{:<10} {:>16.3} {:>14.3} {:>8.2} {:>16.3} {:>14.3} {:>8.2}",
				format!("{curve:?}"),
				ms(*ark),
				ms(*host),
				single,
				ms(*native_batch),
				ms(*host_batch),
				batched
			);
			verdicts.push(format!(
				"{curve:?}: registered key = {single:.2}x native prepared-key verify (target <= 1.30: {}); \
				 registered batch of 64 = {batched:.2}x the native batch (target <= 1.20: {})",
				if single <= 1.3 { "met" } else { "MISSED" },
				if batched <= 1.2 { "met" } else { "MISSED" },
			));
		}
		for v in verdicts {
			println!("{v}");
		}
		self.run_stark(&runtime)
	}

	/// A registered key against its floors: (curve, arkworks with a prepared key, runtime+host,
	/// native batch of 64 per proof, runtime+host batch of 64 per proof).
	fn registered_row(
		&self,
		runtime: &Runtime,
		curve: Curve,
		vk: &[u8],
		batch: &[(Vec<u8>, Vec<PublicInput>)],
	) -> (Curve, Duration, Duration, Duration, Duration) {
		let n = self.iterations;
		let (proof, inputs) = &batch[0];
		let ark = match curve {
			Curve::Bn254 => time(n, arkworks_prepared::<ark_bn254::Bn254>(vk, proof, inputs)),
			Curve::Bls12_381 =>
				time(n, arkworks_prepared::<ark_bls12_381::Bls12_381>(vk, proof, inputs)),
		};
		let key = runtime.register(curve, vk);
		let host = time(n, || runtime.verify_registered(key, proof, inputs));
		let prepared = zkp_groth16::prepare_vk(curve, vk).expect("valid key");
		let batch = &batch[..64];
		let native_batch = time(n.min(10), || {
			zkp_groth16::verify_batch_prepared(curve, &prepared, &key.0, batch).expect("verifies")
		}) / 64;
		let host_batch = time(n.min(10), || runtime.verify_batch_registered(key, batch)) / 64;
		(curve, ark, host, native_batch, host_batch)
	}

	fn stark_proofs(&self) -> Result<Vec<(String, Stark)>, String> {
		use codec::Decode;
		let decode = |name: String, bytes: &[u8]| {
			Stark::decode(&mut &bytes[..])
				.map(|s| (name.clone(), s))
				.map_err(|e| format!("{name}: {e}"))
		};
		if self.stark.is_empty() {
			return STARK_FIXTURES
				.iter()
				.map(|(name, bytes)| decode(name.to_string(), bytes))
				.collect();
		}
		self.stark
			.iter()
			.map(|path| {
				let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
				decode(path.display().to_string(), &bytes)
			})
			.collect()
	}

	fn run_stark(&self, runtime: &Runtime) -> Result<(), String> {
		let n = self.iterations.min(10);
		println!();
		println!("STARK (Miden VM) verification, median of {n} runs (ms)");
		// Inside WASM there is no verifier to time: Miden's crypto crate cannot link there.
		if let Some((_, stark)) = self.stark_proofs()?.first() {
			println!(
				"pure WASM: {:?} (STARKs are verified by the host function only)",
				runtime.verify_stark(stark, true)
			);
		}
		println!(
			"{:<14} {:>10} {:>12} {:>14} {:>10}",
			"proof", "bytes", "native", "runtime+host", "host/nat"
		);
		let mut worst = 0f64;
		for (name, stark) in self.stark_proofs()? {
			let (program, inputs, outputs, proof) = &stark;
			let native = time(n, || {
				zkp_stark::verify(program, inputs, outputs, proof, 96).expect("verifies")
			});
			let host = time(n, || {
				runtime.verify_stark(&stark, false).expect("the STARK verifies in the runtime")
			});
			let ratio = host.as_secs_f64() / native.as_secs_f64();
			worst = worst.max(ratio);
			println!(
				"{:<14} {:>10} {:>12.3} {:>14.3} {:>10.2}",
				name,
				proof.len(),
				ms(native),
				ms(host),
				ratio
			);
		}
		println!(
			"STARK: runtime+host = at most {worst:.2}x native (target <= 1.30: {})",
			if worst <= 1.3 { "met" } else { "MISSED" }
		);
		Ok(())
	}
}
