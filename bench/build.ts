import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// The benchmarks measure the dashboard as it ships: the production build served by
// `vite preview`. They build into a directory of their own, not dist/: `npm run test:e2e` builds
// and serves dist/ too, and a build empties its directory first, so sharing it would break
// whichever of the two ran second.

export const ROOT = join(import.meta.dirname, '..');
export const BENCH_DIST = join(ROOT, 'node_modules/.cache/war-room-bench/dist');

/** What the build is made from; a newer file in any of these means the build is stale. */
const INPUTS = ['src', 'public', 'contract', 'index.html', 'vite.config.ts', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export interface BuildInfo {
  outDir: string;
  /** Seconds the build took, or null when an up-to-date one was reused. */
  builtInS: number | null;
}

/** Builds the dashboard (with a manifest, for bundle-size.ts) unless an up-to-date build exists. */
export function ensureBuild(): BuildInfo {
  const stamp = join(BENCH_DIST, '.vite/manifest.json');
  const inputs = Math.max(...INPUTS.map((p) => newestMtime(join(ROOT, p))));
  if (existsSync(stamp) && statSync(stamp).mtimeMs > inputs) return { outDir: BENCH_DIST, builtInS: null };
  console.log(`building the dashboard into ${BENCH_DIST} …`);
  const started = performance.now();
  // Through npx, as the npm scripts do: the project's vite, run by the Node that runs this.
  const result = spawnSync(
    'npx',
    ['vite', 'build', '--outDir', BENCH_DIST, '--emptyOutDir', '--manifest', '--logLevel', 'warn'],
    { cwd: ROOT, stdio: 'inherit', timeout: 300_000 },
  );
  if (result.status !== 0) throw new Error(`vite build failed (status ${result.status ?? result.signal})`);
  return { outDir: BENCH_DIST, builtInS: (performance.now() - started) / 1000 };
}
