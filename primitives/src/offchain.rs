//! What the off-chain workers of `pallet-posp` and `pallet-poi` share: finding the local
//! `zkp-agent` and its API token, calling its loopback HTTP API with SCALE bodies, and
//! remembering what they submitted so a transaction is not sent every block.
//!
//! The agent refuses a `POST` without its token (`Authorization: Bearer <token>`), so the
//! operator gives the node the same token as the agent, in the node's persistent off-chain
//! storage next to the agent URL (see [`AgentApi::of`]).

use alloc::{format, string::String, vec::Vec};
use codec::{Decode, Encode};
use sp_runtime::offchain::{http, storage::StorageValueRef, Duration};

/// Where the agent listens unless configured otherwise.
pub const DEFAULT_AGENT_URL: &str = "http://127.0.0.1:8090";

/// A setting for `account`: the persistent off-chain storage key `key_prefix/ACCOUNT` (raw
/// UTF-8, as the `offchain_localStorageSet` RPC writes it), then `key_prefix`.
fn local_setting(key_prefix: &[u8], account: &[u8]) -> Option<String> {
	let mut specific = key_prefix.to_vec();
	specific.push(b'/');
	specific.extend_from_slice(account);
	let found = [specific.as_slice(), key_prefix].into_iter().find_map(|key| {
		let raw =
			sp_io::offchain::local_storage_get(sp_core::offchain::StorageKind::PERSISTENT, key)?;
		String::from_utf8(raw).ok()
	});
	found
}

/// The agent URL for `account`: `key_prefix/ACCOUNT`, then `key_prefix` (see
/// [`local_setting`]), then [`DEFAULT_AGENT_URL`].
pub fn agent_url(key_prefix: &[u8], account: &[u8]) -> String {
	local_setting(key_prefix, account).unwrap_or_else(|| DEFAULT_AGENT_URL.into())
}

/// The agent's API token for `account`: `key_prefix/ACCOUNT`, then `key_prefix` (surrounding
/// whitespace dropped); `None` if neither is set or it is empty.
pub fn agent_token(key_prefix: &[u8], account: &[u8]) -> Option<String> {
	let token = local_setting(key_prefix, account)?;
	let token = token.trim();
	(!token.is_empty()).then(|| token.into())
}

/// How an off-chain worker reaches its agent.
pub struct AgentApi {
	pub url: String,
	/// Sent as `Authorization: Bearer <token>`; never part of the URL.
	pub token: Option<String>,
}

impl AgentApi {
	/// The agent of `account`: its URL under `url_key` ([`agent_url`]) and its API token under
	/// `token_key` ([`agent_token`]), e.g. `zkp-posp::agent-url` and `zkp-posp::agent-token`.
	pub fn of(url_key: &[u8], token_key: &[u8], account: &[u8]) -> Self {
		Self { url: agent_url(url_key, account), token: agent_token(token_key, account) }
	}

	/// [`call_agent`] with this agent's URL and token.
	pub fn call<R: Decode>(&self, path: &str, body: &[u8], deadline_ms: u64) -> Result<R, String> {
		call_agent(&self.url, self.token.as_deref(), path, body, deadline_ms)
	}
}

/// POSTs a SCALE `body` to `url` + `path` (with `token` as `Authorization: Bearer <token>`)
/// and decodes the SCALE answer, all within `deadline_ms`.
pub fn call_agent<R: Decode>(
	url: &str,
	token: Option<&str>,
	path: &str,
	body: &[u8],
	deadline_ms: u64,
) -> Result<R, String> {
	let deadline = sp_io::offchain::timestamp().add(Duration::from_millis(deadline_ms));
	let full = format!("{}{}", url.trim_end_matches('/'), path);
	let bearer = token.map(|t| format!("Bearer {t}"));
	let mut request = http::Request::post(&full, alloc::vec![body])
		.add_header("Content-Type", "application/octet-stream");
	if let Some(bearer) = &bearer {
		request = request.add_header("Authorization", bearer);
	}
	let pending = request
		.deadline(deadline)
		.send()
		.map_err(|e| format!("{full}: cannot send ({e:?})"))?;
	let response = pending
		.try_wait(deadline)
		.map_err(|_| format!("{full}: no answer within {deadline_ms} ms"))?
		.map_err(|e| format!("{full}: {e:?}"))?;
	match response.code {
		200 => {},
		401 => return Err(format!("{full}: HTTP 401, the agent wants its API token (set the node's agent-token, docs/agent.md)")),
		403 => return Err(format!("{full}: HTTP 403, the agent refused the Host (use a loopback URL or --allow-host)")),
		code => return Err(format!("{full}: HTTP {code}")),
	}
	let bytes = response.body().collect::<Vec<u8>>();
	R::decode(&mut &bytes[..]).map_err(|_| format!("{full}: undecodable answer"))
}

/// Rotates `items` to start at a different one each block, so that a worker that serves only
/// the first few per block starves none of them.
pub fn rotate_for_block<X, N: sp_runtime::traits::UniqueSaturatedInto<u32>>(
	items: &mut [X],
	block: N,
) {
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
