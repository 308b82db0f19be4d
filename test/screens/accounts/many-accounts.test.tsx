import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { accountAddress } from '../../../src/vault/accounts.js';
import type { Account } from '../../../src/vault/model.js';
import type { VaultSession } from '../../../src/vault/store.js';
import { expectFits } from '../../helpers/ink.js';
import { BACKSPACE, ENTER, ESC } from '../../helpers/keys.js';
import { content } from '../../helpers/shell.js';
import { openTestVault } from '../../helpers/vault.js';
import { openAccounts } from './helpers.js';

const COUNT = 10_000;

/** Synthetic sr25519 accounts with random keys, written in one change as the benchmark does. */
async function withManyAccounts(): Promise<VaultSession> {
  const session = await openTestVault({ dev: true });
  await session.update((data) => {
    const identity = data.identities[0]!.id;
    const createdAt = new Date().toISOString();
    const accounts: Account[] = Array.from({ length: COUNT }, (_, i) => ({
      name: `account-${i}`,
      identity,
      type: 'sr25519',
      path: `//${i}`,
      publicKey: `0x${randomBytes(32).toString('hex')}`,
      network: 'substrate',
      createdAt,
    }));
    return { data: { ...data, accounts }, result: undefined };
  });
  return session;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
};

describe('a vault of 10,000 accounts', () => {
  it('filters correctly, a frame per keypress, quickly', async () => {
    const session = await withManyAccounts();
    const screen = await openAccounts(session);
    expect(screen.frame()).toContain('10,000 accounts');
    await screen.pressUntil('/ ', '/');

    const query = 'account-9999';
    const times: number[] = [];
    for (let i = 1; i <= query.length; i++) {
      const typed = query.slice(0, i);
      const started = performance.now();
      const frame = await screen.press(query[i - 1]!);
      times.push(performance.now() - started);
      // Each frame shows the filter as typed so far and the number it matches.
      expect(frame).toContain(`/ ${typed}`);
    }
    for (let i = 0; i < 2; i++) {
      const started = performance.now();
      await screen.press(BACKSPACE);
      times.push(performance.now() - started);
    }
    // "account-99": names ending in 99 and the 99xx ones; nothing else holds the text.
    const expected = session.data.accounts.filter((a) => a.name.includes('account-99')).length;
    expect(expected).toBe(111);
    const frame = await screen.waitFor(`${expected} of 10,000`);
    expectFits(frame);
    const names = content(frame).match(/^account-\d+/gmu) ?? [];
    expect(names.length).toBeGreaterThan(10);
    expect(names.every((name) => name.startsWith('account-99'))).toBe(true);

    console.log(
      `10,000 accounts: keypress to frame while filtering, median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (${times.length} keys)`,
    );
    for (const ms of times) expect(ms).toBeLessThan(250);

    // An address fragment finds its account among the 10,000.
    const target = session.data.accounts[7_321]!;
    await screen.pressUntil('10,000 accounts', ESC);
    await screen.pressUntil('/ ', '/');
    screen.type(accountAddress(target).slice(-12).toLowerCase());
    const found = await screen.waitFor('1 of 10,000');
    expect(found).toMatch(/account-7321 /u);
    await screen.pressUntil('Public key', ENTER, ENTER);
    expect(screen.frame()).toContain(accountAddress(target));
    screen.unmount();
  });

  it('moves to the last of 10,000 and back', async () => {
    const session = await withManyAccounts();
    const screen = await openAccounts(session);
    const last = await screen.pressUntil('10,000/10,000', 'G');
    expect(last).toMatch(/account-9999 /u);
    expectFits(last);
    const first = await screen.pressUntil(' 1/10,000', 'g');
    expect(first).toMatch(/account-0 /u);
    screen.unmount();
  });
});
