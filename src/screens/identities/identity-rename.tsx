// PLACEHOLDER-TO-REPLACE
import { Text } from 'ink';
export function IdentityRename(_props: Record<string, unknown>) {
  return <Text>IdentityRename</Text>;
}
