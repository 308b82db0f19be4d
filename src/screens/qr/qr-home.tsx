import { Text } from 'ink';
import { hints } from '../../ui/keymap.js';
import { theme } from '../../ui/theme.js';
import { SectionMenu, type MenuChoice } from '../section-menu.js';

const CHOICES: readonly MenuChoice[] = [
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
  return (
    <SectionMenu title="QR codes" choices={CHOICES}>
      <Text color={theme.muted}>
        {`In the player: ${hints(['pause', 'step', 'speed', 'framing', [['quit', 'back'], 'close']])}`}
      </Text>
    </SectionMenu>
  );
}
