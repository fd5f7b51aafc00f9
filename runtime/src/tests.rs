//! Runtime tests: the genesis presets build, session keys are in place, a block with a signed
//! transfer executes, bad transactions are rejected without changing state, and a GRANDPA
//! equivocation with a key-ownership proof becomes an offence that slashes the validator.

use crate::{
	constants::{SLOT_DURATION, UNITS},
	genesis_config_presets::{self, ENDOWMENT, GENESIS_BOND},
	AccountId, Babe, Balances, BalancesCall, Executive, Grandpa, Header, Historical, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeOrigin, SessionKeys, SignedPayload, System, TxExtension,
	UncheckedExtrinsic,
};
use codec::Encode;
use frame_support::traits::KeyOwnerProofSystem;
use sp_consensus_babe::{
	digests::{PreDigest, SecondaryPlainPreDigest},
	BABE_ENGINE_ID,
};
use sp_core::{crypto::Pair, H256};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_runtime::{
	generic::{Digest, DigestItem, Era},
	traits::Header as _,
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	DispatchError, MultiSignature, Perbill,
};

/// Applies a genesis preset (a JSON patch) onto the default genesis config, as the node's
/// chain-spec builder does.
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) =>
			for (k, v) in patch {
				merge(base.entry(k).or_insert(serde_json::Value::Null), v);
			},
		(base, patch) => *base = patch,
	}
}

/// Externalities holding the genesis state of the named preset.
fn genesis_ext(preset: &str) -> sp_io::TestExternalities {
	let patch = genesis_config_presets::get_preset(&preset.into()).expect("preset exists");
	let mut config = serde_json::to_value(crate::RuntimeGenesisConfig::default()).unwrap();
	merge(&mut config, serde_json::from_slice(&patch).unwrap());
	let json = serde_json::to_vec(&config).unwrap();
	let mut ext = sp_io::TestExternalities::default();
	ext.execute_with(|| {
		frame_support::genesis_builder_helper::build_state::<crate::RuntimeGenesisConfig>(json)
			.expect("preset builds");
	});
	ext
}

/// Alice's free balance at genesis: her endowment less the bond every genesis validator holds.
const ALICE_FREE: u128 = ENDOWMENT - GENESIS_BOND;

fn account(k: Sr25519Keyring) -> AccountId {
	k.to_account_id()
}

fn free(k: Sr25519Keyring) -> u128 {
	pallet_balances::Pallet::<Runtime>::free_balance(account(k))
}

fn held_bond(k: Sr25519Keyring) -> u128 {
	use frame_support::traits::fungible::InspectHold;
	Balances::balance_on_hold(
		&crate::RuntimeHoldReason::DualConsensus(pallet_dual_consensus::HoldReason::Bond),
		&account(k),
	)
}

/// Starts block `number` in BABE slot `slot`, with the timestamp inherent applied.
fn start_block(number: u32, slot: u64) {
	let pre_digest = PreDigest::SecondaryPlain(SecondaryPlainPreDigest {
		authority_index: 0,
		slot: slot.into(),
	});
	let digest = Digest { logs: vec![DigestItem::PreRuntime(BABE_ENGINE_ID, pre_digest.encode())] };
	let parent = System::parent_hash();
	let header = Header::new(number, H256::zero(), H256::zero(), parent, digest);
	Executive::initialize_block(&header);
	let timestamp =
		UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(pallet_timestamp::Call::set {
			now: slot * SLOT_DURATION,
		}));
	Executive::apply_extrinsic(timestamp)
		.expect("inherent valid")
		.expect("inherent dispatches");
}

fn tx_extension(nonce: u32) -> TxExtension {
	(
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(Era::Immortal),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0),
		frame_system::WeightReclaim::<Runtime>::new(),
	)
}

/// A transaction signed by `signer` as a wallet would sign it.
fn signed(signer: Sr25519Keyring, nonce: u32, call: RuntimeCall) -> UncheckedExtrinsic {
	let extension = tx_extension(nonce);
	let genesis = System::block_hash(0);
	let payload = SignedPayload::from_raw(
		call.clone(),
		extension.clone(),
		(
			(),
			crate::VERSION.spec_version,
			crate::VERSION.transaction_version,
			genesis,
			genesis,
			(),
			(),
			(),
			(),
		),
	);
	let signature = payload.using_encoded(|p| signer.pair().sign(p));
	UncheckedExtrinsic::new_signed(
		call,
		account(signer).into(),
		MultiSignature::Sr25519(signature),
		extension,
	)
}

#[test]
fn every_preset_builds_with_its_validators() {
	let expected: [(&str, Vec<Sr25519Keyring>); 2] = [
		(sp_genesis_builder::DEV_RUNTIME_PRESET, vec![Sr25519Keyring::Alice]),
		(
			sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
			vec![
				Sr25519Keyring::Alice,
				Sr25519Keyring::Bob,
				Sr25519Keyring::Charlie,
				Sr25519Keyring::Dave,
			],
		),
	];
	assert_eq!(genesis_config_presets::preset_names().len(), expected.len());
	for (preset, validators) in expected {
		genesis_ext(preset).execute_with(|| {
			let mut want: Vec<AccountId> = validators.iter().map(|k| account(*k)).collect();
			want.sort();
			assert_eq!(pallet_session::Validators::<Runtime>::get(), want, "{preset}");
			assert_eq!(pallet_babe::Authorities::<Runtime>::get().len(), validators.len());
			assert_eq!(Grandpa::grandpa_authorities().len(), validators.len());
			assert_eq!(free(Sr25519Keyring::Alice), ALICE_FREE);
			assert_eq!(held_bond(Sr25519Keyring::Alice), GENESIS_BOND);
			assert_eq!(free(Sr25519Keyring::Ferdie), ENDOWMENT);
			assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(account(Sr25519Keyring::Alice)));
			// `historical` recorded session 0, so key-ownership proofs work from genesis on.
			assert!(pallet_session::historical::HistoricalSessions::<Runtime>::get(0).is_some());
			assert_eq!(Babe::epoch_config(), Some(crate::BABE_GENESIS_EPOCH_CONFIG));
			// Every genesis validator is bonded, validating and elected for sessions 0 and 1.
			for v in &want {
				let c = pallet_dual_consensus::Candidates::<Runtime>::get(v).expect("bonded");
				assert_eq!(c.intent, pallet_dual_consensus::Intent::Validate);
			}
			assert_eq!(pallet_dual_consensus::ActiveValidators::<Runtime>::get().to_vec(), want);
			assert_eq!(
				pallet_dual_consensus::PlannedSets::<Runtime>::get(1).map(|s| s.to_vec()),
				Some(want.clone())
			);
		});
	}
	genesis_ext(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		use frame_support::traits::Get;
		assert_eq!(
			<crate::configs::babe::EpochDuration as Get<u64>>::get(),
			genesis_config_presets::LOCAL_SESSION_SLOTS
		);
	});
	genesis_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		use frame_support::traits::Get;
		assert_eq!(
			<crate::configs::babe::EpochDuration as Get<u64>>::get(),
			crate::constants::EPOCH_DURATION_IN_SLOTS
		);
	});
	assert!(genesis_config_presets::get_preset(&"no-such-preset".into()).is_none());
}

#[test]
fn genesis_session_keys_are_the_dev_keys() {
	genesis_ext(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		for (sr, ed) in [
			(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		] {
			let keys = pallet_session::NextKeys::<Runtime>::get(account(sr)).expect("keys set");
			assert_eq!(keys, SessionKeys { babe: sr.public().into(), grandpa: ed.public().into() });
			let raw = SessionKeys::decode_into_raw_public_keys(&keys.encode()).expect("decodes");
			assert_eq!(raw.len(), 2);
		}
		assert!(pallet_session::NextKeys::<Runtime>::get(account(Sr25519Keyring::Eve)).is_none());
	});
}

#[test]
fn a_block_with_a_transfer_executes() {
	genesis_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let value = 42 * UNITS;
		start_block(1, 1_000_000);
		let xt = signed(
			Sr25519Keyring::Alice,
			0,
			RuntimeCall::Balances(BalancesCall::transfer_allow_death {
				dest: account(Sr25519Keyring::Bob).into(),
				value,
			}),
		);
		assert_eq!(Executive::apply_extrinsic(xt), Ok(Ok(())));
		let header = Executive::finalize_block();
		assert_eq!(*header.number(), 1);

		assert_eq!(free(Sr25519Keyring::Bob), ENDOWMENT + value);
		let fee = ALICE_FREE - value - free(Sr25519Keyring::Alice);
		assert!(fee > 0 && fee < UNITS, "fee {fee} is charged and small");
		assert!(System::events().iter().any(|r| matches!(
			&r.event,
			RuntimeEvent::Balances(pallet_balances::Event::Transfer { from, to, amount })
				if *from == account(Sr25519Keyring::Alice)
					&& *to == account(Sr25519Keyring::Bob) && *amount == value
		)));
		assert_eq!(
			frame_system::Pallet::<Runtime>::account_nonce(account(Sr25519Keyring::Alice)),
			1
		);
	});
}

#[test]
fn a_transaction_with_a_bad_signature_is_rejected_and_changes_nothing() {
	genesis_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		start_block(1, 1_000_000);
		let call = RuntimeCall::Balances(BalancesCall::transfer_allow_death {
			dest: account(Sr25519Keyring::Bob).into(),
			value: UNITS,
		});
		// Signed by Bob, claims to be from Alice.
		let good = signed(Sr25519Keyring::Bob, 0, call.clone());
		let forged = UncheckedExtrinsic::new_signed(
			call,
			account(Sr25519Keyring::Alice).into(),
			match good.preamble {
				sp_runtime::generic::Preamble::Signed(_, sig, _) => sig,
				_ => unreachable!("built signed"),
			},
			tx_extension(0),
		);
		assert_eq!(
			Executive::apply_extrinsic(forged),
			Err(TransactionValidityError::Invalid(InvalidTransaction::BadProof))
		);
		assert_eq!(free(Sr25519Keyring::Alice), ALICE_FREE);
		assert_eq!(free(Sr25519Keyring::Bob), ENDOWMENT);
		assert_eq!(
			frame_system::Pallet::<Runtime>::account_nonce(account(Sr25519Keyring::Alice)),
			0
		);
	});
}

#[test]
fn a_transfer_above_balance_fails_and_moves_nothing_but_the_fee() {
	genesis_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		start_block(1, 1_000_000);
		let xt = signed(
			Sr25519Keyring::Alice,
			0,
			RuntimeCall::Balances(BalancesCall::transfer_allow_death {
				dest: account(Sr25519Keyring::Bob).into(),
				value: ENDOWMENT * 2,
			}),
		);
		let outcome = Executive::apply_extrinsic(xt).expect("valid transaction");
		assert!(
			matches!(outcome, Err(DispatchError::Token(_)) | Err(DispatchError::Module(_))),
			"{outcome:?}"
		);
		assert_eq!(free(Sr25519Keyring::Bob), ENDOWMENT, "nothing arrives");
		let fee = ALICE_FREE - free(Sr25519Keyring::Alice);
		assert!(fee > 0 && fee < UNITS, "only the fee ({fee}) is paid");
	});
}

/// Two different prevotes by `who` in the same round: a GRANDPA equivocation.
/// Votes are signed for `signed_set_id`; the proof claims `set_id`.
fn grandpa_equivocation(
	who: Ed25519Keyring,
	set_id: u64,
	signed_set_id: u64,
	round: u64,
) -> sp_consensus_grandpa::EquivocationProof<H256, u32> {
	let signed_prevote = |target: H256| {
		let prevote = finality_grandpa::Prevote { target_hash: target, target_number: 1u32 };
		let payload = sp_consensus_grandpa::localized_payload(
			round,
			signed_set_id,
			&finality_grandpa::Message::Prevote(prevote.clone()),
		);
		(prevote, who.pair().sign(&payload).into())
	};
	sp_consensus_grandpa::EquivocationProof::new(
		set_id,
		sp_consensus_grandpa::Equivocation::Prevote(finality_grandpa::Equivocation {
			round_number: round,
			identity: who.public().into(),
			first: signed_prevote(H256::repeat_byte(1)),
			second: signed_prevote(H256::repeat_byte(2)),
		}),
	)
}

#[test]
fn a_grandpa_equivocation_is_an_offence_that_slashes_the_bond() {
	genesis_ext(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		start_block(1, 1_000_000);
		let offender = Ed25519Keyring::Bob;
		let key_owner_proof = Historical::prove((
			sp_consensus_grandpa::KEY_TYPE,
			sp_consensus_grandpa::AuthorityId::from(offender.public()),
		))
		.expect("Bob is a validator");
		let before = free(Sr25519Keyring::Bob);

		// Votes signed for another authority set do not prove an equivocation in this one.
		let bad = grandpa_equivocation(offender, 0, 7, 1);
		assert!(Grandpa::report_equivocation_unsigned(
			RuntimeOrigin::none(),
			Box::new(bad),
			key_owner_proof.clone()
		)
		.is_err());
		assert_eq!(free(Sr25519Keyring::Bob), before);

		Grandpa::report_equivocation_unsigned(
			RuntimeOrigin::none(),
			Box::new(grandpa_equivocation(offender, 0, 0, 1)),
			key_owner_proof.clone(),
		)
		.expect("valid equivocation report");

		// 1 offender of 4 validators: GRANDPA's slash fraction is (3·1/4)² = 56.25 %, burned
		// from Bob's held bond; his free balance is untouched, he is chilled and barred.
		let slashed = GENESIS_BOND - held_bond(Sr25519Keyring::Bob);
		assert_eq!(slashed, Perbill::from_rational(9u32, 16) * GENESIS_BOND);
		assert_eq!(free(Sr25519Keyring::Bob), before);
		let bob = pallet_dual_consensus::Candidates::<Runtime>::get(account(Sr25519Keyring::Bob))
			.unwrap();
		assert_eq!(bob.intent, pallet_dual_consensus::Intent::Idle);
		assert!(bob.barred_until > 0);
		assert!(System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Offences(pallet_offences::Event::Offence { .. })
		)));

		// The same offence cannot be reported twice.
		assert!(Grandpa::report_equivocation_unsigned(
			RuntimeOrigin::none(),
			Box::new(grandpa_equivocation(offender, 0, 0, 1)),
			key_owner_proof,
		)
		.is_err());
		assert_eq!(held_bond(Sr25519Keyring::Bob), GENESIS_BOND - slashed);
	});
}

// Keep `Balances` referenced for readers looking for where transfers go.
const _: Option<Balances> = None;

#[test]
fn repeated_offence_reports_slash_only_up_to_the_highest_fraction_per_session() {
	use sp_staking::offence::{OffenceDetails, OnOffenceHandler};
	genesis_ext(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let bob = account(Sr25519Keyring::Bob);
		let report = |fraction: Perbill, session: u32| {
			<crate::DualConsensus as OnOffenceHandler<_, _, _>>::on_offence(
				&[OffenceDetails { offender: (bob.clone(), ()), reporters: vec![] }],
				&[fraction],
				session,
			);
		};
		let bond = |p: u32| Perbill::from_percent(p) * GENESIS_BOND;
		let held = || held_bond(Sr25519Keyring::Bob);
		report(Perbill::from_percent(10), 0);
		assert_eq!(held(), GENESIS_BOND - bond(10));
		// pallet-offences reports the same offender again when another joins the time slot.
		report(Perbill::from_percent(10), 0);
		assert_eq!(held(), GENESIS_BOND - bond(10));
		report(Perbill::from_percent(30), 0);
		assert_eq!(held(), GENESIS_BOND - bond(30));
		report(Perbill::from_percent(20), 0);
		assert_eq!(held(), GENESIS_BOND - bond(30));
		// Another session is another offence.
		report(Perbill::from_percent(10), 1);
		assert_eq!(held(), GENESIS_BOND - bond(30) - Perbill::from_percent(10) * bond(70));
	});
}

#[test]
fn a_session_rotation_at_the_bounds_fits_in_the_block_it_is_charged() {
	use pallet_dual_consensus::WeightInfo;
	type W = <Runtime as pallet_dual_consensus::Config>::WeightInfo;
	let max_block = crate::configs::RuntimeBlockWeights::get().max_block;
	let candidates = crate::configs::dual_consensus::MaxCandidates::get();
	let validators = crate::configs::dual_consensus::MaxValidators::get();
	let agents = crate::configs::poi::PoiMaxAgents::get();
	let providers = crate::configs::posp::MaxStorageProviders::get();
	// pallet-session charges a rotating block the whole block; the election, the session end
	// and an era's payout at every bound must fit in it with room for the rest of the hooks.
	let rotation =
		W::elect(candidates)
			.saturating_add(W::end_session(validators))
			.saturating_add(W::pay_era(
				validators * crate::configs::dual_consensus::SessionsPerEra::get(),
				agents,
				providers,
			));
	assert!(
		rotation.ref_time() < max_block.ref_time() / 2,
		"rotation {rotation:?} vs block {max_block:?}"
	);
	assert!(rotation.proof_size() < max_block.proof_size() / 2);
}
