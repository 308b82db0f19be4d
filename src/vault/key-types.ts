/** The key types airlock derives; apart from keys.ts so the vault model loads no crypto. */
export const KEY_TYPES = ['sr25519', 'ed25519', 'ecdsa', 'ethereum'] as const;
export type KeyType = (typeof KEY_TYPES)[number];
