import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { TextField } from './text-field.js';
import { theme } from '../theme.js';

export interface FormFieldProps {
  label: string;
  value: string;
  /** Has the keys: marked with `›`, which shows without colour or styles too. */
  focused: boolean;
  mask?: boolean;
  placeholder?: string;
  /** Verdicts on the value, drawn under it. */
  children?: ReactNode;
}

/** One field of a form, with what is known about its value underneath. */
export function FormField({ label, value, focused, mask, placeholder, children }: FormFieldProps) {
  return (
    <Box flexDirection="column">
      <Box>
        <Text color={theme.accent}>{focused ? '› ' : '  '}</Text>
        <TextField label={label} value={value} focused={focused} mask={mask} placeholder={placeholder} />
      </Box>
      <Box flexDirection="column" paddingLeft={4}>
        {children}
      </Box>
    </Box>
  );
}
