import { allNetworks } from '@polkadot/networks';
import { UserError } from '../errors.js';
import { editDistance } from '../edit-distance.js';
import type { KeyType } from './key-types.js';

export interface Network {
  /** The registry key, e.g. `polkadot`; what the vault stores. */
  name: string;
  displayName: string;
  prefix: number;
  /** The first registered genesis hash, when the network has one. */
  genesisHash?: string;
  /** Its accounts are ethereum (secp256k1) keys: an EVM chain such as Moonbeam. */
  evm?: true;
}

export const DEFAULT_NETWORK = 'substrate';
/** Where an ethereum account goes when the default network is not an EVM chain: the best known one. */
export const DEFAULT_EVM_NETWORK = 'moonbeam';

/** The network a new account of this key type gets: the vault's default, or an EVM chain for an ethereum key. */
export function defaultNetworkFor(type: KeyType, vaultDefault: string): string {
  if (type !== 'ethereum') return vaultDefault;
  return findNetwork(vaultDefault).evm ? vaultDefault : DEFAULT_EVM_NETWORK;
}

function toNetwork(entry: (typeof allNetworks)[number]): Network {
  const genesisHash = entry.genesisHash[0];
  return {
    name: entry.network,
    displayName: entry.displayName,
    prefix: entry.prefix,
    ...(genesisHash ? { genesisHash } : {}),
    ...(entry.standardAccount === 'secp256k1' ? { evm: true as const } : {}),
  };
}

/** A network of `@polkadot/networks` by its name (any case) or its SS58 prefix. */
export function findNetwork(nameOrPrefix: string): Network {
  let network = cache.get(nameOrPrefix);
  if (!network) {
    network = lookUp(nameOrPrefix);
    cache.set(nameOrPrefix, network);
  }
  return network;
}

const cache = new Map<string, Network>();

function lookUp(nameOrPrefix: string): Network {
  const wanted = nameOrPrefix.trim().toLowerCase();
  const entry = /^\d+$/.test(wanted)
    ? allNetworks.find((n) => n.prefix === Number(wanted))
    : allNetworks.find((n) => n.network.toLowerCase() === wanted);
  if (!entry) {
    const close = similarNetworks(allNetworks.map(toNetwork), wanted).map((n) => n.name);
    throw new UserError(
      `unknown network "${nameOrPrefix}"`,
      close.length > 0
        ? `did you mean ${close.join(' or ')}?`
        : 'give a network name such as polkadot, kusama or substrate, or a registered SS58 prefix such as 0, 2 or 42',
    );
  }
  return toNetwork(entry);
}

/** The network a genesis hash belongs to, if the registry knows it. */
export function networkOfGenesis(genesisHash: string): Network | undefined {
  const wanted = genesisHash.toLowerCase();
  const entry = allNetworks.find((n) => n.genesisHash.some((h) => h.toLowerCase() === wanted));
  return entry && toNetwork(entry);
}

export function listNetworks(): Network[] {
  return allNetworks.map(toNetwork);
}

/**
 * Networks whose name, display name or SS58 prefix contain the filter, best first: an exact
 * name or prefix, then names that start with it, then the rest in registry order.
 */
export function searchNetworks(all: readonly Network[], filter: string): Network[] {
  const wanted = filter.trim().toLowerCase();
  if (wanted === '') return [...all];
  const rank = (n: Network) => {
    const name = n.name.toLowerCase();
    if (name === wanted || String(n.prefix) === wanted) return 0;
    if (name.startsWith(wanted) || n.displayName.toLowerCase().startsWith(wanted)) return 1;
    return 2;
  };
  return all
    .filter((n) => [n.name, n.displayName, String(n.prefix)].some((text) => text.toLowerCase().includes(wanted)))
    .map((network, index) => ({ network, index, rank: rank(network) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ network }) => network);
}

/**
 * Networks whose name is a few edits from what was typed, closest first: what a typo was meant
 * to be when no name contains it.
 */
export function similarNetworks(all: readonly Network[], typed: string, limit = 3): Network[] {
  const wanted = typed.trim().toLowerCase();
  if (wanted.length < 3) return [];
  // A short name is a different name after two edits.
  const most = wanted.length < 6 ? 1 : 2;
  return all
    .map((network) => ({ network, edits: editDistance(wanted, network.name.toLowerCase()) }))
    .filter(({ edits }) => edits <= most)
    .sort((a, b) => a.edits - b.edits)
    .slice(0, limit)
    .map(({ network }) => network);
}
