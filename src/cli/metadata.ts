import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { formatBytes } from '../media/format-bytes.js';
import * as store from '../sign/metadata-store.js';
import type { MetadataRecord } from '../vault/model.js';
import { existingVaultPath, printJson, printResult, printTable, sayProse, withVault } from './context.js';

interface AddOptions {
  genesis?: string;
  token?: string;
  decimals?: string;
  json?: boolean;
}

/** A record as `--json` gives it. */
const row = (r: MetadataRecord) => ({
  network: r.network,
  genesisHash: r.genesisHash,
  specName: r.specName,
  specVersion: r.specVersion,
  metadataVersion: r.metadataVersion,
  ss58Prefix: r.ss58Prefix,
  decimals: r.decimals,
  token: r.token,
  size: r.size,
  sha256: r.sha256,
  digest: r.digest ?? null,
  addedAt: r.addedAt,
});

const FILE_STATES = { intact: 'ok', changed: 'CHANGED since added', missing: 'MISSING' } as const;

const SAID = { added: 'Added', kept: 'Already kept:', restored: 'Restored the file of' } as const;

export async function addMetadata(file: string, options: AddOptions, command: Command): Promise<void> {
  await existingVaultPath(command);
  // Read before the password is asked: a file that is not there needs no unlocking to say so.
  const input = await store.readMetadataFile(file);
  const { json, ...claims } = options;
  const { record, outcome } = await withVault(command, (session) => store.addMetadata(session, input, file, claims));
  const hash = record.digest
    ? `its metadata hash (RFC-0078) is ${record.digest}`
    : 'version 14 has no metadata hash: a transaction that carries one needs version 15';
  printResult(
    json,
    { ...row(record), outcome },
    `${SAID[outcome]} ${record.network} runtime ${record.specVersion} (metadata version ${record.metadataVersion}, ${formatBytes(record.size)}, ${record.token} with ${record.decimals} decimals); ${hash}.`,
  );
}

export async function listMetadata(options: { json?: boolean }, command: Command): Promise<void> {
  await withVault(command, async ({ data, path }) => {
    const listed = await store.listMetadata(data, path);
    if (options.json) return printJson(listed.map(({ record, state }) => ({ ...row(record), file: state })));
    if (listed.length === 0)
      return sayProse("No metadata is kept: save a node's state_getMetadata answer and `airlock metadata add FILE`.");
    printTable(
      ['NETWORK', 'SPEC', 'METADATA', 'SIZE', 'ADDED', 'FILE'],
      listed.map(({ record: r, state }) => [
        r.network,
        String(r.specVersion),
        `V${r.metadataVersion}`,
        formatBytes(r.size),
        r.addedAt,
        FILE_STATES[state],
      ]),
    );
    if (listed.some(({ state }) => state !== 'intact'))
      sayProse(
        'A file changed or missing is refused when loaded: add the metadata again with `airlock metadata add FILE`.',
      );
  });
}

/** Under `--json`: the records removed. */
export async function removeMetadata(
  network: string,
  spec: string | undefined,
  options: { json?: boolean },
  command: Command,
): Promise<void> {
  if (spec !== undefined && !/^\d{1,10}$/u.test(spec))
    throw new UsageError(`"${spec}" is not a runtime version`, 'give the spec version `airlock metadata list` shows');
  const removed = await withVault(command, (session) =>
    store.removeMetadata(session, network, spec === undefined ? undefined : Number(spec)),
  );
  const which = removed.map((r) => String(r.specVersion)).join(', ');
  printResult(options.json, removed.map(row), `Removed the metadata of ${network} runtime ${which}.`);
}
