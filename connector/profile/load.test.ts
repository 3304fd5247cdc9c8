import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadProfileDocument, loadProfileFile } from './load.ts';

const minimal = () => ({
  id: 'desk',
  name: 'Desk',
  http: { api: { url: 'http://127.0.0.1:8080' } },
  sections: {
    tradingState: { from: { http: { service: 'api', path: '/status' } }, state: '$.state' },
  },
});

const errorOf = (document: unknown, env: NodeJS.ProcessEnv = {}) => {
  const result = loadProfileDocument(document, 'desk.yaml', env);
  if (result.ok) throw new Error('expected the profile to be refused');
  return result.error;
};

describe('loading a profile', () => {
  test('a minimal profile loads, with its defaults', () => {
    const result = loadProfileDocument(minimal(), 'desk.yaml', {});
    expect(result.ok && result.loaded.profile).toMatchObject({
      environment: 'production',
      pollMs: 1000,
      controls: {},
    });
    expect(result.ok && result.loaded.urls).toEqual({ api: 'http://127.0.0.1:8080' });
  });

  test.each([
    [{ ...minimal(), id: 'Desk One' }, 'id: lower-case letters, digits and dashes'],
    [{ ...minimal(), pollMs: 10 }, 'pollMs: Too small'],
    [{ ...minimal(), colour: 'red' }, 'Unrecognized key: "colour"'],
    [
      {
        ...minimal(),
        sections: { tradingState: { from: { http: { service: 'nope', path: '/s' } }, state: '$.s' } },
      },
      'sections.tradingState.from.http.service: no http service "nope" is declared (declared: api)',
    ],
    [
      {
        ...minimal(),
        sections: { tradingState: { from: { http: { service: 'api', path: '/s' } }, state: '$.[' } },
      },
      'sections.tradingState.state: not a valid RFC 9535 JSONPath',
    ],
    [
      {
        ...minimal(),
        sections: { venues: { from: { http: { service: 'api', path: '/v' } }, items: '$.v[*]', id: '$.id' } },
      },
      'sections.venues.connection',
    ],
    [
      {
        ...minimal(),
        controls: { halt: { http: { service: 'api', method: 'POST', path: '/halt/{venue}' } } },
      },
      'controls.halt.http.path: {venue} is only known in a venue control',
    ],
    [
      {
        ...minimal(),
        controls: {
          halt: {
            http: {
              service: 'api',
              method: 'POST',
              path: '/h',
              headers: { Authorization: 'Bearer {secret:tok}' },
            },
          },
        },
      },
      '{secret:tok} names no declared secret',
    ],
    [{ ...minimal(), controls: { 'launch-rockets': { run: 'x' } } }, 'controls'],
    [
      {
        ...minimal(),
        controls: {
          halt: { http: { service: 'api', method: 'POST', path: '/h', headers: { 'X-Why': '{reason}' } } },
        },
      },
      'controls.halt.http.headers.X-Why: {reason} cannot go in a header',
    ],
    [
      {
        ...minimal(),
        secrets: { tok: { env: 'T' } },
        controls: { halt: { http: { service: 'api', method: 'POST', path: '/h?token={secret:tok}' } } },
      },
      'would put a credential in a URL',
    ],
    [
      {
        ...minimal(),
        http: { api: { url: 'http://127.0.0.1:1', headers: { 'X-Desk': 'a\r\nInjected: yes' } } },
      },
      'http.api.headers.X-Desk: a header value holds no line break',
    ],
  ])('refuses %#, naming the field and why', (document, expected) => {
    expect(errorOf(document)).toContain(expected);
  });

  test('a URL from an unset variable without default, or a missing secret, stops the start', () => {
    const document = {
      ...minimal(),
      http: { api: { url: { env: 'DESK_URL' } } },
      secrets: { tok: { env: 'DESK_TOKEN' } },
    };
    const error = errorOf(document);
    expect(error).toContain(
      'http.api.url: the environment variable DESK_URL is not set, and no default is given',
    );
    expect(error).toContain(
      'secrets.tok: the environment variable DESK_TOKEN that holds this secret is not set',
    );
    const ok = loadProfileDocument(document, 'desk.yaml', {
      DESK_URL: 'http://127.0.0.1:1/',
      DESK_TOKEN: 's3cret-value',
    });
    expect(ok.ok && ok.loaded).toMatchObject({
      urls: { api: 'http://127.0.0.1:1' },
      secrets: { tok: 's3cret-value' },
    });
  });

  test('a URL with a user and password is refused without repeating it', () => {
    const error = errorOf(
      { ...minimal(), http: { api: { url: { env: 'API_URL' } } } },
      { API_URL: 'http://svc:Pa55w0rd@127.0.0.1:9' },
    );
    expect(error).toContain('http.api.url: a URL must not carry a user or password');
    expect(error).not.toContain('Pa55w0rd');
  });

  test('a secret named in a file is read from it; the secret never appears in an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'profile-'));
    writeFileSync(join(dir, 'token'), 'file-secret-123\n');
    const file = join(dir, 'desk.yaml');
    writeFileSync(
      file,
      `id: desk\nname: Desk\nsecrets: { tok: { file: token } }\nhttp: { api: { url: 'ftp://x' } }\nsections: {}\n`,
    );
    const result = loadProfileFile(file);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain('must be a http or https URL');
    expect(!result.ok && result.error).not.toContain('file-secret-123');
  });

  test('YAML that is not a profile, or not YAML at all, is refused with a message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'profile-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'id: [unclosed\n');
    expect(loadProfileFile(file)).toMatchObject({
      ok: false,
      error: expect.stringContaining('not valid YAML or JSON'),
    });
    expect(loadProfileFile(join(dir, 'missing.yaml'))).toMatchObject({
      ok: false,
      error: expect.stringContaining('cannot be read'),
    });
  });

  test('an unquoted JSONPath with brackets inside { … } is refused with how to write it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'profile-'));
    const file = join(dir, 'flow.yaml');
    writeFileSync(
      file,
      'id: desk\nname: Desk\nsections:\n  metrics:\n    throughput: { rate: $.orders_total[*].value }\n',
    );
    const result = loadProfileFile(file);
    expect(!result.ok && result.error).toContain('not valid YAML or JSON');
    expect(!result.ok && result.error).toContain("must be quoted: { rate: '$.orders_total[*].value' }");
  });

  test('a map that leads to none of the canonical values stops the start, naming the entry', () => {
    const from = { http: { service: 'api', path: '/s' } };
    const error = errorOf({
      ...minimal(),
      sections: {
        tradingState: { from, state: { path: '$.s', map: { GO: 'active', STOP: 'RUNNING' } } },
        venues: {
          from,
          items: '$.v[*]',
          id: '$.id',
          connection: { path: '$.c', map: { '2': 'CONNECTED', '0': 'DOWN' } },
          enabled: { path: '$.e', map: { on: true, off: 'no' } },
        },
        alerts: {
          from,
          items: '$.a[*]',
          id: '$.id',
          name: '$.n',
          severity: { path: '$.l', map: { SEV_1: 'Critical', INFO: 'info' } },
        },
      },
    });
    expect(error).toContain(
      'sections.tradingState.state.map.STOP: "RUNNING" is none of ACTIVE, REDUCING, HALTED, KILLED',
    );
    expect(error).toContain(
      'sections.venues.connection.map.0: "DOWN" is none of CONNECTED, DEGRADED, DISCONNECTED',
    );
    expect(error).toContain('sections.venues.enabled.map.off: "no" is none of true, false');
    expect(error).toContain('sections.alerts.severity.map.INFO: "info" is none of warning, critical');
    expect(error).not.toMatch(/map\.(GO|SEV_1|2|on):/);
  });

  test('fuzz: any document gets a verdict, never an exception', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 6 }), (document) => {
        const result = loadProfileDocument(document, 'fuzz.yaml', {});
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500, seed: 42 },
    );
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (sections) => {
        const result = loadProfileDocument({ ...minimal(), sections }, 'fuzz.yaml', {});
        if (!result.ok) expect(result.error).toMatch(/^fuzz\.yaml /);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
