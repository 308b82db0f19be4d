import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { parseIndex } from '../ledger/paths.js';
import { scanLedger, showOnLedger, type LedgerAddress } from '../ledger/polkadot-app.js';
import { deriveLedgerAddresses } from '../ledger/recover.js';
import {
  ledgerAccountName,
  saveRecoveredLedger,
  saveScannedLedger,
  savedSummary,
  SOFTWARE_WALLET_WARNING,
} from '../vault/save-ledger.js';
import { describeTransport, parseTransport } from '../ledger/transport.js';
import * as identities from '../vault/identities.js';
import { checkMnemonic } from '../vault/mnemonic.js';
import { DEFAULT_NETWORK, findNetwork, type Network } from '../vault/networks.js';
import { printJson, say, sayProse, withVault } from './context.js';
import { givenByScript, readPassword } from './secrets.js';
import { readStdin } from './stdin.js';
import { askHidden } from './terminal.js';

interface DeviceFlags {
  transport: string;
  timeout: string;
  network?: string;
  index: string;
  json?: boolean;
}

/** A Ledger account as printed: the --json contract's account fields (name and identity once saved). */
interface LedgerAccountView {
  name: string | null;
  address: string;
  publicKey: string;
  type: 'ed25519';
  path: string;
  network: string;
  ss58Prefix: number;
  identity: string | null;
  account: number;
  index: number;
}

/** The Ledger's optional "25th word", for scripts; never argv. */
export const LEDGER_PASSPHRASE = { variable: 'AIRLOCK_LEDGER_PASSPHRASE', prompt: 'Ledger passphrase (hidden): ' };

function deviceOptions(flags: DeviceFlags) {
  const seconds = Number(flags.timeout);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new UsageError(`--timeout must be a number of seconds, not "${flags.timeout}"`);
  return {
    transport: parseTransport(flags.transport),
    timeoutMs: Math.round(seconds * 1000),
    index: parseIndex(flags.index, '--index'),
  };
}

function view(found: LedgerAddress, network: Network, identity?: string): LedgerAccountView {
  const { account, index, path, publicKey, address } = found;
  const name = identity === undefined ? null : ledgerAccountName(identity, found);
  return {
    name,
    address,
    publicKey,
    type: 'ed25519',
    path,
    network: network.name,
    ss58Prefix: network.prefix,
    identity: identity ?? null,
    account,
    index,
  };
}

const COLUMNS: [string, number][] = [
  ['ACCOUNT', 8],
  ['PATH', 24],
  ['ADDRESS', 50],
  ['PUBLIC KEY', 0],
];
const tableLine = (cells: string[]) =>
  cells
    .map((c, i) => (COLUMNS[i]![1] ? c.padEnd(COLUMNS[i]![1]) : c))
    .join('')
    .trimEnd();
const tableRow = (v: LedgerAccountView) => tableLine([String(v.account), v.path, v.address, v.publicKey]);

/**
 * Under --json, what the device is doing goes to stderr for a person at a terminal only: a script
 * reading stderr gets nothing there but, on a failure, the one JSON error object.
 */
function progressUnderJson(line: string): void {
  if (process.stderr.isTTY) process.stderr.write(`airlock: ${line}\n`);
}

/** Rows appear as the device answers: a scan of many accounts takes a while. */
function progressPrinter(json: boolean | undefined, network: Network): (found: LedgerAddress) => void {
  let first = true;
  return (found) => {
    if (json) return progressUnderJson(`account ${found.account}: ${found.address} (${found.path})`);
    if (first) say(tableLine(COLUMNS.map(([h]) => h)));
    first = false;
    say(tableRow(view(found, network)));
  };
}

export async function scan(
  options: DeviceFlags & { accounts: string; save?: string },
  command: Command,
): Promise<void> {
  const device = deviceOptions(options);
  const accounts = parseIndex(options.accounts, '--accounts', { min: 1, max: 1000 });
  const run = async (network: Network) => {
    const onAddress = progressPrinter(options.json, network);
    return scanLedger({ ...device, accounts, ss58Prefix: network.prefix, onAddress });
  };
  if (options.save === undefined) {
    const network = findNetwork(options.network ?? DEFAULT_NETWORK);
    const found = await run(network);
    if (options.json) printJson(found.map((f) => view(f, network)));
    return;
  }
  const name = options.save;
  await withVault(command, async (session) => {
    identities.checkNewIdentityName(session.data, name); // before asking the device anything
    const network = findNetwork(options.network ?? session.data.settings.defaultNetwork);
    const found = await run(network);
    await saveScannedLedger(session, name, found, network);
    if (options.json) printJson(found.map((f) => view(f, network, name)));
    else sayProse(savedSummary(name, 'ledger', found));
  });
}

export async function show(options: DeviceFlags & { account: string }): Promise<void> {
  const device = deviceOptions(options);
  const account = parseIndex(options.account, '--account');
  const network = findNetwork(options.network ?? DEFAULT_NETWORK);
  const tell = (line: string) => (options.json ? progressUnderJson(line) : sayProse(line));
  const shown = await showOnLedger({
    ...device,
    account,
    ss58Prefix: network.prefix,
    onAddress: (found) =>
      tell(
        `Compare with the Ledger's screen (${describeTransport(device.transport)}), then approve there: ${found.address}`,
      ),
  });
  if (options.json) printJson(view(shown, network));
  else sayProse(`Approved on the Ledger: ${shown.address} (${shown.path}).`);
}

export async function recover(
  options: { name: string; accounts: string; index: string; network?: string; passphrase?: boolean; json?: boolean },
  command: Command,
): Promise<void> {
  const accounts = parseIndex(options.accounts, '--accounts', { min: 1, max: 1000 });
  const index = parseIndex(options.index, '--index');
  await withVault(command, async (session) => {
    identities.checkNewIdentityName(session.data, options.name);
    const network = findNetwork(options.network ?? session.data.settings.defaultNetwork);
    const typed = process.stdin.isTTY ? await askHidden('Ledger recovery phrase (hidden): ') : await readStdin();
    const phrase = checkMnemonic(Buffer.from(typed).toString('utf8'));
    typed.fill(0);
    const passphrase = await readLedgerPassphrase(options.passphrase ?? false);
    process.stderr.write(`airlock: warning: ${SOFTWARE_WALLET_WARNING}\n`);
    try {
      const found = await deriveLedgerAddresses({ phrase, passphrase, accounts, index, ss58Prefix: network.prefix });
      await saveRecoveredLedger(session, options.name, { phrase, passphrase }, found, network);
      if (options.json) return printJson(found.map((f) => view(f, network, options.name)));
      found.forEach(progressPrinter(false, network));
      sayProse(savedSummary(options.name, 'mnemonic', found));
    } finally {
      passphrase?.fill(0);
    }
  });
}

/** Asked for with --passphrase (hidden, at the terminal), or given by a script in the environment; empty means none. */
async function readLedgerPassphrase(asked: boolean): Promise<Uint8Array | undefined> {
  if (!asked && !givenByScript(LEDGER_PASSPHRASE.variable)) return undefined;
  const passphrase = await readPassword(LEDGER_PASSPHRASE);
  if (passphrase.length > 0) return passphrase;
  passphrase.fill(0);
  return undefined;
}
