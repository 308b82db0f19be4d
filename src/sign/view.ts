/**
 * What a signing request asks, as a person reads it: the shapes both decoders give (the one
 * over stored metadata and the one over an RFC-0078 proof), and the one place a value of the
 * chain (an account, an amount) is put into words. Printed by the CLI, drawn by the app.
 */
import { encodeAddress } from '@polkadot/util-crypto/address/encode';
import { printable } from '../printable.js';

/** The chain a request is for, as far as it decides how values read. */
export interface ChainView {
  /** `polkadot`, `kusama`, or the spec name a metadata proof gives. */
  name: string;
  displayName: string;
  genesisHash: string;
  ss58Prefix: number;
  decimals: number;
  token: string;
}

/** A decoded value. Every text in it is printable: what a chain's call carries is outside text. */
export type ValueView =
  /** A call inside a call: a proxy's, a sudo's. */
  | { kind: 'call'; call: CallView }
  /** The calls of a batch, in order. */
  | { kind: 'calls'; calls: CallView[] }
  /** An account id, in the chain's SS58 format, with its vault or address-book name when known. */
  | { kind: 'account'; publicKey: string; address: string; name?: string }
  /** An amount of the chain's token: `planck` in base units, `text` as `1.5 DOT`. */
  | { kind: 'balance'; planck: string; text: string }
  /** A number, a flag, bytes (as text when printable UTF-8, else 0x hex), a variant without fields. */
  | { kind: 'text'; text: string }
  /** A struct, or an enum variant with fields (`variant` names it). */
  | { kind: 'fields'; variant?: string; fields: FieldView[] }
  | { kind: 'list'; items: ValueView[] };

export interface FieldView {
  name: string;
  value: ValueView;
}

export interface CallView {
  pallet: string;
  name: string;
  args: FieldView[];
}

/** The signed extensions, the ones every transaction has by name and the rest as fields. */
export interface ExtensionsView {
  /** Immortal, or valid for `period` blocks from the block whose number is `phase` modulo `period`. */
  era: { kind: 'immortal' } | { kind: 'mortal'; period: number; phase: number };
  nonce: string;
  tip: ValueView;
  specVersion: number;
  transactionVersion: number;
  genesisHash: string;
  /** The block the era counts from (the genesis hash when immortal). */
  blockHash: string;
  /** `CheckMetadataHash`: mode 0 (no hash), or mode 1 with the hash the chain will check. */
  metadataHash: { mode: 0 } | { mode: 1; hash: string } | undefined;
  /** Extensions other than the above (an asset tip, a chain's own), decoded. */
  others: FieldView[];
}

export interface TransactionView {
  call: CallView;
  extensions: ExtensionsView;
}

/** Looks up a vault account or address-book entry by public key, for naming an account. */
export type NameOf = (publicKey: Uint8Array) => string | undefined;

/**
 * Field type names a chain's amounts of its own token have, as Polkadot Vault tells them
 * (docs/src/development/UOS.md); an `assets` pallet's balance is of another token and is not one.
 */
const BALANCE_TYPE_NAMES = new Set([
  'Balance',
  'T::Balance',
  'BalanceOf<T>',
  'ExtendedBalance',
  'BalanceOf<T, I>',
  'DepositBalance',
  'PalletBalanceOf<T>',
]);

export const isBalanceTypeName = (typeName: string | undefined): boolean =>
  typeName !== undefined && BALANCE_TYPE_NAMES.has(typeName);

/** `1.5 DOT`, `0.000000001 KSM`, `12,000 DOT`: the exact amount, no rounding, in the chain's token. */
export function balanceText(planck: bigint, chain: Pick<ChainView, 'decimals' | 'token'>): string {
  const negative = planck < 0n;
  const digits = (negative ? -planck : planck).toString().padStart(chain.decimals + 1, '0');
  const whole = digits.slice(0, digits.length - chain.decimals);
  const fraction = digits.slice(digits.length - chain.decimals).replace(/0+$/u, '');
  const grouped = BigInt(whole).toLocaleString('en-US');
  return `${negative ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''} ${printable(chain.token)}`;
}

export function balanceView(planck: bigint, chain: Pick<ChainView, 'decimals' | 'token'>): ValueView {
  return { kind: 'balance', planck: planck.toString(), text: balanceText(planck, chain) };
}

/** An account id in the chain's format, named when the vault or address book has it. */
export function accountView(publicKey: Uint8Array, chain: Pick<ChainView, 'ss58Prefix'>, nameOf: NameOf): ValueView {
  const name = nameOf(publicKey);
  return {
    kind: 'account',
    publicKey: `0x${Buffer.from(publicKey).toString('hex')}`,
    // A 20-byte id (an EVM chain's) has no SS58 form that chain uses: it is shown as its hex.
    address:
      publicKey.length === 32
        ? encodeAddress(publicKey, chain.ss58Prefix)
        : `0x${Buffer.from(publicKey).toString('hex')}`,
    ...(name === undefined ? {} : { name: printable(name) }),
  };
}

/** Bytes as a person reads them: the text when they are printable UTF-8, else 0x hex. */
export function bytesText(bytes: Uint8Array): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.length > 0 && printable(text) === text) return text;
  } catch {
    // not UTF-8: shown as hex
  }
  return `0x${Buffer.from(bytes).toString('hex')}`;
}
