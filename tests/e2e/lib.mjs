// Helpers for end-to-end tests: find the built `zkp-node`, start it as a user would, wait for
// it (always bounded), connect with @polkadot/api (no custom types), and stop it.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request as httpRequest } from 'node:http';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { u8aConcat, stringToU8a, u8aToHex } from '@polkadot/util';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

// The node binary: $ZKP_NODE, else the release build in $CARGO_TARGET_DIR (or its default).
export { nodeBinary } from '../../scripts/zk/lib.mjs';
import { nodeBinary } from '../../scripts/zk/lib.mjs';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function tempDir(prefix) {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Starts `binary` with `args` (and `env`, if given); its output goes to `logFile`, and
 * `child.exited` resolves when it ends.
 */
export function startProcess(binary, args, logFile, env = process.env) {
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  child.exited = new Promise((res) => child.on('exit', (code, signal) => res({ code, signal })));
  return child;
}

/**
 * Starts `zkp-node` with `args`; its output goes to `logFile`. Resolves once the process is
 * spawned; use `connect` to wait for RPC.
 */
export function startNode(args, logFile) {
  return startProcess(nodeBinary(), args, logFile);
}

/** SIGINT, then SIGKILL if the node has not exited within `ms`. */
export async function stopNode(child, ms = 20000) {
  if (child.exitCode !== null || child.signalCode !== null) return child.exited;
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  const result = await child.exited;
  clearTimeout(timer);
  return result;
}

/** Connects to `ws` within `ms`, failing early if `child` exits. */
export async function connect(ws, child, ms = 60000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`node exited with ${child.exitCode}`);
    const provider = new WsProvider(ws, false);
    try {
      await provider.connect();
      await waitFor(() => provider.isConnected, 2000).catch(() => {});
      if (provider.isConnected) {
        const api = await ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true });
        // For RPC methods polkadot.js has no definition of (e.g. zk_attestationProof).
        Object.defineProperty(api, 'wsProvider', { value: provider });
        return api;
      }
    } catch (_) { /* not up yet */ }
    await provider.disconnect().catch(() => {});
    await sleep(500);
  }
  throw new Error(`could not connect to ${ws} within ${ms} ms`);
}

/** Polls `fn` until it returns a truthy value, at most `ms`. */
export async function waitFor(fn, ms, what = 'condition') {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(250);
  }
}

/** Waits until the finalized head is at least `n`; returns its number. */
export async function waitForFinalized(api, n, ms) {
  return waitFor(async () => {
    const head = await api.rpc.chain.getFinalizedHead();
    const header = await api.rpc.chain.getHeader(head);
    const num = header.number.toNumber();
    return num >= n ? num : 0;
  }, ms, `finalized block >= ${n}`);
}

/**
 * Signs and sends `tx`, resolving when it is finalized (or rejecting on a pool error / after
 * `ms`). Returns { blockHash, events }.
 */
export function sendAndFinalize(tx, signer, ms = 90000, options = {}) {
  return new Promise((res, rej) => {
    let unsub = () => {};
    const timer = setTimeout(() => { unsub(); rej(new Error('transaction not finalized in time')); }, ms);
    tx.signAndSend(signer, options, (result) => {
      if (result.isError || result.status.isInvalid || result.status.isDropped || result.status.isUsurped) {
        clearTimeout(timer); unsub();
        rej(new Error(`transaction failed: ${result.status.type}`));
      } else if (result.status.isFinalized) {
        clearTimeout(timer); unsub();
        res({ blockHash: result.status.asFinalized, events: result.events });
      }
    }).then((u) => { unsub = u; }).catch((e) => { clearTimeout(timer); rej(e); });
  });
}

// Like sendAndFinalize, for a transaction that must succeed: a dispatch error (an
// `ExtrinsicFailed` event) rejects with the pallet's error name and docs.
export async function sendOk(api, tx, signer, ms = 90000) {
  const result = await sendAndFinalize(tx, signer, ms);
  const failed = result.events.find(({ event }) => api.events.system.ExtrinsicFailed.is(event));
  if (failed) {
    const err = failed.event.data.dispatchError;
    if (err.isModule) {
      const { section, name, docs } = api.registry.findMetaError(err.asModule);
      throw new Error(`${tx.method.section}.${tx.method.method} failed: ${section}.${name} (${docs.join(' ')})`);
    }
    throw new Error(`${tx.method.section}.${tx.method.method} failed: ${err.toString()}`);
  }
  return result;
}

/** Free balance of `address` as a BigInt. */
export async function freeBalance(api, address, at) {
  const q = at ? await api.at(at) : api;
  const { data } = await q.query.system.account(address);
  return data.free.toBigInt();
}

// The API token of agent `name`: a random one, made once in `work/agent-NAME.token` (mode
// 0600) and reused when the agent restarts, so the node's copy stays valid.
export function agentToken(work, name) {
  const file = join(work, `agent-${name}.token`);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return { file, token: readFileSync(file, 'utf8').trim() };
}

// Starts a `zkp-agent serve` on loopback `port` with its store under `work` and its own API
// token (`agentToken`), logging to `work/agent-NAME[-FAULT].log`; `fault` makes it misbehave
// on purpose (`wrong-input`, `stall`). Resolves once its /health answers, with
// { name, port, store, child, url, token }: give the node `url` and `token`
// (`setAgentInNode`).
export async function startAgent({ agentBinary, ipfsApi, work, name, port, fault }) {
  const store = join(work, `agent-${name}`);
  mkdirSync(store, { recursive: true });
  const { file, token } = agentToken(work, name);
  const args = ['--ipfs', ipfsApi, 'serve', '--listen', `127.0.0.1:${port}`, '--store', store, '--api-token-file', file];
  if (fault) args.push('--fault', fault);
  const child = startProcess(agentBinary, args, join(work, `agent-${name}${fault ? `-${fault}` : ''}.log`), { ...process.env, RUST_LOG: 'info' });
  const agent = { name, port, store, child, url: `http://127.0.0.1:${port}`, token };
  await waitFor(async () => {
    try { return (await fetch(`${agent.url}/health`)).ok; } catch { return false; }
  }, 30000, `agent ${name}`);
  return agent;
}

// Tells the node where `agent` is and its API token, for the off-chain worker of `pallet`
// (`posp` or `poi`) and `account` (its 32-byte public key): the persistent local storage keys
// `zkp-PALLET::agent-url/ACCOUNT` and `zkp-PALLET::agent-token/ACCOUNT` (docs/agent.md).
export async function setAgentInNode(api, pallet, account, agent) {
  const set = (name, value) => api.rpc.offchain.localStorageSet('PERSISTENT',
    u8aToHex(u8aConcat(stringToU8a(`zkp-${pallet}::${name}/`), account)), u8aToHex(stringToU8a(value)));
  await set('agent-url', agent.url);
  await set('agent-token', agent.token);
}

// The attacks the agent API must refuse, tried against a running `agent`: a POST of `body`
// (SCALE bytes) to `path` without the token, with a wrong one, through a foreign Host (DNS
// rebinding) and from a foreign Origin (a web page). Each must be answered 401 or 403;
// returns the status codes. Node's fetch cannot set Host, so those go through node:http.
export async function attackAgent(agent, path, body) {
  const post = (headers) => new Promise((res, rej) => {
    const req = httpRequest({ host: '127.0.0.1', port: agent.port, path, method: 'POST', headers: { 'Content-Length': body.length, ...headers } },
      (r) => { r.resume(); r.on('end', () => res(r.statusCode)); });
    req.on('error', rej);
    req.end(Buffer.from(body));
  });
  const bearer = { Authorization: `Bearer ${agent.token}` };
  const tries = {
    'no token': [{ 'Content-Type': 'text/plain' }, 401],
    'wrong token': [{ Authorization: `Bearer ${'0'.repeat(64)}` }, 401],
    'Host: evil.example': [{ ...bearer, Host: 'evil.example' }, 403],
    'Origin: http://evil.example': [{ ...bearer, Origin: 'http://evil.example' }, 403],
  };
  const codes = {};
  for (const [what, [headers, want]] of Object.entries(tries)) {
    codes[what] = await post(headers);
    if (codes[what] !== want) throw new Error(`agent ${agent.name}: POST ${path} with ${what} answered ${codes[what]}, not ${want}`);
  }
  return codes;
}

// An event's fields by name (camelCase, as polkadot.js names them), as primitives.
export function eventFields(ev) {
  const out = {};
  ev.data.names?.forEach((n, i) => { out[n] = ev.data[i].toPrimitive(); });
  return out;
}

// Records every event of pallet `section` with its block number, from each new head on, and
// returns `eventsOf(method, pred)`: those recorded so far with that name and passing `pred`.
export async function recordEvents(api, section) {
  const events = [];
  await api.rpc.chain.subscribeNewHeads(async (header) => {
    const at = await api.at(header.hash);
    for (const { event } of await at.query.system.events()) {
      if (event.section === section) events.push({ block: header.number.toNumber(), method: event.method, ...eventFields(event) });
    }
  });
  return (method, pred = () => true) => events.filter((e) => e.method === method && pred(e));
}
