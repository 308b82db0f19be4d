/**
 * Chain metadata through the app: a file as an online node gives it, added from the path field;
 * listed with its network, spec and metadata version, size and when it was added; removed after
 * a question; a file that is not metadata refused where the path was typed.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectFits } from '../../helpers/ink.js';
import { ARROW_DOWN, CTRL_U, ENTER, ESC } from '../../helpers/keys.js';
import { content, prose } from '../../helpers/shell.js';
import { chainFixture } from '../../helpers/sign-transactions.js';
import { openTestVault } from '../../helpers/vault.js';
import { metadataFile, openSign } from './helpers.js';

let root = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'airlock-metadata-screen-'));
});

describe('chain metadata in the app', () => {
  it('adds a file from the path field, lists it, and removes it after y', async () => {
    const session = await openTestVault();
    const kusama = chainFixture('kusama', 14);
    const file = await metadataFile(kusama.metadata, join(root, 'kusama.hex'));
    const screen = await openSign(session);

    const empty = await screen.pressUntil('Chain metadata · 0 versions kept', ARROW_DOWN, ENTER);
    expect(prose(empty)).toContain('None yet: press a to add');
    await screen.pressUntil('Add chain metadata', 'a');
    screen.type(CTRL_U);
    screen.type(file);
    const listed = await screen.pressUntil('Chain metadata · 1 version kept', ENTER);
    expectFits(listed);
    expect(content(listed)).toMatch(/NETWORK +SPEC +VER +SIZE +ADDED +FILE/u);
    const row = new RegExp(`kusama +${kusama.specVersion} +V14 +\\d+\\.\\d [KM]iB +\\d{4}-\\d\\d-\\d\\d +ok`, 'u');
    // The file's state is checked off the render path: "…" until then.
    await screen.waitForFrame((frame) => row.test(content(frame)), 'the kusama row, its file checked');
    expect(listed).toContain(`Added kusama runtime ${kusama.specVersion}`);
    expect(session.data.metadata).toMatchObject([{ network: 'kusama', specVersion: kusama.specVersion }]);

    const question = await screen.pressUntil(`Remove kusama metadata, spec ${kusama.specVersion}?`, 'x');
    expectFits(question);
    // n keeps it.
    await screen.pressUntil('Chain metadata · 1 version kept', 'n');
    await screen.pressUntil('Remove kusama metadata', 'x');
    await screen.pressUntil('Chain metadata · 0 versions kept', 'y');
    expect(session.data.metadata).toEqual([]);
    await screen.pressUntil('› Chain metadata', ESC);
    screen.unmount();
    session.close();
  });

  it('refuses a file that is not metadata, under the field, and keeps nothing', async () => {
    const session = await openTestVault();
    const file = join(root, 'notes.txt');
    await writeFile(file, 'the shopping list, not metadata');
    const screen = await openSign(session);
    await screen.pressUntil('Chain metadata · 0 versions kept', ARROW_DOWN, ENTER);
    await screen.pressUntil('Add chain metadata', 'a');
    screen.type(CTRL_U);
    screen.type(file);
    screen.type(ENTER);
    const refused = await screen.waitForFrame(
      (frame) => frame.includes('Add chain metadata') && frame.includes('✗'),
      'the refusal under the field',
    );
    expectFits(refused);
    expect(session.data.metadata).toEqual([]);
    // Esc leaves for the list, still empty.
    await screen.pressUntil('Chain metadata · 0 versions kept', ESC);
    screen.unmount();
    session.close();
  });
});
