import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { printable } from '../printable.js';
import type { VaultSession } from '../vault/store.js';
import { Sidebar } from './sidebar.js';
import { useShellFrame } from './use-shell.js';
import { Spinner } from '../ui/components/spinner.js';
import { SECTION_TITLES, type Navigation } from '../screens/navigation.js';
import { ShellContext, type Notice } from '../screens/shell-context.js';
import { theme } from '../ui/theme.js';
import { KeyRouter } from '../ui/use-keys.js';
import { ListMemoryProvider } from '../ui/components/list-memory.js';

export interface ShellProps {
  session: VaultSession;
  /** Draws the screen navigation points at; given by the screen registry. */
  renderScreen: (navigation: Navigation) => ReactNode;
}

/** The frame every screen lives in: title, sidebar, content, status line; lists keep their place in it. */
export function ShellView(props: ShellProps) {
  return (
    <KeyRouter>
      <ListMemoryProvider>
        <ShellFrame {...props} />
      </ListMemoryProvider>
    </KeyRouter>
  );
}

function ShellFrame({ session, renderScreen }: ShellProps) {
  const { shell, navigation, notice, fullScreen, columns, rows } = useShellFrame(session);
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
          <Box flexDirection="column" paddingLeft={1} width={shell.width + 1} height={shell.height}>
            {renderScreen(navigation)}
          </Box>
        </Box>
        <StatusLine busy={shell.busy} notice={notice} />
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
