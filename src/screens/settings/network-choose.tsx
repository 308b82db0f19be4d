import { Box, Text } from 'ink';
import { useEffect, useRef, useState } from 'react';
import * as actions from '../../vault/actions.js';
import { listNetworks, type Network } from '../../vault/networks.js';
import { KeyHints } from '../../ui/components/key-hints.js';
import { ListPosition } from '../../ui/components/list.js';
import { TextField } from '../../ui/components/text-field.js';
import { hints, isInterrupt } from '../../ui/keymap.js';
import { useShell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import { networkSearchActionFor } from '../network-search-keys.js';
import { chosenNetwork, networkSearchReducer, openNetworkSearch } from '../network-search-state.js';
import { useKeys } from '../../ui/use-keys.js';

/** Title, filter, header, position, two lines of hints. */
const CHROME_ROWS = 7;
// Letters are typed into the filter, so only the arrows and paging move.
const MOVE_HINT = hints([[['pick', 'pageUp', 'pageDown'], 'move']]);
const NAME_WIDTH = 22;

/** Picks the network new accounts and address entries get by default; typing filters the list. */
export function NetworkChoose() {
  const shell = useShell();
  const current = shell.data.settings.defaultNetwork;
  const height = Math.max(1, shell.height - CHROME_ROWS);
  const [state, dispatch, latest] = useSynchronousReducer(networkSearchReducer, () =>
    openNetworkSearch(listNetworks(), current, height),
  );
  useEffect(() => dispatch({ type: 'resize', height }), [dispatch, height]);
  const [saving, setSaving] = useState(false);
  const started = useRef(false);

  const choose = async (network: Network | undefined) => {
    if (!network || started.current) return;
    started.current = true;
    setSaving(true);
    const chosen = await shell.run(
      `Setting the default network to ${network.name}…`,
      (session) => actions.setDefaultNetwork(session, network.name),
      (name) => `Default network: ${name}`,
    );
    if (chosen) return shell.navigate({ type: 'back' });
    started.current = false;
    setSaving(false);
  };

  // One handler for the filter and the list: letters (j and k too) are typed into the filter.
  useKeys((input, key) => {
    if (isInterrupt(input, key)) return;
    const action = networkSearchActionFor(input, key);
    if (action?.type === 'pick') return void choose(chosenNetwork(latest()));
    // Esc empties the filter first, and leaves only once it is empty.
    if (action?.type === 'close' && latest().query) return dispatch({ type: 'edit', edit: { type: 'clear' } });
    if (action?.type === 'close') return shell.navigate({ type: 'back' });
    if (action) dispatch(action);
  }, !saving);

  const visible = state.matches.slice(state.list.offset, state.list.offset + state.list.height);
  return (
    <Box flexDirection="column" width={shell.width}>
      <Text bold>Default network</Text>
      <TextField label="Filter:" value={state.query} focused={!saving} placeholder="type a name or an SS58 prefix" />
      <Text color={theme.muted} wrap="truncate-end">{`   ${'NAME'.padEnd(NAME_WIDTH)}PREFIX  DISPLAY NAME`}</Text>
      {state.guessed ? (
        <Text color={state.matches.length > 0 ? theme.warning : theme.muted}>
          {`No network matches "${state.query}"${state.matches.length > 0 ? '; did you mean:' : '.'}`}
        </Text>
      ) : null}
      {visible.map((network, i) => {
        const selected = state.list.offset + i === state.list.cursor;
        return (
          <Text key={network.name} inverse={selected} wrap="truncate-end">
            {`${selected ? '›' : ' '}${network.name === current ? '●' : ' '} ${network.name.padEnd(NAME_WIDTH)}${String(network.prefix).padStart(6)}  ${network.displayName}`}
          </Text>
        );
      })}
      <ListPosition state={state.list} />
      <Text color={theme.muted} wrap="truncate-end">
        {`Type to filter · ${MOVE_HINT} · ● is the current one`}
      </Text>
      <KeyHints commands={['confirm', 'back']} />
    </Box>
  );
}
