import { useApp, type Key } from 'ink';
import { useCallback, useMemo, useReducer, useState, type Dispatch } from 'react';
import { describeError } from '../errors.js';
import type { VaultData } from '../vault/model.js';
import type { VaultSession } from '../vault/store.js';
import { SIDEBAR_WIDTH } from './sidebar.js';
import { commandFor } from '../ui/keymap.js';
import {
  currentScreen,
  initialNavigation,
  isFullScreen,
  navigate,
  type Navigation,
  type NavigationAction,
} from '../screens/navigation.js';
import type { Notice, Shell } from '../screens/shell-context.js';
import { useTerminalSize } from '../ui/use-terminal-size.js';
import { useDropTypedAhead } from '../ui/use-keys.js';

/** What the frame draws: the shell its screens receive, where they are, and the status line's state. */
export interface ShellFrameState {
  shell: Shell;
  navigation: Navigation;
  notice: Notice | undefined;
  fullScreen: boolean;
  columns: number;
  rows: number;
}

/**
 * Owns the shell's state: navigation, the vault data as last saved, the running work and the
 * notice, and the keys every screen passes on (sections, help, back, quit).
 */
export function useShellFrame(session: VaultSession): ShellFrameState {
  const { columns, rows } = useTerminalSize();
  const [navigation, dispatchNavigation] = useReducer(navigate, initialNavigation);
  const dropTypedAhead = useDropTypedAhead();
  // Keys typed after the one that changes the screen were meant for the screen the user saw.
  const dispatch = useCallback(
    (action: NavigationAction) => {
      dropTypedAhead();
      dispatchNavigation(action);
    },
    [dropTypedAhead],
  );
  const [data, setData] = useState(session.data);
  const [busy, setBusy] = useState<string>();
  const [notice, setNotice] = useState<Notice>();
  const globalKey = useGlobalKey(dispatch, setNotice);
  const run = useRun(session, { setBusy, setNotice, setData });

  // A full-screen screen (the QR player) has the whole terminal, without title, sidebar or status line.
  const fullScreen = isFullScreen(currentScreen(navigation));
  const contentHeight = fullScreen ? rows : Math.max(4, rows - 2);
  const contentWidth = fullScreen ? columns : Math.max(20, columns - SIDEBAR_WIDTH - 2);
  const shell: Shell = useMemo(
    () => ({
      session,
      data,
      navigate: dispatch,
      globalKey,
      run,
      busy,
      notify: setNotice,
      height: contentHeight,
      width: contentWidth,
    }),
    [session, data, dispatch, globalKey, run, busy, contentHeight, contentWidth],
  );
  return { shell, navigation, notice, fullScreen, columns, rows };
}

/** The keys a screen hands back to the shell; any of them clears the notice. */
function useGlobalKey(dispatch: Dispatch<NavigationAction>, setNotice: (notice: Notice | undefined) => void) {
  const { exit } = useApp();
  return useCallback(
    (input: string, key: Key) => {
      const command = commandFor(input, key, ['nextSection', 'previousSection', 'help', 'back', 'quit']);
      if (command === 'nextSection') dispatch({ type: 'next-section' });
      else if (command === 'previousSection') dispatch({ type: 'previous-section' });
      else if (command === 'help') dispatch({ type: 'open', screen: { name: 'help' } });
      else if (command === 'back') dispatch({ type: 'back' });
      else if (command === 'quit') exit();
      if (command) setNotice(undefined);
      return command !== undefined;
    },
    [dispatch, setNotice, exit],
  );
}

interface RunReporting {
  setBusy: (label: string | undefined) => void;
  setNotice: (notice: Notice | undefined) => void;
  setData: (data: VaultData) => void;
}

/** `shell.run`: work on the session under a spinner, its outcome told on the status line. */
function useRun(session: VaultSession, { setBusy, setNotice, setData }: RunReporting): Shell['run'] {
  return useCallback(
    async <T>(label: string, work: (s: VaultSession) => Promise<T>, done?: (result: T) => string) => {
      setBusy(label);
      setNotice(undefined);
      try {
        const result = await work(session);
        setData(session.data);
        if (done) setNotice({ kind: 'info', text: done(result) });
        return result;
      } catch (error) {
        const { message, hint } = describeError(error);
        setNotice({ kind: 'error', text: hint ? `${message}; ${hint}` : message });
        return undefined;
      } finally {
        setBusy(undefined);
      }
    },
    [session, setBusy, setNotice, setData],
  );
}
