import { Box, Text } from 'ink';
import { printable } from '../../printable.js';
import { listed } from '../../qr/reassembly.js';
import { FormField } from '../../ui/components/form-field.js';
import { List } from '../../ui/components/list.js';
import type { ListState } from '../../ui/components/list-state.js';
import { KeyHints } from '../../ui/components/key-hints.js';
import { COMMANDS, hints } from '../../ui/keymap.js';
import { Prose } from '../../ui/components/prose.js';
import { useShell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';
import { elideStart } from '../backups/backup-text.js';
import type { PathFieldState } from './path-field-state.js';
import { PathStep } from './path-step.js';
import { describeFound, isImportable, progressText, type ReadProgress } from './qr-found.js';
import type { ReadAt } from './qr-read-state.js';
import { countOf } from '../../count.js';

const TITLE = 'Read QR pictures';

/** Which pictures: a PNG or JPEG, or the folder the frames were saved to. */
export function ReadPathStep({ state, read }: { state: PathFieldState; read: ReadAt<'path'> }) {
  return (
    <PathStep
      title={TITLE}
      intro="A picture of a QR code, or a folder of pictures of an animated one, in any order; duplicates and strays are skipped. A camera (/dev/video0) or a video of the codes is read through ffmpeg."
      label="Pictures:"
      placeholder="a .png or .jpg, a folder of them, a camera or a video"
      state={state}
      problem={read.problem}
      nothing="no folders"
      missing="Type a picture, a folder of pictures, a camera or a video."
      hints={[
        ['complete', 'completes'],
        ['pick', 'pick a folder'],
        ['confirm', 'reads what is typed'],
      ]}
    >
      {read.progress ? (
        <Text color={theme.muted} wrap="truncate-end">{`Last read: ${progressText(read.progress)}`}</Text>
      ) : null}
    </PathStep>
  );
}

const BAR = 30;

export interface ReadingStepProps {
  path: string;
  progress?: ReadProgress | undefined;
  /** The screen's title: reading pictures is a step of more than one screen. */
  title?: string;
  /** Under the bar instead of the count, once the reading has moved on (to checking what was read). */
  doing?: string | undefined;
}

/** How far the transfer has come, while the pictures are decoded. */
export function ReadingStep({ path, progress, title = TITLE, doing }: ReadingStepProps) {
  const shell = useShell();
  const percent = doing === undefined ? (progress?.percent ?? 0) : 100;
  const filled = Math.round((percent / 100) * BAR);
  return (
    <Box flexDirection="column" width={shell.width} gap={1}>
      <Text bold>{title}</Text>
      <Text wrap="truncate-end">{`Reading ${elideStart(printable(path), shell.width - 11)}`}</Text>
      <Box flexDirection="column">
        <Text>{`${'█'.repeat(filled)}${'░'.repeat(BAR - filled)} ${percent}%`}</Text>
        <Text wrap="truncate-end">{doing ?? (progress ? progressText(progress) : 'Starting…')}</Text>
      </Box>
      <KeyHints commands={[['back', doing === undefined ? 'stops reading' : 'stops']]} />
    </Box>
  );
}

/** Pictures of several complete transfers: which one to read. */
export function ChooseStep({ state, list }: { state: ReadAt<'choose'>; list: ListState }) {
  const shell = useShell();
  return (
    <Box flexDirection="column" width={shell.width}>
      <Text bold>{TITLE}</Text>
      <Prose>{`The pictures hold ${state.transfers.length} complete transfers. Which one is wanted?`}</Prose>
      <Text> </Text>
      <List
        items={state.transfers}
        state={list}
        render={(t, selected) => `${selected ? '›' : ' '} ${listed(t)}`}
        empty=""
      />
      <Text> </Text>
      <KeyHints
        commands={[
          ['confirm', 'reads that one'],
          ['back', 'reads other pictures'],
        ]}
      />
    </Box>
  );
}

/** What the pictures held, and what can be done with it: save it, then import it; or add the address. */
export function FoundStep({ state }: { state: ReadAt<'address' | 'found' | 'saving' | 'saved'> }) {
  const shell = useShell();
  const { found, progress } = state;
  const read =
    progress && progress.frames > 0
      ? `✓ ${progressText({ ...progress, percent: 100 })}`
      : `✓ Read ${countOf(progress?.pictures ?? 1, 'picture')}`;
  return (
    <Box flexDirection="column" width={shell.width}>
      <Text bold>{TITLE}</Text>
      <Text color={theme.success} wrap="truncate-end">
        {read}
      </Text>
      {progress?.skippedNames?.length ? (
        <Prose color={theme.muted}>{`Skipped ${progress.skippedNames.join(', ')}.`}</Prose>
      ) : null}
      <Text> </Text>
      {describeFound(found).map((line, i) => (
        <Prose key={i}>{line}</Prose>
      ))}
      <Text> </Text>
      {state.step === 'address' ? (
        <AddressOffer known={state.found.network !== undefined} />
      ) : state.step === 'saved' ? (
        <Saved importable={isImportable(state.found)} path={state.saved} />
      ) : (
        <SaveOffer state={state} />
      )}
    </Box>
  );
}

function AddressOffer({ known }: { known: boolean }) {
  return (
    <Box flexDirection="column">
      {known ? null : (
        <Prose color={theme.warning}>The address book keeps it under the network its own prefix names.</Prose>
      )}
      <Prose>
        {hints([
          ['confirm', 'adds it to the address book'],
          ['back', 'reads other pictures'],
        ])}
      </Prose>
      <KeyHints commands={['confirm', 'back']} />
    </Box>
  );
}

function Saved({ importable, path }: { importable: boolean; path: string }) {
  return (
    <Box flexDirection="column">
      <Prose color={theme.success}>{`✓ Saved to ${printable(path)}`}</Prose>
      <Prose>
        {importable
          ? hints([
              ['confirm', 'imports it now (its password is asked for)'],
              ['back', 'reads other pictures'],
            ])
          : `${COMMANDS.confirm.keys} or ${hints([['back', 'reads other pictures']])}`}
      </Prose>
      <KeyHints commands={['confirm', 'back']} />
    </Box>
  );
}

function SaveOffer({ state }: { state: ReadAt<'found' | 'saving'> }) {
  const shell = useShell();
  const importable = isImportable(state.found);
  return (
    <Box flexDirection="column">
      <FormField
        label="Save to:"
        value={elideStart(state.destination, shell.width - 14)}
        focused={state.step === 'found'}
      />
      {state.step === 'found' && state.problem ? <Prose color={theme.error}>{state.problem}</Prose> : null}
      {state.step === 'saving' ? <Text color={theme.muted}>Saving…</Text> : null}
      <Prose>
        {hints([
          ['confirm', `saves it there${importable ? ', then offers to import it' : ''}`],
          ['back', 'reads other pictures'],
        ])}
      </Prose>
      <KeyHints commands={['confirm', 'back']} />
    </Box>
  );
}
