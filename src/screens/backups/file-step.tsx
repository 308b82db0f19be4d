import { Box, Text } from 'ink';
import { printable } from '../../printable.js';
import { FormField } from '../../ui/components/form-field.js';
import { KeyHints } from '../../ui/components/key-hints.js';
import { Prose } from '../../ui/components/prose.js';
import { useShell } from '../shell-context.js';
import { hints } from '../../ui/keymap.js';
import { theme } from '../../ui/theme.js';
import { listingDir, matches, windowStart, type PathFieldState } from '../qr/path-field-state.js';
import type { ImportAt } from './backup-import-state.js';
import { elideStart } from './backup-text.js';

/** Title, intro, blank, two fields, listing heading, blank, problem, help, hints, spare. */
const CHROME_ROWS = 12;

const PATH_HINTS = hints([
  ['complete', 'completes'],
  ['pick', 'pick a listed file'],
  ['confirm', 'next'],
]);
const PASSWORD_HINTS = hints([
  ['confirm', 'opens the backup'],
  ['back', 'back to the file'],
]);

export interface FileStepProps {
  title: string;
  /** The path, as the path field holds it. */
  field: PathFieldState;
  state: ImportAt<'path' | 'password' | 'reading'>;
}

/** The first steps of import and verify: which file, then its password. */
export function FileStep({ title, field, state }: FileStepProps) {
  const shell = useShell();
  const onPath = state.step === 'path';
  const password = state.step === 'password' ? state.password : '';
  const problem = state.step === 'path' ? field.problem : state.step === 'password' ? state.problem : undefined;
  return (
    <Box flexDirection="column" width={shell.width}>
      <Text bold>{title}</Text>
      <Text color={theme.muted} wrap="truncate-end">
        Pick the backup file, then type its password.
      </Text>
      <Text> </Text>
      <FormField
        label="File:     "
        value={elideStart(printable(field.path), shell.width - 14)}
        focused={onPath}
        placeholder="path to a .json backup"
      />
      {onPath ? <Candidates state={field} rows={Math.max(3, shell.height - CHROME_ROWS)} /> : null}
      <FormField label="Password: " value={password} focused={state.step === 'password'} mask />
      <Text> </Text>
      {problem ? <Prose color={theme.error}>{problem}</Prose> : null}
      {state.step === 'reading' ? (
        <Text color={theme.muted}>{`Decrypting… (${hints([['back', 'abandons it']])})`}</Text>
      ) : null}
      <Text color={theme.muted} wrap="truncate-end">
        {onPath ? PATH_HINTS : PASSWORD_HINTS}
      </Text>
      <KeyHints commands={['confirm', 'back']} />
    </Box>
  );
}

/** What the typed directory offers: `.json` files and directories to go into (`nothing`: what an empty listing says). */
export function Candidates({
  state,
  rows,
  nothing = 'no .json files',
}: {
  state: PathFieldState;
  rows: number;
  nothing?: string;
}) {
  const dir = listingDir(state.path);
  if (state.listing?.dir !== dir) return <Text color={theme.muted}> …</Text>;
  const found = matches(state);
  if (found.length === 0) {
    return (
      <Text color={theme.muted} wrap="truncate-end">
        {state.listing.candidates.length === 0 ? `    ${nothing} in ${printable(dir)}` : '    no listed file starts so'}
      </Text>
    );
  }
  const start = windowStart(state.selected, rows);
  return (
    <Box flexDirection="column" paddingLeft={4}>
      {found.slice(start, start + rows).map((c, i) => {
        const selected = start + i === state.selected;
        return (
          <Text key={c.name} inverse={selected} color={c.directory ? theme.accent : undefined} wrap="truncate-end">
            {`${selected ? '›' : ' '} ${printable(c.name)}${c.directory ? '/' : ''}`}
          </Text>
        );
      })}
      {found.length > rows ? (
        <Text color={theme.muted}>{`  ${Math.max(0, state.selected) + 1}/${found.length}`}</Text>
      ) : null}
    </Box>
  );
}
