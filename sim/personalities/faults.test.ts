// Drill control's faults bend every personality's native surface as they bend the canonical
// one, and a crashed system stops answering on every port it owns (not on those it does not:
// an exchange's public API, the Prometheus beside EAFIX). The model runs on underneath.
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { serviceProcessFactory } from '../../http-kit/testing/process.ts';
import { freePort } from './testing/redis-server.ts';
import {
  TEST_TIMEOUT_MS,
  drill,
  executedCommands,
  outcome,
  personalityFactory,
  request,
  send,
} from './testing/personality-process.ts';
import type { RunningPersonality } from './testing/personality-process.ts';

const start = personalityFactory();
const runRaw = serviceProcessFactory({
  name: 'simulator',
  main: fileURLToPath(new URL('../host/main.ts', import.meta.url)),
});

/** Per personality: a read on the main service and on another, the error dialect, who stays up in a crash. */
const SURFACES = {
  hft: { reads: [['api', '/api/v1/status']], error: /^\{"error":".+","code":500\}$/, outside: [] },
  rtes: {
    reads: [
      ['api', '/metrics'],
      ['api', '/health'],
    ],
    error: /^\{"error":".+"\}$/,
    outside: [],
  },
  eafix: {
    reads: [
      ['gui-gateway', '/health'],
      ['execution-engine', '/healthz'],
    ],
    error: /^\{"detail":".+"\}$/,
    outside: [['prometheus', '/api/v1/query?query=up']],
  },
  smc: {
    reads: [['api', '/v1/status']],
    error: /^\{"detail":".+"\}$/,
    outside: [
      ['binance', '/api/v3/ping'],
      ['bybit', '/v2/public/time'],
    ],
  },
  'lav-adaf': {
    reads: [
      ['sentinel', '/api/db/pool-status'],
      ['executioner', '/api/venues/health'],
    ],
    error: /^\{"success":false,"error":".+"\}$/,
    outside: [],
  },
} as const;

const url = (p: RunningPersonality, [service, path]: readonly [string, string]) =>
  `${p.services[service]}${path}`;

describe.each(Object.entries(SURFACES))('faults on the %s personality', (name, surface) => {
  test(
    'down, slow, http-500, malformed-json, schema-violation; then a crash',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const p = await start(name);
      const reads = surface.reads.map((r) => url(p, r));
      const setFault = (fault: object) => drill(p, 'PUT', '/faults', fault);

      await setFault({ kind: 'down' });
      for (const read of reads) expect(await outcome(read)).toBe('rejected');
      for (const read of surface.outside.map((r) => url(p, r)))
        expect((await request(read)).status).toBe(200);

      await setFault({ kind: 'slow', delayMs: 300 });
      const started = performance.now();
      expect((await request(reads[0]!)).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(295);

      await setFault({ kind: 'http-500' });
      for (const read of reads) {
        const answer = await request(read);
        expect([answer.status, answer.text]).toEqual([500, expect.stringMatching(surface.error)]);
      }

      await setFault({ kind: 'malformed-json' });
      const cut = await request(reads[0]!);
      expect(cut.status).toBe(200);
      if (cut.contentType?.startsWith('application/json')) expect(cut.body).toBeUndefined();
      else expect(cut.text.endsWith('\n')).toBe(false);

      await setFault({ kind: 'schema-violation' });
      const bent = await request(reads[0]!);
      expect(bent.status).toBe(200);
      if (bent.contentType?.startsWith('application/json'))
        expect(bent.text).toMatch(/"n\/a"|"(true|false)"|"status":"[A-Z]+"/);
      else expect(bent.text).toMatch(/ NaN\n/);

      await drill(p, 'DELETE', '/faults');
      for (const read of reads) expect((await request(read)).status).toBe(200);

      await drill(p, 'POST', '/scenarios', { name: 'system-crash' });
      for (const service of Object.keys(p.services).filter((s) => !surface.outside.some(([o]) => o === s)))
        expect([service, await outcome(`${p.services[service]}/`)]).toEqual([service, 'rejected']);
      for (const read of surface.outside.map((r) => url(p, r)))
        expect((await request(read)).status).toBe(200);
      await drill(p, 'DELETE', '/scenarios/system-crash');
      for (const read of reads) expect((await request(read)).status).toBe(200);
    },
  );
});

describe('controls under faults', { timeout: TEST_TIMEOUT_MS }, () => {
  test('http-500 answers before anything runs; malformed-json bends the answer of a command that ran', async () => {
    const p = await start('hft');
    await drill(p, 'PUT', '/faults', { kind: 'http-500' });
    expect((await send(`${p.main}/api/v1/killswitch`, 'POST', { reason: 'drill' })).status).toBe(500);
    expect(await executedCommands(p)).toEqual([]);
    await drill(p, 'PUT', '/faults', { kind: 'malformed-json' });
    const cut = await send(`${p.main}/api/v1/killswitch`, 'POST', { reason: 'drill' });
    expect([cut.status, cut.body]).toEqual([200, undefined]);
    expect((await executedCommands(p)).map((c) => c.controlId)).toEqual(['kill-switch']);
  });
});

describe('service ports', { timeout: TEST_TIMEOUT_MS }, () => {
  test('--service-port binds a service where asked; the start-up line lists every service', async () => {
    const port = await freePort();
    const p = await start('lav-adaf', ['--service-port', `executioner=${port}`]);
    expect(p.services.executioner).toBe(`http://127.0.0.1:${port}`);
    expect(p.cli.stdout()).toMatch(
      /^simulator listening on http:\/\/127\.0\.0\.1:(\d+) \(personality lav-adaf, seed 7: sentinel=http:\/\/127\.0\.0\.1:\1 warden=http:\/\/127\.0\.0\.1:\d+ executioner=http:\/\/127\.0\.0\.1:\d+\)\n$/,
    );
    expect((await request(`${p.services.executioner}/health`)).status).toBe(200);
    p.cli.child.kill('SIGTERM');
    expect(await p.cli.exited()).toEqual({ code: 0, signal: null });
    expect(p.cli.stderr()).toBe('');
  });

  test.for([
    [['--personality', 'nyse'], 'unknown personality "nyse" (one of hft, rtes, eafix, smc, lav-adaf)'],
    [
      ['--personality', 'eafix', '--service-port', 'gui-gateway=9000'],
      '--service-port: gui-gateway is the main service; its port is --port',
    ],
    [
      ['--personality', 'smc', '--redis', 'http://127.0.0.1:6379'],
      '--redis must be redis://HOST:PORT, got "http://127.0.0.1:6379"',
    ],
  ] as const)('%s exits with code 2 and one line', async ([args, message]) => {
    const cli = runRaw(['--port', '0', ...args]);
    expect((await cli.exited()).code).toBe(2);
    expect(cli.stderr()).toBe(`simulator: ${message}\n`);
  });
});
