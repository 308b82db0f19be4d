import { describe, expect, it } from 'vitest';
import { initialPicker, pickerReducer, type PickerAction } from '../../../src/screens/accounts/network-picker-state.js';
import { listNetworks } from '../../../src/vault/networks.js';

const all = listNetworks();
const run = (actions: PickerAction[]) => actions.reduce(pickerReducer, initialPicker(all, 'substrate'));
const type = (text: string): PickerAction => ({ type: 'edit', edit: { type: 'insert', text } });

describe('the network picker', () => {
  it('opens on the network shown now, so Enter at once changes nothing', () => {
    const open = run([{ type: 'open', height: 10 }]);
    expect(open.open).toBe(true);
    expect(open.matches[open.list.cursor]?.name).toBe('substrate');
    expect(pickerReducer(open, { type: 'pick' })).toMatchObject({ open: false, shown: 'substrate' });
  });

  it('picks the highlighted match; Esc keeps the network shown', () => {
    const picked = run([{ type: 'open', height: 10 }, type('kusama'), { type: 'pick' }]);
    expect(picked).toMatchObject({ open: false, shown: 'kusama' });
    expect(run([{ type: 'open', height: 10 }, type('kusama'), { type: 'close' }]).shown).toBe('substrate');
    const second = run([{ type: 'open', height: 10 }, type('relay'), { type: 'move', move: 'down' }]);
    expect(pickerReducer(second, { type: 'pick' }).shown).toBe(second.matches[1]?.name);
    // Nothing matches: Enter picks nothing and the picker stays open.
    const none = run([{ type: 'open', height: 10 }, type('zzz')]);
    expect(pickerReducer(none, { type: 'pick' })).toBe(none);
  });
});
