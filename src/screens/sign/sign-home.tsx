import { Text } from 'ink';
import { theme } from '../../ui/theme.js';
import { SectionMenu, type MenuChoice } from '../section-menu.js';

const CHOICES: readonly MenuChoice[] = [
  {
    label: 'Sign a request',
    about:
      'Reads a signing request from polkadot.js, Nova or a Vault-style sender off its QR codes, shows what it asks, decoded, and answers with the signature as a QR code once y is typed.',
    opens: { name: 'sign-request' },
  },
  {
    label: 'Chain metadata',
    about:
      "The chains' metadata brought across the gap, which decodes polkadot.js's requests: add a file an online node gave, list, remove.",
    opens: { name: 'sign-metadata' },
  },
];

/** The Sign section: requests in as pictures, what they ask shown, the signature out as a code. */
export function SignHome() {
  return (
    <SectionMenu title="Sign" choices={CHOICES}>
      <Text color={theme.muted}>Nothing is signed that is not shown: a request airlock cannot decode is refused.</Text>
    </SectionMenu>
  );
}
