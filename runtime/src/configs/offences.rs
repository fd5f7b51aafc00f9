//! `pallet_offences`: receives BABE and GRANDPA equivocation reports (each backed by a session
//! key-ownership proof) and hands each offence to `pallet-dual-consensus`, which burns the
//! slash fraction from the validator's *held* bond (once per session, up to the highest
//! fraction), chills it, bars it from elections and has the session pallet disable it.

use crate::{DualConsensus, Runtime, RuntimeEvent};

impl pallet_offences::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type IdentificationTuple = pallet_session::historical::IdentificationTuple<Self>;
	type OnOffenceHandler = DualConsensus;
}
