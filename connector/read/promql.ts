// PromQL through Prometheus' HTTP API (/api/v1/query, /api/v1/query_range), turned into one
// document a section maps with JSONPath like any other answer. Three shapes:
//   plain      { <query>: number | null }              each query's vector summed, as `sum` would
//   by: LABEL  [{ <LABEL>: value, <query>: number|null }] one row per label value, the queries side by side
//   windows    [{ start, end, <query>: number | null }]  one row per step, times in Unix seconds
// A query Prometheus refuses (bad PromQL, a timeout) fails the read with Prometheus' own words;
// so does an answer where every query came back empty, which would otherwise read as a calm
// market. The first windowed read fills its history with one range query per query.
import type { PromqlRead } from '../profile/sources.ts';

export interface PromqlContext {
  url: string;
  headers: Record<string, string>;
  timeoutMs: number;
  fetch: typeof fetch;
}

type Labels = Record<string, string>;
interface Series {
  labels: Labels;
  /** [unix seconds, value] pairs; one for an instant query. */
  points: [number, number][];
}

export class PromqlError extends Error {}

const number = (raw: unknown): number => (typeof raw === 'string' ? Number(raw) : NaN);

/** One API call; its data, or a PromqlError in Prometheus' words. */
async function call(ctx: PromqlContext, path: string, params: Record<string, string>, what: string) {
  const response = await ctx.fetch(`${ctx.url}${path}?${new URLSearchParams(params)}`, {
    headers: { accept: 'application/json', ...ctx.headers },
    signal: AbortSignal.timeout(ctx.timeoutMs),
    redirect: 'error',
  });
  const text = await response.text();
  let body: { status?: string; errorType?: string; error?: string; data?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new PromqlError(`${what}: HTTP ${response.status}, not a Prometheus answer`);
  }
  if (body.status !== 'success')
    throw new PromqlError(
      `${what}: ${body.errorType ?? `HTTP ${response.status}`}: ${body.error ?? 'no reason given'}`,
    );
  return body.data as { resultType?: string; result?: unknown };
}

/** The series of a vector, matrix or scalar result. */
function seriesOf(data: { resultType?: string; result?: unknown }, what: string): Series[] {
  const { resultType, result } = data;
  if (resultType === 'scalar' && Array.isArray(result))
    return [{ labels: {}, points: [[Number(result[0]), number(result[1])]] }];
  if (!Array.isArray(result)) throw new PromqlError(`${what}: the answer has no result`);
  return result.map((raw) => {
    const r = raw as { metric?: Labels; value?: [number, string]; values?: [number, string][] };
    const pairs = resultType === 'matrix' ? (r.values ?? []) : r.value ? [r.value] : [];
    return {
      labels: r.metric ?? {},
      points: pairs.map(([t, v]): [number, number] => [Number(t), number(v)]),
    };
  });
}

/** NaN and ±Inf are Prometheus' "no figure" (e.g. a quantile of nothing): null, not a number. */
const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);

function sumAt(series: Series[], index = 0): number | null {
  const values = series.map((s) => s.points[index]?.[1]).filter((v): v is number => v !== undefined);
  if (values.length === 0) return null;
  return finite(values.reduce((a, b) => a + b, 0));
}

export class PromqlReader {
  readonly #read: PromqlRead;
  readonly #stepMs: number;
  #filled = false;

  constructor(read: PromqlRead, stepMs: number) {
    this.#read = read;
    this.#stepMs = stepMs;
  }

  async read(ctx: PromqlContext, now: number): Promise<unknown> {
    const queries = Object.entries(this.#read.queries);
    const names = queries.map(([name]) => name);
    const step = this.#stepMs / 1000;
    // Step-aligned, so two reads in one step name the same window rather than two.
    const at = Math.floor(now / this.#stepMs) * step;
    const windows = this.#read.windows;
    const history = windows && !this.#filled ? windows.historySeconds : 0;
    const answers = await Promise.all(
      queries.map(async ([name, query]) => {
        const what = `query ${name}`;
        const data =
          history > 0
            ? await call(
                ctx,
                '/api/v1/query_range',
                { query, start: String(at - history), end: String(at), step: String(step) },
                what,
              )
            : await call(ctx, '/api/v1/query', { query, time: String(at) }, what);
        return [name, seriesOf(data, what)] as const;
      }),
    );
    if (answers.every(([, series]) => series.every((s) => s.points.length === 0)))
      throw new PromqlError(
        `every query returned an empty result (${names.join(', ')}): Prometheus has no data for them`,
      );
    if (windows) {
      this.#filled = true;
      return this.#windows(answers, at, step);
    }
    const by = this.#read.by;
    if (by === undefined) return Object.fromEntries(answers.map(([name, series]) => [name, sumAt(series)]));
    const rows = new Map<string, Record<string, unknown>>();
    for (const [name, series] of answers)
      for (const s of series) {
        const key = s.labels[by];
        if (key === undefined) continue;
        const row = rows.get(key) ?? { [by]: key, labels: s.labels };
        const value = finite(s.points[0]?.[1] ?? NaN);
        row[name] = typeof row[name] === 'number' && value !== null ? (row[name] as number) + value : value;
        rows.set(key, row);
      }
    return [...rows.values()].sort((a, b) => String(a[by]).localeCompare(String(b[by])));
  }

  /** Rows per step end, each query's summed value at it (null where it has none). */
  #windows(answers: (readonly [string, Series[]])[], at: number, step: number): unknown[] {
    const ends = new Set<number>([at]);
    for (const [, series] of answers) for (const s of series) for (const [t] of s.points) ends.add(t);
    return [...ends]
      .sort((a, b) => a - b)
      .map((end) => {
        const row: Record<string, unknown> = { start: end - step, end };
        for (const [name, series] of answers) {
          const values = series
            .map((s) => s.points.find(([t]) => t === end)?.[1])
            .filter((v): v is number => v !== undefined);
          row[name] = values.length === 0 ? null : finite(values.reduce((a, b) => a + b, 0));
        }
        return row;
      })
      .filter((row) => names(row).some((k) => row[k] !== null));
  }
}

const names = (row: Record<string, unknown>) => Object.keys(row).filter((k) => k !== 'start' && k !== 'end');
