/** End to end: `airlock settings` and `airlock address edit`, the CLI side of the app's Settings and Address book. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OWNER,
  airlockJson,
  airlockOk,
  copyVault,
  createVault,
  expectCleanFailure,
  fileBytes,
  runAirlock,
} from '../helpers/cli.js';
import { ALICE, BOB } from '../helpers/dev-keys.js';
import { createScratch } from '../helpers/files.js';

interface Entry {
  name: string;
  address: string;
  network: string;
  note: string;
}

let scratch: Awaited<ReturnType<typeof createScratch>>;
let template = '';
beforeAll(async () => {
  scratch = await createScratch('settings');
  template = await createVault(join(await scratch.dir('template'), 'vault.json'), { devIdentity: true });
  await airlockOk(['address', 'add', '--name', 'alice', '--note', 'first', ALICE.substrate], {
    vault: template,
    env: OWNER,
  });
});
afterAll(() => scratch?.remove());

describe.concurrent('settings and address edit', () => {
  it('the default network applies to new accounts, and is refused when unknown', async () => {
    const vault = await copyVault(template, await scratch.dir());
    expect(await airlockJson(['settings'], { vault, env: OWNER })).toEqual({
      defaultNetwork: 'substrate',
      ss58Prefix: 42,
    });
    expect(await airlockJson(['settings', '--default-network', '2'], { vault, env: OWNER })).toEqual({
      defaultNetwork: 'kusama',
      ss58Prefix: 2,
    });
    await airlockOk(['account', 'derive', '--identity', 'dev', '--name', 'alice', '--path', '//Alice'], {
      vault,
      env: OWNER,
    });
    const account = await airlockJson<{ address: string; network: string }>(['account', 'show', 'alice'], {
      vault,
      env: OWNER,
    });
    expect(account).toMatchObject({ network: 'kusama', address: ALICE.kusama });

    const before = await fileBytes(vault);
    expectCleanFailure(
      await runAirlock(['settings', '--default-network', 'atlantis'], { vault, env: OWNER }),
      /unknown network "atlantis"/,
    );
    expect((await fileBytes(vault)).equals(before)).toBe(true);
  });

  it('edits an entry: rename, note, then a new address re-checked', async () => {
    const vault = await copyVault(template, await scratch.dir());
    await airlockOk(['address', 'edit', 'alice', '--name', 'alice-cold', '--note', 'in the safe'], {
      vault,
      env: OWNER,
    });
    await airlockOk(['address', 'edit', 'alice-cold', '--address', BOB.polkadot], { vault, env: OWNER });
    expect(await airlockJson<Entry[]>(['address', 'list'], { vault, env: OWNER })).toEqual([
      { name: 'alice-cold', address: BOB.polkadot, network: 'polkadot', note: 'in the safe' },
    ]);
  });

  it('refuses an edit to an invalid address and changes nothing', async () => {
    const vault = await copyVault(template, await scratch.dir());
    const before = await fileBytes(vault);
    const result = await runAirlock(['address', 'edit', 'alice', '--address', `${ALICE.substrate.slice(0, -1)}Z`], {
      vault,
      env: OWNER,
    });
    expectCleanFailure(result, /is not a valid address/);
    expect((await fileBytes(vault)).equals(before)).toBe(true);
  });
});
