import type { ShowSource } from '../qr/show.js';

/**
 * Where the user is: a section of the sidebar and a stack of screens within it. A pure
 * reducer, tested without rendering.
 */
export const SECTIONS = ['identities', 'accounts', 'addresses', 'backups', 'qr', 'sign', 'ledger', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_TITLES: Record<Section, string> = {
  identities: 'Identities',
  accounts: 'Accounts',
  addresses: 'Address book',
  backups: 'Backups',
  qr: 'QR',
  sign: 'Sign',
  ledger: 'Ledger',
  settings: 'Settings',
};

export type Screen =
  | { name: 'home' }
  | { name: 'help' }
  | { name: 'identity-new' }
  | { name: 'identity-restore' }
  | { name: 'identity-rename'; identity: string }
  | { name: 'identity-remove'; identity: string }
  /** The accounts of one identity, opened from it: the account list filtered to them. */
  | { name: 'identity-accounts'; identity: string }
  | { name: 'account-detail'; account: string }
  /** `identity`: the one the form starts on, when derive was pressed among its accounts. */
  | { name: 'account-derive'; identity?: string }
  | { name: 'account-rename'; account: string }
  | { name: 'account-remove'; account: string }
  | { name: 'address-add'; prefill?: { name: string; address: string; network: string } }
  | { name: 'address-edit'; address: string }
  | { name: 'address-remove'; address: string }
  | { name: 'password-change' }
  | { name: 'network-choose' }
  | { name: 'backup-export' }
  | { name: 'backup-import'; verifyOnly: boolean; path?: string }
  | { name: 'qr-account' }
  | { name: 'qr-send-file' }
  | { name: 'qr-read' }
  | { name: 'qr-show'; source: ShowSource }
  | { name: 'sign-request' }
  | { name: 'sign-metadata' }
  | { name: 'metadata-add' }
  | { name: 'metadata-remove'; network: string; specVersion: number }
  | { name: 'ledger-scan' }
  | { name: 'ledger-recover' };

export interface Navigation {
  section: Section;
  /** Never empty: the section's home screen is at the bottom. */
  stack: Screen[];
}

export type NavigationAction =
  | { type: 'open'; screen: Screen }
  | { type: 'back' }
  /** To a section's home, or with `open`, to a screen of it that Esc leaves for that home. */
  | { type: 'section'; section: Section; open?: Screen }
  | { type: 'next-section' }
  | { type: 'previous-section' };

export const initialNavigation: Navigation = { section: 'identities', stack: [{ name: 'home' }] };

export function navigate(state: Navigation, action: NavigationAction): Navigation {
  switch (action.type) {
    case 'open':
      return { ...state, stack: [...state.stack, action.screen] };
    case 'back':
      return state.stack.length > 1 ? { ...state, stack: state.stack.slice(0, -1) } : state;
    case 'section':
      return { section: action.section, stack: action.open ? [{ name: 'home' }, action.open] : [{ name: 'home' }] };
    case 'next-section':
    case 'previous-section': {
      const step = action.type === 'next-section' ? 1 : -1;
      const index = (SECTIONS.indexOf(state.section) + step + SECTIONS.length) % SECTIONS.length;
      return { section: SECTIONS[index]!, stack: [{ name: 'home' }] };
    }
  }
}

export function currentScreen(state: Navigation): Screen {
  return state.stack[state.stack.length - 1]!;
}

/** Screens drawn on the whole terminal, without the frame: a QR code needs every row of 80×24. */
export const isFullScreen = (screen: Screen): boolean => screen.name === 'qr-show';
