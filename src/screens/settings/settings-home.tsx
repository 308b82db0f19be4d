// PLACEHOLDER-TO-REPLACE
import { Text } from 'ink';
export function SettingsHome(_props: Record<string, unknown>) {
  return <Text>SettingsHome</Text>;
}
