import type { Key } from 'ink';

/**
 * Where a key applies. The help overlay shows one group per scope, and within a scope no two
 * commands share a key, so no key is ever listed with two meanings side by side. The section
 * scope holds what only some sections' screens answer; the help shows those of its section.
 */
export const SCOPES = ['everywhere', 'lists', 'forms', 'questions', 'player', 'section'] as const;
export type Scope = (typeof SCOPES)[number];

interface Binding {
  /** The keys as the hint line and the help overlay name them. */
  keys: string;
  help: string;
  scope: Scope;
  match: (input: string, key: Key) => boolean;
  /** For a command that goes either way (faster or slower, up or down): which way this key goes. */
  step?: (input: string, key: Key) => 1 | -1;
}

const letter = (letterKey: string) => (input: string, key: Key) => input === letterKey && !key.ctrl && !key.meta;
const control = (letterKey: string) => (input: string, key: Key) => key.ctrl && input === letterKey;

/**
 * The one keymap: every key the app answers to is named here once, with its command, so input
 * handling, the key-hint lines and the help overlay all come from this table.
 */
export const COMMANDS = {
  // everywhere
  confirm: { keys: 'Enter', help: 'open or confirm', scope: 'everywhere', match: (_, k) => k.return },
  back: { keys: 'Esc', help: 'back or cancel', scope: 'everywhere', match: (_, k) => k.escape },
  nextSection: { keys: 'Tab', help: 'next section', scope: 'everywhere', match: (_, k) => k.tab && !k.shift },
  previousSection: { keys: 'S-Tab', help: 'previous section', scope: 'everywhere', match: (_, k) => k.tab && k.shift },
  help: { keys: '?', help: 'help', scope: 'everywhere', match: letter('?') },
  quit: { keys: 'q', help: 'quit', scope: 'everywhere', match: letter('q') },

  // lists
  up: { keys: '↑/k', help: 'move up', scope: 'lists', match: (i, k) => k.upArrow || letter('k')(i, k) },
  down: { keys: '↓/j', help: 'move down', scope: 'lists', match: (i, k) => k.downArrow || letter('j')(i, k) },
  pageUp: { keys: 'PgUp', help: 'a page up', scope: 'lists', match: (_, k) => k.pageUp },
  pageDown: { keys: 'PgDn', help: 'a page down', scope: 'lists', match: (_, k) => k.pageDown },
  first: { keys: 'Home/g', help: 'first item', scope: 'lists', match: (i, k) => k.home || letter('g')(i, k) },
  last: { keys: 'End/G', help: 'last item', scope: 'lists', match: (i, k) => k.end || letter('G')(i, k) },
  filter: { keys: '/', help: 'filter the list', scope: 'lists', match: letter('/') },

  // forms: text fields and choices
  nextField: { keys: 'Tab/↓', help: 'next field', scope: 'forms', match: (_, k) => (k.tab && !k.shift) || k.downArrow },
  previousField: {
    keys: 'S-Tab/↑',
    help: 'previous field',
    scope: 'forms',
    match: (_, k) => (k.tab && k.shift) || k.upArrow,
  },
  submit: { keys: 'C-s', help: 'submit from any field', scope: 'forms', match: control('s') },
  deleteBack: { keys: 'Bksp', help: 'delete a character', scope: 'forms', match: (_, k) => k.backspace || k.delete },
  deleteWord: { keys: 'C-w', help: 'delete a word', scope: 'forms', match: control('w') },
  clearField: { keys: 'C-u', help: 'clear the field', scope: 'forms', match: control('u') },
  previousChoice: { keys: '←', help: 'previous choice', scope: 'forms', match: (_, k) => k.leftArrow },
  nextChoice: { keys: '→', help: 'next choice', scope: 'forms', match: (_, k) => k.rightArrow },
  // Space on a choice or a listed item; not one of FORM_COMMANDS, as in a text field a space is text.
  toggle: { keys: 'Space', help: 'switch a choice, mark', scope: 'forms', match: (i) => i === ' ' },

  // questions
  yes: { keys: 'y/Enter', help: 'yes, go ahead', scope: 'questions', match: (i, k) => letter('y')(i, k) || k.return },
  no: { keys: 'n/Esc', help: 'no, cancel', scope: 'questions', match: (i, k) => letter('n')(i, k) || k.escape },

  // the QR player
  pause: {
    keys: 'Space/p',
    help: 'pause or play frames',
    scope: 'player',
    match: (i, k) => i === ' ' || letter('p')(i, k),
  },
  step: {
    keys: '→/l',
    help: 'next frame (pauses)',
    scope: 'player',
    match: (i, k) => k.rightArrow || letter('l')(i, k),
  },
  speed: {
    keys: '+/-',
    help: 'frames faster, slower',
    scope: 'player',
    match: (i) => i === '+' || i === '=' || i === '-',
    step: (i) => (i === '-' ? -1 : 1),
  },
  framing: { keys: 'f', help: 'UR or dense frames', scope: 'player', match: letter('f') },

  // the actions of a section's screens
  create: { keys: 'n', help: 'new', scope: 'section', match: letter('n') },
  restore: { keys: 'r', help: 'restore from words', scope: 'section', match: letter('r') },
  derive: { keys: 'd', help: 'derive an account', scope: 'section', match: letter('d') },
  add: { keys: 'a', help: 'add', scope: 'section', match: letter('a') },
  edit: { keys: 'e', help: 'edit', scope: 'section', match: letter('e') },
  rename: { keys: 'R', help: 'rename', scope: 'section', match: letter('R') },
  remove: { keys: 'x', help: 'remove', scope: 'section', match: letter('x') },
  network: { keys: 'N', help: 'show in another network', scope: 'section', match: letter('N') },
  showQr: { keys: 'c', help: 'show as a QR code', scope: 'section', match: letter('c') },
  // A signature is given by typing y, never by Enter: a key pressed for another screen must not sign.
  approve: { keys: 'y', help: 'sign', scope: 'section', match: letter('y') },
  showOnDevice: { keys: 's', help: 'show on the Ledger', scope: 'section', match: letter('s') },
  save: { keys: 'w/C-s', help: 'save', scope: 'section', match: (i, k) => letter('w')(i, k) || control('s')(i, k) },
  // fields that complete what is typed from a list: paths, recovery words, filters
  complete: { keys: 'Tab', help: 'complete a path or word', scope: 'section', match: (_, k) => k.tab && !k.shift },
  pick: {
    keys: '↑/↓',
    help: 'pick from the list',
    scope: 'section',
    match: (_, k) => k.upArrow || k.downArrow,
    step: (_, k) => (k.upArrow ? -1 : 1),
  },
  takeWord: { keys: 'Space', help: 'take the word typed', scope: 'section', match: (i) => i === ' ' },
} as const satisfies Record<string, Binding>;

export type Command = keyof typeof COMMANDS;

/** Ctrl-C always quits, whatever has the input. */
export const isInterrupt = (input: string, key: Key) => key.ctrl && input === 'c';

/** The first of `allowed` that this key means, in the order given. */
export function commandFor<C extends Command>(input: string, key: Key, allowed: readonly C[]): C | undefined {
  return allowed.find((command) => COMMANDS[command].match(input, key));
}

type TwoWay = { [C in Command]: (typeof COMMANDS)[C] extends { step: unknown } ? C : never }[Command];

/** Which way a key sends a two-way command: `+` and `↓` are 1, `-` and `↑` are -1. */
export function stepOf(command: TwoWay, input: string, key: Key): 1 | -1 {
  return COMMANDS[command].step(input, key);
}

/** The commands of one scope. */
export type CommandIn<S extends Scope> = {
  [C in Command]: (typeof COMMANDS)[C]['scope'] extends S ? C : never;
}[Command];

/** The commands of one scope, in the keymap's order: a group of the help overlay. */
export const commandsIn = <S extends Scope>(scope: S): CommandIn<S>[] =>
  (Object.keys(COMMANDS) as Command[]).filter((command): command is CommandIn<S> => COMMANDS[command].scope === scope);

/** The commands a form answers to, in the order they are tried. */
export const FORM_COMMANDS = [
  'confirm',
  'back',
  'nextField',
  'previousField',
  'deleteBack',
  'submit',
  'deleteWord',
  'clearField',
  'previousChoice',
  'nextChoice',
] as const satisfies readonly Command[];

export type FormCommand = (typeof FORM_COMMANDS)[number];

/** What a key means in a form: one of its commands, text typed into the focused field, or nothing. */
export type FormKey = { command: FormCommand } | { insert: string };

/**
 * The one reading of keys in forms, for every screen with text fields or choices. Other control
 * keys (Home, PgUp, Ctrl- and Alt- chords) mean nothing in a form rather than typing their letter.
 */
export function formKeyOf(input: string, key: Key): FormKey | undefined {
  const command = commandFor(input, key, FORM_COMMANDS);
  if (command) return { command };
  if (key.ctrl || key.meta || key.pageUp || key.pageDown || key.home || key.end || !input) return undefined;
  return { insert: input };
}

/**
 * While text is typed into a field (a filter, an answer), a key that types text is text: `k` is a
 * letter, not "up". Other keys (arrows, Enter, Esc) keep their command.
 */
export function commandWhileTyping<C extends Command>(input: string, key: Key, allowed: readonly C[]): C | undefined {
  const formKey = formKeyOf(input, key);
  return formKey && 'insert' in formKey ? undefined : commandFor(input, key, allowed);
}

/**
 * A hint names a command, or a command with what it does on this screen: `['confirm', 'create']`,
 * or commands that share what they do: `[['previousChoice', 'nextChoice'], 'change a choice']`.
 */
export type Hint = Command | readonly [Command | readonly Command[], string];

const keysOf = (commands: Command | readonly Command[]) =>
  typeof commands === 'string' ? COMMANDS[commands].keys : commands.map((c) => COMMANDS[c].keys).join('/');

/** `Enter open · Esc back · …` for the key-hint line. */
export function hints(list: readonly Hint[]): string {
  return list
    .map((hint) =>
      typeof hint === 'string' ? `${keysOf(hint)} ${COMMANDS[hint].help}` : `${keysOf(hint[0])} ${hint[1]}`,
    )
    .join(' · ');
}

/** How every form moves between its fields, for its hint line: `Tab/↓ next field · S-Tab/↑ previous`. */
export const FIELD_MOVES: readonly Hint[] = ['nextField', ['previousField', 'previous']];
