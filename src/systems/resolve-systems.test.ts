import { describe, expect, test } from 'vitest';
import type { SystemSummary } from '../../contract/schemas.ts';
import { resolveSystems, systemApiBase, UNLISTED_SYSTEM_ID } from './resolve-systems.ts';

const system = (id: string): SystemSummary => ({
  id,
  name: id.toUpperCase(),
  environment: 'simulator',
  reachable: true,
  problem: null,
  lastContactAt: null,
  tradingState: null,
});
const config = { apiBaseUrl: '/api/v1', systemsUrl: '/api/systems' };
const listed = { kind: 'listed' as const, systems: [system('rtes'), system('hft')] };

describe('which system the board shows', () => {
  test('nothing is watched until the list has answered once', () => {
    expect(
      resolveSystems({ ...config, directory: undefined, unanswered: false, wanted: null }),
    ).toMatchObject({ watch: false, systems: null });
  });

  test('with no list, or none ever read, the one configured system, as before systems were listed', () => {
    const unlisted = { scope: { systemId: UNLISTED_SYSTEM_ID, apiBaseUrl: '/api/v1' }, watch: true };
    expect(
      resolveSystems({ ...config, directory: { kind: 'unlisted' }, unanswered: false, wanted: 'hft' }),
    ).toMatchObject({ ...unlisted, systems: null });
    expect(resolveSystems({ ...config, directory: undefined, unanswered: true, wanted: null })).toMatchObject(
      unlisted,
    );
  });

  test('listed: the one the URL names, else the first; each under its own API base', () => {
    expect(resolveSystems({ ...config, directory: listed, unanswered: false, wanted: 'hft' })).toEqual({
      scope: { systemId: 'hft', apiBaseUrl: '/api/systems/hft/v1' },
      watch: true,
      systems: listed.systems,
      unknownChoice: null,
    });
    expect(resolveSystems({ ...config, directory: listed, unanswered: false, wanted: 'lse' })).toMatchObject({
      scope: { systemId: 'rtes' },
      unknownChoice: 'lse',
    });
  });

  test('an empty list watches nothing', () => {
    expect(
      resolveSystems({
        ...config,
        directory: { kind: 'listed', systems: [] },
        unanswered: false,
        wanted: null,
      }),
    ).toMatchObject({ watch: false, systems: [] });
  });

  test('a system id is one path segment, whatever it contains', () => {
    expect(systemApiBase('https://wr.example/api/systems/', 'eu/fx 1')).toBe(
      'https://wr.example/api/systems/eu%2Ffx%201/v1',
    );
  });
});
