// PLACEHOLDER-TO-REPLACE
import { Text } from 'ink';
export function IdentityNew(_props: Record<string, unknown>) {
  return <Text>IdentityNew</Text>;
}
