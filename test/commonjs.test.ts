import { describe, expect, it } from 'vitest';
import { defaultExport } from '../src/commonjs.js';

class Transport {}

describe("a CommonJS build's default export", () => {
  it('is found in what Node gives, module.exports as the default', () => {
    const moduleExports = { __esModule: true, default: Transport };
    expect(defaultExport<typeof Transport>({ default: moduleExports })).toBe(Transport);
  });

  it('is found in what the test runner gives, exports.default as the default', () => {
    expect(defaultExport<typeof Transport>({ default: Transport })).toBe(Transport);
  });

  it('is module.exports itself for a module that was never an ES module', () => {
    const moduleExports = { encode: () => 'x' };
    expect(defaultExport<typeof moduleExports>({ default: moduleExports })).toBe(moduleExports);
  });
});
