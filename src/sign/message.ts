/**
 * A message request (UOS action 03): what a person is asked to sign, and the bytes signed.
 *
 * polkadot.js's `signRaw` signs a message wrapped as `<Bytes>…</Bytes>`: the extension's
 * `RequestBytesSign.sign` signs `u8aWrapBytes(data)` (polkadot-js/extension
 * packages/extension-base/src/background/RequestBytesSign.ts), which wraps only what is not
 * wrapped already, and its QR signer sends `data` as the dapp gave it, wrapped or not
 * (packages/extension-ui/src/Popup/Signing/Qr.tsx, `hexToU8a(payload)` under CMD_SIGN_MESSAGE).
 * Polkadot Vault signs the payload as carried and refuses one that is not wrapped
 * (rust/transaction_parsing/src/message.rs in novasamatech/parity-signer). airlock signs what
 * polkadot.js signs, so the signature verifies against the message the dapp asked for, and
 * always signs the wrapped form: bytes that start with `<Bytes>` and end with `</Bytes>` are no
 * transaction a chain accepts, so a message request can never carry a transaction to be signed.
 */
import { u8aIsWrapped, u8aUnwrapBytes, u8aWrapBytes } from '@polkadot/util/u8a/wrap';
import { UserError } from '../errors.js';
import { printable } from '../printable.js';

/** What a person reads on a terminal, a page or two; a longer message is not one they can check. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

export interface MessageView {
  /** The message: its text when it is UTF-8 (lines kept), else its bytes as 0x hex. */
  text: string;
  encoding: 'utf-8' | 'hex';
  /** Whether the sender wrapped it in `<Bytes>…</Bytes>` (airlock signs it wrapped either way). */
  wrapped: boolean;
  /** The message's length in bytes, without the wrapping. */
  length: number;
}

const ETHEREUM_PREFIX = new TextEncoder().encode('\x19Ethereum Signed Message:\n');

export function messageView(payload: Uint8Array): MessageView {
  checkMessage(payload);
  const wrapped = u8aIsWrapped(payload, false);
  const inner = u8aUnwrapBytes(payload);
  const text = utf8(inner);
  return {
    text: text === undefined ? `0x${Buffer.from(inner).toString('hex')}` : printable(text, { multiline: true }),
    encoding: text === undefined ? 'hex' : 'utf-8',
    wrapped,
    length: inner.length,
  };
}

/** The bytes signed for a message request: the message in `<Bytes>…</Bytes>`, as polkadot.js's `signRaw` signs it. */
export function messageBytesToSign(payload: Uint8Array): Uint8Array {
  checkMessage(payload);
  return u8aWrapBytes(payload.slice());
}

function checkMessage(payload: Uint8Array): void {
  if (payload.length > MAX_MESSAGE_BYTES)
    throw new UserError(
      `the message is ${payload.length.toLocaleString('en-US')} bytes; airlock shows and signs at most ${MAX_MESSAGE_BYTES.toLocaleString('en-US')}`,
      'sign a shorter message',
    );
  // polkadot.js signs these unwrapped, as an Ethereum wallet would: a Substrate signer must not.
  if (startsWith(payload, ETHEREUM_PREFIX))
    throw new UserError(
      'the message is an Ethereum-style signed message, which airlock does not sign',
      'sign it with the Ethereum wallet it is meant for',
    );
}

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}
