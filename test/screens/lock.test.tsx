import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app/app.js';
import { VaultSession } from '../../src/vault/store.js';
import { renderScreen } from '../helpers/ink.js';
import { ENTER, ESC } from '../helpers/keys.js';
import { FAST_SCRYPT, TEST_PASSWORD } from '../helpers/vault.js';

const newPath = async () => join(await mkdtemp(join(tmpdir(), 'airlock-lock-')), 'vault.json');

describe('before the vault is open', () => {
  it('first run: refuses a short password, warns about a weak one, insists on the same one twice', async () => {
    const path = await newPath();
    const screen = await renderScreen(<App vaultPath={path} vaultExists={false} />);
    await screen.waitFor('Create a vault');
    screen.type('abc');
    await screen.waitFor('at least 6 characters');
    await screen.press(ENTER);
    expect(screen.frame()).not.toContain('Repeat it');

    screen.type('def');
    // The refusal of "abc" went with it: the verdict is the one of the password as it is now.
    expect(await screen.waitFor('is weak')).not.toContain('at least 6 characters');
    screen.type('-and-a-much-longer-tail-42');
    await screen.waitFor('A strong password.');
    await screen.pressUntil('Repeat it:', ENTER);
    screen.type('something else');
    await screen.pressUntil('The two passwords differ', ENTER);
    // Back on the first field the fields no longer differ: nothing says they do.
    expect(await screen.pressUntil('A strong password.', ESC)).not.toContain('differ');
    await screen.pressUntil('Repeat it:', ENTER);
    expect(screen.frame()).not.toContain('differ');
    screen.type('someth');
    await screen.waitFor(/Repeat it: •{6}(?!•)/u);
    expect(screen.frame()).not.toContain('differ');
    await screen.pressUntil('The two passwords differ', ENTER);

    screen.type('abcdef-and-a-much-longer-tail-42');
    await screen.pressUntil('Identities ·', ENTER);
    const session = await VaultSession.unlock(path, new TextEncoder().encode('abcdef-and-a-much-longer-tail-42'));
    expect(session.data.identities).toEqual([]);
    expect((JSON.parse(await readFile(path, 'utf8')) as { format: unknown }).format).toBe('airlock-vault');
    screen.unmount();
  });

  it('unlock: a wrong password says so and asks again; the right one opens the vault', async () => {
    const path = await newPath();
    (await VaultSession.create(path, new TextEncoder().encode(TEST_PASSWORD), FAST_SCRYPT)).close();
    let opened: VaultSession | undefined;
    const screen = await renderScreen(<App vaultPath={path} vaultExists onSession={(s) => (opened = s)} />);
    await screen.waitFor('Unlock the vault');
    screen.type('wrong-password');
    await screen.waitFor('••••••••••••••');
    expect(screen.frame()).not.toContain('wrong-password');
    await screen.pressUntil('Wrong password. Try again.', ENTER);
    screen.type(TEST_PASSWORD);
    await screen.pressUntil('Identities ·', ENTER);
    expect(opened?.path).toBe(path);
    screen.unmount();
  });
});
