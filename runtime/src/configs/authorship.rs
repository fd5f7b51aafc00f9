//! `pallet_authorship`: who authored the current block (read from the BABE pre-digest).

use crate::{Babe, Runtime, Session};
use pallet_session::FindAccountFromAuthorIndex;

impl pallet_authorship::Config for Runtime {
	type FindAuthor = FindAccountFromAuthorIndex<Self, Babe>;
	type EventHandler = ();
}

const _: fn() = || {
	let _ = core::marker::PhantomData::<Session>;
};
