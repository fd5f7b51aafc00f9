//! Bounds on what a request may ask of the agent, checked as it is decoded, before any work
//! or allocation: a request outside them is answered `400` with the field that is wrong
//! (`SealRequest.sector_leaves: …`). The bounds are wider than any chain configuration needs
//! (the runtime seals 1 MiB sectors with 4 rounds and challenges 4 leaves).

use codec::DecodeAll;
use zkp_posp::{
	api::{DataRef, ProveRequest, SealRequest},
	sector_seed, LEAF_DATA_BYTES,
};
use zkp_primitives::poi::JobRequest;

/// Leaves per sector (1 GiB sectors; `pallet-posp` refuses a configuration above it too).
pub const MAX_SECTOR_LEAVES: u32 = 1 << 20;
/// SLOTH rounds per element.
pub const MAX_SEAL_ROUNDS: u32 = 64;
/// Leaves opened for one challenge.
pub const MAX_CHALLENGE_LEAVES: usize = 64;
/// Bytes of a CID (the runtime stores at most 128).
pub const MAX_CID_LEN: usize = 128;
/// Entries of a result sketch (the chain stores the length as a `u8`).
pub const MAX_SKETCH_LEN: u32 = u8::MAX as u32;
/// Quantization of a sketch, `2^-scale_bits` (the chain's own limit).
pub const MAX_SCALE_BITS: u8 = 30;

/// A request the API accepts: it decodes and checks its own bounds.
pub trait Bounded: DecodeAll + Sized {
	/// Its name in error messages.
	const NAME: &'static str;
	/// `Err((field, why))` when a field is out of bounds.
	fn check(&self) -> Result<(), (&'static str, String)>;
}

/// Decodes a whole body as `T` and checks it; the error is the text of a `400` answer.
pub fn decode<T: Bounded>(body: &[u8]) -> Result<T, String> {
	let request = T::decode_all(&mut &body[..]).map_err(|e| format!("{}: {e}", T::NAME))?;
	request.check().map_err(|(field, why)| format!("{}.{field}: {why}", T::NAME))?;
	Ok(request)
}

fn within<N: PartialOrd + std::fmt::Display>(
	field: &'static str,
	value: N,
	min: N,
	max: N,
) -> Result<(), (&'static str, String)> {
	if value < min || value > max {
		return Err((field, format!("{value} is not in {min}..={max}")));
	}
	Ok(())
}

/// A CID in text form: 1 to [`MAX_CID_LEN`] printable ASCII characters.
fn cid(field: &'static str, cid: &[u8]) -> Result<(), (&'static str, String)> {
	within(field, cid.len(), 1, MAX_CID_LEN)?;
	if !cid.iter().all(u8::is_ascii_graphic) {
		return Err((field, "not a CID (printable ASCII only)".into()));
	}
	Ok(())
}

impl Bounded for SealRequest {
	const NAME: &'static str = "SealRequest";

	fn check(&self) -> Result<(), (&'static str, String)> {
		within("sector_leaves", self.sector_leaves, 1, MAX_SECTOR_LEAVES)?;
		within("rounds", self.rounds, 1, MAX_SEAL_ROUNDS)?;
		let root = match &self.data {
			None => [0; 32],
			Some(data) => {
				check_data(data, self.sector_leaves)?;
				data.data_root.0
			},
		};
		// The chain derives the seed; one that does not match is not a chain request.
		if self.seed != sector_seed(&self.provider, self.sector, &root) {
			return Err(("seed", "not sector_seed(provider, sector, data root or zeros)".into()));
		}
		Ok(())
	}
}

fn check_data(data: &DataRef, sector_leaves: u32) -> Result<(), (&'static str, String)> {
	cid("data.cid", &data.cid)?;
	within("data.size", data.size, 1, sector_leaves as u64 * LEAF_DATA_BYTES as u64)
}

impl Bounded for ProveRequest {
	const NAME: &'static str = "ProveRequest";

	fn check(&self) -> Result<(), (&'static str, String)> {
		within("leaves.len", self.leaves.len(), 1, MAX_CHALLENGE_LEAVES)?;
		// The replica's own size is checked when it is read.
		match self.leaves.iter().find(|leaf| **leaf >= MAX_SECTOR_LEAVES) {
			Some(leaf) => Err((
				"leaves",
				format!("leaf {leaf} is beyond any sector ({MAX_SECTOR_LEAVES} leaves)"),
			)),
			None => Ok(()),
		}
	}
}

impl Bounded for JobRequest {
	const NAME: &'static str = "JobRequest";

	fn check(&self) -> Result<(), (&'static str, String)> {
		cid("model_cid", &self.model_cid)?;
		cid("input_cid", &self.input_cid)?;
		within("sketch_len", self.sketch_len, 0, MAX_SKETCH_LEN)?;
		within("scale_bits", self.scale_bits, 0, MAX_SCALE_BITS)
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use codec::Encode;
	use sp_core::H256;

	fn cc(sector_leaves: u32, rounds: u32) -> SealRequest {
		let provider = [7; 32];
		SealRequest {
			provider,
			sector: 1,
			seed: sector_seed(&provider, 1, &[0; 32]),
			rounds,
			sector_leaves,
			data: None,
		}
	}

	fn refusal<T: Bounded>(request: &(impl Encode + ?Sized)) -> String {
		decode::<T>(&request.encode()).err().expect("refused")
	}

	#[test]
	fn seal_requests_are_bounded() {
		assert_eq!(decode::<SealRequest>(&cc(1024, 4).encode()), Ok(cc(1024, 4)));
		assert!(refusal::<SealRequest>(&cc(u32::MAX, 4))
			.starts_with("SealRequest.sector_leaves: 4294967295 is not in 1..=1048576"));
		assert!(refusal::<SealRequest>(&cc(0, 4)).starts_with("SealRequest.sector_leaves"));
		assert!(refusal::<SealRequest>(&cc(16, 65)).starts_with("SealRequest.rounds"));
		assert!(refusal::<SealRequest>(&cc(16, 0)).starts_with("SealRequest.rounds"));
		assert!(refusal::<SealRequest>(&SealRequest { seed: [1; 32], ..cc(16, 4) })
			.starts_with("SealRequest.seed"));
		let root = H256([9; 32]);
		let data = |cid: &[u8], size| {
			let provider = [7; 32];
			let seed = sector_seed(&provider, 1, &root.0);
			SealRequest {
				seed,
				data: Some(DataRef { cid: cid.to_vec(), size, data_root: root }),
				..cc(16, 4)
			}
		};
		assert!(decode::<SealRequest>(&data(b"bafyok", 16 * 1024).encode()).is_ok());
		assert!(refusal::<SealRequest>(&data(b"bafyok", 16 * 1024 + 1))
			.starts_with("SealRequest.data.size"));
		assert!(refusal::<SealRequest>(&data(b"bafyok", 0)).starts_with("SealRequest.data.size"));
		assert!(refusal::<SealRequest>(&data(&[b'a'; 129], 10)).starts_with("SealRequest.data.cid"));
		assert!(refusal::<SealRequest>(&data(b"", 10)).starts_with("SealRequest.data.cid"));
		assert!(refusal::<SealRequest>(&data(b"bafy ok", 10)).starts_with("SealRequest.data.cid"));
		// Trailing bytes are not a request.
		let mut long = cc(16, 4).encode();
		long.push(0);
		assert!(decode::<SealRequest>(&long).is_err());
	}

	#[test]
	fn prove_and_job_requests_are_bounded() {
		let prove =
			|leaves: Vec<u32>| ProveRequest { provider: [1; 32], sector: 0, seed: [2; 32], leaves };
		assert!(decode::<ProveRequest>(&prove(vec![0, 5, MAX_SECTOR_LEAVES - 1]).encode()).is_ok());
		assert!(refusal::<ProveRequest>(&prove(vec![])).starts_with("ProveRequest.leaves.len"));
		assert!(refusal::<ProveRequest>(&prove(vec![0; 65])).starts_with("ProveRequest.leaves.len"));
		assert!(refusal::<ProveRequest>(&prove(vec![MAX_SECTOR_LEAVES]))
			.starts_with("ProveRequest.leaves"));
		let job = JobRequest {
			task: 1,
			seed: H256([3; 32]),
			model_cid: b"bafymodel".to_vec(),
			model_hash: H256([4; 32]),
			framework: zkp_primitives::poi::Framework::Mlp,
			input_cid: b"bafyinput".to_vec(),
			sketch_len: 32,
			scale_bits: 16,
			zk: None,
		};
		assert!(decode::<JobRequest>(&job.encode()).is_ok());
		assert!(refusal::<JobRequest>(&JobRequest { sketch_len: 256, ..job.clone() })
			.starts_with("JobRequest.sketch_len"));
		assert!(refusal::<JobRequest>(&JobRequest { scale_bits: 31, ..job.clone() })
			.starts_with("JobRequest.scale_bits"));
		assert!(refusal::<JobRequest>(&JobRequest { model_cid: vec![b'x'; 129], ..job.clone() })
			.starts_with("JobRequest.model_cid"));
		assert!(refusal::<JobRequest>(&JobRequest { input_cid: vec![], ..job.clone() })
			.starts_with("JobRequest.input_cid"));
	}
}
