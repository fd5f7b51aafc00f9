// Proof of Intelligence end to end, as operators and users run it: a `--dev` node with
// off-chain workers, one real IPFS daemon (scripts/ipfs.sh), one `zkp-agent` per compute
// agent, and the real all-MiniLM-L6-v2 sentence-embedding model.
//
//  1. Alice packs the model with `zkp-agent model pack` (bundle to IPFS) and registers it with
//     the tolerance rule; Dave, Eve and Ferdie register as agents with a stake, their `poi_`
//     keys in the node keystore and their own agent URLs and API tokens. A poisoned job for
//     the next task (same task id, another input), sent without the token, with a wrong one,
//     through a foreign Host or from a foreign Origin, is refused (401/403): no job is made.
//     A model naming a ZK key the verifier does not hold is refused.
//  2. Bob adds an input file (JSON sentences) to IPFS and submits a k=3 task; its agents are
//     drawn two blocks after the submission (randomness that did not exist when it was
//     included). The off-chain workers have the agents fetch the model and input, run the
//     model, write the output to IPFS, commit and reveal. The three agree and are paid; the
//     recorded output is one that a quorum of them revealed; the output CID is readable and
//     holds real embeddings (similar sentences are closer than unrelated ones).
//  3. Ferdie's agent is restarted with `--fault wrong-input` (it runs the model on an altered
//     input): in the next k=3 task it is outvoted and penalized; Dave and Eve are paid.
//  4. Ferdie's agent is restarted with `--fault stall` (it never answers): it is penalized
//     when the commit window closes; no free agent is left to replace it, so the task goes on
//     with Dave's and Eve's commitments and completes.
//  5. ZK mode: Alice makes an 8-32-4 ReLU MLP, runs `zkp-agent model zk-setup` (the circuit's
//     Groth16 keys), packs it (the bundle carries the proving key), registers the verification
//     key in the ZK verifier and the model with its circuit (key hash + weights commitment).
//     Dave alone declares he proves. Bob submits a k=1 ZK task naming the Poseidon commitment
//     of his input (`zkp-agent model zk-commit --input`): Dave's agent proves the fixed-point
//     forward pass, the chain checks the proof against the public inputs it derives itself
//     (weights, input, output commitments and the task/agent binding) and pays Dave; the output
//     file on IPFS commits to the recorded output hash and matches the float model closely.
//  6. Ferdie's agent runs with `--fault wrong-input` and is the only prover: its proof (of the
//     altered input) is refused on chain (poi.InvalidProof), it is penalized when the reveal
//     window closes, and the task is refunded.
// The last line printed is a one-line summary.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, blake2AsHex } from '@polkadot/util-crypto';
import { startNode, startAgent as startAgentProcess, setAgentInNode, attackAgent, recordEvents, stopNode, connect, waitFor, sendOk } from '../../tests/e2e/lib.mjs';

const WORK = process.env.POI_E2E_DIR || '/tmp/zkp-e2e-poi';
const TARGET = process.env.CARGO_TARGET_DIR || `${process.env.HOME}/.cache/zkp/target`;
const AGENT = process.env.ZKP_AGENT || join(TARGET, 'release', 'zkp-agent');
const IPFS_API = process.env.ZKP_IPFS_API || 'http://127.0.0.1:5001';
const MODEL_DIR = process.env.ZKP_MINILM_DIR;
const RPC_PORT = 19945;
const WS = `ws://127.0.0.1:${RPC_PORT}`;
const UNITS = 10n ** 12n;
const STAKE = 200n * UNITS;
const REWARD = 3n * UNITS;
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(0)} s`;
const say = (msg) => console.log(`[poi-e2e ${elapsed()}] ${msg}`);

const startAgent = (name, port, fault) => startAgentProcess({ agentBinary: AGENT, ipfsApi: IPFS_API, work: WORK, name, port, fault });

async function ipfsCat(cid) {
  const res = await fetch(`${IPFS_API}/api/v0/cat?arg=${encodeURIComponent(cid)}`, { method: 'POST' });
  if (!res.ok) throw new Error(`IPFS cat ${cid}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

function addFile(name, content) {
  const file = join(WORK, name);
  writeFileSync(file, content);
  return JSON.parse(execFileSync(AGENT, ['--ipfs', IPFS_API, 'storage', 'add', file]).toString()).cid;
}

const cosine = (a, b) => a.reduce((s, x, i) => s + x * b[i], 0) / Math.sqrt(a.reduce((s, x) => s + x * x, 0) * b.reduce((s, x) => s + x * x, 0));

async function main() {
  if (!MODEL_DIR) throw new Error('ZKP_MINILM_DIR is not set (scripts/e2e/poi.sh sets it)');
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519' });
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob');
  const agents = ['Dave', 'Eve', 'Ferdie'].map((n, i) => ({ name: n, pair: keyring.addFromUri(`//${n}`), port: 18101 + i }));
  for (const a of agents) a.agent = await startAgent(a.name.toLowerCase(), a.port);
  const node = startNode(['--dev', '--base-path', join(WORK, 'node'), '--rpc-port', String(RPC_PORT), '--port', '30445',
    '--prometheus-port', '19616', '--rpc-methods', 'unsafe', '--offchain-worker', 'always', '--no-mdns', '--no-telemetry', '-lruntime::poi=debug'], join(WORK, 'node.log'));
  let api;
  try {
    api = await connect(WS, node, 90000);
    say(`node up (${(await api.rpc.system.version()).toString()}), 3 agents up, IPFS at ${IPFS_API}`);
    const eventsOf = await recordEvents(api, 'poi');
    const blockNow = async () => (await api.rpc.chain.getHeader()).number.toNumber();

    // 1. The model, packed and on IPFS, registered with the tolerance rule; three agents.
    const packed = JSON.parse(execFileSync(AGENT, ['--ipfs', IPFS_API, 'model', 'pack', MODEL_DIR, '--framework', 'bert-embedding'], { maxBuffer: 1 << 20 }).toString());
    say(`model bundle on IPFS: ${packed.cid} (${(packed.size / 1e6).toFixed(1)} MB, blake2 ${packed.contentHash.slice(0, 18)}…)`);
    const modelId = (await api.query.poi.nextModelId()).toNumber();
    await sendOk(api, api.tx.poi.registerModel(packed.cid, packed.contentHash, 'BertEmbedding',
      'JSON array of strings (English sentences)', 'JSON {shape: [n, 384], data: [[f32; 384]; n]}: L2-normalised sentence embeddings',
      { Tolerance: { scaleBits: 16, tolerance: 64 } }, 32, null), alice);
    for (const a of agents) {
      await api.rpc.author.insertKey('poi_', `//${a.name}`, u8aToHex(a.pair.publicKey));
      await setAgentInNode(api, 'poi', a.pair.publicKey, a.agent);
    }
    // The attack: a job for the next task with the registered model and another input (a
    // JobRequest: task, seed, model CID, model hash, framework, input CID, sketch length,
    // scale bits, no ZK part), the ways a local process or a web page could send it.
    const nextTask = (await api.query.poi.nextTaskId()).toNumber();
    const poisoned = api.createType('(u64,H256,Bytes,H256,u8,Bytes,u32,u8,Option<u8>)',
      [nextTask, u8aToHex(new Uint8Array(32)), packed.cid, packed.contentHash, 0, addFile('poisoned.json', '["poisoned"]'), 32, 16, null]).toU8a();
    let codes;
    for (const a of agents) {
      codes = await attackAgent(a.agent, '/poi/job', poisoned);
      const jobs = await (await fetch(`${a.agent.url}/poi/jobs`)).json();
      if (jobs.length !== 0) throw new Error(`a refused request left jobs at ${a.name}'s agent: ${JSON.stringify(jobs)}`);
    }
    say(`poisoned job for task ${nextTask} refused by every agent (${Object.values(codes).join(', ')}), no job made`);
    await Promise.all(agents.map((a) => sendOk(api, api.tx.poi.registerAgent(STAKE, { cpuCores: 2, memoryGib: 24, gpus: 0, gpuMemoryGib: 0 }), a.pair)));
    say(`model ${modelId} registered; Dave, Eve and Ferdie registered as agents with ${STAKE / UNITS} ZKP each`);
    // A model cannot name a ZK key the verifier does not hold (nor could a held key be removed).
    const missingKey = await sendOk(api, api.tx.poi.registerModel(packed.cid, packed.contentHash, 'Mlp',
      'json', 'json', { Tolerance: { scaleBits: 16, tolerance: 64 } }, 8, { key: u8aToHex(new Uint8Array(32).fill(7)), weightsCommitment: u8aToHex(new Uint8Array(32)) }), bob).then(() => null, (e) => e.message);
    if (!missingKey || !missingKey.includes('UnknownZkKey')) throw new Error(`a model with an unknown ZK key was not refused: ${missingKey}`);
    say('a model naming an unregistered ZK key refused (poi.UnknownZkKey)');

    const runTask = async (label, sentences, window) => {
      const cid = addFile(`${label}.json`, JSON.stringify(sentences));
      const id = (await api.query.poi.nextTaskId()).toNumber();
      const submittedAt = await blockNow();
      await sendOk(api, api.tx.poi.submitTask(modelId, cid, REWARD, 3, window, 'Redundant'), bob);
      const done = await waitFor(() => eventsOf('TaskCompleted', (e) => e.task === id)[0] || eventsOf('TaskRefunded', (e) => e.task === id)[0], 300000, `task ${id}`);
      if (done.method !== 'TaskCompleted') throw new Error(`task ${id} refunded: ${JSON.stringify(done)}`);
      const submitted = eventsOf('TaskSubmitted', (e) => e.task === id)[0];
      const drawnAt = eventsOf('TaskAssigned', (e) => e.task === id).map((e) => e.block);
      if (Number(submitted.drawAt) < submitted.block + 2 || Math.min(...drawnAt) < submitted.block + 2) {
        throw new Error(`task ${id} included at ${submitted.block} was drawn at ${drawnAt}`);
      }
      // The recorded output must be one a quorum of the agents revealed (each reveal is read
      // from its block's extrinsics).
      const revealed = [];
      const revealBlocks = [...new Set(eventsOf('ResultRevealed', (e) => e.task === id).map((e) => e.block))];
      for (const number of revealBlocks) {
        const block = await api.rpc.chain.getBlock(await api.rpc.chain.getBlockHash(number));
        for (const x of block.block.extrinsics) {
          if (x.method.section === 'poi' && x.method.method === 'revealResult' && x.method.args[0].toNumber() === id) {
            revealed.push({ agent: x.signer.toString(), outputHash: x.method.args[1].outputHash.toHex() });
          }
        }
      }
      const vouchers = revealed.filter((r) => r.outputHash === done.outputHash).length;
      if (vouchers < 2) throw new Error(`task ${id}: the recorded output ${done.outputHash} was revealed by ${vouchers} agent(s)`);
      const task = (await api.query.poi.tasks(id)).unwrap();
      const states = Object.fromEntries(task.assignments.map((a) => [agents.find((x) => x.pair.address === a.agent.toString()).name, a.state.type]));
      return { id, cid, done, task, states, vouchers, blocks: done.block - submittedAt };
    };
    const name = (address) => agents.find((a) => a.pair.address === address).name;

    // 2. Honest agents agree on real embeddings.
    const sentences = ['A man is eating food.', 'A man is eating a piece of bread.', 'The new movie is awesome.', 'A cheetah is running behind its prey.'];
    const before = Object.fromEntries(await Promise.all(agents.map(async (a) => [a.name, (await api.query.system.account(a.pair.address)).data.free.toBigInt()])));
    const t1 = await runTask('input-1', sentences, 30);
    for (const [n, s] of Object.entries(t1.states)) if (s !== 'Paid') throw new Error(`${n} not paid in task ${t1.id}: ${JSON.stringify(s)}`);
    for (const a of agents) {
      const now = (await api.query.system.account(a.pair.address)).data.free.toBigInt();
      if (now <= before[a.name]) throw new Error(`${a.name} was not paid`);
    }
    const outCid = t1.done.outputCid;
    const outCidText = typeof outCid === 'string' && outCid.startsWith('0x') ? Buffer.from(outCid.slice(2), 'hex').toString() : outCid;
    const output = await ipfsCat(outCidText);
    if (blake2AsHex(output, 256) !== t1.done.outputHash) throw new Error('output file does not hash to the agreed output hash');
    const parsed = JSON.parse(Buffer.from(output).toString());
    if (parsed.shape[0] !== sentences.length || parsed.shape[1] !== 384) throw new Error(`unexpected output shape ${parsed.shape}`);
    const [e0, e1, e2] = parsed.data;
    const close = cosine(e0, e1), far = cosine(e0, e2);
    if (!(close > far + 0.2)) throw new Error(`embeddings do not look real: cos(food, bread) ${close}, cos(food, movie) ${far}`);
    say(`task ${t1.id}: drawn 2 blocks after its submission; 3 agents agreed in ${t1.blocks} blocks and were paid; ` +
      `output revealed by ${t1.vouchers} of them; ${outCidText} (${parsed.shape.join('×')}) ` +
      `hashes to the agreed hash; cos(food, bread) = ${close.toFixed(3)} > cos(food, movie) = ${far.toFixed(3)}`);

    // 3. Ferdie lies (runs the model on an altered input).
    const ferdie = agents[2];
    ferdie.agent.child.kill('SIGINT');
    await ferdie.agent.child.exited;
    ferdie.agent = await startAgent('ferdie', ferdie.port, 'wrong-input');
    const t2 = await runTask('input-2', ['Validators finalize blocks with GRANDPA.', 'Storage providers seal sectors.', 'The weather is nice today.'], 20);
    const lie = eventsOf('AgentPenalized', (e) => e.task === t2.id && e.agent === ferdie.pair.address)[0];
    if (!lie || lie.reason !== 'Disagreed') throw new Error(`the lying agent was not penalized: ${JSON.stringify(t2.states)}`);
    const paid2 = Object.entries(t2.states).filter(([, s]) => s === 'Paid').map(([n]) => n);
    if (paid2.length !== 2 || paid2.includes('Ferdie')) throw new Error(`unexpected payees in task ${t2.id}: ${paid2}`);
    say(`task ${t2.id}: Ferdie (--fault wrong-input) disagreed and lost ${BigInt(lie.slashed) / UNITS} ZKP; ${paid2.join(' and ')} paid`);

    // 4. Ferdie stalls.
    ferdie.agent.child.kill('SIGINT');
    await ferdie.agent.child.exited;
    ferdie.agent = await startAgent('ferdie', ferdie.port, 'stall');
    const t3 = await runTask('input-3', ['Proof of Intelligence pays for verified inference.', 'Agents commit before they reveal.'], 8);
    const stall = eventsOf('AgentPenalized', (e) => e.task === t3.id && e.agent === ferdie.pair.address)[0];
    if (!stall || stall.reason !== 'NoCommit') throw new Error(`the stalled agent was not penalized: ${JSON.stringify(t3.states)}`);
    const paid3 = Object.entries(t3.states).filter(([, s]) => s === 'Paid').map(([n]) => n);
    say(`task ${t3.id}: Ferdie (--fault stall) penalized at the commit deadline (${BigInt(stall.slashed) / UNITS} ZKP); completed by ${paid3.join(' and ')}`);
    const stake = (await api.query.poi.agents(ferdie.pair.address)).unwrap().stake.toBigInt();
    if (stake !== STAKE - BigInt(lie.slashed) - BigInt(stall.slashed)) throw new Error(`Ferdie's stake ${stake} does not match the penalties`);

    // Scores: wait for a scoring period to end after the last task.
    const lastBlock = t3.done.block;
    await waitFor(() => eventsOf('ScoresUpdated', (e) => e.block > lastBlock)[0], 120000, 'scores');
    const scores = Object.fromEntries(await Promise.all(agents.map(async (a) => [a.name, (await api.query.poi.scores(a.pair.address)).unwrap().average.toBigInt()])));
    if (!(scores.Dave > scores.Ferdie && scores.Eve > scores.Ferdie)) throw new Error(`scores do not follow verified work: ${JSON.stringify(scores, (k, v) => typeof v === 'bigint' ? v.toString() : v)}`);
    const zk = await zkScenario(api, { alice, bob, agents, eventsOf, ferdie, addFile, startAgent });
    const fmt = (v) => (Number(v) / 1e12).toFixed(3);
    console.log(`poi e2e: all-MiniLM-L6-v2 (${(packed.size / 1e6).toFixed(1)} MB bundle); task ${t1.id} k=3 agreed in ${t1.blocks} blocks, ` +
      `output ${outCidText} (${parsed.shape.join('x')}) readable; liar penalized in task ${t2.id} (${t2.blocks} blocks), ` +
      `staller penalized at the deadline in task ${t3.id}, completed by 2 (${t3.blocks} blocks); ` +
      `scores Dave ${fmt(scores.Dave)}, Eve ${fmt(scores.Eve)}, Ferdie ${fmt(scores.Ferdie)}; ` +
      `ZK: ${zk.constraints} constraints, k=1 task ${zk.honest} settled by Dave's proof in ${zk.blocks} blocks, ` +
      `wrong-input prover's proof refused and penalized in task ${zk.faulty}; ${elapsed()}`);
  } finally {
    if (api) await api.disconnect().catch(() => {});
    await stopNode(node);
    for (const a of agents) { if (a.agent.child.exitCode === null) a.agent.child.kill('SIGINT'); }
  }
}

// Steps 5 and 6 (see the top of the file).
async function zkScenario(api, { alice, bob, agents, eventsOf, ferdie, addFile, startAgent }) {
  const [dave] = agents;
  const zkDir = join(WORK, 'mlp-zk');
  execFileSync(AGENT, ['model', 'make-mlp', zkDir, '--layers', '8,32,4', '--seed', '5']);
  const setup = JSON.parse(execFileSync(AGENT, ['model', 'zk-setup', zkDir]).toString());
  const packed = JSON.parse(execFileSync(AGENT, ['--ipfs', IPFS_API, 'model', 'pack', zkDir, '--framework', 'mlp']).toString());
  const registered = await sendOk(api, api.tx.zkVerifier.registerVk('Bn254', setup.verifyingKey), alice);
  const vk = registered.events.find(({ event }) => api.events.zkVerifier.VkRegistered.is(event)).event.data;
  if (vk.vkHash.toHex() !== setup.keyHash || vk.publicInputs.toNumber() !== 4) throw new Error(`registered key ${vk.vkHash.toHex()} is not the setup's ${setup.keyHash}`);
  const model = (await api.query.poi.nextModelId()).toNumber();
  await sendOk(api, api.tx.poi.registerModel(packed.cid, packed.contentHash, 'Mlp', 'JSON [[8 numbers]]: one row, |x| < 128',
    'JSON {shape, data, quantized, scaleBits, outputCommitment}', 'Exact', 0,
    { key: setup.keyHash, weightsCommitment: setup.weightsCommitment }), alice);
  say(`ZK model ${model}: 8-32-4 ReLU MLP, ${setup.constraints} constraints, setup ${setup.setupMs} ms, ` +
    `proving key ${(setup.provingKeyBytes / 1e6).toFixed(1)} MB in the bundle; key ${setup.keyHash.slice(0, 18)}… registered`);
  const provers = async (prover) => {
    for (const a of agents) {
      const declared = (await api.query.poi.agents(a.pair.address)).unwrap().zkProver.isTrue;
      if (declared !== (a === prover)) await sendOk(api, api.tx.poi.setZkProver(a === prover), a.pair);
    }
  };
  const submitZk = async (label, row, window) => {
    const file = join(WORK, `${label}.json`);
    const cid = addFile(`${label}.json`, JSON.stringify([row]));
    const { commitment } = JSON.parse(execFileSync(AGENT, ['model', 'zk-commit', '--input', file]).toString());
    const id = (await api.query.poi.nextTaskId()).toNumber();
    await sendOk(api, api.tx.poi.submitTask(model, cid, REWARD, 1, window, { Zk: { inputCommitment: commitment } }), bob);
    const done = await waitFor(() => eventsOf('TaskCompleted', (e) => e.task === id)[0] || eventsOf('TaskRefunded', (e) => e.task === id)[0], 300000, `ZK task ${id}`);
    return { id, file, done };
  };
  const reveals = async (id, from, to) => {
    const out = [];
    for (let n = from; n <= to; n++) {
      const hash = await api.rpc.chain.getBlockHash(n);
      const [block, events] = await Promise.all([api.rpc.chain.getBlock(hash), api.query.system.events.at(hash)]);
      block.block.extrinsics.forEach((x, i) => {
        if (x.method.section !== 'poi' || x.method.method !== 'revealResult' || x.method.args[0].toNumber() !== id) return;
        const failed = events.find(({ phase, event }) => phase.isApplyExtrinsic && phase.asApplyExtrinsic.toNumber() === i && api.events.system.ExtrinsicFailed.is(event));
        const error = failed && failed.event.data.dispatchError.isModule ? api.registry.findMetaError(failed.event.data.dispatchError.asModule).name : failed && 'other';
        out.push({ agent: x.signer.toString(), proof: x.method.args[3].isSome ? x.method.args[3].unwrap().length : 0, error });
      });
    }
    return out;
  };

  // 5. Dave proves.
  await provers(dave);
  const before = (await api.query.system.account(dave.pair.address)).data.free.toBigInt();
  const honest = await submitZk('zk-input-1', [0.5, -1, 2, 0.25, 3, -2, 1.5, 0], 20);
  if (honest.done.method !== 'TaskCompleted') throw new Error(`ZK task ${honest.id} refunded: ${JSON.stringify(honest.done)}`);
  const task = (await api.query.poi.tasks(honest.id)).unwrap();
  if (task.assignments.length !== 1 || task.assignments[0].agent.toString() !== dave.pair.address || task.assignments[0].state.type !== 'Paid') {
    throw new Error(`ZK task ${honest.id}: ${JSON.stringify(task.assignments.toHuman())}`);
  }
  if ((await api.query.system.account(dave.pair.address)).data.free.toBigInt() <= before) throw new Error('Dave was not paid for the proven task');
  const submitted = eventsOf('TaskSubmitted', (e) => e.task === honest.id)[0];
  const proven = (await reveals(honest.id, submitted.block, honest.done.block)).filter((r) => !r.error);
  if (proven.length !== 1 || proven[0].proof !== 256) throw new Error(`ZK task ${honest.id}: reveals ${JSON.stringify(proven)}`);
  const rawCid = honest.done.outputCid;
  const outCid = typeof rawCid === 'string' && rawCid.startsWith('0x') ? Buffer.from(rawCid.slice(2), 'hex').toString() : rawCid;
  const outFile = join(WORK, 'zk-output-1.json');
  writeFileSync(outFile, await ipfsCat(outCid));
  const { commitment: outCommitment } = JSON.parse(execFileSync(AGENT, ['model', 'zk-commit', '--output', outFile]).toString());
  if (outCommitment !== honest.done.outputHash) throw new Error(`output file commits to ${outCommitment}, the chain recorded ${honest.done.outputHash}`);
  const proved = JSON.parse(readFileSync(outFile, 'utf8'));
  const float = JSON.parse(execFileSync(AGENT, ['infer', '--model', zkDir, '--framework', 'mlp', '--input', honest.file]).toString());
  const gap = Math.max(...proved.data[0].map((v, i) => Math.abs(v - float.data[0][i])));
  if (!(gap < 0.1)) throw new Error(`the proven fixed-point output ${proved.data[0]} is far from the float model's ${float.data[0]}`);
  say(`ZK task ${honest.id} (k=1): Dave's ${proven[0].proof}-byte proof accepted, paid in ${honest.done.block - submitted.block} blocks; ` +
    `output ${outCid} commits to the recorded hash; fixed-point ${proved.data[0].map((v) => v.toFixed(3))} vs float within ${gap.toFixed(4)}`);

  // 6. Ferdie proves an altered input.
  ferdie.agent.child.kill('SIGINT');
  await ferdie.agent.child.exited;
  ferdie.agent = await startAgent('ferdie', ferdie.port, 'wrong-input');
  await provers(ferdie);
  const stakeBefore = (await api.query.poi.agents(ferdie.pair.address)).unwrap().stake.toBigInt();
  const faulty = await submitZk('zk-input-2', [1, 2, 3, 4, -1, -2, -3, -4], 8);
  if (faulty.done.method !== 'TaskRefunded') throw new Error(`ZK task ${faulty.id} with a faulty prover ended ${faulty.done.method}`);
  const refused = (await reveals(faulty.id, eventsOf('TaskSubmitted', (e) => e.task === faulty.id)[0].block, faulty.done.block))
    .filter((r) => r.agent === ferdie.pair.address);
  // The off-chain worker resends a refused reveal until the phase ends; one that lands after
  // it is refused as NotRevealPhase. Every proof it sent must have been refused.
  const checked = refused.filter((r) => r.error === 'InvalidProof' && r.proof === 256);
  if (!checked.length || refused.some((r) => r.error !== 'InvalidProof' && r.error !== 'NotRevealPhase')) throw new Error(`Ferdie's reveals: ${JSON.stringify(refused)}`);
  const penalty = eventsOf('AgentPenalized', (e) => e.task === faulty.id && e.agent === ferdie.pair.address)[0];
  if (!penalty || penalty.reason !== 'NoReveal') throw new Error(`Ferdie was not penalized in ZK task ${faulty.id}`);
  const stakeAfter = (await api.query.poi.agents(ferdie.pair.address)).unwrap().stake.toBigInt();
  if (stakeAfter !== stakeBefore - BigInt(penalty.slashed)) throw new Error(`Ferdie's stake ${stakeAfter} after the penalty`);
  say(`ZK task ${faulty.id}: Ferdie (--fault wrong-input) revealed ${checked.length} proof(s) of the altered input, each refused (poi.InvalidProof); ` +
    `penalized ${BigInt(penalty.slashed) / UNITS} ZKP at the reveal deadline; task refunded`);
  await provers(null);
  return { constraints: setup.constraints, honest: honest.id, faulty: faulty.id, blocks: honest.done.block - submitted.block };
}

main().then(() => process.exit(0), (e) => {
  console.error(`poi e2e FAILED: ${e.stack || e}`);
  console.error(`logs: ${WORK}/node.log, ${WORK}/agent-*.log`);
  process.exit(1);
});
