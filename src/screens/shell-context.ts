import type { Key } from 'ink';
import { createContext, useContext } from 'react';
import type { VaultData } from '../vault/model.js';
import type { VaultSession } from '../vault/store.js';
import type { NavigationAction } from './navigation.js';

export type Notice = { kind: 'info' | 'error'; text: string };

/** What every screen may use: the unlocked vault, navigation, and the shared status line. */
export interface Shell {
  session: VaultSession;
  data: VaultData;
  navigate: (action: NavigationAction) => void;
  /** Keys a screen does not use itself: sections, help, back, quit. Returns whether it used the key. */
  globalKey: (input: string, key: Key) => boolean;
  /**
   * Runs work against the vault with a busy indicator; on success shows `done(result)` and
   * refreshes the data every screen sees; on failure shows the error. Resolves to the result,
   * or undefined when it failed.
   */
  run: <T>(
    label: string,
    work: (session: VaultSession) => Promise<T>,
    done?: (result: T) => string,
  ) => Promise<T | undefined>;
  busy: string | undefined;
  notify: (notice: Notice | undefined) => void;
  /** Rows and columns the content area has. */
  height: number;
  width: number;
}

export const ShellContext = createContext<Shell | undefined>(undefined);

export function useShell(): Shell {
  const shell = useContext(ShellContext);
  if (!shell) throw new Error('useShell outside the shell');
  return shell;
}
