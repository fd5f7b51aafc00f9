//! The node's JSON-RPC extensions on top of Substrate's built-in `system_*`, `chain_*`,
//! `state_*`, `author_*` methods: account nonces (`system_accountNextIndex`), fee queries
//! (`payment_*`), BABE (`babe_epochAuthorship`) and GRANDPA (`grandpa_roundState`,
//! `grandpa_proveFinality`, `grandpa_subscribeJustifications`), the ZK verifier
//! (`zk_attestationProof`, `zk_verificationKey`) and the validator election
//! (`dualConsensus_candidates`).

use std::sync::Arc;

use jsonrpsee::RpcModule;
use sc_consensus_babe::BabeWorkerHandle;
use sc_consensus_grandpa::{
	FinalityProofProvider, GrandpaJustificationStream, SharedAuthoritySet, SharedVoterState,
};
use sc_rpc::SubscriptionTaskExecutor;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use sp_consensus::SelectChain;
use sp_keystore::KeystorePtr;
use zkp_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Hash, Nonce};

/// What the BABE RPC needs.
pub struct BabeDeps {
	pub babe_worker_handle: BabeWorkerHandle<Block>,
	pub keystore: KeystorePtr,
}

/// What the GRANDPA RPC needs.
pub struct GrandpaDeps<B> {
	pub shared_voter_state: SharedVoterState,
	pub shared_authority_set: SharedAuthoritySet<Hash, BlockNumber>,
	pub justification_stream: GrandpaJustificationStream<Block>,
	pub subscription_executor: SubscriptionTaskExecutor,
	pub finality_provider: Arc<FinalityProofProvider<B, Block>>,
}

/// Full client dependencies.
pub struct FullDeps<C, P, SC, B> {
	pub client: Arc<C>,
	pub pool: Arc<P>,
	pub select_chain: SC,
	pub babe: BabeDeps,
	pub grandpa: GrandpaDeps<B>,
}

/// Instantiate all full RPC extensions.
pub fn create_full<C, P, SC, B>(
	FullDeps { client, pool, select_chain, babe, grandpa }: FullDeps<C, P, SC, B>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
	C::Api: sp_consensus_babe::BabeApi<Block>,
	C::Api: BlockBuilder<Block>,
	C::Api: zkp_primitives::zk::ZkVerifierApi<Block, BlockNumber>,
	C::Api: zkp_primitives::consensus::DualConsensusApi<Block, AccountId, Balance>,
	P: TransactionPool + 'static,
	SC: SelectChain<Block> + 'static,
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
	B::State: sc_client_api::StateBackend<sp_runtime::traits::HashingFor<Block>>,
{
	use crate::{rpc_consensus::DualConsensusRpcServer, rpc_zk::ZkApiServer};
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use sc_consensus_babe_rpc::{Babe, BabeApiServer};
	use sc_consensus_grandpa_rpc::{Grandpa, GrandpaApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let BabeDeps { babe_worker_handle, keystore } = babe;
	let GrandpaDeps {
		shared_voter_state,
		shared_authority_set,
		justification_stream,
		subscription_executor,
		finality_provider,
	} = grandpa;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(crate::rpc_zk::Zk::new(client.clone()).into_rpc())?;
	module.merge(crate::rpc_consensus::DualConsensus::new(client.clone()).into_rpc())?;
	module.merge(Babe::new(client, babe_worker_handle, keystore, select_chain).into_rpc())?;
	module.merge(
		Grandpa::new(
			subscription_executor,
			shared_authority_set,
			shared_voter_state,
			justification_stream,
			finality_provider,
		)
		.into_rpc(),
	)?;

	Ok(module)
}
