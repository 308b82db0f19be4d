import type { CommandIn } from '../ui/keymap.js';
import type { Section } from './navigation.js';

/**
 * The keys only some sections' screens answer to, by section: what the help overlay lists as
 * "This section" when it is opened there.
 */
export const SECTION_COMMANDS: Record<Section, readonly CommandIn<'section'>[]> = {
  identities: ['create', 'restore', 'rename', 'remove', 'complete', 'takeWord'],
  accounts: ['derive', 'rename', 'remove', 'network', 'showQr', 'pick'],
  addresses: ['add', 'edit', 'remove'],
  backups: ['complete', 'pick'],
  qr: ['complete', 'pick'],
  sign: ['approve', 'add', 'remove', 'complete', 'pick'],
  ledger: ['showOnDevice', 'save', 'complete', 'takeWord'],
  settings: ['pick'],
};
