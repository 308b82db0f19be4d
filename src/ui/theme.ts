/** Colour only when the user has not asked for none (https://no-color.org). */
export const useColor = !('NO_COLOR' in process.env) || process.env.NO_COLOR === '';

export const theme = {
  accent: useColor ? 'cyan' : undefined,
  muted: useColor ? 'gray' : undefined,
  error: useColor ? 'red' : undefined,
  warning: useColor ? 'yellow' : undefined,
  success: useColor ? 'green' : undefined,
} as const;
