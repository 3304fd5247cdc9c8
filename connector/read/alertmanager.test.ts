// Alerts from a real Alertmanager (Debian's): what fires, mapped by a profile's alerts section,
// and a silence made there shown on the alert with until when, by whom and why.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from '../../http-kit/testing/free-port.ts';
import { TEST_TIMEOUT_MS, waitFor } from '../../http-kit/testing/wait.ts';
import { mapAlerts } from '../map/sections.ts';
import { alertsSectionSchema } from '../profile/sections.ts';
import type { AlertsSection } from '../profile/sections.ts';
import { performRead } from './perform-read.ts';
import type { ReadContext } from './perform-read.ts';
import type { RedisPool } from './redis-pool.ts';

const HAVE_ALERTMANAGER =
  spawnSync('prometheus-alertmanager', ['--version'], { stdio: 'ignore' }).status === 0;
if (!HAVE_ALERTMANAGER)
  console.warn(
    'connector/read/alertmanager.test.ts skipped: prometheus-alertmanager is not installed (npm test installs it)',
  );

let alertmanager: ChildProcess;
let dir: string;
let url: string;

// The section as the docs give it for Alertmanager.
const section = alertsSectionSchema.parse({
  from: { alertmanager: { service: 'am', filter: ['system="rtes"'] } },
  items: '$[*]',
  id: '$.fingerprint',
  name: '$.labels.alertname',
  severity: '$.labels.severity',
  summary: '$.annotations.summary',
  since: '$.startsAt',
  subject: '$.labels.venue',
  silence: {
    id: '$.silence.id',
    until: '$.silence.endsAt',
    by: '$.silence.createdBy',
    comment: '$.silence.comment',
  },
}) as AlertsSection;

const ctx = (): ReadContext => ({
  urls: { am: url },
  headers: {},
  timeouts: { am: 2000 },
  redis: {} as RedisPool,
  now: () => Date.now(),
});

async function post(path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : null;
}

async function readAlerts() {
  if (!('alertmanager' in section.from)) throw new Error('not an alertmanager read');
  const result = await performRead(section.from, ctx());
  if (!result.ok) throw new Error(result.problem);
  return mapAlerts(section, result.document, result.at);
}

describe.skipIf(!HAVE_ALERTMANAGER)('alerts from a real Alertmanager', { timeout: TEST_TIMEOUT_MS }, () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'war-room-alertmanager-'));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    writeFileSync(
      join(dir, 'alertmanager.yml'),
      'route: { receiver: board }\nreceivers: [{ name: board }]\n',
    );
    alertmanager = spawn(
      'prometheus-alertmanager',
      [
        `--config.file=${join(dir, 'alertmanager.yml')}`,
        `--storage.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--cluster.listen-address=',
      ],
      { stdio: 'ignore' },
    );
    await waitFor(
      'Alertmanager ready',
      async () => ((await fetch(`${url}/-/ready`)).ok ? true : undefined),
      20_000,
    );
  }, 30_000);
  afterAll(() => {
    alertmanager?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  test('firing alerts of this system, mapped; a silence shows on its alert with until, by and why', async () => {
    const startsAt = new Date(Date.now() - 60_000).toISOString();
    await post('/api/v2/alerts', [
      {
        labels: { alertname: 'RtesP99Critical', severity: 'critical', system: 'rtes' },
        annotations: { summary: 'p99 over 100 µs' },
        startsAt,
      },
      {
        labels: { alertname: 'VenueSilent', severity: 'warning', system: 'rtes', venue: 'xlon' },
        annotations: { summary: 'no market data for 30 s' },
        startsAt,
      },
      // Another system's: filtered out.
      { labels: { alertname: 'HftDown', severity: 'critical', system: 'hft' }, startsAt },
    ]);
    const alerts = await waitFor('both alerts', async () => {
      const a = await readAlerts();
      return a.length === 2 ? a : undefined;
    });
    const p99 = alerts.find((a) => a.name === 'RtesP99Critical');
    expect(p99).toMatchObject({
      severity: 'critical',
      summary: 'p99 over 100 µs',
      subject: null,
      silence: null,
    });
    expect(Date.parse(p99!.since)).toBe(Date.parse(startsAt));
    expect(alerts.find((a) => a.name === 'VenueSilent')).toMatchObject({
      subject: 'xlon',
      severity: 'warning',
    });

    const endsAt = new Date(Date.now() + 30 * 60_000).toISOString();
    const { silenceID } = (await post('/api/v2/silences', {
      matchers: [{ name: 'alertname', value: 'RtesP99Critical', isRegex: false, isEqual: true }],
      startsAt: new Date().toISOString(),
      endsAt,
      createdBy: 'alice',
      comment: 'INC-4: known, the engine is being restarted',
    })) as { silenceID: string };
    const silenced = await waitFor('the silence on the alert', async () =>
      (await readAlerts()).find((a) => a.name === 'RtesP99Critical' && a.silence),
    );
    expect(silenced.silence).toEqual({
      id: silenceID,
      until: expect.any(String),
      by: 'alice',
      comment: 'INC-4: known, the engine is being restarted',
    });
    expect(Math.abs(Date.parse(silenced.silence!.until) - Date.parse(endsAt))).toBeLessThan(1000);
    // Still listed: a silenced alert is not a cleared one.
    expect((await readAlerts()).map((a) => a.name).sort()).toEqual(['RtesP99Critical', 'VenueSilent']);
  });

  test('an Alertmanager that is gone: connection refused, said so', async () => {
    alertmanager.kill('SIGKILL');
    await waitFor(
      'Alertmanager gone',
      async () =>
        (await fetch(url).then(
          () => false,
          () => true,
        )) || undefined,
    );
    if (!('alertmanager' in section.from)) throw new Error('not an alertmanager read');
    expect(await performRead(section.from, ctx())).toMatchObject({
      ok: false,
      problem: 'am alerts: connection refused',
    });
  });
});
