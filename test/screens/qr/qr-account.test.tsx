/**
 * Choosing an account's address code in the QR section: only chains a code can name are offered,
 * and an ethereum account gets the `ethereum:` code polkadot.js apps reads on an EVM chain. Every
 * code is read back off the frame the app draws.
 */
import { describe, expect, it } from 'vitest';
import * as actions from '../../../src/vault/actions.js';
import { listNetworks } from '../../../src/vault/networks.js';
import type { VaultSession } from '../../../src/vault/store.js';
import { ALITH, BOB, ETHEREUM_PATH } from '../../helpers/dev-keys.js';
import { expectFits } from '../../helpers/ink.js';
import { ARROW_DOWN, CTRL_U, ENTER } from '../../helpers/keys.js';
import { prose } from '../../helpers/shell.js';
import { openTestVault } from '../../helpers/vault.js';
import { POLKADOT_GENESIS, openQr, scanBoth } from './helpers.js';

/** `bob` (//Bob) on generic Substrate, `alith` (ethereum) on `network`. */
async function withBobAndAlith(network: string): Promise<VaultSession> {
  const session = await openTestVault({ dev: true });
  await actions.deriveAccount(session, { identity: 'dev', name: 'bob', type: 'sr25519', path: '//Bob' });
  await actions.deriveAccount(session, {
    identity: 'dev',
    name: 'alith',
    type: 'ethereum',
    path: ETHEREUM_PATH,
    network,
  });
  return session;
}

const showable = listNetworks().filter((n) => n.genesisHash).length;

describe("the QR section's address codes", () => {
  it('offers only chains with a genesis hash, and says why one typed is not offered', async () => {
    const screen = await openQr(await withBobAndAlith('substrate'));
    await screen.pressUntil('NAME', ENTER);
    const chain = await screen.pressUntil('choose the chain', ENTER);
    expectFits(chain);
    expect(chain).toContain(`${showable} of ${showable}`);
    expect(showable).toBeLessThan(listNetworks().length);
    screen.type('moonbeam');
    const refused = await screen.waitFor('has no genesis hash');
    expect(prose(refused)).toContain(
      `network "moonbeam" has no genesis hash, and an address QR must name the chain's genesis hash.`,
    );
    screen.type(ENTER);
    // Enter on nothing shows nothing and stays: the next key still edits the search.
    screen.type(`${CTRL_U}polkadot`);
    await screen.waitFor(/› polkadot|polkadot +0 /u);
    await screen.pressUntil('q quit', ENTER);
    expect(scanBoth(screen)).toBe(`substrate:${BOB.polkadot}:${POLKADOT_GENESIS}:bob`);
    screen.unmount();
  });

  it('answers a typo with the chains it is probably a typo of', async () => {
    const screen = await openQr(await withBobAndAlith('substrate'));
    await screen.pressUntil('NAME', ENTER);
    await screen.pressUntil('choose the chain', ENTER);
    screen.type('polkdot');
    const guessed = await screen.waitFor('did you mean');
    expect(guessed).toContain('no network has "polkdot"; did you mean:');
    expect(guessed).toMatch(/polkadot +0 +Polkadot Relay Chain/u);
    await screen.pressUntil('q quit', ENTER);
    expect(scanBoth(screen)).toBe(`substrate:${BOB.polkadot}:${POLKADOT_GENESIS}:bob`);
    screen.unmount();
  });

  for (const network of ['moonbeam', 'substrate']) {
    it(`shows an ethereum account kept on ${network} as the ethereum: code, with no chain to choose`, async () => {
      const screen = await openQr(await withBobAndAlith(network));
      await screen.pressUntil('NAME', ENTER);
      const player = await screen.pressUntil('q quit', ARROW_DOWN, ENTER);
      expect(player.split('\n').at(-1)).toBe(`alith for EVM chains: ${ALITH} · q quit`);
      expectFits(player);
      expect(scanBoth(screen)).toBe(`ethereum:${ALITH}:alith`);
      screen.unmount();
    });
  }
});
