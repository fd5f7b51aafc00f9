// zombienet js-script: a validator operator, with the functions of scripts/validator.mjs (ESM,
// loaded with a dynamic import).
//
//   eve: js-script ./operator.cjs with "join" within 480 seconds
//     NODE's operator (account //Name) joins through NODE's RPC: rotates and sets session keys,
//     bonds the minimum, validates, becomes a PoSp provider (a zkp-agent started on loopback
//     against the IPFS API $ZKP_IPFS_API, binary $ZKP_AGENT), and waits until it is in
//     session.validators() and has authored a block; then until GRANDPA's authority set
//     holds its key and NODE votes in a set of that size, and its sector is sealed (Active).
//   bob: js-script ./operator.cjs with "authors" within 420 seconds
//     NODE (just restarted) authors a block again, and that block is in alice's finalized chain:
//     NODE resynced and is back in BABE and on the canonical chain.
//
// Processes started here (the agent) have their pid appended to TMPDIR/zkp-pids, which
// scripts/zombienet.sh stops when zombienet ends.
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const AGENT_PORT = Number(process.env.ZKP_ZOMBIE_AGENT_PORT || 18190);
const nameCase = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const validatorLib = () => import(pathToFileURL(path.join(__dirname, '..', 'scripts', 'validator.mjs')).href);

async function waitUntil(what, ms, fn) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await sleep(1000);
  }
}

async function joinNetwork(nodeName, networkInfo, seed) {
  const v = await validatorLib();
  const ws = networkInfo.nodesByName[nodeName].wsUri;
  const work = path.join(networkInfo.tmpDir, `operator-${nodeName}`);
  const log = (m) => console.log(`[${nodeName}] ${m}`);
  const api = await v.connectNode(ws);
  try {
    const t0 = Date.now();
    // Twice the minimum bond: stake beyond the minimum counts only once verified work backs it.
    const bond = 2n * api.consts.dualConsensus.minCandidateBond.toBigInt();
    const res = await v.join({
      api, ws, seed, work, log, watchMs: 440000, bond,
      agentBinary: process.env.ZKP_AGENT, ipfsApi: process.env.ZKP_IPFS_API, agentPort: AGENT_PORT,
    });

    // GRANDPA: the on-chain authority set has the operator's key, and the node's voter runs a
    // set of that size (the change is enacted once the block announcing it is finalized).
    const keys = (await api.query.session.nextKeys(res.address)).unwrap();
    const grandpaKey = keys.grandpa.toHex();
    const size = await waitUntil('GRANDPA set with the operator', 120000, async () => {
      const set = (await api.call.grandpaApi.grandpaAuthorities()).map(([id]) => id.toHex());
      const round = await api.rpc.grandpa.roundState();
      return set.includes(grandpaKey) && round.best.totalWeight.toNumber() === set.length && set.length;
    });
    log(`GRANDPA: ${size} authorities, including ${grandpaKey}`);

    // PoSp: the off-chain worker had the agent seal the sector and confirmed it.
    await waitUntil('sector 0 Active', 180000, async () => {
      const s = await api.query.posp.sectors(res.address, 0);
      return s.isSome && s.unwrap().state.isActive;
    });
    // Verified work: the sector answered a challenge, so the provider's score rose, and its
    // effective stake counts the bond beyond the minimum (the genesis validators, without work,
    // count only the minimum).
    const me = await waitUntil('a PoSp score from a proven sector', 180000, async () => {
      const c = (await v.candidates(api)).find((x) => x.account === res.address);
      return c && BigInt(c.pospScore) > 0n && BigInt(c.effectiveStake) === bond ? c : null;
    });
    const min = api.consts.dualConsensus.minCandidateBond.toBigInt();
    const others = (await v.candidates(api)).filter((c) => c.account !== res.address);
    if (!others.every((c) => BigInt(c.effectiveStake) <= min)) throw new Error('a validator without work counts more than the minimum');
    log(`sector proven; candidate: PoSp score ${me.pospScore}, work share ${me.workShare} ppq, effective stake ${me.effectiveStake} (the others: ${min})`);
    log(`joined in ${((Date.now() - t0) / 1000).toFixed(0)} s: active in session ${res.session}, authored #${res.block}`);
    return res.block;
  } finally {
    await api.disconnect().catch(() => {});
    // The agent `join` started (WORK/agent-NAME.pid), for scripts/zombienet.sh to stop, pass or fail.
    for (const f of fs.existsSync(work) ? fs.readdirSync(work).filter((n) => n.endsWith('.pid')) : []) {
      fs.appendFileSync(path.join(networkInfo.tmpDir, 'zkp-pids'), fs.readFileSync(path.join(work, f), 'utf8'));
    }
  }
}

async function authorsAgain(nodeName, networkInfo, seed) {
  const v = await validatorLib();
  const { address } = await v.operatorPair(seed);
  const api = await v.connectNode(networkInfo.nodesByName[nodeName].wsUri);
  const ref = await v.connectNode(networkInfo.nodesByName.alice.wsUri);
  try {
    // Only blocks above alice's best now count: NODE authored them after it came back.
    const from = (await ref.rpc.chain.getHeader()).number.toNumber();
    const mine = [];
    const unsub = await api.rpc.chain.subscribeNewHeads(async (h) => {
      const number = h.number.toNumber();
      if (number > from && (await v.blockAuthor(api, h).catch(() => undefined)) === address) mine.push({ number, hash: h.hash.toHex() });
    });
    try {
      const block = await waitUntil(`a block by ${nodeName} in alice's finalized chain`, 410000, async () => {
        const finalized = (await ref.rpc.chain.getHeader(await ref.rpc.chain.getFinalizedHead())).number.toNumber();
        for (const b of mine) {
          if (b.number <= finalized && (await ref.rpc.chain.getBlockHash(b.number)).toHex() === b.hash) return b;
        }
        return null;
      });
      console.log(`[${nodeName}] back: alice's best was #${from}; ${nodeName} authored #${block.number} (${block.hash}), finalized on alice`);
      return block.number;
    } finally {
      unsub();
    }
  } finally {
    await api.disconnect().catch(() => {});
    await ref.disconnect().catch(() => {});
  }
}

async function run(nodeName, networkInfo, args) {
  const seed = args[1] || `//${nameCase(nodeName)}`;
  if (args[0] === 'join') return joinNetwork(nodeName, networkInfo, seed);
  if (args[0] === 'authors') return authorsAgain(nodeName, networkInfo, seed);
  throw new Error(`unknown mode ${args[0]}`);
}

module.exports = { run };
