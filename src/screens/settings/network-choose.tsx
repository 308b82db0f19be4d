// PLACEHOLDER-TO-REPLACE
import { Text } from 'ink';
export function NetworkChoose(_props: Record<string, unknown>) {
  return <Text>NetworkChoose</Text>;
}
