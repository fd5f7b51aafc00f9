//! The verifier against real Miden proofs (fixtures made by `scripts/zk/make-stark-fixtures.sh`
//! with the Miden prover), and against every kind of bad input.

use super::*;

/// A proof file as `zkp-stark prove` writes it.
pub(crate) struct Fixture {
	pub program_hash: ProgramHash,
	pub inputs: Vec<u64>,
	pub outputs: Vec<u64>,
	pub proof: Vec<u8>,
	pub statement: [u8; 32],
}

fn unhex(s: &str) -> Vec<u8> {
	let s = s.trim_start_matches("0x");
	(0..s.len())
		.step_by(2)
		.map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
		.collect()
}

pub(crate) fn fixture(json: &str) -> Fixture {
	let v: serde_json::Value = serde_json::from_str(json).unwrap();
	let values = |key: &str| -> Vec<u64> {
		v[key]
			.as_array()
			.unwrap()
			.iter()
			.map(|x| x.as_str().unwrap().parse().unwrap())
			.collect()
	};
	Fixture {
		program_hash: unhex(v["programHash"].as_str().unwrap()).try_into().unwrap(),
		inputs: values("inputs"),
		outputs: values("outputs"),
		proof: unhex(v["proof"].as_str().unwrap()),
		statement: unhex(v["statement"].as_str().unwrap()).try_into().unwrap(),
	}
}

fn fib() -> Fixture {
	fixture(include_str!("../../../fixtures/stark/fib.json"))
}
fn fib_rpo() -> Fixture {
	fixture(include_str!("../../../fixtures/stark/fib-rpo.json"))
}
fn root() -> Fixture {
	fixture(include_str!("../../../fixtures/stark/root.json"))
}

fn check(f: &Fixture) -> Result<(), Error> {
	verify(&f.program_hash, &f.inputs, &f.outputs, &f.proof, VERIFIER_SECURITY_BITS)
}

fn fib_keccak() -> Fixture {
	fixture(include_str!("../../../fixtures/stark/bench-small.json"))
}

#[test]
fn proofs_of_two_programs_and_two_hash_functions_verify() {
	for f in [fib(), fib_keccak(), root()] {
		assert_eq!(check(&f), Ok(()));
		assert_eq!(statement_hash(&f.program_hash, &f.inputs, &f.outputs), f.statement);
	}
	// F(10) = 55 on top; the root program leaves y on top.
	assert_eq!(fib().outputs[0], 55);
	assert_eq!(root().outputs[0], 130);
}

#[test]
fn changed_outputs_or_inputs_are_rejected() {
	let f = fib();
	let mut outputs = f.outputs.clone();
	outputs[0] = 56;
	assert_eq!(
		verify(&f.program_hash, &f.inputs, &outputs, &f.proof, 96),
		Err(Error::VerificationFailed)
	);
	// A value below the top changed, too.
	let mut outputs = f.outputs.clone();
	outputs[5] = 1;
	assert_eq!(
		verify(&f.program_hash, &f.inputs, &outputs, &f.proof, 96),
		Err(Error::VerificationFailed)
	);
	assert_eq!(
		verify(&f.program_hash, &[11], &f.outputs, &f.proof, 96),
		Err(Error::VerificationFailed)
	);
	// Another root: the secret stays secret, but the public y is bound.
	let r = root();
	assert_eq!(
		verify(&r.program_hash, &[131], &[131], &r.proof, 96),
		Err(Error::VerificationFailed)
	);
}

#[test]
fn a_proof_of_another_program_is_rejected() {
	let (f, r) = (fib(), root());
	assert_ne!(f.program_hash, r.program_hash);
	assert_eq!(
		verify(&r.program_hash, &f.inputs, &f.outputs, &f.proof, 96),
		Err(Error::VerificationFailed)
	);
	assert_eq!(
		verify(&f.program_hash, &r.inputs, &r.outputs, &r.proof, 96),
		Err(Error::VerificationFailed)
	);
}

#[test]
fn truncated_extended_or_flipped_proofs_are_rejected() {
	let f = fib();
	for len in [0, 1, 2, 10, f.proof.len() / 2, f.proof.len() - 1] {
		assert_eq!(
			verify(&f.program_hash, &f.inputs, &f.outputs, &f.proof[..len], 96),
			Err(Error::MalformedProof),
			"truncated to {len}"
		);
	}
	let mut longer = f.proof.clone();
	longer.push(0);
	assert_eq!(
		verify(&f.program_hash, &f.inputs, &f.outputs, &longer, 96),
		Err(Error::MalformedProof)
	);
	// Flipping bytes across the proof: never accepted, never a panic.
	for at in (1..f.proof.len()).step_by(f.proof.len() / 97 + 1) {
		let mut bad = f.proof.clone();
		bad[at] ^= 0x5a;
		let result = verify(&f.program_hash, &f.inputs, &f.outputs, &bad, 96);
		assert!(
			matches!(result, Err(Error::VerificationFailed | Error::MalformedProof)),
			"byte {at}: {result:?}"
		);
	}
	// Another hash function byte: refused, or decodes with another transcript and fails.
	for hash in [HashFunction::Keccak, HashFunction::Rpx256] {
		let mut other = f.proof.clone();
		other[0] = hash as u8;
		assert!(verify(&f.program_hash, &f.inputs, &f.outputs, &other, 96).is_err());
	}
	let too_big = vec![0u8; MAX_PROOF_LEN + 1];
	assert_eq!(
		verify(&f.program_hash, &f.inputs, &f.outputs, &too_big, 96),
		Err(Error::ProofTooLarge)
	);
}

#[test]
fn algebraic_hash_proofs_are_refused_before_they_are_verified() {
	let f = fib_rpo();
	assert_eq!(check(&f), Err(Error::UnsupportedHashFunction));
	assert_eq!(statement_hash(&f.program_hash, &f.inputs, &f.outputs), f.statement);
	assert!(accepted_hash(HashFunction::Blake3_256) && accepted_hash(HashFunction::Keccak));
}

#[test]
fn the_security_floor_is_the_callers() {
	let f = fib();
	assert_eq!(verify(&f.program_hash, &f.inputs, &f.outputs, &f.proof, 0), Ok(()));
	assert_eq!(
		verify(&f.program_hash, &f.inputs, &f.outputs, &f.proof, VERIFIER_SECURITY_BITS + 1),
		Err(Error::InsufficientSecurity)
	);
	assert_eq!(
		verify(&f.program_hash, &f.inputs, &f.outputs, &f.proof, 128),
		Err(Error::InsufficientSecurity)
	);
	assert_eq!(security_bits(&decode_proof(&f.proof).unwrap()), 96);
}

#[test]
fn bad_statements_are_refused_before_the_proof_is_read() {
	let f = fib();
	let mut hash = f.program_hash;
	hash[..8].copy_from_slice(&u64::MAX.to_le_bytes());
	assert_eq!(verify(&hash, &f.inputs, &f.outputs, &f.proof, 96), Err(Error::InvalidProgramHash));
	assert_eq!(
		verify(&f.program_hash, &[MODULUS], &f.outputs, &f.proof, 96),
		Err(Error::InvalidStackValue)
	);
	assert_eq!(
		verify(&f.program_hash, &[0; STACK_DEPTH + 1], &f.outputs, &f.proof, 96),
		Err(Error::TooManyStackValues)
	);
	assert_eq!(stack_from_bytes(&[0; 7]), Err(Error::InvalidStackValue));
	assert_eq!(stack_from_bytes(&[0; 8 * (STACK_DEPTH + 1)]), Err(Error::TooManyStackValues));
}

#[test]
fn padded_stacks_are_the_same_statement() {
	let f = fib();
	let trimmed: Vec<u64> = f.outputs[..1].to_vec();
	assert_eq!(verify(&f.program_hash, &f.inputs, &trimmed, &f.proof, 96), Ok(()));
	assert_eq!(
		statement_hash(&f.program_hash, &f.inputs, &trimmed),
		statement_hash(&f.program_hash, &f.inputs, &f.outputs)
	);
	assert_ne!(
		statement_hash(&f.program_hash, &f.inputs, &f.outputs),
		statement_hash(&f.program_hash, &[11], &f.outputs)
	);
}

#[test]
fn error_codes_round_trip_and_unknown_codes_fail() {
	use Error::*;
	for e in [
		InvalidProgramHash,
		TooManyStackValues,
		InvalidStackValue,
		ProofTooLarge,
		MalformedProof,
		PrecompileRequests,
		InsufficientSecurity,
		VerificationFailed,
		UnsupportedHashFunction,
		VerifierUnavailable,
	] {
		assert_eq!(Error::result_from_code(e.code()), Err(e));
	}
	assert_eq!(Error::result_from_code(0), Ok(()));
	assert_eq!(Error::result_from_code(999), Err(VerificationFailed));
}
