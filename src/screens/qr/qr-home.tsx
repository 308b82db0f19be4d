import { Box, Text } from 'ink';
import { KeyHints } from '../../ui/components/key-hints.js';
import { List } from '../../ui/components/list.js';
import { useList } from '../../ui/components/use-list.js';
import { commandFor, hints } from '../../ui/keymap.js';
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
    label: "Show an account's address",
    about: 'Draws the substrate: address code that polkadot.js apps and Polkadot Vault-style readers scan.',
    opens: { name: 'qr-account' },
  },
  {
    label: 'Send a file',
    about: 'Shows a file (a backup, say) as animated QR codes; a reader may start at any frame and miss some.',
    opens: { name: 'qr-send-file' },
  },
  {
    label: 'Read QR pictures',
    about:
      'Puts pictures of QR codes back together: a backup is saved and offered for import, an address for the address book.',
    opens: { name: 'qr-read' },
  },
];

/** The QR section: codes leave the air gap on the screen, and come in as pictures. */
export function QrHome() {
  const shell = useShell();
  const list = useList(CHOICES.length, CHOICES.length, true);

  useKeys((input, key) => {
    const choice = CHOICES[list.latest().cursor];
    if (commandFor(input, key, ['confirm']) && choice) shell.navigate({ type: 'open', screen: choice.opens });
    else shell.globalKey(input, key);
  }, true);

  return (
    <Box flexDirection="column" width={shell.width} gap={1}>
      <Text bold>QR codes</Text>
      <List
        items={CHOICES}
        state={list}
        render={(choice, selected) => `${selected ? '›' : ' '} ${choice.label}`}
        empty=""
      />
      <Text color={theme.muted}>{CHOICES[list.cursor]?.about}</Text>
      <Text color={theme.muted}>{`In the player: ${hints(['pause', 'step', 'speed', 'framing'])} · q/Esc close`}</Text>
      <KeyHints commands={['confirm', 'nextSection', 'help', 'quit']} />
    </Box>
  );
}
