/**
 * Which chain metadata being added is for. Its runtime's spec name says so for the chains airlock
 * knows for certain; for any other the person names the genesis hash, the token and its
 * decimals, which no metadata holds. Whatever is given must agree with what airlock and the
 * vault already know: metadata kept under the wrong chain would decode that chain's requests
 * with another runtime's calls.
 */
import { UserError } from '../errors.js';
import { printable, QUOTED } from '../printable.js';
import { METADATA_NETWORK_NAME, type MetadataRecord } from '../vault/model.js';
import { knownChainNamed, knownChainOfGenesis, knownChainOfSpecName, specNameOfKnownChain } from './chains.js';
import type { MetadataInfo } from './metadata.js';
import type { ChainView } from './view.js';

/** What the person says of the chain, as typed (`--genesis`, `--token`, `--decimals`). */
export interface ChainClaims {
  genesis?: string;
  token?: string;
  decimals?: string;
}

export type MetadataChain = Pick<ChainView, 'name' | 'genesisHash' | 'ss58Prefix' | 'decimals' | 'token'>;

/** A token symbol as chains write it (`DOT`, `xcUSDT`): no space or control character, 16 at most. */
const TOKEN = /^[^\s\p{C}]{1,16}$/u;
/** u128 amounts have 39 digits: more decimals than 38 leave no whole unit. */
const MAX_DECIMALS = 38;

export function chainOfMetadata(
  info: MetadataInfo,
  claims: ChainClaims,
  records: readonly MetadataRecord[],
): MetadataChain {
  const genesis = claims.genesis === undefined ? undefined : checkedGenesis(claims.genesis);
  const chain = knownChain(info, genesis) ?? recordedChain(info, records, genesis) ?? newChain(info, claims, genesis);
  if (chain.ss58Prefix !== info.ss58Prefix) {
    throw new UserError(
      `this metadata's runtime uses SS58 prefix ${info.ss58Prefix}; ${chain.name} uses ${chain.ss58Prefix}: it is not ${chain.name}'s metadata`,
      'bring the metadata from a node of the chain it is for',
    );
  }
  if (claims.token !== undefined && claims.token !== chain.token)
    throw contradiction(chain, `its token is ${chain.token}, not ${printable(claims.token, QUOTED)}`);
  if (claims.decimals !== undefined && checkedDecimals(claims.decimals) !== chain.decimals)
    throw contradiction(chain, `its token has ${chain.decimals} decimals, not ${printable(claims.decimals, QUOTED)}`);
  checkAgainstRecords(chain, records);
  return chain;
}

/**
 * Whether metadata of the runtime named `specName` can be added only with the person's claims
 * (genesis hash, token, decimals): airlock does not know its chain by that name, nor does the
 * vault keep metadata of a runtime so named, whose chain was described when it was added.
 */
export function needsChainClaims(specName: string, records: readonly MetadataRecord[]): boolean {
  return knownChainOfSpecName(specName) === undefined && !records.some((r) => r.specName === specName);
}

/** A chain airlock knows: by the runtime's spec name, or by the genesis hash given. */
function knownChain(info: MetadataInfo, genesis: string | undefined): MetadataChain | undefined {
  const bySpecName = knownChainOfSpecName(info.specName);
  const byGenesis = genesis === undefined ? undefined : knownChainOfGenesis(genesis);
  if (bySpecName && genesis !== undefined && byGenesis?.name !== bySpecName.name) {
    throw new UserError(
      `this is ${bySpecName.name}'s metadata (its runtime is "${info.specName}"), whose genesis hash is ${bySpecName.genesisHash}, not ${genesis}`,
      'leave out --genesis, or bring the metadata of the chain that genesis hash is',
    );
  }
  const expected = byGenesis && specNameOfKnownChain(byGenesis.name);
  if (byGenesis && expected !== undefined && expected !== info.specName) {
    throw new UserError(
      `${genesis} is ${byGenesis.name}, whose runtime is "${expected}"; this metadata's runtime is "${info.specName}"`,
      `bring ${byGenesis.name}'s metadata, or give the genesis hash of the chain this metadata is for`,
    );
  }
  return bySpecName ?? byGenesis;
}

/**
 * A chain the vault keeps metadata of already, by the genesis hash given or, without one, by its
 * runtime's name: its token and decimals were given then.
 */
function recordedChain(
  info: MetadataInfo,
  records: readonly MetadataRecord[],
  genesis: string | undefined,
): MetadataChain | undefined {
  const record =
    genesis === undefined
      ? records.find((r) => r.specName === info.specName)
      : records.find((r) => r.genesisHash === genesis);
  if (!record) return undefined;
  if (record.specName !== info.specName) {
    throw new UserError(
      `the vault keeps metadata of ${genesis} whose runtime is "${record.specName}"; this metadata's runtime is "${info.specName}"`,
      'bring the metadata of the chain that genesis hash is, or give the genesis hash of the chain this metadata is for',
    );
  }
  return {
    name: record.network,
    genesisHash: record.genesisHash,
    ss58Prefix: record.ss58Prefix,
    decimals: record.decimals,
    token: record.token,
  };
}

/** A chain airlock meets for the first time: named after its runtime, described by the person. */
function newChain(info: MetadataInfo, claims: ChainClaims, genesis: string | undefined): MetadataChain {
  const { token, decimals } = claims;
  if (genesis === undefined || token === undefined || decimals === undefined) {
    throw new UserError(
      `airlock does not know the chain whose runtime is "${info.specName}": its genesis hash, token and decimals are not in its metadata`,
      'give them: airlock metadata add FILE --genesis 0xHASH --token SYMBOL --decimals N (the hash is block 0 of the chain)',
    );
  }
  if (!METADATA_NETWORK_NAME.test(info.specName)) {
    throw new UserError(
      `the runtime's name "${printable(info.specName, QUOTED)}" cannot name the chain (lower-case letters, digits, - and _ only)`,
      'this is no runtime airlock can keep metadata of',
    );
  }
  const taken = knownChainNamed(info.specName);
  if (taken) {
    throw new UserError(
      `the runtime "${info.specName}" has the name of ${taken.displayName}, whose genesis hash is ${taken.genesisHash}, not ${genesis}`,
      'give the genesis hash of the chain this metadata is for',
    );
  }
  if (!TOKEN.test(token))
    throw new UserError(
      `"${printable(token, QUOTED)}" is not a token symbol`,
      'give one such as DOT: 1 to 16 characters, no spaces',
    );
  return {
    name: info.specName,
    genesisHash: genesis,
    ss58Prefix: info.ss58Prefix,
    decimals: checkedDecimals(decimals),
    token,
  };
}

/** One chain, one name: a name stands for one genesis hash in the vault and in the file names. */
function checkAgainstRecords(chain: MetadataChain, records: readonly MetadataRecord[]): void {
  const sameName = records.find((r) => r.network === chain.name && r.genesisHash !== chain.genesisHash);
  if (sameName) {
    throw new UserError(
      `the vault keeps metadata of another chain named ${chain.name} (genesis hash ${sameName.genesisHash})`,
      `remove it first: airlock metadata remove ${chain.name}`,
    );
  }
}

function checkedGenesis(text: string): string {
  const hash = text.trim().toLowerCase();
  if (!/^0x[0-9a-f]{64}$/u.test(hash)) {
    throw new UserError(
      `"${printable(text, QUOTED)}" is not a genesis hash`,
      'give 0x and 64 hex digits: the hash of block 0, as polkadot.js apps shows it (chain_getBlockHash(0))',
    );
  }
  return hash;
}

function checkedDecimals(text: string): number {
  if (!/^\d{1,2}$/u.test(text.trim()) || Number(text) > MAX_DECIMALS)
    throw new UserError(
      `"${printable(text, QUOTED)}" is not a number of decimals`,
      `give a whole number from 0 to ${MAX_DECIMALS}`,
    );
  return Number(text);
}

const contradiction = (chain: MetadataChain, what: string) =>
  new UserError(`${chain.name}: ${what}`, 'leave the option out: airlock knows this chain');
