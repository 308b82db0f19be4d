/** The address book screens, driven key by key against a real vault file. */
import { describe, expect, it } from 'vitest';
import * as actions from '../../../src/vault/actions.js';
import { VaultSession } from '../../../src/vault/store.js';
import { ALICE, BOB } from '../../helpers/dev-keys.js';
import { type Screen, expectFits } from '../../helpers/ink.js';
import { ARROW_UP, BACKSPACE, CTRL_U, ENTER, ESC, TAB, paste } from '../../helpers/keys.js';
import { openShell } from '../../helpers/shell.js';
import { TEST_PASSWORD, openTestVault } from '../../helpers/vault.js';

const EIP55 = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

async function openAddressBook(session: VaultSession): Promise<Screen> {
  const screen = await openShell(session);
  await screen.pressUntil('Address book ·', TAB, TAB);
  return screen;
}

describe('the address book screens', () => {
  it('adds an address, checking it as it is typed', async () => {
    const session = await openTestVault();
    const screen = await openAddressBook(session);
    expect(await screen.waitFor('The address book is empty: press a to add')).toBeTruthy();

    await screen.pressUntil('Add an address', 'a');
    screen.type('bob');
    await screen.waitFor('Name:     bob');
    await screen.press(TAB);
    // One character changed: the checksum catches it while it is typed.
    screen.type(`${BOB.substrate.slice(0, -1)}z`);
    const wrong = await screen.waitFor('✗ this address is not a valid address');
    expect(wrong).toContain('checksum');
    expectFits(wrong);
    expect(wrong).not.toContain('will be saved for');

    await screen.press(BACKSPACE);
    screen.type('y');
    const right = await screen.waitFor('✓ will be saved for substrate (prefix 42, Substrate)');
    expect(right).not.toContain('checksum');
    expectFits(right);

    await screen.press(ENTER); // to the network
    await screen.press(ENTER); // to the note
    screen.type('hot wallet');
    await screen.waitFor('hot wallet');
    await screen.pressUntil('Saved "bob" (substrate)', ENTER);
    const list = await screen.waitFor('Address book · 1 entry');
    expect(list).toMatch(/bob\s+5FHneW46xG\S*…\S*JM694ty\s+substrate\s+hot/u);
    expect(list).toContain(BOB.substrate); // in full under the list
    expectFits(list);
    // With room, the row keeps the whole address.
    const wide = await screen.resize(120, 30);
    expect(wide).toMatch(new RegExp(`bob\\s+${BOB.substrate}\\s+substrate\\s+hot wallet`, 'u'));
    expect(session.data.addresses).toMatchObject([
      { name: 'bob', address: BOB.substrate, network: 'substrate', note: 'hot wallet' },
    ]);
    // On disk, not only in memory.
    const reopened = await VaultSession.unlock(session.path, new TextEncoder().encode(TEST_PASSWORD));
    expect(reopened.data.addresses.map((a) => a.address)).toEqual([BOB.substrate]);
    reopened.close();
    screen.unmount();
  });

  it('refuses a substrate address for a named network, and cannot save it', async () => {
    const session = await openTestVault();
    const screen = await openAddressBook(session);
    await screen.pressUntil('Add an address', 'a');
    screen.type('alice');
    await screen.waitFor('Name:     alice');
    await screen.press(TAB);
    screen.type(ALICE.substrate);
    await screen.waitFor('✓ will be saved for substrate');
    await screen.press(TAB);
    screen.type('polkadot');
    const refused = await screen.waitFor('✗ this address is an address for SS58 prefix 42, not for');
    expect(refused).toContain('Polkadot Relay Chain (prefix 0)');
    expect(refused).not.toContain('will be saved for');
    expectFits(refused);

    await screen.pressUntil('› Note:', TAB);
    // Enter on the last field is refused: the focus goes back to the address, nothing is saved.
    await screen.pressUntil('› Address:', ENTER);
    expect(screen.frame()).toContain('Add an address');
    expect(screen.frame()).toContain('prefix 42, not for');
    expect(session.data.addresses).toEqual([]);

    // Emptying the network lets the prefix decide, and it saves.
    await screen.pressUntil('› Network:', TAB);
    await screen.press(CTRL_U);
    await screen.waitFor('✓ will be saved for substrate');
    await screen.pressUntil('Saved "alice" (substrate)', TAB, ENTER);
    expect(session.data.addresses).toMatchObject([{ name: 'alice', address: ALICE.substrate, network: 'substrate' }]);
    screen.unmount();
  });

  it('catches a flipped letter case in an EIP-55 address, and takes a bracketed paste', async () => {
    const session = await openTestVault();
    const screen = await openAddressBook(session);
    await screen.pressUntil('Add an address', 'a');
    screen.type('eth');
    await screen.waitFor('Name:     eth');
    await screen.press(TAB);
    const flipped = EIP55.replace('aAeb', 'aaeb');
    screen.type(paste(flipped));
    await screen.waitFor('this address fails its EIP-55 checksum');
    await screen.press(CTRL_U);
    screen.type(paste(`${EIP55}\n`));
    await screen.waitFor('✓ will be saved for substrate');
    expect(screen.frame()).toContain(`Address:  ${EIP55}`);
    expect(screen.frame()).not.toContain('EIP-55');
    await screen.pressUntil('Saved "eth"', TAB, TAB, ENTER);
    expect(session.data.addresses).toMatchObject([{ name: 'eth', address: EIP55 }]);
    screen.unmount();
  });

  it('edits an entry’s name and note, and tells a duplicate name under the name', async () => {
    const session = await openTestVault();
    await actions.addAddress(session, { name: 'alice', address: ALICE.substrate, note: 'first' });
    await actions.addAddress(session, { name: 'bob', address: BOB.polkadot, network: 'polkadot' });
    const screen = await openAddressBook(session);
    await screen.waitFor('Address book · 2 entries');

    await screen.pressUntil('Edit "alice"', 'e');
    expect(screen.frame()).toContain('Note:     first');
    await screen.press(CTRL_U);
    screen.type('bob');
    await screen.waitFor('an address named "bob" already exists');
    await screen.press(CTRL_U);
    screen.type('alice-cold');
    await screen.waitFor('Name:     alice-cold');
    await screen.press(ARROW_UP); // wraps round to the note
    await screen.press(CTRL_U);
    screen.type('in the safe');
    await screen.pressUntil('Saved "alice-cold"', ENTER);
    await screen.waitFor('Address book · 2 entries');
    expect(session.data.addresses).toMatchObject([
      { name: 'alice-cold', address: ALICE.substrate, network: 'substrate', note: 'in the safe' },
      { name: 'bob', address: BOB.polkadot, network: 'polkadot' },
    ]);

    // Bob's entry opens by Enter, keeps its polkadot network, and Esc leaves it untouched.
    await screen.pressUntil('Edit "bob"', 'j', ENTER);
    expect(screen.frame()).toContain('✓ will be saved for polkadot');
    screen.type('!!');
    await screen.waitFor('Name:     bob!!');
    await screen.pressUntil('Address book · 2 entries', ESC);
    expect(session.data.addresses[1]?.name).toBe('bob');
    screen.unmount();
  });

  it('takes a whole entry typed faster than the screen draws', async () => {
    const session = await openTestVault();
    const screen = await openAddressBook(session);
    await screen.pressUntil('Add an address', 'a');
    // One burst: every key is read before the next frame, each landing in the field it was meant for.
    screen.type(`bob${TAB}${BOB.polkadot}${TAB}polkadot${TAB}relay${ENTER}`);
    await screen.waitFor('Saved "bob" (polkadot)');
    expect(session.data.addresses).toMatchObject([
      { name: 'bob', address: BOB.polkadot, network: 'polkadot', note: 'relay' },
    ]);

    // A terminal hands typed-ahead keys over as one chunk, Tabs and Enter inside it.
    await screen.pressUntil('Add an address', 'a');
    await screen.pressUntil('Saved "alice" (substrate)', `alice${TAB}${ALICE.substrate}${TAB}${TAB}${ENTER}`);
    expect(session.data.addresses.map((a) => a.name)).toEqual(['bob', 'alice']);
    screen.unmount();
  });

  it('removes an entry after y, and keeps it after n', async () => {
    const session = await openTestVault();
    await actions.addAddress(session, { name: 'alice', address: ALICE.substrate });
    await actions.addAddress(session, { name: 'bob', address: BOB.substrate });
    const screen = await openAddressBook(session);
    await screen.waitFor('Address book · 2 entries');

    await screen.pressUntil('Remove "alice" from the address book?', 'x');
    await screen.pressUntil('Address book · 2 entries', 'n');
    await screen.pressUntil('Remove "bob" from the address book?', 'j', 'x');
    await screen.pressUntil('Removed "bob" from the address book', 'y');
    await screen.waitFor('Address book · 1 entry');
    expect(session.data.addresses.map((a) => a.name)).toEqual(['alice']);
    screen.unmount();
  });
});
