import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { TEST_TIMEOUT_MS, call, declare, storeFactory, tempDir } from '../test-support.ts';

const startStore = storeFactory();
const removals: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const remove of removals.splice(0)) await remove();
});

const INDEX = '<!doctype html><title>War room</title><div id="root"></div>';

/** A built dashboard as Vite lays it out, beside a file that must never be served. */
async function builtDashboard(): Promise<string> {
  const dir = await tempDir();
  removals.push(dir.remove);
  const dist = join(dir.path, 'dist');
  await mkdir(join(dist, 'assets'), { recursive: true });
  await writeFile(join(dist, 'index.html'), INDEX);
  await writeFile(join(dist, 'assets', 'index-Ab12Cd.js'), 'console.log("board");');
  await writeFile(join(dist, 'assets', 'index-Ef34Gh.css'), 'body{margin:0}');
  await writeFile(join(dist, 'config.json'), '{"apiBaseUrl":"/api/v1"}');
  await writeFile(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(dir.path, 'secret.txt'), 'not for the browser');
  return dist;
}

describe('serving the built dashboard (--static)', { timeout: TEST_TIMEOUT_MS }, () => {
  test('files with their content types and cache rules', async () => {
    const store = await startStore({ staticDir: await builtDashboard() });
    const expectations = [
      ['/', 'text/html; charset=utf-8', 'no-cache', INDEX],
      ['/index.html', 'text/html; charset=utf-8', 'no-cache', INDEX],
      [
        '/assets/index-Ab12Cd.js',
        'text/javascript; charset=utf-8',
        'public, max-age=31536000, immutable',
        'console.log("board");',
      ],
      [
        '/assets/index-Ef34Gh.css',
        'text/css; charset=utf-8',
        'public, max-age=31536000, immutable',
        'body{margin:0}',
      ],
      ['/config.json', 'application/json; charset=utf-8', 'no-store', '{"apiBaseUrl":"/api/v1"}'],
      ['/favicon.svg', 'image/svg+xml', 'no-cache', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
    ] as const;
    for (const [path, type, cache, text] of expectations) {
      const answer = await call(store.url(path));
      expect([
        path,
        answer.status,
        answer.headers.get('content-type'),
        answer.headers.get('cache-control'),
        answer.text,
      ]).toEqual([path, 200, type, cache, text]);
    }
  });

  test('unknown app routes get index.html; missing files and paths outside the folder are 404', async () => {
    const store = await startStore({ staticDir: await builtDashboard() });
    for (const path of ['/incidents/INC-4', '/board', '/drill/'])
      expect(await call(store.url(path))).toMatchObject({ status: 200, text: INDEX });
    for (const path of [
      '/assets/index-Old999.js',
      '/missing.css',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
    ]) {
      const answer = await call(store.url(path));
      expect([path, answer.status]).toEqual([path, 404]);
      expect(answer.text).not.toContain('not for the browser');
    }
    const post = await call(store.url('/index.html'), { method: 'POST' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });

  test('the store API is served beside it, never swallowed by the index.html fallback', async () => {
    const store = await startStore({ staticDir: await builtDashboard() });
    const incident = await declare(store);
    expect((await call(store.api(`/incidents/${incident.id}`))).body).toEqual(incident);
    expect((await call(store.api('/nothing-here'))).status).toBe(404);
    expect((await call(store.url('/api/v1/status'))).body).toMatchObject({
      status: 404,
      detail: 'this store forwards /api to no trading system: start it with --trading-api <url>',
    });
  });

  test('without --static nothing but the API is served', async () => {
    const store = await startStore();
    expect((await call(store.url('/'))).body).toMatchObject({
      status: 404,
      detail: 'nothing is served at / (no --static directory)',
    });
  });
});
