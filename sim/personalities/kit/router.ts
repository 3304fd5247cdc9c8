// Finding the route for a method and path. Paths are matched segment by segment on the raw
// (still percent-encoded) text; only parameters are decoded, so percent-garbage in a parameter
// is a 400 that names it, and elsewhere it simply matches no route.
import { NativeProblem, badRequest } from './problem.ts';
import type { Route } from './types.ts';

export type RouteMatch = { route: Route; params: Record<string, string> };

const segments = (path: string) => path.split('/').slice(1);

function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = segments(pattern);
  const got = segments(path);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) {
      if (g === '') return null;
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        throw badRequest(`the path segment "${g.slice(0, 80)}" is not valid percent-encoding`);
      }
    } else if (w !== g) return null;
  }
  return params;
}

/**
 * The route serving `method` at `path`. HEAD is served by the GET route (without the body).
 * Throws a 404 when no route has the path, a 405 (with Allow) when others have it.
 */
export function findRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  const wanted = method === 'HEAD' ? 'GET' : method;
  const allowed: string[] = [];
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (params === null) continue;
    if (route.method === wanted) return { route, params };
    allowed.push(route.method);
  }
  if (allowed.length === 0) throw new NativeProblem(404, `no endpoint ${path.slice(0, 200)}`);
  if (allowed.includes('GET')) allowed.push('HEAD');
  return methodNotAllowed(method, allowed);
}

function methodNotAllowed(method: string, allowed: string[]): never {
  throw new NativeProblem(405, `${method.slice(0, 16)} is not served here; use ${allowed.join(', ')}`, {
    allow: allowed.join(', '),
  });
}
