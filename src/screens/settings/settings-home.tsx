import { Box, Text } from 'ink';
import { useState } from 'react';
import { findNetwork } from '../../vault/networks.js';
import { describeLockAfter } from '../../vault/settings.js';
import { KeyHints } from '../../ui/components/key-hints.js';
import { Prose } from '../../ui/components/prose.js';
import { TextField } from '../../ui/components/text-field.js';
import { useList } from '../../ui/components/use-list.js';
import { commandFor, hints } from '../../ui/keymap.js';
import type { Screen } from '../navigation.js';
import { useShell, type Shell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';
import { useKeys } from '../../ui/use-keys.js';
import { useLockAfter } from './use-lock-after.js';

interface Setting {
  label: string;
  value: string;
  /** What Enter does: opens a screen, or edits the value in its row; nothing for what can only be read here. */
  change?: { open: Screen } | { edit: 'lock-after' };
  /** Said under the list while the cursor is on it. */
  about: string;
}

const MARK_WIDTH = 2;
const LABEL_WIDTH = 17;
const CHANGES = `${hints([['confirm', 'changes this setting']])}.`;

function settingsOf(shell: Shell): Setting[] {
  const { defaultNetwork, lockAfterMinutes } = shell.data.settings;
  const network = findNetwork(defaultNetwork);
  return [
    { label: 'Vault password', value: 'change it', change: { open: { name: 'password-change' } }, about: CHANGES },
    {
      label: 'Default network',
      value: `${network.displayName} (${network.name}, SS58 prefix ${network.prefix})`,
      change: { open: { name: 'network-choose' } },
      about: CHANGES,
    },
    {
      label: 'Lock after',
      value: lockAfterMinutes === 0 ? 'never' : `${describeLockAfter(lockAfterMinutes)} without a key`,
      change: { edit: 'lock-after' },
      about: `${CHANGES} A QR code being shown or a write under way is never cut short.`,
    },
    {
      label: 'Vault file',
      value: shell.session.path,
      about: 'Read-only here: airlock opens the vault given by --vault, else $AIRLOCK_VAULT, else its default place.',
    },
  ];
}

/** The few settings a vault has, and where its file is. */
export function SettingsHome() {
  const shell = useShell();
  const settings = settingsOf(shell);
  const [editing, setEditing] = useState<'lock-after'>();
  const list = useList(settings.length, settings.length, !editing, 'settings');

  useKeys((input, key) => {
    const command = commandFor(input, key, ['confirm']);
    const change = settings[list.latest().cursor]?.change;
    if (command !== 'confirm') shell.globalKey(input, key);
    else if (change && 'open' in change) shell.navigate({ type: 'open', screen: change.open });
    else if (change) setEditing(change.edit);
  }, !editing);

  return (
    <Box flexDirection="column" width={shell.width} gap={1}>
      <Text bold>Settings</Text>
      <Box flexDirection="column">
        {settings.map((setting, index) => (
          // Fixed columns for the mark and the label; a long value wraps at its words within the rest.
          <Box key={setting.label}>
            <Box width={MARK_WIDTH} flexShrink={0}>
              <Text color={theme.accent}>{index === list.cursor ? '›' : ' '}</Text>
            </Box>
            <Box width={LABEL_WIDTH} flexShrink={0}>
              <Text inverse={index === list.cursor}>{setting.label.padEnd(LABEL_WIDTH)}</Text>
            </Box>
            <Box flexGrow={1} flexShrink={1} width={shell.width - MARK_WIDTH - LABEL_WIDTH}>
              {editing && setting.change && 'edit' in setting.change ? (
                <LockAfterField onDone={() => setEditing(undefined)} />
              ) : (
                <Prose color={setting.change ? undefined : theme.muted}>{setting.value}</Prose>
              )}
            </Box>
          </Box>
        ))}
      </Box>
      {editing ? (
        <Text color={theme.muted}>Whole minutes without a key before the app locks; 0 never locks.</Text>
      ) : (
        <Text color={theme.muted}>{settings[list.cursor]?.about}</Text>
      )}
      <KeyHints
        commands={
          editing
            ? [['confirm', 'saves'], ['back', 'leaves it as it was'], 'clearField']
            : ['confirm', 'nextSection', 'help', 'quit']
        }
      />
    </Box>
  );
}

function LockAfterField({ onDone }: { onDone: () => void }) {
  const { value, problem, busy } = useLockAfter(onDone);
  return (
    <Box flexDirection="column">
      <TextField label="Minutes:" value={value} focused={!busy} />
      {problem ? <Prose color={theme.error}>{problem}</Prose> : null}
    </Box>
  );
}
