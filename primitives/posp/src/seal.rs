//! Sealing: a slow, sequential, identity-bound encoding of a sector over a depth-robust graph.
//!
//! The sector's data (zero for committed capacity) is cut into 1 KiB leaves of 34 elements
//! `m_{j,k}` of 31 bytes. Leaf `j` has [`DRG_PARENTS`] parent leaves: `j − 1` and
//! [`DRG_RANDOM_PARENTS`] earlier leaves drawn by bucket sampling from the seed (DRSample, as in
//! Filecoin's SDR: an offset in `[2^(b−1), 2^b)` for a uniform bucket `b`). Element `(j, k)` is
//! sealed as
//!
//! ```text
//! x_0 = m_{j,k} + c_{j,k} + Σ_p s_{p,k} + (K + 34 j + k)    p over the parents of leaf j
//! x_{r+1} = ρ(x_r + r)                                  r = 0 .. rounds-1
//! s_{j,k} = x_rounds
//! ```
//!
//! where `c_{j,k}` is the element sealed just before (`s_{j,k−1}`, or `s_{j−1,33}`, or a
//! seed-derived value for the very first), and ρ is the SLOTH square-root permutation of
//! 𝔽_q (BN254's base field, q ≡ 3 mod 4): ρ(x) is the even square root of `x` when `x` is a
//! square, otherwise the odd square root of `−x`. Computing ρ takes a 254-bit
//! exponentiation; inverting it takes one squaring, so the chain unseals a leaf with
//! `34 × rounds` squarings once it has the leaf's parents.
//!
//! Every element depends on the same element of every parent leaf, so a parent is needed
//! whole: keeping a few chaining values (the attack on a plain CBC chain) does not let a
//! provider rebuild a leaf, and a leaf's ancestry spreads over the whole sector. What a
//! provider that keeps only part of its sector must recompute is measured by
//! `zkp-agent bench seal` (see `docs/posp.md`).
//!
//! The seed is `blake2_256("zkp-posp/seed/v1" ‖ provider ‖ sector ‖ data root)`, so two
//! identities (or two sectors) never share a sealed replica.

use crate::{
	ELEMENTS_PER_LEAF, ELEMENT_BYTES, ELEMENT_DATA_BYTES, LEAF_DATA_BYTES, SEALED_LEAF_BYTES,
};
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

/// Parent leaves of every leaf but the first: the previous leaf and the random ones.
pub const DRG_PARENTS: usize = 1 + DRG_RANDOM_PARENTS;
/// Parent leaves drawn by bucket sampling.
pub const DRG_RANDOM_PARENTS: usize = 3;

/// The parents of leaf `leaf` (≥ 1) of the sector with this seed: `leaf − 1` first, then
/// [`DRG_RANDOM_PARENTS`] bucket-sampled earlier leaves (repeats allowed).
pub fn drg_parents(seed: &[u8; 32], leaf: u32) -> [u32; DRG_PARENTS] {
	let mut parents = [leaf.saturating_sub(1); DRG_PARENTS];
	let bits = 32 - leaf.leading_zeros();
	for (t, parent) in parents.iter_mut().enumerate().skip(1) {
		let mut input = [0u8; 12 + 32 + 4 + 1];
		input[..12].copy_from_slice(b"zkp-posp/drg");
		input[12..44].copy_from_slice(seed);
		input[44..48].copy_from_slice(&leaf.to_le_bytes());
		input[48] = t as u8;
		let h = sp_crypto_hashing::blake2_256(&input);
		let r = u64::from_le_bytes([h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]]);
		// Bucket b in 1..=bits, offset in [2^(b-1), 2^b) capped at `leaf`.
		let bucket = 1 + (r % bits.max(1) as u64) as u32;
		let low = 1u64 << (bucket - 1);
		let offset = (low + (r >> 32) % low).min(leaf as u64) as u32;
		*parent = leaf - offset.max(1).min(leaf);
	}
	parents
}

/// Seals and unseals the leaves of one sector.
#[derive(Clone, Debug)]
pub struct Sealer {
	seed: [u8; 32],
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
		Self {
			seed: *seed,
			key: derive(b"zkp-posp/key", seed),
			iv: derive(b"zkp-posp/iv", seed),
			rounds,
			exponent,
		}
	}

	/// The parents of leaf `leaf` (≥ 1) in this sector.
	pub fn parents(&self, leaf: u32) -> [u32; DRG_PARENTS] {
		drg_parents(&self.seed, leaf)
	}

	/// Element-wise sums of the parent leaves (all zero for leaf 0, which has none).
	pub fn parent_sums(parents: &[&[u8]]) -> Result<[Fq; ELEMENTS_PER_LEAF], SealError> {
		let mut sums = [Fq::from(0u64); ELEMENTS_PER_LEAF];
		for parent in parents {
			if parent.len() != SEALED_LEAF_BYTES {
				return Err(SealError::WrongLength);
			}
			for (k, sum) in sums.iter_mut().enumerate() {
				*sum += Self::element(&parent[k * ELEMENT_BYTES..(k + 1) * ELEMENT_BYTES])?;
			}
		}
		Ok(sums)
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
		if is_square == is_odd(&t) {
			-t
		} else {
			t
		}
	}

	/// ρ⁻¹: one squaring (fast direction).
	fn square(y: Fq) -> Fq {
		let s = y.square();
		if is_odd(&y) {
			-s
		} else {
			s
		}
	}

	fn element_key(&self, leaf_index: u32, k: usize) -> Fq {
		self.key + Fq::from(leaf_index as u64 * ELEMENTS_PER_LEAF as u64 + k as u64)
	}

	/// Seals data chunk `leaf_index` (`data.len() <= 1024`, zero-padded) into `out`, chaining
	/// from `previous` (the last sealed element of the previous leaf, or
	/// [`initial_chain`](Self::initial_chain)) with the element-wise sums of its parent leaves
	/// ([`parent_sums`](Self::parent_sums)); returns the new chaining value.
	pub fn seal_leaf(
		&self,
		leaf_index: u32,
		data: &[u8],
		previous: Fq,
		parents: &[Fq; ELEMENTS_PER_LEAF],
		out: &mut [u8],
	) -> Fq {
		debug_assert!(data.len() <= LEAF_DATA_BYTES && out.len() == SEALED_LEAF_BYTES);
		let mut chain = previous;
		for k in 0..ELEMENTS_PER_LEAF {
			let start = (k * ELEMENT_DATA_BYTES).min(data.len());
			let end = ((k + 1) * ELEMENT_DATA_BYTES).min(data.len());
			let m = Fq::from_le_bytes_mod_order(&data[start..end]);
			let mut x = m + chain + parents[k] + self.element_key(leaf_index, k);
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

	/// Unseals sealed leaf `leaf_index`, given the chaining value before it and its parents'
	/// element-wise sums. `rounds` squarings per element; this is what the chain runs on every
	/// challenged leaf.
	pub fn unseal_leaf(
		&self,
		leaf_index: u32,
		sealed: &[u8],
		previous: Fq,
		parents: &[Fq; ELEMENTS_PER_LEAF],
	) -> Result<[u8; LEAF_DATA_BYTES], SealError> {
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
			let m = (x - chain - parents[k] - self.element_key(leaf_index, k))
				.into_bigint()
				.to_bytes_le();
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

	fn no_parents() -> [Fq; ELEMENTS_PER_LEAF] {
		[Fq::from(0u64); ELEMENTS_PER_LEAF]
	}

	#[test]
	fn leaves_unseal_to_their_data_and_only_with_the_right_chain_parents_key_and_index() {
		let sealer = Sealer::new(&sector_seed(&[1; 32], 3, &[2; 32]), 4);
		let (a, b) = (chunk(1), chunk(2));
		let (mut sa, mut sb) = (vec![0u8; SEALED_LEAF_BYTES], vec![0u8; SEALED_LEAF_BYTES]);
		let chain = sealer.seal_leaf(0, &a, sealer.initial_chain(), &no_parents(), &mut sa);
		assert_eq!(chain, Sealer::last_element(&sa).unwrap());
		let parents = Sealer::parent_sums(&[&sa]).unwrap();
		sealer.seal_leaf(1, &b, chain, &parents, &mut sb);
		assert_eq!(sealer.unseal_leaf(0, &sa, sealer.initial_chain(), &no_parents()).unwrap(), a);
		assert_eq!(sealer.unseal_leaf(1, &sb, chain, &parents).unwrap(), b);
		// Wrong chaining value, parents, index or another provider's seed: not this data.
		assert_ne!(sealer.unseal_leaf(1, &sb, sealer.initial_chain(), &parents).ok(), Some(b));
		assert_ne!(sealer.unseal_leaf(1, &sb, chain, &no_parents()).ok(), Some(b));
		assert_ne!(sealer.unseal_leaf(2, &sb, chain, &parents).ok(), Some(b));
		let other = Sealer::new(&sector_seed(&[9; 32], 3, &[2; 32]), 4);
		assert_ne!(other.unseal_leaf(0, &sa, other.initial_chain(), &no_parents()).ok(), Some(a));
		// A flipped byte changes the data or fails to decode.
		let mut bad = sa.clone();
		bad[100] ^= 1;
		assert_ne!(
			sealer.unseal_leaf(0, &bad, sealer.initial_chain(), &no_parents()).ok(),
			Some(a)
		);
		assert_eq!(
			sealer.unseal_leaf(0, &sa[1..], sealer.initial_chain(), &no_parents()),
			Err(SealError::WrongLength)
		);
		let mut high = sa.clone();
		high[31] = 0xff;
		assert_eq!(
			sealer.unseal_leaf(0, &high, sealer.initial_chain(), &no_parents()),
			Err(SealError::NonCanonical)
		);
	}

	#[test]
	fn parents_are_earlier_leaves_spread_over_the_sector() {
		let seed = [4u8; 32];
		assert_eq!(drg_parents(&seed, 1), [0; DRG_PARENTS]);
		let mut far = 0;
		for leaf in 1..4096u32 {
			let parents = drg_parents(&seed, leaf);
			assert_eq!(parents[0], leaf - 1);
			assert!(parents.iter().all(|p| *p < leaf));
			far += parents[1..].iter().filter(|p| leaf - **p > leaf / 4).count();
		}
		// Bucket sampling reaches far back for a good share of the draws.
		assert!(far > 4096 * DRG_RANDOM_PARENTS / 8, "{far}");
		assert_ne!(drg_parents(&seed, 1000), drg_parents(&[5u8; 32], 1000));
	}

	#[test]
	fn short_chunks_are_zero_padded_and_same_data_seals_differently_per_sector() {
		let s1 = Sealer::new(&sector_seed(&[1; 32], 0, &[0; 32]), 2);
		let s2 = Sealer::new(&sector_seed(&[1; 32], 1, &[0; 32]), 2);
		let (mut o1, mut o2) = (vec![0u8; SEALED_LEAF_BYTES], vec![0u8; SEALED_LEAF_BYTES]);
		s1.seal_leaf(0, &[5u8; 10], s1.initial_chain(), &no_parents(), &mut o1);
		s2.seal_leaf(0, &[5u8; 10], s2.initial_chain(), &no_parents(), &mut o2);
		assert_ne!(o1, o2);
		let mut expected = [0u8; LEAF_DATA_BYTES];
		expected[..10].copy_from_slice(&[5u8; 10]);
		assert_eq!(s1.unseal_leaf(0, &o1, s1.initial_chain(), &no_parents()).unwrap(), expected);
	}
}
