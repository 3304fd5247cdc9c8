import { parseArgs } from 'node:util';
import { scenarioNameSchema } from '../../contract/schemas.ts';
import { OperatorSpecError, parseOperatorSpec } from '../api/operators.ts';
import { createSimHost } from './server.ts';

// The simulated trading system as a process of its own, so that tests can kill it.
//   node sim/host/main.ts --port 4311 --seed 42 [--speed 1] [--drill] [--scenario exchange-outage]...
//     [--operator NAME:TOKEN[:control,control…]]...   (who may send controls; tokens are never printed)
function fail(message: string): never {
  console.error(`simulator: ${message}`);
  process.exit(2);
}

const VALUE_OPTIONS = new Set(['--port', '--seed', '--speed', '--scenario', '--operator']);

/**
 * parseArgs refuses `--seed -1` as ambiguous (the value looks like an option) with a stack
 * trace. Every value option here takes a number or a name, so what follows one is its value,
 * passed as `--seed=-1` to be refused below with a message that says what is wrong with it.
 */
function joinValues(args: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const next = args[i + 1];
    if (VALUE_OPTIONS.has(arg) && next !== undefined) {
      joined.push(`${arg}=${next}`);
      i += 1;
    } else joined.push(arg);
  }
  return joined;
}

function parseCommandLine() {
  try {
    return parseArgs({
      args: joinValues(process.argv.slice(2)),
      options: {
        port: { type: 'string', default: process.env.WARROOM_SIM_PORT ?? '4311' },
        seed: { type: 'string', default: '1' },
        speed: { type: 'string', default: '1' },
        drill: { type: 'boolean', default: false },
        scenario: { type: 'string', multiple: true, default: [] },
        operator: { type: 'string', multiple: true, default: [] },
      },
    });
  } catch (error) {
    // Unknown options and missing values: one line, not a stack trace.
    fail(error instanceof Error ? error.message : String(error));
  }
}

const { values } = parseCommandLine();

const port = Number(values.port);
const seed = Number(values.seed);
const speed = Number(values.speed);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be a port number, got "${values.port}"`);
if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
  fail(`--seed must be an integer ≥ 0, got "${values.seed}"`);
if (!(speed > 0 && speed <= 1000)) fail(`--speed must be in (0, 1000], got "${values.speed}"`);
const scenarios = values.scenario.map((name) => {
  const parsed = scenarioNameSchema.safeParse(name);
  return parsed.success ? parsed.data : fail(`unknown scenario "${name}"`);
});

function createHost() {
  try {
    const operators = values.operator.map(parseOperatorSpec);
    return createSimHost({ seed, speed, drill: values.drill, scenarios, operators });
  } catch (error) {
    if (error instanceof OperatorSpecError) fail(error.message);
    throw error;
  }
}

const host = createHost();
try {
  const bound = await host.listen(port);
  console.log(
    `simulator listening on http://127.0.0.1:${bound} (seed ${seed}${values.drill ? ', drill mode' : ''})`,
  );
  console.log(`operators: ${host.operators.describe()}`);
} catch (error) {
  fail(`cannot listen on 127.0.0.1:${port}: ${error instanceof Error ? error.message : String(error)}`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void host.close().then(() => process.exit(0)));
}
