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
use zkp_primitives::zk::ZkVerifierApi;
use zkp_runtime::{opaque::Block, BlockNumber};

/// A statement's Merkle path to its block's attestation root.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct AttestationPath {
	pub statement: H256,
	pub block_number: BlockNumber,
	pub root: H256,
	pub leaf_index: u32,
	pub leaf_count: u32,
	pub proof: Vec<H256>,
}

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
	fn attestation_proof(&self, statement: H256, at: Option<H256>) -> RpcResult<Option<AttestationPath>>;

	/// A registered verification key by hash (null if none).
	#[method(name = "verificationKey")]
	fn verification_key(&self, vk_hash: H256, at: Option<H256>) -> RpcResult<Option<VerificationKeyInfo>>;
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
	fn attestation_proof(&self, statement: H256, at: Option<H256>) -> RpcResult<Option<AttestationPath>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let proof = self.client.runtime_api().attestation_proof(at, statement).map_err(runtime_error)?;
		Ok(proof.map(|p| AttestationPath {
			statement: p.statement,
			block_number: p.block_number,
			root: p.root,
			leaf_index: p.leaf_index,
			leaf_count: p.leaf_count,
			proof: p.proof,
		}))
	}

	fn verification_key(&self, vk_hash: H256, at: Option<H256>) -> RpcResult<Option<VerificationKeyInfo>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let key = self.client.runtime_api().verification_key(at, vk_hash).map_err(runtime_error)?;
		Ok(key.map(|(curve, public_inputs, vk)| VerificationKeyInfo {
			curve: format!("{curve:?}"),
			public_inputs,
			vk: vk.into(),
		}))
	}
}
