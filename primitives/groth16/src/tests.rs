//! Tests with proofs made by arkworks' Groth16 prover on both curves.

use super::*;
use crate::encoding::{encode_proof, encode_scalar, encode_vk};
use alloc::vec;
use ark_ec::{pairing::Pairing, short_weierstrass::Affine, AffineRepr, CurveGroup};
use ark_ff::{PrimeField, UniformRand};
use ark_groth16::Groth16;
use ark_serialize::{CanonicalSerialize, Compress};
use ark_snark::{CircuitSpecificSetupSNARK, SNARK};
use ark_std::rand::{rngs::StdRng, SeedableRng};

use crate::prover::{fixture, Fixture};

fn both(extra: usize, n: usize) -> [Fixture; 2] {
	[
		fixture::<ark_bn254::Bn254>(Curve::Bn254, extra, n, 1),
		fixture::<ark_bls12_381::Bls12_381>(Curve::Bls12_381, extra, n, 2),
	]
}

#[test]
fn arkworks_proofs_verify_on_both_curves() {
	for extra in [0, 2, 7] {
		for f in both(extra, 2) {
			let info = validate_vk(f.curve, &f.vk).unwrap();
			assert_eq!(info.public_inputs as usize, extra + 1);
			assert_eq!(f.vk.len(), f.curve.vk_len(extra + 1));
			for (proof, inputs) in &f.proofs {
				assert_eq!(proof.len(), f.curve.proof_len());
				assert_eq!(verify(f.curve, &f.vk, proof, inputs), Ok(()));
			}
		}
	}
}

#[test]
fn tampered_or_foreign_inputs_fail() {
	for f in both(2, 2) {
		let (proof, inputs) = &f.proofs[0];
		let mut tampered = inputs.clone();
		tampered[1][0] ^= 1;
		assert_eq!(verify(f.curve, &f.vk, proof, &tampered), Err(Error::VerificationFailed));
		// A valid proof, but for the other statement's inputs.
		assert_eq!(verify(f.curve, &f.vk, proof, &f.proofs[1].1), Err(Error::VerificationFailed));
		assert_eq!(
			verify(f.curve, &f.vk, proof, &inputs[..2]),
			Err(Error::PublicInputCountMismatch)
		);
		let mut too_big = inputs.clone();
		too_big[0] = [0xff; 32];
		assert_eq!(verify(f.curve, &f.vk, proof, &too_big), Err(Error::InvalidPublicInput));
	}
}

#[test]
fn swapped_points_and_foreign_keys_fail() {
	let [bn, bls] = both(1, 1);
	for f in [&bn, &bls] {
		let (proof, inputs) = &f.proofs[0];
		let g1 = f.curve.g1_len();
		let g2 = f.curve.g2_len();
		// Swap A and C.
		let mut swapped = proof.clone();
		swapped[..g1].copy_from_slice(&proof[g1 + g2..]);
		swapped[g1 + g2..].copy_from_slice(&proof[..g1]);
		assert_eq!(verify(f.curve, &f.vk, &swapped, inputs), Err(Error::VerificationFailed));
		// Another key for the same circuit shape.
		let other = match f.curve {
			Curve::Bn254 => fixture::<ark_bn254::Bn254>(f.curve, 1, 1, 99),
			Curve::Bls12_381 => fixture::<ark_bls12_381::Bls12_381>(f.curve, 1, 1, 99),
		};
		assert_eq!(verify(f.curve, &other.vk, proof, inputs), Err(Error::VerificationFailed));
	}
	// A BN254 proof is not a BLS12-381 proof.
	assert_eq!(
		verify(Curve::Bls12_381, &bls.vk, &bn.proofs[0].0, &bls.proofs[0].1),
		Err(Error::InvalidLength)
	);
}

/// A point on the curve but (with overwhelming probability) outside the prime-order subgroup.
fn off_subgroup<C: ark_ec::short_weierstrass::SWCurveConfig>() -> Affine<C> {
	let mut rng = StdRng::seed_from_u64(7);
	loop {
		let x = C::BaseField::rand(&mut rng);
		if let Some(p) = Affine::<C>::get_point_from_x_unchecked(x, false) {
			if !p.is_in_correct_subgroup_assuming_on_curve() {
				return p;
			}
		}
	}
}

fn uncompressed<T: CanonicalSerialize>(t: &T) -> Vec<u8> {
	let mut v = Vec::new();
	t.serialize_with_mode(&mut v, Compress::No).unwrap();
	v
}

#[test]
fn off_curve_wrong_subgroup_and_identity_points_are_rejected() {
	let [bn, bls] = both(0, 1);
	for f in [&bn, &bls] {
		let (proof, inputs) = &f.proofs[0];
		let g1 = f.curve.g1_len();
		// Change x of A: y no longer matches.
		let mut off = proof.clone();
		off[0] ^= 1;
		assert_eq!(verify(f.curve, &f.vk, &off, inputs), Err(Error::PointNotOnCurve));
		let mut off_vk = f.vk.clone();
		off_vk[g1 + 1] ^= 1; // beta.x
		assert_eq!(validate_vk(f.curve, &off_vk), Err(Error::PointNotOnCurve));
		// B replaced by an on-curve G2 point outside the subgroup.
		let bad_b = match f.curve {
			Curve::Bn254 => uncompressed(&off_subgroup::<ark_bn254::g2::Config>()),
			Curve::Bls12_381 => uncompressed(&off_subgroup::<ark_bls12_381::g2::Config>()),
		};
		let mut sub = proof.clone();
		sub[g1..g1 + f.curve.g2_len()].copy_from_slice(&bad_b);
		assert_eq!(verify(f.curve, &f.vk, &sub, inputs), Err(Error::PointNotInSubgroup));
		// A as the identity.
		let identity = match f.curve {
			Curve::Bn254 => uncompressed(&ark_bn254::G1Affine::zero()),
			Curve::Bls12_381 => uncompressed(&ark_bls12_381::G1Affine::zero()),
		};
		let mut inf = proof.clone();
		inf[..g1].copy_from_slice(&identity);
		assert_eq!(verify(f.curve, &f.vk, &inf, inputs), Err(Error::PointAtInfinity));
		// A coordinate ≥ the field modulus.
		let mut noncanon = proof.clone();
		noncanon[..g1 / 2].copy_from_slice(&vec![0xff; g1 / 2]);
		noncanon[g1 / 2 - 1] &= 0x0f; // keep the flag bits clear on BN254-sized limbs
		assert!(matches!(
			verify(f.curve, &f.vk, &noncanon, inputs),
			Err(Error::InvalidEncoding) | Err(Error::PointNotOnCurve)
		));
	}
	// BLS12-381 G1 has a cofactor too.
	let f = &bls;
	let mut sub = f.proofs[0].0.clone();
	sub[..96].copy_from_slice(&uncompressed(&off_subgroup::<ark_bls12_381::g1::Config>()));
	assert_eq!(verify(f.curve, &f.vk, &sub, &f.proofs[0].1), Err(Error::PointNotInSubgroup));
}

#[test]
fn lengths_and_input_limits_are_enforced() {
	for f in both(0, 1) {
		let (proof, inputs) = &f.proofs[0];
		assert_eq!(verify(f.curve, &f.vk, &proof[1..], inputs), Err(Error::InvalidLength));
		assert_eq!(validate_vk(f.curve, &f.vk[..f.vk.len() - 1]), Err(Error::InvalidLength));
		assert_eq!(validate_vk(f.curve, &[]), Err(Error::InvalidLength));
		// A key that claims 66 IC points (65 inputs): rejected before anything else is read.
		let header = f.curve.g1_len() + 3 * f.curve.g2_len();
		let mut vk = f.vk[..header].to_vec();
		vk.extend_from_slice(&66u64.to_le_bytes());
		let ic0 = f.vk[header + 8..header + 8 + f.curve.g1_len()].to_vec();
		for _ in 0..66 {
			vk.extend_from_slice(&ic0);
		}
		assert_eq!(validate_vk(f.curve, &vk), Err(Error::TooManyPublicInputs));
		// 65 IC points = 64 inputs is the maximum and is accepted.
		let mut vk = f.vk[..header].to_vec();
		vk.extend_from_slice(&65u64.to_le_bytes());
		for _ in 0..65 {
			vk.extend_from_slice(&ic0);
		}
		assert_eq!(validate_vk(f.curve, &vk), Ok(VkInfo { public_inputs: 64 }));
	}
}

#[test]
fn batches_verify_and_name_the_bad_proof() {
	for f in both(2, 9) {
		assert_eq!(verify_batch(f.curve, &f.vk, &f.proofs), Ok(()));
		assert_eq!(verify_batch(f.curve, &f.vk, &f.proofs[..1]), Ok(()));
		assert_eq!(verify_batch(f.curve, &f.vk, &[]), Err(Error::EmptyBatch));

		let mut bad = f.proofs.clone();
		bad[5].1[0][0] ^= 1;
		assert_eq!(verify_batch(f.curve, &f.vk, &bad), Err(Error::InvalidProofInBatch(5)));

		let mut malformed = f.proofs.clone();
		malformed[3].0.pop();
		assert_eq!(verify_batch(f.curve, &f.vk, &malformed), Err(Error::InvalidProofInBatch(3)));

		// Two invalid proofs that cancel in a plain sum do not cancel with random weights:
		// shift A of proof 0 by +G and A of proof 1 by −G (same B would be needed to cancel in
		// an unweighted product; here we simply check both are caught).
		let mut two = f.proofs.clone();
		two[1].1[1][0] ^= 1;
		two[2].1[1][0] ^= 1;
		assert_eq!(verify_batch(f.curve, &f.vk, &two), Err(Error::InvalidProofInBatch(1)));
	}
}

#[test]
fn batch_weights_stop_cancelling_forgeries() {
	// Forge two "proofs" whose errors cancel in an unweighted product: take a valid proof,
	// and make copies with A + Δ and A − Δ (same B). e(A+Δ,B)·e(A−Δ,B) = e(A,B)², so a plain
	// product check of the pair would pass; the random weights must reject it, with the
	// canonical key and with the prepared one.
	type E = ark_bn254::Bn254;
	let f = fixture::<E>(Curve::Bn254, 0, 1, 5);
	let (proof, inputs) = &f.proofs[0];
	let p = crate::encoding::decode_proof::<E>(Curve::Bn254, proof).unwrap();
	let delta = ark_bn254::G1Affine::generator();
	let plus = ark_groth16::Proof::<E> { a: (p.a + delta).into_affine(), b: p.b, c: p.c };
	let minus =
		ark_groth16::Proof::<E> { a: (p.a.into_group() - delta).into_affine(), b: p.b, c: p.c };
	let batch = vec![(encode_proof(&plus), inputs.clone()), (encode_proof(&minus), inputs.clone())];
	assert_eq!(verify_batch(Curve::Bn254, &f.vk, &batch), Err(Error::InvalidProofInBatch(0)));
	let prepared = prepare_vk(Curve::Bn254, &f.vk).unwrap();
	assert_eq!(
		verify_batch_prepared(Curve::Bn254, &prepared, &vk_hash(Curve::Bn254, &f.vk), &batch),
		Err(Error::InvalidProofInBatch(0))
	);
}

#[test]
fn hashes_are_domain_separated() {
	let [bn, bls] = both(1, 1);
	let h_bn = vk_hash(Curve::Bn254, &bn.vk);
	assert_ne!(h_bn, vk_hash(Curve::Bls12_381, &bn.vk));
	assert_ne!(h_bn, keccak_256(&bn.vk));
	let inputs = &bn.proofs[0].1;
	let s = statement_hash(Curve::Bn254, &h_bn, inputs);
	assert_ne!(s, statement_hash(Curve::Bls12_381, &h_bn, inputs));
	assert_ne!(s, statement_hash(Curve::Bn254, &vk_hash(Curve::Bls12_381, &bls.vk), inputs));
	let mut other = inputs.clone();
	other[0][0] ^= 1;
	assert_ne!(s, statement_hash(Curve::Bn254, &h_bn, &other));
	assert_eq!(s, statement_hash(Curve::Bn254, &h_bn, inputs));
}

#[test]
fn error_codes_round_trip() {
	let all = [
		Error::InvalidLength,
		Error::InvalidEncoding,
		Error::PointNotOnCurve,
		Error::PointNotInSubgroup,
		Error::PointAtInfinity,
		Error::TooManyPublicInputs,
		Error::PublicInputCountMismatch,
		Error::InvalidPublicInput,
		Error::VerificationFailed,
		Error::EmptyBatch,
		Error::InvalidProofInBatch(0),
		Error::InvalidProofInBatch(63),
		Error::UnknownCurve,
		Error::DegenerateVerificationKey,
	];
	for e in all {
		assert_eq!(Error::result_from_code(e.code()), Err(e));
	}
	assert_eq!(Error::result_from_code(0), Ok(()));
}

#[cfg(feature = "std")]
#[test]
fn arkworks_compressed_and_uncompressed_are_accepted() {
	use crate::snarkjs::{proof_from_arkworks, vk_from_arkworks};
	type E = ark_bls12_381::Bls12_381;
	let mut rng = StdRng::seed_from_u64(3);
	let (pk, vk) = Groth16::<E>::setup(
		crate::prover::Circuit::<<E as Pairing>::ScalarField> { a: None, b: None, extra: vec![] },
		&mut rng,
	)
	.unwrap();
	let a = <E as Pairing>::ScalarField::from(3u64);
	let b = <E as Pairing>::ScalarField::from(5u64);
	let proof = Groth16::<E>::prove(
		&pk,
		crate::prover::Circuit { a: Some(a), b: Some(b), extra: vec![] },
		&mut rng,
	)
	.unwrap();
	let mut vk_c = Vec::new();
	vk.serialize_compressed(&mut vk_c).unwrap();
	let mut proof_c = Vec::new();
	proof.serialize_compressed(&mut proof_c).unwrap();
	let canonical_vk = vk_from_arkworks(Curve::Bls12_381, &vk_c).unwrap();
	let canonical_proof = proof_from_arkworks(Curve::Bls12_381, &proof_c).unwrap();
	assert_eq!(canonical_vk, encode_vk(&vk));
	assert_eq!(vk_from_arkworks(Curve::Bls12_381, &canonical_vk).unwrap(), canonical_vk);
	let inputs = [encode_scalar(&<E as Pairing>::ScalarField::from(15u64))];
	assert_eq!(verify(Curve::Bls12_381, &canonical_vk, &canonical_proof, &inputs), Ok(()));
	assert!(vk_from_arkworks(Curve::Bls12_381, &vk_c[1..]).is_err());
	let _ = <E as Pairing>::ScalarField::MODULUS;
}

#[test]
fn simulated_fixtures_satisfy_the_verifier_and_still_bind_inputs() {
	for curve in [Curve::Bn254, Curve::Bls12_381] {
		for n in [0, 1, 5] {
			let (vk, batch) = crate::simulate::fixture(curve, n, 3, 42);
			assert_eq!(validate_vk(curve, &vk).unwrap().public_inputs as usize, n);
			for (proof, inputs) in &batch {
				assert_eq!(verify(curve, &vk, proof, inputs), Ok(()));
			}
			assert_eq!(verify_batch(curve, &vk, &batch), Ok(()));
			if n > 0 {
				let mut bad = batch[0].1.clone();
				bad[0][0] ^= 1;
				assert_eq!(verify(curve, &vk, &batch[0].0, &bad), Err(Error::VerificationFailed));
			}
		}
	}
}

/// Every snarkjs fixture under `fixtures/zk/` (made by `scripts/zk/make-fixtures.sh` with
/// circom2 + snarkjs) converts and verifies; a tampered public signal does not.
#[cfg(feature = "std")]
#[test]
fn snarkjs_fixtures_verify() {
	use crate::snarkjs::from_snarkjs;
	// The package directory at run time (`cargo test` sets it): a test binary reused from a
	// build in another checkout would otherwise look in that checkout.
	let manifest =
		std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into());
	let dir = std::path::Path::new(&manifest).join("../../fixtures/zk");
	let mut seen = std::collections::BTreeSet::new();
	for entry in std::fs::read_dir(&dir).expect("fixtures/zk exists") {
		let path = entry.unwrap().path();
		let read = |f: &str| std::fs::read_to_string(path.join(f)).unwrap();
		let vk_json = read("verification_key.json");
		let mut proofs = 0;
		for file in std::fs::read_dir(&path).unwrap() {
			let name = file.unwrap().file_name().into_string().unwrap();
			let Some(suffix) = name.strip_prefix("proof").and_then(|s| s.strip_suffix(".json"))
			else {
				continue;
			};
			let c = from_snarkjs(&vk_json, &read(&name), &read(&format!("public{suffix}.json")))
				.unwrap_or_else(|e| panic!("{}/{name}: {e}", path.display()));
			assert_eq!(
				verify(c.curve, &c.vk, &c.proof, &c.inputs),
				Ok(()),
				"{}/{name}",
				path.display()
			);
			let mut tampered = c.inputs.clone();
			tampered[0][0] ^= 1;
			assert_eq!(verify(c.curve, &c.vk, &c.proof, &tampered), Err(Error::VerificationFailed));
			seen.insert(format!("{:?}", c.curve));
			proofs += 1;
		}
		assert!(proofs > 0, "{} has no proof", path.display());
	}
	assert!(
		seen.contains("Bn254") && seen.contains("Bls12_381"),
		"fixtures for both curves: {seen:?}"
	);
}

#[cfg(feature = "std")]
#[test]
fn snarkjs_input_errors_are_clear() {
	use crate::snarkjs::{inputs_from_json, proof_from_json, vk_from_json};
	assert!(vk_from_json("{").unwrap_err().0.contains("not JSON"));
	assert!(vk_from_json(r#"{"protocol":"plonk","curve":"bn128"}"#)
		.unwrap_err()
		.0
		.contains("groth16"));
	assert!(vk_from_json(r#"{"protocol":"groth16","curve":"bls12377"}"#)
		.unwrap_err()
		.0
		.contains("unsupported curve"));
	// p (the BN254 base field modulus) itself is out of range.
	let p = <ark_bn254::Fq as PrimeField>::MODULUS.to_string();
	let proof = format!(
		r#"{{"pi_a":["{p}","1","1"],"pi_b":[["1","0"],["1","0"],["1","0"]],"pi_c":["1","2","1"]}}"#
	);
	assert!(proof_from_json(Curve::Bn254, &proof).unwrap_err().0.contains("pi_a.x"));
	// r (the BN254 scalar modulus) is not a valid public input.
	let r = <ark_bn254::Fr as PrimeField>::MODULUS.to_string();
	assert!(inputs_from_json(Curve::Bn254, &format!(r#"["{r}"]"#))
		.unwrap_err()
		.0
		.contains("public[0]"));
	assert!(inputs_from_json(Curve::Bn254, r#"["12x"]"#).is_err());
}

#[test]
fn non_canonical_encodings_and_degenerate_keys_are_rejected() {
	let [bn, bls] = both(1, 1);
	// BN254: set an unused flag bit on A's y (arkworks would ignore it).
	let (proof, inputs) = &bn.proofs[0];
	let mut flagged = proof.clone();
	flagged[63] |= 0x40;
	assert!(matches!(verify(Curve::Bn254, &bn.vk, &flagged, inputs), Err(Error::InvalidEncoding)));
	// gamma = delta.
	for f in [&bn, &bls] {
		let (g1, g2) = (f.curve.g1_len(), f.curve.g2_len());
		let mut vk = f.vk.clone();
		let gamma = vk[g1 + g2..g1 + 2 * g2].to_vec();
		vk[g1 + 2 * g2..g1 + 3 * g2].copy_from_slice(&gamma);
		assert_eq!(validate_vk(f.curve, &vk), Err(Error::DegenerateVerificationKey));
	}
}

/// δ = −γ lets anyone forge, as γ = δ does: with A = α, B = β and C = L (the inputs'
/// combination) the pairing check holds for every input. Such a key is refused, and the
/// forgery it would admit is shown to verify under plain arkworks.
#[test]
fn a_key_with_delta_equal_to_minus_gamma_is_refused() {
	fn forge_and_refuse<E: Pairing>(curve: Curve) {
		let mut rng = StdRng::seed_from_u64(7);
		let gamma = E::G2::rand(&mut rng).into_affine();
		let gamma_abc: Vec<E::G1Affine> =
			(0..2).map(|_| E::G1::rand(&mut rng).into_affine()).collect();
		let vk = ark_groth16::VerifyingKey::<E> {
			alpha_g1: E::G1::rand(&mut rng).into_affine(),
			beta_g2: E::G2::rand(&mut rng).into_affine(),
			gamma_g2: gamma,
			delta_g2: (-gamma.into_group()).into_affine(),
			gamma_abc_g1: gamma_abc.clone(),
		};
		let input = E::ScalarField::rand(&mut rng);
		let l = (gamma_abc[0].into_group() + gamma_abc[1] * input).into_affine();
		let forged = ark_groth16::Proof::<E> { a: vk.alpha_g1, b: vk.beta_g2, c: l };
		let pvk = ark_groth16::prepare_verifying_key(&vk);
		assert!(
			Groth16::<E>::verify_proof(&pvk, &forged, &[input]).unwrap(),
			"the forgery works against arkworks"
		);
		let bytes = encode_vk(&vk);
		assert_eq!(validate_vk(curve, &bytes), Err(Error::DegenerateVerificationKey));
		let inputs = [encode_scalar(&input)];
		assert_eq!(
			verify(curve, &bytes, &encode_proof(&forged), &inputs),
			Err(Error::DegenerateVerificationKey)
		);
	}
	forge_and_refuse::<ark_bn254::Bn254>(Curve::Bn254);
	forge_and_refuse::<ark_bls12_381::Bls12_381>(Curve::Bls12_381);
}

/// `Curve` is stored with every registered key: its encoding is pinned.
#[test]
fn the_curve_keeps_its_encoding() {
	use codec::Encode;
	assert_eq!(Curve::Bn254.encode(), [0]);
	assert_eq!(Curve::Bls12_381.encode(), [1]);
}

#[test]
fn prepared_keys_give_the_same_answers_as_canonical_keys() {
	for f in both(2, 9) {
		let prepared = prepare_vk(f.curve, &f.vk).unwrap();
		let hash = vk_hash(f.curve, &f.vk);
		for (proof, inputs) in &f.proofs {
			assert_eq!(verify_prepared(f.curve, &prepared, proof, inputs), Ok(()));
			let mut tampered = inputs.clone();
			tampered[1][0] ^= 1;
			for (p, i) in
				[(proof.clone(), tampered), (proof[..proof.len() - 1].to_vec(), inputs.clone())]
			{
				assert_eq!(
					verify_prepared(f.curve, &prepared, &p, &i),
					verify(f.curve, &f.vk, &p, &i)
				);
				assert!(verify(f.curve, &f.vk, &p, &i).is_err());
			}
			assert_eq!(
				verify_prepared(f.curve, &prepared, proof, &inputs[..2]),
				Err(Error::PublicInputCountMismatch)
			);
		}
		assert_eq!(verify_batch_prepared(f.curve, &prepared, &hash, &f.proofs), Ok(()));
		let mut bad = f.proofs.clone();
		bad[5].1[0][0] ^= 1;
		assert_eq!(
			verify_batch_prepared(f.curve, &prepared, &hash, &bad),
			Err(Error::InvalidProofInBatch(5))
		);
		assert_eq!(verify_batch(f.curve, &f.vk, &bad), Err(Error::InvalidProofInBatch(5)));
		assert_eq!(verify_batch_prepared(f.curve, &prepared, &hash, &[]), Err(Error::EmptyBatch));
		// A prepared key is read whole or not at all.
		assert_eq!(
			verify_prepared(
				f.curve,
				&prepared[..prepared.len() - 1],
				&f.proofs[0].0,
				&f.proofs[0].1
			),
			Err(Error::InvalidEncoding)
		);
		let mut longer = prepared.clone();
		longer.push(0);
		assert_eq!(
			verify_prepared(f.curve, &longer, &f.proofs[0].0, &f.proofs[0].1),
			Err(Error::InvalidEncoding)
		);
	}
}

#[test]
fn the_largest_prepared_key_fits_its_bound() {
	for curve in [Curve::Bn254, Curve::Bls12_381] {
		let (vk, _) = simulate::fixture(curve, MAX_PUBLIC_INPUTS, 0, 1);
		let prepared = prepare_vk(curve, &vk).unwrap();
		assert!(prepared.len() <= MAX_PREPARED_VK_LEN, "{curve:?}: {}", prepared.len());
	}
	// Invalid keys are not prepared.
	let [bn, _] = both(1, 0);
	assert_eq!(prepare_vk(Curve::Bn254, &bn.vk[..bn.vk.len() - 1]), Err(Error::InvalidLength));
}

#[test]
fn the_prepared_layout_does_not_change_under_a_dependency_bump() {
	// Prepared keys are stored on chain and read back without checks: a new arkworks release
	// that serialized them differently must fail here, not misread stored keys.
	let got: Vec<String> = [Curve::Bn254, Curve::Bls12_381]
		.iter()
		.map(|&curve| {
			let (vk, _) = simulate::fixture(curve, 2, 0, 42);
			let prepared = prepare_vk(curve, &vk).unwrap();
			assert!(prepared.starts_with(b"zkp-pvk1"));
			format!("{}:{}", prepared.len(), hex(&keccak_256(&prepared)))
		})
		.collect();
	assert_eq!(got, PREPARED_GOLDEN, "prepared-key layout changed: bump PREPARED_TAG");
}

const PREPARED_GOLDEN: [&str; 2] = [
	"34466:5bff9b71631a24ad2a48ee9dc4036ee0ae294e14530d95c39f85f6887b47b112",
	"40738:8f6346050996e1e60f626ed8b95926dc192ddd5a86d1820de0ef99abdd6c970a",
];

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}
