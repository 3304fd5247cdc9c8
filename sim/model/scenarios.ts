// Which scenarios run, since when and with which parameters. Validation lives here because a
// bad start request must be refused before anything in the model changes.
import { scenarioNameSchema } from '../../contract/schemas.ts';
import type { Rng } from './rng.ts';
import type { ScenarioName, ScenarioStart } from './types.ts';

/** Bad scenario input; the host answers it with a 400. */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

/** Every scenario, in the contract's order (the order `scenarios` reports them in). */
export const SCENARIO_NAMES: readonly ScenarioName[] = scenarioNameSchema.options;

/** How many venues an intruder places orders on. */
const BREACHED_VENUES = 3;

export interface RunningScenario {
  name: ScenarioName;
  /** Simulated epoch ms at which it started. */
  since: number;
  /** Venues it acts on: the silent one for an outage, the intruder's for a breach. */
  venueIds: readonly string[];
}

export function isScenarioName(value: unknown): value is ScenarioName {
  return typeof value === 'string' && (SCENARIO_NAMES as readonly string[]).includes(value);
}

export class ScenarioBook {
  #venueIds: readonly string[];
  #rng: Rng;
  #running = new Map<ScenarioName, RunningScenario>();

  constructor(venueIds: readonly string[], rng: Rng) {
    this.#venueIds = venueIds;
    this.#rng = rng;
  }

  /** Starts a scenario; returns false when it was already running (starting is idempotent). */
  start(start: ScenarioStart, at: number): boolean {
    if (typeof start !== 'object' || start === null)
      throw new ScenarioError('a scenario start must be an object');
    const { name, venueId } = start;
    if (!isScenarioName(name)) throw new ScenarioError(`unknown scenario: ${String(name)}`);
    if (venueId !== undefined) {
      if (name !== 'exchange-outage')
        throw new ScenarioError(`venueId applies only to exchange-outage, not ${name}`);
      if (typeof venueId !== 'string' || !this.#venueIds.includes(venueId))
        throw new ScenarioError(`unknown venue: ${String(venueId)} (known: ${this.#venueIds.join(', ')})`);
    }
    if (name === 'normal' || this.#running.has(name)) return false;
    this.#running.set(name, { name, since: at, venueIds: this.#venuesFor(name, venueId) });
    return true;
  }

  #venuesFor(name: ScenarioName, venueId: string | undefined): string[] {
    if (name === 'exchange-outage') return [venueId ?? this.#venueIds[0] ?? ''];
    if (name !== 'security-breach') return [];
    const pool = [...this.#venueIds];
    const chosen: string[] = [];
    while (chosen.length < BREACHED_VENUES && pool.length > 0)
      chosen.push(pool.splice(this.#rng.int(pool.length), 1)[0] ?? '');
    // Venue order, not draw order, so that lists read the same way everywhere.
    return this.#venueIds.filter((id) => chosen.includes(id));
  }

  /** Stops a scenario; returns false when it was not running. 'normal' cannot be stopped. */
  stop(name: ScenarioName): boolean {
    if (!isScenarioName(name)) throw new ScenarioError(`unknown scenario: ${String(name)}`);
    return this.#running.delete(name);
  }

  get(name: ScenarioName): RunningScenario | undefined {
    return this.#running.get(name);
  }

  has(name: ScenarioName): boolean {
    return this.#running.has(name);
  }

  /** Running scenarios in catalogue order, 'normal' first and always present. */
  get names(): ScenarioName[] {
    return SCENARIO_NAMES.filter((name) => name === 'normal' || this.#running.has(name));
  }
}
