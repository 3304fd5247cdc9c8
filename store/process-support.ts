// The store as a real process for tests: spawned with this Node, killed however a test needs.
// Not a test file itself.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { WAIT_MS } from '../sim/host/test-support.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

export interface StoreProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with how the process ended; fails if it has not ended within WAIT_MS. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Waits for the "listening" line; returns the bound port. */
  port(): Promise<number>;
}

/** Registers an afterEach that kills every store process a test left running. */
export function storeProcessFactory() {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0))
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return (args: string[]): StoreProcess => {
    const child = spawn(process.execPath, [MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    let err = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    return {
      child,
      stdout: () => out,
      stderr: () => err,
      exited: () =>
        Promise.race([
          exit,
          new Promise<never>((_, reject) =>
            setTimeout(
              () => reject(new Error(`the store had not exited after ${WAIT_MS} ms: ${err}`)),
              WAIT_MS,
            ).unref(),
          ),
        ]),
      async port() {
        const deadline = performance.now() + WAIT_MS;
        for (;;) {
          const match = /war-room store listening on http:\/\/127\.0\.0\.1:(\d+)\n/.exec(out);
          if (match) return Number(match[1]);
          if (child.exitCode !== null) throw new Error(`the store exited early: ${err}`);
          if (performance.now() > deadline)
            throw new Error(`no "listening" line after ${WAIT_MS} ms: ${err}`);
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      },
    };
  };
}
