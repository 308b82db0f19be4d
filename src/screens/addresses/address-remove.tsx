// PLACEHOLDER-TO-REPLACE
import { Text } from 'ink';
export function AddressRemove(_props: Record<string, unknown>) {
  return <Text>AddressRemove</Text>;
}
