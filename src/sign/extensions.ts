/**
 * The signed extensions after the call: what the transaction carries of each (the era, the nonce,
 * the tip, the metadata-hash mode), then what is signed without being sent (spec and transaction
 * version, genesis, the era's block, the metadata hash), in the metadata's order, as
 * polkadot.js's `ExtrinsicPayload` lays them out.
 */
import { UserError } from '../errors.js';
import type { ExtensionShape } from './chain-metadata.js';
import type { DecodeContext } from './decode-value.js';
import { decodeValue } from './decode-value.js';
import type { ScaleReader } from './scale-reader.js';
import { ScaleError } from './scale-reader.js';
import type { ExtensionsView, FieldView, ValueView } from './view.js';
import { balanceView } from './view.js';

interface Decoded {
  view: ValueView;
  bytes: Uint8Array;
}

interface ExtensionValues {
  extra: Decoded;
  implicit: Decoded;
}

export function decodeExtensions(reader: ScaleReader, context: DecodeContext): ExtensionsView {
  const { extensions } = context.metadata;
  const extras = extensions.map((extension) => decodedOf(reader, extension.extra, context));
  const implicits = extensions.map((extension) => decodedOf(reader, extension.implicit, context));
  const byName = new Map<string, ExtensionValues>();
  extensions.forEach((extension, index) => {
    // Two of one name would let what is shown be one and what is checked the other.
    if (byName.has(extension.identifier))
      throw new UserError(
        `the metadata names the ${extension.identifier} extension twice`,
        'add the metadata again with `airlock metadata add FILE`, from what the chain’s node returns',
      );
    byName.set(extension.identifier, { extra: extras[index]!, implicit: implicits[index]! });
  });
  const required = (identifier: string): ExtensionValues => {
    const values = byName.get(identifier);
    if (values === undefined)
      throw new UserError(
        `the chain's transactions have no ${identifier} extension, which airlock needs to show what is signed`,
        'sign this chain’s transactions with a signer that knows it',
      );
    return values;
  };
  // Runtimes before 2020 named it CheckEra.
  const mortality = byName.has('CheckEra') ? required('CheckEra') : required('CheckMortality');
  return {
    era: eraOf(mortality.extra.bytes),
    nonce: textOf(required('CheckNonce').extra.view),
    tip: tipOf(byName, context),
    specVersion: u32Of(required('CheckSpecVersion').implicit.bytes),
    transactionVersion: u32Of(required('CheckTxVersion').implicit.bytes),
    genesisHash: hashOf(required('CheckGenesis').implicit.bytes, 'genesis hash'),
    blockHash: hashOf(mortality.implicit.bytes, 'block hash'),
    metadataHash: metadataHashOf(byName.get('CheckMetadataHash')),
    others: othersOf(extensions, byName),
  };
}

function decodedOf(reader: ScaleReader, type: number, context: DecodeContext): Decoded {
  const start = reader.offset;
  const view = decodeValue(reader, { name: undefined, typeName: undefined, type }, context, {
    calls: 0,
    types: 0,
    nativeAmounts: true,
  });
  return { view, bytes: reader.bytesFrom(start) };
}

/** sp_runtime's `Era`: 0 for immortal, else two bytes holding the period's power of two and the phase. */
export function eraOf(bytes: Uint8Array): ExtensionsView['era'] {
  if (bytes.length === 1 && bytes[0] === 0) return { kind: 'immortal' };
  if (bytes.length !== 2) throw new ScaleError('the era is neither immortal nor mortal');
  const encoded = bytes[0]! | (bytes[1]! << 8);
  const period = 2 << (encoded % 16);
  const phase = (encoded >> 4) * Math.max(period >> 12, 1);
  if (period < 4 || phase >= period) throw new ScaleError(`the era ${encoded} has no valid period and phase`);
  return { kind: 'mortal', period, phase };
}

const TIP_EXTENSIONS = ['ChargeTransactionPayment', 'ChargeAssetTxPayment'];

/** The tip, from whichever payment extension the chain has; the asset a tip is paid in is among the others. */
function tipOf(byName: Map<string, ExtensionValues>, context: DecodeContext): ValueView {
  for (const identifier of TIP_EXTENSIONS) {
    const view = byName.get(identifier)?.extra.view;
    if (view === undefined) continue;
    if (view.kind === 'balance') return view;
    const tip = view.kind === 'fields' ? view.fields.find((field) => field.name === 'tip')?.value : undefined;
    if (tip?.kind === 'balance') return tip;
    if (tip?.kind === 'text' && /^\d+$/u.test(tip.text)) return balanceView(BigInt(tip.text), context.chain);
    throw new ScaleError(`the ${identifier} extension holds no tip airlock can read`);
  }
  return balanceView(0n, context.chain);
}

/** Mode 1 must sign the hash and mode 0 must not: the chain signs exactly that, so anything else cannot be valid. */
function metadataHashOf(values: ExtensionValues | undefined): ExtensionsView['metadataHash'] {
  if (values === undefined) return undefined;
  const mode = values.extra.bytes;
  const hash = values.implicit.bytes;
  if (mode.length === 1 && mode[0] === 0 && hash.length === 1 && hash[0] === 0) return { mode: 0 };
  if (mode.length === 1 && mode[0] === 1 && hash.length === 33 && hash[0] === 1)
    return { mode: 1, hash: hex(hash.subarray(1)) };
  throw new UserError(
    'the transaction’s metadata-hash mode and the hash it signs do not agree',
    'the sender built a transaction the chain would refuse: make it again',
  );
}

/** Extensions carrying something beyond the ones shown by name: an asset to pay in, a chain's own. */
function othersOf(extensions: ExtensionShape[], byName: Map<string, ExtensionValues>): FieldView[] {
  const others: FieldView[] = [];
  for (const { identifier } of extensions) {
    if (SHOWN.has(identifier)) continue;
    const values = byName.get(identifier)!;
    const extra = TIP_EXTENSIONS.includes(identifier) ? withoutTip(values.extra.view) : values.extra.view;
    if (values.extra.bytes.length > 0 && extra !== undefined) others.push({ name: identifier, value: extra });
    if (values.implicit.bytes.length > 0) others.push({ name: `${identifier} (signed)`, value: values.implicit.view });
  }
  return others;
}

const SHOWN = new Set([
  'CheckMortality',
  'CheckEra',
  'CheckNonce',
  'CheckSpecVersion',
  'CheckTxVersion',
  'CheckGenesis',
  'CheckMetadataHash',
]);

/** A payment extension's fields but the tip, which is shown as the tip: the asset it is paid in. */
function withoutTip(view: ValueView): ValueView | undefined {
  if (view.kind !== 'fields') return undefined;
  const rest = view.fields.filter((field) => field.name !== 'tip');
  return rest.length > 0 ? { ...view, fields: rest } : undefined;
}

function textOf(view: ValueView): string {
  if (view.kind !== 'text' || !/^\d+$/u.test(view.text)) throw new ScaleError('the nonce is not a number');
  return view.text;
}

function u32Of(bytes: Uint8Array): number {
  if (bytes.length !== 4) throw new ScaleError('a version is not 4 bytes');
  return Buffer.from(bytes).readUInt32LE(0);
}

function hashOf(bytes: Uint8Array, what: string): string {
  if (bytes.length !== 32) throw new ScaleError(`the ${what} is not 32 bytes`);
  return hex(bytes);
}

const hex = (bytes: Uint8Array): string => `0x${Buffer.from(bytes).toString('hex')}`;
