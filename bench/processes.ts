import { spawn } from 'node:child_process';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { createConnection } from 'node:net';
import { createInterface } from 'node:readline';

// Every process a benchmark starts goes through here, in a process group of its own: `npm start`
// is npm → sh → node → the simulator, and killing only the first would leave the rest holding
// their ports. The registry lets run.ts stop whatever is still alive on error or Ctrl-C.

const live = new Set<ChildProcess>();
const cleanups = new Set<() => Promise<void>>();
/** Set once killAll() has begun: a trial still running must not start anything after it. */
let stopping = false;

function refuseWhileStopping(): void {
  if (stopping) throw new Error('the benchmark is stopping: nothing new is started');
}

/**
 * Registers a stop for something not spawned here (a SimProcess), before it is started;
 * returns the unregister.
 */
export function atCleanup(stop: () => Promise<void>): () => void {
  refuseWhileStopping();
  cleanups.add(stop);
  return () => cleanups.delete(stop);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Spawns `command` as the leader of a new process group, output piped for the caller to read. */
export function spawnGroup(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  refuseWhileStopping();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options, detached: true });
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the whole group, SIGKILL to whatever is left after `graceMs`; resolves when none is left. */
export async function killGroup(child: ChildProcess, graceMs = 3000): Promise<void> {
  const pid = child.pid;
  live.delete(child);
  if (pid === undefined || !groupAlive(pid)) return;
  process.kill(-pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await sleep(50);
  if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
  while (groupAlive(pid)) await sleep(20);
}

/** Stops every group still registered: run.ts's last word, whatever went wrong before. */
export async function killAll(): Promise<void> {
  stopping = true;
  const stops = [...cleanups].map((stop) => stop());
  cleanups.clear();
  await Promise.allSettled([...stops, ...[...live].map((child) => killGroup(child))]);
}

/**
 * Resolves with the first stdout line that `match` accepts; rejects when the process exits or
 * `timeoutMs` passes first, with the tail of its output so that a failed start explains itself.
 */
export function waitForLine(child: ChildProcess, match: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  let tail = '';
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-2000));
  child.stderr?.on('data', keep);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`no line matching ${match} within ${timeoutMs} ms`), timeoutMs);
    const onExit = (code: number | null) => fail(`exited (code ${code}) before printing ${match}`);
    function fail(why: string) {
      clearTimeout(timer);
      child.off('exit', onExit);
      reject(new Error(`${child.spawnargs.join(' ')}: ${why}\n${tail}`));
    }
    child.once('exit', onExit);
    if (!child.stdout) return fail('its stdout is not piped');
    createInterface({ input: child.stdout }).on('line', (line) => {
      keep(Buffer.from(`${line}\n`));
      const found = match.exec(line);
      if (!found) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve(found);
    });
  });
}

/** True when something answers on 127.0.0.1:port — a benchmark must not measure someone else's server. */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function assertPortsFree(...ports: number[]): Promise<void> {
  for (const port of ports)
    if (await portInUse(port)) throw new Error(`port ${port} is in use: stop what holds it and run again`);
}

/** Polls `url` until it answers 2xx, for servers that print nothing useful when ready. */
export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
