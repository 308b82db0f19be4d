// PLACEHOLDER-TO-REPLACE
import { Text } from 'ink';
export function AccountRemove(_props: Record<string, unknown>) {
  return <Text>AccountRemove</Text>;
}
