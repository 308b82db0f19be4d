import { commandFor } from './keymap.js';
import { useKeys } from './use-keys.js';

/** Esc while long work runs abandons it: the work's result is ignored when it arrives. */
export function useEscape(isActive: boolean, onEscape: () => void): void {
  useKeys((input, key) => {
    if (commandFor(input, key, ['back'])) onEscape();
  }, isActive);
}
