// PLACEHOLDER-TO-REPLACE
import { Text } from 'ink';
export function IdentitiesHome(_props: Record<string, unknown>) {
  return <Text>IdentitiesHome</Text>;
}
