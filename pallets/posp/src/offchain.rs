//! The provider's off-chain worker: the bridge between the chain and the local `zkp-agent`.
//!
//! On every imported block, for each `posp` key in the node keystore whose account is a
//! registered provider:
//! 1. if the provider has an outstanding challenge, it asks the agent to open the challenged leaves
//!    (`POST /posp/prove`, fast: reads from the agent's sealed store) and submits
//!    [`Call::submit_proof`];
//! 2. for every sector waiting to be sealed, it starts or polls the sealing job (`POST /posp/seal`,
//!    idempotent; the agent fetches, pins and seals in the background) and, once sealed, submits
//!    [`Call::confirm_sector`] with the sealed root.
//!
//! Nothing slow runs here: each HTTP call has a short deadline and a sealing job is only polled,
//! in later blocks. Results are not trusted: the chain verifies every answer.
//!
//! The agent's URL is read from the node's persistent off-chain storage: the key
//! `zkp-posp::agent-url/` followed by the provider's 32-byte account id, then the key
//! `zkp-posp::agent-url`, then [`DEFAULT_AGENT_URL`] (set them with the
//! `offchain_localStorageSet` RPC). The agent's API token, sent as
//! `Authorization: Bearer <token>`, is read the same way from `zkp-posp::agent-token/ACCOUNT`
//! then `zkp-posp::agent-token`.

use crate::{pallet::*, types::*};
use alloc::{format, string::String, vec::Vec};
use codec::{Decode, Encode};
use frame_support::traits::Get;
use frame_system::{
	offchain::{AppCrypto, SendSignedTransaction, Signer},
	pallet_prelude::BlockNumberFor,
};
use sp_runtime::{
	traits::{IdentifyAccount, Saturating},
	RuntimeAppPublic,
};
use zkp_posp::api::{DataRef, ProveRequest, ProveResponse, SealRequest, SealStatus};
use zkp_primitives::offchain;

pub use zkp_primitives::offchain::DEFAULT_AGENT_URL;
/// Off-chain storage key of the agent URL (a provider-specific key appends its account id).
pub const AGENT_URL_KEY: &[u8] = b"zkp-posp::agent-url";
/// Off-chain storage key of the agent's API token (a provider-specific key appends its account id).
pub const AGENT_TOKEN_KEY: &[u8] = b"zkp-posp::agent-token";
/// How long one HTTP call to the agent may take.
const HTTP_DEADLINE_MS: u64 = 3_000;
/// Blocks before a confirmation or rejection is submitted again if it did not land.
const RESUBMIT_AFTER: u32 = 4;
/// An answer is submitted again every block while its challenge is open: one lost in the
/// pool must not become a strike.
const RESUBMIT_PROOF_AFTER: u32 = 1;
/// Blocks before its sealing deadline at which a replica whose file cannot be fetched or
/// checked is given back (the agent retries until then).
const REJECT_BEFORE_DEADLINE: u32 = 5;
/// Sealing jobs started or polled per provider and block.
const MAX_SEAL_POLLS: usize = 8;

const LOG: &str = "runtime::posp::ocw";

impl<T: Config> Pallet<T> {
	pub(crate) fn offchain_work(now: BlockNumberFor<T>) {
		let keys = <T::AuthorityId as AppCrypto<T::Public, T::Signature>>::RuntimeAppPublic::all();
		for key in keys {
			let generic: <T::AuthorityId as AppCrypto<T::Public, T::Signature>>::GenericPublic =
				key.into();
			let public: T::Public = generic.into();
			let account = public.clone().into_account();
			if !Providers::<T>::contains_key(&account) {
				continue;
			}
			let agent = Self::agent(&account);
			if let Err(e) = Self::serve_provider(&account, public, &agent, now) {
				log::warn!(target: LOG, "provider {:?}: {}", account, e);
			}
		}
	}

	fn agent(account: &T::AccountId) -> offchain::AgentApi {
		offchain::AgentApi::of(AGENT_URL_KEY, AGENT_TOKEN_KEY, &Self::provider_bytes(account))
	}

	/// The off-chain storage key recording when `tag` was last submitted for `account`.
	fn sent_key(account: &T::AccountId, tag: &[u8]) -> Vec<u8> {
		let mut key = b"zkp-posp::sent/".to_vec();
		key.extend_from_slice(&Self::provider_bytes(account));
		key.extend_from_slice(tag);
		key
	}

	/// Whether `tag` was submitted less than `after` blocks ago; records it if not.
	fn recently_sent(
		account: &T::AccountId,
		tag: &[u8],
		now: BlockNumberFor<T>,
		after: u32,
	) -> bool {
		offchain::recently_sent(&Self::sent_key(account, tag), now, after.into())
	}

	fn forget_sent(account: &T::AccountId, tag: &[u8]) {
		offchain::forget_sent(&Self::sent_key(account, tag));
	}

	/// Signs and submits `call`; if the pool refuses it, forgets `tag` so the next block tries
	/// again.
	fn send_or_forget(
		signer: &Signer<T, T::AuthorityId, frame_system::offchain::ForAll>,
		account: &T::AccountId,
		tag: &[u8],
		call: Call<T>,
	) {
		for (_, result) in signer.send_signed_transaction(|_| call.clone()) {
			if result.is_err() {
				Self::forget_sent(account, tag);
			}
		}
	}

	fn serve_provider(
		account: &T::AccountId,
		public: T::Public,
		agent: &offchain::AgentApi,
		now: BlockNumberFor<T>,
	) -> Result<(), String> {
		let provider = Self::provider_bytes(account);
		let signer = Signer::<T, T::AuthorityId>::all_accounts().with_filter(alloc::vec![public]);

		// 1. Answer the outstanding challenge.
		if let Some(challenge) = Challenges::<T>::get(account) {
			let tag = (b"proof", challenge.sector, challenge.deadline).encode();
			if now <= challenge.deadline &&
				!Self::recently_sent(account, &tag, now, RESUBMIT_PROOF_AFTER)
			{
				match Self::prove(account, &provider, &challenge, agent) {
					Ok(proofs) => {
						let sector = challenge.sector;
						Self::send_or_forget(
							&signer,
							account,
							&tag,
							Call::submit_proof { sector, proofs },
						);
						log::info!(target: LOG, "answered challenge on sector {} ({} leaves)", sector, challenge.leaves.len());
					},
					Err(e) => {
						Self::forget_sent(account, &tag);
						log::warn!(target: LOG, "cannot answer challenge on sector {}: {}", challenge.sector, e);
					},
				}
			}
		}

		// 2. Drive sealing jobs, starting at a different one each block so none starves.
		let mut sealing: Vec<(SectorIndex, SectorInfo<BlockNumberFor<T>>)> =
			Sectors::<T>::iter_prefix(account)
				.filter(|(_, s)| matches!(s.state, SectorState::Sealing { .. }))
				.collect();
		offchain::rotate_for_block(&mut sealing, now);
		for (sector, info) in sealing.into_iter().take(MAX_SEAL_POLLS) {
			let data = match info.content {
				SectorContent::Empty => None,
				SectorContent::Data { order } => {
					let Some(order) = Orders::<T>::get(order) else { continue };
					Some(DataRef {
						cid: order.cid.into_inner(),
						size: order.size,
						data_root: order.data_root,
					})
				},
			};
			let request = SealRequest {
				provider,
				sector,
				seed: info.seed,
				rounds: T::SealRounds::get(),
				sector_leaves: T::SectorLeaves::get(),
				data,
			};
			match Self::call_agent::<SealStatus>(agent, "/posp/seal", &request.encode()) {
				Ok(SealStatus::Sealed { sealed_root }) => {
					let tag = (b"confirm", sector, info.seed).encode();
					if !Self::recently_sent(account, &tag, now, RESUBMIT_AFTER) {
						Self::send_or_forget(
							&signer,
							account,
							&tag,
							Call::confirm_sector { sector, sealed_root },
						);
						log::info!(target: LOG, "sector {} sealed, confirming root {:?}", sector, sealed_root);
					}
				},
				Ok(SealStatus::Sealing { done, total }) =>
					log::debug!(target: LOG, "sector {} sealing: {}/{} leaves", sector, done, total),
				Ok(SealStatus::Failed { reason }) => {
					log::warn!(target: LOG, "sector {} cannot be sealed: {}", sector, String::from_utf8_lossy(&reason));
					let SectorState::Sealing { deadline } = info.state else { continue };
					let near = now.saturating_add(REJECT_BEFORE_DEADLINE.into()) >= deadline;
					let tag = (b"reject", sector, info.seed).encode();
					if matches!(info.content, SectorContent::Data { .. }) &&
						near && !Self::recently_sent(account, &tag, now, RESUBMIT_AFTER)
					{
						Self::send_or_forget(
							&signer,
							account,
							&tag,
							Call::reject_replica { sector },
						);
						log::warn!(target: LOG, "sector {}: giving the replica back before its sealing deadline", sector);
					}
				},
				Err(e) => return Err(e),
			}
		}
		Ok(())
	}

	fn prove(
		account: &T::AccountId,
		provider: &[u8; 32],
		challenge: &Challenge<BlockNumberFor<T>, T::LeavesPerChallenge>,
		agent: &offchain::AgentApi,
	) -> Result<frame_support::BoundedVec<zkp_posp::LeafProof, T::LeavesPerChallenge>, String> {
		let sector = Sectors::<T>::get(account, challenge.sector).ok_or("sector gone")?;
		let request = ProveRequest {
			provider: *provider,
			sector: challenge.sector,
			seed: sector.seed,
			leaves: challenge.leaves.to_vec(),
		};
		match Self::call_agent::<ProveResponse>(agent, "/posp/prove", &request.encode())? {
			ProveResponse::Proofs(proofs) =>
				proofs.try_into().map_err(|_| "too many proofs".into()),
			ProveResponse::Missing { reason } =>
				Err(format!("agent lacks the replica: {}", String::from_utf8_lossy(&reason))),
		}
	}

	/// POSTs a SCALE body to the agent and decodes the SCALE answer.
	fn call_agent<R: Decode>(
		agent: &offchain::AgentApi,
		path: &str,
		body: &[u8],
	) -> Result<R, String> {
		agent.call(path, body, HTTP_DEADLINE_MS)
	}
}
