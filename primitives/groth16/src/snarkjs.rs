//! Conversion from what provers write into the canonical encoding, in one place for the CLI,
//! the scripts' helpers and the tests.
//!
//! - **snarkjs**: `verification_key.json`, `proof.json`, `public.json` exactly as snarkjs writes
//!   them (`protocol: "groth16"`, `curve: "bn128" | "bls12381"`, decimal strings, projective `[x,
//!   y, "1"]` G1 points and `[[x.c0, x.c1], [y.c0, y.c1], ["1", "0"]]` G2 points; `[0, 1, 0]` is
//!   the identity).
//! - **arkworks**: `VerifyingKey` / `Proof` serialized compressed or uncompressed.
//!
//! Conversion checks syntax and ranges (every coordinate and input must be below its modulus)
//! but leaves curve and subgroup checks to [`crate::verify`], so that a bad point gets the same
//! typed error whichever format it came in.

use crate::{encoding, Curve, PublicInput, SCALAR_LEN};
use ark_ec::{
	pairing::Pairing,
	short_weierstrass::{Affine, SWCurveConfig},
};
use ark_ff::{BigInteger, Field, PrimeField, Zero};
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize, Compress, Validate};
use num_bigint::BigUint;
use serde_json::Value;

/// A conversion failure, with a message that says what and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError(pub String);

impl std::fmt::Display for FormatError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		f.write_str(&self.0)
	}
}
impl std::error::Error for FormatError {}

fn err<T>(msg: impl Into<String>) -> Result<T, FormatError> {
	Err(FormatError(msg.into()))
}

/// A canonical key, proof and inputs, ready for [`crate::verify`] or the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Canonical {
	pub curve: Curve,
	pub vk: Vec<u8>,
	pub proof: Vec<u8>,
	pub inputs: Vec<PublicInput>,
}

/// The curve named by a snarkjs `curve` field.
pub fn curve_from_name(name: &str) -> Result<Curve, FormatError> {
	match name.to_ascii_lowercase().as_str() {
		"bn128" | "bn254" | "alt_bn128" => Ok(Curve::Bn254),
		"bls12381" | "bls12_381" | "bls12-381" => Ok(Curve::Bls12_381),
		other => err(format!("unsupported curve {other:?} (expected bn128 or bls12381)")),
	}
}

fn parse_json(text: &str, what: &str) -> Result<Value, FormatError> {
	serde_json::from_str(text).map_err(|e| FormatError(format!("{what}: not JSON: {e}")))
}

/// A decimal string (or JSON number) as a field element, rejecting values ≥ the modulus.
fn field<F: PrimeField>(v: &Value, what: &str) -> Result<F, FormatError> {
	let text = match v {
		Value::String(s) => s.clone(),
		Value::Number(n) => n.to_string(),
		_ => return err(format!("{what}: expected a decimal string, got {v}")),
	};
	let n = BigUint::parse_bytes(text.trim().as_bytes(), 10)
		.ok_or_else(|| FormatError(format!("{what}: {text:?} is not a decimal number")))?;
	let modulus = BigUint::from_bytes_le(&F::MODULUS.to_bytes_le());
	if n >= modulus {
		return err(format!("{what}: {text} is not below the field modulus"));
	}
	Ok(F::from_le_bytes_mod_order(&n.to_bytes_le()))
}

fn array<'a>(v: &'a Value, len: usize, what: &str) -> Result<&'a Vec<Value>, FormatError> {
	match v.as_array() {
		Some(a) if a.len() == len => Ok(a),
		_ => err(format!("{what}: expected an array of {len}, got {v}")),
	}
}

/// A snarkjs G1 point `[x, y, z]` with `z ∈ {0, 1}`.
fn g1<C: SWCurveConfig>(v: &Value, what: &str) -> Result<Affine<C>, FormatError>
where
	C::BaseField: PrimeField,
{
	let a = array(v, 3, what)?;
	let z: C::BaseField = field(&a[2], &format!("{what}.z"))?;
	if z.is_zero() {
		return Ok(Affine::identity());
	}
	if z != C::BaseField::ONE {
		return err(format!("{what}: projective z must be 0 or 1"));
	}
	Ok(Affine::new_unchecked(
		field(&a[0], &format!("{what}.x"))?,
		field(&a[1], &format!("{what}.y"))?,
	))
}

/// A snarkjs G2 point `[[x0, x1], [y0, y1], [z0, z1]]` over the quadratic extension.
fn g2<C, F>(
	v: &Value,
	what: &str,
	make: impl Fn(F, F) -> C::BaseField,
) -> Result<Affine<C>, FormatError>
where
	C: SWCurveConfig,
	F: PrimeField,
{
	let a = array(v, 3, what)?;
	let coord = |i: usize, name: &str| -> Result<C::BaseField, FormatError> {
		let c = array(&a[i], 2, &format!("{what}.{name}"))?;
		Ok(make(
			field(&c[0], &format!("{what}.{name}[0]"))?,
			field(&c[1], &format!("{what}.{name}[1]"))?,
		))
	};
	let z = coord(2, "z")?;
	if z.is_zero() {
		return Ok(Affine::identity());
	}
	if z != C::BaseField::ONE {
		return err(format!("{what}: projective z must be 0 or 1"));
	}
	Ok(Affine::new_unchecked(coord(0, "x")?, coord(1, "y")?))
}

fn serialize<T: CanonicalSerialize>(t: &T) -> Vec<u8> {
	let mut out = Vec::new();
	t.serialize_with_mode(&mut out, Compress::No)
		.expect("writing to a Vec cannot fail");
	out
}

macro_rules! snarkjs_curve {
	($name:ident, $pairing:ty, $g1:ty, $g2:ty, $fq:ty, $fq2:ty) => {
		mod $name {
			use super::*;
			pub fn vk(v: &Value) -> Result<Vec<u8>, FormatError> {
				let make = |c0: $fq, c1: $fq| <$fq2>::new(c0, c1);
				let ic = v["IC"]
					.as_array()
					.ok_or_else(|| FormatError("verification key: missing IC".into()))?;
				if let Some(n) = v.get("nPublic").and_then(Value::as_u64) {
					if n as usize + 1 != ic.len() {
						return err(format!(
							"verification key: nPublic {n} but {} IC points",
							ic.len()
						));
					}
				}
				let vk = ark_groth16::VerifyingKey::<$pairing> {
					alpha_g1: g1::<$g1>(&v["vk_alpha_1"], "vk_alpha_1")?,
					beta_g2: g2::<$g2, $fq>(&v["vk_beta_2"], "vk_beta_2", make)?,
					gamma_g2: g2::<$g2, $fq>(&v["vk_gamma_2"], "vk_gamma_2", make)?,
					delta_g2: g2::<$g2, $fq>(&v["vk_delta_2"], "vk_delta_2", make)?,
					gamma_abc_g1: ic
						.iter()
						.enumerate()
						.map(|(i, p)| g1::<$g1>(p, &format!("IC[{i}]")))
						.collect::<Result<_, _>>()?,
				};
				Ok(serialize(&vk))
			}
			pub fn proof(v: &Value) -> Result<Vec<u8>, FormatError> {
				let make = |c0: $fq, c1: $fq| <$fq2>::new(c0, c1);
				let proof = ark_groth16::Proof::<$pairing> {
					a: g1::<$g1>(&v["pi_a"], "pi_a")?,
					b: g2::<$g2, $fq>(&v["pi_b"], "pi_b", make)?,
					c: g1::<$g1>(&v["pi_c"], "pi_c")?,
				};
				Ok(serialize(&proof))
			}
			pub fn inputs(v: &Value) -> Result<Vec<PublicInput>, FormatError> {
				let list = v
					.as_array()
					.ok_or_else(|| FormatError("public inputs: expected an array".into()))?;
				list.iter()
					.enumerate()
					.map(|(i, x)| {
						let f: <$pairing as Pairing>::ScalarField =
							field(x, &format!("public[{i}]"))?;
						Ok(encoding::encode_scalar(&f))
					})
					.collect()
			}
		}
	};
}

snarkjs_curve!(
	bn254,
	ark_bn254::Bn254,
	ark_bn254::g1::Config,
	ark_bn254::g2::Config,
	ark_bn254::Fq,
	ark_bn254::Fq2
);
snarkjs_curve!(
	bls12_381,
	ark_bls12_381::Bls12_381,
	ark_bls12_381::g1::Config,
	ark_bls12_381::g2::Config,
	ark_bls12_381::Fq,
	ark_bls12_381::Fq2
);

fn check_protocol(v: &Value, what: &str) -> Result<(), FormatError> {
	match v.get("protocol").and_then(Value::as_str) {
		None | Some("groth16") => Ok(()),
		Some(p) => err(format!("{what}: protocol {p:?} is not groth16")),
	}
}

/// The curve and canonical key of a snarkjs `verification_key.json`.
pub fn vk_from_json(text: &str) -> Result<(Curve, Vec<u8>), FormatError> {
	let v = parse_json(text, "verification key")?;
	check_protocol(&v, "verification key")?;
	let curve = curve_from_name(v["curve"].as_str().unwrap_or("bn128"))?;
	let vk = match curve {
		Curve::Bn254 => bn254::vk(&v)?,
		Curve::Bls12_381 => bls12_381::vk(&v)?,
	};
	Ok((curve, vk))
}

/// The canonical proof of a snarkjs `proof.json` for `curve`.
pub fn proof_from_json(curve: Curve, text: &str) -> Result<Vec<u8>, FormatError> {
	let v = parse_json(text, "proof")?;
	check_protocol(&v, "proof")?;
	if let Some(name) = v.get("curve").and_then(Value::as_str) {
		if curve_from_name(name)? != curve {
			return err(format!("proof is for curve {name}, the key is not"));
		}
	}
	match curve {
		Curve::Bn254 => bn254::proof(&v),
		Curve::Bls12_381 => bls12_381::proof(&v),
	}
}

/// The canonical inputs of a snarkjs `public.json` for `curve`.
pub fn inputs_from_json(curve: Curve, text: &str) -> Result<Vec<PublicInput>, FormatError> {
	let v = parse_json(text, "public inputs")?;
	match curve {
		Curve::Bn254 => bn254::inputs(&v),
		Curve::Bls12_381 => bls12_381::inputs(&v),
	}
}

/// All three snarkjs files at once.
pub fn from_snarkjs(
	vk_json: &str,
	proof_json: &str,
	public_json: &str,
) -> Result<Canonical, FormatError> {
	let (curve, vk) = vk_from_json(vk_json)?;
	Ok(Canonical {
		curve,
		vk,
		proof: proof_from_json(curve, proof_json)?,
		inputs: inputs_from_json(curve, public_json)?,
	})
}

/// `bytes` read as an arkworks `T`, compressed or uncompressed (the whole input, nothing
/// left over), written back uncompressed.
fn recanonicalize<T: CanonicalSerialize + CanonicalDeserialize>(
	bytes: &[u8],
	what: &str,
) -> Result<Vec<u8>, FormatError> {
	for compress in [Compress::No, Compress::Yes] {
		if let Ok(t) = T::deserialize_with_mode(bytes, compress, Validate::No) {
			if t.serialized_size(compress) == bytes.len() {
				return Ok(serialize(&t));
			}
		}
	}
	err(format!("not an arkworks-serialized Groth16 {what} for this curve"))
}

/// An arkworks-serialized (compressed or uncompressed) `VerifyingKey` in canonical form.
pub fn vk_from_arkworks(curve: Curve, bytes: &[u8]) -> Result<Vec<u8>, FormatError> {
	match curve {
		Curve::Bn254 =>
			recanonicalize::<ark_groth16::VerifyingKey<ark_bn254::Bn254>>(bytes, "verifying key"),
		Curve::Bls12_381 => recanonicalize::<ark_groth16::VerifyingKey<ark_bls12_381::Bls12_381>>(
			bytes,
			"verifying key",
		),
	}
}

/// An arkworks-serialized (compressed or uncompressed) `Proof` in canonical form.
pub fn proof_from_arkworks(curve: Curve, bytes: &[u8]) -> Result<Vec<u8>, FormatError> {
	match curve {
		Curve::Bn254 => recanonicalize::<ark_groth16::Proof<ark_bn254::Bn254>>(bytes, "proof"),
		Curve::Bls12_381 =>
			recanonicalize::<ark_groth16::Proof<ark_bls12_381::Bls12_381>>(bytes, "proof"),
	}
}

/// Public inputs from arkworks-serialized scalars (each 32 bytes, little-endian).
pub fn inputs_from_bytes(bytes: &[u8]) -> Result<Vec<PublicInput>, FormatError> {
	if !bytes.len().is_multiple_of(SCALAR_LEN) {
		return err("public inputs: length is not a multiple of 32");
	}
	Ok(bytes
		.chunks_exact(SCALAR_LEN)
		.map(|c| c.try_into().expect("chunk of 32"))
		.collect())
}

/// `0x`-prefixed lowercase hex.
pub fn to_hex(bytes: &[u8]) -> String {
	let mut s = String::with_capacity(2 + 2 * bytes.len());
	s.push_str("0x");
	for b in bytes {
		s.push_str(&format!("{b:02x}"));
	}
	s
}
