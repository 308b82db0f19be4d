import { describe, expect, it } from 'vitest';
import { currentScreen, initialNavigation, isFullScreen, navigate, SECTIONS } from '../../src/screens/navigation.js';

describe('navigation', () => {
  it('opens screens on a stack and goes back, never below the section home', () => {
    const opened = navigate(initialNavigation, { type: 'open', screen: { name: 'identity-new' } });
    expect(currentScreen(opened)).toEqual({ name: 'identity-new' });
    const back = navigate(opened, { type: 'back' });
    expect(back).toEqual(initialNavigation);
    expect(navigate(back, { type: 'back' })).toBe(back);
  });

  it('cycles through the sections both ways, each starting at its home', () => {
    let state = navigate(initialNavigation, { type: 'open', screen: { name: 'identity-restore' } });
    const visited = [];
    for (let i = 0; i < SECTIONS.length; i++) {
      state = navigate(state, { type: 'next-section' });
      visited.push(state.section);
      expect(state.stack).toEqual([{ name: 'home' }]);
    }
    expect(visited).toEqual([...SECTIONS.slice(1), SECTIONS[0]]);
    expect(navigate(initialNavigation, { type: 'previous-section' }).section).toBe('settings');
    expect(navigate(initialNavigation, { type: 'section', section: 'qr' }).section).toBe('qr');
  });

  it("opens an identity's accounts in the Accounts section, over its home, so Esc shows them all", () => {
    const opened = navigate(initialNavigation, {
      type: 'section',
      section: 'accounts',
      open: { name: 'identity-accounts', identity: 'savings' },
    });
    expect(opened).toEqual({
      section: 'accounts',
      stack: [{ name: 'home' }, { name: 'identity-accounts', identity: 'savings' }],
    });
    expect(navigate(opened, { type: 'back' })).toEqual({ section: 'accounts', stack: [{ name: 'home' }] });
  });

  it('gives the QR player the whole terminal, and every other screen the frame', () => {
    expect(isFullScreen({ name: 'qr-show', source: { kind: 'text', text: 'x', label: 'x' } })).toBe(true);
    expect(isFullScreen({ name: 'qr-read' })).toBe(false);
    expect(isFullScreen({ name: 'home' })).toBe(false);
  });
});
