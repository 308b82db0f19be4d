import { Box, Text } from 'ink';
import { theme } from '../theme.js';

export interface TextFieldProps {
  label: string;
  value: string;
  focused: boolean;
  /** Shown as one `•` per character: for passwords. */
  mask?: boolean;
  placeholder?: string;
  /** A verdict under the field, checked as the user types. */
  problem?: string;
}

export function TextField({ label, value, focused, mask, placeholder, problem }: TextFieldProps) {
  const shown = mask ? '•'.repeat([...value].length) : value;
  return (
    <Box flexDirection="column">
      <Box>
        <Text bold={focused}>{label} </Text>
        {shown || !placeholder ? <Text>{shown}</Text> : <Text color={theme.muted}>{placeholder}</Text>}
        {focused ? <Text inverse> </Text> : null}
      </Box>
      {problem ? <Text color={theme.error}> {problem}</Text> : null}
    </Box>
  );
}
