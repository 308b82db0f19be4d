// PLACEHOLDER-TO-REPLACE
import { Text } from 'ink';
export function AccountDerive(_props: Record<string, unknown>) {
  return <Text>AccountDerive</Text>;
}
