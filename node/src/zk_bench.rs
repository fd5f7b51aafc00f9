//! `zkp-node zk bench`: Groth16 verification cost, measured in one run on this machine.
//!
//! Prints, for BN254 and BLS12-381 keys with 3 public inputs (trapdoor-simulated keys and
//! proofs, which cost the verifier exactly what real ones do):
//! - native: arkworks' own `prepare_verifying_key` + `verify_proof`, and `zkp-groth16` natively;
//! - the runtime (WASM, this node's runtime blob) calling the native host function;
//! - the same verification done inside WASM;
//! - per-proof cost of batches of 1, 8 and 64 through the runtime and host function.
//!
//! Then the ratios the ZK issue targets (runtime+host ≤ 1.3× native arkworks; batch of 64 ≥ 3×
//! cheaper per proof than a single verification).

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
}

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

/// Calls a `ZkVerifierApi` method of the runtime blob with the node's host functions.
struct Runtime {
	executor: WasmExecutor<crate::service::HostFunctions>,
	code: &'static [u8],
	hash: Vec<u8>,
}

impl Runtime {
	fn new() -> Result<Self, String> {
		let code =
			zkp_runtime::WASM_BINARY.ok_or("this node was built without the runtime WASM")?;
		Ok(Self {
			executor: WasmExecutor::builder().with_max_runtime_instances(1).build(),
			code,
			hash: zkp_groth16::keccak_256(code).to_vec(),
		})
	}

	fn call(&self, method: &str, data: &[u8]) -> Result<Vec<u8>, String> {
		let fetcher = WrappedRuntimeCode(self.code.into());
		let runtime_code =
			RuntimeCode { code_fetcher: &fetcher, heap_pages: None, hash: self.hash.clone() };
		let mut storage = sp_io::TestExternalities::default();
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
		}
		for v in verdicts {
			println!("{v}");
		}
		Ok(())
	}
}
