// Proof of Space end to end, as operators and users run it: a `--dev` node with off-chain
// workers, one real IPFS daemon (scripts/ipfs.sh), and one `zkp-agent` per storage provider.
//
//  0. Each agent has its own API token, given to the node with its URL. A sealing request
//     for Dave's sector with other rounds, sent without the token, through a foreign Host or
//     from a foreign Origin, is refused (401/403) and starts no job.
//  1. Dave, Eve and Ferdie register as providers (one 1 MiB sector each); their off-chain
//     workers have the agents seal the sectors and confirm the sealed roots.
//  2. Alice adds a file with `zkp-agent storage add` and places a 2-replica order; the two
//     providers drawn (two blocks after the order, never in its own block) fetch it from IPFS,
//     check its root, pin, seal and confirm: Active.
//  3. Challenges are answered by the off-chain workers and verified over several periods;
//     rewards and order payments are paid.
//  4. One holder's sealed data is deleted: its next challenge fails (strike 1), the order is
//     repaired by the third provider and is Active again.
//  5. That holder's agent is stopped: strikes escalate (5 %, 10 %, 15 % of the collateral left)
//     to a forced exit; its collateral stays held (unbonding).
//  6. Charlie, with no agent, registers and confirms a made-up root: it is never rewarded, its
//     challenge fails (strike 1 costs 5 %), and after leaving its collateral stays held.
// The last line printed is a one-line summary.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Keyring } from '@polkadot/keyring';
import { u8aConcat, stringToU8a, u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, blake2AsU8a } from '@polkadot/util-crypto';
import { startNode, startAgent as startAgentProcess, setAgentInNode, attackAgent, recordEvents, stopNode, connect, waitFor, sendOk } from '../../tests/e2e/lib.mjs';

const WORK = process.env.POSP_E2E_DIR || '/tmp/zkp-e2e-posp';
const TARGET = process.env.CARGO_TARGET_DIR || `${process.env.HOME}/.cache/zkp/target`;
const AGENT = process.env.ZKP_AGENT || join(TARGET, 'release', 'zkp-agent');
const IPFS_API = process.env.ZKP_IPFS_API || 'http://127.0.0.1:5001';
const RPC_PORT = 19944;
const WS = `ws://127.0.0.1:${RPC_PORT}`;
const UNITS = 10n ** 12n;
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(0)} s`;
const say = (msg) => console.log(`[posp-e2e ${elapsed()}] ${msg}`);

const startAgent = (name, port) => startAgentProcess({ agentBinary: AGENT, ipfsApi: IPFS_API, work: WORK, name, port });

async function main() {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519' });
  const alice = keyring.addFromUri('//Alice');
  const providers = ['Dave', 'Eve', 'Ferdie'].map((n) => ({ name: n, pair: keyring.addFromUri(`//${n}`) }));
  for (const [i, p] of providers.entries()) p.agent = await startAgent(p.name.toLowerCase(), 18091 + i);
  const node = startNode(['--dev', '--base-path', join(WORK, 'node'), '--rpc-port', String(RPC_PORT), '--port', '30444',
    '--prometheus-port', '19615', '--rpc-methods', 'unsafe', '--offchain-worker', 'always', '--no-mdns', '--no-telemetry'], join(WORK, 'node.log'));
  let api;
  try {
    api = await connect(WS, node, 90000);
    say(`node up (${(await api.rpc.system.version()).toString()}), 3 agents up, IPFS at ${IPFS_API}`);

    // Record every PoSp event with its block number.
    const eventsOf = await recordEvents(api, 'posp');

    // Each provider's key goes into the node keystore; each has its own agent URL and token.
    for (const p of providers) {
      await api.rpc.author.insertKey('posp', `//${p.name}`, u8aToHex(p.pair.publicKey));
      await setAgentInNode(api, 'posp', p.pair.publicKey, p.agent);
    }

    // 0. A poisoned sealing job for Dave's sector 0 (committed capacity, 1 round instead of
    //    the chain's 4), sent the ways a local process or a web page could: all refused.
    const dave = providers[0];
    const seed = blake2AsU8a(u8aConcat(stringToU8a('zkp-posp/seed/v1'), dave.pair.publicKey, new Uint8Array(4), new Uint8Array(32)));
    const poisoned = api.createType('([u8;32],u32,[u8;32],u32,u32,Option<(Bytes,u64,H256)>)', [dave.pair.publicKey, 0, seed, 1, 1024, null]).toU8a();
    const codes = await attackAgent(dave.agent, '/posp/seal', poisoned);
    const jobs = (await (await fetch(`${dave.agent.url}/status`)).json()).posp;
    if (jobs.length !== 0) throw new Error(`a refused request left sealing jobs: ${JSON.stringify(jobs)}`);
    say(`unauthenticated / foreign-Host / foreign-Origin seal requests refused (${Object.values(codes).join(', ')}), no job started`);

    // 1. Register and seal.
    await Promise.all(providers.map((p) => sendOk(api, api.tx.posp.registerProvider(1), p.pair)));
    say('3 providers registered with one 1 MiB sector each');
    const sectorActive = async (p) => {
      const s = await api.query.posp.sectors(p.pair.address, 0);
      return s.isSome && s.unwrap().state.isActive;
    };
    await waitFor(async () => (await Promise.all(providers.map(sectorActive))).every(Boolean), 180000, 'sealed sectors');
    say(`all sectors sealed by the agents and confirmed by the off-chain workers`);

    // 2. A file, added with the agent's tool, and an order for two replicas.
    const file = join(WORK, 'user-file.bin');
    writeFileSync(file, randomBytes(300 * 1024 + 123));
    const added = JSON.parse(execFileSync(AGENT, ['--ipfs', IPFS_API, 'storage', 'add', file]).toString());
    say(`user file on IPFS: ${added.cid}, ${added.size} bytes, data root ${added.dataRoot}`);
    const orderId = (await api.query.posp.nextOrderId()).toNumber();
    await sendOk(api, api.tx.posp.placeOrder(added.cid, added.size, added.dataRoot, 2, 40, UNITS), alice);
    const order = async () => (await api.query.posp.orders(orderId)).unwrap();
    await waitFor(async () => (await order()).status.isActive, 180000, 'order Active');
    // Nobody could know the providers when the order was included: drawn two blocks later.
    const placedAt = eventsOf('OrderPlaced', (e) => Number(e.order) === orderId)[0].block;
    const assignedAt = eventsOf('ReplicaAssigned', (e) => Number(e.order) === orderId).map((e) => e.block);
    if (assignedAt.length < 2 || Math.min(...assignedAt) < placedAt + 2) {
      throw new Error(`replicas drawn at blocks ${assignedAt} for an order placed at ${placedAt}`);
    }
    const holders = (await order()).holders.map((h) => h.provider.toString());
    say(`order ${orderId} Active, replicas sealed by ${holders.map((a) => providers.find((p) => p.pair.address === a).name).join(' and ')}`);

    // 3. Challenges answered and verified over several periods.
    const startBlock = (await api.rpc.chain.getHeader()).number.toNumber();
    await waitFor(async () => eventsOf('PeriodClosed', (e) => e.block > startBlock).length >= 3, 240000, '3 periods');
    const verified = eventsOf('ProofVerified', (e) => e.block > startBlock);
    const faults = eventsOf('ProviderFaulted', (e) => e.block > startBlock);
    if (verified.length < 6 || faults.length > 0) throw new Error(`expected every challenge answered: ${verified.length} verified, ${faults.length} faults`);
    const paid = eventsOf('ProviderPaid', (e) => e.block > startBlock && BigInt(e.orderPayments) > 0n);
    if (!paid.some((e) => holders.includes(e.provider))) throw new Error('replica holders were not paid');
    say(`${verified.length} challenge answers verified over 3 periods, no faults; holders paid from escrow`);

    // 4. Delete one holder's sealed data: its next challenge fails and the order is repaired.
    const victim = providers.find((p) => p.pair.address === holders[0]);
    const spare = providers.find((p) => !holders.includes(p.pair.address));
    await waitFor(async () => (await api.query.posp.challenges(victim.pair.address)).isNone, 60000, 'victim idle');
    for (const d of readdirSync(victim.agent.store)) rmSync(join(victim.agent.store, d), { recursive: true, force: true });
    const deletedAt = (await api.rpc.chain.getHeader()).number.toNumber();
    say(`deleted ${victim.name}'s sealed store at block ${deletedAt}`);
    const fault1 = await waitFor(() => eventsOf('ProviderFaulted', (e) => e.block > deletedAt && e.provider === victim.pair.address)[0], 120000, 'fault');
    say(`${victim.name} missed its challenge at block ${fault1.block}: strike ${fault1.strike}, slashed ${fault1.slashed} (5 % on the first strike)`);
    await waitFor(async () => {
      const o = await order();
      return o.status.isActive && o.holders.some((h) => h.provider.toString() === spare.pair.address);
    }, 180000, 'order repaired');
    const repairedAt = (await api.rpc.chain.getHeader()).number.toNumber();
    say(`order ${orderId} repaired by ${spare.name} and Active again at block ${repairedAt}`);

    // 5. Stop the victim's agent: strikes escalate to forced exit.
    victim.agent.child.kill('SIGINT');
    await victim.agent.child.exited;
    const stoppedAt = (await api.rpc.chain.getHeader()).number.toNumber();
    say(`stopped ${victim.name}'s agent at block ${stoppedAt}`);
    await waitFor(() => eventsOf('ProviderForcedOut', (e) => e.provider === victim.pair.address)[0], 300000, 'forced out');
    const victimFaults = eventsOf('ProviderFaulted', (e) => e.provider === victim.pair.address);
    const strikes = victimFaults.map((e) => `${e.strike}:${BigInt(e.slashed) / (UNITS / 100n)}`);
    const slashed = victimFaults.reduce((a, e) => a + BigInt(e.slashed), 0n);
    // Each strike burns its share of what is left: 5 %, 10 %, then 15 %.
    let left = 100n * UNITS;
    for (const f of victimFaults) {
      const due = left * [0n, 5n, 10n, 15n][Math.min(Number(f.strike), 3)] / 100n;
      if (BigInt(f.slashed) !== due) throw new Error(`strike ${f.strike} slashed ${f.slashed}, expected ${due}`);
      left -= due;
    }
    if ((await api.query.posp.providers(victim.pair.address)).isSome) throw new Error('forced-out provider still registered');
    const departure = await api.query.posp.departures(victim.pair.address);
    if (departure.isNone || departure.unwrap().collateral.toBigInt() !== left) throw new Error(`forced-out collateral not held: ${departure}`);
    const finalOrder = await order();
    if (!finalOrder.status.isActive) throw new Error(`order ${finalOrder.status.type} at the end`);
    say(`${victim.name} forced out after strikes ${strikes.join(', ')} (strike:cents slashed); ${left / UNITS} ZKP still held while unbonding`);

    // 6. A provider without an agent confirms a root it cannot open.
    const charlie = keyring.addFromUri('//Charlie');
    const joinedAt = (await api.rpc.chain.getHeader()).number.toNumber();
    await sendOk(api, api.tx.posp.registerProvider(1), charlie);
    await sendOk(api, api.tx.posp.confirmSector(0, u8aToHex(randomBytes(32))), charlie);
    const charlieFault = await waitFor(() => eventsOf('ProviderFaulted', (e) => e.provider === charlie.address)[0], 120000, 'made-up root faulted');
    if (BigInt(charlieFault.slashed) !== 5n * UNITS) throw new Error(`first strike slashed ${charlieFault.slashed}, expected 5 %`);
    const periods = eventsOf('PeriodClosed', (e) => e.block > joinedAt).length;
    if (eventsOf('ProviderPaid', (e) => e.provider === charlie.address).length > 0) throw new Error('a made-up root was rewarded');
    await sendOk(api, api.tx.posp.deregisterProvider(), charlie);
    const charlieHeld = (await api.query.posp.departures(charlie.address)).unwrap().collateral.toBigInt();
    if (charlieHeld !== 95n * UNITS) throw new Error(`collateral after leaving: ${charlieHeld}`);
    say(`Charlie's made-up root: no reward over ${periods} period(s), strike 1 slashed 5 ZKP, 95 ZKP still held after leaving`);

    const totalVerified = eventsOf('ProofVerified').length;
    // How many blocks after its challenge each verified answer landed (deadline: 3 blocks).
    const latencies = eventsOf('ProofVerified').map((v) => {
      const issued = eventsOf('ChallengeIssued', (c) => c.provider === v.provider && c.block <= v.block).pop();
      return v.block - issued.block;
    });
    const maxLatency = Math.max(...latencies);
    console.log(`posp e2e: 3 providers, order ${orderId} (${added.size} B, 2 replicas) Active; ${totalVerified} answers verified, each within ${maxLatency} block(s) of its challenge; ` +
      `deleted replica -> strike 1 at +${fault1.block - deletedAt} blocks, repaired by ${spare.name} at +${repairedAt - deletedAt}; ` +
      `agent stopped -> forced out, ${Number(slashed / (UNITS / 100n)) / 100} ZKP slashed in all; made-up root never paid, slashed 5 %; ${elapsed()}`);
  } finally {
    if (api) await api.disconnect().catch(() => {});
    await stopNode(node);
    for (const p of providers) { if (p.agent.child.exitCode === null) p.agent.child.kill('SIGINT'); }
  }
}

main().then(() => process.exit(0), (e) => {
  console.error(`posp e2e FAILED: ${e.stack || e}`);
  console.error(`logs: ${WORK}/node.log, ${WORK}/agent-*.log`);
  process.exit(1);
});
