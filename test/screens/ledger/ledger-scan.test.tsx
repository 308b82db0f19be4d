/**
 * Scanning a Ledger from the app: the emulated Polkadot app (test/helpers/ledger-emulator.ts)
 * behind the real Speculos transport, typed into the form as HOST:PORT; saved into a real vault.
 */
import { encodeAddress } from '@polkadot/util-crypto/address/encode';
import { hdLedger } from '@polkadot/util-crypto/hd/ledger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerPath } from '../../../src/ledger/paths.js';
import vectors from '../../fixtures/ledger-hd-vectors.json' with { type: 'json' };
import { type Screen, expectFits } from '../../helpers/ink.js';
import { ARROW_DOWN, ARROW_RIGHT, CTRL_S, CTRL_U, ENTER, ESC, TAB } from '../../helpers/keys.js';
import { startLedgerEmulator, SW, type LedgerEmulator } from '../../helpers/ledger-emulator.js';
import { content, prose, waitForProse } from '../../helpers/shell.js';
import { openTestVault, reopen } from '../../helpers/vault.js';
import { expectThroughout } from '../../helpers/wait.js';
import { openLedger, statusLine } from './helpers.js';

const WORDS = vectors.mnemonics.MNE_1;
const hex = (bytes: Uint8Array) => `0x${Buffer.from(bytes).toString('hex')}`;
/** What the device holds at account `n`: its public key, and its address for the vault's default network (substrate, 42). */
const onDevice = (account: number) => {
  const path = ledgerPath(account);
  const { publicKey } = hdLedger(WORDS, path);
  return { path, publicKey: hex(publicKey), address: encodeAddress(publicKey, 42) };
};
/** Addresses in the list are cut in the middle to fit 80 columns: both ends stay. */
/** The list's rows as cells: marker (on the selected row), account, address (whole at 80 columns). */
const rowsOf = (frame: string) =>
  content(frame)
    .split('\n')
    .filter((line) => /^[› ] +\d+ {2}\w/u.test(line))
    .map((line) => line.split(/\s+/u).filter(Boolean));

let emulator: LedgerEmulator;
beforeAll(async () => {
  emulator = await startLedgerEmulator({ mnemonic: WORDS });
});
afterAll(() => emulator.close());

/** The emulator as the device is now; the tests in this file run one at a time. */
const device = (change: Parameters<LedgerEmulator['behave']>[0] = {}) =>
  emulator.behave({ status: undefined, reject: false, silent: false, delayMs: 0, ...change });

/** From the Ledger home: the scan form set to the emulator and `accounts` accounts. */
async function scanForm(screen: Screen, accounts: number) {
  await screen.pressUntil('› Device:       ‹ Ledger on USB ›', ENTER);
  await screen.pressUntil('‹ Speculos emulator ›', ARROW_RIGHT);
  await screen.pressUntil('› Emulator at:', TAB);
  screen.type(`127.0.0.1:${emulator.port}`);
  await screen.waitFor(`Emulator at:  127.0.0.1:${emulator.port}`);
  await screen.pressUntil('› Accounts:', TAB);
  screen.type(`${CTRL_U}${accounts}`);
  await screen.waitFor(`Accounts:     ${accounts}`);
}

/** Scans and waits for the list. */
async function scanned(screen: Screen, accounts: number) {
  await scanForm(screen, accounts);
  return screen.pressUntil(`${accounts} accounts on the Ledger`, CTRL_S);
}

describe('scanning a Ledger', () => {
  it('shows rows as the device answers, lists exactly its addresses, and saves them as a ledger identity', async () => {
    device({ delayMs: 40 });
    const session = await openTestVault();
    const screen = await openLedger(session);
    expectFits(screen.frame());
    await scanForm(screen, 3);
    expectFits(screen.frame());

    // One row, then more: "1 of 3" while the device is still answering.
    const progress = await screen.pressUntil(/1 of 3/u, CTRL_S);
    expect(prose(progress)).toContain(`Reading from the emulator at 127.0.0.1:${emulator.port}… 1 of 3`);
    expect(rowsOf(progress)[0]).toEqual(['0', onDevice(0).address]);
    expect(content(progress)).not.toContain(onDevice(2).address);

    const list = await screen.waitFor('3 accounts on the Ledger (substrate)');
    expectFits(list);
    // At 80 columns the rows keep the addresses whole; the account number is what their paths differ by.
    expect(rowsOf(list)).toEqual([0, 1, 2].map((n) => [...(n === 0 ? ['›'] : []), String(n), onDevice(n).address]));
    expect(content(list)).toContain(`Account 0: ${onDevice(0).path}`);

    // Save asks for a name, "ledger" unless changed; public keys only, into the vault file.
    const naming = await screen.pressUntil('Identity name: ledger', 'w');
    expectFits(naming);
    screen.type(`${CTRL_U}nano`);
    await screen.waitFor('Identity name: nano');
    const saved = await screen.pressUntil('Accounts ·', ENTER);
    expect(statusLine(saved)).toContain('✓ Saved ledger identity "nano" with 3 accounts: nano-0, nano-1, nano-2.');
    expect(saved).toMatch(/nano-2 +5/u);

    const data = await reopen(session);
    expect(data.identities).toMatchObject([{ name: 'nano', kind: 'ledger' }]);
    expect(data.identities[0]).not.toHaveProperty('mnemonic');
    expect(
      data.accounts.map(({ name, type, path, publicKey, network, identity }) => ({
        name,
        type,
        path,
        publicKey,
        network,
        identity,
      })),
    ).toEqual(
      [0, 1, 2].map((n) => ({
        name: `nano-${n}`,
        type: 'ed25519',
        path: onDevice(n).path,
        publicKey: onDevice(n).publicKey,
        network: 'substrate',
        identity: data.identities[0]!.id,
      })),
    );
    screen.unmount();
  });

  it('shows an address on the device to compare, and says when it was approved or rejected there', async () => {
    device();
    const screen = await openLedger(await openTestVault());
    await scanned(screen, 2);
    emulator.shown.length = 0;

    // The person takes a moment: the screen says what to do, with the whole address to compare.
    device({ delayMs: 150 });
    await screen.pressUntil(`Account 1: ${onDevice(1).path}`, ARROW_DOWN);
    const waiting = await screen.pressUntil('Show account 1 on the Ledger', 's');
    expect(prose(waiting)).toContain(
      'Compare the address on the Ledger with the one here, then approve or reject on the device.',
    );
    const whole = await screen.waitFor(onDevice(1).address);
    expect(whole).toContain(onDevice(1).path);
    expectFits(whole);
    const approved = await waitForProse(screen, 'Approved on the Ledger: account 1');
    expect(emulator.shown).toEqual([onDevice(1).path]);
    expect(approved).toContain('2 accounts on the Ledger');

    device({ reject: true });
    const rejected = await screen.pressUntil(/Rejected on the Ledger/u, 's');
    expect(prose(rejected)).toContain(
      'Rejected on the Ledger; nothing was changed; try again and approve it on the device.',
    );
    expect(emulator.shown).toEqual([onDevice(1).path, onDevice(1).path]);
    expectFits(rejected);
    screen.unmount();
  });

  it('a locked device is said in one sentence, and Enter tries again once it is unlocked', async () => {
    device({ status: SW.LOCKED });
    const screen = await openLedger(await openTestVault());
    await scanForm(screen, 2);
    const locked = await screen.pressUntil('The Ledger is locked', CTRL_S);
    expect(prose(locked)).toContain(
      'The Ledger is locked; unlock it with its PIN, open the Polkadot app and try again.',
    );
    expect(prose(locked)).toContain('Enter tries again');
    expectFits(locked);

    device();
    await screen.pressUntil('2 accounts on the Ledger', ENTER);
    screen.unmount();
  });

  it('Esc stops a scan under way: back to the form, and the device is asked nothing more', async () => {
    const replyMs = 80;
    device({ delayMs: replyMs });
    const session = await openTestVault();
    const screen = await openLedger(session);
    await scanForm(screen, 5);
    await screen.pressUntil(/1 of 5/u, CTRL_S);
    const stopped = await screen.pressUntil('Scan cancelled: nothing was saved.', ESC);
    expect(stopped).toContain(`Emulator at:  127.0.0.1:${emulator.port}`);
    const asked = emulator.apdus.length;
    // At most the request already on its way when Esc was pressed, for as long as five more
    // replies would take: a scan still running would have asked again after each.
    await expectThroughout(5 * replyMs, () => expect(emulator.apdus.length).toBeLessThanOrEqual(asked + 1));
    expect(screen.frame()).toContain('Scan a Ledger');
    expect((await reopen(session)).identities).toEqual([]);
    screen.unmount();
  });

  it('says what is wrong with the form before asking the device anything', async () => {
    device();
    const screen = await openLedger(await openTestVault());
    await screen.pressUntil('Scan a Ledger', ENTER);
    await screen.pressUntil('‹ Speculos emulator ›', ' ');
    await screen.press(TAB);
    screen.type('nowhere');
    await screen.press(TAB);
    screen.type(`${CTRL_U}0`);
    await screen.waitFor('Accounts:     0');
    const asked = emulator.apdus.length;
    // The problems show as soon as the fields are left; sending the form goes back to the first.
    const refused = await screen.pressUntil('› Emulator at:', CTRL_S);
    expect(prose(refused)).toContain('"nowhere" is not HOST:PORT');
    expect(prose(refused)).toContain('The number of accounts must be a whole number from 1 to 1000, not "0"');
    expect(emulator.apdus.length).toBe(asked);
    screen.unmount();
  });

  it('the help lists the keys of the list, from the keymap', async () => {
    const screen = await openLedger(await openTestVault());
    const help = await screen.pressUntil('show on the Ledger', '?');
    expect(help).toMatch(/s +show on the Ledger/u);
    expect(help).toMatch(/w\/C-s +save/u);
    screen.unmount();
  });
});
