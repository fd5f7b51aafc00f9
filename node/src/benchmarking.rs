//! What `zkp-node benchmark overhead|extrinsic` needs from this chain: how to build a signed
//! `remark` and `transfer_keep_alive`, and the inherent data and BABE digest of a block.

use crate::service::FullClient;

use codec::Encode;
use sc_cli::Result;
use sp_consensus_babe::{
	digests::{PreDigest, SecondaryPlainPreDigest},
	Slot, BABE_ENGINE_ID,
};
use sp_core::Pair;
use sp_inherents::{InherentData, InherentDataProvider};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{generic::Era, DigestItem, OpaqueExtrinsic, SaturatedConversion};
use std::sync::Arc;
use zkp_runtime::{self as runtime, AccountId, Balance, BalancesCall, SystemCall};

/// Builds `system.remark` extrinsics.
pub struct RemarkBuilder {
	client: Arc<FullClient>,
}

impl RemarkBuilder {
	pub fn new(client: Arc<FullClient>) -> Self {
		Self { client }
	}
}

impl frame_benchmarking_cli::ExtrinsicBuilder for RemarkBuilder {
	fn pallet(&self) -> &str {
		"system"
	}

	fn extrinsic(&self) -> &str {
		"remark"
	}

	fn build(&self, nonce: u32) -> std::result::Result<OpaqueExtrinsic, &'static str> {
		let acc = Sr25519Keyring::Bob.pair();
		let extrinsic: OpaqueExtrinsic = create_benchmark_extrinsic(
			self.client.as_ref(),
			acc,
			SystemCall::remark { remark: vec![] }.into(),
			nonce,
		)
		.into();

		Ok(extrinsic)
	}
}

/// Builds `balances.transfer_keep_alive` extrinsics.
pub struct TransferKeepAliveBuilder {
	client: Arc<FullClient>,
	dest: AccountId,
	value: Balance,
}

impl TransferKeepAliveBuilder {
	pub fn new(client: Arc<FullClient>, dest: AccountId, value: Balance) -> Self {
		Self { client, dest, value }
	}
}

impl frame_benchmarking_cli::ExtrinsicBuilder for TransferKeepAliveBuilder {
	fn pallet(&self) -> &str {
		"balances"
	}

	fn extrinsic(&self) -> &str {
		"transfer_keep_alive"
	}

	fn build(&self, nonce: u32) -> std::result::Result<OpaqueExtrinsic, &'static str> {
		let acc = Sr25519Keyring::Bob.pair();
		let extrinsic: OpaqueExtrinsic = create_benchmark_extrinsic(
			self.client.as_ref(),
			acc,
			BalancesCall::transfer_keep_alive { dest: self.dest.clone().into(), value: self.value }
				.into(),
			nonce,
		)
		.into();

		Ok(extrinsic)
	}
}

/// A signed extrinsic as a wallet would build it, with all transaction extensions.
pub fn create_benchmark_extrinsic(
	client: &FullClient,
	sender: sp_core::sr25519::Pair,
	call: runtime::RuntimeCall,
	nonce: u32,
) -> runtime::UncheckedExtrinsic {
	use sp_blockchain::HeaderBackend;
	let genesis_hash = client.hash(0).ok().flatten().expect("Genesis block exists; qed");
	let best_hash = client.info().best_hash;
	let best_block = client.info().best_number;

	let period = runtime::configs::system::BlockHashCount::get()
		.checked_next_power_of_two()
		.map(|c| c / 2)
		.unwrap_or(2) as u64;
	let tx_ext: runtime::TxExtension = (
		frame_system::CheckNonZeroSender::<runtime::Runtime>::new(),
		frame_system::CheckSpecVersion::<runtime::Runtime>::new(),
		frame_system::CheckTxVersion::<runtime::Runtime>::new(),
		frame_system::CheckGenesis::<runtime::Runtime>::new(),
		frame_system::CheckEra::<runtime::Runtime>::from(Era::mortal(
			period,
			best_block.saturated_into(),
		)),
		frame_system::CheckNonce::<runtime::Runtime>::from(nonce),
		frame_system::CheckWeight::<runtime::Runtime>::new(),
		pallet_transaction_payment::ChargeTransactionPayment::<runtime::Runtime>::from(0),
		frame_system::WeightReclaim::<runtime::Runtime>::new(),
	);

	let raw_payload = runtime::SignedPayload::from_raw(
		call.clone(),
		tx_ext.clone(),
		(
			(),
			runtime::VERSION.spec_version,
			runtime::VERSION.transaction_version,
			genesis_hash,
			best_hash,
			(),
			(),
			(),
			(),
		),
	);
	let signature = raw_payload.using_encoded(|e| sender.sign(e));

	runtime::UncheckedExtrinsic::new_signed(
		call,
		sp_runtime::AccountId32::from(sender.public()).into(),
		runtime::Signature::Sr25519(signature),
		tx_ext,
	)
}

/// Inherent data (timestamp, BABE slot) and the BABE pre-runtime digest for a benchmark block.
/// The timestamp is "now", and the digest claims the matching slot so that `pallet-babe`'s
/// slot/timestamp check holds.
pub fn inherent_benchmark_data() -> Result<(InherentData, Vec<DigestItem>)> {
	let mut inherent_data = InherentData::new();
	let slot_duration =
		sp_consensus_babe::SlotDuration::from_millis(zkp_runtime::constants::SLOT_DURATION);
	let now = std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map_err(|e| format!("system clock before 1970: {e}"))?;
	let timestamp = sp_timestamp::InherentDataProvider::new(
		(now.as_millis() as u64 / slot_duration.as_millis() * slot_duration.as_millis()).into(),
	);
	let slot = Slot::from_timestamp(*timestamp, slot_duration);
	let babe_slot = sp_consensus_babe::inherents::InherentDataProvider::new(slot);

	futures::executor::block_on(timestamp.provide_inherent_data(&mut inherent_data))
		.map_err(|e| format!("creating timestamp inherent data: {e:?}"))?;
	futures::executor::block_on(babe_slot.provide_inherent_data(&mut inherent_data))
		.map_err(|e| format!("creating BABE inherent data: {e:?}"))?;

	let pre_digest =
		PreDigest::SecondaryPlain(SecondaryPlainPreDigest { authority_index: 0, slot });
	let digest = vec![DigestItem::PreRuntime(BABE_ENGINE_ID, pre_digest.encode())];
	Ok((inherent_data, digest))
}
