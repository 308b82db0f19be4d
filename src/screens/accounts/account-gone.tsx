import { Box, Text } from 'ink';
import { KeyHints } from '../../ui/components/key-hints.js';
import { useShell } from '../shell-context.js';
import { useKeys } from '../../ui/use-keys.js';
import { findAccount } from '../../vault/accounts.js';
import type { Account, VaultData } from '../../vault/model.js';

/**
 * The account a screen was opened for. The list opens accounts by public key, which a rename
 * does not change; other screens may give a name or an address.
 */
export function lookUpAccount(data: VaultData, ref: string): Account | undefined {
  // By key first: `findAccount` would re-encode every account to compare it as an address.
  const byKey = data.accounts.find((a) => a.publicKey === ref);
  if (byKey) return byKey;
  try {
    return findAccount(data, ref);
  } catch {
    return undefined;
  }
}

/** Shown instead of a screen whose account was removed meanwhile. */
export function AccountGone() {
  const shell = useShell();
  useKeys((input, key) => void shell.globalKey(input, key), true);
  return (
    <Box flexDirection="column" gap={1}>
      <Text>This account is no longer in the vault.</Text>
      <KeyHints commands={['back']} />
    </Box>
  );
}
