// PLACEHOLDER-TO-REPLACE
import { Text } from 'ink';
export function AccountRename(_props: Record<string, unknown>) {
  return <Text>AccountRename</Text>;
}
