//! FRAME benchmarks. Every call runs its worst case: the longest CIDs and schemas, sketches
//! of `MaxSketchLen` entries, the most registered agents where a call scans them, deadline
//! and expiry buckets full but for the last one an entry may spill to, agents staked at the
//! minimum (so that every penalty also suspends, rewriting the full list of active agents),
//! and the last commit or reveal that moves a task on
//! (the reveal settles it, paying a majority and penalizing the rest).

use super::*;
use crate::Pallet as Poi;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, Get},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_core::H256;
use sp_runtime::traits::{Bounded, One, Saturating};
use zkp_primitives::poi::commitment;

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 1_000_000u32.into());
	who
}

fn longest<S: Get<u32>>(byte: u8) -> BoundedVec<u8, S> {
	vec![byte; S::get() as usize].try_into().expect("max length")
}

/// A tolerance-rule model with the longest sketches.
fn model<T: Config>() -> ModelId {
	let id = NextModelId::<T>::get();
	Poi::<T>::do_register_model(ModelInfo {
		owner: funded::<T>("owner", 0),
		deposit: T::ModelDeposit::get(),
		open_tasks: 0,
		cid: longest::<T::MaxCidLen>(b'm'),
		content_hash: H256::repeat_byte(1),
		framework: Framework::BertEmbedding,
		input_schema: longest::<T::MaxSchemaLen>(b'i'),
		output_schema: longest::<T::MaxSchemaLen>(b'o'),
		agreement: Agreement::Tolerance { scale_bits: 16, tolerance: 64 },
		sketch_len: T::MaxSketchLen::get() as u8,
		zk: None,
	})
	.expect("valid model");
	id
}

/// Registers agents `from..to`, staked at the minimum: any penalty suspends them.
fn agents<T: Config>(from: u32, to: u32) -> Vec<T::AccountId> {
	(from..to)
		.map(|i| {
			let who = funded::<T>("agent", i);
			Poi::<T>::do_register_agent(who.clone(), T::MinAgentStake::get(), Hardware::default())
				.expect("room for agents");
			who
		})
		.collect()
}

fn full_bucket<T: Config>() -> BoundedVec<TaskId, T::MaxDeadlinesPerBlock> {
	(0..T::MaxDeadlinesPerBlock::get() as u64)
		.map(|i| u64::MAX - i)
		.collect::<Vec<_>>()
		.try_into()
		.expect("max length")
}

/// Fills the deadline buckets from `at` on with made-up tasks, all but the last one a
/// deadline may spill to.
fn fill_buckets<T: Config>(at: BlockNumberFor<T>) {
	let mut block = at;
	for _ in 0..crate::functions::DEADLINE_SLACK {
		Deadlines::<T>::insert(block, full_bucket::<T>());
		block = block.saturating_add(1u32.into());
	}
}

/// The same for the expiry buckets of tasks ending now.
fn fill_expiries<T: Config>() {
	let mut block =
		frame_system::Pallet::<T>::block_number().saturating_add(T::TaskRetention::get());
	for _ in 0..crate::functions::DEADLINE_SLACK {
		Expiries::<T>::insert(block, full_bucket::<T>());
		block = block.saturating_add(1u32.into());
	}
}

/// Submits a `k`-agent task from a fresh user (its agents not drawn yet).
fn submitted<T: Config>(model: ModelId, k: u32) -> TaskId {
	let id = NextTaskId::<T>::get();
	Poi::<T>::do_submit_task(
		funded::<T>("user", 0),
		model,
		longest::<T::MaxCidLen>(b'c'),
		T::MinTaskReward::get().saturating_mul(1000u32.into()),
		k as u8,
		T::MinCommitWindow::get(),
		VerificationMode::Redundant,
	)
	.expect("enough agents");
	id
}

/// Submits a `k`-agent task and moves to its draw block (two on, with randomness from after
/// the submission), where its agents are drawn.
fn task<T: Config>(model: ModelId, k: u32) -> TaskId {
	let id = submitted::<T>(model, k);
	let at = frame_system::Pallet::<T>::block_number().saturating_add(2u32.into());
	run_to::<T>(at);
	let mut t = Tasks::<T>::get(id).expect("submitted");
	Poi::<T>::draw_task(id, &mut t, at);
	Tasks::<T>::insert(id, t);
	id
}

/// A result with the longest CID and sketch; `offset` moves every sketch entry.
fn result<T: Config>(offset: i32) -> TaskResultOf<T> {
	TaskResult {
		output_hash: H256::repeat_byte(7),
		output_cid: longest::<T::MaxCidLen>(b'o'),
		output_len: 384,
		sketch: vec![offset; T::MaxSketchLen::get() as usize].try_into().expect("max length"),
	}
}

/// The agents drawn for `id`, in draw order.
fn drawn<T: Config>(id: TaskId) -> Vec<T::AccountId> {
	Tasks::<T>::get(id)
		.expect("submitted")
		.assignments
		.iter()
		.map(|a| a.agent.clone())
		.collect()
}

/// The result agent `i` of a task reports: a majority agrees, the rest is far off.
fn result_of<T: Config>(i: usize, k: u32) -> TaskResultOf<T> {
	result::<T>(if i < (k as usize / 2 + 1) { 0 } else { 1_000_000 })
}

fn commit<T: Config>(id: TaskId, who: &T::AccountId, r: &TaskResultOf<T>) {
	let hash = commitment(id, who, &r.to_inference_result(), &[9; 32]);
	Poi::<T>::do_commit_result(who.clone(), id, hash).expect("assigned");
}

fn run_to<T: Config>(block: BlockNumberFor<T>) {
	frame_system::Pallet::<T>::set_block_number(block);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_model() {
		let owner = funded::<T>("owner", 0);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(owner),
			longest::<T::MaxCidLen>(b'm'),
			H256::repeat_byte(1),
			Framework::BertEmbedding,
			longest::<T::MaxSchemaLen>(b'i'),
			longest::<T::MaxSchemaLen>(b'o'),
			Agreement::Tolerance { scale_bits: 16, tolerance: 64 },
			T::MaxSketchLen::get() as u8,
			None,
		);

		assert!(Models::<T>::contains_key(0));
	}

	#[benchmark]
	fn unregister_model() {
		let model = model::<T>();
		let owner = Models::<T>::get(model).expect("registered").owner;

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), model);

		assert!(!Models::<T>::contains_key(model));
	}

	#[benchmark]
	fn set_zk_prover() {
		let who = agents::<T>(0, 1).remove(0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), true);

		assert!(Agents::<T>::get(&who).is_some_and(|a| a.zk_prover));
	}

	/// With `MaxAgents - 1` agents registered already.
	#[benchmark]
	fn register_agent() {
		agents::<T>(0, T::MaxAgents::get() - 1);
		let who = funded::<T>("agent", T::MaxAgents::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), T::MinAgentStake::get(), Hardware::default());

		assert!(Agents::<T>::contains_key(&who));
	}

	/// The last of `MaxAgents` active agents leaves.
	#[benchmark]
	fn deregister_agent() {
		let all = agents::<T>(0, T::MaxAgents::get());
		let who = all.last().expect("at least one").clone();

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(!ActiveAgents::<T>::get().contains(&who));
	}

	#[benchmark]
	fn withdraw_stake() {
		let who = agents::<T>(0, 1).remove(0);
		Poi::<T>::do_deregister_agent(who.clone()).expect("active");
		run_to::<T>(
			frame_system::Pallet::<T>::block_number().saturating_add(T::UnbondingPeriod::get()),
		);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(!Agents::<T>::contains_key(&who));
	}

	/// A `k`-agent task submitted with `a` active agents (counted for the early check), its
	/// draw filed past full buckets.
	#[benchmark]
	fn submit_task(
		k: Linear<2, { T::MaxRedundancy::get() }>,
		a: Linear<{ T::MaxRedundancy::get() }, { T::MaxAgents::get() }>,
	) {
		let model = model::<T>();
		agents::<T>(0, a);
		let user = funded::<T>("user", 0);
		let reward = T::MinTaskReward::get();
		fill_buckets::<T>(frame_system::Pallet::<T>::block_number().saturating_add(One::one()));

		#[extrinsic_call]
		_(
			RawOrigin::Signed(user),
			model,
			longest::<T::MaxCidLen>(b'c'),
			reward,
			k as u8,
			T::MinCommitWindow::get(),
			VerificationMode::Redundant,
		);

		assert!(matches!(Tasks::<T>::get(0).expect("submitted").phase, TaskPhase::Drawing { .. }));
	}

	/// In its draw block, a task's `k` agents are drawn among `a` active ones and its commit
	/// deadline is filed past full buckets.
	#[benchmark]
	fn draw_task(
		k: Linear<2, { T::MaxRedundancy::get() }>,
		a: Linear<{ T::MaxRedundancy::get() }, { T::MaxAgents::get() }>,
	) {
		let model = model::<T>();
		agents::<T>(0, a);
		let id = submitted::<T>(model, k);
		let at = frame_system::Pallet::<T>::block_number().saturating_add(2u32.into());
		run_to::<T>(at);
		fill_buckets::<T>(at.saturating_add(T::MinCommitWindow::get()));
		let mut t = Tasks::<T>::get(id).expect("submitted");

		#[block]
		{
			Poi::<T>::draw_task(id, &mut t, at);
		}

		assert_eq!(t.assignments.len(), k as usize);
		assert!(matches!(t.phase, TaskPhase::Commit { .. }));
	}

	/// The last of `k` agents commits: the reveal phase starts.
	#[benchmark]
	fn commit_result(k: Linear<2, { T::MaxRedundancy::get() }>) {
		let model = model::<T>();
		agents::<T>(0, k);
		let id = task::<T>(model, k);
		let drawn = drawn::<T>(id);
		for (i, who) in drawn.iter().enumerate().take(k as usize - 1) {
			commit::<T>(id, who, &result_of::<T>(i, k));
		}
		let last = drawn.last().expect("k agents").clone();
		fill_buckets::<T>(
			frame_system::Pallet::<T>::block_number().saturating_add(T::RevealWindow::get()),
		);

		#[extrinsic_call]
		_(RawOrigin::Signed(last), id, H256::repeat_byte(3));

		assert!(matches!(Tasks::<T>::get(id).expect("kept").phase, TaskPhase::Reveal { .. }));
	}

	/// The last of `k` agents reveals: the task settles, paying the majority and penalizing
	/// the rest.
	#[benchmark]
	fn reveal_result(k: Linear<2, { T::MaxRedundancy::get() }>) {
		let model = model::<T>();
		agents::<T>(0, T::MaxAgents::get());
		let id = task::<T>(model, k);
		let drawn = drawn::<T>(id);
		for (i, who) in drawn.iter().enumerate() {
			commit::<T>(id, who, &result_of::<T>(i, k));
		}
		for (i, who) in drawn.iter().enumerate().take(k as usize - 1) {
			Poi::<T>::do_reveal_result(who.clone(), id, result_of::<T>(i, k), [9; 32], None)
				.expect("committed");
		}
		let last = drawn.last().expect("k agents").clone();
		let r = result_of::<T>(k as usize - 1, k);
		fill_expiries::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(last), id, r, [9; 32], None);

		assert_eq!(Tasks::<T>::get(id).expect("kept").phase, TaskPhase::Completed);
	}

	/// A commit window closes with one of `k` agents committed: the `k - 1` others are
	/// penalized (and suspended) and replacements are drawn among `a` active agents.
	#[benchmark]
	fn close_commit(
		k: Linear<2, { T::MaxRedundancy::get() }>,
		a: Linear<{ 2 * T::MaxRedundancy::get() }, { T::MaxAgents::get() }>,
	) {
		let model = model::<T>();
		agents::<T>(0, a);
		let id = task::<T>(model, k);
		let first = drawn::<T>(id)[0].clone();
		commit::<T>(id, &first, &result::<T>(0));
		let mut t = Tasks::<T>::get(id).expect("submitted");
		let now =
			frame_system::Pallet::<T>::block_number().saturating_add(T::MinCommitWindow::get());
		run_to::<T>(now);
		fill_buckets::<T>(now.saturating_add(T::MinCommitWindow::get()));

		#[block]
		{
			Poi::<T>::close_commit(id, &mut t, now);
		}

		assert_eq!(t.replacements, 1);
		assert_eq!(t.assignments.len(), 2 * k as usize - 1);
	}

	/// A reveal window closes: of `k` committed agents a bare majority revealed (and is paid;
	/// for `k = 2` one revealed and the task is refunded); the rest are penalized.
	#[benchmark]
	fn close_reveal(k: Linear<2, { T::MaxRedundancy::get() }>) {
		let model = model::<T>();
		agents::<T>(0, T::MaxAgents::get());
		let id = task::<T>(model, k);
		let drawn = drawn::<T>(id);
		for who in &drawn {
			commit::<T>(id, who, &result::<T>(0));
		}
		for who in drawn.iter().take((k as usize / 2 + 1).min(k as usize - 1)) {
			Poi::<T>::do_reveal_result(who.clone(), id, result::<T>(0), [9; 32], None)
				.expect("committed");
		}
		let mut t = Tasks::<T>::get(id).expect("kept");
		fill_expiries::<T>();

		#[block]
		{
			Poi::<T>::close_reveal(id, &mut t);
		}

		assert!(matches!(t.phase, TaskPhase::Completed | TaskPhase::Refunded(_)));
	}

	/// A scoring period ends for `a` agents.
	#[benchmark]
	fn update_scores(a: Linear<1, { T::MaxAgents::get() }>) {
		let all = agents::<T>(0, a);
		for who in &all {
			Scores::<T>::insert(who, Score { period_work: 1_000, average: 5_000 });
		}

		#[block]
		{
			Poi::<T>::update_scores();
		}

		assert!(TotalScore::<T>::get() > 0);
	}

	impl_benchmark_test_suite!(Poi, crate::mock::new_test_ext(), crate::mock::Test);
}
