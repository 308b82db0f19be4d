import { createContext, useContext, useState, type ReactNode } from 'react';

/** Where a list's cursor was, kept while the list is not on screen. */
export interface ListPlace {
  cursor: number;
  offset: number;
}

/** Places of the lists by name, for as long as the provider lives (an unlocked session). */
export type ListMemory = Map<string, ListPlace>;

const Memory = createContext<ListMemory | undefined>(undefined);

/**
 * A list is unmounted while the screen it opened is on top; given a name, it comes back where
 * the user left it. Outside a provider (a screen rendered on its own) lists simply start at the top.
 */
export function ListMemoryProvider({ children }: { children: ReactNode }) {
  const [memory] = useState<ListMemory>(() => new Map());
  return <Memory.Provider value={memory}>{children}</Memory.Provider>;
}

export const useListMemory = (): ListMemory | undefined => useContext(Memory);
