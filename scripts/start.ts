// `npm start`: the whole war room on loopback, on its embedded default. For each trading system
// WARROOM_SYSTEM names (sim, hft, rtes, eafix, smc, lav-adaf, several with commas, or all; the
// default is sim, the canonical simulator), its simulator — SMC's with a Redis of its own — then
// the war-room server (incidents, audit log, sign-in; SQLite in .data/) whose connector reads each
// system through its profile, and the dashboard, which forwards /api and /warroom to that server.
// Ctrl-C stops all.
//   WARROOM_PORT (4310) · WARROOM_STORE_PORT (4312) · WARROOM_SIM_PORT (4330, the first system's
//   block of ten ports) · WARROOM_SEED (random) · WARROOM_DATA_DIR (.data: the database and the
//   embedded operators file) · WARROOM_MONITORING=1 or `npm start -- --monitoring`: Prometheus
//   and Alertmanager for every system (they start anyway for a profile that reads them)
// People sign in to the war room: a commander and a viewer with fresh random passwords, only their
// hashes written to .data/operators.json, the passwords printed once here. WARROOM_OPERATORS_FILE
// names a file of your own instead (see docs/sign-in.md). The trading systems' own credentials
// (the simulator's operator token, LAV/ADAF's emergency token) are made fresh too, and go only
// to the system and the war-room server, by environment.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createServer } from 'vite';
import { makeEmbeddedOperators } from '../store/auth/embedded-operators.ts';
import type { EmbeddedOperator } from '../store/auth/embedded-operators.ts';
import { missingBinaries, startMonitoring } from '../monitoring/stack.ts';
import type { MonitoringStack } from '../monitoring/stack.ts';
import { planLaunches, selectSystems } from './launch-plan.ts';
import type { SystemLaunch } from './launch-plan.ts';

const port = Number(process.env.WARROOM_PORT ?? 4310);
const storePort = Number(process.env.WARROOM_STORE_PORT ?? 4312);
const basePort = Number(process.env.WARROOM_SIM_PORT ?? 4330);
const seed = process.env.WARROOM_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const selection = selectSystems(process.env.WARROOM_SYSTEM);
if (!selection.ok) {
  console.error(selection.error);
  process.exit(2);
}
const dataDir = process.env.WARROOM_DATA_DIR || '.data';
const operatorsFile = process.env.WARROOM_OPERATORS_FILE || join(dataDir, 'operators.json');
const people: EmbeddedOperator[] = process.env.WARROOM_OPERATORS_FILE
  ? []
  : await makeEmbeddedOperators(operatorsFile);

const children: [string, ChildProcess][] = [];

/** Starts a process and resolves once a line of its output says it is ready. */
function run(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: string,
): Promise<void> {
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  children.push([name, child]);
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      console.log(`[${name}] ${line}`);
      if (line.includes(ready)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${name} exited (code ${code}) before it was ready`)));
  });
}

const hasRedis = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
let launches = planLaunches(selection.systems, basePort, seed);
const skipped = launches.filter((l) => l.needsRedis && !hasRedis);
for (const l of skipped)
  console.log(
    `${l.system}: not started — it halts through Redis, and redis-server is not installed (apt-get install redis-server, or npm test once, which installs it)`,
  );
launches = launches.filter((l) => !skipped.includes(l));
if (launches.length === 0) process.exit(1);

async function startSystem(launch: SystemLaunch): Promise<Record<string, string>> {
  const env: Record<string, string> = { ...launch.profileEnv };
  const simArgs = [...launch.simArgs];
  if (launch.needsRedis) {
    const redisPort = launch.mainPort + 9;
    await run(
      `${launch.system}-redis`,
      'redis-server',
      ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {},
      'Ready to accept connections',
    );
    simArgs.push('--redis', `redis://127.0.0.1:${redisPort}`);
    env.SMC_REDIS_URL = `redis://127.0.0.1:${redisPort}`;
  }
  // Secrets go by environment, not argument: arguments are visible to every user in `ps`.
  await run(launch.system, process.execPath, simArgs, launch.simEnv, 'listening');
  return env;
}

const monitoringAsked = process.env.WARROOM_MONITORING === '1' || process.argv.includes('--monitoring');
const stacks: MonitoringStack[] = [];
const monitoringMissing = missingBinaries();

/** Prometheus scraping the system every second with its shipped rules, and an Alertmanager. */
async function startSystemMonitoring(launch: SystemLaunch): Promise<Record<string, string>> {
  const m = launch.monitoring;
  if (!monitoringAsked && !m.profileWantsIt) return {};
  if (monitoringMissing.length > 0) {
    console.log(
      `${launch.system}: no Prometheus or Alertmanager — ${monitoringMissing.join(' and ')} not installed (apt-get install prometheus prometheus-alertmanager, or npm test once, which installs them); going on without them`,
    );
    return {};
  }
  const stack = await startMonitoring({
    targets: [m.target],
    ruleFiles: m.ruleFiles,
    prometheusPort: m.prometheusPort,
    alertmanagerPort: m.alertmanagerPort,
  });
  stacks.push(stack);
  console.log(
    `[${launch.system}-monitoring] Prometheus ${stack.prometheusUrl} · Alertmanager ${stack.alertmanagerUrl} (${m.ruleFiles.length === 0 ? 'no shipped rules' : 'shipped rules'}; ${Object.keys(m.env).join(', ')})`,
  );
  return m.env;
}
const stopStacks = () => Promise.all(stacks.splice(0).map((s) => s.stop()));

try {
  const envs = await Promise.all(launches.map(startSystem));
  envs.push(...(await Promise.all(launches.map(startSystemMonitoring))));
  await run(
    'war-room',
    process.execPath,
    [
      'store/main.ts',
      '--port',
      String(storePort),
      '--db',
      join(dataDir, 'war-room.db'),
      '--operators',
      operatorsFile,
      ...launches.flatMap((l) => ['--profile', l.profile]),
    ],
    Object.assign({}, ...envs) as Record<string, string>,
    'listening',
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  children.forEach(([, c]) => c.kill('SIGTERM'));
  await stopStacks();
  process.exit(1);
}

// The dashboard speaks to the war-room server only: the trading systems are the server's to read.
process.env.WARROOM_API_TARGET = `http://127.0.0.1:${storePort}`;
process.env.WARROOM_STORE_TARGET = `http://127.0.0.1:${storePort}`;
const vite = await createServer({ server: { port, host: '127.0.0.1', strictPort: true } });
await vite.listen();
console.log(`
  War room: http://127.0.0.1:${port}/     (trading desk wall screen: http://127.0.0.1:${port}/desk)
  ${launches.map((l) => `${l.system} (simulated, seed ${seed}; drill control on :${l.mainPort})`).join(' · ')}
  War-room server on :${storePort}
  ${
    people.length === 0
      ? `Sign in with an operator of ${operatorsFile}`
      : `Sign in to the war room: ${people.map((p) => `${p.name} / ${p.password} (${p.role})`).join(' · ')}`
  }
`);

const shutdown = async () => {
  children.forEach(([, c]) => c.kill('SIGTERM'));
  await stopStacks();
  await vite.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
// If a service dies the dashboard keeps running and says so: that is what it is for.
for (const [name, child] of children)
  child.once('exit', (code) => console.log(`[${name}] exited (code ${code}); the dashboard stays up`));
