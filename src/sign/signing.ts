/**
 * Signing a request, as the CLI and the app both do it: read it, find the account and decode
 * what it asks (refusing anything that cannot be shown and checked), then, once the person has
 * approved what they were shown, sign it and give the answer the sender's scanner reads.
 */
import { NotFoundError, UserError } from '../errors.js';
import { printable, QUOTED } from '../printable.js';
import { accountAddress } from '../vault/accounts.js';
import type { Account, VaultData } from '../vault/model.js';
import { cannotSign, readySigning, signWithAccount } from '../vault/signing-key.js';
import type { VaultSession } from '../vault/store.js';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readRegularFile } from '../media/read-regular-file.js';
import { readChainMetadata } from './chain-metadata.js';
import { chainOfGenesis, knownChainOfGenesis } from './chains.js';
import { MAX_METADATA_BYTES } from './metadata.js';
import { bytesToSign, decodeTransaction, SpecVersionMismatch } from './decode-transaction.js';
import { transactionLines, type ShownLine } from './describe.js';
import { messageBytesToSign, messageView, type MessageView } from './message.js';
import { checkPayloadMetadataHash } from './metadata-digest.js';
import { decodeProofTransaction } from './metadata-proof.js';
import { loadMetadata, metadataFolder } from './metadata-store.js';
import { nameLookup } from './names.js';
import { parseSignRequest, type SignRequest } from './request.js';
import type { ChainView, TransactionView } from './view.js';

export interface SigningAccount {
  name: string;
  address: string;
  publicKey: string;
  type: Account['type'];
}

export interface PreparedSignature {
  action: 'transaction' | 'message';
  account: SigningAccount;
  chain: ChainView;
  /** Everything to show before approving, in order: who signs, for which chain, how it is checked, then what. */
  lines: ShownLine[];
  /** How the decoding is backed. */
  checkedBy: 'metadata-proof' | 'stored-metadata' | 'message';
  transaction?: TransactionView;
  message?: MessageView;
  /** What the key signs, and whether the answer is a MultiSignature (a transaction's) or a bare signature. */
  toSign: Uint8Array;
  withType: boolean;
}

/** Parses, finds the account, decodes and checks; a UserError (one message and a hint) on any refusal. */
export async function prepareSignature(bytes: Uint8Array, session: VaultSession): Promise<PreparedSignature> {
  const request = parseSignRequest(bytes);
  const { data } = session;
  const account = signingAccount(data, request);
  const nameOf = nameLookup(data);
  if (request.action === 'proof-transaction') {
    const proven = decodeProofTransaction({ payload: request.payload, genesisHash: request.genesisHash, nameOf });
    const toSign = bytesToSign(proven.signedPayload);
    return shownTransaction(account, proven.chain, proven.transaction, 'metadata-proof', toSign);
  }
  const chain = chainOfGenesis(request.genesisHash, data.metadata);
  if (!chain) throw unknownChain(request.genesisHash);
  if (request.action === 'message') {
    const message = messageView(request.payload);
    const signer = accountOf(account, chain);
    return {
      action: 'message',
      account: signer,
      chain,
      lines: [
        ...headerLines(signer, chain, 'message', 'message'),
        ...message.text.split('\n').map((text) => ({ depth: 1, text })),
      ],
      checkedBy: 'message',
      message,
      toSign: messageBytesToSign(request.payload),
      withType: false,
    };
  }
  const transaction = await decodeWithStoredMetadata(session, request, chain, nameOf);
  return shownTransaction(account, chain, transaction, 'stored-metadata', bytesToSign(request.payload));
}

function shownTransaction(
  account: Account,
  chain: ChainView,
  transaction: TransactionView,
  checkedBy: 'metadata-proof' | 'stored-metadata',
  toSign: Uint8Array,
): PreparedSignature {
  const signer = accountOf(account, chain);
  return {
    action: 'transaction',
    account: signer,
    chain,
    lines: [...headerLines(signer, chain, 'transaction', checkedBy), ...transactionLines(transaction)],
    checkedBy,
    transaction,
    toSign,
    withType: true,
  };
}

/** Signs what was shown (the key derived and wiped); `qrText` is what the answer's code holds. */
export async function signPrepared(
  prepared: PreparedSignature,
  session: VaultSession,
): Promise<{ signature: string; qrText: string }> {
  const account = session.data.accounts.find((a) => a.publicKey === prepared.account.publicKey);
  if (!account) throw new NotFoundError(`${prepared.account.name} is no longer in the vault`, 'nothing was signed');
  const signature = await signWithAccount(session.data, account, prepared.toSign, prepared.withType);
  const hex = Buffer.from(signature).toString('hex');
  // polkadot.js's signature scanner reads the hex and puts 0x before it, as Polkadot Vault's answer is read.
  return { signature: `0x${hex}`, qrText: hex };
}

/** What `airlock sign --json` prints. */
export function signedJson(prepared: PreparedSignature, signature: string) {
  const { action, chain, account, transaction, message } = prepared;
  return {
    action,
    network: chain.name,
    genesisHash: chain.genesisHash,
    account,
    ...(transaction ? { call: transaction.call, extensions: transaction.extensions } : {}),
    ...(message ? { message } : {}),
    checkedBy: prepared.checkedBy,
    signature,
  };
}

/** The account of the request's key, of the request's crypto, that can sign here. */
function signingAccount(data: VaultData, request: SignRequest): Account {
  const key = `0x${Buffer.from(request.publicKey).toString('hex')}`;
  const holders = data.accounts.filter((a) => a.publicKey === key);
  const account = holders.find((a) => a.type === request.crypto) ?? holders[0];
  if (!account)
    throw new NotFoundError(
      `no account in the vault has the key the request names (${key})`,
      'choose one of this vault’s accounts in the online wallet, or import that account first',
    );
  // Where the key is matters first: a Ledger's account signs on the Ledger, whatever was asked.
  const refused = cannotSign(data, account);
  if (refused) throw refused;
  if (account.type !== request.crypto)
    throw new UserError(
      `the request asks for an ${request.crypto} signature, and ${printable(account.name, QUOTED)} is an ${account.type} account`,
      'make the request again with the account chosen in the wallet as it is',
    );
  return account;
}

function accountOf(account: Account, chain: ChainView): SigningAccount {
  const address =
    account.type === 'ethereum'
      ? accountAddress(account)
      : accountAddress(account, { name: chain.name, displayName: chain.displayName, prefix: chain.ss58Prefix });
  return { name: account.name, address, publicKey: account.publicKey, type: account.type };
}

const CHECKED_BY: Record<PreparedSignature['checkedBy'], string> = {
  'metadata-proof':
    'Decoded with the metadata proof the request carries, checked against the hash the chain will check.',
  'stored-metadata': 'Decoded with the chain metadata kept in the vault.',
  message: 'A message: nothing a chain executes.',
};

function headerLines(
  account: SigningAccount,
  chain: ChainView,
  action: PreparedSignature['action'],
  checkedBy: PreparedSignature['checkedBy'],
): ShownLine[] {
  return [
    { depth: 0, text: `Sign ${action === 'transaction' ? 'a transaction' : 'a message'} on ${chain.displayName}` },
    { depth: 0, text: `By ${account.name} (${account.type}), ${account.address}` },
    { depth: 0, text: CHECKED_BY[checkedBy] },
    { depth: 0, text: '' },
  ];
}

function unknownChain(genesisHash: string): UserError {
  return new UserError(
    `airlock does not know the chain with genesis hash ${genesisHash}`,
    'add its metadata first: airlock metadata add FILE --genesis HASH --token SYMBOL --decimals N',
  );
}

/**
 * Decodes with the vault's metadata for the chain: its newest runtime first, then older ones, as
 * the transaction names its runtime only inside the extensions that metadata reads.
 */
async function decodeWithStoredMetadata(
  session: VaultSession,
  request: SignRequest,
  chain: ChainView,
  nameOf: ReturnType<typeof nameLookup>,
): Promise<TransactionView> {
  const records = session.data.metadata
    .filter((r) => r.genesisHash === request.genesisHash)
    .sort((a, b) => b.specVersion - a.specVersion);
  if (records.length === 0)
    throw new NotFoundError(
      `the vault keeps no metadata for ${chain.displayName}, so the transaction cannot be shown`,
      `save what a ${chain.name} node answers to state_getMetadata and add it: airlock metadata add FILE`,
    );
  let first: unknown;
  for (const record of records) {
    const metadata = await loadMetadata(session.data, session.path, record.genesisHash, record.specVersion, chain.name);
    try {
      const transaction = decodeTransaction({
        metadata,
        payload: request.payload,
        genesisHash: request.genesisHash,
        chain,
        nameOf,
      });
      const hash = transaction.extensions.metadataHash;
      if (hash?.mode === 1) checkPayloadMetadataHash(record, hash.hash);
      return transaction;
    } catch (error) {
      first ??= error;
      if (!(error instanceof SpecVersionMismatch)) throw error;
    }
  }
  throw first;
}

/**
 * What signing this request will need, made ready before the vault is open, so that it runs
 * while the vault's scrypt does on its worker thread: the newest metadata kept for the request's
 * chain read and parsed (a tenth to a quarter of a second), and the keyring loaded. Only a
 * warm-up: what is decoded later is still the file the vault records, checked by its SHA-256,
 * and anything wrong here is left for that check to say.
 */
export async function warmUp(vaultPath: string, requestBytes: Uint8Array): Promise<void> {
  await Promise.all([readySigning(), parseKeptMetadata(vaultPath, requestBytes)]).catch(() => undefined);
}

async function parseKeptMetadata(vaultPath: string, requestBytes: Uint8Array): Promise<void> {
  const request = parseSignRequest(requestBytes);
  const chain = knownChainOfGenesis(request.genesisHash);
  if (request.action !== 'transaction' || !chain) return;
  const folder = metadataFolder(vaultPath);
  const specs = (await readdir(folder))
    .map((name) => new RegExp(`^${chain.name}-(\\d+)\\.scale$`, 'u').exec(name)?.[1])
    .filter((spec) => spec !== undefined)
    .map(Number);
  if (specs.length === 0) return;
  const newest = join(folder, `${chain.name}-${Math.max(...specs)}.scale`);
  readChainMetadata(await readRegularFile(newest, MAX_METADATA_BYTES, () => new Error('larger than metadata can be')));
}
