// System-wide modes that only some systems have, each set by a control for a while and then
// falling back by itself: conservative order routing, and a market regime fixed by hand while
// the regime detector is not trusted. Neither is in the contract's snapshot; a personality reads
// them through Simulator.details().

export type RoutingMode = 'NORMAL' | 'CONSERVATIVE';

export interface RoutingState {
  mode: RoutingMode;
  /** When CONSERVATIVE falls back to NORMAL (simulated epoch ms); null while NORMAL. */
  until: number | null;
}

export interface RegimeOverride {
  regime: string;
  since: number;
  until: number;
}

export class SystemModes {
  #routing: RoutingState = { mode: 'NORMAL', until: null };
  #regime: RegimeOverride | null = null;

  /** Lets modes whose time is up fall back; true when one did. */
  expire(t: number): boolean {
    let changed = false;
    if (this.#routing.until !== null && t >= this.#routing.until) {
      this.#routing = { mode: 'NORMAL', until: null };
      changed = true;
    }
    if (this.#regime && t >= this.#regime.until) {
      this.#regime = null;
      changed = true;
    }
    return changed;
  }

  /** Conservative until `until`; a second call moves the end, as a new timeout would. */
  routeConservatively(until: number): void {
    this.#routing = { mode: 'CONSERVATIVE', until };
  }

  fixRegime(regime: string, since: number, until: number): void {
    this.#regime = { regime, since, until };
  }

  get routing(): RoutingState {
    return { ...this.#routing };
  }

  get conservative(): boolean {
    return this.#routing.mode === 'CONSERVATIVE';
  }

  get regime(): RegimeOverride | null {
    return this.#regime ? { ...this.#regime } : null;
  }
}
