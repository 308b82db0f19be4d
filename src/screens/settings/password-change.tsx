// PLACEHOLDER-TO-REPLACE
import { Text } from 'ink';
export function PasswordChange(_props: Record<string, unknown>) {
  return <Text>PasswordChange</Text>;
}
