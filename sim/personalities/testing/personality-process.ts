// A personality as a real host process for tests: started through sim/host/main.ts as a drill
// or the start script would, its services found on the start-up line, driven through drill
// control. Not a test file itself.
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { serviceProcessFactory } from '../../../http-kit/testing/process.ts';
import type { ServiceProcess } from '../../../http-kit/testing/process.ts';
import { request } from '../../../http-kit/testing/request.ts';
import type { Answer } from '../../../http-kit/testing/request.ts';
import { WAIT_MS } from '../../../http-kit/testing/wait.ts';

export { TEST_TIMEOUT_MS, waitFor } from '../../../http-kit/testing/wait.ts';
export { request } from '../../../http-kit/testing/request.ts';
export type { Answer } from '../../../http-kit/testing/request.ts';

const MAIN = fileURLToPath(new URL('../../host/main.ts', import.meta.url));

export interface RunningPersonality {
  cli: ServiceProcess;
  /** Base URL of each service by name (`http://127.0.0.1:PORT`), main first. */
  services: Record<string, string>;
  /** The main service's base URL, where drill control is too. */
  main: string;
}

/** Registers the afterEach that kills what a test started; returns the starter. */
export function personalityFactory(env: NodeJS.ProcessEnv = {}) {
  const run = serviceProcessFactory({
    name: 'simulator',
    main: MAIN,
    env: { ...process.env, WARROOM_SIM_PORT: undefined, EMERGENCY_TOKEN: undefined, ...env },
  });
  return async (name: string, args: string[] = []): Promise<RunningPersonality> => {
    const cli = run(['--personality', name, '--port', '0', '--seed', '7', ...args]);
    const port = await cli.port();
    await cli.printed(')\n');
    const line =
      cli
        .stdout()
        .split('\n')
        .find((l) => l.includes('listening')) ?? '';
    const services = Object.fromEntries(
      [...line.matchAll(/ ([a-z][a-z0-9-]*)=(http:\/\/127\.0\.0\.1:\d+)/g)].map((m) => [
        m[1] ?? '',
        m[2] ?? '',
      ]),
    );
    const main = `http://127.0.0.1:${port}`;
    expect(Object.values(services)[0]).toBe(main);
    return { cli, services, main };
  };
}

/** A JSON request with a body (Content-Type application/json unless told otherwise). */
export function send(
  url: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return request(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Drill control: a call that must succeed. */
export async function drill(
  p: RunningPersonality,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const answer = await send(`${p.main}/__sim${path}`, method, body);
  expect(answer.status, answer.text).toBe(200);
  return answer.body;
}

/** Simulated time stands still: what a control did can be read back before anything else moves. */
export const pauseClock = (p: RunningPersonality) => drill(p, 'POST', '/clock', { paused: true });
export const advanceClock = (p: RunningPersonality, ms: number) =>
  drill(p, 'POST', '/clock', { advanceMs: ms });

export async function executedCommands(p: RunningPersonality) {
  const body = (await drill(p, 'GET', '/commands')) as {
    commands: { controlId: string; venueId: string | null; operator: string; reason: string }[];
  };
  return body.commands;
}

/** How a request that should die at the connection ended: rejected, or answered with a status. */
export async function outcome(url: string, init: RequestInit = {}): Promise<'rejected' | number> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(WAIT_MS), ...init });
    await response.body?.cancel();
    return response.status;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') throw error;
    return 'rejected';
  }
}
