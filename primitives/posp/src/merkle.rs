//! Merkle commitments over data chunks and sealed leaves.
//!
//! Both trees are the Polkadot SDK's `binary-merkle-tree` with blake2-256, built over leaf
//! *hashes* (`merkle_root_raw`): a data leaf hashes to `blake2_256(chunk)`, where the last
//! chunk of a file is padded with zeros to 1024 bytes; a sealed leaf hashes to
//! `blake2_256(sealed_bytes)`. Odd nodes are promoted, so a tree commits to its leaf count,
//! which the verifier always supplies.

use crate::LEAF_DATA_BYTES;
use alloc::vec::Vec;
// `BlakeTwo256` implements `hash_db::Hasher` in the runtime too (`sp_core::Blake2Hasher` is
// native-only).
use sp_runtime::traits::BlakeTwo256 as Blake2Hasher;

/// A 32-byte blake2-256 hash.
pub type Hash = sp_core::H256;

/// Number of 1 KiB chunks of a file of `size` bytes.
pub fn data_leaf_count(size: u64) -> u64 {
	size.div_ceil(LEAF_DATA_BYTES as u64)
}

/// Hash of one data chunk (`chunk.len() <= 1024`; shorter chunks are zero-padded).
pub fn data_leaf_hash(chunk: &[u8]) -> Hash {
	if chunk.len() == LEAF_DATA_BYTES {
		return Hash::from(sp_crypto_hashing::blake2_256(chunk));
	}
	let mut padded = [0u8; LEAF_DATA_BYTES];
	padded[..chunk.len()].copy_from_slice(chunk);
	Hash::from(sp_crypto_hashing::blake2_256(&padded))
}

/// Hash of one sealed leaf.
pub fn sealed_leaf_hash(sealed: &[u8]) -> Hash {
	Hash::from(sp_crypto_hashing::blake2_256(sealed))
}

/// Leaf hashes of a whole file.
pub fn data_leaf_hashes(data: &[u8]) -> Vec<Hash> {
	data.chunks(LEAF_DATA_BYTES).map(data_leaf_hash).collect()
}

/// Root over leaf hashes.
pub fn root(leaf_hashes: &[Hash]) -> Hash {
	binary_merkle_tree::merkle_root_raw::<Blake2Hasher, _>(leaf_hashes.iter().copied())
}

/// The data root a storage order commits to.
pub fn data_root(data: &[u8]) -> Hash {
	root(&data_leaf_hashes(data))
}

/// The sibling path of leaf `index` (`index < leaf_hashes.len()`), bottom-up.
pub fn path(leaf_hashes: &[Hash], index: u32) -> Vec<Hash> {
	binary_merkle_tree::merkle_proof_raw::<Blake2Hasher, _>(leaf_hashes.iter().copied(), index)
		.proof
}

/// Whether `path` leads from `leaf` at `index` of a `leaf_count`-leaf tree to `root`.
pub fn verify(root: &Hash, path: &[Hash], leaf_count: u32, index: u32, leaf: Hash) -> bool {
	binary_merkle_tree::verify_proof::<Blake2Hasher, _, _>(
		root,
		path.iter().copied(),
		leaf_count,
		index,
		binary_merkle_tree::Leaf::Hash(leaf),
	)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn paths_verify_for_every_leaf_and_only_there() {
		let data: Vec<u8> = (0..5 * 1024 + 17).map(|i| (i * 7 % 251) as u8).collect();
		let leaves = data_leaf_hashes(&data);
		assert_eq!(leaves.len() as u64, data_leaf_count(data.len() as u64));
		let r = data_root(&data);
		for i in 0..leaves.len() as u32 {
			let p = path(&leaves, i);
			assert!(verify(&r, &p, leaves.len() as u32, i, leaves[i as usize]));
			let other = (i + 1) % leaves.len() as u32;
			assert!(!verify(&r, &p, leaves.len() as u32, other, leaves[i as usize]));
		}
		assert!(!verify(&r, &path(&leaves, 0), leaves.len() as u32, 9, leaves[0]));
	}
}
