//! What the off-chain workers of `pallet-posp` and `pallet-poi` share: finding the local
//! `zkp-agent`, calling its loopback HTTP API with SCALE bodies, and remembering what they
//! submitted so a transaction is not sent every block.

use alloc::{format, string::String, vec::Vec};
use codec::{Decode, Encode};
use sp_runtime::offchain::{http, storage::StorageValueRef, Duration};

/// Where the agent listens unless configured otherwise.
pub const DEFAULT_AGENT_URL: &str = "http://127.0.0.1:8090";

/// The agent URL for `account`: the persistent off-chain storage key `key_prefix/ACCOUNT`
/// (raw UTF-8, as the `offchain_localStorageSet` RPC writes it), then `key_prefix`, then
/// [`DEFAULT_AGENT_URL`].
pub fn agent_url(key_prefix: &[u8], account: &[u8]) -> String {
	let mut specific = key_prefix.to_vec();
	specific.push(b'/');
	specific.extend_from_slice(account);
	for key in [specific.as_slice(), key_prefix] {
		if let Some(raw) = sp_io::offchain::local_storage_get(sp_core::offchain::StorageKind::PERSISTENT, key) {
			if let Ok(url) = String::from_utf8(raw) {
				return url;
			}
		}
	}
	DEFAULT_AGENT_URL.into()
}

/// POSTs a SCALE `body` to `url` + `path` and decodes the SCALE answer, all within
/// `deadline_ms`.
pub fn call_agent<R: Decode>(url: &str, path: &str, body: &[u8], deadline_ms: u64) -> Result<R, String> {
	let deadline = sp_io::offchain::timestamp().add(Duration::from_millis(deadline_ms));
	let full = format!("{}{}", url.trim_end_matches('/'), path);
	let pending = http::Request::post(&full, alloc::vec![body])
		.add_header("Content-Type", "application/octet-stream")
		.deadline(deadline)
		.send()
		.map_err(|e| format!("{full}: cannot send ({e:?})"))?;
	let response = pending
		.try_wait(deadline)
		.map_err(|_| format!("{full}: no answer within {deadline_ms} ms"))?
		.map_err(|e| format!("{full}: {e:?}"))?;
	if response.code != 200 {
		return Err(format!("{full}: HTTP {}", response.code));
	}
	let bytes = response.body().collect::<Vec<u8>>();
	R::decode(&mut &bytes[..]).map_err(|_| format!("{full}: undecodable answer"))
}

/// Rotates `items` to start at a different one each block, so that a worker that serves only
/// the first few per block starves none of them.
pub fn rotate_for_block<X, N: sp_runtime::traits::UniqueSaturatedInto<u32>>(items: &mut [X], block: N) {
	if !items.is_empty() {
		let start = block.unique_saturated_into() as usize % items.len();
		items.rotate_left(start);
	}
}

/// Whether something was recorded under `key` less than `after` blocks before `now`; records
/// `now` if not (atomically, so overlapping worker runs do not both send).
pub fn recently_sent<N>(key: &[u8], now: N, after: N) -> bool
where
	N: Encode + Decode + PartialOrd + Copy + core::ops::Add<Output = N>,
{
	let result = StorageValueRef::persistent(key).mutate(|last: Result<Option<N>, _>| match last {
		Ok(Some(at)) if now < at + after => Err(()),
		_ => Ok(now),
	});
	result.is_err()
}

/// Forgets the record under `key` (the next block tries again).
pub fn forget_sent(key: &[u8]) {
	StorageValueRef::persistent(key).clear();
}
