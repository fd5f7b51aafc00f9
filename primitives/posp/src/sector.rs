//! A whole sealed sector in memory: what a provider keeps, and how it answers challenges.
//!
//! The agent seals into this and writes [`SealedSector::bytes`] to disk; tests and benchmarks
//! use it to produce honest answers.

use crate::{
	merkle::{self, Hash},
	proof::{LeafProof, SealedLeaf},
	seal::Sealer,
	LEAF_DATA_BYTES, SEALED_LEAF_BYTES,
};
use alloc::vec::Vec;

/// A sealed sector: its sealed leaves and their hashes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SealedSector {
	/// `leaves × 1088` sealed bytes.
	pub bytes: Vec<u8>,
	/// Hash of every sealed leaf.
	pub leaf_hashes: Vec<Hash>,
}

/// Byte range of sealed leaf `index`.
pub fn leaf_range(index: u32) -> core::ops::Range<usize> {
	index as usize * SEALED_LEAF_BYTES..(index as usize + 1) * SEALED_LEAF_BYTES
}

/// The `index`-th 1 KiB chunk of `data` (shorter or empty past its end).
pub fn data_chunk(data: &[u8], index: u32) -> &[u8] {
	let start = (index as usize * LEAF_DATA_BYTES).min(data.len());
	let end = ((index as usize + 1) * LEAF_DATA_BYTES).min(data.len());
	&data[start..end]
}

impl SealedSector {
	/// Seals `data` (at most `leaves` KiB; zeros after it) into a sector of `leaves` leaves,
	/// calling `progress(done)` after every leaf.
	pub fn seal(sealer: &Sealer, data: &[u8], leaves: u32, mut progress: impl FnMut(u32)) -> Self {
		let mut bytes = alloc::vec![0u8; leaves as usize * SEALED_LEAF_BYTES];
		let mut chain = sealer.initial_chain();
		for leaf in 0..leaves {
			let (earlier, rest) = bytes.split_at_mut(leaf as usize * SEALED_LEAF_BYTES);
			let parents = if leaf == 0 {
				Sealer::parent_sums(&[])
			} else {
				let indices = sealer.parents(leaf);
				let slices: Vec<&[u8]> = indices.iter().map(|p| &earlier[leaf_range(*p)]).collect();
				Sealer::parent_sums(&slices)
			}
			.expect("own sealed leaves are canonical");
			chain = sealer.seal_leaf(
				leaf,
				data_chunk(data, leaf),
				chain,
				&parents,
				&mut rest[..SEALED_LEAF_BYTES],
			);
			progress(leaf + 1);
		}
		Self::from_bytes(bytes)
	}

	/// Wraps sealed bytes read back from storage.
	pub fn from_bytes(bytes: Vec<u8>) -> Self {
		let leaf_hashes = bytes.chunks(SEALED_LEAF_BYTES).map(merkle::sealed_leaf_hash).collect();
		Self { bytes, leaf_hashes }
	}

	/// Number of leaves.
	pub fn leaves(&self) -> u32 {
		self.leaf_hashes.len() as u32
	}

	/// The sealed root a provider confirms on chain.
	pub fn root(&self) -> Hash {
		merkle::root(&self.leaf_hashes)
	}

	fn open(&self, index: u32) -> SealedLeaf {
		SealedLeaf {
			bytes: self.bytes[leaf_range(index)].to_vec().try_into().expect("one sealed leaf"),
			path: merkle::path(&self.leaf_hashes, index).try_into().expect("at most 2^32 leaves"),
		}
	}

	/// The answer for leaf `index` (`< leaves`) of the sector sealed by `sealer` (only its
	/// seed matters here: it fixes the parents); `data_leaf_hashes` are the file's chunk hashes
	/// (empty for committed capacity). `None` if `index` is out of range.
	pub fn prove(
		&self,
		sealer: &Sealer,
		index: u32,
		data_leaf_hashes: &[Hash],
	) -> Option<LeafProof> {
		if index >= self.leaves() {
			return None;
		}
		let data_path = if (index as usize) < data_leaf_hashes.len() {
			merkle::path(data_leaf_hashes, index).try_into().ok()?
		} else {
			Default::default()
		};
		let parents = if index == 0 {
			Default::default()
		} else {
			let indices = sealer.parents(index);
			indices[1..].iter().map(|p| self.open(*p)).collect::<Vec<_>>().try_into().ok()?
		};
		Some(LeafProof {
			index,
			leaf: self.open(index),
			previous: index.checked_sub(1).map(|i| self.open(i)),
			parents,
			data_path,
		})
	}
}
