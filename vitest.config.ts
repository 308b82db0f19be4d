import { defineConfig } from 'vitest/config';
import { pathWithFfmpeg } from './test/setup/ffmpeg.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // Workers and child processes run plain Node: their modules are compiled to dist/ first.
    globalSetup: ['test/setup/plain-node-modules.ts'],
    // End-to-end tests spawn the real binary and run real scrypt: give them room on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: {
      // Ink draws only a final frame when it believes it runs in CI; screens are tested frame by frame.
      CI: 'false',
      PATH: pathWithFfmpeg(),
    },
  },
});
