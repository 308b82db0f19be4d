/**
 * What a CommonJS build of an ES module exports as `default` (`exports.default`, with `__esModule`
 * set), from an import of it: Node gives `module.exports` itself as the default, as a release's
 * bundle does, where the test runner gives `exports.default`. Named exports need no help.
 */
export function defaultExport<T>(namespace: { default: unknown }): T {
  const value = namespace.default as { __esModule?: boolean; default?: unknown };
  return (value.__esModule === true && value.default !== undefined ? value.default : value) as T;
}
