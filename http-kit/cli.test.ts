import { describe, expect, test } from 'vitest';
import { parseCommandLine } from './cli.ts';

const parse = (argv: string[]) =>
  parseCommandLine(argv, {
    port: { type: 'string', default: '4311' },
    drill: { type: 'boolean', default: false },
    scenario: { type: 'string', multiple: true, default: [] },
  });

describe('parseCommandLine', () => {
  test('takes what follows a value option as its value, even when it looks like an option', () => {
    const parsed = parse(['--port', '-1', '--scenario', '--drill', '--drill']);
    expect(parsed).toEqual({ ok: true, values: { port: '-1', scenario: ['--drill'], drill: true } });
  });
  test('leaves `--name=value`, booleans and defaults as parseArgs has them', () => {
    expect(parse(['--port=-1'])).toEqual({
      ok: true,
      values: { port: '-1', drill: false, scenario: [] },
    });
  });
  test('unknown options and missing values are one line, not a throw', () => {
    expect(parse(['--bogus'])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Unknown option '--bogus'/),
    });
    expect(parse(['--scenario'])).toEqual({
      ok: false,
      error: "Option '--scenario <value>' argument missing",
    });
  });
});
