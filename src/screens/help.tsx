import { Box, Text } from 'ink';
import { COMMANDS, commandFor, commandsIn, hints, type Command, type Scope } from '../ui/keymap.js';
import { theme } from '../ui/theme.js';
import { useKeys } from '../ui/use-keys.js';
import type { Section } from './navigation.js';
import { SECTION_COMMANDS } from './section-keys.js';
import { useShell } from './shell-context.js';

export interface HelpGroup {
  heading: string;
  commands: readonly Command[];
}

const HEADINGS: Record<Scope, string> = {
  everywhere: 'Everywhere',
  lists: 'Lists',
  forms: 'Forms (letters are typed)',
  questions: 'Questions',
  player: 'QR player',
  section: 'This section',
};

/** Two columns of about the same height at 80×24, each group whole. */
const COLUMNS: readonly (readonly Scope[])[] = [
  ['everywhere', 'lists', 'player'],
  ['forms', 'questions', 'section'],
];

const KEYS_WIDTH = Math.max(...Object.values(COMMANDS).map((c) => c.keys.length)) + 1;

/** The help's groups, column by column: every scope's commands, and of the section scope those of `section`. */
export function helpGroups(section: Section): HelpGroup[][] {
  return COLUMNS.map((scopes) =>
    scopes
      .map((scope) => ({
        heading: HEADINGS[scope],
        commands: scope === 'section' ? SECTION_COMMANDS[section] : commandsIn(scope),
      }))
      .filter((group) => group.commands.length > 0),
  );
}

/**
 * Every key of the keymap by where it applies, generated from the table the hint lines come from.
 * A form opens it over itself with `onClose`, so that closing it finds the form as it was left.
 */
export function Help({ section, onClose }: { section: Section; onClose?: () => void }) {
  const shell = useShell();
  useKeys((input, key) => {
    if (!commandFor(input, key, ['back', 'help', 'quit', 'confirm'])) return;
    if (onClose) onClose();
    else shell.navigate({ type: 'back' });
  }, true);
  const width = Math.floor(shell.width / 2);
  return (
    <Box flexDirection="column" gap={1}>
      <Text wrap="truncate-end">
        <Text bold>Keys</Text>
        <Text color={theme.muted}>{`  ${hints([[['back', 'help'], 'closes']])} · C-c quits from anywhere`}</Text>
      </Text>
      <Box>
        {helpGroups(section).map((groups, column) => (
          <Box key={column} flexDirection="column" width={width}>
            {groups.map((group) => (
              <Group key={group.heading} group={group} />
            ))}
          </Box>
        ))}
      </Box>
    </Box>
  );
}

function Group({ group }: { group: HelpGroup }) {
  return (
    <>
      <Text bold color={theme.accent} wrap="truncate-end">
        {group.heading}
      </Text>
      {group.commands.map((command) => (
        <Text key={command} wrap="truncate-end">
          <Text bold>{COMMANDS[command].keys.padEnd(KEYS_WIDTH)}</Text>
          {COMMANDS[command].help}
        </Text>
      ))}
    </>
  );
}
