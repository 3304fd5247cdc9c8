// Performs one read of a profile — an HTTP GET, a Redis key, PromQL on a Prometheus, the alerts
// of an Alertmanager — and gives back what came, as a document JSONPath can query, or why
// nothing usable came, in words a commander can act on.
import type { PromqlRead, Read } from '../profile/sources.ts';
import { parseExposition } from './prometheus-text.ts';
import { PromqlReader } from './promql.ts';
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

// One reader per promql read of a running connector: it remembers whether history was filled.
const promqlReaders = new WeakMap<PromqlRead, PromqlReader>();

/** A read that is not a plain GET (PromQL, Alertmanager): its document, or why not. */
async function readApi(
  service: string,
  what: string,
  ctx: ReadContext,
  started: number,
  get: (fetcher: typeof fetch, url: string, timeoutMs: number) => Promise<unknown>,
): Promise<ReadResult> {
  const timeoutMs = ctx.timeouts[service] ?? 2000;
  try {
    const document = await get(ctx.fetch ?? globalThis.fetch, ctx.urls[service] ?? '', timeoutMs);
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
      problem: `${service} ${what}: ${describeFailure(error, timeoutMs)}`,
      status: null,
      responseTimeMs: ctx.now() - started,
      at: ctx.now(),
    };
  }
}

function readPromql(read: Extract<Read, { promql: unknown }>, ctx: ReadContext, started: number) {
  const spec = read.promql;
  let reader = promqlReaders.get(spec);
  if (!reader) {
    reader = new PromqlReader(spec, read.everyMs ?? 1000);
    promqlReaders.set(spec, reader);
  }
  const it = reader;
  return readApi(spec.service, 'PromQL', ctx, started, (fetcher, url, timeoutMs) =>
    it.read({ url, headers: ctx.headers[spec.service] ?? {}, timeoutMs, fetch: fetcher }, ctx.now()),
  );
}

function readAlertmanager(read: Extract<Read, { alertmanager: unknown }>, ctx: ReadContext, started: number) {
  const { service, filter } = read.alertmanager;
  return readApi(service, 'alerts', ctx, started, async (fetcher, url, timeoutMs) => {
    // Silenced and inhibited alerts too: the board shows them as such rather than hiding them.
    const params = new URLSearchParams({ active: 'true', silenced: 'true', inhibited: 'true' });
    for (const matcher of filter) params.append('filter', matcher);
    const response = await fetcher(`${url}/api/v2/alerts?${params}`, {
      headers: { accept: 'application/json', ...ctx.headers[service] },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    const text = await boundedText(response);
    if (text === null) throw new Error(`the answer is over ${MAX_ANSWER_BYTES / 1e6} MB`);
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
    const alerts = JSON.parse(text) as unknown;
    if (!Array.isArray(alerts)) throw new Error('the answer is not a list of alerts');
    const silenced = alerts.some(
      (a) => ((a as { status?: { silencedBy?: unknown[] } }).status?.silencedBy ?? []).length > 0,
    );
    if (!silenced) return alerts;
    return withSilences(alerts, await silencesOf(fetcher, url, ctx.headers[service] ?? {}, timeoutMs));
  });
}

interface AmSilence {
  id?: string;
  endsAt?: string;
  createdBy?: string;
  comment?: string;
}

/** Alertmanager's silences by id (only when an alert is silenced is this asked). */
async function silencesOf(
  fetcher: typeof fetch,
  url: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<Map<string, AmSilence>> {
  const response = await fetcher(`${url}/api/v2/silences`, {
    headers: { accept: 'application/json', ...headers },
    signal: AbortSignal.timeout(timeoutMs),
    redirect: 'error',
  });
  const text = await boundedText(response);
  if (!response.ok || text === null) throw new Error(`silences: HTTP ${response.status}`);
  const list = JSON.parse(text) as unknown;
  return new Map(
    (Array.isArray(list) ? (list as AmSilence[]) : []).flatMap((s) => (s.id ? [[s.id, s] as const] : [])),
  );
}

/** Each silenced alert with the silence that holds it, as `silence` beside its `status`. */
function withSilences(alerts: unknown[], silences: Map<string, AmSilence>): unknown[] {
  return alerts.map((raw) => {
    const alert = raw as { status?: { silencedBy?: unknown } };
    const ids = Array.isArray(alert.status?.silencedBy) ? (alert.status.silencedBy as string[]) : [];
    // The one that lasts longest is the one that decides until when it stays quiet.
    const held = ids
      .map((id) => silences.get(id))
      .filter((s): s is AmSilence => s !== undefined)
      .sort((a, b) => (a.endsAt ?? '').localeCompare(b.endsAt ?? ''))
      .at(-1);
    return held ? { ...alert, silence: held } : alert;
  });
}

export function performRead(read: Read, ctx: ReadContext): Promise<ReadResult> {
  const started = ctx.now();
  if ('http' in read) return readHttp(read, ctx, started);
  if ('promql' in read) return readPromql(read, ctx, started);
  if ('alertmanager' in read) return readAlertmanager(read, ctx, started);
  return readRedis(read, ctx, started);
}
