// The SMC trading engine's watch on Redis: every 250 ms it reads `emergency_halt` (and its TTL)
// and applies the halt rule to the model. Redis may be down or never come: the watch keeps
// trying, says so in /health, and leaves the trading state as it last knew it (a halt must not
// lift because the key cannot be read). A crashed engine watches nothing; it catches up when
// it is back.
import { Redis } from 'ioredis';
import type { Simulator } from '../../model/simulator.ts';
import { runControl } from '../kit/control.ts';
import { HALT_BY, HALT_KEY, haltAction } from './halt-rule.ts';

export const POLL_MS = 250;

export interface HaltWatchStatus {
  /** The Redis it reads, without any credentials; null when none was given. */
  url: string | null;
  connected: boolean;
  lastError: string | null;
  /** Simulated epoch ms of the last successful read. */
  lastReadAt: number | null;
  key: { present: boolean; value: string | null; ttlSeconds: number | null } | null;
}

export interface HaltWatch {
  status(): HaltWatchStatus;
  stop(): Promise<void>;
}

function withoutCredentials(raw: string): string {
  const url = new URL(raw);
  url.username = '';
  url.password = '';
  return url.toString().replace(/\/$/, '');
}

export function watchHaltKey(sim: Simulator, redisUrl: string | undefined): HaltWatch {
  if (redisUrl === undefined)
    return {
      status: () => ({ url: null, connected: false, lastError: null, lastReadAt: null, key: null }),
      stop: async () => {},
    };
  const status: HaltWatchStatus = {
    url: withoutCredentials(redisUrl),
    connected: false,
    lastError: null,
    lastReadAt: null,
    key: null,
  };
  // No offline queue: a read while Redis is away fails at once instead of piling up.
  const redis = new Redis(redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    retryStrategy: () => 500,
  });
  redis.on('ready', () => {
    status.connected = true;
    status.lastError = null;
  });
  redis.on('error', (error: Error) => {
    status.lastError = error.message || error.name;
  });
  redis.on('close', () => {
    status.connected = false;
    // Until a reconnect fails with a reason of its own, the close is the news.
    status.lastError ??= 'the connection to Redis closed';
  });

  let reading = false;
  async function poll(): Promise<void> {
    if (reading) return;
    reading = true;
    try {
      const [value, ttl] = await Promise.all([redis.get(HALT_KEY), redis.ttl(HALT_KEY)]);
      status.key = { present: value !== null, value, ttlSeconds: value !== null && ttl >= 0 ? ttl : null };
      status.lastReadAt = sim.now();
      if (!sim.apiAnswering) return;
      const action = haltAction(value !== null, sim.tradingState);
      if (action === 'halt')
        runControl(sim, { controlId: 'halt', reason: `${HALT_KEY} is set in Redis`, by: HALT_BY });
      if (action === 'resume')
        runControl(sim, { controlId: 'resume', reason: `${HALT_KEY} was removed from Redis`, by: HALT_BY });
    } catch (error) {
      status.lastError = error instanceof Error ? error.message : String(error);
    } finally {
      reading = false;
    }
  }
  const timer = setInterval(() => void poll(), POLL_MS);

  return {
    status: () => ({ ...status, key: status.key ? { ...status.key } : null }),
    async stop() {
      clearInterval(timer);
      redis.disconnect();
    },
  };
}
