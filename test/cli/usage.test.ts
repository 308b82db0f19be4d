/**
 * The command line read as a person types it: a mistyped command is named as such, with the
 * nearest real one; `airlock help` works as `airlock COMMAND help` does; usage errors exit 2.
 * And a command that needs a vault says there is none before it asks for anything.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OWNER,
  airlockOk,
  expectCleanFailure,
  expectUsageError,
  runAirlock,
  runAirlockInTerminal,
} from '../helpers/cli.js';
import { DEV_PHRASE } from '../helpers/dev-keys.js';
import { createScratch } from '../helpers/files.js';

let scratch: Awaited<ReturnType<typeof createScratch>>;
beforeAll(async () => {
  scratch = await createScratch('usage');
});
afterAll(() => scratch?.remove());

describe.concurrent('typos', () => {
  it.each([
    ['a command, options after it', ['exprot', '--out', 'x.json'], "unknown command 'exprot'", 'export'],
    ['a group', ['acount'], "unknown command 'acount'", 'account'],
    ['a command of a group', ['account', 'lst'], "unknown command 'lst'", 'list'],
    ['the help command', ['hlep'], "unknown command 'hlep'", 'help'],
    ['a command asked help for', ['help', 'exprot'], "unknown command 'exprot'", 'export'],
    ['a global option', ['--vaul', 'x.json'], "unknown option '--vaul'", '--vault'],
  ])('%s: names it, with the nearest, exit 2', async (_what, args, message, nearest) => {
    const result = await runAirlock(args);
    expectUsageError(result);
    expect(result.stderr).toContain(`error: ${message}\n(Did you mean ${nearest}?)`);
    expect(result.stderr).not.toContain("unknown option '--out'");
    expect(result.stdout).toBe('');
  });

  it('a word far from every command gets no guess', async () => {
    const result = await runAirlock(['frobnicate']);
    expectUsageError(result, /^error: unknown command 'frobnicate'\n\(run airlock --help for usage\)\n$/u);
  });

  it('arguments a command does not take are a usage error, not ignored', async () => {
    expectUsageError(await runAirlock(['account', 'list', 'everything']), /too many arguments for 'list'/u);
  });
});

describe.concurrent('airlock help', () => {
  it('alone: the commands, on stdout, exit 0', async () => {
    const { stdout, stderr } = await airlockOk(['help']);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Usage: airlock \[options\] \[command\]/u);
    for (const command of ['init', 'identity', 'account', 'export', 'import', 'help [command...]'])
      expect(stdout).toContain(`\n  ${command}`);
  });

  it.each([
    [['help', 'export'], ['export', '--help'], 'Usage: airlock export [options]'],
    [['help', 'account'], ['account', '--help'], 'Usage: airlock account [options] [command]'],
    [['help', 'account', 'derive'], ['account', 'derive', '--help'], 'Usage: airlock account derive [options]'],
    [['identity', 'help', 'new'], ['identity', 'new', '--help'], 'Usage: airlock identity new [options]'],
  ])('%j: that command, as --help gives it', async (args, direct, usage) => {
    const [asked, given] = await Promise.all([airlockOk(args), airlockOk(direct)]);
    expect(asked.stdout.split('\n')[0]).toBe(usage);
    expect(asked.stdout).toBe(given.stdout);
  });
});

describe.concurrent('no vault: said before anything is asked', () => {
  it.each([
    [['account', 'list']],
    [['identity', 'new', '--name', 'x']],
    [['identity', 'restore', '--name', 'x']],
    [['account', 'derive', '--identity', 'dev', '--name', 'x']],
    [['address', 'add', '--name', 'x', '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty']],
    [['passwd']],
    [['export', '--out', 'backup.json']],
    [['import', 'backup.json']],
    [['ledger', 'recover', '--name', 'x']],
  ])('without a terminal or a password: airlock %j says there is no vault', async (args) => {
    const dir = await scratch.dir();
    const vault = join(dir, 'vault.json');
    const result = await runAirlock(args, { vault, cwd: dir, input: DEV_PHRASE });
    expectCleanFailure(
      result,
      `airlock: no vault at ${vault}; create one with \`airlock init\`, or point --vault at yours`,
    );
  });

  it('at a terminal: no password prompt, only that there is no vault', async () => {
    const vault = join(await scratch.dir(), 'vault.json');
    const result = await runAirlockInTerminal(['identity', 'restore', '--name', 'x'], { vault });
    expect(result.code, result.stdout).toBe(1);
    expect(result.stdout).not.toContain('password');
    expect(result.stdout).not.toContain('Recovery phrase');
    expect(result.stdout).toContain(`airlock: no vault at ${vault}`);
  });

  it('init where a vault is: said before the new password is asked for', async () => {
    const dir = await scratch.dir();
    const vault = join(dir, 'vault.json');
    await airlockOk(['init'], { vault, env: OWNER });
    const result = await runAirlockInTerminal(['init'], { vault });
    expect(result.code, result.stdout).toBe(1);
    expect(result.stdout).not.toContain('password:');
    expect(result.stdout).toContain(`airlock: a vault already exists at ${vault}`);
  });
});
