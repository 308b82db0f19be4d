/** `airlock qr show --account` for an ethereum account, and its refusal of a chain an address QR cannot name. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER, airlockOk, createVault, expectCleanFailure, runAirlock } from '../helpers/cli.js';
import { ALITH } from '../helpers/dev-keys.js';
import { createScratch } from '../helpers/files.js';
import { DARK_THEME, readQrPicture, terminalToImage } from '../helpers/qr-pixels.js';
import { openTerminal } from '../helpers/tmux.js';

let scratch: Awaited<ReturnType<typeof createScratch>>;
let vault = '';
beforeAll(async () => {
  scratch = await createScratch('qr-address');
  vault = await createVault(join(await scratch.dir('vault'), 'vault.json'), { devIdentity: true });
  await airlockOk(['account', 'derive', '--identity', 'dev', '--name', 'alith', '--type', 'ethereum'], {
    vault,
    env: OWNER,
  });
  await airlockOk(['account', 'derive', '--identity', 'dev', '--name', 'bob', '--path', '//Bob'], {
    vault,
    env: OWNER,
  });
});
afterAll(() => scratch?.remove());

describe('airlock qr show --account', () => {
  it('shows an ethereum account as the ethereum: code polkadot.js apps reads, in any network given', async () => {
    for (const network of [[], ['--network', 'substrate']]) {
      const terminal = await openTerminal({
        columns: 100,
        rows: 40,
        args: ['--vault', vault, 'qr', 'show', '--account', 'alith', ...network],
        env: OWNER,
      });
      try {
        await terminal.waitFor('q quit');
        const screen = (await terminal.colouredScreen()).split('\n');
        expect(readQrPicture(terminalToImage(screen, DARK_THEME))).toBe(`ethereum:${ALITH}:alith`);
        await terminal.keys('q');
        expect(await terminal.exited()).toBe(0);
      } finally {
        await terminal.close();
      }
    }
  });

  it('refuses a chain with no genesis hash for any other account, saying so before it needs a terminal', async () => {
    expectCleanFailure(
      await runAirlock(['qr', 'show', '--account', 'bob', '--network', 'moonbeam'], { vault, env: OWNER }),
      /network "moonbeam" has no genesis hash, and an address QR must name the chain's genesis hash/,
    );
  });
});
