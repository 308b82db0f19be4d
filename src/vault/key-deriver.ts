import { isLedgerPath } from '../ledger/paths.js';
import { checkPath, type KeyType } from './keys.js';

type Pair = { publicKey: Uint8Array; secretKey: Uint8Array };

/**
 * Public keys of one recovery phrase at many paths, the same keys `derivePublicKey` gives
 * (the keyring's `createFromUri`, composed from the same util-crypto steps), with the costly
 * step done once: a phrase's seed is 2,048 rounds of PBKDF2, a derivation a few hash rounds.
 * Checking a backup of 1,000 accounts of one identity then costs one seed, not 1,000.
 */
export interface KeyDeriver {
  publicKeyAt(path: string, type: KeyType): Uint8Array;
  /** Wipes the seeds kept. */
  wipe(): void;
}

export async function createKeyDeriver(phrase: string, passphrase?: string): Promise<KeyDeriver> {
  const [crypto, ledger] = await Promise.all([import('@polkadot/util-crypto'), import('../ledger/derive.js')]);
  await crypto.cryptoWaitReady();
  const fromSeed: Record<Exclude<KeyType, 'ethereum'>, (seed: Uint8Array) => Pair> = {
    sr25519: crypto.sr25519PairFromSeed,
    ed25519: crypto.ed25519PairFromSeed,
    ecdsa: crypto.secp256k1PairFromSeed,
  };
  // Keyed by what the seed depends on; each value holds a secret until `wipe`.
  const kept = new Map<string, Uint8Array | Pair>();
  const keep = <T extends Uint8Array | Pair>(key: string, make: () => T): T => {
    let value = kept.get(key) as T | undefined;
    if (value === undefined) kept.set(key, (value = make()));
    return value;
  };

  const publicKeyAt = (path: string, type: KeyType): Uint8Array => {
    checkPath(path, type);
    if (type === 'ed25519' && isLedgerPath(path)) {
      const secret = passphrase === undefined ? undefined : new Uint8Array(Buffer.from(passphrase, 'utf8'));
      const master = keep('ledger', () => ledger.ledgerMasterSeed(phrase, secret));
      secret?.fill(0);
      return publicOnly(ledger.ledgerKeyPairFromMaster(master, path));
    }
    if (passphrase !== undefined) throw new Error('a Ledger passphrase derives Ledger paths only');
    if (type === 'ethereum') {
      // As createFromUri: BIP39's seed (no password), then BIP44 below it.
      const { derivePath } = crypto.keyExtractSuri(`${phrase}/${path}`);
      const seed = keep('ethereum', () => crypto.mnemonicToLegacySeed(phrase, '', false, 64));
      return publicOnly(crypto.hdEthereum(seed, derivePath.substring(1)));
    }
    // As createFromUri: the mini secret of the phrase and the `///password`, then each junction.
    const { password, path: junctions } = crypto.keyExtractSuri(`${phrase}${path}`);
    let at = `${type}\u0000${password ?? ''}`;
    let pair = keep(at, () => {
      const seed = crypto.mnemonicToMiniSecret(phrase, password);
      try {
        return fromSeed[type](seed);
      } finally {
        seed.fill(0);
      }
    });
    if (junctions.length === 0) return pair.publicKey.slice();
    // Accounts share their first junctions (//polkadot//0, //polkadot//1…): those keys are kept too.
    for (const junction of junctions.slice(0, -1)) {
      const parent = pair;
      at += `${junction.isHard ? '//' : '/'}${Buffer.from(junction.chainCode).toString('hex')}`;
      pair = keep(at, () => crypto.keyFromPath(parent, [junction], type));
    }
    return publicOnly(crypto.keyFromPath(pair, junctions.slice(-1), type));
  };

  return {
    publicKeyAt,
    wipe: () => {
      for (const value of kept.values()) (value instanceof Uint8Array ? value : value.secretKey).fill(0);
      kept.clear();
    },
  };
}

function publicOnly(pair: Pair): Uint8Array {
  pair.secretKey.fill(0);
  return pair.publicKey;
}
