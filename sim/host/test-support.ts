// Shared set-up for the host's tests: a real server on an ephemeral port, talked to over HTTP.
// Not a test file itself.
import { afterEach } from 'vitest';
import { request } from '../../http-kit/testing/request.ts';
import type { Answer } from '../../http-kit/testing/request.ts';
import { WAIT_MS } from '../../http-kit/testing/wait.ts';
import { createSimHost } from './server.ts';
import type { SimHost, SimHostOptions } from './server.ts';

// The waits, requests and SSE reader every Node service's tests share.
export { TEST_TIMEOUT_MS, waitFor } from '../../http-kit/testing/wait.ts';
export { request } from '../../http-kit/testing/request.ts';
export type { Answer as JsonAnswer } from '../../http-kit/testing/request.ts';
export { openStream, readSseMessages, sseReader } from '../../http-kit/testing/sse-reader.ts';
export type { SseMessage } from '../../http-kit/testing/sse-reader.ts';

export interface TestHost {
  host: SimHost;
  port: number;
  /** Absolute URL on the host for a path such as `/api/v1/status`. */
  url(path: string): string;
}

/**
 * Registers an afterEach that closes every host started in the test, and returns the starter.
 * A short tick keeps pushes prompt; tests that need simulated time to pass also raise `speed`.
 */
export function simHostFactory(defaults: Partial<SimHostOptions> = {}) {
  const running: SimHost[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((host) => host.close()));
  });
  return async (options: Partial<SimHostOptions> = {}): Promise<TestHost> => {
    const host = createSimHost({ seed: 1, tickMs: 20, ...defaults, ...options });
    running.push(host);
    const port = await host.listen(0, '127.0.0.1');
    return { host, port, url: (path) => `http://127.0.0.1:${port}${path}` };
  };
}

/** A JSON request to drill control (or anything else that takes a JSON body). */
export function sendJson(url: string, method: string, body?: unknown): Promise<Answer> {
  return request(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** How a fetch that should die at the connection level ended: rejected, or answered. */
export async function connectionOutcome(url: string): Promise<'rejected' | number> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(WAIT_MS) });
    await response.body?.cancel();
    return response.status;
  } catch (error) {
    // A timeout would be a hang, not a cut connection: let it fail the test as what it is.
    if (error instanceof DOMException && error.name === 'TimeoutError') throw error;
    return 'rejected';
  }
}
