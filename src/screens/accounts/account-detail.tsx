import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { KeyHints } from '../../ui/components/key-hints.js';
import { COMMANDS, commandFor, isInterrupt } from '../../ui/keymap.js';
import { useShell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';
import { useKeys } from '../../ui/use-keys.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import { viewAccount } from '../../vault/accounts.js';
import type { Account } from '../../vault/model.js';
import { findNetwork, listNetworks, type Network } from '../../vault/networks.js';
import { canShowAddressQr } from '../../qr/address-qr.js';
import { accountSource } from '../../qr/show-sources.js';
import { AccountGone, lookUpAccount } from './account-gone.js';
import { Labelled } from './labelled.js';
import { networkSearchActionFor } from '../network-search-keys.js';
import { closedNetworkSearch, networkSearchReducer } from '../network-search-state.js';
import { NetworkPicker, PICKER_CHROME } from './network-picker.js';
import { Prose } from '../../ui/components/prose.js';

/** One account, whole: the address is never shortened here. */
export function AccountDetail({ account }: { account: string }) {
  const { data } = useShell();
  const found = useMemo(() => lookUpAccount(data, account), [data, account]);
  return found ? <Detail account={found} /> : <AccountGone />;
}

function Detail({ account }: { account: Account }) {
  const shell = useShell();
  const [picker, dispatch, latest] = useSynchronousReducer(networkSearchReducer, () =>
    closedNetworkSearch(listNetworks(), account.network),
  );
  const view = viewAccount(shell.data, account, picker.current);

  // The code names the network shown; one that names no chain (generic Substrate) is changed first.
  const showQr = (network: Network) => {
    if (canShowAddressQr({ type: account.type, network }))
      return shell.navigate({ type: 'open', screen: { name: 'qr-show', source: accountSource(account, network) } });
    shell.notify({
      kind: 'error',
      text: `${network.displayName} names no chain for an address QR: choose one, then press ${COMMANDS.showQr.keys} again`,
    });
    dispatch({ type: 'open', height: Math.max(1, shell.height - PICKER_CHROME) });
  };

  useKeys((input, key) => {
    if (isInterrupt(input, key)) return;
    if (latest().open) {
      const action = networkSearchActionFor(input, key);
      if (action) dispatch(action);
      return;
    }
    const command = commandFor(input, key, ['network', 'showQr', 'rename', 'remove']);
    if (command === 'network') dispatch({ type: 'open', height: Math.max(1, shell.height - PICKER_CHROME) });
    else if (command === 'showQr') showQr(findNetwork(latest().current));
    else if (command === 'rename')
      shell.navigate({ type: 'open', screen: { name: 'account-rename', account: account.publicKey } });
    else if (command === 'remove')
      shell.navigate({ type: 'open', screen: { name: 'account-remove', account: account.publicKey } });
    else shell.globalKey(input, key);
  }, true);

  if (picker.open)
    return (
      <NetworkPicker
        state={picker}
        title={`Show the address of "${account.name}" in another network`}
        picks="shows the address there"
        marked="shown now"
      />
    );
  return (
    <Box flexDirection="column" gap={1}>
      <Text bold wrap="truncate-end">
        {view.name}
      </Text>
      <Box flexDirection="column">
        <Labelled label="Address" wrap="wrap">
          {view.address}
        </Labelled>
        <Labelled label="Network">{`${view.network}, SS58 prefix ${view.ss58Prefix}`}</Labelled>
        <Labelled label="Public key" wrap="wrap">
          {view.publicKey}
        </Labelled>
        <Labelled label="Type">{view.type}</Labelled>
        <Labelled label="Path">{view.path || '(root: no derivation path)'}</Labelled>
        <Labelled label="Identity">{view.identity || '(not in the vault)'}</Labelled>
      </Box>
      {picker.current !== account.network ? (
        <Prose color={theme.warning}>
          {account.type === 'ethereum'
            ? `An ethereum address is the same in every network; the account itself stays on ${account.network}.`
            : `Shown as a ${view.network} address, for reading only: the account itself stays on ${account.network}.`}
        </Prose>
      ) : null}
      <KeyHints commands={['network', 'showQr', 'rename', 'remove', 'back']} />
    </Box>
  );
}
