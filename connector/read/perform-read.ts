// Performs one read of a profile — an HTTP GET or a Redis key — and gives back what came, as a
// document JSONPath can query, or why nothing usable came, in words a commander can act on.
import type { Read } from '../profile/sources.ts';
import { parseExposition } from './prometheus-text.ts';
import type { RedisPool } from './redis-pool.ts';

export type ReadResult =
  | { ok: true; document: unknown; json: boolean; status: number; responseTimeMs: number; at: number }
  | { ok: false; problem: string; status: number | null; responseTimeMs: number; at: number };

export interface ReadContext {
  urls: Record<string, string>;
  /** Headers per http service, secrets already filled in. */
  headers: Record<string, Record<string, string>>;
  timeouts: Record<string, number>;
  redis: RedisPool;
  now(): number;
  fetch?: typeof fetch;
}

/** A struggling system can answer with anything; a board needs kilobytes, not gigabytes. */
export const MAX_ANSWER_BYTES = 5_000_000;

function describeFailure(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  if (cause?.code === 'ECONNREFUSED') return 'connection refused';
  if (cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET') return 'the connection was cut';
  return cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** Reads an answer's text, refusing it past MAX_ANSWER_BYTES without holding more in memory. */
async function boundedText(response: Response): Promise<string | null> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readHttp(
  read: Extract<Read, { http: unknown }>,
  ctx: ReadContext,
  started: number,
): Promise<ReadResult> {
  const { service, path, format } = read.http;
  const timeoutMs = ctx.timeouts[service] ?? 2000;
  const url = `${ctx.urls[service]}${path}`;
  const elapsed = () => ctx.now() - started;
  let response: Response;
  let text: string | null;
  try {
    response = await (ctx.fetch ?? globalThis.fetch)(url, {
      headers: { accept: format === 'json' ? 'application/json' : 'text/plain', ...ctx.headers[service] },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    text = await boundedText(response);
  } catch (error) {
    return {
      ok: false,
      problem: `${service} ${path}: ${describeFailure(error, timeoutMs)}`,
      status: null,
      responseTimeMs: elapsed(),
      at: ctx.now(),
    };
  }
  const base = { status: response.status, responseTimeMs: elapsed(), at: ctx.now() };
  if (text === null)
    return {
      ok: false,
      problem: `${service} ${path}: the answer is over ${MAX_ANSWER_BYTES / 1e6} MB`,
      ...base,
    };
  if (format === 'prometheus-text')
    return { ok: true, document: parseExposition(text).metrics, json: true, ...base };
  try {
    return { ok: true, document: JSON.parse(text) as unknown, json: true, ...base };
  } catch {
    // Not JSON: a health check still has a status to judge; a section refuses it (see usable()).
    return { ok: true, document: text, json: false, ...base };
  }
}

/**
 * What a section may use: a 2xx answer whose body was JSON (or exposition text, or a Redis
 * key); anything else, as a problem in words. Health probes judge every answer themselves.
 */
export function usable(
  result: ReadResult,
  what: string,
): { ok: true; document: unknown } | { ok: false; problem: string } {
  if (!result.ok) return result;
  if (result.status < 200 || result.status > 299)
    return { ok: false, problem: `${what}: HTTP ${result.status}` };
  if (!result.json) return { ok: false, problem: `${what}: the answer is not valid JSON` };
  return { ok: true, document: result.document };
}

async function readRedis(
  read: Extract<Read, { redis: unknown }>,
  ctx: ReadContext,
  started: number,
): Promise<ReadResult> {
  const { connection, key } = read.redis;
  try {
    const client = await ctx.redis.ready(connection);
    const [value, ttl] = await Promise.all([client.get(key), client.ttl(key)]);
    // TTL: -2 no key, -1 no expiry.
    const document = { exists: value !== null, value, ttlSeconds: ttl >= 0 ? ttl : null };
    return {
      ok: true,
      document,
      json: true,
      status: 200,
      responseTimeMs: ctx.now() - started,
      at: ctx.now(),
    };
  } catch (error) {
    return {
      ok: false,
      problem: `redis ${connection} (${key}): ${error instanceof Error ? error.message : String(error)}`,
      status: null,
      responseTimeMs: ctx.now() - started,
      at: ctx.now(),
    };
  }
}

export function performRead(read: Read, ctx: ReadContext): Promise<ReadResult> {
  const started = ctx.now();
  return 'http' in read ? readHttp(read, ctx, started) : readRedis(read, ctx, started);
}
