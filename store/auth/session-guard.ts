// The one check every route that needs a signed-in person makes:
//
//   const guarded = await ctx.auth.check(req, 'commander');
//   if (!guarded.ok) return sendGuardRefusal(res, guarded);
//   … guarded.person.name is who acts
//
// A request that changes something must come from the war room's own page: the cookie is
// SameSite=Strict, and the Origin check refuses what a browser sends for another site's page
// besides (and anything that does not say where it comes from).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { sendProblem } from '../http/respond.ts';
import type { SessionLookup } from './sessions.ts';

export interface Person {
  name: string;
  role: 'viewer' | 'commander';
}

export type Guarded =
  { ok: true; person: Person } | { ok: false; status: 401 | 403; title: string; detail: string };

export interface SessionGuard {
  check(req: IncomingMessage, need: 'viewer' | 'commander'): Promise<Guarded>;
}

const RANK = { viewer: 0, commander: 1 } as const;

/** Whether the request reached us over https, directly or through a proxy that says so. */
export function cameOverHttps(req: IncomingMessage): boolean {
  if ((req.socket as Partial<TLSSocket>).encrypted === true) return true;
  const forwarded = req.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first === 'https';
}

/**
 * Why a request that changes something is refused for where it comes from, or null. GET and HEAD
 * pass: they change nothing, and a page of another site cannot read their answers.
 */
export function foreignOriginProblem(req: IncomingMessage): string | null {
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return null;
  const site = req.headers['sec-fetch-site'];
  if (site === 'same-origin') return null;
  // The browser itself says the page is another site's (or a sibling's on another port).
  if (site === 'cross-site' || site === 'same-site')
    return `a ${method} from another site's page is refused: only the war room's own page may send it`;
  const origin = req.headers.origin;
  const host = req.headers.host;
  if (origin === undefined)
    return `a ${method} must say where it comes from: send the Origin header of the war room's own page`;
  const own = host === undefined ? null : `${cameOverHttps(req) ? 'https' : 'http'}://${host}`.toLowerCase();
  if (origin.toLowerCase() !== own)
    return `a ${method} from ${origin.slice(0, 200)} is refused: only the war room's own page (${own ?? 'this server'}) may send it`;
  return null;
}

const refusal = (status: 401 | 403, detail: string): Guarded => ({
  ok: false,
  status,
  title: status === 401 ? 'Unauthorized' : 'Forbidden',
  detail,
});

export function createSessionGuard(sessions: {
  lookup(req: IncomingMessage): Promise<SessionLookup>;
}): SessionGuard {
  return {
    async check(req, need) {
      const foreign = foreignOriginProblem(req);
      if (foreign) return refusal(403, foreign);
      const found = await sessions.lookup(req);
      if (found.kind === 'none')
        return refusal(401, 'sign in to the war room first (POST /warroom/v1/session)');
      if (found.kind === 'ended')
        return refusal(
          401,
          'your session has ended (signed out, 12 hours without use, or no longer an operator): sign in again',
        );
      const { person } = found;
      if (RANK[person.role] < RANK[need])
        return refusal(
          403,
          `${person.name} is a ${person.role}: a viewer may read and nothing more; this needs a ${need}`,
        );
      return { ok: true, person };
    },
  };
}

/** Answers a refusal of the guard as a problem document. */
export function sendGuardRefusal(res: ServerResponse, refused: Extract<Guarded, { ok: false }>): void {
  sendProblem(res, refused.status, refused.title, refused.detail);
}
