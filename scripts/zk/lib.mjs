// Shared by submit.mjs and the end-to-end tests: convert prover output to the chain's
// canonical encoding with `zkp-node zk convert` (the one converter, also used by the runtime's
// tests and `zkp-node zk verify`), and submit/await extrinsics.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function nodeBinary() {
  const candidates = [
    process.env.ZKP_NODE,
    process.env.CARGO_TARGET_DIR && join(process.env.CARGO_TARGET_DIR, 'release', 'zkp-node'),
    join(homedir(), '.cache', 'zkp', 'target', 'release', 'zkp-node'),
    join(ROOT, 'target', 'release', 'zkp-node'),
  ].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`zkp-node not found (set ZKP_NODE); looked in ${candidates.join(', ')}`);
  return found;
}

/** The `zkp-stark` tool (prove / verify / hash Miden programs), beside zkp-node. */
export function starkBinary() {
  const candidates = [
    process.env.ZKP_STARK,
    join(dirname(nodeBinary()), 'zkp-stark'),
  ].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`zkp-stark not found (set ZKP_STARK); looked in ${candidates.join(', ')}`);
  return found;
}

/**
 * A proof file written by `zkp-stark prove`, as the chain's calls take it:
 * { programHash, inputs[], outputs[], proof, statement } (stack values as decimal strings,
 * which @polkadot/api encodes as u64 without loss).
 */
export function readStark(file) {
  const f = JSON.parse(readFileSync(file, 'utf8'));
  for (const key of ['programHash', 'inputs', 'outputs', 'proof', 'statement']) {
    if (f[key] === undefined) throw new Error(`${file}: not a zkp-stark proof file (no ${key})`);
  }
  return { programHash: f.programHash, inputs: f.inputs, outputs: f.outputs, proof: f.proof, statement: f.statement };
}

/** { curve, vk, proof, inputs[], vkHash, statement } for snarkjs (or arkworks with curve) files. */
export function convert({ vk, proof, pub, curve }) {
  const args = ['zk', 'convert', '--vk', vk, '--proof', proof, '--public', pub];
  if (curve) args.push('--curve', curve);
  try {
    return JSON.parse(execFileSync(nodeBinary(), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  } catch (e) {
    throw new Error(String(e.stderr || e.message).trim());
  }
}

/** Human-readable dispatch error. */
export function dispatchErrorText(api, err) {
  if (err.isModule) {
    const m = api.registry.findMetaError(err.asModule);
    return `${m.section}.${m.name}${m.args?.length ? '' : ''}: ${m.docs.join(' ')}`.trim();
  }
  return err.toString();
}

/**
 * Signs and sends; resolves at inclusion (or finalization with { finalized: true }) with
 * { ok, events, blockHash, error }. Rejects if the pool refuses it or after `ms`.
 */
export function send(api, tx, signer, { finalized = false, ms = 120000 } = {}) {
  return new Promise((res, rej) => {
    let unsub = () => {};
    const timer = setTimeout(() => { unsub(); rej(new Error('transaction timed out')); }, ms);
    tx.signAndSend(signer, (result) => {
      const { status, events, dispatchError } = result;
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        clearTimeout(timer); unsub(); rej(new Error(`transaction ${status.type}`));
        return;
      }
      if ((finalized && status.isFinalized) || (!finalized && status.isInBlock)) {
        clearTimeout(timer); unsub();
        res({
          ok: !dispatchError,
          events,
          blockHash: finalized ? status.asFinalized : status.asInBlock,
          error: dispatchError ? dispatchErrorText(api, dispatchError) : undefined,
        });
      }
    }).then((u) => { unsub = u; }).catch((e) => { clearTimeout(timer); rej(e); });
  });
}
