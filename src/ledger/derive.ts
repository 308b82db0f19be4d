import { ed25519PairFromSeed } from '@polkadot/util-crypto/ed25519/pair/fromSeed';
import { ledgerDerivePrivate } from '@polkadot/util-crypto/hd/ledger/derivePrivate';
import { ledgerMaster } from '@polkadot/util-crypto/hd/ledger/master';
import { hdValidatePath, HARDENED } from '@polkadot/util-crypto/hd/validatePath';
import { UserError } from '../errors.js';
import { isLedgerPath } from './paths.js';

/**
 * The ed25519 key a Ledger derives from its recovery phrase, computed offline. This is
 * `hdLedger` of @polkadot/util-crypto composed from its own two steps, so that the optional
 * passphrase (Ledger's "25th word") may be any text, spaces included, and any phrase length
 * the device accepts (12, 18 or 24 words); `hdLedger` itself takes a one-word passphrase only.
 */
export function ledgerKeyPair(
  phrase: string,
  path: string,
  passphrase?: Uint8Array,
): { publicKey: Uint8Array; secretKey: Uint8Array } {
  assertLedgerPath(path);
  const master = ledgerMasterSeed(phrase, passphrase);
  try {
    return ledgerKeyPairFromMaster(master, path);
  } finally {
    master.fill(0);
  }
}

/** The seed all of a phrase's Ledger keys grow from: the costly step (PBKDF2), worth keeping for many paths. */
export function ledgerMasterSeed(phrase: string, passphrase?: Uint8Array): Uint8Array {
  return ledgerMaster(phrase, passphrase ? Buffer.from(passphrase).toString('utf8') : '');
}

/** The key at `path` below a master seed of `ledgerMasterSeed`, which is left as it was. */
export function ledgerKeyPairFromMaster(
  master: Uint8Array,
  path: string,
): { publicKey: Uint8Array; secretKey: Uint8Array } {
  assertLedgerPath(path);
  let seed: Uint8Array = master.slice();
  for (const level of path.split('/').slice(1)) {
    const next = ledgerDerivePrivate(seed, Number.parseInt(level, 10) + HARDENED);
    seed.fill(0);
    seed = next;
  }
  const pair = ed25519PairFromSeed(seed.slice(0, 32));
  seed.fill(0);
  return pair;
}

function assertLedgerPath(path: string): void {
  if (!isLedgerPath(path) || !hdValidatePath(path)) {
    throw new UserError(
      `"${path}" is not a Ledger path`,
      "Ledger keys take hardened BIP44 paths such as m/44'/354'/0'/0'/0'",
    );
  }
}

/** The public key only; the secret half is wiped before returning. */
export function ledgerPublicKey(phrase: string, path: string, passphrase?: Uint8Array): Uint8Array {
  const { publicKey, secretKey } = ledgerKeyPair(phrase, path, passphrase);
  secretKey.fill(0);
  return publicKey;
}
