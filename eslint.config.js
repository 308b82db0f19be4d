// @ts-check
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of docs/ARCHITECTURE.md, each importing only the ones after it:
 * cli and app → screens → ui → domain (vault, qr, ledger, media, sign) → the shared roots (errors, printable, …).
 */
const DOMAIN = ['./src/vault', './src/qr', './src/ledger', './src/media', './src/sign'];
const ROOTS = [
  './src/errors.ts',
  './src/printable.ts',
  './src/child-environment.ts',
  './src/version.ts',
  './src/edit-distance.ts',
  './src/count.ts',
  './src/commonjs.ts',
  './src/shipped-files.ts',
];
const layerZones = [
  { target: './src/app', from: ['./src/cli'], message: 'the app shell is started by the CLI, never the reverse' },
  {
    target: './src/screens',
    from: ['./src/app', './src/cli'],
    message: 'screens know nothing of the shell or the CLI',
  },
  {
    target: './src/ui',
    from: ['./src/app', './src/cli', './src/screens', ...DOMAIN],
    message: 'ui holds components that know no screen and no vault, QR or Ledger module',
  },
  ...DOMAIN.map((target) => ({
    target,
    from: ['./src/app', './src/cli', './src/screens', './src/ui'],
    message: 'vault, qr, ledger, media and sign are below every interface: the CLI and the app both reach them',
  })),
  ...ROOTS.map((target) => ({
    target,
    from: ['./src/app', './src/cli', './src/screens', './src/ui', ...DOMAIN],
    message: 'the shared roots import nothing above them',
  })),
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  reactHooks.configs.flat['recommended-latest'],
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      // A rejection passes on what it was given, as a rethrow does (only-throw-error allows the same):
      // a caught error, or an abort signal's reason, which callers are promised as it is.
      '@typescript-eslint/prefer-promise-reject-errors': [
        'error',
        { allowThrowingAny: true, allowThrowingUnknown: true },
      ],
    },
  },
);
