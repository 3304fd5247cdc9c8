import type { z } from 'zod';
import {
  auditPageSchema,
  changePageSchema,
  checklistSchema,
  incidentListSchema,
  incidentSchema,
  problemSchema,
  savedPlaybookListSchema,
  timelineSchema,
} from '../../contract/store-schemas.ts';
import { parseJsonText, parseOrExplain } from '../../contract/validate.ts';

// Reads from the war-room store. Every answer is validated before it reaches the query cache:
// the store is ours, but a proxy in front of it answering HTML, or a store of another version,
// must be named on the board rather than shown as data.

export type StoreFetch = typeof fetch;

const defaultFetch: StoreFetch = (input, init) => globalThis.fetch(input, init);

/** The store could not be asked: no connection, no answer in time, or a 5xx/408/429. */
export class StoreUnreachable extends Error {}

/** The store answered, and said no (or said something unusable). */
export class StoreRefused extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** 4xx other than 408 and 429 will not change by asking again. */
export function isPermanentStatus(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** The problem document's `detail`, or the status when the body is not one. */
export function problemText(status: number, text: string): string {
  const json = parseJsonText(text, 'problem');
  const problem = json.ok ? problemSchema.safeParse(json.value) : null;
  return problem?.success ? problem.data.detail : `the store answered HTTP ${status}`;
}

export async function storeRequest(
  url: string,
  init: RequestInit,
  timeoutMs: number,
  fetchImpl: StoreFetch = defaultFetch,
): Promise<{ status: number; text: string; replayed: boolean }> {
  let response: Response;
  try {
    response = await fetchImpl(url, { cache: 'no-store', signal: AbortSignal.timeout(timeoutMs), ...init });
  } catch (error) {
    const name = (error as { name?: unknown } | null)?.name;
    throw new StoreUnreachable(
      name === 'TimeoutError'
        ? `the store did not answer within ${timeoutMs / 1000} s`
        : 'the store is unreachable',
    );
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw new StoreUnreachable('the connection to the store broke mid-answer');
  }
  // The store answers a repeated Idempotency-Key with the reply it recorded the first time, and
  // says so: that body was true then, and may not be now.
  return { status: response.status, text, replayed: response.headers.get('idempotent-replayed') === 'true' };
}

/** GETs a store path and validates the answer; throws StoreUnreachable or StoreRefused. */
export async function readStore<T>(
  baseUrl: string,
  path: string,
  schema: z.ZodType<T>,
  what: string,
  fetchImpl?: StoreFetch,
): Promise<T> {
  const { status, text } = await storeRequest(
    `${baseUrl}${path}`,
    { headers: { accept: 'application/json' } },
    5000,
    fetchImpl,
  );
  if (status < 200 || status >= 300) {
    if (!isPermanentStatus(status)) throw new StoreUnreachable(`the store answered HTTP ${status}`);
    throw new StoreRefused(status, `${what}: ${problemText(status, text)}`);
  }
  const json = parseJsonText(text, what);
  const parsed = json.ok ? parseOrExplain(schema, json.value, what) : json;
  if (!parsed.ok) throw new StoreRefused(status, parsed.error);
  return parsed.value;
}

const incidentPath = (id: string) => `/incidents/${encodeURIComponent(id)}`;

export const storeReads = {
  incidents: (baseUrl: string, fetchImpl?: StoreFetch) =>
    readStore(baseUrl, '/incidents?status=all', incidentListSchema, 'incidents', fetchImpl),
  incident: (baseUrl: string, id: string, fetchImpl?: StoreFetch) =>
    readStore(baseUrl, incidentPath(id), incidentSchema, `incident ${id}`, fetchImpl),
  timeline: (baseUrl: string, id: string, fetchImpl?: StoreFetch) =>
    readStore(baseUrl, `${incidentPath(id)}/timeline`, timelineSchema, `timeline of ${id}`, fetchImpl),
  checklist: (baseUrl: string, id: string, fetchImpl?: StoreFetch) =>
    readStore(baseUrl, `${incidentPath(id)}/checklist`, checklistSchema, `checklist of ${id}`, fetchImpl),
  audit: (baseUrl: string, id: string, fetchImpl?: StoreFetch) =>
    readStore(baseUrl, `${incidentPath(id)}/audit`, auditPageSchema, `audit of ${id}`, fetchImpl),
  playbooks: (baseUrl: string, fetchImpl?: StoreFetch) =>
    readStore(baseUrl, '/playbooks', savedPlaybookListSchema, 'saved playbooks', fetchImpl),
  changes: (baseUrl: string, after: number, fetchImpl?: StoreFetch) =>
    readStore(baseUrl, `/changes?after=${after}&limit=500`, changePageSchema, 'changes', fetchImpl),
};
