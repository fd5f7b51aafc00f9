//! Chain specifications: `dev` (one validator, Alice) and `local` (Alice, Bob, Charlie, Dave), both
//! built from the runtime's genesis presets, or any JSON chain spec file.

use sc_service::ChainType;
use zkp_runtime::WASM_BINARY;

/// A chain spec of this node; no node-specific extensions.
pub type ChainSpec = sc_service::GenericChainSpec;

/// Token properties shown by polkadot.js and wallets.
fn properties() -> sc_chain_spec::Properties {
	let mut properties = sc_chain_spec::Properties::new();
	properties.insert("tokenSymbol".into(), "ZKP".into());
	properties.insert("tokenDecimals".into(), 12.into());
	properties.insert("ss58Format".into(), 42.into());
	properties
}

fn wasm_binary() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"Development wasm binary is not available. Build without SKIP_WASM_BUILD.".to_string()
	})
}

/// `--dev`: Alice alone produces and finalizes blocks.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("ZKP Development")
		.with_id("zkp_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `--chain local`: Alice, Bob, Charlie and Dave validate, with one-minute sessions.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("ZKP Local Testnet")
		.with_id("zkp_local_testnet")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}
