import { UserError } from '../errors.js';
import type { Account, VaultData } from './model.js';
import { pkcs8FromPhrase, polkadot, signWithPkcs8 } from './polkadot-js/pairs.js';

/** Why this account cannot sign here, or undefined when the vault holds what derives its secret. */
export function cannotSign(data: VaultData, account: Account): UserError | undefined {
  const identity = data.identities.find((i) => i.id === account.identity);
  if (identity?.kind === 'ledger')
    return new UserError(
      `${account.name} is a Ledger account: its key never leaves the device`,
      'sign on the Ledger with the Polkadot app',
    );
  if (identity?.kind === 'imported' && !identity.keys.some((k) => k.publicKey === account.publicKey))
    return new UserError(
      `the vault holds only the public key of ${account.name}`,
      'sign where its secret is: the device or wallet it came from',
    );
  if (identity === undefined) return new UserError(`${account.name} belongs to no identity in the vault`);
  return undefined;
}

/**
 * Signs `message` with the account's key: derived from its identity's words (or taken from the
 * imported key) now, and wiped once signed. `withType` gives a MultiSignature (type byte first).
 */
export async function signWithAccount(
  data: VaultData,
  account: Account,
  message: Uint8Array,
  withType: boolean,
): Promise<Uint8Array> {
  const refused = cannotSign(data, account);
  if (refused) throw refused;
  const identity = data.identities.find((i) => i.id === account.identity)!;
  const publicKey = new Uint8Array(Buffer.from(account.publicKey.slice(2), 'hex'));
  let pkcs8: Uint8Array;
  if (identity.kind === 'mnemonic') {
    const passphrase = identity.passphrase === undefined ? {} : { passphrase: identity.passphrase };
    ({ pkcs8 } = await pkcs8FromPhrase({
      phrase: identity.mnemonic,
      path: account.path,
      type: account.type,
      ...passphrase,
    }));
  } else {
    const key = identity.kind === 'imported' ? identity.keys.find((k) => k.publicKey === account.publicKey) : undefined;
    pkcs8 = new Uint8Array(Buffer.from(key!.pkcs8.slice(2), 'hex'));
  }
  try {
    return await signWithPkcs8(pkcs8, account.type, publicKey, message, withType);
  } finally {
    pkcs8.fill(0);
  }
}

/** Loads what signing needs (the keyring and its WebAssembly) ahead of the first signature. */
export async function readySigning(): Promise<void> {
  await polkadot();
}
