/**
 * End to end: every vault command of the scriptable contract (docs: DESIGN.md, "Command line"),
 * run as the real binary on temporary vaults. Tests are independent (each works on its own copy
 * of a template vault), so they run concurrently: each unlock costs ~0.6 s of scrypt.
 */
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OWNER,
  PASSWORD,
  airlockJson,
  airlockOk,
  copyVault,
  createVault,
  expectCleanFailure,
  expectUsageError,
  fileBytes,
  runAirlock,
  runAirlockInTerminal,
} from '../helpers/cli.js';
import {
  ALICE,
  ALICE_ECDSA_SUBSTRATE,
  ALICE_ED25519_SUBSTRATE,
  ALITH,
  BOB,
  CHARLIE,
  DEV_PHRASE,
  EIP55_ADDRESS,
  ETHEREUM_PATH,
} from '../helpers/dev-keys.js';
import { createScratch } from '../helpers/files.js';

const NEW_PASSWORD = 'a-different-passphrase-42';
const ENTER_ALT_SCREEN = '\x1b[?1049h';
const LEAVE_ALT_SCREEN = '\x1b[?1049l';

interface IdentityRow {
  name: string;
  kind: string;
  accounts: number;
  createdAt: string;
}
interface AccountView {
  name: string;
  address: string;
  publicKey: string;
  type: string;
  path: string;
  network: string;
  ss58Prefix: number;
  identity: string;
}
interface AddressRow {
  name: string;
  address: string;
  network: string;
  note: string;
}

let scratch: Awaited<ReturnType<typeof createScratch>>;
/** Template vaults, built once: empty; with identity `dev`; with `dev` and account `alice` (//Alice). */
const template = { empty: '', dev: '', devWithAlice: '' };

beforeAll(async () => {
  scratch = await createScratch('commands');
  template.empty = await createVault(join(await scratch.dir('template-empty'), 'vault.json'));
  template.dev = await copyVault(template.empty, await scratch.dir('template-dev'));
  await restore(template.dev, 'dev', DEV_PHRASE);
  template.devWithAlice = await copyVault(template.dev, await scratch.dir('template-dev-alice'));
  await owner(template.devWithAlice, [
    'account',
    'derive',
    '--identity',
    'dev',
    '--name',
    'alice',
    '--path',
    '//Alice',
  ]);
});

afterAll(() => scratch?.remove());

/** A private copy of a template vault for one test. */
const fresh = async (from: string) => copyVault(from, await scratch.dir());

/** Runs a command as the vault's owner (password from the environment) and expects success. */
const owner = (vault: string, args: string[], input?: string) => airlockOk(args, { vault, env: OWNER, input });
const ownerJson = <T>(vault: string, args: string[]) => airlockJson<T>(args, { vault, env: OWNER });
const restore = (vault: string, name: string, phrase: string) =>
  owner(vault, ['identity', 'restore', '--name', name], phrase);

/** The address a `account derive` printed. */
function derivedAddress(stdout: string): string {
  const match = /^Derived account "[^"]+": (\S+)$/mu.exec(stdout);
  expect(match, stdout).not.toBeNull();
  return match![1]!;
}

describe.concurrent('init and the vault location', () => {
  it('init creates an empty vault, readable by its owner only, and refuses to replace it', async () => {
    const vault = join(await scratch.dir(), 'not-yet', 'vault.json');
    const { stdout } = await owner(vault, ['init']);
    expect(stdout).toContain(`Created an empty vault at ${vault}`);
    expect((await stat(vault)).mode & 0o777).toBe(0o600);
    expect(await ownerJson(vault, ['identity', 'list'])).toEqual([]);

    const before = await fileBytes(vault);
    expectCleanFailure(await runAirlock(['init'], { vault, env: OWNER }), /a vault already exists at/);
    expect(await fileBytes(vault)).toEqual(before);
  });

  it('uses $AIRLOCK_VAULT, else ~/.local/share/airlock/vault.json; reads AIRLOCK_PASSWORD_FILE', async () => {
    const home = await scratch.dir('home');
    await airlockOk(['init'], { home, env: OWNER });
    const defaultVault = join(home, '.local', 'share', 'airlock', 'vault.json');
    expect((await stat(defaultVault)).isFile()).toBe(true);

    const passwordFile = join(await scratch.dir(), 'password.txt');
    await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    const elsewhere = await scratch.dir('other-home');
    const listed = await airlockJson(['identity', 'list'], {
      home: elsewhere,
      env: { AIRLOCK_VAULT: defaultVault, AIRLOCK_PASSWORD_FILE: passwordFile },
    });
    expect(listed).toEqual([]);
  });
});

describe.concurrent('identities', () => {
  it('restores the dev phrase typed with messy case and spacing, and only once', async () => {
    const vault = await fresh(template.empty);
    const messy = '  Bottom DRIVE obey\n lake   curtain\tsmoke basket HOLD race\n\n lonely fit Walk  \n';
    const { stdout } = await restore(vault, 'messy', messy);
    expect(stdout).toContain('Restored identity "messy"');

    const derived = await owner(vault, [
      'account',
      'derive',
      '--identity',
      'messy',
      '--name',
      'alice',
      '--path',
      '//Alice',
    ]);
    expect(derivedAddress(derived.stdout)).toBe(ALICE.substrate);

    const again = await runAirlock(['identity', 'restore', '--name', 'dev'], { vault, env: OWNER, input: DEV_PHRASE });
    expectCleanFailure(again, /this recovery phrase is already in the vault as identity "messy"/);
  });

  it('identity list --json gives name, kind, account count and creation time, never the words', async () => {
    const vault = await fresh(template.devWithAlice);
    const { stdout } = await owner(vault, ['identity', 'list', '--json']);
    expect(stdout).not.toContain('bottom drive');
    const rows = JSON.parse(stdout) as IdentityRow[];
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!).sort()).toEqual(['accounts', 'createdAt', 'kind', 'name']);
    expect(rows[0]).toMatchObject({ name: 'dev', kind: 'mnemonic', accounts: 1 });
    expect(Number.isNaN(Date.parse(rows[0]!.createdAt))).toBe(false);
  });

  it('identity rename: the accounts follow the new name', async () => {
    const vault = await fresh(template.devWithAlice);
    expect((await owner(vault, ['identity', 'rename', 'dev', 'operations'])).stdout).toContain(
      'Renamed identity "dev" to "operations"',
    );
    const [identities, accounts] = await Promise.all([
      ownerJson<IdentityRow[]>(vault, ['identity', 'list']),
      ownerJson<AccountView[]>(vault, ['account', 'list']),
    ]);
    expect(identities.map((i) => [i.name, i.accounts])).toEqual([['operations', 1]]);
    expect(accounts.map((a) => [a.name, a.identity])).toEqual([['alice', 'operations']]);
  });

  it('identity remove: refused while it has accounts, needs --yes off a terminal, then removes both', async () => {
    const vault = await fresh(template.devWithAlice);
    const before = await fileBytes(vault);

    const withAccounts = await runAirlock(['identity', 'remove', 'dev'], { vault, env: OWNER });
    expectCleanFailure(withAccounts, /identity "dev" has 1 account; .*--with-accounts/);
    const unconfirmed = await runAirlock(['identity', 'remove', 'dev', '--with-accounts'], { vault, env: OWNER });
    expectCleanFailure(unconfirmed, /removing an identity needs confirmation; .*--yes/);
    expect(await fileBytes(vault)).toEqual(before);

    const removed = await owner(vault, ['identity', 'remove', 'dev', '--with-accounts', '--yes']);
    expect(removed.stdout).toContain('Removed identity "dev" and its 1 account.');
    const [identities, accounts] = await Promise.all([
      ownerJson(vault, ['identity', 'list']),
      ownerJson(vault, ['account', 'list']),
    ]);
    expect(identities).toEqual([]);
    expect(accounts).toEqual([]);
  });

  it('identity new without a terminal fails cleanly before asking anything, and changes nothing', async () => {
    const vault = await fresh(template.dev);
    const before = await fileBytes(vault);
    const result = await runAirlock(['identity', 'new', '--name', 'fresh'], { vault, env: OWNER });
    expectCleanFailure(result, /no terminal/);
    expect(result.stdout).toBe('');
    expect(await fileBytes(vault)).toEqual(before);
  });

  it('identity new on a terminal shows 24 words on the alternate screen once, and saves them', async () => {
    const [vault, replica] = await Promise.all([fresh(template.empty), fresh(template.empty)]);
    const shown = await runAirlockInTerminal(['identity', 'new', '--name', 'fresh'], {
      vault,
      env: OWNER,
      replies: [{ when: 'Press Enter', send: '\r' }],
    });
    expect(shown.code, shown.stdout).toBe(0);

    const enter = shown.stdout.indexOf(ENTER_ALT_SCREEN);
    const leave = shown.stdout.indexOf(LEAVE_ALT_SCREEN);
    expect(enter).toBeGreaterThanOrEqual(0);
    expect(leave).toBeGreaterThan(enter);
    const words = wordsOnScreen(shown.stdout.slice(enter, leave));
    expect(words).toHaveLength(24);
    // Outside the alternate screen (what stays in the scrollback) there is no word of the phrase.
    const outside = shown.stdout.slice(0, enter) + shown.stdout.slice(leave);
    expect(outside).toContain('Saved identity "fresh"');
    expect(outside).not.toMatch(/\b\d+\. [a-z]+/u);

    // The saved identity derives; the same words restored elsewhere derive the same address.
    const [saved, restored] = await Promise.all([
      (async () => {
        expect(await ownerJson<IdentityRow[]>(vault, ['identity', 'list'])).toMatchObject([
          { name: 'fresh', kind: 'mnemonic', accounts: 0 },
        ]);
        return owner(vault, ['account', 'derive', '--identity', 'fresh', '--name', 'first', '--path', '//polkadot//0']);
      })(),
      (async () => {
        await restore(replica, 'copy', words.join(' '));
        return owner(replica, [
          'account',
          'derive',
          '--identity',
          'copy',
          '--name',
          'first',
          '--path',
          '//polkadot//0',
        ]);
      })(),
    ]);
    expect(derivedAddress(restored.stdout)).toBe(derivedAddress(saved.stdout));
  });

  it('identity new: Esc on the words screen cancels and saves nothing', async () => {
    const vault = await fresh(template.dev);
    const before = await fileBytes(vault);
    const result = await runAirlockInTerminal(['identity', 'new', '--name', 'fresh', '--words', '12'], {
      vault,
      env: OWNER,
      replies: [{ when: 'Press Enter', send: '\x1b' }],
    });
    expect(result.code, result.stdout).toBe(1);
    expect(result.stdout).toContain(LEAVE_ALT_SCREEN);
    expect(result.stdout).toMatch(/airlock: cancelled\r?\n/u);
    expect(await fileBytes(vault)).toEqual(before);
  });
});

/** The words of a "1. word   9. word …" grid, in the order of their numbers. */
function wordsOnScreen(screen: string): string[] {
  const numbered = [...screen.matchAll(/(\d+)\. ([a-z]+)/gu)].map((m) => [Number(m[1]), m[2]!] as const);
  numbered.sort((a, b) => a[0] - b[0]);
  expect(numbered.map(([n]) => n)).toEqual(numbered.map((_, i) => i + 1));
  return numbered.map(([, word]) => word);
}

describe.concurrent('accounts', () => {
  it('account derive: sr25519 on the default network, other key types, networks by name and prefix', async () => {
    const vault = await fresh(template.dev);
    const derive = async (name: string, ...options: string[]) =>
      derivedAddress(
        (await owner(vault, ['account', 'derive', '--identity', 'dev', '--name', name, ...options])).stdout,
      );

    expect(await derive('alice', '--path', '//Alice')).toBe(ALICE.substrate);
    expect(await derive('alice-ed', '--path', '//Alice', '--type', 'ed25519')).toBe(ALICE_ED25519_SUBSTRATE);
    expect(await derive('alice-ecdsa', '--path', '//Alice', '--type', 'ecdsa')).toBe(ALICE_ECDSA_SUBSTRATE);
    expect(await derive('alith', '--type', 'ethereum')).toBe(ALITH);
    expect(await derive('bob-dot', '--path', '//Bob', '--network', 'polkadot')).toBe(BOB.polkadot);
    expect(await derive('charlie-ksm', '--path', '//Charlie', '--network', '2')).toBe(CHARLIE.kusama);

    const accounts = await ownerJson<AccountView[]>(vault, ['account', 'list']);
    for (const account of accounts) {
      expect(Object.keys(account)).toEqual(
        expect.arrayContaining(['name', 'address', 'publicKey', 'type', 'path', 'network', 'identity']),
      );
      expect(account.publicKey).toMatch(/^0x[0-9a-f]+$/u);
      expect(account.identity).toBe('dev');
    }
    const byName = Object.fromEntries(accounts.map((a) => [a.name, a]));
    expect(Object.keys(byName)).toEqual(['alice', 'alice-ed', 'alice-ecdsa', 'alith', 'bob-dot', 'charlie-ksm']);
    expect(byName.alice).toMatchObject({
      address: ALICE.substrate,
      publicKey: ALICE.publicKey,
      type: 'sr25519',
      path: '//Alice',
      network: 'substrate',
    });
    expect(byName['alice-ed']).toMatchObject({ address: ALICE_ED25519_SUBSTRATE, type: 'ed25519', path: '//Alice' });
    expect(byName['alice-ecdsa']).toMatchObject({ address: ALICE_ECDSA_SUBSTRATE, type: 'ecdsa' });
    expect(byName['alice-ecdsa']!.publicKey).toHaveLength(2 + 2 * 33); // compressed secp256k1
    expect(byName.alith).toMatchObject({ address: ALITH, type: 'ethereum', path: ETHEREUM_PATH, network: 'moonbeam' });
    expect(byName['bob-dot']).toMatchObject({ address: BOB.polkadot, publicKey: BOB.publicKey, network: 'polkadot' });
    expect(byName['charlie-ksm']).toMatchObject({
      address: CHARLIE.kusama,
      publicKey: CHARLIE.publicKey,
      network: 'kusama',
    });
  });

  it('account show: by address or name, re-encoded with --network, and found by another network’s encoding', async () => {
    const vault = await fresh(template.devWithAlice);
    const [asKusama, asPolkadot, byKusamaAddress] = await Promise.all([
      ownerJson<AccountView>(vault, ['account', 'show', ALICE.substrate, '--network', 'kusama']),
      ownerJson<AccountView>(vault, ['account', 'show', 'alice', '--network', 'polkadot']),
      ownerJson<AccountView>(vault, ['account', 'show', ALICE.kusama]),
    ]);
    expect(asKusama).toMatchObject({
      name: 'alice',
      address: ALICE.kusama,
      network: 'kusama',
      ss58Prefix: 2,
      publicKey: ALICE.publicKey,
    });
    expect(asPolkadot).toMatchObject({ name: 'alice', address: ALICE.polkadot, network: 'polkadot', ss58Prefix: 0 });
    expect(byKusamaAddress).toMatchObject({
      name: 'alice',
      address: ALICE.substrate,
      network: 'substrate',
      identity: 'dev',
    });
  });

  it('account rename and remove (by an address in another encoding)', async () => {
    const vault = await fresh(template.devWithAlice);
    expect((await owner(vault, ['account', 'rename', 'alice', 'alice-main'])).stdout).toContain(
      'Renamed account "alice" to "alice-main"',
    );
    expectCleanFailure(
      await runAirlock(['account', 'show', 'alice'], { vault, env: OWNER }),
      /no account named or at "alice"/,
    );
    expect((await owner(vault, ['account', 'remove', ALICE.polkadot])).stdout).toContain(
      'Removed account "alice-main"',
    );
    expect(await ownerJson(vault, ['account', 'list'])).toEqual([]);
  });

  it('refuses to derive a key that is already in the vault, or to reuse a name', async () => {
    const vault = await fresh(template.devWithAlice);
    const before = await fileBytes(vault);
    const sameKey = await runAirlock(
      ['account', 'derive', '--identity', 'dev', '--name', 'alice-again', '--path', '//Alice'],
      { vault, env: OWNER },
    );
    expectCleanFailure(sameKey, /this key is already in the vault as account "alice"/);
    const sameName = await runAirlock(
      ['account', 'derive', '--identity', 'dev', '--name', 'alice', '--path', '//Bob'],
      { vault, env: OWNER },
    );
    expectCleanFailure(sameName, /an account named "alice" already exists/);
    expect(await fileBytes(vault)).toEqual(before);
  });
});

describe.concurrent('address book', () => {
  it('adds SS58 and EIP-55 addresses, lists and removes them by name or address', async () => {
    const vault = await fresh(template.empty);
    const add = async (...args: string[]) => (await owner(vault, ['address', 'add', ...args])).stdout;

    expect(await add('--name', 'bob', '--network', 'substrate', BOB.substrate)).toContain(
      `Added "bob" (substrate): ${BOB.substrate}`,
    );
    expect(await add('--name', 'alice-dot', '--network', 'polkadot', ALICE.polkadot)).toContain(
      'Added "alice-dot" (polkadot)',
    );
    expect(await add('--name', 'charlie-ksm', CHARLIE.kusama)).toContain('Added "charlie-ksm" (kusama)');
    expect(await add('--name', 'eip55', '--note', 'from the EIP', EIP55_ADDRESS)).toContain(`Added "eip55"`);

    expect(await ownerJson<AddressRow[]>(vault, ['address', 'list'])).toEqual([
      { name: 'bob', address: BOB.substrate, network: 'substrate', note: '' },
      { name: 'alice-dot', address: ALICE.polkadot, network: 'polkadot', note: '' },
      { name: 'charlie-ksm', address: CHARLIE.kusama, network: 'kusama', note: '' },
      { name: 'eip55', address: EIP55_ADDRESS, network: expect.any(String) as unknown, note: 'from the EIP' },
    ]);

    expect((await owner(vault, ['address', 'remove', 'bob'])).stdout).toContain('Removed "bob"');
    expect((await owner(vault, ['address', 'remove', EIP55_ADDRESS.toLowerCase()])).stdout).toContain(
      'Removed "eip55"',
    );
    const left = await ownerJson<AddressRow[]>(vault, ['address', 'list']);
    expect(left.map((a) => a.name)).toEqual(['alice-dot', 'charlie-ksm']);
  });
});

describe.concurrent('passwd', () => {
  it('the old password no longer opens the vault nor its previous generation; the new one opens both', async () => {
    const vault = await fresh(template.dev);
    const previous = `${vault}.bak`;
    const changed = await airlockOk(['passwd'], {
      vault,
      env: { AIRLOCK_PASSWORD: PASSWORD, AIRLOCK_NEW_PASSWORD: NEW_PASSWORD },
    });
    expect(changed.stdout).toContain('Vault password changed.');
    expect(changed.stderr).toBe('');
    for (const file of [vault, previous]) expect((await stat(file)).mode & 0o777).toBe(0o600);

    const list = (file: string, password: string) =>
      runAirlock(['identity', 'list', '--json'], { vault: file, env: { AIRLOCK_PASSWORD: password } });
    const [oldOnVault, oldOnPrevious, newOnVault, newOnPrevious] = await Promise.all([
      list(vault, PASSWORD),
      list(previous, PASSWORD),
      list(vault, NEW_PASSWORD),
      list(previous, NEW_PASSWORD),
    ]);
    // Under --json a failure is the error object on stderr.
    for (const refused of [oldOnVault, oldOnPrevious]) {
      expect(refused.code).toBe(1);
      expect(JSON.parse(refused.stderr)).toMatchObject({ error: { code: 'wrong-password' } });
    }
    for (const opened of [newOnVault, newOnPrevious]) {
      expect(opened.code, opened.stderr).toBe(0);
      expect((JSON.parse(opened.stdout) as IdentityRow[]).map((i) => i.name)).toEqual(['dev']);
    }
  });
});

describe.concurrent('usage errors exit 2', () => {
  it.each([
    ['an unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
    ['a missing --name', ['identity', 'restore'], /required option '--name <name>' not specified/],
    [
      'a --type outside its choices',
      ['account', 'derive', '--identity', 'dev', '--name', 'x', '--type', 'rsa'],
      /argument 'rsa' is invalid/,
    ],
  ])('%s', async (_what, args, message) => {
    const vault = await fresh(template.dev);
    const before = await fileBytes(vault);
    expectUsageError(await runAirlock(args, { vault, env: OWNER, input: DEV_PHRASE }), message);
    expect(await fileBytes(vault)).toEqual(before);
  });
});
