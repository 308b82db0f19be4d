import { describe, expect, it } from 'vitest';
import { initialList, listReducer, type ListAction } from '../../src/ui/components/list-state.js';

const run = (actions: ListAction[], count = 100, height = 10) =>
  actions.reduce(listReducer, initialList(count, height));

describe('list cursor', () => {
  it('scrolls only as far as needed to keep the cursor in view', () => {
    expect(run(Array<ListAction>(9).fill({ type: 'down' }))).toMatchObject({ cursor: 9, offset: 0 });
    expect(run(Array<ListAction>(10).fill({ type: 'down' }))).toMatchObject({ cursor: 10, offset: 1 });
    expect(run([{ type: 'last' }, { type: 'up' }])).toMatchObject({ cursor: 98, offset: 90 });
  });

  it('stops at both ends and pages by the window height', () => {
    expect(run([{ type: 'up' }])).toMatchObject({ cursor: 0, offset: 0 });
    expect(run([{ type: 'last' }, { type: 'down' }])).toMatchObject({ cursor: 99 });
    expect(run([{ type: 'page-down' }, { type: 'page-down' }])).toMatchObject({ cursor: 20, offset: 11 });
    expect(run([{ type: 'last' }, { type: 'page-up' }])).toMatchObject({ cursor: 89 });
  });

  it('keeps the cursor inside a list that shrinks or a window that changes', () => {
    const state = run([{ type: 'last' }, { type: 'resize', count: 5, height: 10 }]);
    expect(state).toMatchObject({ cursor: 4, offset: 0 });
    expect(run([{ type: 'resize', count: 0, height: 3 }])).toMatchObject({ cursor: 0, offset: 0 });
    expect(run([{ type: 'page-down' }, { type: 'resize', count: 100, height: 3 }])).toMatchObject({
      cursor: 10,
      offset: 8,
    });
  });
});
