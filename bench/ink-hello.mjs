// The baseline for the first-frame benchmark: the smallest Ink app.
import { createElement } from 'react';
import { render, Text } from 'ink';

const app = render(createElement(Text, null, 'Hello'));
setTimeout(() => app.unmount(), 10_000);
