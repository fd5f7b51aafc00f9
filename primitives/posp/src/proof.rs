//! The answer to a storage challenge, and its verification.
//!
//! For every challenged leaf index `i` of a sector the provider sends the sealed leaf `i` with
//! its path to the sealed root, its parent leaves with their paths (leaf `i − 1`, whose last
//! element is also the chaining value, and the bucket-sampled ones; leaf 0 has none), and —
//! for a sector holding a file — the path of data chunk `i` to the order's data root. The
//! verifier unseals leaf `i` and checks that it is exactly the committed data: the file's chunk
//! `i`, or zeros for committed capacity and past the end of the file.
//!
//! Opening the parents stops a sealer from choosing what a leaf depends on: every leaf must be
//! sealed from the very parent leaves the provider committed to.

use crate::{
	merkle::{self, Hash},
	seal::{SealError, Sealer, DRG_RANDOM_PARENTS},
	LEAF_DATA_BYTES, MAX_PATH_LEN, SEALED_LEAF_BYTES,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::{bounded::BoundedVec, ConstU32};

/// A Merkle path (siblings, bottom-up).
pub type MerklePath = BoundedVec<Hash, ConstU32<MAX_PATH_LEN>>;

/// A sealed leaf and its path to the sector's sealed root.
#[derive(
	Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct SealedLeaf {
	/// The 1088 sealed bytes.
	pub bytes: BoundedVec<u8, ConstU32<{ SEALED_LEAF_BYTES as u32 }>>,
	/// Siblings up to the sealed root.
	pub path: MerklePath,
}

/// The answer for one challenged leaf.
#[derive(
	Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct LeafProof {
	/// The challenged leaf index.
	pub index: u32,
	/// Sealed leaf `index`.
	pub leaf: SealedLeaf,
	/// Sealed leaf `index − 1`; `None` for leaf 0.
	pub previous: Option<SealedLeaf>,
	/// The bucket-sampled parent leaves, in `drg_parents` order; empty for leaf 0.
	pub parents: BoundedVec<SealedLeaf, ConstU32<{ DRG_RANDOM_PARENTS as u32 }>>,
	/// Path of data chunk `index` to the order's data root; empty for committed capacity and
	/// past the end of the file.
	pub data_path: MerklePath,
}

/// What a sector is committed to hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectorContent {
	/// Committed capacity: zeros.
	Empty,
	/// A file: its data root and chunk count (≤ the sector's leaves).
	Data { data_root: Hash, data_leaves: u32 },
}

/// Why an answer is rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProofError {
	/// The leaf index is outside the sector.
	LeafOutOfRange,
	/// The sealed leaf is not on the committed sealed root.
	SealedPathMismatch,
	/// Leaf 0 came with a previous leaf, or leaf `i > 0` without one.
	PreviousLeafMismatch,
	/// The previous sealed leaf is not on the committed sealed root.
	PreviousPathMismatch,
	/// The parent leaves are not the expected ones, or not on the committed sealed root.
	ParentMismatch,
	/// The sealed leaf does not decode (see [`SealError`]).
	Unseal(SealError),
	/// The unsealed chunk is not on the order's data root.
	DataPathMismatch,
	/// The unsealed chunk should be zeros (committed capacity or past the end of the file).
	NotEmpty,
}

impl From<SealError> for ProofError {
	fn from(e: SealError) -> Self {
		ProofError::Unseal(e)
	}
}

/// Checks one challenged leaf against the sector's sealed root.
pub fn verify_leaf_proof(
	sealer: &Sealer,
	sealed_root: &Hash,
	sector_leaves: u32,
	content: SectorContent,
	proof: &LeafProof,
) -> Result<(), ProofError> {
	let index = proof.index;
	if index >= sector_leaves {
		return Err(ProofError::LeafOutOfRange);
	}
	let leaf_hash = merkle::sealed_leaf_hash(&proof.leaf.bytes);
	if !merkle::verify(sealed_root, &proof.leaf.path, sector_leaves, index, leaf_hash) {
		return Err(ProofError::SealedPathMismatch);
	}
	let (chain, parents) = match (&proof.previous, index) {
		(None, 0) => {
			if !proof.parents.is_empty() {
				return Err(ProofError::ParentMismatch);
			}
			(sealer.initial_chain(), Sealer::parent_sums(&[])?)
		},
		(Some(previous), i) if i > 0 => {
			let hash = merkle::sealed_leaf_hash(&previous.bytes);
			if !merkle::verify(sealed_root, &previous.path, sector_leaves, i - 1, hash) {
				return Err(ProofError::PreviousPathMismatch);
			}
			let expected = sealer.parents(i);
			if proof.parents.len() != DRG_RANDOM_PARENTS {
				return Err(ProofError::ParentMismatch);
			}
			for (opening, parent) in proof.parents.iter().zip(expected[1..].iter()) {
				let hash = merkle::sealed_leaf_hash(&opening.bytes);
				if !merkle::verify(sealed_root, &opening.path, sector_leaves, *parent, hash) {
					return Err(ProofError::ParentMismatch);
				}
			}
			let mut leaves: [&[u8]; 1 + DRG_RANDOM_PARENTS] =
				[&previous.bytes[..]; 1 + DRG_RANDOM_PARENTS];
			for (slot, opening) in leaves.iter_mut().skip(1).zip(proof.parents.iter()) {
				*slot = &opening.bytes[..];
			}
			(Sealer::last_element(&previous.bytes)?, Sealer::parent_sums(&leaves)?)
		},
		_ => return Err(ProofError::PreviousLeafMismatch),
	};
	let chunk = sealer.unseal_leaf(index, &proof.leaf.bytes, chain, &parents)?;
	match content {
		SectorContent::Data { data_root, data_leaves } if index < data_leaves => {
			let hash = Hash::from(sp_crypto_hashing::blake2_256(&chunk));
			if merkle::verify(&data_root, &proof.data_path, data_leaves, index, hash) {
				Ok(())
			} else {
				Err(ProofError::DataPathMismatch)
			}
		},
		_ if chunk == [0u8; LEAF_DATA_BYTES] => Ok(()),
		_ => Err(ProofError::NotEmpty),
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{merkle, seal::sector_seed, sector::SealedSector};
	use alloc::vec::Vec;

	fn seal(seed: &[u8; 32], data: &[u8], leaves: u32) -> (Sealer, SealedSector) {
		let sealer = Sealer::new(seed, 2);
		let sector = SealedSector::seal(&sealer, data, leaves, |_| ());
		(sealer, sector)
	}

	#[test]
	fn honest_answers_verify_for_data_padding_and_empty_sectors() {
		let data: Vec<u8> = (0..3000u32).map(|i| (i % 256) as u8 ^ 0x5a).collect();
		let data_root = merkle::data_root(&data);
		let hashes = merkle::data_leaf_hashes(&data);
		let (sealer, sector) =
			seal(&sector_seed(&[1; 32], 0, data_root.as_fixed_bytes()), &data, 8);
		let content = SectorContent::Data { data_root, data_leaves: 3 };
		for i in 0..8 {
			let proof = sector.prove(&sealer, i, &hashes).unwrap();
			assert_eq!(verify_leaf_proof(&sealer, &sector.root(), 8, content, &proof), Ok(()));
		}
		assert_eq!(sector.prove(&sealer, 8, &hashes), None);
		// The same sealed sector is not an empty one, and an empty one verifies as empty.
		assert_eq!(
			verify_leaf_proof(
				&sealer,
				&sector.root(),
				8,
				SectorContent::Empty,
				&sector.prove(&sealer, 1, &hashes).unwrap()
			),
			Err(ProofError::NotEmpty)
		);
		let (cc, cc_sector) = seal(&sector_seed(&[1; 32], 1, &[0; 32]), &[], 4);
		assert_eq!(
			verify_leaf_proof(
				&cc,
				&cc_sector.root(),
				4,
				SectorContent::Empty,
				&cc_sector.prove(&cc, 3, &[]).unwrap()
			),
			Ok(())
		);
	}

	#[test]
	fn tampered_answers_fail_with_their_reason() {
		let data: Vec<u8> =
			(0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
		let data_root = merkle::data_root(&data);
		let hashes = merkle::data_leaf_hashes(&data);
		let (sealer, sector) =
			seal(&sector_seed(&[2; 32], 5, data_root.as_fixed_bytes()), &data, 4);
		let root = sector.root();
		let content = SectorContent::Data { data_root, data_leaves: 4 };
		let verify = |p: &LeafProof| verify_leaf_proof(&sealer, &root, 4, content, p);

		let good = sector.prove(&sealer, 2, &hashes).unwrap();
		assert_eq!(verify(&good), Ok(()));
		let mut p = good.clone();
		p.index = 3;
		assert_eq!(verify(&p), Err(ProofError::SealedPathMismatch));
		let mut p = good.clone();
		p.index = 4;
		assert_eq!(verify(&p), Err(ProofError::LeafOutOfRange));
		let mut p = good.clone();
		p.leaf.bytes[7] ^= 1;
		assert_eq!(verify(&p), Err(ProofError::SealedPathMismatch));
		let mut p = good.clone();
		p.previous = None;
		assert_eq!(verify(&p), Err(ProofError::PreviousLeafMismatch));
		let mut p = good.clone();
		p.previous = Some(sector.prove(&sealer, 3, &hashes).unwrap().leaf);
		assert_eq!(verify(&p), Err(ProofError::PreviousPathMismatch));
		let mut p = good.clone();
		p.parents[0] = p.leaf.clone();
		assert_eq!(verify(&p), Err(ProofError::ParentMismatch));
		let mut p = good.clone();
		p.parents.pop();
		assert_eq!(verify(&p), Err(ProofError::ParentMismatch));
		let mut p = good.clone();
		p.data_path = sector.prove(&sealer, 1, &hashes).unwrap().data_path;
		assert_eq!(verify(&p), Err(ProofError::DataPathMismatch));
		// Another provider's sealing of the same data does not answer for this one.
		let (thief, stolen) = seal(&sector_seed(&[3; 32], 5, data_root.as_fixed_bytes()), &data, 4);
		assert_ne!(
			verify_leaf_proof(
				&sealer,
				&stolen.root(),
				4,
				content,
				&stolen.prove(&thief, 2, &hashes).unwrap()
			),
			Ok(())
		);
	}
}
