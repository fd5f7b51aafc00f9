//! The pallets whose FRAME benchmarks `zkp-node benchmark pallet` can run.

frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_utility, Utility]
	[pallet_assets, Assets]
	[pallet_sudo, Sudo]
	[pallet_zk_verifier, ZkVerifier]
	[pallet_posp, Posp]
	[pallet_poi, Poi]
	[pallet_dual_consensus, DualConsensus]
);
