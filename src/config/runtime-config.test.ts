import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { server } from '../testing/msw-server.ts';
import { loadRuntimeConfig } from './runtime-config.ts';

const serve = (body: string, status = 200) =>
  server.use(http.get('/config.json', () => new HttpResponse(body, { status })));

describe('runtime configuration', () => {
  test('a valid file is loaded, with defaults for what it leaves out', async () => {
    serve(JSON.stringify({ apiBaseUrl: 'https://trading.example/api/v1' }));
    expect(await loadRuntimeConfig()).toEqual({
      ok: true,
      config: { apiBaseUrl: 'https://trading.example/api/v1', staleAfterMs: 3000, fallbackPollMs: 1000 },
    });
  });

  test.each([
    ['{"apiBaseUrl": ', /config\.json: not valid JSON/],
    ['{}', /config\.json: apiBaseUrl/],
    ['{"apiBaseUrl": "/api", "fallbackPollMs": 100}', /fallbackPollMs/],
    ['{"apiBaseUrl": "/api", "staleAfterMS": 100}', /staleAfterMS/],
  ])('an invalid file (%s) is refused, saying what is wrong', async (body, message) => {
    serve(body);
    const result = await loadRuntimeConfig();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  test('a missing file is refused with its HTTP status', async () => {
    serve('not here', 404);
    expect(await loadRuntimeConfig()).toEqual({ ok: false, error: '/config.json answered HTTP 404' });
  });
});
