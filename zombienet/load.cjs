// zombienet js-script: a transfer load in the background, and what it saw.
//
//   alice: js-script ./load.cjs with "start"
//     Spawns a detached child (this file, mode `child`) connected to NODE that, on every new
//     best block, sends balances.transferKeepAlive from each of SENDERS (nonces counted here),
//     and records to TMPDIR/load.jsonl, one JSON object a line with its time `t` (ms): each
//     transaction sent (`sent`: hash, sender, nonce), every block it was included in
//     (`inBlock`), its end (`txFinalized` or `failed`), and every finalized head (`finalized`).
//     Returns once the child has sent and seen a finalized head.
//   alice: js-script ./load.cjs with "down,45"
//     After `NODE: js-script ./finality.cjs with "mark"` and `bob: restart after 45 seconds`:
//     in the 45 s from the mark (bob killed), finality went on, 3 or more blocks past the mark's
//     best block and still in the second half — blocks produced after bob stopped were
//     finalized without it, which with 5 validators
//     needs the 4 others (GRANDPA: more than 2/3), the joined operator among them.
//   alice: js-script ./load.cjs with "check"
//     Stops the load (SIGTERM: the child sends no more and waits for what it sent), then checks
//     on NODE's chain that every transaction sent is in a block of the finalized chain and
//     succeeded.
//
// The child's pid goes to TMPDIR/zkp-pids (scripts/zombienet.sh stops what is left there).
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const SENDERS = ['Alice', 'Bob', 'Charlie', 'Dave', 'Ferdie'];
const AMOUNT = 10n ** 12n; // 1 ZKP
const files = (tmpDir) => ({ data: path.join(tmpDir, 'load.jsonl'), log: path.join(tmpDir, 'load.log'), pid: path.join(tmpDir, 'load.pid') });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const readRecords = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '')
  .split('\n').filter(Boolean).map((l) => JSON.parse(l));

async function waitUntil(what, ms, fn) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await sleep(500);
  }
}

// ---- the child: sends and records ---------------------------------------------------------

async function child(ws, dataFile) {
  const { ApiPromise, WsProvider, Keyring } = require('@polkadot/api');
  const { cryptoWaitReady } = require('@polkadot/util-crypto');
  const out = fs.openSync(dataFile, 'a');
  const rec = (o) => fs.writeSync(out, `${JSON.stringify({ t: Date.now(), ...o })}\n`);
  const api = await ApiPromise.create({ provider: new WsProvider(ws), noInitWarn: true });
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const senders = SENDERS.map((name) => ({ name, pair: keyring.addFromUri(`//${name}`) }));
  for (const s of senders) s.nonce = (await api.rpc.system.accountNextIndex(s.pair.address)).toNumber();
  const pending = new Set();
  let stopping = false;
  process.on('SIGTERM', () => { stopping = true; rec({ kind: 'stopping', pending: pending.size }); });

  await api.rpc.chain.subscribeFinalizedHeads((h) => rec({ kind: 'finalized', number: h.number.toNumber(), hash: h.hash.toHex() }));
  // One transfer from each sender per new best block; nonces counted here, so that several can
  // be in the pool at once. A failure is recorded, never thrown (the check fails on it).
  const onStatus = async (hash, { status }) => {
    if (status.isInBlock) {
      const number = (await api.rpc.chain.getHeader(status.asInBlock)).number.toNumber();
      rec({ kind: 'inBlock', hash, block: status.asInBlock.toHex(), number });
    } else if (status.isRetracted) {
      rec({ kind: 'retracted', hash, block: status.asRetracted.toHex() });
    } else if (status.isFinalized) {
      rec({ kind: 'txFinalized', hash, block: status.asFinalized.toHex() });
      pending.delete(hash);
    } else if (status.isInvalid || status.isDropped || status.isUsurped || status.isFinalityTimeout) {
      rec({ kind: 'failed', hash, status: status.type });
      pending.delete(hash);
    }
  };
  const sendOne = async (s, to, best) => {
    const nonce = s.nonce++;
    let hash;
    try {
      const tx = api.tx.balances.transferKeepAlive(to, AMOUNT);
      await tx.signAsync(s.pair, { nonce });
      hash = tx.hash.toHex();
      pending.add(hash);
      rec({ kind: 'sent', hash, from: s.name, nonce, best });
      await tx.send((result) => onStatus(hash, result).catch((e) => rec({ kind: 'error', hash, error: String(e.message || e) })));
    } catch (e) {
      // The pool refused it; the nonce is counted again from the chain and pool.
      rec({ kind: 'rejected', hash, from: s.name, nonce, error: String(e.message || e) });
      if (hash) pending.delete(hash);
      s.nonce = (await api.rpc.system.accountNextIndex(s.pair.address)).toNumber();
    }
  };
  await api.rpc.chain.subscribeNewHeads(async (head) => {
    if (stopping) return;
    for (const [i, s] of senders.entries()) {
      await sendOne(s, senders[(i + 1) % senders.length].pair.address, head.number.toNumber())
        .catch((e) => rec({ kind: 'error', from: s.name, error: String(e.message || e) }));
    }
  });

  await waitUntil('stop', 24 * 3600 * 1000, () => stopping);
  // What was sent gets up to 150 s to be finalized.
  await waitUntil('sent transactions finalized', 150000, () => pending.size === 0).catch(() => {});
  rec({ kind: 'done', pending: [...pending] });
  await api.disconnect().catch(() => {});
  process.exit(0);
}

// ---- the steps ----------------------------------------------------------------------------

async function start(nodeName, networkInfo) {
  const f = files(networkInfo.tmpDir);
  const fd = fs.openSync(f.log, 'a');
  const c = spawn(process.execPath, [__filename, 'child', networkInfo.nodesByName[nodeName].wsUri, f.data],
    { detached: true, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  c.unref();
  fs.writeFileSync(f.pid, `${c.pid}\n`);
  fs.appendFileSync(path.join(networkInfo.tmpDir, 'zkp-pids'), `${c.pid}\n`);
  await waitUntil('the load to send and see finality', 60000, () => {
    if (c.exitCode !== null) throw new Error(`load child exited with ${c.exitCode}; log: ${f.log}`);
    const r = readRecords(f.data);
    return r.some((x) => x.kind === 'sent') && r.some((x) => x.kind === 'finalized');
  });
  console.log(`load: pid ${c.pid} sends ${SENDERS.length} transfers a block through ${nodeName}; records in ${f.data}`);
  return c.pid;
}

function down(networkInfo, seconds) {
  const mark = JSON.parse(fs.readFileSync(path.join(networkInfo.tmpDir, 'finality-mark.json'), 'utf8'));
  if (!mark.t) throw new Error('finality-mark.json has no time: run finality.cjs "mark" first');
  const end = mark.t + seconds * 1000;
  const heads = readRecords(files(networkInfo.tmpDir).data).filter((r) => r.kind === 'finalized' && r.t > mark.t && r.t < end);
  const top = Math.max(mark.finalized, ...heads.map((h) => h.number));
  // At least 3 blocks produced after the kill finalized, and finality still advancing in the
  // second half of the window (not one burst).
  const late = heads.filter((h) => h.t > end - (seconds * 1000) / 2 && h.number > mark.best);
  const summary = `mark: best #${mark.best} finalized #${mark.finalized}; in the ${seconds} s after it, ${heads.length} finalized heads, up to #${top}, ${late.length} in the second half`;
  if (top < mark.best + 3 || late.length === 0) throw new Error(`finality did not go on while the node was down: ${summary}`);
  console.log(`finality went on without the node: ${summary}`);
  return top - mark.finalized;
}

async function check(nodeName, networkInfo) {
  const f = files(networkInfo.tmpDir);
  const pid = Number(fs.readFileSync(f.pid, 'utf8'));
  try { process.kill(pid, 'SIGTERM'); } catch (e) { if (e.code !== 'ESRCH') throw e; }
  const done = await waitUntil('the load to end', 170000, () => readRecords(f.data).find((r) => r.kind === 'done'));
  const records = readRecords(f.data);
  const sent = records.filter((r) => r.kind === 'sent');
  if (sent.length === 0) throw new Error(`the load sent nothing; log: ${f.log}`);
  const bad = records.filter((r) => r.kind === 'rejected' || r.kind === 'failed');
  if (bad.length) throw new Error(`${bad.length} transfers refused or failed: ${JSON.stringify(bad.slice(0, 5))}`);
  if (done.pending.length) throw new Error(`${done.pending.length} transfers never finalized: ${done.pending.slice(0, 5).join(', ')}`);

  // Every transfer, on the node's own chain: in a block of the finalized chain, and successful.
  const { ApiPromise, WsProvider } = require('@polkadot/api');
  const api = await ApiPromise.create({ provider: new WsProvider(networkInfo.nodesByName[nodeName].wsUri), noInitWarn: true });
  try {
    const finalized = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
    const blocks = new Map();
    const block = async (hash) => {
      if (!blocks.has(hash)) {
        const [signed, events] = await Promise.all([api.rpc.chain.getBlock(hash), api.query.system.events.at(hash)]);
        blocks.set(hash, { number: signed.block.header.number.toNumber(), xts: signed.block.extrinsics.map((x) => x.hash.toHex()), events });
      }
      return blocks.get(hash);
    };
    const canonical = new Map();
    const hashAt = async (n) => {
      if (!canonical.has(n)) canonical.set(n, (await api.rpc.chain.getBlockHash(n)).toHex());
      return canonical.get(n);
    };
    // Where each transaction was seen: { block, number } (`number` unknown for `txFinalized`).
    const where = new Map();
    for (const r of records) {
      if (r.kind === 'inBlock' || r.kind === 'txFinalized') where.set(r.hash, [...(where.get(r.hash) || []), { block: r.block, number: r.number }]);
    }
    const included = [];
    for (const tx of sent) {
      let found = null;
      for (const c of where.get(tx.hash) || []) {
        // Blocks of abandoned forks fail here, or are gone from the node (pruned at finality).
        if (c.number !== undefined && (c.number > finalized || (await hashAt(c.number)) !== c.block)) continue;
        const b = await block(c.block).catch(() => null);
        if (!b || b.number > finalized || (await hashAt(b.number)) !== c.block) continue;
        const index = b.xts.indexOf(tx.hash);
        if (index < 0) continue;
        const ok = b.events.some(({ phase, event }) => phase.isApplyExtrinsic && phase.asApplyExtrinsic.toNumber() === index &&
          api.events.system.ExtrinsicSuccess.is(event));
        if (!ok) throw new Error(`transfer ${tx.hash} (${tx.from}, nonce ${tx.nonce}) failed in #${b.number}`);
        found = b.number;
        break;
      }
      if (found === null) throw new Error(`transfer ${tx.hash} (${tx.from}, nonce ${tx.nonce}) is in no finalized block`);
      included.push(found - tx.best);
    }
    const bySender = SENDERS.map((n) => `${n} ${sent.filter((s) => s.from === n).length}`).join(', ');
    console.log(`load: all ${sent.length} transfers (${bySender}) in finalized blocks up to #${finalized}, each ${Math.min(...included)}..${Math.max(...included)} blocks after the best block it was sent at`);
    return sent.length;
  } finally {
    await api.disconnect().catch(() => {});
  }
}

async function run(nodeName, networkInfo, args) {
  if (args[0] === 'start') return start(nodeName, networkInfo);
  if (args[0] === 'down') return down(networkInfo, Number(args[1] || 45));
  if (args[0] === 'check') return check(nodeName, networkInfo);
  throw new Error(`unknown mode ${args[0]}`);
}

module.exports = { run };

if (require.main === module && process.argv[2] === 'child') {
  child(process.argv[3], process.argv[4]).catch((e) => { console.error(`load child: ${e.stack || e}`); process.exit(1); });
}
