// End-to-end: a `--dev` node produces and finalizes blocks; a balance transfer submitted with
// @polkadot/api (no custom types) is finalized with its events and both balances right; bad
// transactions are rejected with clear errors and change nothing; after a restart on the same
// base path the chain and balances are intact.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { u8aToHex, hexToU8a } from '@polkadot/util';
import {
  startNode, stopNode, connect, waitForFinalized, sendAndFinalize, freeBalance, tempDir,
} from './lib.mjs';

const RPC_PORT = Number(process.env.E2E_RPC_PORT || 19944);
const WS = `ws://127.0.0.1:${RPC_PORT}`;
const BASE = tempDir('zkp-e2e-');
const LOG = join(BASE, 'node.log');
const ARGS = [
  '--dev', '--base-path', BASE, '--rpc-port', String(RPC_PORT),
  '--port', String(RPC_PORT + 10), '--prometheus-port', String(RPC_PORT + 20),
  '--no-telemetry', '--no-mdns',
];
const UNIT = 10n ** 12n;

let node;
let api;
after(async () => {
  if (api) await api.disconnect().catch(() => {});
  if (node) await stopNode(node);
});

test('dev node: finality, transfer, bad input, restart', { timeout: 420000 }, async (t) => {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob');
  const charlie = keyring.addFromUri('//Charlie');

  node = startNode(ARGS, LOG);
  api = await connect(WS, node, 90000);

  await t.test('metadata v15+ and chain properties, no custom types', async () => {
    assert.ok(api.runtimeMetadata.version >= 15, `metadata v${api.runtimeMetadata.version}`);
    assert.equal((await api.rpc.system.chain()).toString(), 'ZKP Development');
    assert.equal(api.registry.chainTokens[0], 'ZKP');
    assert.equal(api.registry.chainDecimals[0], 12);
  });

  await t.test('blocks are produced and finalized (finalized >= 3 within 120 s)', async () => {
    const n = await waitForFinalized(api, 3, 120000);
    assert.ok(n >= 3);
  });

  const amount = 123n * UNIT;
  let afterTransfer;
  await t.test('a transfer is finalized with its events and both balances change', async () => {
    const aliceBefore = await freeBalance(api, alice.address);
    const bobBefore = await freeBalance(api, bob.address);
    const { blockHash, events } = await sendAndFinalize(
      api.tx.balances.transferKeepAlive(bob.address, amount), alice);
    const names = events.map(({ event }) => `${event.section}.${event.method}`);
    assert.ok(names.includes('balances.Transfer'), names.join(','));
    assert.ok(names.includes('system.ExtrinsicSuccess'), names.join(','));
    const transfer = events.find(({ event }) => api.events.balances.Transfer.is(event)).event;
    assert.equal(transfer.data.from.toString(), alice.address);
    assert.equal(transfer.data.to.toString(), bob.address);
    assert.equal(transfer.data.amount.toBigInt(), amount);
    const feeEvent = events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
    assert.ok(feeEvent, 'fee event');
    const fee = feeEvent.event.data.actualFee.toBigInt();
    assert.ok(fee > 0n);

    const aliceAfter = await freeBalance(api, alice.address, blockHash);
    const bobAfter = await freeBalance(api, bob.address, blockHash);
    assert.equal(bobAfter - bobBefore, amount);
    assert.equal(aliceBefore - aliceAfter, amount + fee);
    afterTransfer = { blockHash: blockHash.toHex(), aliceAfter, bobAfter };
  });

  await t.test('a transfer above balance fails with a clear error and moves nothing', async () => {
    const charlieBefore = await freeBalance(api, charlie.address);
    const bobBefore = await freeBalance(api, bob.address);
    const { events } = await sendAndFinalize(
      api.tx.balances.transferKeepAlive(charlie.address, charlieBefore * 10n), bob);
    const failed = events.find(({ event }) => api.events.system.ExtrinsicFailed.is(event));
    assert.ok(failed, 'ExtrinsicFailed');
    const err = failed.event.data.dispatchError;
    let reason;
    if (err.isModule) {
      const m = api.registry.findMetaError(err.asModule);
      reason = `${m.section}.${m.name}`;
    } else {
      reason = err.type + (err.isToken ? `.${err.asToken.type}` : '');
    }
    assert.match(reason, /FundsUnavailable|InsufficientBalance|Token/, reason);
    const fee = events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event))
      .event.data.actualFee.toBigInt();
    assert.equal(await freeBalance(api, charlie.address), charlieBefore, 'nothing arrives');
    assert.equal(bobBefore - (await freeBalance(api, bob.address)), fee, 'only the fee is paid');
  });

  await t.test('an extrinsic with a bad signature is rejected and changes nothing', async () => {
    const aliceBefore = await freeBalance(api, alice.address);
    const nonceBefore = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    const tx = api.tx.balances.transferKeepAlive(charlie.address, UNIT);
    await tx.signAsync(alice, { nonce: nonceBefore });
    const bytes = hexToU8a(tx.toHex());
    // Layout: compact length, version, MultiAddress (1 + 32), MultiSignature (1 + 64), ...
    const lenPrefix = bytes[0] & 3 ? (bytes[0] & 3) === 1 ? 2 : 4 : 1;
    const sigStart = lenPrefix + 1 + 33 + 1;
    bytes[sigStart + 10] ^= 0xff;
    await assert.rejects(
      api.rpc.author.submitExtrinsic(u8aToHex(bytes)),
      (e) => /bad signature|BadProof|1010/i.test(String(e.message)),
    );
    assert.equal(await freeBalance(api, alice.address), aliceBefore);
    assert.equal((await api.rpc.system.accountNextIndex(alice.address)).toNumber(), nonceBefore);
  });

  await t.test('after a restart on the same base path the chain and balances are intact', async () => {
    const finalizedBefore = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
    const genesis = api.genesisHash.toHex();
    await api.disconnect();
    api = undefined;
    const exit = await stopNode(node);
    assert.ok(exit.code === 0 || exit.signal === 'SIGINT', `clean exit: ${JSON.stringify(exit)}`);

    node = startNode(ARGS, LOG);
    api = await connect(WS, node, 90000);
    assert.equal(api.genesisHash.toHex(), genesis);
    const header = await api.rpc.chain.getHeader(afterTransfer.blockHash);
    assert.ok(header.number.toNumber() > 0, 'the transfer block is still there');
    assert.equal(await freeBalance(api, alice.address, afterTransfer.blockHash), afterTransfer.aliceAfter);
    assert.equal(await freeBalance(api, bob.address, afterTransfer.blockHash), afterTransfer.bobAfter);
    // And the chain goes on: finality passes where it was before the restart.
    await waitForFinalized(api, finalizedBefore + 2, 120000);
  });
});
