// A service as a real process for tests: spawned with this Node, watched through its output,
// killed however a test needs.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { afterEach } from 'vitest';
import { WAIT_MS, sleep } from './wait.ts';

export interface ServiceProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with how the process ended; fails if it has not ended within WAIT_MS. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Waits until stdout contains `text`; fails if the process ends first or after WAIT_MS. */
  printed(text: string): Promise<void>;
  /** Waits for the "listening on http://127.0.0.1:PORT" line; returns the port. */
  port(): Promise<number>;
}

export interface ServiceSpec {
  /** The service's name in failure messages: "the store exited early". */
  name: string;
  /** The script to run (an absolute path). */
  main: string;
  /** The environment; this process's own unless given. */
  env?: NodeJS.ProcessEnv;
}

// The digits must be followed by something: a chunk may end half-way through the port.
const LISTENING = /listening on http:\/\/127\.0\.0\.1:(\d+)\D/;

/** Registers an afterEach that kills every process a test left running, and returns the starter. */
export function serviceProcessFactory(spec: ServiceSpec): (args: string[]) => ServiceProcess {
  const children: ChildProcess[] = [];
  afterEach(() => {
    // A test that failed half-way must not leave its service running.
    for (const child of children.splice(0))
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return (args) => {
    const child = spawn(process.execPath, [spec.main, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: spec.env ?? process.env,
    });
    children.push(child);
    let out = '';
    let err = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );

    async function awaitOutput<T>(what: string, found: () => T | undefined): Promise<T> {
      const deadline = performance.now() + WAIT_MS;
      for (;;) {
        const value = found();
        if (value !== undefined) return value;
        if (child.exitCode !== null) throw new Error(`the ${spec.name} exited early: ${err}`);
        if (performance.now() > deadline) throw new Error(`no ${what} line after ${WAIT_MS} ms: ${err}`);
        await sleep(25);
      }
    }

    return {
      child,
      stdout: () => out,
      stderr: () => err,
      exited: () =>
        Promise.race([
          exit,
          new Promise<never>((_, reject) =>
            setTimeout(
              () => reject(new Error(`the ${spec.name} had not exited after ${WAIT_MS} ms: ${err}`)),
              WAIT_MS,
            ).unref(),
          ),
        ]),
      printed: (text) =>
        awaitOutput(`"${text}"`, () => (out.includes(text) ? true : undefined)).then(() => {}),
      port: () => awaitOutput('"listening"', () => LISTENING.exec(out)?.[1]).then(Number),
    };
  };
}
