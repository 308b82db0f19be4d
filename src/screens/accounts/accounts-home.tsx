// PLACEHOLDER-TO-REPLACE
import { Text } from 'ink';
export function AccountsHome(_props: Record<string, unknown>) {
  return <Text>AccountsHome</Text>;
}
