// The services' last check results. A check applies fresh verdicts and reports which services
// changed, so that the stream carries changes, not the whole list every five seconds.
//
// The health rules judge the canonical system's seven parts. Another system is cut differently
// (six containers, three daemons, one process with components), so a catalogue says which of
// those parts each of its services is made of; a service is as healthy as its worst part.
import type { Verdict } from './health-rules.ts';
import { SERVICES } from './health-rules.ts';
import { iso } from './time.ts';
import type { Health, Service } from './types.ts';

export interface ServiceDef {
  id: string;
  name: string;
  /** The canonical parts (health-rules SERVICES ids) whose checks this service's check follows. */
  follows: readonly string[];
}

/** The canonical system: each service is one part. */
export const CANONICAL_SERVICES: readonly ServiceDef[] = SERVICES.map(({ id, name }) => ({
  id,
  name,
  follows: [id],
}));

const RANK: Record<Health, number> = { UP: 0, DEGRADED: 1, DOWN: 2 };
const UP: Verdict = { health: 'UP', detail: null };

/** The worst verdict among a service's parts; the first of equally bad ones names the trouble. */
export function combineVerdicts(def: ServiceDef, verdicts: ReadonlyMap<string, Verdict>): Verdict {
  let worst = UP;
  for (const part of def.follows) {
    const verdict = verdicts.get(part) ?? UP;
    if (RANK[verdict.health] > RANK[worst.health]) worst = verdict;
  }
  return worst;
}

export class ServiceBook {
  #catalogue: readonly ServiceDef[];
  #services: Service[];

  constructor(startMs: number, catalogue: readonly ServiceDef[] = CANONICAL_SERVICES) {
    this.#catalogue = catalogue;
    this.#services = catalogue.map(({ id, name }) => ({
      id,
      name,
      health: 'UP',
      lastCheckAt: iso(startMs),
      detail: null,
    }));
  }

  /**
   * Applies a check made at `t` (verdicts by canonical part); returns copies of the services
   * whose health or detail changed.
   */
  check(t: number, verdicts: ReadonlyMap<string, Verdict>): Service[] {
    const changed: Service[] = [];
    this.#services.forEach((service, i) => {
      const def = this.#catalogue[i];
      const verdict = def ? combineVerdicts(def, verdicts) : UP;
      const differs = verdict.health !== service.health || verdict.detail !== service.detail;
      service.health = verdict.health;
      service.detail = verdict.detail;
      service.lastCheckAt = iso(t);
      if (differs) changed.push({ ...service });
    });
    return changed;
  }

  list(): Service[] {
    return this.#services.map((s) => ({ ...s }));
  }
}
