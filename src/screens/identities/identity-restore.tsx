// PLACEHOLDER-TO-REPLACE
import { Text } from 'ink';
export function IdentityRestore(_props: Record<string, unknown>) {
  return <Text>IdentityRestore</Text>;
}
