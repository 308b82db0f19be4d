import { useRef, useState } from 'react';
import * as actions from '../../vault/actions.js';
import { describeLockAfter, LOCK_AFTER_RULE, parseLockAfter } from '../../vault/settings.js';
import { useShell } from '../shell-context.js';
import { useTextField } from '../../ui/components/use-text-field.js';

/**
 * The lock time edited in its row of the settings: whole minutes typed over the current ones,
 * checked as the command line checks `--lock-after`, saved on Enter. `onDone` once saved or left.
 */
export function useLockAfter(onDone: () => void) {
  const shell = useShell();
  const [problem, setProblem] = useState<string>();
  // A second Enter typed before the next frame must not save twice.
  const started = useRef(false);
  const busy = shell.busy !== undefined;

  const save = async (text: string) => {
    if (started.current) return;
    const minutes = parseLockAfter(text);
    if (minutes === undefined) return setProblem(`Type ${LOCK_AFTER_RULE}.`);
    started.current = true;
    setProblem(undefined);
    const saved = await shell.run(
      'Saving the lock time…',
      (session) => actions.changeSettings(session, { lockAfterMinutes: minutes }),
      (settings) => `Lock after: ${describeLockAfter(settings.lockAfterMinutes)}`,
    );
    started.current = false;
    if (saved) onDone();
  };
  const field = useTextField({
    initial: String(shell.data.settings.lockAfterMinutes),
    isActive: !busy,
    onSubmit: (text) => void save(text),
    onCancel: onDone,
  });
  return { value: field.value, problem, busy };
}
