// Matching a method and path against a table of routes such as `/warroom/v1/incidents/:incidentId`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpProblem } from './respond.ts';

export type Params = Record<string, string>;

export interface Route<C> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  pattern: string;
  handle(ctx: C, req: IncomingMessage, res: ServerResponse, params: Params, url: URL): Promise<void>;
}

export type Match<C> = { route: Route<C>; params: Params } | { allowed: string[] } | null;

function matchPattern(pattern: string, pathname: string): Params | null {
  const want = pattern.split('/');
  const have = pathname.split('/');
  if (want.length !== have.length) return null;
  const params: Params = {};
  for (const [index, part] of want.entries()) {
    const value = have[index] ?? '';
    if (part.startsWith(':')) {
      if (value === '') return null;
      try {
        params[part.slice(1)] = decodeURIComponent(value);
      } catch {
        throw new HttpProblem(
          400,
          'Bad Request',
          `the path segment "${value}" is not valid percent-encoding`,
        );
      }
    } else if (part !== value) return null;
  }
  return params;
}

/** The route for the request; else the methods the path allows (a 405), or null (a 404). */
export function matchRoute<C>(routes: readonly Route<C>[], method: string, pathname: string): Match<C> {
  const allowed: string[] = [];
  for (const route of routes) {
    const params = matchPattern(route.pattern, pathname);
    if (!params) continue;
    if (route.method === method) return { route, params };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { allowed } : null;
}
