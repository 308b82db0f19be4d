import { Box, Text } from 'ink';
import { useMemo, type ReactNode } from 'react';
import { FormField } from '../../ui/components/form-field.js';
import { KeyHints } from '../../ui/components/key-hints.js';
import { hints } from '../../ui/keymap.js';
import { Prose } from '../../ui/components/prose.js';
import { useShell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';
import { printable } from '../../printable.js';
import { elideStart } from './backup-text.js';
import { FORMAT_ABOUT, FORMAT_NAMES, WHAT_NAMES, exportSummary, planExport } from './export-choice.js';
import type { ExportAt, ExportField } from './backup-export-state.js';
import { exportVerdicts } from './export-checks.js';
import { placeOf, type ExportPlace } from './export-places.js';

type TypedField = 'destination' | 'password' | 'repeat';
const LABELS: Record<ExportField, string> = {
  what: 'What:',
  format: 'Format:',
  destination: 'Write to:',
  password: 'Password:',
  repeat: 'Repeat it:',
  receipt: 'Receipt file:',
};
const LABEL_WIDTH = 13;
/** Under the focused What: how to change it, or mark the accounts. */
const WHAT_KEYS = {
  whole: hints([[['nextChoice', 'toggle'], 'switches to chosen accounts']]),
  chosen: hints([['confirm', 'opens the list to mark accounts']]),
} as const;
const FORM_KEYS = hints([
  ['nextField', 'next field'],
  ['previousField', 'previous'],
  ['nextChoice', 'choose'],
  ['submit', 'writes'],
]);

/** What the destination field offers beyond typing. */
export interface DestinationHelp {
  places: readonly ExportPlace[];
  completions: readonly string[] | undefined;
}

/** Under the focused Write to: what ←/→ move it through (drives first), and what Tab would complete it to. */
function destinationLines(destination: string, { places, completions }: DestinationHelp): string[] {
  const at = placeOf(destination, places);
  const where =
    at >= 0 ? `${at + 1} of ${places.length}: ${places[at]!.about}` : `${places.length} places, drives first`;
  const names = completions ?? [];
  const more = names.length > 4 ? ' …' : '';
  // Listed and nothing to complete: Tab goes on to the next field, as in the rest of the form.
  const tab =
    names.length > 0
      ? `completes: ${printable(names.slice(0, 4).join(' '))}${more}`
      : completions
        ? 'next field (nothing to complete)'
        : 'completes';
  return [hints([[['previousChoice', 'nextChoice'], where]]), hints([['complete', tab]])];
}

/** The export form: what, in which format, where, the password twice, and the receipt-file toggle. */
export function ExportForm({
  state,
  destination,
}: {
  state: ExportAt<'form' | 'checking'>;
  destination: DestinationHelp;
}) {
  const shell = useShell();
  const { values, focus } = state.form;
  const { choice } = state;
  const editing = state.step === 'form';
  const problem = state.step === 'form' ? state.problem : undefined;
  const verdicts = exportVerdicts(values);
  const plan = useMemo(() => planExport(shell.data, choice), [shell.data, choice]);
  const focused = (name: ExportField) => editing && focus === name;
  // A refusal is said under its field, after what is known there unless it says the same.
  const under = (name: ExportField, about?: ReactNode, aboutText?: string) => (
    <>
      {about}
      {problem?.field === name && problem.text !== aboutText ? <Prose color={theme.error}>{problem.text}</Prose> : null}
    </>
  );
  // Marker, label, space, the cursor: the rest is for the value, whose end shows when it is longer.
  const room = shell.width - LABEL_WIDTH - 4;
  const field = (name: TypedField) => (
    <FormField
      key={name}
      label={LABELS[name].padEnd(LABEL_WIDTH)}
      value={elideStart(values[name], room)}
      focused={focused(name)}
      mask={name !== 'destination'}
    >
      {name === 'destination' && focused(name)
        ? destinationLines(values.destination, destination).map((line) => <Muted key={line}>{line}</Muted>)
        : null}
      {under(
        name,
        verdicts[name] ? <Text color={theme[verdicts[name].tone]}>{verdicts[name].text}</Text> : null,
        verdicts[name]?.text,
      )}
    </FormField>
  );
  const marked = choice.chosen.size.toLocaleString('en');
  return (
    <Box flexDirection="column" width={shell.width}>
      <Text bold>Export a backup</Text>
      <Prose color={plan.ok ? undefined : theme.warning}>{exportSummary(shell.data, choice, plan)}</Prose>
      <Text> </Text>
      <Choice
        label={LABELS.what}
        value={choice.what === 'whole' ? WHAT_NAMES.whole : `${WHAT_NAMES.chosen}: ${marked} marked`}
        focused={focused('what')}
      >
        {under('what', focused('what') ? <Muted>{WHAT_KEYS[choice.what]}</Muted> : null)}
      </Choice>
      <Choice label={LABELS.format} value={FORMAT_NAMES[choice.format]} focused={focused('format')}>
        {under('format', focused('format') ? <Muted>{FORMAT_ABOUT[choice.format]}</Muted> : null)}
      </Choice>
      {field('destination')}
      {field('password')}
      {field('repeat')}
      <Choice
        label={LABELS.receipt}
        value={`${state.receiptFile ? '[x]' : '[ ]'} also save a .receipt.txt beside it`}
        focused={focused('receipt')}
        arrows={false}
      />
      <Text> </Text>
      {problem && !problem.field ? <Prose color={theme.error}>{problem.text}</Prose> : null}
      {state.step === 'checking' ? (
        <Muted>Comparing the password with the vault&apos;s, looking at the destination…</Muted>
      ) : null}
      <Muted>{"Pick a password unlike the vault's: one secret, one file."}</Muted>
      <Muted>{FORM_KEYS}</Muted>
      <KeyHints commands={['confirm', 'back']} />
    </Box>
  );
}

interface ChoiceProps {
  label: string;
  value: string;
  focused: boolean;
  /** Draw `‹ ›` around the focused value: ←/→ change it. A checkbox shows that itself. */
  arrows?: boolean;
  children?: ReactNode;
}

/** A field whose value is chosen, not typed. */
function Choice({ label, value, focused, arrows = true, children }: ChoiceProps) {
  return (
    <Box flexDirection="column">
      <Box>
        <Text color={theme.accent}>{focused ? '› ' : '  '}</Text>
        <Text bold={focused}>{`${label.padEnd(LABEL_WIDTH)} `}</Text>
        <Text wrap="truncate-end">{focused && arrows ? `‹ ${value} ›` : value}</Text>
      </Box>
      <Box flexDirection="column" paddingLeft={4}>
        {children}
      </Box>
    </Box>
  );
}

function Muted({ children }: { children: ReactNode }) {
  return (
    <Text color={theme.muted} wrap="truncate-end">
      {children}
    </Text>
  );
}
