import type { Key } from 'ink';

/**
 * The one keymap: every command is named once with its keys, so input handling, the key-hint
 * line and the help overlay all come from this table.
 */
export const COMMANDS = {
  up: { keys: '↑/k', help: 'move up', match: (i: string, k: Key) => k.upArrow || i === 'k' },
  down: { keys: '↓/j', help: 'move down', match: (i: string, k: Key) => k.downArrow || i === 'j' },
  pageUp: { keys: 'PgUp', help: 'a page up', match: (_: string, k: Key) => k.pageUp },
  pageDown: { keys: 'PgDn', help: 'a page down', match: (_: string, k: Key) => k.pageDown },
  first: { keys: 'Home/g', help: 'first item', match: (i: string, k: Key) => k.home || i === 'g' },
  last: { keys: 'End/G', help: 'last item', match: (i: string, k: Key) => k.end || i === 'G' },
  confirm: { keys: 'Enter', help: 'open or confirm', match: (_: string, k: Key) => k.return },
  back: { keys: 'Esc', help: 'back or cancel', match: (_: string, k: Key) => k.escape },
  nextSection: { keys: 'Tab', help: 'next section', match: (_: string, k: Key) => k.tab && !k.shift },
  previousSection: { keys: 'S-Tab', help: 'previous section', match: (_: string, k: Key) => k.tab && k.shift },
  filter: { keys: '/', help: 'filter the list', match: (i: string) => i === '/' },
  help: { keys: '?', help: 'help', match: (i: string) => i === '?' },
  quit: { keys: 'q', help: 'quit', match: (i: string) => i === 'q' },
  create: { keys: 'n', help: 'new', match: (i: string) => i === 'n' },
  restore: { keys: 'r', help: 'restore from words', match: (i: string) => i === 'r' },
  derive: { keys: 'd', help: 'derive an account', match: (i: string) => i === 'd' },
  add: { keys: 'a', help: 'add', match: (i: string) => i === 'a' },
  edit: { keys: 'e', help: 'edit', match: (i: string) => i === 'e' },
  rename: { keys: 'R', help: 'rename', match: (i: string) => i === 'R' },
  remove: { keys: 'x', help: 'remove', match: (i: string) => i === 'x' },
  network: { keys: 'N', help: 'show in another network', match: (i: string) => i === 'N' },
  showQr: { keys: 'c', help: 'show as a QR code', match: (i: string, k: Key) => i === 'c' && !k.ctrl },
  pause: { keys: 'Space/p', help: 'pause or play frames', match: (i: string) => i === ' ' || i === 'p' },
  step: { keys: '→/l', help: 'next frame (pauses)', match: (i: string, k: Key) => k.rightArrow || i === 'l' },
  speed: { keys: '+/-', help: 'frames faster, slower', match: (i: string) => i === '+' || i === '=' || i === '-' },
  framing: { keys: 'f', help: 'UR or dense frames', match: (i: string) => i === 'f' },
  previousChoice: { keys: '←', help: 'previous choice', match: (_: string, k: Key) => k.leftArrow },
  nextChoice: { keys: '→', help: 'next choice', match: (_: string, k: Key) => k.rightArrow },
  yes: { keys: 'y/Enter', help: 'yes, go ahead', match: (i: string, k: Key) => i === 'y' || k.return },
  no: { keys: 'n/Esc', help: 'no, cancel', match: (i: string, k: Key) => i === 'n' || k.escape },
  showOnDevice: { keys: 's', help: 'show on the Ledger', match: (i: string, k: Key) => i === 's' && !k.ctrl },
  save: { keys: 'w/C-s', help: 'save', match: (i: string, k: Key) => (i === 'w' && !k.ctrl) || (k.ctrl && i === 's') },
} as const;

export type Command = keyof typeof COMMANDS;

/** Ctrl-C always quits, whatever has the input. */
export const isInterrupt = (input: string, key: Key) => key.ctrl && input === 'c';

/** The first of `allowed` that this key means, in the order given. */
export function commandFor(input: string, key: Key, allowed: readonly Command[]): Command | undefined {
  return allowed.find((command) => COMMANDS[command].match(input, key));
}

/** `Enter open · Esc back · …` for the key-hint line. */
export function hints(commands: readonly Command[]): string {
  return commands.map((c) => `${COMMANDS[c].keys} ${COMMANDS[c].help}`).join(' · ');
}
