// Time is injected so that the model never reads the wall clock: tests step a ManualClock,
// the host drives a ScaledClock that drills can speed up, pause and step.

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

function checkStep(ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`clock step must be a finite ms >= 0, got ${ms}`);
}

export class ManualClock implements Clock {
  #now: number;

  constructor(startMs: number) {
    this.#now = startMs;
  }

  now(): number {
    return this.#now;
  }

  advance(ms: number): void {
    checkStep(ms);
    this.#now += ms;
  }

  set(ms: number): void {
    this.#now = ms;
  }
}

export interface ScaledClockOptions {
  startMs: number;
  /** Simulated ms per real ms. */
  speed?: number;
  /** Monotonic real time in ms; injectable for tests. */
  realNow?: () => number;
}

/**
 * Simulated time = anchor + (real time since anchor) × speed. Every change of speed or pause
 * re-anchors, so that what has elapsed so far is never rescaled after the fact.
 */
export class ScaledClock implements Clock {
  #realNow: () => number;
  #anchorSim: number;
  #anchorReal: number;
  #speed: number;
  #paused = false;

  constructor(opts: ScaledClockOptions) {
    const speed = opts.speed ?? 1;
    ScaledClock.#checkSpeed(speed);
    // performance.now() is monotonic and exists both in Node and in the browser (msw).
    this.#realNow = opts.realNow ?? (() => performance.now());
    this.#anchorSim = opts.startMs;
    this.#anchorReal = this.#realNow();
    this.#speed = speed;
  }

  static #checkSpeed(speed: number): void {
    if (!Number.isFinite(speed) || speed <= 0) throw new RangeError(`clock speed must be > 0, got ${speed}`);
  }

  #simAt(real: number): number {
    return this.#paused ? this.#anchorSim : this.#anchorSim + (real - this.#anchorReal) * this.#speed;
  }

  #reanchor(): void {
    const real = this.#realNow();
    this.#anchorSim = this.#simAt(real);
    this.#anchorReal = real;
  }

  // Whole milliseconds keep time stamps and step boundaries exact.
  now(): number {
    return Math.floor(this.#simAt(this.#realNow()));
  }

  setSpeed(speed: number): void {
    ScaledClock.#checkSpeed(speed);
    this.#reanchor();
    this.#speed = speed;
  }

  get speed(): number {
    return this.#speed;
  }

  pause(): void {
    if (this.#paused) return;
    this.#reanchor();
    this.#paused = true;
  }

  resume(): void {
    if (!this.#paused) return;
    this.#anchorReal = this.#realNow();
    this.#paused = false;
  }

  get paused(): boolean {
    return this.#paused;
  }

  advance(ms: number): void {
    checkStep(ms);
    this.#anchorSim += ms;
  }
}
