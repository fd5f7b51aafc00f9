//! `zk_*` JSON-RPC methods: the ZK verifier's attestation paths and registered keys, read
//! through the `ZkVerifierApi` runtime API at the best (or a given) block.

use std::sync::Arc;

use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorObject, ErrorObjectOwned},
};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::H256;
use zkp_primitives::zk::{AttestationProof, ZkVerifierApi};
use zkp_runtime::{opaque::Block, BlockNumber};

/// A registered verification key.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct VerificationKeyInfo {
	pub curve: String,
	pub public_inputs: u32,
	pub vk: sp_core::Bytes,
}

#[rpc(server, namespace = "zk")]
pub trait ZkApi {
	/// The attestation path of a verified statement (null if unknown or pruned).
	#[method(name = "attestationProof")]
	fn attestation_proof(
		&self,
		statement: H256,
		at: Option<H256>,
	) -> RpcResult<Option<AttestationProof<BlockNumber>>>;

	/// A registered verification key by hash (null if none).
	#[method(name = "verificationKey")]
	fn verification_key(
		&self,
		vk_hash: H256,
		at: Option<H256>,
	) -> RpcResult<Option<VerificationKeyInfo>>;
}

/// The `zk_*` RPC handler.
pub struct Zk<C> {
	client: Arc<C>,
}

impl<C> Zk<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

fn runtime_error(e: impl std::fmt::Display) -> ErrorObjectOwned {
	ErrorObject::owned(9000, format!("runtime API error: {e}"), None::<()>)
}

impl<C> ZkApiServer for Zk<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ZkVerifierApi<Block, BlockNumber>,
{
	fn attestation_proof(
		&self,
		statement: H256,
		at: Option<H256>,
	) -> RpcResult<Option<AttestationProof<BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client
			.runtime_api()
			.attestation_proof(at, statement)
			.map_err(runtime_error)
	}

	fn verification_key(
		&self,
		vk_hash: H256,
		at: Option<H256>,
	) -> RpcResult<Option<VerificationKeyInfo>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let key = self.client.runtime_api().verification_key(at, vk_hash).map_err(runtime_error)?;
		Ok(key.map(|(curve, public_inputs, vk)| VerificationKeyInfo {
			curve: format!("{curve:?}"),
			public_inputs,
			vk: vk.into(),
		}))
	}
}
