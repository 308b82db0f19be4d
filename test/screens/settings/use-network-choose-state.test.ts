import { describe, expect, it } from 'vitest';
import {
  chosenNetwork,
  initialNetworkChoose,
  networkChooseReducer,
  type NetworkChooseAction,
  type NetworkChooseState,
} from '../../../src/screens/settings/network-choose-state.js';
import { listNetworks } from '../../../src/vault/networks.js';

const ALL = listNetworks();
const run = (state: NetworkChooseState, ...actions: NetworkChooseAction[]) =>
  actions.reduce(networkChooseReducer, state);
const type = (text: string): NetworkChooseAction => ({ type: 'filter', edit: { type: 'insert', text } });

describe('the network chooser', () => {
  it('opens on the current network, scrolled into view', () => {
    const state = initialNetworkChoose(ALL, 'kusama', 5);
    expect(chosenNetwork(state)?.name).toBe('kusama');
    const far = initialNetworkChoose(ALL, ALL[100]!.name, 5);
    expect(chosenNetwork(far)?.name).toBe(ALL[100]!.name);
    expect(far.list.offset).toBeGreaterThan(95);
    expect(far.list.offset).toBeLessThanOrEqual(100);
  });

  it('opens on the first network when the current one is not listed', () => {
    expect(chosenNetwork(initialNetworkChoose(ALL, 'gone', 5))?.name).toBe(ALL[0]!.name);
  });

  it('filters as the user types, best match first', () => {
    const state = run(initialNetworkChoose(ALL, 'substrate', 10), type('k'), type('u'), type('s'));
    expect(state.filter).toBe('kus');
    expect(state.matches.map((n) => n.name)).toEqual(['kusama', 'sora_kusama_para']);
    expect(chosenNetwork(state)?.name).toBe('kusama');
    expect(state.list.count).toBe(2);
  });

  it('goes back to the current network when the filter is emptied', () => {
    const state = run(initialNetworkChoose(ALL, 'kusama', 10), type('pol'), {
      type: 'filter',
      edit: { type: 'clear' },
    });
    expect(state.matches).toHaveLength(ALL.length);
    expect(chosenNetwork(state)?.name).toBe('kusama');
  });

  it('moves within the matches only', () => {
    const state = run(
      initialNetworkChoose(ALL, 'substrate', 10),
      type('kus'),
      { type: 'move', move: { type: 'down' } },
      { type: 'move', move: { type: 'down' } },
    );
    expect(chosenNetwork(state)?.name).toBe('sora_kusama_para');
    expect(chosenNetwork(run(state, { type: 'move', move: { type: 'first' } }))?.name).toBe('kusama');
  });

  it('has nothing to choose when nothing matches', () => {
    const state = run(initialNetworkChoose(ALL, 'substrate', 10), type('zzzz'));
    expect(state.matches).toEqual([]);
    expect(chosenNetwork(state)).toBeUndefined();
  });

  it('keeps the cursor in view when the window shrinks', () => {
    const state = run(initialNetworkChoose(ALL, ALL[30]!.name, 20), { type: 'resize', height: 3 });
    expect(state.list.height).toBe(3);
    expect(state.list.cursor - state.list.offset).toBeLessThan(3);
    expect(chosenNetwork(state)?.name).toBe(ALL[30]!.name);
  });
});
