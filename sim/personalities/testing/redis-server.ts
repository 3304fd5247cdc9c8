// A real Redis for tests (Debian's redis-server): on a free loopback port, no persistence,
// stopped after each test. Not a test file itself.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { afterEach } from 'vitest';
import { WAIT_MS, sleep } from '../../../http-kit/testing/wait.ts';

/** Whether redis-server can be run here; tests that need it skip, saying so, when it cannot. */
export const HAS_REDIS = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

import { freePort } from '../../../http-kit/testing/free-port.ts';

export { freePort };

export interface RedisServer {
  port: number;
  url: string;
  /** Stops it and waits until it has exited. */
  stop(): Promise<void>;
}

export function redisFactory() {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0))
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  /** Starts one on `port` (a free one when absent) and resolves once it accepts connections. */
  return async function startRedis(port?: number): Promise<RedisServer> {
    const chosen = port ?? (await freePort());
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(chosen),
        '--bind',
        '127.0.0.1',
        '--daemonize',
        'no',
        '--save',
        '',
        '--appendonly',
        'no',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(child);
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const deadline = performance.now() + WAIT_MS;
    while (!out.includes('Ready to accept connections')) {
      if (child.exitCode !== null) throw new Error(`redis-server exited early: ${out}`);
      if (performance.now() > deadline) throw new Error(`redis-server not ready after ${WAIT_MS} ms: ${out}`);
      await sleep(25);
    }
    return {
      port: chosen,
      url: `redis://127.0.0.1:${chosen}`,
      async stop() {
        child.kill('SIGTERM');
        await exited;
      },
    };
  };
}
