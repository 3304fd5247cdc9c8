// `npm start`: the whole war room on loopback, on its embedded default — the simulated trading
// system (normal scenario) and the dashboard, which forwards /api to it. Ctrl-C stops both.
//   WARROOM_PORT (default 4310) · WARROOM_SIM_PORT (default 4311) · WARROOM_SEED (default: random)
// The controls need an operator token. A fresh random one is made for every start and printed
// here only: a fixed credential in the repository would work on every checkout, forever.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createServer } from 'vite';

const port = Number(process.env.WARROOM_PORT ?? 4310);
const simPort = Number(process.env.WARROOM_SIM_PORT ?? 4311);
const seed = process.env.WARROOM_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const operator = 'commander';
// 144 random bits, base64url: only characters a Bearer header takes as they are.
const token = randomBytes(18).toString('base64url');

const sim = spawn(
  process.execPath,
  ['sim/host/main.ts', '--port', String(simPort), '--seed', seed, '--operator', `${operator}:${token}`],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const simLines = createInterface({ input: sim.stdout });
const listening = new Promise<void>((resolve, reject) => {
  simLines.on('line', (line) => {
    console.log(`[sim] ${line}`);
    if (line.includes('listening')) resolve();
  });
  sim.once('exit', (code) => reject(new Error(`the simulator exited (code ${code}) before listening`)));
});

try {
  await listening;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

process.env.WARROOM_API_TARGET = `http://127.0.0.1:${simPort}`;
const vite = await createServer({ server: { port, host: '127.0.0.1', strictPort: true } });
await vite.listen();
console.log(
  `\n  War room: http://127.0.0.1:${port}/   (simulated trading system on :${simPort}, seed ${seed})` +
    `\n  Operator token for the controls: ${token}   (operator "${operator}", every control; valid until this process stops)\n`,
);

const shutdown = async () => {
  sim.kill('SIGTERM');
  await vite.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
// If the simulator dies the dashboard keeps running and says so: that is what it is for.
void once(sim, 'exit').then(([code]) => console.log(`[sim] exited (code ${code}); the dashboard stays up`));
