// The Executioner's halt-all takes `Authorization: Bearer <EMERGENCY_TOKEN>`, the token read
// from its environment at start. Without one set, nobody can halt through it, and the answer
// says why; no answer ever repeats a token.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { NativeProblem } from '../kit/problem.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();
const CHALLENGE = { 'www-authenticate': 'Bearer realm="executioner emergency"' };

/** Throws a 401 unless the request carries the emergency token. */
export function checkEmergencyToken(expected: string | undefined, headers: IncomingHttpHeaders): void {
  if (expected === undefined || expected === '')
    throw new NativeProblem(
      401,
      "EMERGENCY_TOKEN is not set in the executioner's environment: halt-all is refused until it is",
      CHALLENGE,
    );
  const header = headers.authorization;
  const match = typeof header === 'string' ? /^Bearer (\S+)$/.exec(header) : null;
  if (!match)
    throw new NativeProblem(401, 'an Authorization: Bearer <EMERGENCY_TOKEN> header is required', CHALLENGE);
  // Compared as digests: equal length, constant time, whatever was sent.
  if (!timingSafeEqual(digest(match[1] ?? ''), digest(expected)))
    throw new NativeProblem(401, 'the bearer token is not the emergency token', CHALLENGE);
}
