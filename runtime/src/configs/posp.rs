//! `pallet_posp`: Proof of Space. Providers seal 1 MiB sectors to their identity and answer
//! BABE-random challenges from their off-chain worker; see `docs/posp.md` for the parameters
//! and the margins they give.

use crate::{
	constants::{CENTS, UNITS},
	Babe, Balance, Balances, BlockNumber, Hash, Runtime, RuntimeEvent, RuntimeHoldReason, System,
};
use frame_support::{parameter_types, traits::Randomness};
use sp_runtime::traits::{BlakeTwo256, Hash as _};

/// Challenge and assignment randomness: BABE's `ParentBlockRandomness` (the VRF output of the
/// parent block, unknown before that block was authored), mixed with the subject; the parent
/// hash before the first VRF output. The block number it returns is the parent's: the pallets
/// only use it for requests included before that block (see `docs/randomness.md`).
pub struct ChallengeRandomness;
impl Randomness<Hash, BlockNumber> for ChallengeRandomness {
	fn random(subject: &[u8]) -> (Hash, BlockNumber) {
		let (random, block) = pallet_babe::ParentBlockRandomness::<Runtime>::random(subject);
		let random = random.unwrap_or_else(|| {
			let mut input = subject.to_vec();
			input.extend_from_slice(System::parent_hash().as_ref());
			BlakeTwo256::hash(&input)
		});
		(random, block)
	}
}

// Keep the BABE pallet type referenced: the randomness above reads its storage.
const _: Option<Babe> = None;

parameter_types! {
	/// Sectors are 1 MiB (1024 leaves of 1 KiB).
	pub const SectorLeaves: u32 = 1024;
	/// SLOTH rounds per element: sealing a 1 MiB sector takes ~2 s on one core here.
	pub const SealRounds: u32 = 4;
	/// A challenge (and reward) period is 5 blocks (30 s).
	pub const ChallengePeriod: BlockNumber = 5;
	/// Answers are due within 3 blocks (18 s).
	pub const ChallengeDeadline: BlockNumber = 3;
	/// Sealing and confirming a sector is due within 10 blocks (1 min).
	pub const SealDeadline: BlockNumber = 10;
	/// Leaves opened per challenge.
	pub const LeavesPerChallenge: u32 = 4;
	pub const MaxChallengesPerPeriod: u32 = 64;
	/// Closing a period visits every sector (74.1 µs each, benchmarked): 64 × 64 sectors is
	/// 0.30 s, a sixth of a block.
	pub const MaxStorageProviders: u32 = 64;
	pub const MaxSectorsPerProvider: u32 = 64;
	pub const MaxReplicas: u32 = 8;
	pub const MaxCidLen: u32 = 128;
	/// Orders last at most 30 days of periods.
	pub const MaxOrderPeriods: u32 = 30 * 24 * 60 * 2;
	pub const MaxOrdersAwaitingRepair: u32 = 1024;
	/// Providers that may give an order back as unfetchable before it ends, refunded.
	pub const MaxRejections: u32 = 3;
	/// At least 0.01 ZKP per replica and period.
	pub const MinPricePerPeriod: Balance = CENTS;
	/// 100 ZKP of collateral per committed sector.
	pub const CollateralPerSector: Balance = 100 * UNITS;
	/// A provider's collateral stays held a day (14,400 blocks) after it leaves.
	pub const CollateralUnbonding: BlockNumber = 14_400;
}

impl pallet_posp::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Randomness = ChallengeRandomness;
	type AuthorityId = pallet_posp::crypto::ProviderAuthId;
	type SectorLeaves = SectorLeaves;
	type SealRounds = SealRounds;
	type ChallengePeriod = ChallengePeriod;
	type ChallengeDeadline = ChallengeDeadline;
	type SealDeadline = SealDeadline;
	type LeavesPerChallenge = LeavesPerChallenge;
	type MaxChallengesPerPeriod = MaxChallengesPerPeriod;
	type MaxProviders = MaxStorageProviders;
	type MaxSectorsPerProvider = MaxSectorsPerProvider;
	type MaxReplicas = MaxReplicas;
	type MaxCidLen = MaxCidLen;
	type MaxOrderPeriods = MaxOrderPeriods;
	type MaxOrdersAwaitingRepair = MaxOrdersAwaitingRepair;
	type MaxRejections = MaxRejections;
	type MinPricePerPeriod = MinPricePerPeriod;
	type CollateralPerSector = CollateralPerSector;
	type CollateralUnbonding = CollateralUnbonding;
	type WeightInfo = pallet_posp::weights::SubstrateWeight<Runtime>;
}
