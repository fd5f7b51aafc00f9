//! Proof of Space as seen by the rest of the runtime.
//!
//! `pallet-posp` exports each provider's proven storage through [`StorageContribution`]; the
//! consensus layer (validator selection and rewards) reads it without depending on the pallet.

/// A storage provider's verified contribution.
pub trait StorageContribution<AccountId> {
	/// Moving average of the sealed bytes the provider proved per period (0 if unknown).
	fn storage_score(who: &AccountId) -> u128;
	/// Sum of every provider's score.
	fn total_storage_score() -> u128;
	/// Every provider with a non-zero score, and the score (at most the pallet's provider
	/// bound): whom the consensus layer pays for storage.
	fn storage_contributors() -> alloc::vec::Vec<(AccountId, u128)>;
	/// Gives `who` a score, for benchmarks of the consensus layer.
	#[cfg(feature = "runtime-benchmarks")]
	fn set_storage_score(who: &AccountId, score: u128);
}

impl<AccountId> StorageContribution<AccountId> for () {
	fn storage_score(_: &AccountId) -> u128 {
		0
	}
	fn total_storage_score() -> u128 {
		0
	}
	fn storage_contributors() -> alloc::vec::Vec<(AccountId, u128)> {
		alloc::vec::Vec::new()
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn set_storage_score(_: &AccountId, _: u128) {}
}
