// The services' last check results. A check applies fresh verdicts and reports which services
// changed, so that the stream carries changes, not the whole list every five seconds.
import type { Verdict } from './health-rules.ts';
import { SERVICES } from './health-rules.ts';
import { iso } from './time.ts';
import type { Service } from './types.ts';

export class ServiceBook {
  #services: Service[];

  constructor(startMs: number) {
    this.#services = SERVICES.map(({ id, name }) => ({
      id,
      name,
      health: 'UP',
      lastCheckAt: iso(startMs),
      detail: null,
    }));
  }

  /** Applies a check made at `t`; returns copies of the services whose health or detail changed. */
  check(t: number, verdicts: ReadonlyMap<string, Verdict>): Service[] {
    const changed: Service[] = [];
    for (const service of this.#services) {
      const verdict = verdicts.get(service.id) ?? { health: 'UP', detail: null };
      const differs = verdict.health !== service.health || verdict.detail !== service.detail;
      service.health = verdict.health;
      service.detail = verdict.detail;
      service.lastCheckAt = iso(t);
      if (differs) changed.push({ ...service });
    }
    return changed;
  }

  list(): Service[] {
    return this.#services.map((s) => ({ ...s }));
  }
}
