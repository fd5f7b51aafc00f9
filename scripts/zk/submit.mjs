#!/usr/bin/env node
// Submit a proof to a ZKP node, as a user would.
//
// Groth16 (snarkjs files as snarkjs writes them; add --curve bn254|bls12381 for arkworks bytes):
//   node scripts/zk/submit.mjs --ws ws://127.0.0.1:9944 \
//        --vk verification_key.json --proof proof.json --public public.json [--suri //Alice]
// Registers the verification key if the chain does not know it yet, then submits the proof.
//
// STARK (a file written by `zkp-stark prove --program P.masm --inputs … --out F.json`):
//   node scripts/zk/submit.mjs --ws ws://127.0.0.1:9944 --stark F.json [--suri //Alice]
// Registers the program (by its hash) if the chain does not know it yet, then submits the proof.
//
// Prints the statement hash, and exits 0 only when the chain verified it (1: rejected, 2: bad
// usage or malformed input).
import { parseArgs } from 'node:util';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { convert, readStark, send } from './lib.mjs';

const { values } = parseArgs({
  options: {
    ws: { type: 'string', default: 'ws://127.0.0.1:9944' },
    vk: { type: 'string' },
    proof: { type: 'string' },
    public: { type: 'string' },
    curve: { type: 'string' },
    stark: { type: 'string' },
    suri: { type: 'string', default: '//Alice' },
  },
});
const groth16 = values.vk && values.proof && values.public;
if (!groth16 === !values.stark) {
  console.error('usage: submit.mjs --ws URL (--vk FILE --proof FILE --public FILE [--curve C] | --stark FILE) [--suri SURI]');
  process.exit(2);
}

let c;
try {
  c = groth16
    ? convert({ vk: values.vk, proof: values.proof, pub: values.public, curve: values.curve })
    : readStark(values.stark);
} catch (e) {
  console.error(e.message);
  process.exit(2);
}

/** Registers the Groth16 key or STARK program unless the chain knows it. */
async function ensureRegistered(api, signer) {
  const [what, id, known, register] = groth16
    ? ['verification key', c.vkHash, api.query.zkVerifier.verificationKeys, () => api.tx.zkVerifier.registerVk(c.curve, c.vk)]
    : ['program', c.programHash, api.query.zkVerifier.starkPrograms, () => api.tx.zkVerifier.registerProgram(c.programHash)];
  if ((await known(id)).isSome) {
    console.error(`${what} ${id} already registered`);
    return;
  }
  const r = await send(api, register(), signer);
  if (!r.ok) throw new Error(`registering the ${what} failed: ${r.error}`);
  console.error(`registered ${what} ${id}`);
}

await cryptoWaitReady();
const api = await ApiPromise.create({ provider: new WsProvider(values.ws), noInitWarn: true });
const signer = new Keyring({ type: 'sr25519' }).addFromUri(values.suri);
let code = 1;
try {
  await ensureRegistered(api, signer);
  const [tx, event] = groth16
    ? [api.tx.zkVerifier.submitProof({ Hash: c.vkHash }, c.proof, c.inputs), api.events.zkVerifier.ProofVerified]
    : [api.tx.zkVerifier.submitStarkProof(c.programHash, c.inputs, c.outputs, c.proof), api.events.zkVerifier.StarkProofVerified];
  const r = await send(api, tx, signer);
  if (!r.ok) throw new Error(`proof rejected: ${r.error}`);
  const ev = r.events.find(({ event: e }) => event.is(e));
  const statement = ev.event.data.statement.toHex();
  console.log(statement);
  console.error(`verified in block ${r.blockHash.toHex()}`);
  code = 0;
} catch (e) {
  console.error(e.message);
} finally {
  await api.disconnect();
}
process.exit(code);
