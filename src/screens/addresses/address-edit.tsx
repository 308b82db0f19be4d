// PLACEHOLDER-TO-REPLACE
import { Text } from 'ink';
export function AddressEdit(_props: Record<string, unknown>) {
  return <Text>AddressEdit</Text>;
}
