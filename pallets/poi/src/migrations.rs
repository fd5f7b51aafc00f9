//! Storage migrations.

/// v1 → v2: proven inference. A model's `zk_key: Option<H256>` became `zk: Option<ZkCircuit>`
/// (the key and the weights commitment the chain puts in every proof's public inputs), and
/// `VerificationMode::Zk` carries the task's input commitment.
///
/// A v1 key took the old three-input statement, which no circuit proves, so a v1 ZK model
/// keeps no circuit: its key hold is released, and its owner registers the model again with
/// `zkp-agent model zk-setup`'s key and commitment. An open v1 ZK task gets a zero input
/// commitment, which agents refuse (it is not its input's), so it ends refunded with nobody
/// penalized; no agent could have committed to it under v1, whose off-chain worker refused ZK
/// tasks. One pass over `Models` and `Tasks` (both bounded by deposits and task retention).
pub mod v2 {
	use crate::{pallet::*, types::*};
	use core::marker::PhantomData;
	use frame_support::{
		migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
	};
	use frame_system::pallet_prelude::BlockNumberFor;
	use sp_core::H256;
	use zkp_primitives::zk::ProofVerifier;

	/// The v1 layouts (only what changed is typed differently).
	pub mod v1 {
		use super::*;

		#[derive(Clone, Copy, Encode, Decode)]
		pub enum VerificationMode {
			#[codec(index = 0)]
			Redundant,
			#[codec(index = 1)]
			Zk,
		}

		#[derive(Encode, Decode)]
		pub struct ModelInfo<AccountId, Balance, MaxCidLen: Get<u32>, MaxSchemaLen: Get<u32>> {
			pub owner: AccountId,
			pub deposit: Balance,
			pub open_tasks: u32,
			pub cid: BoundedVec<u8, MaxCidLen>,
			pub content_hash: H256,
			pub framework: Framework,
			pub input_schema: BoundedVec<u8, MaxSchemaLen>,
			pub output_schema: BoundedVec<u8, MaxSchemaLen>,
			pub agreement: Agreement,
			pub sketch_len: u8,
			pub zk_key: Option<H256>,
		}

		#[derive(Encode, Decode)]
		pub struct InferenceTask<A, B, N, C: Get<u32>, S: Get<u32>, M: Get<u32>> {
			pub owner: A,
			pub model: ModelId,
			pub input_cid: BoundedVec<u8, C>,
			pub reward: B,
			pub redundancy: u8,
			pub commit_window: N,
			pub mode: VerificationMode,
			pub seed: H256,
			pub phase: TaskPhase<N>,
			pub assignments: BoundedVec<Assignment<A, C, S>, M>,
			pub replacements: u8,
			pub result: Option<TaskResult<C, S>>,
			pub submitted_at: N,
			pub remove_at: Option<N>,
		}

		pub type ModelOf<T> = ModelInfo<
			<T as frame_system::Config>::AccountId,
			BalanceOf<T>,
			<T as Config>::MaxCidLen,
			<T as Config>::MaxSchemaLen,
		>;
		pub type TaskOf<T> = InferenceTask<
			<T as frame_system::Config>::AccountId,
			BalanceOf<T>,
			BlockNumberFor<T>,
			<T as Config>::MaxCidLen,
			<T as Config>::MaxSketchLen,
			MaxAssignmentsOf<T>,
		>;
	}

	fn model<T: Config>(old: v1::ModelOf<T>) -> ModelOf<T> {
		if let Some(key) = old.zk_key {
			T::ProofVerifier::release_key(&key);
		}
		ModelInfo {
			owner: old.owner,
			deposit: old.deposit,
			open_tasks: old.open_tasks,
			cid: old.cid,
			content_hash: old.content_hash,
			framework: old.framework,
			input_schema: old.input_schema,
			output_schema: old.output_schema,
			agreement: old.agreement,
			sketch_len: old.sketch_len,
			zk: None,
		}
	}

	fn task<T: Config>(old: v1::TaskOf<T>) -> TaskOf<T> {
		InferenceTask {
			owner: old.owner,
			model: old.model,
			input_cid: old.input_cid,
			reward: old.reward,
			redundancy: old.redundancy,
			commit_window: old.commit_window,
			mode: match old.mode {
				v1::VerificationMode::Redundant => VerificationMode::Redundant,
				v1::VerificationMode::Zk => VerificationMode::Zk { input_commitment: H256::zero() },
			},
			seed: old.seed,
			phase: old.phase,
			assignments: old.assignments,
			replacements: old.replacements,
			result: old.result,
			submitted_at: old.submitted_at,
			remove_at: old.remove_at,
		}
	}

	/// The translation (run through [`MigrateV1ToV2`], which checks and bumps the version).
	pub struct Translate<T>(PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for Translate<T> {
		fn on_runtime_upgrade() -> Weight {
			let (mut entries, mut keys) = (0u64, 0u64);
			Models::<T>::translate::<v1::ModelOf<T>, _>(|_, old| {
				entries += 1;
				keys += u64::from(old.zk_key.is_some());
				Some(model::<T>(old))
			});
			Tasks::<T>::translate::<v1::TaskOf<T>, _>(|_, old| {
				entries += 1;
				Some(task::<T>(old))
			});
			// Each entry read and written; each released key hold read and written.
			T::DbWeight::get().reads_writes(entries + keys, entries + keys)
		}
	}

	/// Runs [`Translate`] once, at storage version 1, and sets version 2.
	pub type MigrateV1ToV2<T> =
		VersionedMigration<1, 2, Translate<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
}
