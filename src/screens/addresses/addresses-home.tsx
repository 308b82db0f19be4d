// PLACEHOLDER-TO-REPLACE
import { Text } from 'ink';
export function AddressesHome(_props: Record<string, unknown>) {
  return <Text>AddressesHome</Text>;
}
