import { useState } from 'react';
import { commandFor, isInterrupt } from '../../ui/keymap.js';
import { useShell } from '../shell-context.js';
import { useKeys } from '../../ui/use-keys.js';
import type { VaultSession } from '../../vault/store.js';
import { PathStep } from './path-step.js';
import { usePathField } from './use-path-field.js';
import { useShowFile } from './use-show-file.js';

// The screen is left for the player: the file's path is there when it closes, to send it again or the next one.
const lastFile = new WeakMap<VaultSession, string>();

/** Which file to send as animated QR codes; the player opens once it has been read. */
export function QrSendFile() {
  const shell = useShell();
  const field = usePathField({ folders: false, start: lastFile.get(shell.session) });
  const showFile = useShowFile();
  const [problem, setProblem] = useState<string>();
  const [reading, setReading] = useState(false);

  useKeys((input, key) => {
    if (isInterrupt(input, key)) return;
    const command = commandFor(input, key, ['back', 'confirm']);
    if (command === 'back') return shell.navigate({ type: 'back' });
    if (command !== 'confirm') setProblem(undefined);
    const chosen = field.key(input, key);
    if (chosen === undefined) return;
    lastFile.set(shell.session, chosen);
    setReading(true);
    void showFile(chosen).then((refused) => {
      setReading(false);
      setProblem(refused);
    });
  }, !reading);

  return (
    <PathStep
      title="Send a file as QR codes"
      intro="A backup, or any file up to 1 MiB, leaves as animated frames for a phone or webcam to read."
      label="File:"
      placeholder="path to the file"
      state={field.state}
      problem={problem}
      nothing="no .json files or folders"
      missing="Type or pick a file."
      hints={[
        ['complete', 'completes'],
        ['pick', 'pick a listed file'],
        ['confirm', 'shows it'],
      ]}
    />
  );
}
