// Everything under /warroom/: the store's own API.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { streamRoute } from '../feed/stream-route.ts';
import { sendProblem } from '../http/respond.ts';
import { matchRoute } from '../http/router.ts';
import type { ApiContext } from './context.ts';
import { readRoutes } from './read-routes.ts';
import { sessionRoutes } from './session-routes.ts';
import { writeRoutes } from './write-routes.ts';

const ROUTES = [...readRoutes, streamRoute, ...writeRoutes, ...sessionRoutes];

export async function handleApi(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, url: URL) {
  const method = req.method ?? 'GET';
  const match = matchRoute(ROUTES, method, url.pathname);
  if (match === null)
    return sendProblem(
      res,
      404,
      'Not Found',
      `the war-room store has no ${url.pathname} (see contract/war-room-store.yaml)`,
    );
  if ('allowed' in match)
    return sendProblem(
      res,
      405,
      'Method Not Allowed',
      `${url.pathname} takes ${match.allowed.join(', ')}, not ${method}`,
      { allow: match.allowed.join(', ') },
    );
  await match.route.handle(ctx, req, res, match.params, url);
}
