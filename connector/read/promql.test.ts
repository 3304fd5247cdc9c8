// PromQL reads against a real Prometheus (Debian's), scraping itself every second: the three
// shapes of document, and Prometheus' own words when it refuses, has nothing, or is gone.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from '../../http-kit/testing/free-port.ts';
import { TEST_TIMEOUT_MS, waitFor } from '../../http-kit/testing/wait.ts';
import { readSchema } from '../profile/sources.ts';
import { performRead } from './perform-read.ts';
import type { ReadContext } from './perform-read.ts';
import type { RedisPool } from './redis-pool.ts';

const HAVE_PROMETHEUS = spawnSync('prometheus', ['--version'], { stdio: 'ignore' }).status === 0;
if (!HAVE_PROMETHEUS)
  console.warn('connector/read/promql.test.ts skipped: prometheus is not installed (npm test installs it)');

let prometheus: ChildProcess;
let dir: string;
let url: string;

async function startPrometheus(): Promise<void> {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  writeFileSync(
    join(dir, 'prometheus.yml'),
    `global: { scrape_interval: 1s }\nscrape_configs:\n  - job_name: self\n    static_configs: [{ targets: ['127.0.0.1:${port}'] }]\n`,
  );
  prometheus = spawn(
    'prometheus',
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: 'ignore' },
  );
  // Ready once it has scraped itself a few times: a range over the last seconds then has points.
  await waitFor(
    'Prometheus scraping itself',
    async () => {
      const answer = await fetch(
        `${url}/api/v1/query?query=${encodeURIComponent('count_over_time(up[1m]) >= 4')}`,
      );
      const body = (await answer.json()) as { data?: { result?: unknown[] } };
      return body.data?.result?.length ? true : undefined;
    },
    30_000,
  );
}

const ctx = (): ReadContext => ({
  urls: { prom: url },
  headers: {},
  timeouts: { prom: 2000 },
  redis: {} as RedisPool,
  now: () => Date.now(),
});

const read = (promql: Record<string, unknown>, everyMs = 1000) =>
  readSchema.parse({ promql: { service: 'prom', ...promql }, everyMs });

describe.skipIf(!HAVE_PROMETHEUS)('PromQL reads on a real Prometheus', { timeout: TEST_TIMEOUT_MS }, () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'war-room-promql-'));
    await startPrometheus();
  }, 40_000);
  afterAll(() => {
    prometheus?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  test('plain: each query is one figure, its vector summed', async () => {
    const result = await performRead(
      read({ queries: { up: 'up', targets: 'count(up)', nothing: 'vector(0) > 1' } }),
      ctx(),
    );
    expect(result).toMatchObject({ ok: true, document: { up: 1, targets: 1, nothing: null } });
  });

  test('by a label: one row per label value, the queries side by side', async () => {
    const result = await performRead(
      read({ by: 'job', queries: { up: 'up', samples: 'scrape_samples_scraped' } }),
      ctx(),
    );
    expect(result.ok && result.document).toEqual([
      expect.objectContaining({ job: 'self', up: 1, samples: expect.any(Number) }),
    ]);
  });

  test('windows: the first read fills its history with a range query, later reads add the window that ends now', async () => {
    const windowed = read({
      windows: { historySeconds: 10 },
      queries: { up: 'sum(up)' },
    });
    const first = await performRead(windowed, ctx());
    expect(first.ok ? 'ok' : first.problem).toBe('ok');
    const rows = (first.ok ? first.document : []) as { start: number; end: number; up: number | null }[];
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row.end - row.start).toBe(1);
    expect(rows.map((r) => r.end)).toEqual([...rows.map((r) => r.end)].sort((a, b) => a - b));
    const next = await waitFor('a later step', async () => {
      const r = await performRead(windowed, ctx());
      const doc = (r.ok ? r.document : []) as { end: number }[];
      return doc.length === 1 && doc[0]!.end > rows.at(-1)!.end ? doc : undefined;
    });
    expect(next[0]).toMatchObject({ up: 1 });
  });

  test("what Prometheus refuses or has no data for fails the read in Prometheus' words", async () => {
    const bad = await performRead(read({ queries: { p99: 'sum(' } }), ctx());
    expect(bad).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^prom PromQL: query p99: bad_data: .*parse error/),
    });
    const empty = await performRead(read({ queries: { p99: 'no_such_metric_anywhere' } }), ctx());
    expect(empty).toMatchObject({
      ok: false,
      problem: expect.stringContaining('every query returned an empty result (p99)'),
    });
  });

  test('a Prometheus that is gone: connection refused, said so', async () => {
    prometheus.kill('SIGKILL');
    await waitFor(
      'Prometheus gone',
      async () =>
        (await fetch(url).then(
          () => false,
          () => true,
        )) || undefined,
    );
    const result = await performRead(read({ queries: { up: 'up' } }), ctx());
    expect(result).toMatchObject({ ok: false, problem: 'prom PromQL: connection refused' });
  });
});
