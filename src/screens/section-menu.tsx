import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { KeyHints } from '../ui/components/key-hints.js';
import { List } from '../ui/components/list.js';
import { Prose } from '../ui/components/prose.js';
import { useList } from '../ui/components/use-list.js';
import { commandFor } from '../ui/keymap.js';
import { theme } from '../ui/theme.js';
import { useKeys } from '../ui/use-keys.js';
import type { Screen } from './navigation.js';
import { useShell } from './shell-context.js';

export interface MenuChoice {
  label: string;
  /** What the choice does, in a sentence or two, shown while it is selected. */
  about: string;
  opens: Screen;
}

export interface SectionMenuProps {
  title: string;
  choices: readonly MenuChoice[];
  /** Lines under the selected choice's sentence, such as what the section's screens need. */
  children?: ReactNode;
}

/** The home of a section that is a few things to do: a list of them, Enter opens one. */
export function SectionMenu({ title, choices, children }: SectionMenuProps) {
  const shell = useShell();
  const list = useList(choices.length, choices.length, true, `menu:${title}`);

  useKeys((input, key) => {
    const choice = choices[list.latest().cursor];
    if (commandFor(input, key, ['confirm']) && choice) shell.navigate({ type: 'open', screen: choice.opens });
    else shell.globalKey(input, key);
  }, true);

  return (
    <Box flexDirection="column" width={shell.width} gap={1}>
      <Text bold>{title}</Text>
      <List
        items={choices}
        state={list}
        render={(choice, selected) => `${selected ? '›' : ' '} ${choice.label}`}
        empty=""
      />
      <Prose color={theme.muted}>{choices[list.cursor]?.about}</Prose>
      {children}
      <KeyHints commands={['confirm', 'nextSection', 'help', 'quit']} />
    </Box>
  );
}
