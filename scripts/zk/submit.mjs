#!/usr/bin/env node
// Submit a Groth16 proof to a ZKP node, as a user would:
//   node scripts/zk/submit.mjs --ws ws://127.0.0.1:9944 \
//        --vk verification_key.json --proof proof.json --public public.json [--suri //Alice]
// (snarkjs files as snarkjs writes them; add --curve bn254|bls12381 for arkworks bytes).
// Registers the verification key if the chain does not know it yet, submits the proof, prints
// the statement hash, and exits 0 only when the chain verified it (1: rejected, 2: bad usage
// or malformed input).
import { parseArgs } from 'node:util';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { convert, send } from './lib.mjs';

const { values } = parseArgs({
  options: {
    ws: { type: 'string', default: 'ws://127.0.0.1:9944' },
    vk: { type: 'string' },
    proof: { type: 'string' },
    public: { type: 'string' },
    curve: { type: 'string' },
    suri: { type: 'string', default: '//Alice' },
  },
});
if (!values.vk || !values.proof || !values.public) {
  console.error('usage: submit.mjs --ws URL --vk FILE --proof FILE --public FILE [--curve C] [--suri SURI]');
  process.exit(2);
}

let c;
try {
  c = convert({ vk: values.vk, proof: values.proof, pub: values.public, curve: values.curve });
} catch (e) {
  console.error(e.message);
  process.exit(2);
}

await cryptoWaitReady();
const api = await ApiPromise.create({ provider: new WsProvider(values.ws), noInitWarn: true });
const signer = new Keyring({ type: 'sr25519' }).addFromUri(values.suri);
let code = 1;
try {
  const known = await api.query.zkVerifier.verificationKeys(c.vkHash);
  if (known.isNone) {
    const r = await send(api, api.tx.zkVerifier.registerVk(c.curve, c.vk), signer);
    if (!r.ok) throw new Error(`registering the key failed: ${r.error}`);
    console.error(`registered verification key ${c.vkHash}`);
  } else {
    console.error(`verification key ${c.vkHash} already registered`);
  }
  const r = await send(api, api.tx.zkVerifier.submitProof({ Hash: c.vkHash }, c.proof, c.inputs), signer);
  if (!r.ok) throw new Error(`proof rejected: ${r.error}`);
  const ev = r.events.find(({ event }) => api.events.zkVerifier.ProofVerified.is(event));
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
