// A vault with one mnemonic identity and `count` sr25519 accounts with random public keys,
// built through the library in one write. Listing and filtering cost the same whatever keys
// the accounts hold, so the benchmarks need not derive 10,000 of them.
import { randomBytes } from 'node:crypto';
import { built } from './built.mjs';

/** @type {typeof import('../src/vault/identities.js')} */
const { addMnemonicIdentity } = await built('vault/identities.js');
/** @type {typeof import('../src/vault/store.js')} */
const { VaultSession } = await built('vault/store.js');

const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';

/**
 * Returns the open session; the caller closes it.
 * @param {string} path
 * @param {string} password
 * @param {number} count
 */
export async function createSyntheticVault(path, password, count) {
  const session = await VaultSession.create(path, new TextEncoder().encode(password));
  await session.update((data) => {
    const { data: withIdentity, identity } = addMnemonicIdentity(data, 'bench', DEV_PHRASE);
    const createdAt = new Date().toISOString();
    /** @type {import('../src/vault/model.js').Account[]} */
    const accounts = Array.from({ length: count }, (_, i) => ({
      name: `account-${i}`,
      identity: identity.id,
      type: 'sr25519',
      path: `//${i}`,
      publicKey: `0x${randomBytes(32).toString('hex')}`,
      network: 'substrate',
      createdAt,
    }));
    return { data: { ...withIdentity, accounts }, result: undefined };
  });
  return session;
}
