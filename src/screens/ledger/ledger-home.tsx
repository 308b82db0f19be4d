import { SectionMenu, type MenuChoice } from '../section-menu.js';

const CHOICES: readonly MenuChoice[] = [
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
  return <SectionMenu title="Ledger" choices={CHOICES} />;
}
