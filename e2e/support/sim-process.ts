import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Fault, ScenarioStart, SimState } from '../../contract/schemas.ts';

/**
 * The simulated trading system as a real child process, so that a test can kill -9 it and
 * start it again on the same port, exactly as an operator would see a crash and a restart.
 */
export class SimProcess {
  private child: ChildProcess | null = null;
  readonly port: number;
  readonly seed: number;

  constructor(port: number, seed: number) {
    this.port = port;
    this.seed = seed;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(extraArgs: string[] = []): Promise<void> {
    const args = [
      'sim/host/main.ts',
      '--port',
      String(this.port),
      '--seed',
      String(this.seed),
      '--drill',
      ...extraArgs,
    ];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`simulator did not start within 10 s: ${stderr}`)),
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
        reject(new Error(`simulator exited with code ${code}: ${stderr}`));
      });
    });
  }

  /** kill -9: no goodbye to open streams, like a crash. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.child = null;
  }

  private async call(method: string, path: string, body?: unknown): Promise<SimState> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as SimState;
  }

  state = () => this.call('GET', '/__sim/state');
  clock = (command: { paused?: boolean; speed?: number; advanceMs?: number }) =>
    this.call('POST', '/__sim/clock', command);

  /** Reads the trading API directly, as the test's independent view of the truth. */
  async api<T>(path: string): Promise<T> {
    const response = await fetch(`${this.url}/api/v1/${path}`);
    if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
  }
  startScenario = (start: ScenarioStart) => this.call('POST', '/__sim/scenarios', start);
  stopScenario = (name: ScenarioStart['name']) => this.call('DELETE', `/__sim/scenarios/${name}`);
  setFault = (fault: Fault) => this.call('PUT', '/__sim/faults', fault);
  clearFault = () => this.call('DELETE', '/__sim/faults');
}
