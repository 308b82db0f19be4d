import { Box, Text } from 'ink';
import { findNetwork } from '../../vault/networks.js';
import { KeyHints } from '../../ui/components/key-hints.js';
import { useList } from '../../ui/components/use-list.js';
import { commandFor, hints } from '../../ui/keymap.js';
import type { Screen } from '../navigation.js';
import { useShell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';
import { useKeys } from '../../ui/use-keys.js';

interface Setting {
  label: string;
  value: string;
  /** Where Enter leads; none for what can only be read here. */
  opens?: Screen;
}

const LABEL_WIDTH = 17;

/** The few settings a vault has, and where its file is. */
export function SettingsHome() {
  const shell = useShell();
  const network = findNetwork(shell.data.settings.defaultNetwork);
  const settings: Setting[] = [
    { label: 'Vault password', value: 'change it', opens: { name: 'password-change' } },
    {
      label: 'Default network',
      value: `${network.displayName} (${network.name}, SS58 prefix ${network.prefix})`,
      opens: { name: 'network-choose' },
    },
    { label: 'Vault file', value: shell.session.path },
  ];
  const list = useList(settings.length, settings.length, true);

  useKeys((input, key) => {
    const command = commandFor(input, key, ['confirm']);
    const opens = settings[list.latest().cursor]?.opens;
    if (command === 'confirm') {
      if (opens) shell.navigate({ type: 'open', screen: opens });
    } else shell.globalKey(input, key);
  }, true);

  return (
    <Box flexDirection="column" width={shell.width} gap={1}>
      <Text bold>Settings</Text>
      <Box flexDirection="column">
        {settings.map((setting, index) => (
          <Box key={setting.label}>
            <Text color={theme.accent}>{index === list.cursor ? '› ' : '  '}</Text>
            <Text inverse={index === list.cursor}>{setting.label.padEnd(LABEL_WIDTH)}</Text>
            <Text color={setting.opens ? undefined : theme.muted} wrap="truncate-middle">
              {setting.value}
            </Text>
          </Box>
        ))}
      </Box>
      <Text color={theme.muted}>
        {settings[list.cursor]?.opens
          ? `${hints([['confirm', 'changes this setting']])}.`
          : 'Read-only here: airlock opens the vault given by --vault, else $AIRLOCK_VAULT, else its default place.'}
      </Text>
      <KeyHints commands={['confirm', 'nextSection', 'help', 'quit']} />
    </Box>
  );
}
