import { randomBytes } from 'node:crypto';
import { SimProcess } from '../e2e/support/sim-process.ts';
import { ROOT } from './build.ts';
import { assertPortsFree, atCleanup, killGroup, spawnGroup, waitForHttp } from './processes.ts';

// The detection benchmarks run the shipped dashboard (`vite preview` of the build) in front of a
// real simulator process, as the e2e tests do, on ports of their own (4382/4383) so that they can
// run beside an e2e run or a developer's `npm start`.

export const PREVIEW_PORT = 4382;
export const PREVIEW_SIM_PORT = 4383;

export interface Dashboard {
  url: string;
  stop(): Promise<void>;
}

/** Serves `outDir` with /api forwarded to the simulator port; resolves once it answers. */
export async function startPreview(outDir: string): Promise<Dashboard> {
  await assertPortsFree(PREVIEW_PORT, PREVIEW_SIM_PORT);
  const child = spawnGroup(
    'npx',
    ['vite', 'preview', '--port', String(PREVIEW_PORT), '--strictPort', '--outDir', outDir],
    { cwd: ROOT, env: { ...process.env, WARROOM_API_TARGET: `http://127.0.0.1:${PREVIEW_SIM_PORT}` } },
  );
  // Its output is of no use here, but an unread pipe that fills up would stall it.
  child.stdout?.resume();
  child.stderr?.resume();
  const url = `http://127.0.0.1:${PREVIEW_PORT}/`;
  try {
    await waitForHttp(`${url}config.json`, 30_000);
  } catch (error) {
    await killGroup(child);
    throw error;
  }
  return { url, stop: () => killGroup(child) };
}

/**
 * A fresh simulator for one trial: a new process gives every trial the same start (normal
 * scenario, clock at real time, no history), which a stopped scenario would not.
 */
export async function withSim<T>(seed: number, trial: (sim: SimProcess) => Promise<T>): Promise<T> {
  // No control is fired in a benchmark, but the simulator wants an operator; a throwaway one.
  const sim = new SimProcess(PREVIEW_SIM_PORT, seed, {
    name: 'bench',
    token: randomBytes(18).toString('base64url'),
  });
  const unregister = atCleanup(() => sim.kill());
  try {
    await sim.start();
    return await trial(sim);
  } finally {
    await sim.kill();
    unregister();
  }
}
