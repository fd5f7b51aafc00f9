// A validator operator's steps against a running node, as a CLI and as functions that the
// zombienet scripts reuse (zombienet/operator.cjs). docs/validator.md is the guide.
//
//   node scripts/validator.mjs COMMAND [--ws ws://127.0.0.1:9944] [--seed //Eve] [...]
//
//   rotate     new session keys in the node's keystore (author_rotateKeys, an unsafe RPC
//              method: the operator's own node, on its local RPC port); saved to WORK/session-keys
//   set-keys   session.setKeys(keys, proof) with the keys and ownership proof of the last `rotate`
//   bond [ZKP] dualConsensus.bond (or bondExtra up to that total); default: the minimum bond
//   validate   dualConsensus.validate(): a candidate from the next election
//   provider   a PoSp storage provider: starts (or points at) a zkp-agent, puts the `posp` key
//              in the node's keystore, gives the node the agent's URL and token,
//              posp.registerProvider(1)
//   watch      the dualConsensus_candidates table every session, until the account is in the
//              active set (session.validators()) and has authored a block
//   join       all of the above, in this order (skipping what is done already)
//   status     the table once, with the pallet's constants
//   chill | unbond | withdraw   dualConsensus.chill / unbond / withdrawUnbonded
//
// Flags: --ws URL (the operator's node), --seed SURI (the operator's account, sr25519; `status`
// and `watch` take --account ADDRESS instead),
// --bond ZKP, --agent-port PORT (8090), --agent-url URL and --agent-token-file FILE
// (an agent already running), --agent PATH (the zkp-agent binary), --ipfs-api URL
// (http://127.0.0.1:5001), --work DIR (agent store, token, log; $HOME/.cache/zkp/validator),
// --timeout SECONDS (watch; 0: none).
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join as joinPath, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, decodeAddress } from '@polkadot/util-crypto';
import { connect, sendOk, setAgentInNode, agentToken, waitFor } from '../tests/e2e/lib.mjs';

const TARGET = process.env.CARGO_TARGET_DIR || joinPath(homedir(), '.cache', 'zkp', 'target');
export const DEFAULTS = {
  ws: 'ws://127.0.0.1:9944',
  agentBinary: process.env.ZKP_AGENT || joinPath(TARGET, 'release', 'zkp-agent'),
  ipfsApi: process.env.ZKP_IPFS_API || 'http://127.0.0.1:5001',
  agentPort: 8090,
  work: joinPath(homedir(), '.cache', 'zkp', 'validator'),
};

// ---- accounts and amounts ----------------------------------------------------------------

/** The operator's sr25519 key pair from its secret URI (`//Eve`, a mnemonic, …). */
export async function operatorPair(seed) {
  if (!seed) throw new Error('--seed is required (the operator account, e.g. //Eve)');
  await cryptoWaitReady();
  return new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(seed);
}

// The dev accounts by address, so that tables show names on local networks.
const DEV = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];
let devNames;
function nameOf(address) {
  if (!devNames) {
    const k = new Keyring({ type: 'sr25519', ss58Format: 42 });
    devNames = new Map(DEV.map((n) => [k.addFromUri(`//${n}`).address, n]));
  }
  return devNames.get(address) || `${address.slice(0, 6)}…${address.slice(-4)}`;
}

const decimals = (api) => api.registry.chainDecimals[0] ?? 12;

/** `"1000"` or `"1000.5"` ZKP as the chain's integer units. */
export function parseAmount(api, text) {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(text).trim());
  const d = decimals(api);
  if (!m || (m[2] || '').length > d) throw new Error(`not an amount of ZKP: ${text}`);
  return BigInt(m[1]) * 10n ** BigInt(d) + BigInt((m[2] || '').padEnd(d, '0') || 0);
}

/** Integer units (BigInt, number or decimal string) as `1234.56 ZKP`. */
export function formatAmount(api, units) {
  const d = BigInt(decimals(api));
  const v = BigInt(String(units));
  const cents = (v % 10n ** d) / 10n ** (d - 2n);
  return `${v / 10n ** d}.${String(cents).padStart(2, '0')} ${api.registry.chainTokens[0] || 'ZKP'}`;
}

// ---- the node -----------------------------------------------------------------------------

/** @polkadot/api connected to the operator's node (tests/e2e/lib.mjs `connect`). */
export async function connectNode(ws = DEFAULTS.ws, ms = 60000) {
  await cryptoWaitReady();
  return connect(ws, null, ms);
}

/** A JSON-RPC call polkadot.js has no definition for, on the connection `api` uses. */
export const rawRpc = (api, method, params = []) => api._rpcCore.provider.send(method, params);

/** `dualConsensus_candidates` (node RPC), else the runtime API: plain objects, balances as strings. */
export async function candidates(api) {
  try {
    return await rawRpc(api, 'dualConsensus_candidates');
  } catch (e) {
    if (!/not found|-32601/i.test(String(e.message))) throw e;
  }
  const rows = await api.call.dualConsensusApi.candidates();
  return rows.map((r) => {
    const o = r.toPrimitive();
    for (const k of ['bond', 'effectiveStake', 'poiScore', 'pospScore', 'workShare']) o[k] = String(o[k]);
    o.account = r.account.toString();
    return o;
  });
}

// `'Validate'`, `'Idle'` or `{ Unbonding: { withdrawableAt: 12 } }` (any key case) as `Unbonding until 12`.
function intentName(i) {
  if (typeof i === 'string') return i;
  const [name, v] = Object.entries(i || { '?': null })[0];
  const until = v && typeof v === 'object' ? Object.values(v)[0] : undefined;
  return `${name.replace(/^./, (c) => c.toUpperCase())}${until !== undefined ? ` until ${until}` : ''}`;
}

/** The candidates as a text table; `me` (an address) is marked. */
export function candidatesTable(api, rows, me) {
  const pct = (ppq) => `${(Number(BigInt(String(ppq)) / 10n ** 12n) / 1e4).toFixed(2)} %`;
  const head = ['account', 'bond', 'effective stake', 'PoI', 'PoSp', 'work share', 'intent', 'next', 'now'];
  const body = rows.map((r) => [
    `${r.account === me ? '* ' : ''}${nameOf(r.account)}`, formatAmount(api, r.bond), formatAmount(api, r.effectiveStake),
    String(r.poiScore), String(r.pospScore), pct(r.workShare), intentName(r.intent), r.elected ? 'elected' : '-', r.active ? 'active' : '-',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  return [head, ...body].map((cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}

/** The pallet's constants and state that an operator needs, as numbers and BigInts. */
export async function chainInfo(api) {
  const c = api.consts.dualConsensus;
  const opt = (v) => (v === undefined ? undefined : v.toNumber());
  return {
    minCandidateBond: c.minCandidateBond.toBigInt(),
    minValidators: opt(c.minValidators),
    bondingDuration: opt(c.bondingDuration),
    offenceWindow: opt(c.offenceWindow),
    slashBarSessions: opt(c.slashBarSessions),
    maxOfflineSessions: opt(c.maxOfflineSessions),
    sessionsPerEra: opt(c.sessionsPerEra),
    desiredValidators: (await api.query.dualConsensus.desiredValidators()).toNumber(),
    session: (await api.query.session.currentIndex()).toNumber(),
    validators: (await api.query.session.validators()).map((v) => v.toString()),
  };
}

/**
 * The account that authored `header`: its BABE pre-digest's authority index in the validator set
 * of the block's own state. (api.derive.chain's `.author` reads the parent's set, which is the
 * previous session's for the first block of a session.)
 */
export async function blockAuthor(api, header) {
  const babe = header.digest.logs.find((l) => l.isPreRuntime && l.asPreRuntime[0].isBabe);
  if (!babe) return undefined;
  const validators = await api.query.session.validators.at(header.hash);
  return babe.asPreRuntime[0].extractAuthor(babe.asPreRuntime[1], validators)?.toString();
}

/** The account's `dualConsensus.candidates` entry, or null. */
export async function candidate(api, address) {
  const c = await api.query.dualConsensus.candidates(address);
  return c.isSome ? c.unwrap() : null;
}

// ---- the steps ----------------------------------------------------------------------------

const say = (log, msg) => log(`[validator] ${msg}`);

/**
 * author_rotateKeysWithOwner: new session keys in the node's keystore, with a proof that they
 * were generated for `owner` (the account's 32 bytes: `session.setKeys` checks that the keys
 * sign for the account registering them). Keys and proof are saved to WORK/session-keys.
 */
export async function rotate(api, { owner, work = DEFAULTS.work, log = console.log } = {}) {
  if (!owner) throw new Error('rotate needs the owner account (--seed or --account)');
  const ownerHex = u8aToHex(decodeAddress(owner));
  const { keys, proof } = await rawRpc(api, 'author_rotateKeysWithOwner', [ownerHex]);
  if (!proof) throw new Error('the node returned no ownership proof for the new keys');
  mkdirSync(work, { recursive: true });
  writeFileSync(joinPath(work, 'session-keys'), `${keys}\n${proof}\n`);
  say(log, `rotated session keys for ${nameOf(owner)}: ${keys} (with their ownership proof, saved to ${joinPath(work, 'session-keys')})`);
  return { keys, proof };
}

/** session.setKeys(keys, proof): `keys` become the account's session keys from the next session. */
export async function setKeys(api, pair, rotated, { work = DEFAULTS.work, log = console.log } = {}) {
  let { keys, proof } = rotated || {};
  if (!keys || !proof) {
    const file = joinPath(work, 'session-keys');
    if (!existsSync(file)) throw new Error(`no ${file}: run \`rotate\` first`);
    [keys, proof] = readFileSync(file, 'utf8').trim().split('\n');
  }
  if (!(await api.rpc.author.hasSessionKeys(keys)).isTrue) {
    throw new Error(`the node at this --ws does not hold the private keys of ${keys}: rotate on the node that will validate`);
  }
  await sendOk(api, api.tx.session.setKeys(keys, proof), pair);
  say(log, `session keys of ${nameOf(pair.address)} set: ${keys}`);
  return keys;
}

/** Session keys registered on chain whose private keys this node holds: rotates and sets them if not. */
export async function ensureSessionKeys(api, pair, opts = {}) {
  const log = opts.log || console.log;
  const next = await api.query.session.nextKeys(pair.address);
  if (next.isSome) {
    const keys = next.unwrap().toHex();
    if ((await api.rpc.author.hasSessionKeys(keys)).isTrue) {
      say(log, `session keys already set, and in this node's keystore: ${keys}`);
      return keys;
    }
  }
  return setKeys(api, pair, await rotate(api, { ...opts, owner: pair.address }), opts);
}

/** Bonds `amount` (default: the minimum), or bonds extra up to it when bonded already. */
export async function bond(api, pair, amount, { log = console.log } = {}) {
  const min = api.consts.dualConsensus.minCandidateBond.toBigInt();
  const want = amount === undefined || amount === null ? min : BigInt(amount);
  if (want < min) throw new Error(`bond ${formatAmount(api, want)} is below the minimum ${formatAmount(api, min)}`);
  const c = await candidate(api, pair.address);
  if (!c) {
    await sendOk(api, api.tx.dualConsensus.bond(want), pair);
    say(log, `bonded ${formatAmount(api, want)} (held; minimum ${formatAmount(api, min)})`);
  } else if (c.bond.toBigInt() < want) {
    const extra = want - c.bond.toBigInt();
    await sendOk(api, api.tx.dualConsensus.bondExtra(extra), pair);
    say(log, `bonded ${formatAmount(api, extra)} more: ${formatAmount(api, want)} in all`);
  } else {
    say(log, `already bonded ${formatAmount(api, c.bond.toBigInt())}`);
  }
}

/** dualConsensus.validate(), unless the account is a candidate already. */
export async function validate(api, pair, { log = console.log } = {}) {
  const c = await candidate(api, pair.address);
  if (!c) throw new Error('not bonded: run `bond` first');
  if (c.intent.type === 'Validate') {
    say(log, 'already validating (a candidate at every election)');
    return;
  }
  await sendOk(api, api.tx.dualConsensus.validate(), pair);
  say(log, `${nameOf(pair.address)} is a candidate from the next election`);
}

/** dualConsensus.chill / unbond / withdrawUnbonded. */
export async function leave(api, pair, what, { log = console.log } = {}) {
  const tx = { chill: api.tx.dualConsensus.chill, unbond: api.tx.dualConsensus.unbond, withdraw: api.tx.dualConsensus.withdrawUnbonded }[what];
  const { events } = await sendOk(api, tx(), pair);
  const ours = events.filter(({ event }) => event.section === 'dualConsensus').map(({ event }) => `${event.method} ${JSON.stringify(event.data.toHuman())}`);
  say(log, `${what}: ${ours.join('; ') || 'done'}`);
}

const healthy = async (url) => {
  try { return (await fetch(`${url}/health`)).ok; } catch { return false; }
};

/**
 * A zkp-agent for the account: `agentUrl` (+ `agentTokenFile`) if given, else the one answering
 * on `agentPort` with this work dir's token, else a new `zkp-agent serve` on loopback
 * `agentPort` (store, token and log under `work`, detached so that it outlives this process;
 * its pid in WORK/agent-NAME.pid). Returns { url, token, pid, log }.
 */
export async function ensureAgent({ name, agentUrl, agentTokenFile, agentPort = DEFAULTS.agentPort, agentBinary = DEFAULTS.agentBinary,
  ipfsApi = DEFAULTS.ipfsApi, work = DEFAULTS.work, log = console.log }) {
  mkdirSync(work, { recursive: true });
  const tokenFile = agentTokenFile || agentToken(work, name).file;
  const token = readFileSync(tokenFile, 'utf8').trim();
  const url = agentUrl || `http://127.0.0.1:${agentPort}`;
  if (await healthy(url)) {
    say(log, `agent answering at ${url} (token from ${tokenFile})`);
    return { url, token };
  }
  if (agentUrl) throw new Error(`no zkp-agent answers at ${agentUrl}/health`);
  if (!existsSync(agentBinary)) throw new Error(`no zkp-agent at ${agentBinary} (bash scripts/build.sh, or --agent PATH)`);
  const store = joinPath(work, `agent-${name}`);
  mkdirSync(store, { recursive: true });
  const logFile = joinPath(work, `agent-${name}.log`);
  const fd = openSync(logFile, 'a');
  const child = spawn(agentBinary, ['--ipfs', ipfsApi, 'serve', '--listen', `127.0.0.1:${agentPort}`, '--store', store, '--api-token-file', tokenFile],
    { detached: true, stdio: ['ignore', fd, fd], env: { ...process.env, RUST_LOG: process.env.RUST_LOG || 'info' } });
  closeSync(fd);
  let spawnError = null;
  child.on('error', (e) => { spawnError = e; });
  child.unref();
  writeFileSync(joinPath(work, `agent-${name}.pid`), `${child.pid}\n`);
  await waitFor(async () => {
    if (spawnError) throw new Error(`could not start ${agentBinary}: ${spawnError.message}`);
    if (child.exitCode !== null) throw new Error(`zkp-agent exited with ${child.exitCode}; log: ${logFile}`);
    return healthy(url);
  }, 30000, `zkp-agent on ${url}`);
  say(log, `started zkp-agent (pid ${child.pid}) on ${url}, store ${store}, IPFS ${ipfsApi}, log ${logFile}`);
  return { url, token, pid: child.pid, log: logFile };
}

/**
 * A PoSp storage provider with one 1 MiB sector: the agent (`ensureAgent`), the account's `posp`
 * key in the node's keystore, the agent's URL and token in the node's off-chain storage, then
 * posp.registerProvider(1) unless registered. The node's off-chain worker (the node must run
 * with `--offchain-worker always`) has the agent seal the sector and answer challenges.
 */
export async function provider(api, pair, seed, opts = {}) {
  const log = opts.log || console.log;
  const agent = await ensureAgent({ name: nameOf(pair.address).toLowerCase().replace(/[^a-z0-9]/g, ''), ...opts, log });
  await api.rpc.author.insertKey('posp', seed, u8aToHex(pair.publicKey));
  await setAgentInNode(api, 'posp', pair.publicKey, agent);
  say(log, 'posp key in the node keystore; agent URL and token in its off-chain storage');
  if ((await api.query.posp.providers(pair.address)).isSome) {
    say(log, 'already a registered storage provider');
  } else {
    await sendOk(api, api.tx.posp.registerProvider(1), pair);
    say(log, 'registered as a storage provider with one 1 MiB sector (collateral held); the off-chain worker seals it');
  }
  return agent;
}

/**
 * Prints the candidates table every session (and the account's election events) until
 * `address` is in session.validators() and has authored a block; resolves with
 * { session, block, hash }. `ms` > 0 bounds the wait.
 */
export function watch(api, address, { ms = 0, log = console.log } = {}) {
  return new Promise((resolveWatch, rejectWatch) => {
    let lastSession = -1;
    let authored = null;
    let finished = false;
    let unsub = () => {};
    const done = (err, value) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      unsub();
      if (err) rejectWatch(err); else resolveWatch(value);
    };
    const timer = ms > 0 ? setTimeout(() => done(new Error(`${nameOf(address)} not active with a block authored within ${ms / 1000} s`)), ms) : null;
    api.once('disconnected', () => done(new Error('disconnected from the node')));
    // One head at a time, in order (a callback awaits several queries).
    let queue = Promise.resolve();
    const onHead = async (header) => {
      if (finished) return;
      try {
        const number = header.number.toNumber();
        const events = await (await api.at(header.hash)).query.system.events();
        for (const { event } of events) {
          if (event.section !== 'dualConsensus') continue;
          if (event.method === 'ValidatorsElected') {
            const set = event.data.validators.map((v) => v.toString());
            say(log, `#${number}: set for session ${event.data.session} elected (${set.length}): ${set.map(nameOf).join(', ')}${set.includes(address) ? ' — includes you' : ''}`);
          } else if (event.method === 'ElectionFallback') {
            say(log, `#${number}: only ${event.data.qualified} qualified: the current set stays for session ${event.data.session}`);
          } else if (['Chilled', 'Slashed', 'Rewarded', 'Bonded', 'Validating'].includes(event.method) && event.data.who.toString() === address) {
            say(log, `#${number}: ${event.method} ${JSON.stringify(event.data.toHuman())}`);
          }
        }
        const session = (await api.query.session.currentIndex()).toNumber();
        if (session !== lastSession) {
          lastSession = session;
          say(log, `session ${session}, block #${number}:\n${candidatesTable(api, await candidates(api), address)}`);
        }
        if (!authored && (await blockAuthor(api, header)) === address) {
          authored = { block: number, hash: header.hash.toHex() };
          say(log, `#${number} authored by ${nameOf(address)}`);
        }
        const active = (await api.query.session.validators()).some((v) => v.toString() === address);
        if (active && authored) done(null, { session, ...authored });
      } catch (e) {
        done(e);
      }
    };
    api.rpc.chain.subscribeNewHeads((header) => { queue = queue.then(() => onHead(header)); })
      .then((u) => { unsub = u; if (finished) u(); }, (e) => done(e));
  });
}

/**
 * Everything, in order: session keys (rotated and set unless the chain has keys this node
 * holds), bond, validate, provider, watch. `api` (else one connected to `ws`) stays open if given.
 */
export async function join({ api, ws = DEFAULTS.ws, seed, bond: amount, watchMs = 0, log = console.log, ...opts }) {
  const own = !api;
  api = api || await connectNode(ws);
  try {
    const pair = await operatorPair(seed);
    say(log, `${nameOf(pair.address)} (${pair.address}) joins via ${ws}`);
    const keys = await ensureSessionKeys(api, pair, { log, ...opts });
    await bond(api, pair, amount, { log });
    await validate(api, pair, { log });
    const agent = await provider(api, pair, seed, { log, ...opts });
    const elected = await watch(api, pair.address, { ms: watchMs, log });
    say(log, `${nameOf(pair.address)} validates: active in session ${elected.session}, authored #${elected.block}`);
    return { address: pair.address, keys, agent, ...elected };
  } finally {
    if (own) await api.disconnect().catch(() => {});
  }
}

// ---- the CLI ------------------------------------------------------------------------------

async function main() {
  const { values: o, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      ws: { type: 'string', default: DEFAULTS.ws }, seed: { type: 'string' }, account: { type: 'string' }, bond: { type: 'string' },
      'agent-port': { type: 'string' }, 'agent-url': { type: 'string' }, 'agent-token-file': { type: 'string' },
      agent: { type: 'string' }, 'ipfs-api': { type: 'string' }, work: { type: 'string' }, timeout: { type: 'string', default: '0' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [cmd, arg] = positionals;
  const commands = ['rotate', 'set-keys', 'bond', 'validate', 'provider', 'watch', 'join', 'status', 'chill', 'unbond', 'withdraw'];
  if (o.help || !commands.includes(cmd)) {
    console.log(`usage: validator.mjs ${commands.join('|')} [--ws URL] [--seed SURI | --account ADDRESS] [--bond ZKP] [--agent-port PORT]\n` +
      '       [--agent-url URL --agent-token-file FILE] [--agent PATH] [--ipfs-api URL] [--work DIR] [--timeout SECONDS]\n(see the comment at the top of scripts/validator.mjs, and docs/validator.md)');
    process.exit(o.help ? 0 : 2);
  }
  const opts = {
    work: o.work ? resolve(o.work) : DEFAULTS.work, agentUrl: o['agent-url'], agentTokenFile: o['agent-token-file'],
    agentPort: o['agent-port'] ? Number(o['agent-port']) : DEFAULTS.agentPort, agentBinary: o.agent || DEFAULTS.agentBinary,
    ipfsApi: o['ipfs-api'] || DEFAULTS.ipfsApi,
  };
  const api = await connectNode(o.ws);
  try {
    const bondArg = o.bond ?? (cmd === 'bond' ? arg : undefined);
    const amount = bondArg !== undefined ? parseAmount(api, bondArg) : undefined;
    // rotate needs no account; status and watch take --account ADDRESS instead of a seed.
    const pair = (cmd === 'rotate' || cmd === 'status' || cmd === 'watch') && !o.seed ? null : await operatorPair(o.seed);
    const address = pair?.address || o.account;
    const watchMs = Number(o.timeout) * 1000;
    switch (cmd) {
      case 'rotate': await rotate(api, { ...opts, owner: address }); break;
      case 'set-keys': await setKeys(api, pair, null, opts); break;
      case 'bond': await bond(api, pair, amount); break;
      case 'validate': await validate(api, pair); break;
      case 'provider': await provider(api, pair, o.seed, opts); break;
      case 'watch':
        if (!address) throw new Error('watch needs --seed or --account');
        await watch(api, address, { ms: watchMs });
        break;
      case 'join': await join({ api, ws: o.ws, seed: o.seed, bond: amount, watchMs, ...opts }); break;
      case 'chill': case 'unbond': case 'withdraw': await leave(api, pair, cmd); break;
      case 'status': {
        const info = await chainInfo(api);
        const fmt = Object.entries(info).filter(([k, v]) => v !== undefined && k !== 'validators')
          .map(([k, v]) => `${k}=${k === 'minCandidateBond' ? formatAmount(api, v) : v}`);
        console.log(`${fmt.join(' ')}\nactive: ${info.validators.map(nameOf).join(', ')}\n${candidatesTable(api, await candidates(api), address)}`);
        break;
      }
    }
  } finally {
    await api.disconnect().catch(() => {});
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then(() => process.exit(0), (e) => { console.error(`validator: ${e.message || e}`); process.exit(1); });
}
