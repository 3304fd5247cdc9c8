// SMC's halt is a Redis key, against a real redis-server: the halt sets emergency_halt with its
// one-hour expiry, the resume deletes it — each read back from Redis itself — and the board
// shows the engine's own state, with when the halt lapses by itself.
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, test } from 'vitest';
import { SystemConnector } from '../connector/engine/system-connector.ts';
import { loadProfileFile } from '../connector/profile/load.ts';
import { TEST_TIMEOUT_MS, waitFor } from '../http-kit/testing/wait.ts';
import { personalityFactory } from '../sim/personalities/testing/personality-process.ts';
import { HAS_REDIS, redisFactory } from '../sim/personalities/testing/redis-server.ts';

const startRedis = redisFactory();
const start = personalityFactory();
const closing: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

/** A Redis, the SMC personality watching it, and a connector reading both through smc.yaml. */
async function connectSmc() {
  const redis = await startRedis();
  const running = await start('smc', ['--redis', redis.url]);
  const loaded = loadProfileFile(fileURLToPath(new URL('./smc.yaml', import.meta.url)), {
    SMC_API_URL: running.services.api ?? '',
    SMC_BINANCE_URL: running.services.binance ?? '',
    SMC_BYBIT_URL: running.services.bybit ?? '',
    SMC_REDIS_URL: redis.url,
  });
  if (!loaded.ok) throw new Error(loaded.error);
  const connector = new SystemConnector({ loaded: loaded.loaded });
  connector.start();
  closing.push(() => connector.stop());
  await waitFor('reachable', () => (connector.reachable ? true : undefined));
  return { redis, connector };
}

describe.skipIf(!HAS_REDIS)(
  `SMC's halt through Redis${HAS_REDIS ? '' : ' (skipped: redis-server is not installed; npm test installs it)'}`,
  { timeout: TEST_TIMEOUT_MS },
  () => {
    test('halt sets emergency_halt for an hour, resume deletes it; both read back from Redis, and shown', async () => {
      const { redis, connector } = await connectSmc();
      const client = new Redis(redis.url);
      closing.push(() => client.quit());

      expect(
        await connector.command({
          key: 'key-smc-halt-01',
          controlId: 'halt',
          reason: 'drill',
          operator: 'dana',
        }),
      ).toMatchObject({
        kind: 'executed',
        receipt: { expectedTradingState: 'HALTED' },
      });
      expect(await client.get('emergency_halt')).toBe('true');
      const ttl = await client.ttl('emergency_halt');
      expect(ttl).toBeGreaterThan(3590);
      expect(ttl).toBeLessThanOrEqual(3600);
      // Confirmed only once the engine itself has obeyed the key.
      const halted = await waitFor('the engine halted', () => {
        const state = connector.snapshot()?.tradingState;
        return state?.state === 'HALTED' && state.reason.includes('lapses by itself at') ? state : undefined;
      });
      const lapse = /lapses by itself at (\d\d):(\d\d):(\d\d) UTC/.exec(halted.reason);
      const lapseAt = new Date();
      lapseAt.setUTCHours(Number(lapse?.[1]), Number(lapse?.[2]), Number(lapse?.[3]), 0);
      const inMs = (lapseAt.getTime() - Date.now() + 86_400_000) % 86_400_000;
      expect(inMs).toBeGreaterThan(3_580_000);
      expect(inMs).toBeLessThanOrEqual(3_601_000);

      expect(
        (
          await connector.command({
            key: 'key-smc-resume1',
            controlId: 'resume',
            reason: 'checks clean',
            operator: 'dana',
          })
        ).kind,
      ).toBe('executed');
      expect(await client.exists('emergency_halt')).toBe(0);
      await waitFor('trading again, with no lapse left', () => {
        const state = connector.snapshot()?.tradingState;
        return state?.state === 'ACTIVE' && !state.reason.includes('lapses') ? true : undefined;
      });
    });

    test('with Redis down, the halt is refused as not delivered, never confirmed', async () => {
      const { redis, connector } = await connectSmc();
      await redis.stop();
      const outcome = await waitFor('a refusal', async () => {
        const o = await connector.command({
          key: 'key-smc-down-01',
          controlId: 'halt',
          reason: 'drill',
          operator: 'dana',
        });
        return o.kind === 'unreachable' ? o : undefined;
      });
      expect(outcome).toMatchObject({ status: 503, detail: expect.stringContaining('was not delivered') });
      expect(connector.snapshot()?.tradingState.state).toBe('ACTIVE');
    });
  },
);
