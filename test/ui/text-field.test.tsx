import { Text } from 'ink';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { textFieldReducer } from '../../src/ui/components/text-field-state.js';
import { useTextField } from '../../src/ui/components/use-text-field.js';
import { KeyRouter } from '../../src/ui/use-keys.js';
import { renderScreen } from '../helpers/ink.js';

describe('text field state', () => {
  it('strips paste markers and control characters, turns line breaks into spaces', () => {
    const pasted = textFieldReducer({ value: '' }, { type: 'insert', text: '\x1b[200~bottom drive\nobey\x1b[201~' });
    expect(pasted.value).toBe('bottom drive obey');
    expect(textFieldReducer({ value: 'ab' }, { type: 'insert', text: '\x07' }).value).toBe('ab');
  });

  it('deletes a character, a word, or everything', () => {
    expect(textFieldReducer({ value: 'naïve' }, { type: 'delete-back' }).value).toBe('naïv');
    expect(textFieldReducer({ value: 'two words' }, { type: 'delete-word' }).value).toBe('two ');
    expect(textFieldReducer({ value: 'abc' }, { type: 'clear' }).value).toBe('');
  });
});

function Field({ onSubmit }: { onSubmit: (value: string) => void }) {
  const [sent, setSent] = useState('');
  const field = useTextField({
    isActive: true,
    onSubmit: (value) => {
      onSubmit(value);
      setSent(value);
    },
  });
  return (
    <Text>
      [{field.value}] sent: {sent}
    </Text>
  );
}

describe('text field keys', () => {
  it('reads a chunk typed faster than frames: text, backspaces, then Enter', async () => {
    const submitted: string[] = [];
    const screen = await renderScreen(
      <KeyRouter>
        <Field onSubmit={(v) => submitted.push(v)} />
      </KeyRouter>,
    );
    screen.type('secretx');
    await screen.waitFor('[secretx]');
    // One write, as a terminal delivers keys typed between two reads.
    await screen.press('\x7f\x7f\x7fet\r');
    await screen.waitFor('[secret] sent: secret');
    expect(submitted).toEqual(['secret']);
    screen.unmount();
  });
});
