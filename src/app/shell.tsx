import { Box, Text, useApp, type Key } from 'ink';
import { useCallback, useMemo, useReducer, useState, type ReactNode } from 'react';
import { describeError } from '../errors.js';
import { printable } from '../printable.js';
import type { VaultSession } from '../vault/store.js';
import { SIDEBAR_WIDTH, Sidebar } from './sidebar.js';
import { Spinner } from '../ui/components/spinner.js';
import { commandFor } from '../ui/keymap.js';
import {
  SECTION_TITLES,
  currentScreen,
  initialNavigation,
  isFullScreen,
  navigate,
  type Navigation,
} from '../screens/navigation.js';
import { ShellContext, type Notice, type Shell } from '../screens/shell-context.js';
import { theme } from '../ui/theme.js';
import { KeyRouter } from '../ui/use-keys.js';
import { useTerminalSize } from '../ui/use-terminal-size.js';

export interface ShellProps {
  session: VaultSession;
  /** Draws the screen navigation points at; given by the screen registry. */
  renderScreen: (navigation: Navigation) => ReactNode;
}

/** The frame every screen lives in: title, sidebar, content, status line. */
export function ShellView(props: ShellProps) {
  return (
    <KeyRouter>
      <ShellFrame {...props} />
    </KeyRouter>
  );
}

function ShellFrame({ session, renderScreen }: ShellProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const [navigation, dispatch] = useReducer(navigate, initialNavigation);
  const [data, setData] = useState(session.data);
  const [busy, setBusy] = useState<string>();
  const [notice, setNotice] = useState<Notice>();

  const globalKey = useCallback(
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
    [exit],
  );

  const run = useCallback(
    async <T,>(label: string, work: (s: VaultSession) => Promise<T>, done?: (result: T) => string) => {
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
    [session],
  );

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
    [session, data, globalKey, run, busy, contentHeight, contentWidth],
  );

  if (fullScreen) {
    return (
      <ShellContext.Provider value={shell}>
        <Box flexDirection="column" width={columns} height={rows}>
          {renderScreen(navigation)}
        </Box>
      </ShellContext.Provider>
    );
  }
  return (
    <ShellContext.Provider value={shell}>
      <Box flexDirection="column" width={columns} height={rows}>
        <Box>
          <Text bold color={theme.accent}>
            airlock
          </Text>
          <Text color={theme.muted} wrap="truncate-middle">
            {`  ${SECTION_TITLES[navigation.section]} · ${session.path}`}
          </Text>
        </Box>
        <Box flexGrow={1}>
          <Sidebar current={navigation.section} />
          <Box flexDirection="column" paddingLeft={1} width={contentWidth + 1} height={contentHeight}>
            {renderScreen(navigation)}
          </Box>
        </Box>
        <StatusLine busy={busy} notice={notice} />
      </Box>
    </ShellContext.Provider>
  );
}

function StatusLine({ busy, notice }: { busy?: string; notice?: Notice }) {
  if (busy) return <Spinner label={printable(busy)} />;
  if (!notice) return <Text> </Text>;
  // Notices name files and entries that came from outside: one printable line, whatever they hold.
  const text = printable(notice.text);
  return (
    <Text color={notice.kind === 'error' ? theme.error : theme.success} wrap="truncate-end">
      {notice.kind === 'error' ? `✗ ${text}` : `✓ ${text}`}
    </Text>
  );
}
