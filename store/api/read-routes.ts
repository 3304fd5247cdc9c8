// The store's reads. Every list says which change it is current as of, or is ordered by a
// sequence, so that a client can read, then follow the change feed from there.
import type { Incident } from '../../contract/store-schemas.ts';
import { intQuery } from '../http/query.ts';
import { HttpProblem, sendJson } from '../http/respond.ts';
import type { Params, Route } from '../http/router.ts';
import type { IncidentFilter } from '../storage/storage.ts';
import type { ApiContext } from './context.ts';

const BASE = '/warroom/v1';

function readRoute(
  pattern: string,
  run: (ctx: ApiContext, params: Params, url: URL) => Promise<unknown>,
): Route<ApiContext> {
  return {
    method: 'GET',
    pattern,
    async handle(ctx, _req, res, params, url) {
      sendJson(res, 200, await run(ctx, params, url));
    },
  };
}

async function incidentOr404(ctx: ApiContext, id: string): Promise<Incident> {
  const incident = await ctx.storage.incident(id);
  if (!incident) throw new HttpProblem(404, 'Not Found', `there is no incident ${id}`);
  return incident;
}

const FILTERS: readonly IncidentFilter[] = ['open', 'resolved', 'all'];

function incidentFilter(url: URL): IncidentFilter {
  const raw = url.searchParams.get('status') ?? 'all';
  const filter = FILTERS.find((candidate) => candidate === raw);
  if (!filter)
    throw new HttpProblem(
      400,
      'Bad Request',
      `\`status\` must be one of ${FILTERS.join(', ')}, got "${raw}"`,
    );
  return filter;
}

const page = (url: URL) => ({
  after: intQuery(url, 'after', { min: 0, fallback: 0 }),
  limit: intQuery(url, 'limit', { min: 1, max: 1000, fallback: 500 }),
});

export const readRoutes: readonly Route<ApiContext>[] = [
  readRoute(`${BASE}/health`, async (ctx) => ({ status: 'ok', ...(await ctx.storage.info()) })),
  readRoute(`${BASE}/incidents`, async (ctx, _params, url) => {
    const filter = incidentFilter(url);
    const { storeId } = await ctx.storage.info();
    return { storeId, ...(await ctx.storage.incidents(filter)) };
  }),
  readRoute(`${BASE}/incidents/:incidentId`, (ctx, { incidentId = '' }) => incidentOr404(ctx, incidentId)),
  readRoute(`${BASE}/incidents/:incidentId/timeline`, async (ctx, { incidentId = '' }) => {
    await incidentOr404(ctx, incidentId);
    return { incidentId, events: await ctx.storage.timeline(incidentId) };
  }),
  readRoute(`${BASE}/incidents/:incidentId/checklist`, async (ctx, { incidentId = '' }) => {
    await incidentOr404(ctx, incidentId);
    return ctx.storage.checklist(incidentId);
  }),
  readRoute(`${BASE}/incidents/:incidentId/audit`, async (ctx, { incidentId = '' }) => {
    await incidentOr404(ctx, incidentId);
    return { records: await ctx.storage.audit({ incidentId, after: 0, limit: Number.MAX_SAFE_INTEGER }) };
  }),
  readRoute(`${BASE}/audit`, async (ctx, _params, url) => ({ records: await ctx.storage.audit(page(url)) })),
  readRoute(`${BASE}/playbooks`, async (ctx) => {
    const { storeId } = await ctx.storage.info();
    return { storeId, ...(await ctx.storage.playbooks()) };
  }),
  readRoute(`${BASE}/changes`, async (ctx, _params, url) => {
    const after = intQuery(url, 'after', { min: 0 });
    const limit = intQuery(url, 'limit', { min: 1, max: 1000, fallback: 500 });
    // lastChangeId first: a change committed between the two reads then shows up in `changes`
    // past lastChangeId, never the other way round (a lastChangeId the page does not reach).
    const { storeId, lastChangeId } = await ctx.storage.info();
    const changes = await ctx.storage.changes(after, limit);
    return { storeId, changes, lastChangeId: Math.max(lastChangeId, changes.at(-1)?.id ?? 0) };
  }),
];
