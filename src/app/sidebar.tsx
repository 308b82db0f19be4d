import { Box, Text } from 'ink';
import { SECTION_TITLES, SECTIONS, type Section } from '../screens/navigation.js';
import { theme } from '../ui/theme.js';

export const SIDEBAR_WIDTH = 16;

export function Sidebar({ current }: { current: Section }) {
  return (
    <Box
      flexDirection="column"
      width={SIDEBAR_WIDTH}
      flexShrink={0}
      borderStyle="single"
      borderTop={false}
      borderBottom={false}
      borderLeft={false}
    >
      {SECTIONS.map((section) => (
        <Text
          key={section}
          inverse={section === current}
          color={section === current ? theme.accent : undefined}
          wrap="truncate-end"
        >
          {` ${SECTION_TITLES[section]} `}
        </Text>
      ))}
    </Box>
  );
}
