//! `pallet_authorship`: who authored the current block (read from the BABE pre-digest); the
//! dual-consensus pallet counts each validator's blocks for its era reward and liveness.

use crate::{Babe, DualConsensus, Runtime, Session};
use pallet_session::FindAccountFromAuthorIndex;

impl pallet_authorship::Config for Runtime {
	type FindAuthor = FindAccountFromAuthorIndex<Self, Babe>;
	type EventHandler = DualConsensus;
}

const _: fn() = || {
	let _ = core::marker::PhantomData::<Session>;
};
