// Signing in to the war room: POST, GET and DELETE /warroom/v1/session. The answer to a sign-in
// sets the session cookie; nothing here ever repeats a password, not even in a refusal of the
// body's form (the shared body reader quotes what it could not parse, so it is not used here).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { signInSchema } from '../../contract/store-schemas.ts';
import type { SignIn } from '../../contract/store-schemas.ts';
import { readBodyText } from '../../http-kit/body.ts';
import { cameOverHttps, foreignOriginProblem } from '../auth/session-guard.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { HttpProblem, sendJson, sendProblem } from '../http/respond.ts';
import type { Route } from '../http/router.ts';
import type { ApiContext } from './context.ts';

const PATH = '/warroom/v1/session';
const MAX_SIGN_IN_BYTES = 4096;

/**
 * HttpOnly: no script, ours or injected, can read it. SameSite=Strict: a browser sends it only
 * with requests our own pages make. Secure over https, where the browser would otherwise also
 * send it over plain http to the same host.
 */
function sessionCookie(req: IncomingMessage, value: string, clear = false): string {
  const attributes = [`${SESSION_COOKIE}=${value}`, 'HttpOnly', 'SameSite=Strict', 'Path=/'];
  if (clear) attributes.push('Max-Age=0');
  if (cameOverHttps(req)) attributes.push('Secure');
  return attributes.join('; ');
}

function refuseForeign(req: IncomingMessage): void {
  const problem = foreignOriginProblem(req);
  if (problem) throw new HttpProblem(403, 'Forbidden', problem);
}

async function readSignIn(req: IncomingMessage): Promise<SignIn> {
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    throw new HttpProblem(
      415,
      'Unsupported Media Type',
      'send the sign-in as JSON with the header content-type: application/json',
    );
  const text = await readBodyText(req, {
    maxBytes: MAX_SIGN_IN_BYTES,
    tooLarge: (size) =>
      new HttpProblem(413, 'Content Too Large', `the sign-in is ${size} bytes; at most ${MAX_SIGN_IN_BYTES}`),
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HttpProblem(400, 'Bad Request', 'sign-in: not valid JSON; send {"name": "…", "password": "…"}');
  }
  const parsed = signInSchema.safeParse(json);
  if (!parsed.success) {
    // Zod's own messages name the rule broken, never the value.
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'the body'}: ${i.message}`);
    throw new HttpProblem(400, 'Bad Request', `sign-in: ${issues.slice(0, 3).join('; ')}`);
  }
  return parsed.data;
}

const seconds = (ms: number) => Math.ceil(ms / 1000);

async function signIn(ctx: ApiContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  refuseForeign(req);
  const { name, password } = await readSignIn(req);
  const outcome = await ctx.sessions.signIn(req, name, password);
  if (outcome.ok)
    return sendJson(res, 200, outcome.person, { 'set-cookie': sessionCookie(req, outcome.sessionId) });
  const { freeFailures, firstPauseMs, maxPauseMs } = ctx.sessions.throttle;
  const rule = `after ${freeFailures} failed sign-ins in a row for one name, sign-in for that name pauses for ${seconds(firstPauseMs)} s, then twice as long after each further failure, up to ${seconds(maxPauseMs) / 60} minutes`;
  switch (outcome.reason) {
    case 'nobody':
      return sendProblem(
        res,
        401,
        'Unauthorized',
        'nobody can sign in here: this war-room store was started without an operators file (--operators FILE)',
      );
    case 'wrong':
      // One message for a wrong name and a wrong password: which one was wrong is the attacker's question.
      return sendProblem(res, 401, 'Unauthorized', `the name or the password is wrong; ${rule}`);
    case 'paused':
      return sendProblem(
        res,
        429,
        'Too Many Requests',
        `too many failed sign-ins for this name: try again in ${seconds(outcome.retryAfterMs)} s (${rule})`,
        { 'retry-after': String(seconds(outcome.retryAfterMs)) },
      );
  }
}

export const sessionRoutes: readonly Route<ApiContext>[] = [
  {
    method: 'GET',
    pattern: PATH,
    async handle(ctx, req, res) {
      const found = await ctx.sessions.lookup(req);
      if (found.kind === 'person') return sendJson(res, 200, found.person);
      const detail =
        found.kind === 'none'
          ? 'nobody is signed in in this browser'
          : 'the session has ended (signed out, 12 hours without use, or no longer an operator): sign in again';
      // A cookie for an ended session is of no more use: the browser may drop it.
      const headers = found.kind === 'ended' ? { 'set-cookie': sessionCookie(req, '', true) } : {};
      sendProblem(res, 401, 'Unauthorized', detail, headers);
    },
  },
  { method: 'POST', pattern: PATH, handle: (ctx, req, res) => signIn(ctx, req, res) },
  {
    method: 'DELETE',
    pattern: PATH,
    async handle(ctx, req, res) {
      refuseForeign(req);
      await ctx.sessions.signOut(req);
      res.writeHead(204, { 'set-cookie': sessionCookie(req, '', true), 'cache-control': 'no-store' });
      res.end();
    },
  },
];
