/**
 * The chain table: a genesis hash to the chain's name, SS58 prefix, decimals and token, as a
 * request's values are shown in. From @polkadot/networks first, then a few chains it knows only
 * by genesis hash (or not at all), then the chains whose metadata the vault keeps.
 */
import { allNetworks } from '@polkadot/networks';
import { knownGenesis } from '@polkadot/networks/defaults';
import type { MetadataRecord } from '../vault/model.js';
import type { ChainView } from './view.js';

type KnownChain = Omit<ChainView, 'genesisHash'> & { genesisHashes: readonly string[] };

const genesisOf = (name: string): readonly string[] => knownGenesis[name] ?? [];

/**
 * Chains @polkadot/networks names by genesis hash only (its `knownGenesis`) or not at all, with
 * what the registry would say of them: their relay chain's format and token (Polkadot Vault's
 * defaults and the chains' own specifications agree).
 */
const SUPPLEMENT: readonly KnownChain[] = [
  {
    name: 'westend',
    displayName: 'Westend',
    ss58Prefix: 42,
    decimals: 12,
    token: 'WND',
    genesisHashes: genesisOf('westend'),
  },
  {
    name: 'paseo',
    displayName: 'Paseo',
    ss58Prefix: 0,
    decimals: 10,
    token: 'PAS',
    // Not in @polkadot/networks; the Paseo relay chain's genesis, as its wallets and SDKs list it.
    genesisHashes: ['0x77afd6190f1554ad45fd0d31aee62aacc33c6db0ea801129acb813f913e0764f'],
  },
  {
    name: 'statemint',
    displayName: 'Polkadot Asset Hub',
    ss58Prefix: 0,
    decimals: 10,
    token: 'DOT',
    genesisHashes: genesisOf('statemint'),
  },
  {
    name: 'statemine',
    displayName: 'Kusama Asset Hub',
    ss58Prefix: 2,
    decimals: 12,
    token: 'KSM',
    genesisHashes: genesisOf('statemine'),
  },
];

/**
 * Runtimes whose spec name says for certain which chain they are: the name is the chain's own
 * (the relay chains, their asset hubs). Any other spec name needs its genesis hash given: two
 * chains can share one (Bifrost on Kusama and the registry's `bifrost` on Polkadot do not, yet
 * their runtimes are built from one code base), and a chain decoded with another's metadata
 * shows the wrong call.
 */
const CHAIN_OF_SPEC_NAME: Readonly<Record<string, string>> = {
  polkadot: 'polkadot',
  kusama: 'kusama',
  westend: 'westend',
  paseo: 'paseo',
  statemint: 'statemint',
  statemine: 'statemine',
};

const REGISTERED: readonly KnownChain[] = allNetworks.flatMap((n) =>
  n.genesisHash.length > 0 && n.decimals?.[0] !== undefined && n.symbols?.[0] !== undefined
    ? [
        {
          name: n.network,
          displayName: n.displayName,
          ss58Prefix: n.prefix,
          decimals: n.decimals[0],
          token: n.symbols[0],
          genesisHashes: n.genesisHash,
        },
      ]
    : [],
);

const KNOWN: readonly KnownChain[] = [...REGISTERED, ...SUPPLEMENT];

function viewOf(chain: KnownChain, genesisHash: string): ChainView {
  const { name, displayName, ss58Prefix, decimals, token } = chain;
  return { name, displayName, genesisHash, ss58Prefix, decimals, token };
}

/** A chain airlock knows without any metadata kept, by genesis hash (any case). */
export function knownChainOfGenesis(genesisHash: string): ChainView | undefined {
  const wanted = genesisHash.toLowerCase();
  const chain = KNOWN.find((c) => c.genesisHashes.some((h) => h.toLowerCase() === wanted));
  return chain && viewOf(chain, wanted);
}

/** The chain a runtime's spec name says for certain, with its current genesis hash. */
export function knownChainOfSpecName(specName: string): ChainView | undefined {
  const name = CHAIN_OF_SPEC_NAME[specName];
  return name === undefined ? undefined : knownChainNamed(name);
}

/** A known chain by its name (`westend`), with its current genesis hash. */
export function knownChainNamed(name: string): ChainView | undefined {
  const chain = KNOWN.find((c) => c.name === name);
  const genesisHash = chain?.genesisHashes[0];
  return chain && genesisHash ? viewOf(chain, genesisHash.toLowerCase()) : undefined;
}

/** The spec name a known chain's runtime has, if airlock knows it for certain. */
export function specNameOfKnownChain(name: string): string | undefined {
  return Object.entries(CHAIN_OF_SPEC_NAME).find(([, chain]) => chain === name)?.[0];
}

/**
 * The chain of a genesis hash: a known one, else the one the vault's stored metadata records
 * (their newest runtime's, should an older record disagree).
 */
export function chainOfGenesis(genesisHash: string, records: readonly MetadataRecord[]): ChainView | undefined {
  const known = knownChainOfGenesis(genesisHash);
  if (known) return known;
  const wanted = genesisHash.toLowerCase();
  const record = records
    .filter((r) => r.genesisHash === wanted)
    .reduce<MetadataRecord | undefined>(
      (newest, r) => (newest && newest.specVersion > r.specVersion ? newest : r),
      undefined,
    );
  return (
    record && {
      name: record.network,
      displayName: record.network,
      genesisHash: wanted,
      ss58Prefix: record.ss58Prefix,
      decimals: record.decimals,
      token: record.token,
    }
  );
}
