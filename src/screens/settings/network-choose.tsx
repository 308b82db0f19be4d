import { Box, Text, type Key } from 'ink';
import { useEffect, useRef, useState } from 'react';
import * as actions from '../../vault/actions.js';
import { listNetworks, type Network } from '../../vault/networks.js';
import { KeyHints } from '../../ui/components/key-hints.js';
import { ListPosition } from '../../ui/components/list.js';
import { TextField } from '../../ui/components/text-field.js';
import { isInterrupt } from '../../ui/keymap.js';
import { useShell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import {
  chosenNetwork,
  initialNetworkChoose,
  networkChooseReducer,
  type NetworkChooseAction,
} from './network-choose-state.js';
import { useKeys } from '../../ui/use-keys.js';

/** Title, filter, header, position, two lines of hints. */
const CHROME_ROWS = 7;
const NAME_WIDTH = 22;

/** Picks the network new accounts and address entries get by default; typing filters the list. */
export function NetworkChoose() {
  const shell = useShell();
  const current = shell.data.settings.defaultNetwork;
  const height = Math.max(1, shell.height - CHROME_ROWS);
  const [state, dispatch, latest] = useSynchronousReducer(networkChooseReducer, () =>
    initialNetworkChoose(listNetworks(), current, height),
  );
  useEffect(() => dispatch({ type: 'resize', height }), [height]);
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
    if (key.return) return void choose(chosenNetwork(latest()));
    if (key.escape) {
      if (latest().filter) dispatch({ type: 'filter', edit: { type: 'clear' } });
      else shell.navigate({ type: 'back' });
      return;
    }
    const action = actionFor(input, key);
    if (action) return dispatch(action);
    if (key.ctrl || key.meta || key.tab || key.leftArrow || key.rightArrow) return;
    // Typed ahead as one chunk, "kus⏎" filters, then chooses.
    for (const part of input.split(/([\r\n])/u)) {
      if (part === '\r' || part === '\n') return void choose(chosenNetwork(latest()));
      if (part) dispatch({ type: 'filter', edit: { type: 'insert', text: part } });
    }
  }, !saving);

  const visible = state.matches.slice(state.list.offset, state.list.offset + state.list.height);
  return (
    <Box flexDirection="column" width={shell.width}>
      <Text bold>Default network</Text>
      <TextField label="Filter:" value={state.filter} focused={!saving} placeholder="type a name or an SS58 prefix" />
      <Text color={theme.muted} wrap="truncate-end">{`   ${'NAME'.padEnd(NAME_WIDTH)}PREFIX  DISPLAY NAME`}</Text>
      {state.matches.length === 0 ? <Text color={theme.muted}>{`No network matches "${state.filter}".`}</Text> : null}
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
        Type to filter · ↑/↓ PgUp/PgDn move · ● is the current one
      </Text>
      <KeyHints commands={['confirm', 'back']} />
    </Box>
  );
}

/** Moves and filter edits; typed text is handled by the caller. */
function actionFor(input: string, key: Key): NetworkChooseAction | undefined {
  if (key.upArrow) return { type: 'move', move: { type: 'up' } };
  if (key.downArrow) return { type: 'move', move: { type: 'down' } };
  if (key.pageUp) return { type: 'move', move: { type: 'page-up' } };
  if (key.pageDown) return { type: 'move', move: { type: 'page-down' } };
  if (key.home) return { type: 'move', move: { type: 'first' } };
  if (key.end) return { type: 'move', move: { type: 'last' } };
  if (key.backspace || key.delete) return { type: 'filter', edit: { type: 'delete-back' } };
  if (key.ctrl && input === 'w') return { type: 'filter', edit: { type: 'delete-word' } };
  if (key.ctrl && input === 'u') return { type: 'filter', edit: { type: 'clear' } };
  return undefined;
}
