//! Sealing: a slow, sequential, identity-bound encoding of a sector.
//!
//! The sector's data (zero for committed capacity) is cut into 31-byte elements `m_g`
//! (`g` counts elements from the start of the sector). Element `g` is sealed as
//!
//! ```text
//! x_0 = m_g + s_{g-1} + k_g        k_g = K + g,  K and s_{-1} derived from the sector seed
//! x_{r+1} = ρ(x_r + r)             r = 0 .. rounds-1
//! s_g = x_rounds
//! ```
//!
//! where ρ is the SLOTH square-root permutation of 𝔽_q (BN254's base field, q ≡ 3 mod 4):
//! ρ(x) is the even square root of `x` when `x` is a square, otherwise the odd square root of
//! `−x`. Computing ρ takes a 254-bit exponentiation; inverting it takes one squaring. So the
//! chain unseals an element with `rounds` squarings, while producing `s_g` needs `s_{g-1}`,
//! i.e. every element before it: a provider that kept nothing must redo the sector up to the
//! challenged leaf, sequentially, before the deadline.
//!
//! The seed is `blake2_256("zkp-posp/seed/v1" ‖ provider ‖ sector ‖ data root)`, so two
//! identities (or two sectors) never share a sealed replica.

use crate::{ELEMENTS_PER_LEAF, ELEMENT_BYTES, ELEMENT_DATA_BYTES, LEAF_DATA_BYTES, SEALED_LEAF_BYTES};
use ark_bn254::Fq;
use ark_ff::{BigInteger, BigInteger256, Field, PrimeField};

/// Why a sealed leaf does not unseal to data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SealError {
	/// The sealed leaf is not exactly [`SEALED_LEAF_BYTES`] long.
	WrongLength,
	/// A sealed element is not a canonical field element (≥ q).
	NonCanonical,
	/// An unsealed element is not 31 bytes of data (or the last element's padding is not zero).
	NotData,
}

/// The sector seed: binds a sealed replica to its provider, sector and content.
pub fn sector_seed(provider: &[u8; 32], sector: u32, data_root: &[u8; 32]) -> [u8; 32] {
	let mut input = [0u8; 16 + 32 + 4 + 32];
	input[..16].copy_from_slice(b"zkp-posp/seed/v1");
	input[16..48].copy_from_slice(provider);
	input[48..52].copy_from_slice(&sector.to_le_bytes());
	input[52..].copy_from_slice(data_root);
	sp_crypto_hashing::blake2_256(&input)
}

/// Seals and unseals the leaves of one sector.
#[derive(Clone, Debug)]
pub struct Sealer {
	key: Fq,
	iv: Fq,
	rounds: u32,
	exponent: BigInteger256,
}

fn derive(tag: &[u8], seed: &[u8; 32]) -> Fq {
	let mut input = [0u8; 64];
	input[..tag.len()].copy_from_slice(tag);
	input[32..].copy_from_slice(seed);
	Fq::from_le_bytes_mod_order(&sp_crypto_hashing::blake2_256(&input))
}

fn is_odd(x: &Fq) -> bool {
	x.into_bigint().is_odd()
}

impl Sealer {
	/// A sealer for the sector with this seed, with `rounds` SLOTH rounds per element.
	pub fn new(seed: &[u8; 32], rounds: u32) -> Self {
		// (q + 1) / 4: the square-root exponent for q ≡ 3 mod 4.
		let mut exponent = Fq::MODULUS;
		exponent.add_with_carry(&BigInteger256::from(1u64));
		exponent.div2();
		exponent.div2();
		Self { key: derive(b"zkp-posp/key", seed), iv: derive(b"zkp-posp/iv", seed), rounds, exponent }
	}

	/// The chaining value before the first leaf (pass it as `previous` for leaf 0).
	pub fn initial_chain(&self) -> Fq {
		self.iv
	}

	/// ρ: the SLOTH square-root permutation (slow direction).
	fn root(&self, x: Fq) -> Fq {
		let t = x.pow(self.exponent);
		let is_square = t.square() == x;
		// Squares map to even roots, non-squares to the odd root of −x (t² = −x then).
		if is_square == is_odd(&t) { -t } else { t }
	}

	/// ρ⁻¹: one squaring (fast direction).
	fn square(y: Fq) -> Fq {
		let s = y.square();
		if is_odd(&y) { -s } else { s }
	}

	fn element_key(&self, leaf_index: u32, k: usize) -> Fq {
		self.key + Fq::from(leaf_index as u64 * ELEMENTS_PER_LEAF as u64 + k as u64)
	}

	/// Seals data chunk `leaf_index` (`data.len() <= 1024`, zero-padded) into `out`, chaining
	/// from `previous` (the last sealed element of the previous leaf, or
	/// [`initial_chain`](Self::initial_chain)); returns the new chaining value.
	pub fn seal_leaf(&self, leaf_index: u32, data: &[u8], previous: Fq, out: &mut [u8]) -> Fq {
		debug_assert!(data.len() <= LEAF_DATA_BYTES && out.len() == SEALED_LEAF_BYTES);
		let mut chain = previous;
		for k in 0..ELEMENTS_PER_LEAF {
			let start = (k * ELEMENT_DATA_BYTES).min(data.len());
			let end = ((k + 1) * ELEMENT_DATA_BYTES).min(data.len());
			let m = Fq::from_le_bytes_mod_order(&data[start..end]);
			let mut x = m + chain + self.element_key(leaf_index, k);
			for r in 0..self.rounds {
				x = self.root(x + Fq::from(r as u64));
			}
			let bytes = x.into_bigint().to_bytes_le();
			out[k * ELEMENT_BYTES..(k + 1) * ELEMENT_BYTES].copy_from_slice(&bytes);
			chain = x;
		}
		chain
	}

	/// Decodes a sealed element.
	pub fn element(bytes: &[u8]) -> Result<Fq, SealError> {
		let mut limbs = [0u64; 4];
		for (i, limb) in limbs.iter_mut().enumerate() {
			let mut word = [0u8; 8];
			word.copy_from_slice(&bytes[i * 8..(i + 1) * 8]);
			*limb = u64::from_le_bytes(word);
		}
		Fq::from_bigint(BigInteger256::new(limbs)).ok_or(SealError::NonCanonical)
	}

	/// The last sealed element of a sealed leaf: the chaining value for the next leaf.
	pub fn last_element(sealed: &[u8]) -> Result<Fq, SealError> {
		if sealed.len() != SEALED_LEAF_BYTES {
			return Err(SealError::WrongLength);
		}
		Self::element(&sealed[SEALED_LEAF_BYTES - ELEMENT_BYTES..])
	}

	/// Unseals sealed leaf `leaf_index`, given the chaining value before it. `rounds`
	/// squarings per element; this is what the chain runs on every challenged leaf.
	pub fn unseal_leaf(&self, leaf_index: u32, sealed: &[u8], previous: Fq) -> Result<[u8; LEAF_DATA_BYTES], SealError> {
		if sealed.len() != SEALED_LEAF_BYTES {
			return Err(SealError::WrongLength);
		}
		let mut out = [0u8; LEAF_DATA_BYTES];
		let mut chain = previous;
		for k in 0..ELEMENTS_PER_LEAF {
			let s = Self::element(&sealed[k * ELEMENT_BYTES..(k + 1) * ELEMENT_BYTES])?;
			let mut x = s;
			for r in (0..self.rounds).rev() {
				x = Self::square(x) - Fq::from(r as u64);
			}
			let m = (x - chain - self.element_key(leaf_index, k)).into_bigint().to_bytes_le();
			let start = k * ELEMENT_DATA_BYTES;
			let take = ELEMENT_DATA_BYTES.min(LEAF_DATA_BYTES - start);
			if m[take..].iter().any(|b| *b != 0) {
				return Err(SealError::NotData);
			}
			out[start..start + take].copy_from_slice(&m[..take]);
			chain = s;
		}
		Ok(out)
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use alloc::vec;

	fn chunk(seed: u8) -> [u8; LEAF_DATA_BYTES] {
		core::array::from_fn(|i| (i as u8).wrapping_mul(31).wrapping_add(seed))
	}

	#[test]
	fn root_and_square_are_inverse_permutations() {
		let s = Sealer::new(&[7; 32], 1);
		for i in 0..200u64 {
			let x = Fq::from(i) - Fq::from(100u64);
			assert_eq!(Sealer::square(s.root(x)), x);
		}
	}

	#[test]
	fn leaves_unseal_to_their_data_and_only_with_the_right_chain_key_and_index() {
		let sealer = Sealer::new(&sector_seed(&[1; 32], 3, &[2; 32]), 4);
		let (a, b) = (chunk(1), chunk(2));
		let (mut sa, mut sb) = (vec![0u8; SEALED_LEAF_BYTES], vec![0u8; SEALED_LEAF_BYTES]);
		let chain = sealer.seal_leaf(0, &a, sealer.initial_chain(), &mut sa);
		assert_eq!(chain, Sealer::last_element(&sa).unwrap());
		sealer.seal_leaf(1, &b, chain, &mut sb);
		assert_eq!(sealer.unseal_leaf(0, &sa, sealer.initial_chain()).unwrap(), a);
		assert_eq!(sealer.unseal_leaf(1, &sb, chain).unwrap(), b);
		// Wrong chaining value, wrong index or another provider's seed: not this data.
		assert_ne!(sealer.unseal_leaf(1, &sb, sealer.initial_chain()).ok(), Some(b));
		assert_ne!(sealer.unseal_leaf(2, &sb, chain).ok(), Some(b));
		let other = Sealer::new(&sector_seed(&[9; 32], 3, &[2; 32]), 4);
		assert_ne!(other.unseal_leaf(0, &sa, other.initial_chain()).ok(), Some(a));
		// A flipped byte changes the data or fails to decode.
		let mut bad = sa.clone();
		bad[100] ^= 1;
		assert_ne!(sealer.unseal_leaf(0, &bad, sealer.initial_chain()).ok(), Some(a));
		assert_eq!(sealer.unseal_leaf(0, &sa[1..], sealer.initial_chain()), Err(SealError::WrongLength));
		let mut high = sa.clone();
		high[31] = 0xff;
		assert_eq!(sealer.unseal_leaf(0, &high, sealer.initial_chain()), Err(SealError::NonCanonical));
	}

	#[test]
	fn short_chunks_are_zero_padded_and_same_data_seals_differently_per_sector() {
		let s1 = Sealer::new(&sector_seed(&[1; 32], 0, &[0; 32]), 2);
		let s2 = Sealer::new(&sector_seed(&[1; 32], 1, &[0; 32]), 2);
		let (mut o1, mut o2) = (vec![0u8; SEALED_LEAF_BYTES], vec![0u8; SEALED_LEAF_BYTES]);
		s1.seal_leaf(0, &[5u8; 10], s1.initial_chain(), &mut o1);
		s2.seal_leaf(0, &[5u8; 10], s2.initial_chain(), &mut o2);
		assert_ne!(o1, o2);
		let mut expected = [0u8; LEAF_DATA_BYTES];
		expected[..10].copy_from_slice(&[5u8; 10]);
		assert_eq!(s1.unseal_leaf(0, &o1, s1.initial_chain()).unwrap(), expected);
	}
}
