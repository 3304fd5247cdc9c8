import { describe, expect, test } from 'vitest';
import { isoZ, pythonIso } from './formats.ts';
import { bendText, violateExposition, violateJson } from './faults.ts';
import { jsonDepth } from './json-depth.ts';
import { NativeProblem } from './problem.ts';
import { exposition } from './prometheus.ts';
import { intParam, parseDuration, sinceParam } from './query.ts';
import { findRoute } from './router.ts';
import type { Route } from './types.ts';

const route = (method: Route['method'], path: string): Route => ({
  method,
  path,
  source: 'seed',
  handle: () => ({ status: 200, json: {} }),
});
const problemOf = (run: () => unknown): NativeProblem => {
  try {
    run();
  } catch (error) {
    if (error instanceof NativeProblem) return error;
    throw error;
  }
  throw new Error('expected a NativeProblem');
};

describe('jsonDepth', () => {
  test('counts nesting in one pass, skipping strings and escapes', () => {
    expect(jsonDepth('{}')).toBe(1);
    expect(jsonDepth('{"a": [1, {"b": []}]}')).toBe(4);
    expect(jsonDepth('{"a": "[[[[\\"{{{"}')).toBe(1);
    expect(jsonDepth('['.repeat(100_000))).toBe(100_000);
  });
});

describe('findRoute', () => {
  const routes = [route('GET', '/api/v1/status'), route('POST', '/api/v1/exchanges/:name/reconnect')];
  test('matches segments, decodes parameters, serves HEAD by GET', () => {
    expect(findRoute(routes, 'POST', '/api/v1/exchanges/b%C3%B6rse/reconnect').params).toEqual({
      name: 'börse',
    });
    expect(findRoute(routes, 'HEAD', '/api/v1/status').route.method).toBe('GET');
  });
  test('404 for no such path, 405 with Allow for another method, 400 for percent-garbage', () => {
    expect(problemOf(() => findRoute(routes, 'GET', '/api/v1/nothing')).status).toBe(404);
    expect(problemOf(() => findRoute(routes, 'GET', '/api/v1/exchanges//reconnect')).status).toBe(404);
    const wrong = problemOf(() => findRoute(routes, 'DELETE', '/api/v1/status'));
    expect([wrong.status, wrong.headers]).toEqual([405, { allow: 'GET, HEAD' }]);
    expect(problemOf(() => findRoute(routes, 'POST', '/api/v1/exchanges/%E0%A4%A/reconnect')).status).toBe(
      400,
    );
  });
});

describe('faults on a native body', () => {
  test('schema-violation: numbers and booleans become strings, status enums flip case', () => {
    expect(
      violateJson({
        status: 'healthy',
        n: 1.5,
        ok: true,
        list: [{ state: 'HALTED', name: 'x' }],
        none: null,
      }),
    ).toEqual({
      status: 'HEALTHY',
      n: 'n/a',
      ok: 'true',
      list: [{ state: 'halted', name: 'x' }],
      none: null,
    });
    expect(violateExposition('# HELP a b\n# TYPE a gauge\na{q="1"} 2.5\n')).toBe(
      '# HELP a b\n# TYPE a gauge\na{q="1"} NaN\n',
    );
  });
  test('malformed-json cuts the text; no fault leaves it', () => {
    expect(bendText('{"a":1}', true, null)).toBe('{"a":1}');
    expect(bendText('{"a":1}', true, { kind: 'malformed-json' })).toBe('{"a');
    expect(bendText('{"a":1}', true, { kind: 'stream-drop' })).toBe('{"a":1}');
  });
});

describe('exposition', () => {
  test('HELP and TYPE per family, labels escaped, special values spelled as Prometheus does', () => {
    const text = exposition([
      { name: 'x_total', help: 'a\\b', type: 'counter', samples: [{ value: 3 }] },
      {
        name: 'y',
        help: 'y',
        type: 'gauge',
        samples: [{ labels: { l: 'say "hi"\n' }, value: NaN }, { value: Infinity }],
      },
    ]);
    expect(text).toBe(
      '# HELP x_total a\\\\b\n# TYPE x_total counter\nx_total 3\n# HELP y y\n# TYPE y gauge\ny{l="say \\"hi\\"\\n"} NaN\ny +Inf\n',
    );
  });
});

describe('query parameters', () => {
  test('durations as the seeds write them', () => {
    expect([parseDuration('1h'), parseDuration('15m'), parseDuration('90s'), parseDuration('60')]).toEqual([
      3_600_000, 900_000, 90_000, 60_000,
    ]);
    expect([parseDuration('0s'), parseDuration('soon'), parseDuration('-1h')]).toEqual([null, null, null]);
    expect(sinceParam(new URLSearchParams('since=1h'), 10_000_000)).toBe(6_400_000);
  });
  test('whole numbers in range, else a 400 that names the parameter', () => {
    expect(intParam(new URLSearchParams(), 'limit', 50, 1, 100)).toBe(50);
    expect(intParam(new URLSearchParams('limit=7'), 'limit', 50, 1, 100)).toBe(7);
    for (const bad of ['0', '101', '1e2', '-1', ''])
      expect(
        problemOf(() => intParam(new URLSearchParams(`limit=${bad}`), 'limit', 50, 1, 100)).message,
      ).toMatch(/^limit must/);
  });
});

describe('time formats', () => {
  test('Python isoformat: µs and +00:00, no fraction when it is zero; JavaScript: ms and Z', () => {
    expect(pythonIso(Date.UTC(2025, 0, 1, 12, 0, 0, 250))).toBe('2025-01-01T12:00:00.250000+00:00');
    expect(pythonIso(Date.UTC(2025, 0, 1, 12, 0, 0))).toBe('2025-01-01T12:00:00+00:00');
    expect(isoZ(Date.UTC(2025, 0, 1))).toBe('2025-01-01T00:00:00.000Z');
  });
});
