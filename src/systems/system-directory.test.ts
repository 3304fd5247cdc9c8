import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { server } from '../testing/msw-server.ts';
import { readSystemDirectory } from './system-directory.ts';

const url = '/api/systems';
const rtes = {
  id: 'rtes',
  name: 'RTES',
  environment: 'production',
  reachable: false,
  problem: 'connection refused by 10.0.0.7:8443',
  lastContactAt: '2026-01-05T10:00:00.000Z',
  tradingState: null,
};

describe('the system list', () => {
  test('a list is read and validated', async () => {
    server.use(http.get(url, () => HttpResponse.json({ systems: [rtes] })));
    expect(await readSystemDirectory(url)).toEqual({ kind: 'listed', systems: [rtes] });
  });

  test.each([
    ['a 404 (the simulator straight behind /api)', () => new HttpResponse('no route', { status: 404 })],
    ['a page that is not JSON (a dev server’s index.html)', () => HttpResponse.html('<!doctype html><p>app')],
  ])('absent — %s — means no war-room server lists systems', async (_what, answer) => {
    server.use(http.get(url, answer));
    expect(await readSystemDirectory(url)).toEqual({ kind: 'unlisted' });
  });

  test('a list that breaks the contract is a failure, named with its path', async () => {
    server.use(http.get(url, () => HttpResponse.json({ systems: [{ ...rtes, reachable: 'no' }] })));
    await expect(readSystemDirectory(url)).rejects.toThrow(/system list: systems\[0\]\.reachable/);
  });

  test('no answer, or a 5xx, is a failure, not an absent list', async () => {
    server.use(http.get(url, () => HttpResponse.error()));
    await expect(readSystemDirectory(url)).rejects.toThrow('/api/systems: no connection');
    server.use(http.get(url, () => new HttpResponse(null, { status: 503 })));
    await expect(readSystemDirectory(url)).rejects.toThrow('/api/systems answered HTTP 503');
  });
});
