// Shared set-up for the sign-in tests: operators with real hashes, and requests as the war room's
// own page sends them (with its Origin). Not a test file itself.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { request } from '../../http-kit/testing/request.ts';
import type { Answer } from '../../http-kit/testing/request.ts';
import type { Operator } from './operators-file.ts';
import { decodePasswordHash, hashPassword } from './password-hash.ts';

export interface TestOperator {
  name: string;
  role: 'viewer' | 'commander';
  password: string;
  passwordHash: string;
}

/** A commander and a viewer, each with a fresh password and its hash (about 0.2 s each). */
export async function makeOperators(): Promise<{ commander: TestOperator; viewer: TestOperator }> {
  const make = async (name: string, role: TestOperator['role']): Promise<TestOperator> => {
    const password = `${name}-password-${crypto.randomUUID()}`;
    return { name, role, password, passwordHash: await hashPassword(password) };
  };
  const [commander, viewer] = await Promise.all([make('dana', 'commander'), make('vic', 'viewer')]);
  return { commander, viewer };
}

/** The operators as the store holds them once it has read its file. */
export const asOperators = (operators: readonly TestOperator[]): Operator[] =>
  operators.map(({ name, role, passwordHash }) => ({
    name,
    role,
    passwordHash: decodePasswordHash(passwordHash),
  }));

/** Writes an operators file (hashes only) into `dir`; returns its path. */
export async function writeOperatorsFile(dir: string, operators: readonly TestOperator[]): Promise<string> {
  const path = join(dir, 'operators.json');
  const entries = operators.map(({ name, role, passwordHash }) => ({ name, role, passwordHash }));
  await writeFile(path, JSON.stringify({ operators: entries }));
  return path;
}

/** The Origin a page served by the store at `url` sends. */
export const originOf = (url: string) => new URL(url).origin;

/** POST /warroom/v1/session as the war room's page sends it. */
export function signInAt(
  sessionUrl: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return request(sessionUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: originOf(sessionUrl), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The session cookie an answer set, as a browser sends it back (`warroom_session=…`). */
export function sessionCookieOf(answer: Answer): string {
  const set = answer.headers.getSetCookie().find((c) => c.startsWith('warroom_session='));
  if (!set) throw new Error(`no session cookie in the answer (${answer.status} ${answer.text})`);
  return set.split(';')[0] ?? '';
}

/** Signs in and returns the cookie, failing the test when the store refuses. */
export async function signedIn(sessionUrl: string, operator: TestOperator): Promise<string> {
  const answer = await signInAt(sessionUrl, { name: operator.name, password: operator.password });
  if (answer.status !== 200) throw new Error(`sign-in: ${answer.status} ${answer.text}`);
  return sessionCookieOf(answer);
}
