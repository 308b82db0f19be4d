import { describe, expect, it } from 'vitest';
import { ShellView } from '../../src/app/shell.js';
import { SIDEBAR_WIDTH } from '../../src/app/sidebar.js';
import { helpGroups } from '../../src/screens/help.js';
import { renderScreen as renderRegistry } from '../../src/screens/index.js';
import { SECTION_TITLES, SECTIONS } from '../../src/screens/navigation.js';
import { SECTION_COMMANDS } from '../../src/screens/section-keys.js';
import { COMMANDS, SCOPES, commandsIn, type Command } from '../../src/ui/keymap.js';
import { renderScreen } from '../helpers/ink.js';
import { ESC, TAB } from '../helpers/keys.js';
import { openTestVault } from '../helpers/vault.js';

const count = (list: readonly Command[], command: Command) => list.filter((c) => c === command).length;

describe('the help overlay', () => {
  it('lists every command once: all of every scope, and of the section scope those of the section it opens in', () => {
    for (const section of SECTIONS) {
      const shown = helpGroups(section).flatMap((column) => column.flatMap((group) => group.commands));
      for (const scope of SCOPES.filter((s) => s !== 'section'))
        for (const command of commandsIn(scope)) expect(count(shown, command), `${command} in ${section}`).toBe(1);
      for (const command of SECTION_COMMANDS[section])
        expect(count(shown, command), `${command} in ${section}`).toBe(1);
      expect(shown.filter((c) => COMMANDS[c].scope === 'section').sort()).toEqual(
        [...SECTION_COMMANDS[section]].sort(),
      );
    }
    const somewhere = new Set(SECTIONS.flatMap((section) => SECTION_COMMANDS[section]));
    for (const command of commandsIn('section')) expect(somewhere.has(command), command).toBe(true);
  });

  it('fits 80×24 in every section, with nothing cut and each key once in its group', async () => {
    const screen = await renderScreen(<ShellView session={await openTestVault()} renderScreen={renderRegistry} />);
    for (const section of SECTIONS) {
      await screen.waitFor(`${SECTION_TITLES[section]} ·`);
      const frame = await screen.pressUntil('Everywhere', '?');
      const lines = frame.split('\n');
      expect(lines).toHaveLength(24);
      for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80);
      const content = lines.slice(1, -1).map((line) => line.slice(SIDEBAR_WIDTH + 1));
      expect(content.join('\n')).not.toContain('…');
      const shown = helpGroups(section).flatMap((column) => column.flatMap((group) => group.commands));
      for (const command of shown) {
        const { keys, help } = COMMANDS[command];
        const pattern = new RegExp(`(^|  )${escape(keys)} +${escape(help)}( |$)`, 'u');
        expect(
          content.filter((line) => pattern.test(line)),
          `${keys} ${help} in ${section}`,
        ).toHaveLength(1);
      }
      await screen.pressUntil(/^(?![\s\S]*Everywhere)/u, ESC);
      screen.type(TAB);
    }
    screen.unmount();
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
