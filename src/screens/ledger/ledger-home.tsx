import { Box, Text } from 'ink';
import { KeyHints } from '../../ui/components/key-hints.js';
import { Prose } from '../../ui/components/prose.js';
import { useList } from '../../ui/components/use-list.js';
import { commandFor } from '../../ui/keymap.js';
import type { Screen } from '../navigation.js';
import { useShell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';
import { useKeys } from '../../ui/use-keys.js';

interface Choice {
  label: string;
  about: string;
  opens: Screen;
}

const CHOICES: readonly Choice[] = [
  {
    label: 'Scan a device',
    about:
      'Reads the addresses of a Ledger on USB (or the Speculos emulator), shows one on its screen to compare, and saves their public keys: the keys stay on the device.',
    opens: { name: 'ledger-scan' },
  },
  {
    label: 'Recover offline from its 24 words',
    about:
      "Derives the same accounts from a Ledger's recovery words, without the device. The words go into the vault, which makes it a software wallet.",
    opens: { name: 'ledger-recover' },
  },
];

/** The Ledger section: read a device, or recover its accounts from its words. */
export function LedgerHome() {
  const shell = useShell();
  const list = useList(CHOICES.length, CHOICES.length, true);

  useKeys((input, key) => {
    const choice = CHOICES[list.latest().cursor];
    if (commandFor(input, key, ['confirm']) && choice) shell.navigate({ type: 'open', screen: choice.opens });
    else shell.globalKey(input, key);
  }, true);

  return (
    <Box flexDirection="column" width={shell.width} gap={1}>
      <Text bold>Ledger</Text>
      {CHOICES.map((choice, i) => (
        <Box key={choice.label} flexDirection="column">
          <Text
            inverse={i === list.cursor}
            wrap="truncate-end"
          >{`${i === list.cursor ? '›' : ' '} ${choice.label}`}</Text>
          <Box paddingLeft={2}>
            <Prose color={theme.muted}>{choice.about}</Prose>
          </Box>
        </Box>
      ))}
      <KeyHints commands={['confirm', 'nextSection', 'help', 'quit']} />
    </Box>
  );
}
