//! `dualConsensus_candidates`: every bonded account with its bond, PoI and PoSp scores, work
//! share, effective stake and whether it is elected, read through the `DualConsensusApi`
//! runtime API at the best (or a given) block. Balances and scores are decimal strings (they
//! exceed JavaScript's safe integers); the work share is in parts per 10^18.

use std::sync::Arc;

use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorObject, ErrorObjectOwned},
};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::{crypto::Ss58Codec, H256};
use zkp_primitives::consensus::{CandidateSummary, DualConsensusApi, Intent};
use zkp_runtime::{opaque::Block, AccountId, Balance};

/// One candidate, as the RPC returns it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct CandidateInfo {
	/// SS58 address.
	pub account: String,
	pub bond: String,
	pub poi_score: String,
	pub posp_score: String,
	/// Parts per 10^18 of all verified work.
	pub work_share: String,
	pub effective_stake: String,
	pub intent: Intent<u32>,
	pub barred_until: u32,
	/// In the next session's validator set.
	pub elected: bool,
	/// In the current session's validator set.
	pub active: bool,
}

impl From<CandidateSummary<AccountId, Balance>> for CandidateInfo {
	fn from(c: CandidateSummary<AccountId, Balance>) -> Self {
		Self {
			account: c.account.to_ss58check(),
			bond: c.bond.to_string(),
			poi_score: c.poi_score.to_string(),
			posp_score: c.posp_score.to_string(),
			work_share: c.work_share.deconstruct().to_string(),
			effective_stake: c.effective_stake.to_string(),
			intent: c.intent,
			barred_until: c.barred_until,
			elected: c.elected,
			active: c.active,
		}
	}
}

#[rpc(server, namespace = "dualConsensus")]
pub trait DualConsensusRpc {
	/// Every bonded account in election order (best first).
	#[method(name = "candidates")]
	fn candidates(&self, at: Option<H256>) -> RpcResult<Vec<CandidateInfo>>;
}

/// The `dualConsensus_*` RPC handler.
pub struct DualConsensus<C> {
	client: Arc<C>,
}

impl<C> DualConsensus<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

fn runtime_error(e: impl std::fmt::Display) -> ErrorObjectOwned {
	ErrorObject::owned(9001, format!("runtime API error: {e}"), None::<()>)
}

impl<C> DualConsensusRpcServer for DualConsensus<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: DualConsensusApi<Block, AccountId, Balance>,
{
	fn candidates(&self, at: Option<H256>) -> RpcResult<Vec<CandidateInfo>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let list = self.client.runtime_api().candidates(at).map_err(runtime_error)?;
		Ok(list.into_iter().map(Into::into).collect())
	}
}
