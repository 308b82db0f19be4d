import { useInput } from 'ink';

/** Esc while long work runs abandons it: the work's result is ignored when it arrives. */
export function useEscape(isActive: boolean, onEscape: () => void): void {
  useInput(
    (_input, key) => {
      if (key.escape) onEscape();
    },
    { isActive },
  );
}
