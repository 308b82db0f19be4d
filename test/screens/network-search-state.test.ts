import { describe, expect, it } from 'vitest';
import {
  chosenNetwork,
  closedNetworkSearch,
  networkSearchReducer,
  openNetworkSearch,
  type NetworkSearch,
  type NetworkSearchAction,
} from '../../src/screens/network-search-state.js';
import { listNetworks } from '../../src/vault/networks.js';

const ALL = listNetworks();
const run = (state: NetworkSearch, ...actions: NetworkSearchAction[]) => actions.reduce(networkSearchReducer, state);
const type = (text: string): NetworkSearchAction => ({ type: 'edit', edit: { type: 'insert', text } });

describe('the network picker (a search opened over a screen)', () => {
  const closed = closedNetworkSearch(ALL, 'substrate');

  it('opens on the network shown now, so Enter at once changes nothing', () => {
    const open = run(closed, { type: 'open', height: 10 });
    expect(open.open).toBe(true);
    expect(open.matches[open.list.cursor]?.name).toBe('substrate');
    expect(networkSearchReducer(open, { type: 'pick' })).toMatchObject({ open: false, current: 'substrate' });
  });

  it('picks the highlighted match; Esc keeps the network shown', () => {
    const picked = run(closed, { type: 'open', height: 10 }, type('kusama'), { type: 'pick' });
    expect(picked).toMatchObject({ open: false, current: 'kusama' });
    expect(run(closed, { type: 'open', height: 10 }, type('kusama'), { type: 'close' }).current).toBe('substrate');
    const second = run(closed, { type: 'open', height: 10 }, type('relay'), { type: 'move', move: 'down' });
    expect(networkSearchReducer(second, { type: 'pick' }).current).toBe(second.matches[1]?.name);
    // Nothing matches: Enter picks nothing and the picker stays open.
    const none = run(closed, { type: 'open', height: 10 }, type('zzz'));
    expect(networkSearchReducer(none, { type: 'pick' })).toBe(none);
  });
});

describe('the network chooser (a screen that is only the search)', () => {
  it('opens on the current network, scrolled into view', () => {
    const state = openNetworkSearch(ALL, 'kusama', 5);
    expect(chosenNetwork(state)?.name).toBe('kusama');
    const far = openNetworkSearch(ALL, ALL[100]!.name, 5);
    expect(chosenNetwork(far)?.name).toBe(ALL[100]!.name);
    expect(far.list.offset).toBeGreaterThan(95);
    expect(far.list.offset).toBeLessThanOrEqual(100);
  });

  it('opens on the first network when the current one is not listed', () => {
    expect(chosenNetwork(openNetworkSearch(ALL, 'gone', 5))?.name).toBe(ALL[0]!.name);
  });

  it('filters as the user types, best match first', () => {
    const state = run(openNetworkSearch(ALL, 'substrate', 10), type('k'), type('u'), type('s'));
    expect(state.query).toBe('kus');
    expect(state.matches.map((n) => n.name)).toEqual(['kusama', 'sora_kusama_para']);
    expect(chosenNetwork(state)?.name).toBe('kusama');
    expect(state.list.count).toBe(2);
  });

  it('goes back to the current network when the filter is emptied', () => {
    const state = run(openNetworkSearch(ALL, 'kusama', 10), type('pol'), {
      type: 'edit',
      edit: { type: 'clear' },
    });
    expect(state.matches).toHaveLength(ALL.length);
    expect(chosenNetwork(state)?.name).toBe('kusama');
  });

  it('moves within the matches only', () => {
    const state = run(
      openNetworkSearch(ALL, 'substrate', 10),
      type('kus'),
      { type: 'move', move: 'down' },
      { type: 'move', move: 'down' },
    );
    expect(chosenNetwork(state)?.name).toBe('sora_kusama_para');
    expect(chosenNetwork(run(state, { type: 'move', move: 'first' }))?.name).toBe('kusama');
  });

  it('has nothing to choose when nothing matches', () => {
    const state = run(openNetworkSearch(ALL, 'substrate', 10), type('zzzz'));
    expect(state.matches).toEqual([]);
    expect(chosenNetwork(state)).toBeUndefined();
  });

  it('keeps the cursor in view when the window shrinks', () => {
    const state = run(openNetworkSearch(ALL, ALL[30]!.name, 20), { type: 'resize', height: 3 });
    expect(state.list.height).toBe(3);
    expect(state.list.cursor - state.list.offset).toBeLessThan(3);
    expect(chosenNetwork(state)?.name).toBe(ALL[30]!.name);
  });

  it('answers a typo with the names it is close to, marked as guesses, which Enter can take', () => {
    const state = run(openNetworkSearch(ALL, 'substrate', 10), type('kusmaa'));
    expect(state.guessed).toBe(true);
    expect(chosenNetwork(state)?.name).toBe('kusama');
    expect(networkSearchReducer(state, { type: 'pick' }).current).toBe('kusama');
    const fixed = run(state, { type: 'edit', edit: { type: 'clear' } }, type('kusama'));
    expect(fixed.guessed).toBe(false);
  });

  it('opens on the network in use now when told, not the one it last picked', () => {
    const picked = run(openNetworkSearch(ALL, 'substrate', 10), type('kusama'), { type: 'pick' });
    expect(chosenNetwork(run(picked, { type: 'open', height: 10, current: 'polkadot' }))?.name).toBe('polkadot');
  });
});
