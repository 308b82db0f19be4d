import { Box, Text, type Key } from 'ink';
import { useState } from 'react';
import { KeyHints } from '../../ui/components/key-hints.js';
import { List } from '../../ui/components/list.js';
import { Prose } from '../../ui/components/prose.js';
import { useList } from '../../ui/components/use-list.js';
import { commandFor, isInterrupt } from '../../ui/keymap.js';
import { useShell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';
import { useKeys } from '../../ui/use-keys.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import type { Account } from '../../vault/model.js';
import { findNetwork, listNetworks, searchNetworks, type Network } from '../../vault/networks.js';
import { accountColumns, accountRow, headerRow } from '../accounts/account-columns.js';
import { accountRows } from '../accounts/account-rows.js';
import { NetworkPicker, PICKER_CHROME } from '../accounts/network-picker.js';
import { networkSearchActionFor } from '../network-search-keys.js';
import { networkSearchReducer, openNetworkSearch } from '../network-search-state.js';
import { addressQrRefusal, canShowAddressQr } from '../../qr/address-qr.js';
import { accountSource } from '../../qr/show-sources.js';

/** Title, column titles, position, key hints. */
const CHROME = 4;

/**
 * Which account's address to show. An account kept in a network that names no chain (generic
 * Substrate, or one the registry knows no genesis hash of) is shown in a chain chosen here.
 */
export function QrAccount() {
  const shell = useShell();
  const rows = accountRows(shell.data);
  const [choosing, setChoosing] = useState<Account>();
  const list = useList(rows.length, Math.max(1, shell.height - CHROME), choosing === undefined, 'qr:accounts');

  const show = (account: Account, network = findNetwork(account.network)) =>
    shell.navigate({ type: 'open', screen: { name: 'qr-show', source: accountSource(account, network) } });

  useKeys((input, key) => {
    if (isInterrupt(input, key)) return;
    const row = rows[list.latest().cursor];
    if (commandFor(input, key, ['confirm']) && row) {
      if (canShowAddressQr({ type: row.account.type, network: findNetwork(row.account.network) })) show(row.account);
      else setChoosing(row.account);
    } else shell.globalKey(input, key);
  }, choosing === undefined);

  if (choosing)
    return (
      <ChainStep
        account={choosing}
        onChosen={(network) => show(choosing, findNetwork(network))}
        onClose={() => setChoosing(undefined)}
      />
    );
  const columns = accountColumns(shell.width);
  return (
    <Box flexDirection="column" width={shell.width} height={shell.height}>
      <Text bold>Show an account's address as a QR code</Text>
      {rows.length > 0 ? (
        <Text bold wrap="truncate-end">
          {headerRow(columns)}
        </Text>
      ) : null}
      <Box flexDirection="column" flexGrow={1}>
        <List
          items={rows}
          state={list}
          render={(row) => accountRow(row.view, columns)}
          empty="The vault holds no accounts yet: derive one in Accounts."
        />
      </Box>
      <Text color={theme.muted}>
        {rows.length > list.height ? `${list.cursor + 1}/${rows.length}` : `${rows.length} accounts`}
      </Text>
      <KeyHints commands={['confirm', 'back']} />
    </Box>
  );
}

interface ChainStepProps {
  account: Account;
  onChosen: (network: string) => void;
  onClose: () => void;
}

/** The chain an address QR names, for an account whose own network names none; only chains that can be shown. */
function ChainStep({ account, onChosen, onClose }: ChainStepProps) {
  const shell = useShell();
  const height = Math.max(1, shell.height - PICKER_CHROME - 2);
  const [picker, dispatch, latest] = useSynchronousReducer(networkSearchReducer, () =>
    openNetworkSearch(
      listNetworks().filter((network) => canShowAddressQr({ type: account.type, network })),
      account.network,
      height,
    ),
  );
  useKeys((input: string, key: Key) => {
    if (isInterrupt(input, key)) return;
    const action = networkSearchActionFor(input, key);
    if (!action) return;
    dispatch(action);
    if (action.type === 'close') onClose();
    else if (action.type === 'pick' && !latest().open) onChosen(latest().current);
  }, true);
  const own = findNetwork(account.network);
  return (
    <Box flexDirection="column" width={shell.width}>
      <Prose
        color={theme.warning}
      >{`An address QR names its chain, and ${own.displayName} names none: choose the chain to show "${account.name}" for.`}</Prose>
      <NetworkPicker
        state={picker}
        title="Only chains with a genesis hash are listed"
        picks="shows the code"
        empty={whyNotListed(account, picker.query)}
      />
    </Box>
  );
}

/** Why a network typed is not offered: the CLI's reason, or that no network has that name. */
function whyNotListed(account: Account, query: string): string {
  const typed: Network | undefined = searchNetworks(listNetworks(), query)[0];
  const refusal = typed && addressQrRefusal({ type: account.type, network: typed });
  return refusal ? `${refusal.message}.` : 'No network has that name or prefix.';
}
