/**
 * The signed extensions of a transaction decoded from a proof's types, read by their
 * identifiers: those every transaction has by name, the rest as fields. Each extension adds a
 * value to the transaction and one to the signed data only; the payload has all the first
 * kind in the metadata's order, then all the second.
 */
import { UserError } from '../errors.js';
import { printable } from '../printable.js';
import type { Decoded, ProofDecoder } from './proof-decode.js';
import type { Proof } from '@polkadot-api/merkleize-metadata';
import { fieldView, valueView, type ViewContext } from './proof-view.js';
import { balanceView, type ExtensionsView, type FieldView, type ValueView } from './view.js';

export interface DecodedExtension {
  identifier: string;
  extra: Decoded;
  signed: Decoded;
}

const REQUIRED = [
  'CheckSpecVersion',
  'CheckTxVersion',
  'CheckGenesis',
  'CheckMortality',
  'CheckNonce',
  'CheckMetadataHash',
];
const SHOWN_BY_NAME = new Set([...REQUIRED, 'ChargeTransactionPayment']);

export function decodeExtensions(extrinsic: Proof['extrinsic'], decoder: ProofDecoder): DecodedExtension[] {
  const extras = extrinsic.signedExtensions.map((extension) => decoder.decode(extension.includedInExtrinsic));
  return extrinsic.signedExtensions.map((extension, i) => ({
    identifier: extension.identifier,
    extra: extras[i]!,
    signed: decoder.decode(extension.includedInSignedData),
  }));
}

export function extensionsView(extensions: DecodedExtension[], context: ViewContext): ExtensionsView {
  const byName = new Map(extensions.map((extension) => [extension.identifier, extension]));
  const missing = REQUIRED.filter((name) => !byName.has(name));
  if (missing.length > 0) {
    throw new UserError(
      `the transaction lacks ${missing.join(', ')}: airlock signs only what says its chain, version, nonce, mortality and metadata hash`,
      'make the request again from a wallet that sets them',
    );
  }
  const get = (name: string): DecodedExtension => byName.get(name)!;
  const mortality = get('CheckMortality');
  return {
    era: eraOf(mortality.extra),
    nonce: intOf(get('CheckNonce').extra).toString(),
    tip: tipOf(byName, context),
    specVersion: Number(intOf(get('CheckSpecVersion').signed)),
    transactionVersion: Number(intOf(get('CheckTxVersion').signed)),
    genesisHash: hexOf(bytesOf(get('CheckGenesis').signed)),
    blockHash: hexOf(bytesOf(mortality.signed)),
    metadataHash: metadataHashOf(get('CheckMetadataHash')),
    others: extensions.filter((e) => !SHOWN_BY_NAME.has(e.identifier)).flatMap((e) => otherView(e, context)),
  };
}

function tipOf(byName: Map<string, DecodedExtension>, context: ViewContext): ValueView {
  const payment = byName.get('ChargeTransactionPayment');
  if (payment) return balanceView(intOf(payment.extra), context.chain);
  // An asset tip names its asset and is shown among the others, whole.
  const assetPayment = byName.get('ChargeAssetTxPayment')?.extra;
  const tip = assetPayment?.kind === 'composite' ? assetPayment.fields.find((f) => f.name === 'tip') : undefined;
  return balanceView(tip ? intOf(tip.value) : 0n, context.chain);
}

function otherView(extension: DecodedExtension, context: ViewContext): FieldView[] {
  const { extra, signed } = extension;
  const parts = [extra, signed].filter((value) => value.kind !== 'void');
  if (parts.length === 0) return [];
  const value: ValueView =
    parts.length === 1
      ? valueView(parts[0]!, context)
      : {
          kind: 'fields',
          fields: [
            fieldView({ name: 'in the transaction', typeName: undefined, value: extra }, 0, context),
            fieldView({ name: 'signed only', typeName: undefined, value: signed }, 1, context),
          ],
        };
  return [{ name: printable(extension.identifier), value }];
}

/** `CheckMetadataHash`: the mode in the transaction, the hash in the signed data only. */
function metadataHashOf(extension: DecodedExtension): ExtensionsView['metadataHash'] {
  const mode = variantOf(extension.extra);
  const hash = variantOf(extension.signed);
  if (mode.index === 0 && hash.index === 0) return { mode: 0 };
  if (mode.index === 1 && hash.index === 1) return { mode: 1, hash: hexOf(bytesOf(hash)) };
  throw new UserError(
    "the transaction's metadata-hash mode and the hash it signs disagree",
    'make the request again from the wallet',
  );
}

/** `Era`: variant 0 is immortal; variant k with byte b is the two-byte era k + 256·b. */
function eraOf(value: Decoded): ExtensionsView['era'] {
  const era = variantOf(value);
  if (era.index === 0) return { kind: 'immortal' };
  const encoded = era.index + 256 * Number(intOf(era));
  const period = 2 << (encoded % 16);
  const phase = (encoded >> 4) * Math.max(period >> 12, 1);
  if (period < 4 || phase >= period) {
    throw new UserError("the transaction's mortality is not a valid era", 'make the request again from the wallet');
  }
  return { kind: 'mortal', period, phase };
}

/** The value inside wrappers of one field: a `CheckNonce(Compact<u32>)`, an `H256([u8; 32])`. */
function unwrap(value: Decoded): Decoded {
  let inner = value;
  while (inner.kind === 'composite' && inner.fields.length === 1) inner = inner.fields[0]!.value;
  return inner;
}

function variantOf(value: Decoded): Extract<Decoded, { kind: 'variant' }> {
  const inner = unwrap(value);
  if (inner.kind !== 'variant') throw unexpected();
  return inner;
}

function intOf(value: Decoded): bigint {
  const inner = unwrap(value.kind === 'variant' && value.fields.length === 1 ? value.fields[0]!.value : value);
  if (inner.kind !== 'int') throw unexpected();
  return inner.value;
}

function bytesOf(value: Decoded): Uint8Array {
  const inner = unwrap(value.kind === 'variant' && value.fields.length === 1 ? value.fields[0]!.value : value);
  if (inner.kind !== 'bytes' || inner.value.length !== 32) throw unexpected();
  return inner.value;
}

const hexOf = (bytes: Uint8Array): string => `0x${Buffer.from(bytes).toString('hex')}`;

const unexpected = (): UserError =>
  new UserError(
    "the transaction's extensions are not of the types every chain gives them",
    "airlock cannot show this chain's transactions from a proof: sign with stored metadata",
  );
