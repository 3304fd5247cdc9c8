import { describe, expect, test } from 'vitest';
import { choosePersonality, describeServices } from './cli.ts';

const args = { servicePorts: [] as string[], operators: 0 };

describe('choosePersonality', () => {
  test('without --personality: the canonical host, and the personality options are refused', () => {
    expect(choosePersonality(args)).toEqual({ ok: true, value: null });
    expect(choosePersonality({ ...args, servicePorts: ['x=1'] })).toEqual({
      ok: false,
      error: '--service-port needs --personality',
    });
    expect(choosePersonality({ ...args, redis: 'redis://127.0.0.1:6379' })).toMatchObject({ ok: false });
  });

  test('a personality with ports for its other services', () => {
    const chosen = choosePersonality({ ...args, personality: 'hft' });
    expect(chosen).toMatchObject({ ok: true, value: { def: { name: 'hft' }, servicePorts: {} } });
  });

  test.for([
    [{ personality: 'nyse' }, 'unknown personality "nyse" (one of hft, rtes, eafix, smc, lav-adaf)'],
    [{ personality: 'toString' }, 'unknown personality "toString" (one of hft, rtes, eafix, smc, lav-adaf)'],
    [
      { personality: 'hft', servicePorts: ['api=9000'] },
      '--service-port: api is the main service; its port is --port',
    ],
    [
      { personality: 'hft', servicePorts: ['db=9000'] },
      '--service-port: the hft personality has no service "db" (it has only the main one)',
    ],
    [{ personality: 'hft', servicePorts: ['9000'] }, '--service-port must be NAME=PORT, got "9000"'],
    [{ personality: 'hft', operators: 1 }, expect.stringMatching(/^--operator applies to the canonical API/)],
    [
      { personality: 'hft', redis: 'redis://127.0.0.1:6379' },
      '--redis applies to the smc personality only, not hft',
    ],
  ] as const)('%o is refused: %s', ([extra, error]) => {
    expect(choosePersonality({ ...args, ...extra })).toEqual({ ok: false, error });
  });

  test('the services on the start-up line, main first', () => {
    const ports = new Map([
      ['api', 8080],
      ['binance', 41000],
    ]);
    expect(describeServices(ports)).toBe('api=http://127.0.0.1:8080 binance=http://127.0.0.1:41000');
  });
});
