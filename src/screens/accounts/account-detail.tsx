// PLACEHOLDER-TO-REPLACE
import { Text } from 'ink';
export function AccountDetail(_props: Record<string, unknown>) {
  return <Text>AccountDetail</Text>;
}
