import type { CallView, ExtensionsView, FieldView, TransactionView, ValueView } from './view.js';

/** One line of what is signed, indented by its depth: the CLI prints them, the app scrolls them. */
export interface ShownLine {
  depth: number;
  text: string;
}

/** The call, its arguments by name with nested calls indented, then the extensions. */
export function transactionLines(transaction: TransactionView): ShownLine[] {
  return [...callLines(transaction.call, 0), ...extensionLines(transaction.extensions)];
}

function callLines(call: CallView, depth: number): ShownLine[] {
  return [{ depth, text: `${call.pallet}.${call.name}` }, ...call.args.flatMap((arg) => fieldLines(arg, depth + 1))];
}

function fieldLines({ name, value }: FieldView, depth: number): ShownLine[] {
  switch (value.kind) {
    case 'call':
      return [{ depth, text: `${name}:` }, ...callLines(value.call, depth + 1)];
    case 'calls':
      return [
        { depth, text: `${name}: ${value.calls.length === 1 ? '1 call' : `${value.calls.length} calls`}` },
        ...value.calls.flatMap((call, i) => numbered(callLines(call, depth + 1), i)),
      ];
    case 'fields':
      if (value.fields.length === 0) return [{ depth, text: `${name}: ${value.variant ?? '(empty)'}` }];
      return [
        { depth, text: `${name}:${value.variant ? ` ${value.variant}` : ''}` },
        ...value.fields.flatMap((field) => fieldLines(field, depth + 1)),
      ];
    case 'list':
      if (value.items.length === 0) return [{ depth, text: `${name}: (none)` }];
      return [
        { depth, text: `${name}: ${value.items.length === 1 ? '1 item' : `${value.items.length} items`}` },
        ...value.items.flatMap((item, i) => fieldLines({ name: `${i + 1}`, value: item }, depth + 1)),
      ];
    default:
      return [{ depth, text: `${name}: ${valueText(value)}` }];
  }
}

/** A call of a batch: its first line numbered, as a person counts them. */
function numbered(lines: ShownLine[], index: number): ShownLine[] {
  return lines.map((line, i) => (i === 0 ? { ...line, text: `${index + 1}. ${line.text}` } : line));
}

/** A value that fits on its line: an account with its name, an amount, a number or text. */
export function valueText(value: ValueView): string {
  switch (value.kind) {
    case 'account':
      return value.name === undefined ? value.address : `${value.address} (${value.name})`;
    case 'balance':
    case 'text':
      return value.text;
    case 'call':
      return `${value.call.pallet}.${value.call.name}`;
    case 'calls':
      return value.calls.length === 1 ? '1 call' : `${value.calls.length} calls`;
    case 'fields':
      return value.variant ?? '(fields)';
    case 'list':
      return value.items.length === 1 ? '1 item' : `${value.items.length} items`;
  }
}

function extensionLines(extensions: ExtensionsView): ShownLine[] {
  const { era, nonce, tip, specVersion, transactionVersion, metadataHash, others } = extensions;
  return [
    { depth: 0, text: `Nonce ${nonce}, tip ${valueText(tip)}` },
    {
      depth: 0,
      text:
        era.kind === 'immortal'
          ? 'Immortal: valid at any block'
          : `Mortal: valid for ${era.period} blocks from the block ${extensions.blockHash} (phase ${era.phase})`,
    },
    { depth: 0, text: `Spec version ${specVersion}, transaction version ${transactionVersion}` },
    { depth: 0, text: metadataHashText(metadataHash) },
    ...others.flatMap((field) => fieldLines(field, 0)),
  ];
}

function metadataHashText(hash: ExtensionsView['metadataHash']): string {
  if (hash === undefined) return 'Metadata hash: this chain does not check one';
  if (hash.mode === 0) return 'Metadata hash: not carried (mode 0), so the chain does not check the metadata';
  return `Metadata hash: ${hash.hash} (mode 1: the chain rejects the transaction if it was decoded with other metadata)`;
}
