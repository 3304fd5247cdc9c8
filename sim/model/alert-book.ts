// The alerts that are firing. Rules say which alerts of a kind should fire now; the book turns
// that into alert.firing (new, or severity or summary changed) and alert.cleared events.
import type { Alert, AlertSeverity, Emit } from './types.ts';
import { iso } from './time.ts';

export interface AlertSpec {
  id: string;
  name: string;
  severity: AlertSeverity;
  summary: string;
  subject: string | null;
}

export class AlertBook {
  #emit: Emit;
  #firing = new Map<string, Alert>();
  #raised = new Map<string, number>();

  constructor(emit: Emit) {
    this.#emit = emit;
  }

  /** Makes the firing alerts named `name` exactly `desired`, as of simulated time `t`. */
  reconcile(name: string, desired: readonly AlertSpec[], t: number): void {
    const wanted = new Set(desired.map((spec) => spec.id));
    for (const [id, alert] of this.#firing) {
      if (alert.name !== name || wanted.has(id)) continue;
      this.#firing.delete(id);
      this.#emit(t, { type: 'alert.cleared', alertId: id });
    }
    for (const spec of desired) {
      const current = this.#firing.get(spec.id);
      if (current && current.severity === spec.severity && current.summary === spec.summary) continue;
      // `since` is when the alert started, kept across changes of severity.
      const alert: Alert = { ...spec, since: current?.since ?? iso(t) };
      this.#firing.set(spec.id, alert);
      this.#raised.set(name, (this.#raised.get(name) ?? 0) + 1);
      this.#emit(t, { type: 'alert.firing', alert: { ...alert } });
    }
  }

  /** alert.firing events emitted since start, by alert name (a change of severity counts again). */
  raised(): Record<string, number> {
    return Object.fromEntries(this.#raised);
  }

  list(): Alert[] {
    return [...this.#firing.values()].map((alert) => ({ ...alert }));
  }
}
