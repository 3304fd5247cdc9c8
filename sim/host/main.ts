import { scenarioNameSchema } from '../../contract/schemas.ts';
import { exitWithError, parseCommandLine } from '../../http-kit/cli.ts';
import { OperatorSpecError, parseOperatorSpec } from '../api/operators.ts';
import { choosePersonality, describeServices } from '../personalities/cli.ts';
import { createSimHost } from './server.ts';

// The simulated trading system as a process of its own, so that tests can kill it.
//   node sim/host/main.ts --port 4311 --seed 42 [--speed 1] [--drill] [--scenario exchange-outage]...
//     [--operator NAME:TOKEN[:control,control…]]...   (who may send controls; tokens are never printed)
// Operators can also come from WARROOM_SIM_OPERATORS (the same specs, separated by ";"), which
// keeps tokens out of the process list that any user of the machine can read.
//   … --personality hft|rtes|eafix|smc|lav-adaf [--service-port NAME=PORT]... [--redis redis://HOST:PORT]
//     serves the model through a seed system's own API instead (docs/simulator.md, Personalities).
function fail(message: string): never {
  return exitWithError('simulator', message);
}

const commandLine = parseCommandLine(process.argv.slice(2), {
  port: { type: 'string', default: process.env.WARROOM_SIM_PORT ?? '4311' },
  seed: { type: 'string', default: '1' },
  speed: { type: 'string', default: '1' },
  drill: { type: 'boolean', default: false },
  scenario: { type: 'string', multiple: true, default: [] },
  operator: { type: 'string', multiple: true, default: [] },
  personality: { type: 'string' },
  'service-port': { type: 'string', multiple: true, default: [] },
  redis: { type: 'string' },
});
if (!commandLine.ok) fail(commandLine.error);
const { values } = commandLine;

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

const chosen = choosePersonality({
  personality: values.personality,
  servicePorts: values['service-port'],
  redis: values.redis,
  operators: values.operator.length,
});
if (!chosen.ok) fail(chosen.error);
const personality = chosen.value;

function createHost() {
  try {
    if (personality)
      return createSimHost({
        seed,
        speed,
        drill: values.drill,
        scenarios,
        personality: {
          def: personality.def,
          servicePorts: personality.servicePorts,
          options: { env: process.env, ...(personality.redisUrl ? { redisUrl: personality.redisUrl } : {}) },
        },
      });
    const fromEnv = (process.env.WARROOM_SIM_OPERATORS ?? '').split(';').filter((spec) => spec.trim() !== '');
    const operators = [...values.operator, ...fromEnv].map(parseOperatorSpec);
    return createSimHost({ seed, speed, drill: values.drill, scenarios, operators });
  } catch (error) {
    if (error instanceof OperatorSpecError) fail(error.message);
    throw error;
  }
}

const host = createHost();
try {
  const bound = await host.listen(port);
  const drill = values.drill ? ', drill mode' : '';
  if (personality) {
    const services = describeServices(host.servicePorts);
    console.log(
      `simulator listening on http://127.0.0.1:${bound} (personality ${personality.def.name}, seed ${seed}${drill}: ${services})`,
    );
  } else {
    console.log(`simulator listening on http://127.0.0.1:${bound} (seed ${seed}${drill})`);
    console.log(`operators: ${host.operators.describe()}`);
  }
} catch (error) {
  fail(`cannot listen on 127.0.0.1:${port}: ${error instanceof Error ? error.message : String(error)}`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void host.close().then(() => process.exit(0)));
}
