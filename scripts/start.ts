// `npm start`: the whole war room on loopback, on its embedded default — the simulated trading
// system (normal scenario), the war-room store (incidents, audit log; SQLite in .data/) and the
// dashboard, which forwards /api to the simulator and /warroom to the store. Ctrl-C stops all.
//   WARROOM_PORT (4310) · WARROOM_SIM_PORT (4311) · WARROOM_STORE_PORT (4312) · WARROOM_SEED (random)
// The controls need an operator token. A fresh random one is made for every start and printed
// here only: a fixed credential in the repository would work on every checkout, forever.
// People sign in to the war room (the store) the same way: a commander and a viewer with fresh
// random passwords, only their hashes written to .data/operators.json, the passwords printed
// once here. WARROOM_OPERATORS_FILE names a file of your own instead (see docs/sign-in.md).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { createServer } from 'vite';
import { makeEmbeddedOperators } from '../store/auth/embedded-operators.ts';
import type { EmbeddedOperator } from '../store/auth/embedded-operators.ts';

const port = Number(process.env.WARROOM_PORT ?? 4310);
const simPort = Number(process.env.WARROOM_SIM_PORT ?? 4311);
const storePort = Number(process.env.WARROOM_STORE_PORT ?? 4312);
const seed = process.env.WARROOM_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const operator = 'commander';
// 144 random bits, base64url: only characters a Bearer header takes as they are.
const token = randomBytes(18).toString('base64url');
const operatorsFile = process.env.WARROOM_OPERATORS_FILE || '.data/operators.json';
const people: EmbeddedOperator[] = process.env.WARROOM_OPERATORS_FILE
  ? []
  : await makeEmbeddedOperators(operatorsFile);

/** Starts a Node service of ours and resolves once it says it is listening. */
function service(name: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      console.log(`[${name}] ${line}`);
      if (line.includes('listening')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`${name} exited (code ${code}) before listening`)));
  });
}

let children: ChildProcess[] = [];
try {
  children = await Promise.all([
    // The token goes by environment, not argument: arguments are visible to every user in `ps`.
    service('sim', ['sim/host/main.ts', '--port', String(simPort), '--seed', seed], {
      WARROOM_SIM_OPERATORS: `${operator}:${token}`,
    }),
    service('store', [
      'store/main.ts',
      '--port',
      String(storePort),
      '--db',
      '.data/war-room.db',
      '--operators',
      operatorsFile,
    ]),
  ]);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  children.forEach((c) => c.kill('SIGTERM'));
  process.exit(1);
}

process.env.WARROOM_API_TARGET = `http://127.0.0.1:${simPort}`;
process.env.WARROOM_STORE_TARGET = `http://127.0.0.1:${storePort}`;
const vite = await createServer({ server: { port, host: '127.0.0.1', strictPort: true } });
await vite.listen();
console.log(`
  War room: http://127.0.0.1:${port}/     (trading desk wall screen: http://127.0.0.1:${port}/desk)
  Simulated trading system on :${simPort} (seed ${seed}) · war-room store on :${storePort}
  Operator token for the controls: ${token}
  ${
    people.length === 0
      ? `Sign in with an operator of ${operatorsFile}`
      : `Sign in to the war room: ${people.map((p) => `${p.name} / ${p.password} (${p.role})`).join(' · ')}`
  }
`);

const shutdown = async () => {
  children.forEach((c) => c.kill('SIGTERM'));
  await vite.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
// If a service dies the dashboard keeps running and says so: that is what it is for.
for (const [name, child] of [
  ['sim', children[0]],
  ['store', children[1]],
] as const) {
  child?.once('exit', (code) => console.log(`[${name}] exited (code ${code}); the dashboard stays up`));
}
