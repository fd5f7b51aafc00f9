// End-to-end for the ZK verifier on a --dev node, through @polkadot/api as a user would:
// `zkp-node zk verify` on snarkjs files, scripts/zk/submit.mjs (register + submit), a bad
// proof rejected with a typed error and no state change, a batch (and a batch with one bad
// proof, named), and an attestation path that recomputes to the block's on-chain root.
// STARKs on the same node: a Miden program proved with `zkp-stark prove`, submitted with
// submit.mjs --stark, its attestation read back through zk_attestationProof; tampered proofs
// rejected with no state change; the host function's answers through the runtime API.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, keccakAsU8a } from '@polkadot/util-crypto';
import { u8aConcat, u8aToHex, hexToU8a } from '@polkadot/util';
import { startNode, stopNode, connect, waitForFinalized, tempDir, nodeBinary, ROOT } from './lib.mjs';
import { convert, readStark, send, starkBinary } from '../../scripts/zk/lib.mjs';

const run = promisify(execFile);
const RPC_PORT = Number(process.env.E2E_ZK_RPC_PORT || 19984);
const WS = `ws://127.0.0.1:${RPC_PORT}`;
const BASE = tempDir('zkp-e2e-zk-');
const FIXTURES = join(ROOT, 'fixtures', 'zk');

let node;
let api;
after(async () => {
  if (api) await api.disconnect().catch(() => {});
  if (node) await stopNode(node);
});

/** The fixture directories and their proof files (proof.json, proof-2.json, ...). */
function fixtures() {
  return readdirSync(FIXTURES).map((dir) => {
    const path = join(FIXTURES, dir);
    const proofs = readdirSync(path).filter((f) => /^proof.*\.json$/.test(f)).sort().map((f) => ({
      proof: join(path, f),
      pub: join(path, f.replace(/^proof/, 'public')),
    }));
    return { dir, vk: join(path, 'verification_key.json'), proofs };
  });
}

/** Recompute a binary-merkle-tree (keccak, ordered pairs, odd node promoted) root. */
function rootFromPath(leaf, index, count, path) {
  let hash = hexToU8a(leaf);
  let i = index; let width = count; let k = 0;
  while (width > 1) {
    if (!(i === width - 1 && width % 2 === 1)) {
      const sib = hexToU8a(path[k++]);
      hash = keccakAsU8a(i % 2 === 0 ? u8aConcat(hash, sib) : u8aConcat(sib, hash));
    }
    i = Math.floor(i / 2); width = Math.ceil(width / 2);
  }
  return u8aToHex(hash);
}

test('zk verifier end to end', { timeout: 600000 }, async (t) => {
  await cryptoWaitReady();
  const all = fixtures();
  assert.ok(all.length >= 2, 'fixtures for both curves');

  await t.test('zkp-node zk verify: 0 valid, 1 invalid, 2 malformed', async () => {
    for (const f of all) {
      const { stdout } = await run(nodeBinary(), ['zk', 'verify', '--vk', f.vk, '--proof', f.proofs[0].proof, '--public', f.proofs[0].pub]);
      assert.match(stdout, /^valid/m);
      assert.match(stdout, /statement: 0x[0-9a-f]{64}/);
    }
    const f = all[0];
    const pub = JSON.parse(readFileSync(f.proofs[0].pub, 'utf8'));
    pub[0] = String(BigInt(pub[0]) + 1n);
    const tampered = join(BASE, 'tampered-public.json');
    writeFileSync(tampered, JSON.stringify(pub));
    await assert.rejects(run(nodeBinary(), ['zk', 'verify', '--vk', f.vk, '--proof', f.proofs[0].proof, '--public', tampered]),
      (e) => e.code === 1 && /invalid/.test(e.stderr));
    const broken = join(BASE, 'broken.json');
    writeFileSync(broken, '{"pi_a": [1, 2]}');
    await assert.rejects(run(nodeBinary(), ['zk', 'verify', '--vk', f.vk, '--proof', broken, '--public', f.proofs[0].pub]),
      (e) => e.code === 2 && /malformed/.test(e.stderr));
  });

  node = startNode(['--dev', '--base-path', BASE, '--rpc-port', String(RPC_PORT), '--port', String(RPC_PORT + 10),
    '--prometheus-port', String(RPC_PORT + 20), '--no-telemetry', '--no-mdns'], join(BASE, 'node.log'));
  api = await connect(WS, node, 90000);
  await waitForFinalized(api, 1, 120000);
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');

  const statements = [];
  await t.test('submit.mjs registers the key and the chain verifies the proof (both curves)', async () => {
    for (const f of all) {
      const { stdout } = await run('node', [join(ROOT, 'scripts', 'zk', 'submit.mjs'), '--ws', WS,
        '--vk', f.vk, '--proof', f.proofs[0].proof, '--public', f.proofs[0].pub],
      { env: { ...process.env, ZKP_NODE: nodeBinary() } });
      const expected = convert({ vk: f.vk, proof: f.proofs[0].proof, pub: f.proofs[0].pub });
      assert.equal(stdout.trim(), expected.statement);
      const key = await api.query.zkVerifier.verificationKeys(expected.vkHash);
      assert.ok(key.isSome, 'key registered');
      assert.equal(key.unwrap().owner.toString(), alice.address);
      statements.push(expected.statement);
    }
  });

  await t.test('a bad proof is rejected with a typed error and changes nothing', async () => {
    const f = all[0];
    const c = convert({ vk: f.vk, proof: f.proofs[0].proof, pub: f.proofs[0].pub });
    const inputs = [...c.inputs];
    inputs[0] = inputs[1]; // another statement
    const nonceBefore = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    const r = await send(api, api.tx.zkVerifier.submitProof({ Hash: c.vkHash }, c.proof, inputs), alice);
    assert.equal(r.ok, false);
    assert.match(r.error, /zkVerifier\.InvalidProof/);
    assert.ok(!r.events.some(({ event }) => api.events.zkVerifier.ProofVerified.is(event)));
    assert.equal((await api.rpc.system.accountNextIndex(alice.address)).toNumber(), nonceBefore + 1);
    // Unknown key: typed error too.
    const r2 = await send(api, api.tx.zkVerifier.submitProof({ Hash: '0x' + '11'.repeat(32) }, c.proof, c.inputs), alice);
    assert.match(r2.error, /zkVerifier\.UnknownVerificationKey/);
  });

  await t.test('a batch verifies together; a batch with one bad proof fails and names it', async () => {
    for (const f of all) {
      const items = f.proofs.map((p) => convert({ vk: f.vk, proof: p.proof, pub: p.pub }));
      assert.ok(items.length >= 3, `${f.dir}: several proofs`);
      const vkHash = items[0].vkHash;
      const bad = items.map((c, i) => ({ proof: c.proof, inputs: i === 1 ? [...c.inputs].reverse() : c.inputs }));
      const r1 = await send(api, api.tx.zkVerifier.submitBatch(vkHash, bad), alice);
      assert.equal(r1.ok, false);
      assert.match(r1.error, /zkVerifier\.InvalidProofInBatch/);
      const failed = r1.events.find(({ event }) => api.events.system.ExtrinsicFailed.is(event));
      const mod = failed.event.data.dispatchError.asModule;
      assert.equal(api.registry.findMetaError(mod).name, 'InvalidProofInBatch');
      assert.equal(mod.error.toU8a()[1], 1, 'names proof #1');

      const r2 = await send(api, api.tx.zkVerifier.submitBatch(vkHash, items.map((c) => ({ proof: c.proof, inputs: c.inputs }))), alice);
      assert.equal(r2.ok, true, r2.error);
      const ev = r2.events.find(({ event }) => api.events.zkVerifier.BatchVerified.is(event));
      assert.deepEqual(ev.event.data.statements.map((s) => s.toHex()), items.map((c) => c.statement));
    }
  });

  await t.test('host function and pure-WASM verification agree on every fixture (on the node)', async () => {
    const results = [];
    for (const f of all) {
      for (const p of f.proofs) {
        const c = convert({ vk: f.vk, proof: p.proof, pub: p.pub });
        const tamperedInputs = [...c.inputs].reverse();
        const badProof = c.proof.slice(0, 10) + (c.proof[10] === '0' ? '1' : '0') + c.proof.slice(11);
        const cases = [
          [c.proof, c.inputs, 'Ok'],
          [c.proof, tamperedInputs, 'VerificationFailed'],
          [badProof, c.inputs, null],
          [c.proof.slice(0, -2), c.inputs, 'InvalidLength'],
        ];
        for (const [proof, inputs, expected] of cases) {
          const host = await api.call.zkVerifierApi.verify(c.curve, c.vk, proof, inputs, false);
          const wasm = await api.call.zkVerifierApi.verify(c.curve, c.vk, proof, inputs, true);
          const show = (r) => (r.isOk ? 'Ok' : r.asErr.type);
          assert.equal(show(wasm), show(host), `${f.dir}: WASM and host agree`);
          if (expected) assert.equal(show(host), expected);
          results.push(show(host));
        }
      }
    }
    assert.ok(results.includes('Ok') && results.includes('VerificationFailed'));
  });

  let stark;
  await t.test('STARK: zkp-stark proves a program, submit.mjs --stark registers and submits it', async () => {
    // A run that is not a fixture: F(77) with a public input chosen here.
    const file = join(BASE, 'fib77.json');
    await run(starkBinary(), ['prove', '--program', join(ROOT, 'scripts', 'zk', 'stark', 'fib.masm'), '--inputs', '77', '--out', file]);
    const { stdout: verified } = await run(starkBinary(), ['verify', file]);
    assert.match(verified, /^valid/m);
    stark = readStark(file);
    assert.equal(stark.outputs[0], '5527939700884757', 'F(77) on top of the stack');
    const { stdout: hash } = await run(starkBinary(), ['hash', '--program', join(ROOT, 'scripts', 'zk', 'stark', 'fib.masm')]);
    assert.equal(hash.trim(), stark.programHash);
    const { stdout } = await run('node', [join(ROOT, 'scripts', 'zk', 'submit.mjs'), '--ws', WS, '--stark', file]);
    assert.equal(stdout.trim(), stark.statement);
    const program = await api.query.zkVerifier.starkPrograms(stark.programHash);
    assert.ok(program.isSome, 'program registered');
    assert.equal(program.unwrap().owner.toString(), alice.address);
    statements.push(stark.statement);
  });

  await t.test('STARK: tampered proofs are rejected with typed errors and change nothing', async () => {
    const programCount = async () => (await api.query.zkVerifier.starkPrograms.entries()).length;
    const programs = await programCount();
    const outputs = [...stark.outputs];
    outputs[0] = String(BigInt(outputs[0]) + 1n);
    const flipAt = 2 + 2 * 700;
    const flipped = stark.proof.slice(0, flipAt) + (stark.proof[flipAt] === '0' ? '1' : '0') + stark.proof.slice(flipAt + 1);
    const cases = [
      [stark.inputs, outputs, stark.proof, /zkVerifier\.InvalidStarkProof/],
      [['78'], stark.outputs, stark.proof, /zkVerifier\.InvalidStarkProof/],
      [stark.inputs, stark.outputs, flipped, /zkVerifier\.(InvalidStarkProof|MalformedStarkProof)/],
      [stark.inputs, stark.outputs, stark.proof.slice(0, -8), /zkVerifier\.MalformedStarkProof/],
    ];
    for (const [inputs, outs, proof, error] of cases) {
      const r = await send(api, api.tx.zkVerifier.submitStarkProof(stark.programHash, inputs, outs, proof), alice);
      assert.equal(r.ok, false);
      assert.match(r.error, error);
      assert.ok(!r.events.some(({ event }) => api.events.zkVerifier.StarkProofVerified.is(event)));
    }
    // The same proof for another program hash.
    const other = '0x' + '11'.repeat(32);
    const r = await send(api, api.tx.zkVerifier.submitStarkProof(other, stark.inputs, stark.outputs, stark.proof), alice);
    assert.match(r.error, /zkVerifier\.InvalidStarkProof/);
    assert.equal(await programCount(), programs);
  });

  await t.test('STARK: the runtime verifies through the host function; inside WASM it has no verifier', async () => {
    const show = (r) => (r.isOk ? 'Ok' : r.asErr.type);
    const outputs = [...stark.outputs];
    outputs[1] = '1';
    for (const [inputs, outs, proof, expected] of [
      [stark.inputs, stark.outputs, stark.proof, 'Ok'],
      [stark.inputs, outputs, stark.proof, 'VerificationFailed'],
      [stark.inputs, stark.outputs, stark.proof.slice(0, 1000), 'MalformedProof'],
    ]) {
      const host = await api.call.zkVerifierApi.verifyStark(stark.programHash, inputs, outs, proof, false);
      assert.equal(show(host), expected);
      // The pure-WASM path verifies nothing and says so: it never answers Ok.
      const wasm = await api.call.zkVerifierApi.verifyStark(stark.programHash, inputs, outs, proof, true);
      assert.equal(show(wasm), 'VerifierUnavailable');
    }
  });

  await t.test('attestation path from the RPC recomputes to the stored block root', async () => {
    // The last statement is the STARK's: Groth16 and STARK statements share the tree.
    for (const statement of [statements[0], statements[statements.length - 1]]) {
      await checkAttestation(statement);
    }
  });

  async function checkAttestation(statement) {
    const proof = await api.wsProvider.send('zk_attestationProof', [statement, null]);
    assert.ok(proof, 'path available');
    const onChain = await api.query.zkVerifier.attestationRoots(proof.blockNumber);
    assert.ok(onChain.isSome);
    assert.equal(onChain.unwrap().root.toHex(), proof.root);
    assert.equal(rootFromPath(statement, proof.leafIndex, proof.leafCount, proof.proof), proof.root);
    // The same through the runtime API, no custom types.
    const viaApi = await api.call.zkVerifierApi.attestationProof(statement);
    assert.equal(viaApi.unwrap().root.toHex(), proof.root);
    // A different statement does not reach the root with that path.
    assert.notEqual(rootFromPath('0x' + '22'.repeat(32), proof.leafIndex, proof.leafCount, proof.proof), proof.root);
  }
});
