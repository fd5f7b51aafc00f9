//! `pallet_sudo`: a superuser for development and local test networks. Only the
//! `development` and `local_testnet` genesis presets set a sudo key; a production chain spec
//! leaves it empty, so no call can pass the `Root` origin through sudo there.

use crate::{Runtime, RuntimeCall, RuntimeEvent};

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}
