//! Genesis presets (`sp-genesis-builder`): `development` (Alice alone validates) and
//! `local_testnet` (Alice, Bob, Charlie and Dave validate, with 1-minute sessions so that
//! elections are quick to watch and test). Every genesis validator is bonded
//! ([`GENESIS_BOND`]) and elected by the dual-consensus pallet. Both endow the well-known dev
//! accounts and make Alice the sudo key; a production chain spec would set none.

use crate::{
	constants::UNITS, AccountId, BabeConfig, Balance, BalancesConfig, DualConsensusConfig,
	RuntimeGenesisConfig, SessionConfig, SessionKeys, SudoConfig, BABE_GENESIS_EPOCH_CONFIG,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_babe::AuthorityId as BabeId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// What each endowed dev account starts with: one million ZKP.
pub const ENDOWMENT: Balance = 1_000_000 * UNITS;

/// What each genesis validator bonds: the minimum candidate bond.
pub const GENESIS_BOND: Balance = crate::configs::dual_consensus::MinCandidateBond::get();

/// The `local_testnet` session (BABE epoch): 10 slots, one minute.
pub const LOCAL_SESSION_SLOTS: u64 = 10;

/// The election and session settings of a preset.
pub struct Consensus {
	/// Seats the election fills (0: every seat up to `MaxValidators`).
	pub desired_validators: u32,
	/// BABE epoch length in slots (0: the runtime's default, 10 minutes).
	pub session_length: u64,
}

/// A validator at genesis: its account and its session keys.
pub struct GenesisAuthority {
	pub account: AccountId,
	pub babe: BabeId,
	pub grandpa: GrandpaId,
}

impl GenesisAuthority {
	/// The well-known dev authority `//Name`: sr25519 for BABE, ed25519 for GRANDPA, as
	/// `--alice`, `--bob`, … insert them into the keystore.
	pub fn dev(sr: Sr25519Keyring, ed: Ed25519Keyring) -> Self {
		Self { account: sr.to_account_id(), babe: sr.public().into(), grandpa: ed.public().into() }
	}
}

/// Builds the genesis JSON patch for the given authorities (bonded and validating), endowed
/// accounts, sudo key and consensus settings.
pub fn testnet_genesis(
	authorities: Vec<GenesisAuthority>,
	endowed_accounts: Vec<AccountId>,
	root: AccountId,
	consensus: Consensus,
) -> Value {
	let candidates: Vec<(AccountId, Balance)> =
		authorities.iter().map(|a| (a.account.clone(), GENESIS_BOND)).collect();
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed_accounts.iter().cloned().map(|k| (k, ENDOWMENT)).collect::<Vec<_>>(),
		},
		babe: BabeConfig { epoch_config: BABE_GENESIS_EPOCH_CONFIG },
		session: SessionConfig {
			keys: authorities
				.into_iter()
				.map(|a| {
					(a.account.clone(), a.account, SessionKeys { babe: a.babe, grandpa: a.grandpa })
				})
				.collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: Some(root) },
		dual_consensus: DualConsensusConfig {
			candidates,
			desired_validators: consensus.desired_validators,
			session_length: consensus.session_length,
		},
	})
}

/// The well-known development accounts that get an endowment.
fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::iter().map(|k| k.to_account_id()).collect()
}

/// `development`: Alice is the only validator and the sudo key.
pub fn development_config_genesis() -> Value {
	testnet_genesis(
		vec![GenesisAuthority::dev(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
		Consensus { desired_validators: 0, session_length: 0 },
	)
}

/// `local_testnet`: Alice, Bob, Charlie and Dave validate, five seats, one-minute sessions;
/// Alice is the sudo key.
pub fn local_testnet_genesis() -> Value {
	testnet_genesis(
		vec![
			GenesisAuthority::dev(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			GenesisAuthority::dev(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			GenesisAuthority::dev(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			GenesisAuthority::dev(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
		Consensus { desired_validators: 5, session_length: LOCAL_SESSION_SLOTS },
	)
}

/// Returns the JSON of the named preset.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to json is expected to work. qed.")
			.into_bytes(),
	)
}

/// The presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
