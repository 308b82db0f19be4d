import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
// The repository's own config; the probes are not on disk, so they are linted without type information.
const eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });

/** The rules a module at `path` importing `specifier` breaks. */
async function broken(path: string, specifier: string): Promise<string[]> {
  const code = `import * as probe from '${specifier}';\nexport const used = probe;\n`;
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

const LAYER_RULE = 'import-x/no-restricted-paths';

describe('the layer rule of eslint.config.js', () => {
  it.each([
    ['src/ui/probe.ts', '../screens/navigation.js'],
    ['src/ui/components/probe.tsx', '../../vault/store.js'],
    ['src/ui/probe.ts', '../app/run.js'],
    ['src/vault/probe.ts', '../ui/theme.js'],
    ['src/qr/probe.ts', '../screens/navigation.js'],
    ['src/ledger/probe.ts', '../cli/main.js'],
    ['src/media/probe.ts', '../app/shell.js'],
    ['src/screens/accounts/probe.tsx', '../../app/shell.js'],
    ['src/screens/probe.ts', '../cli/main.js'],
    ['src/app/probe.ts', '../cli/main.js'],
    ['src/errors.ts', './vault/store.js'],
  ])('refuses %s importing %s', async (path, specifier) => {
    expect(await broken(path, specifier)).toContain(LAYER_RULE);
  });

  it.each([
    ['src/cli/probe.ts', '../app/run.js'],
    ['src/app/probe.ts', '../screens/navigation.js'],
    ['src/screens/accounts/probe.tsx', '../../ui/theme.js'],
    ['src/screens/probe.ts', '../vault/store.js'],
    ['src/ui/probe.ts', '../errors.js'],
    ['src/vault/probe.ts', '../media/read-regular-file.js'],
  ])('allows %s importing %s', async (path, specifier) => {
    expect(await broken(path, specifier)).not.toContain(LAYER_RULE);
  });
});
