/** Colour only when the user has not asked for none (https://no-color.org). */
export const colorEnabled = !('NO_COLOR' in process.env) || process.env.NO_COLOR === '';

export const theme = {
  accent: colorEnabled ? 'cyan' : undefined,
  muted: colorEnabled ? 'gray' : undefined,
  error: colorEnabled ? 'red' : undefined,
  warning: colorEnabled ? 'yellow' : undefined,
  success: colorEnabled ? 'green' : undefined,
} as const;
