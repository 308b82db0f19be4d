import { Keyring } from '@polkadot/keyring';
import { stringToU8a, u8aConcat, u8aToHex, u8aWrapBytes } from '@polkadot/util';
import { cryptoWaitReady, signatureVerify } from '@polkadot/util-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { MAX_MESSAGE_BYTES, messageBytesToSign, messageView } from '../../src/sign/message.js';
import { DEV_PHRASE } from '../helpers/dev-keys.js';

const bytes = (text: string): Uint8Array => stringToU8a(text);
const wrapped = (text: string): Uint8Array => bytes(`<Bytes>${text}</Bytes>`);

describe('messageView', () => {
  it('shows a wrapped UTF-8 message as its text, lines kept, and says it was wrapped', () => {
    expect(messageView(wrapped('Log in to example.org\nnonce: 8f2a\tok'))).toEqual({
      text: 'Log in to example.org\nnonce: 8f2a\tok',
      encoding: 'utf-8',
      wrapped: true,
      length: 36,
    });
  });

  it('shows an unwrapped message and says it was not wrapped', () => {
    expect(messageView(bytes('I own this address'))).toEqual({
      text: 'I own this address',
      encoding: 'utf-8',
      wrapped: false,
      length: 18,
    });
  });

  it('shows letters of every script and emoji as they are', () => {
    expect(messageView(wrapped('Grüße, 世界 👩‍💻')).text).toBe('Grüße, 世界 👩‍💻');
  });

  it('shows bytes that are not UTF-8 as hex, without the wrapping', () => {
    const view = messageView(u8aConcat(bytes('<Bytes>'), [0xff, 0xfe, 0x00, 0x80], bytes('</Bytes>')));
    expect(view).toEqual({ text: '0xfffe0080', encoding: 'hex', wrapped: true, length: 4 });
  });

  it('escapes what would move the cursor, clear the screen or reverse the text, and a byte-order mark', () => {
    const view = messageView(wrapped('\ufeffpay \x1b[2Jto\r\u202eevil'));
    expect(view.text).toBe('\\ufeffpay \\x1b[2Jto\\r\\u202eevil');
  });

  it('shows an empty message as empty text', () => {
    expect(messageView(wrapped(''))).toEqual({ text: '', encoding: 'utf-8', wrapped: true, length: 0 });
  });

  it('refuses a message longer than a person can check', () => {
    const long = new Uint8Array(MAX_MESSAGE_BYTES + 1).fill(0x61);
    expect(() => messageView(long)).toThrow(UserError);
    expect(() => messageView(long)).toThrow('the message is 65,537 bytes; airlock shows and signs at most 65,536');
  });

  it('refuses an Ethereum-style message, which polkadot.js would sign unwrapped', () => {
    const ethereum = bytes('\x19Ethereum Signed Message:\n5hello');
    expect(() => messageView(ethereum)).toThrow('the message is an Ethereum-style signed message');
    expect(() => messageBytesToSign(ethereum)).toThrow(UserError);
  });
});

describe('messageBytesToSign', () => {
  beforeAll(async () => {
    await cryptoWaitReady();
  });

  it('signs a wrapped message as carried, and wraps one that is not, as polkadot.js does', () => {
    expect(messageBytesToSign(wrapped('hello'))).toEqual(wrapped('hello'));
    expect(messageBytesToSign(bytes('hello'))).toEqual(wrapped('hello'));
    expect(messageBytesToSign(bytes('hello'))).toEqual(u8aWrapBytes(bytes('hello')));
  });

  it('never signs bytes that could be a transaction: a payload that is one is wrapped first', () => {
    const transactionLike = new Uint8Array([0x0a, 0x05, 0x00, 0x8e, 0xaf, 0x04]);
    const signed = messageBytesToSign(transactionLike);
    expect(u8aToHex(signed.subarray(0, 7))).toBe(u8aToHex(bytes('<Bytes>')));
    expect(u8aToHex(signed.subarray(-8))).toBe(u8aToHex(bytes('</Bytes>')));
  });

  it.each(['sr25519', 'ed25519', 'ecdsa'] as const)(
    'gives a %s signature that polkadot.js verifies against the message the dapp asked for',
    (type) => {
      const pair = new Keyring({ type }).addFromUri(`${DEV_PHRASE}//Alice`);
      const message = 'Sign in to example.org at 2026-12-07';
      for (const payload of [bytes(message), wrapped(message)]) {
        const signature = pair.sign(messageBytesToSign(payload));
        expect(signatureVerify(message, signature, pair.publicKey).isValid).toBe(true);
        expect(signatureVerify(wrapped(message), signature, pair.publicKey).isValid).toBe(true);
        expect(signatureVerify('another message', signature, pair.publicKey).isValid).toBe(false);
      }
    },
  );

  it('does not keep a view of the request: changing the request later changes nothing signed', () => {
    const payload = wrapped('hello');
    const signed = messageBytesToSign(payload);
    payload[8] = 0x41;
    expect(signed).toEqual(wrapped('hello'));
  });
});
