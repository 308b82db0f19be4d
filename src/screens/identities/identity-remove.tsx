// PLACEHOLDER-TO-REPLACE
import { Text } from 'ink';
export function IdentityRemove(_props: Record<string, unknown>) {
  return <Text>IdentityRemove</Text>;
}
