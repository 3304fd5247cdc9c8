// The Prometheus beside EAFIX (:9090), which the seed asks for `up` over the last hour. Only
// `up` (optionally `up{job="…"}`) is served: one series per service, 1 while its health check
// answers (healthy or degraded), 0 while it is down, from the model's service history.
// Prometheus stands outside the trading system: it keeps answering when the system crashes.
import type { StreamEvent } from '../../model/types.ts';
import { badRequest } from '../kit/problem.ts';
import { parseDuration } from '../kit/query.ts';

export interface UpTarget {
  job: string;
  port: number;
}

/** Each service's changes of `up`, oldest first: [epoch ms, 0 or 1]. */
export function upHistory(events: readonly StreamEvent[]): Map<string, [number, number][]> {
  const changes = new Map<string, [number, number][]>();
  for (const e of events) {
    if (e.type !== 'service.changed') continue;
    const list = changes.get(e.service.id) ?? [];
    list.push([Date.parse(e.at), e.service.health === 'DOWN' ? 0 : 1]);
    changes.set(e.service.id, list);
  }
  return changes;
}

function upAt(changes: readonly [number, number][] | undefined, t: number): number {
  let value = 1;
  for (const [at, v] of changes ?? []) if (at <= t) value = v;
  return value;
}

/** A time as Prometheus takes it: RFC 3339 or Unix seconds. */
export function promTime(raw: string | null, name: string, fallback?: number): number {
  if (raw === null || raw === '') {
    if (fallback !== undefined) return fallback;
    throw badRequest(`invalid parameter "${name}": cannot parse "" to a valid timestamp`);
  }
  const seconds = Number(raw);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(raw);
  if (!Number.isFinite(ms))
    throw badRequest(`invalid parameter "${name}": cannot parse "${raw.slice(0, 40)}" to a valid timestamp`);
  return ms;
}

/** The jobs a query selects: `up`, or `up{job="x"}`; anything else is refused. */
export function selectJobs(query: string | null, targets: readonly UpTarget[]): UpTarget[] {
  const q = (query ?? '').trim();
  if (q === 'up') return [...targets];
  const match = /^up\{\s*job\s*=\s*"([^"]*)"\s*\}$/.exec(q);
  if (match) return targets.filter((t) => t.job === match[1]);
  throw badRequest(
    `the simulated Prometheus serves only the metric up (or up{job="…"}), not "${q.slice(0, 80)}"`,
  );
}

const labels = (t: UpTarget) => ({ __name__: 'up', job: t.job, instance: `${t.job}:${t.port}` });
const MAX_POINTS = 11_000;

export function instantQuery(
  targets: readonly UpTarget[],
  history: Map<string, [number, number][]>,
  t: number,
) {
  return {
    status: 'success',
    data: {
      resultType: 'vector',
      result: targets.map((target) => ({
        metric: labels(target),
        value: [t / 1000, String(upAt(history.get(target.job), t))],
      })),
    },
  };
}

export function rangeQuery(
  targets: readonly UpTarget[],
  history: Map<string, [number, number][]>,
  params: URLSearchParams,
) {
  const start = promTime(params.get('start'), 'start');
  const end = promTime(params.get('end'), 'end');
  const stepRaw = params.get('step') ?? '';
  const step = parseDuration(stepRaw);
  if (step === null)
    throw badRequest(`invalid parameter "step": cannot parse "${stepRaw.slice(0, 40)}" to a valid duration`);
  if (end < start) throw badRequest('end timestamp must not be before start time');
  if ((end - start) / step > MAX_POINTS)
    throw badRequest(
      'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)',
    );
  const times: number[] = [];
  for (let t = start; t <= end; t += step) times.push(t);
  return {
    status: 'success',
    data: {
      resultType: 'matrix',
      result: targets.map((target) => ({
        metric: labels(target),
        values: times.map((t) => [t / 1000, String(upAt(history.get(target.job), t))]),
      })),
    },
  };
}
