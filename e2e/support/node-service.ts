import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * One of our Node services (the simulator, the store) as a real child process, so that a test
 * can kill -9 it and start it again on the same port, as an operator would see a crash and a
 * restart.
 */
export class NodeService {
  private child: ChildProcess | null = null;
  readonly name: string;
  readonly port: number;

  constructor(name: string, port: number) {
    this.name = name;
    this.port = port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Spawns `node <args>` and resolves once it prints that it is listening. */
  async spawn(args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.name} did not start within 10 s: ${stderr}`)),
        10_000,
      );
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (line.includes('listening')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${this.name} exited with code ${code}: ${stderr}`));
      });
    });
  }

  /** kill -9: no goodbye to open connections, like a crash. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.child = null;
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
}
