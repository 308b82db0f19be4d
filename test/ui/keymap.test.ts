import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import {
  COMMANDS,
  SCOPES,
  commandFor,
  commandWhileTyping,
  commandsIn,
  formKeyOf,
  hints,
  isInterrupt,
  stepOf,
  type Command,
} from '../../src/ui/keymap.js';
import { key, NO_KEY } from '../helpers/keys.js';

/** Every key a user can reach for, as Ink hands it over: a name, the input, the flags. */
const KEYS: [string, string, Key][] = [
  ...[...'abcdefghijklmnopqrstuvwxyz0123456789'].map((c): [string, string, Key] => [c, c, NO_KEY]),
  ...[...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c): [string, string, Key] => [c, c, key({ shift: true })]),
  ...[...' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'].map((c): [string, string, Key] => [JSON.stringify(c), c, NO_KEY]),
  ['↑', '', key({ upArrow: true })],
  ['↓', '', key({ downArrow: true })],
  ['←', '', key({ leftArrow: true })],
  ['→', '', key({ rightArrow: true })],
  ['Tab', '', key({ tab: true })],
  ['S-Tab', '', key({ tab: true, shift: true })],
  ['Enter', '', key({ return: true })],
  ['Esc', '', key({ escape: true })],
  ['Backspace', '', key({ backspace: true })],
  ['Delete', '', key({ delete: true })],
  ['PgUp', '', key({ pageUp: true })],
  ['PgDn', '', key({ pageDown: true })],
  ['Home', '', key({ home: true })],
  ['End', '', key({ end: true })],
  ...[...'suwc'].map((c): [string, string, Key] => [`C-${c}`, c, key({ ctrl: true })]),
];

const matching = (commands: readonly Command[], input: string, k: Key) =>
  commands.filter((command) => COMMANDS[command].match(input, k));

describe('the keymap', () => {
  it('maps arrows and vi keys to the same commands', () => {
    expect(commandFor('', key({ downArrow: true }), ['up', 'down'])).toBe('down');
    expect(commandFor('j', NO_KEY, ['up', 'down'])).toBe('down');
    expect(commandFor('k', NO_KEY, ['up', 'down'])).toBe('up');
  });

  it('tells Tab from Shift-Tab, and answers only with the commands a screen allows', () => {
    expect(commandFor('', key({ tab: true }), ['nextSection', 'previousSection'])).toBe('nextSection');
    expect(commandFor('', key({ tab: true, shift: true }), ['nextSection', 'previousSection'])).toBe('previousSection');
    expect(commandFor('q', NO_KEY, ['up', 'down'])).toBeUndefined();
  });

  it('gives the commands of a scope distinct keys, and a hint line from the same table', () => {
    for (const scope of SCOPES) {
      const labels = commandsIn(scope).map((c) => COMMANDS[c].keys);
      expect(new Set(labels).size, scope).toBe(labels.length);
    }
    expect(hints(['confirm', 'back'])).toBe('Enter open or confirm · Esc back or cancel');
  });

  it('never lets one key mean two commands of the same scope', () => {
    const clashes = SCOPES.flatMap((scope) =>
      KEYS.map(([name, input, k]) => ({ scope, key: name, commands: matching(commandsIn(scope), input, k) })),
    ).filter((found) => found.commands.length > 1);
    expect(clashes).toEqual([]);
    // Scopes are what keep them apart: Enter confirms everywhere, and is yes to a question.
    const enter = key({ return: true });
    expect(matching([...commandsIn('everywhere'), ...commandsIn('questions')], '', enter)).toEqual(['confirm', 'yes']);
  });

  it('puts every command in exactly one scope, and every key it names is one it matches', () => {
    const all = SCOPES.flatMap((scope) => commandsIn(scope));
    expect([...all].sort()).toEqual((Object.keys(COMMANDS) as Command[]).sort());
    for (const command of all) {
      const matched = KEYS.filter(([, input, k]) => COMMANDS[command].match(input, k));
      expect(matched.length, command).toBeGreaterThan(0);
    }
  });

  it('treats Ctrl-C as an interrupt, and plain c as a letter', () => {
    expect(isInterrupt('c', key({ ctrl: true }))).toBe(true);
    expect(isInterrupt('c', NO_KEY)).toBe(false);
  });

  it('reads form keys once: commands, typed text, and keys that mean nothing in a form', () => {
    expect(formKeyOf('', key({ tab: true }))).toEqual({ command: 'nextField' });
    expect(formKeyOf('', key({ upArrow: true }))).toEqual({ command: 'previousField' });
    expect(formKeyOf('s', key({ ctrl: true }))).toEqual({ command: 'submit' });
    expect(formKeyOf('k', NO_KEY)).toEqual({ insert: 'k' });
    expect(formKeyOf(' ', NO_KEY)).toEqual({ insert: ' ' });
    expect(formKeyOf('', key({ pageUp: true }))).toBeUndefined();
    expect(formKeyOf('x', key({ ctrl: true }))).toBeUndefined();
  });

  it('while text is typed, a letter is text and an arrow still moves', () => {
    expect(commandWhileTyping('k', NO_KEY, ['up', 'pick'])).toBeUndefined();
    expect(commandWhileTyping('', key({ upArrow: true }), ['up', 'pick'])).toBe('up');
    expect(commandWhileTyping('', key({ escape: true }), ['back'])).toBe('back');
  });

  it('says which way a two-way command goes', () => {
    expect(stepOf('speed', '+', NO_KEY)).toBe(1);
    expect(stepOf('speed', '-', NO_KEY)).toBe(-1);
    expect(stepOf('pick', '', key({ upArrow: true }))).toBe(-1);
    expect(stepOf('pick', '', key({ downArrow: true }))).toBe(1);
  });

  it('labels a hint with what the key does on this screen, or joins the keys of commands that do one thing', () => {
    expect(hints([['confirm', 'create'], 'back'])).toBe('Enter create · Esc back or cancel');
    expect(hints([[['previousChoice', 'nextChoice'], 'change a choice']])).toBe('←/→ change a choice');
  });
});
