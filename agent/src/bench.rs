//! `zkp-agent bench seal`: what sealing costs an honest provider, what verification costs the
//! chain, and how much time a provider that deleted its replica would need to rebuild a
//! challenged leaf, against the challenge deadline.

use std::time::Instant;
use zkp_posp::{
	merkle, proof::SectorContent, sector_seed, verify_leaf_proof, SealedSector, Sealer, LEAF_DATA_BYTES,
};

fn pseudo_random(len: usize, salt: u64) -> Vec<u8> {
	let mut state = salt.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
	(0..len)
		.map(|_| {
			state ^= state << 13;
			state ^= state >> 7;
			state ^= state << 17;
			state as u8
		})
		.collect()
}

pub fn seal(sector_kib: u32, rounds: u32, sectors: u32, deadline_secs: f64) {
	let leaves = sector_kib;
	let mib = sector_kib as f64 / 1024.0;
	let mut seal_secs = Vec::new();
	let mut last = None;
	for s in 0..sectors {
		let data = pseudo_random(leaves as usize * LEAF_DATA_BYTES, s as u64 + 1);
		let root = merkle::data_root(&data);
		let seed = sector_seed(&[7; 32], s, root.as_fixed_bytes());
		let sealer = Sealer::new(&seed, rounds);
		let start = Instant::now();
		let sealed = SealedSector::seal(&sealer, &data, leaves, |_| ());
		let secs = start.elapsed().as_secs_f64();
		println!("seal: sector {s}: {sector_kib} KiB in {secs:.3} s ({:.3} MiB/s)", mib / secs);
		seal_secs.push(secs);
		last = Some((sealer, sealed, data, root));
	}
	seal_secs.sort_by(f64::total_cmp);
	let t_sector = seal_secs[seal_secs.len() / 2];
	let (sealer, sealed, data, root) = last.expect("at least one sector");

	// Verification, as the chain does it (natively here; the FRAME benchmark measures WASM).
	let hashes = merkle::data_leaf_hashes(&data);
	let content = SectorContent::Data { data_root: root, data_leaves: hashes.len() as u32 };
	let proofs: Vec<_> = (0..64).map(|i| sealed.prove((i * 7919) % leaves, &hashes).unwrap()).collect();
	let sealed_root = sealed.root();
	let start = Instant::now();
	for p in &proofs {
		verify_leaf_proof(&sealer, &sealed_root, leaves, content, p).expect("honest proof verifies");
	}
	let verify_us = start.elapsed().as_secs_f64() * 1e6 / proofs.len() as f64;
	let start = Instant::now();
	let mut n = 0;
	while start.elapsed().as_millis() < 300 {
		for i in 0..16 {
			let _ = sealed.prove((i * 31) % leaves, &hashes);
			n += 1;
		}
	}
	let prove_us = start.elapsed().as_secs_f64() * 1e6 / n as f64;

	// An attacker who kept nothing reseals from leaf 0 up to the challenged leaf i:
	// (i + 1) / leaves of a sector's sealing time, sequentially (each element needs the last).
	let t_leaf = t_sector / leaves as f64;
	let lpc = 4.0;
	let expected_max = lpc / (lpc + 1.0);
	let reseal_expected = t_sector * expected_max;
	let p_in_time = (deadline_secs / t_sector).min(1.0).powf(lpc);
	println!("seal: median {t_sector:.3} s per {sector_kib} KiB sector = {:.3} MiB/s on one core; {:.1} µs per leaf", mib / t_sector, t_leaf * 1e6);
	println!("verify: {verify_us:.1} µs per challenged leaf (unseal + 3 Merkle paths, native)");
	println!("prove: {prove_us:.1} µs per leaf opened by the agent (sealed sector in memory)");
	println!(
		"reseal: a deleted replica takes {:.3} s to rebuild for a 4-leaf challenge (expected), up to {t_sector:.3} s; deadline {deadline_secs} s",
		reseal_expected
	);
	println!(
		"margin: {:.2}x (full-sector reseal / deadline); chance a replica-less provider answers in time: {:.3}",
		t_sector / deadline_secs,
		p_in_time
	);
	println!(
		"summary: seal {:.3} MiB/s, verify {verify_us:.0} µs/leaf, reseal {t_sector:.2} s vs deadline {deadline_secs} s (margin {:.2}x, rounds {rounds}, sector {sector_kib} KiB)",
		mib / t_sector,
		t_sector / deadline_secs
	);
}
