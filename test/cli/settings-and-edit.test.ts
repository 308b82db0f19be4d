/** End to end: `airlock settings` (the default network, the lock time) and `airlock address edit`, the CLI side of the app's Settings and Address book. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OWNER,
  airlockJson,
  airlockOk,
  copyVault,
  createVault,
  expectCleanFailure,
  expectUsageError,
  fileBytes,
  PASSWORD,
  runAirlock,
} from '../helpers/cli.js';
import { ALICE, BOB } from '../helpers/dev-keys.js';
import { createScratch } from '../helpers/files.js';
import { FAST_SCRYPT } from '../helpers/vault.js';
import { createKey, seal, wipeKey } from '../../src/vault/envelope.js';

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
      lockAfterMinutes: 5,
    });
    expect(await airlockJson(['settings', '--default-network', '2'], { vault, env: OWNER })).toEqual({
      defaultNetwork: 'kusama',
      ss58Prefix: 2,
      lockAfterMinutes: 5,
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

  it('sets the lock time in whole minutes, 0 for never, and shows it', async () => {
    const vault = await copyVault(template, await scratch.dir());
    const shown = await airlockOk(['settings'], { vault, env: OWNER });
    expect(shown.stdout).toMatch(/^lock after +5 minutes$/mu);
    expect(await airlockJson(['settings', '--lock-after', '15'], { vault, env: OWNER })).toMatchObject({
      lockAfterMinutes: 15,
      defaultNetwork: 'substrate',
    });
    expect((await airlockOk(['settings'], { vault, env: OWNER })).stdout).toMatch(/^lock after +15 minutes$/mu);
    await airlockOk(['settings', '--lock-after', '1'], { vault, env: OWNER });
    expect((await airlockOk(['settings'], { vault, env: OWNER })).stdout).toMatch(/^lock after +1 minute$/mu);
    // Both settings in one command.
    const both = await airlockOk(['settings', '--lock-after', '0', '--default-network', 'polkadot'], {
      vault,
      env: OWNER,
    });
    expect(both.stdout).toMatch(/^lock after +never$/mu);
    expect(both.stdout).toMatch(/^default network +polkadot \(SS58 prefix 0\)$/mu);
    expect(await airlockJson(['settings'], { vault, env: OWNER })).toEqual({
      defaultNetwork: 'polkadot',
      ss58Prefix: 0,
      lockAfterMinutes: 0,
    });
    await airlockOk(['settings', '--lock-after', '1440'], { vault, env: OWNER });
    expect(await airlockJson(['settings'], { vault, env: OWNER })).toMatchObject({ lockAfterMinutes: 1440 });
  });

  it('refuses a lock time that is not whole minutes from 0 to 1440, before asking for the password', async () => {
    const vault = await copyVault(template, await scratch.dir());
    const before = await fileBytes(vault);
    for (const bad of ['1441', '-1', '1.5', 'five', '', '5m', '99999999999999999999']) {
      // No password given: had it been asked for first, this would fail for want of one.
      const result = await runAirlock(['settings', '--lock-after', bad], { vault });
      expectUsageError(result, /--lock-after must be a whole number of minutes from 0 to 1440 \(0: never\)/);
    }
    expect((await fileBytes(vault)).equals(before)).toBe(true);
  });

  it('reads a vault written before the lock time existed as the default, 5 minutes', async () => {
    const dir = await scratch.dir();
    const vault = join(dir, 'vault.json');
    const key = await createKey(new TextEncoder().encode(PASSWORD), FAST_SCRYPT);
    const data = { identities: [], accounts: [], addresses: [], settings: { defaultNetwork: 'kusama' } };
    await writeFile(vault, seal('airlock-vault', 3, data, key));
    wipeKey(key);
    expect(await airlockJson(['settings'], { vault, env: OWNER })).toEqual({
      defaultNetwork: 'kusama',
      ss58Prefix: 2,
      lockAfterMinutes: 5,
    });
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
