import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { server } from '../testing/msw-server.ts';
import { loadRuntimeConfig, thresholdsFor } from './runtime-config.ts';
import { thresholdPresets } from './thresholds.ts';

const serve = (body: string, status = 200) =>
  server.use(http.get('/config.json', () => new HttpResponse(body, { status })));

describe('runtime configuration', () => {
  test('a valid file is loaded, with defaults for what it leaves out', async () => {
    serve(JSON.stringify({ apiBaseUrl: 'https://trading.example/api/v1' }));
    expect(await loadRuntimeConfig()).toEqual({
      ok: true,
      config: {
        apiBaseUrl: 'https://trading.example/api/v1',
        systemsUrl: '/api/systems',
        staleAfterMs: 3000,
        fallbackPollMs: 1000,
        thresholds: thresholdPresets.rtes,
        systems: {},
        storeBaseUrl: '/warroom/v1',
        controls: { holdMs: 600, confirmDeadlineMs: 3000, requestTimeoutMs: 4000 },
      },
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

  test('thresholds can differ per trading system, by the id its API reports', async () => {
    serve(JSON.stringify({ apiBaseUrl: '/api', systems: { hft: { thresholds: { preset: 'hft' } } } }));
    const result = await loadRuntimeConfig();
    if (!result.ok) throw new Error(result.error);
    expect(thresholdsFor(result.config, 'hft')).toEqual(thresholdPresets.hft);
    expect(thresholdsFor(result.config, 'other')).toEqual(thresholdPresets.rtes);
  });

  test("a system's own thresholds (from its profile) apply unless config.json names others for it", async () => {
    serve(JSON.stringify({ apiBaseUrl: '/api', systems: { hft: { thresholds: { preset: 'hft' } } } }));
    const result = await loadRuntimeConfig();
    if (!result.ok) throw new Error(result.error);
    const own = { ...thresholdPresets.hft, marketDataDownAfterMs: 5000 };
    expect(thresholdsFor(result.config, 'made-up', own)).toEqual(own);
    expect(thresholdsFor(result.config, 'hft', own)).toEqual(thresholdPresets.hft);
  });

  test('a bad threshold in the file is named with its path', async () => {
    serve(JSON.stringify({ apiBaseUrl: '/api', thresholds: { preset: 'nasdaq' } }));
    const result = await loadRuntimeConfig();
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/thresholds\.preset: expected one of rtes, hft/),
    });
  });
});
