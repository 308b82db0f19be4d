/**
 * Chain metadata through the app: a file as an online node gives it, added from the path field;
 * a chain airlock does not know described in a form first; listed with its network, spec and
 * metadata version, size and when it was added; removed after a question; a file that is not
 * metadata refused where the path was typed.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectFits } from '../../helpers/ink.js';
import { ARROW_DOWN, CTRL_U, ENTER, ESC, paste, TAB } from '../../helpers/keys.js';
import { METADATA_HEX } from '../../helpers/metadata.js';
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

  it('asks which chain a runtime airlock does not know is, refuses a wrong hash under the form, then adds it', async () => {
    const session = await openTestVault();
    // A development node's V15 metadata, as Metadata_metadata_at_version(15) answers: runtime "node".
    const file = join(root, 'node.hex');
    await writeFile(file, METADATA_HEX.substrateV15);
    const genesis = `0x${'5e'.repeat(32)}`;
    const screen = await openSign(session);
    await screen.pressUntil('Chain metadata · 0 versions kept', ARROW_DOWN, ENTER);
    await screen.pressUntil('Add chain metadata', 'a');
    screen.type(CTRL_U);
    screen.type(file);
    const form = await screen.pressUntil('Which chain is this metadata for?', ENTER);
    expectFits(form);
    expect(prose(form)).toContain('runtime "node" (spec 268, V15, SS58 prefix 42)');
    expect(form).toMatch(/› Genesis: +0x and 64 hex digits/u);
    expect(session.data.metadata).toEqual([]);

    // Enter on an empty field moves on; on the last it names what is missing.
    await screen.pressUntil(/› Token:/u, ENTER);
    const missing = await screen.pressUntil("Give the chain's genesis hash", ENTER, ENTER);
    expect(missing).toMatch(/› Genesis:/u);

    screen.type(paste('0x1234'));
    screen.type(`${TAB}UNIT${TAB}12`);
    const refused = await screen.pressUntil('is not a genesis hash', ENTER);
    expectFits(refused);
    expect(prose(refused)).toContain('0x and 64 hex digits');
    expect(session.data.metadata).toEqual([]);

    // Esc goes back to the file, which Enter reads again into an empty form.
    await screen.pressUntil('Add chain metadata', ESC);
    await screen.pressUntil('Which chain is this metadata for?', ENTER);
    screen.type(paste(genesis));
    screen.type(`${TAB}UNIT${TAB}12`);
    const listed = await screen.pressUntil('Chain metadata · 1 version kept', ENTER);
    expectFits(listed);
    expect(listed).toContain('Added node runtime 268');
    const row = /node +268 +V15 +\d+\.\d [KM]iB +\d{4}-\d\d-\d\d +ok/u;
    await screen.waitForFrame((frame) => row.test(content(frame)), 'the node row, its file checked');
    expect(session.data.metadata).toMatchObject([
      { network: 'node', specName: 'node', genesisHash: genesis, token: 'UNIT', decimals: 12, ss58Prefix: 42 },
    ]);
    screen.unmount();
    session.close();
  });
});
