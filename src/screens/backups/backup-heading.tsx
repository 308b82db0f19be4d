import { Text } from 'ink';
import { printable } from '../../printable.js';
import { theme } from '../../ui/theme.js';

/** The title of an import step and the backup it reads, escaped: the path is not trusted to be printable. */
export function BackupHeading({ title, file }: { title: string; file: string }) {
  return (
    <>
      <Text bold>{title}</Text>
      <Text color={theme.muted} wrap="truncate-middle">
        {printable(file)}
      </Text>
      <Text> </Text>
    </>
  );
}
