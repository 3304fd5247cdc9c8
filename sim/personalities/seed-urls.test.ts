// Every HTTP call a seed playbook makes to its system, made to the personality that plays it:
// each must be served. The seeds live beside the repository (../shared/seeds); without them
// this test skips and says why.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ManualClock } from '../model/clock.ts';
import { Simulator } from '../model/simulator.ts';
import { NativeProblem } from './kit/problem.ts';
import { findRoute } from './kit/router.ts';
import { PERSONALITY_NAMES } from './kit/types.ts';
import type { PersonalityName } from './kit/types.ts';
import { PERSONALITIES } from './registry.ts';
import { TEST_TIMEOUT_MS, personalityFactory, request } from './testing/personality-process.ts';
import { seedCalls } from './testing/seed-calls.ts';
import type { SeedCall } from './testing/seed-calls.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEEDS = resolve(ROOT, '../shared/seeds');
const present = existsSync(SEEDS);
const TOKEN = 'seed-check-emergency-token';
const start = personalityFactory({ EMERGENCY_TOKEN: TOKEN });

/** How each system names itself in its playbook's title. */
const TITLES: Record<PersonalityName, string> = {
  rtes: 'RTES',
  eafix: 'EAFIX',
  smc: 'SMC Trading Agent',
  'lav-adaf': 'LAV/ADAF',
  hft: 'HFT SYSTEM',
};
/** What the playbooks leave for a person to fill in. */
const PLACEHOLDERS: Partial<Record<PersonalityName, Record<string, string>>> = {
  hft: { '<EXCHANGE_NAME>': 'binance', '<EXCHANGE>': 'binance', '<exchange>': 'binance' },
  'lav-adaf': { '${EMERGENCY_TOKEN}': TOKEN, VENUE_ID: 'okx' },
};
/** Calls the seed makes that its system answers with a 4xx, and why. */
const EXPECTED_REFUSALS: Record<string, number> = {
  // The unquoted & in the seed leaves only ?query=up; Prometheus wants start, end and step.
  'GET localhost:9090/api/v1/query_range?query=up': 400,
};

function seedText(name: PersonalityName): string | null {
  if (!present) return null;
  for (const file of readdirSync(SEEDS)) {
    const text = readFileSync(resolve(SEEDS, file), 'utf8');
    if (text.slice(0, 300).includes(TITLES[name])) return text;
  }
  return null;
}

/** The seed's calls that reach this system, by service; EAFIX's templated health loop, per service. */
function callsFor(name: PersonalityName): { service: string; call: SeedCall }[] {
  const text = seedText(name);
  if (text === null) return [];
  const def = PERSONALITIES[name];
  const byHost = new Map(def.services.map((s) => [s.seedHost ?? `localhost:${s.nativePort}`, s.name]));
  return seedCalls(text, PLACEHOLDERS[name]).flatMap((call) => {
    if (call.host.includes('${'))
      return def.services
        .filter((s) => !s.outsideTheSystem)
        .map((s) => ({ service: s.name, call: { ...call, host: `localhost:${s.nativePort}` } }));
    const service = byHost.get(call.host);
    return service === undefined ? [] : [{ service, call }];
  });
}

const title = present
  ? `the seeds' own calls (seeds read from ${SEEDS})`
  : `the seeds' own calls: skipped, the seed playbooks are not at ${SEEDS}`;

describe.skipIf(!present)(title, () => {
  test.for(PERSONALITY_NAMES)(
    '%s serves every call its seed makes',
    { timeout: TEST_TIMEOUT_MS },
    async (name) => {
      const calls = callsFor(name);
      expect(calls.length, `no calls found in the ${TITLES[name]} seed`).toBeGreaterThan(0);
      const p = await start(name);
      const answers: string[] = [];
      for (const { service, call } of calls) {
        const answer = await request(`${p.services[service]}${call.target}`, {
          method: call.method,
          headers: call.headers,
          ...(call.body !== undefined ? { body: call.body } : {}),
        });
        const key = `${call.method} ${call.host}${call.target}`;
        const expected = EXPECTED_REFUSALS[key];
        const ok =
          expected === undefined ? answer.status >= 200 && answer.status < 300 : answer.status === expected;
        answers.push(`${key} → ${answer.status}${ok ? '' : ` (unexpected: ${answer.text.slice(0, 160)})`}`);
      }
      expect(answers.filter((a) => a.includes('unexpected'))).toEqual([]);
    },
  );

  test.for(PERSONALITY_NAMES)('%s: the endpoints marked "seed" are exactly those its seed calls', (name) => {
    const def = PERSONALITIES[name];
    const runtime = def.create(new Simulator({ seed: 1, clock: new ManualClock(0), shape: def.shape }), {
      env: {},
    });
    const seedRoutes = new Set(
      Object.entries(runtime.routes).flatMap(([service, routes]) =>
        routes.filter((r) => r.source === 'seed').map((r) => `${service} ${r.method} ${r.path}`),
      ),
    );
    const called = new Set<string>();
    const unmarked: string[] = [];
    for (const { service, call } of callsFor(name)) {
      try {
        const { route } = findRoute(
          runtime.routes[service] ?? [],
          call.method,
          call.target.split('?')[0] ?? '/',
        );
        const id = `${service} ${route.method} ${route.path}`;
        if (route.source === 'seed') called.add(id);
        else unmarked.push(id);
      } catch (error) {
        if (!(error instanceof NativeProblem)) throw error;
        unmarked.push(`${service} ${call.method} ${call.target} (${error.status})`);
      }
    }
    void runtime.stop?.();
    expect(unmarked).toEqual([]);
    expect([...seedRoutes].filter((id) => !called.has(id))).toEqual([]);
  });
});
