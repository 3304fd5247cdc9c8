import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface Person {
  name: string;
  password: string;
  role: string;
}

export interface Ports {
  /** The dashboard (WARROOM_PORT). */
  web: number;
  /** The war-room server (WARROOM_STORE_PORT). */
  store: number;
  /** The first system's block of ten ports (WARROOM_SIM_PORT). */
  sim: number;
}

/**
 * The war room started the way the README says: `WARROOM_SYSTEM=<system> npm start`, on ports
 * of the test's choosing and a data folder of its own, so a developer's `.data/` is never
 * touched. The people to sign in as are read from what it prints once, as a person would.
 */
export class NpmStart {
  readonly url: string;
  readonly ports: Ports;
  readonly people: Person[];
  readonly #child: ChildProcess;
  readonly #dataDir: string;

  private constructor(child: ChildProcess, ports: Ports, people: Person[], dataDir: string) {
    this.#child = child;
    this.ports = ports;
    this.people = people;
    this.#dataDir = dataDir;
    this.url = `http://127.0.0.1:${ports.web}`;
  }

  person(role: 'commander' | 'viewer'): Person {
    const found = this.people.find((p) => p.role === role);
    if (!found) throw new Error(`npm start printed no ${role}`);
    return found;
  }

  static async start(system: string, ports: Ports, timeoutMs = 90_000): Promise<NpmStart> {
    const dataDir = mkdtempSync(join(tmpdir(), `war-room-npm-start-${system}-`));
    // detached: its own process group, so that stopping it stops everything it started.
    const child = spawn('npm', ['start'], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        WARROOM_SYSTEM: system,
        WARROOM_PORT: String(ports.web),
        WARROOM_STORE_PORT: String(ports.store),
        WARROOM_SIM_PORT: String(ports.sim),
        WARROOM_DATA_DIR: dataDir,
      },
    });
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const people = await new Promise<Person[]>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`npm start did not print its sign-in within ${timeoutMs} ms:\n${output}`)),
        timeoutMs,
      );
      createInterface({ input: child.stdout! }).on('line', (line) => {
        output += `${line}\n`;
        if (!line.includes('Sign in to the war room:')) return;
        clearTimeout(timer);
        // "Sign in to the war room: commander / pw (commander) · viewer / pw (viewer)"
        const found = [...line.matchAll(/(\S+) \/ (\S+) \((\w+)\)/g)].map(([, name, password, role]) => ({
          name: name!,
          password: password!,
          role: role!,
        }));
        resolve(found);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`npm start exited (code ${code}) before it was ready:\n${output}`));
      });
    });
    return new NpmStart(child, ports, people, dataDir);
  }

  /** SIGTERM to the whole group (npm, the start script and what it started), then cleans up. */
  async stop(): Promise<void> {
    const child = this.#child;
    if (child.exitCode === null && child.pid !== undefined) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await exited;
    }
    rmSync(this.#dataDir, { recursive: true, force: true });
  }

  /** The drill control of the system's simulator (its first port). */
  async drill(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`http://127.0.0.1:${this.ports.sim}/__sim/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`drill ${method} ${path}: HTTP ${response.status}`);
    const text = await response.text();
    return text ? (JSON.parse(text) as unknown) : null;
  }

  /** What the simulated system executed, as its own ledger has it. */
  async executed(): Promise<{ controlId: string; venueId: string | null; operator: string }[]> {
    return ((await this.drill('GET', 'commands')) as { commands: never[] }).commands;
  }
}
