import { allNetworks } from '@polkadot/networks';
import { UserError } from '../errors.js';

export interface Network {
  /** The registry key, e.g. `polkadot`; what the vault stores. */
  name: string;
  displayName: string;
  prefix: number;
  /** The first registered genesis hash, when the network has one. */
  genesisHash?: string;
}

export const DEFAULT_NETWORK = 'substrate';

function toNetwork(entry: (typeof allNetworks)[number]): Network {
  const genesisHash = entry.genesisHash[0];
  return {
    name: entry.network,
    displayName: entry.displayName,
    prefix: entry.prefix,
    ...(genesisHash ? { genesisHash } : {}),
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
    throw new UserError(
      `unknown network "${nameOrPrefix}"`,
      'give a network name such as polkadot, kusama or substrate, or a registered SS58 prefix such as 0, 2 or 42',
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
