// The simulated trading system as the host sees it: it owns the clock and the event history,
// turns calls into model actions at the current simulated time and serves snapshots and
// event pages. The model itself lives in engine.ts.
import type { Clock } from './clock.ts';
import { CommandLedger, fingerprint } from './command-ledger.ts';
import {
  expectedTradingState,
  isOffered,
  notOfferedMessage,
  offeredControls,
  planControl,
} from './controls.ts';
import type { ModelControl } from './controls.ts';
import { modelDetails } from './details.ts';
import type { ModelDetails } from './details.ts';
import { Engine } from './engine.ts';
import type { FlowTotals } from './order-flow.ts';
import { EventLog } from './event-log.ts';
import { executePlan } from './execute-plan.ts';
import type { EventPage, Listener } from './event-log.ts';
import { systemShape } from './shape.ts';
import type { SystemShape } from './shape.ts';
import { WINDOW_MS, iso } from './time.ts';
import type {
  ApiEventPage,
  ControlId,
  ControlReceipt,
  Environment,
  ExecutedCommand,
  ScenarioName,
  ScenarioStart,
  Snapshot,
  StreamEvent,
  SystemInfo,
  TradingState,
  TradingStateName,
} from './types.ts';

export type {
  ControlId,
  ControlReceipt,
  ExecutedCommand,
  ScenarioName,
  ScenarioStart,
  StreamEvent,
  Snapshot,
  TradingStateName,
} from './types.ts';
export { ScenarioError } from './scenarios.ts';
export { OFFERED_CONTROLS, isOffered } from './controls.ts';
export type { ExtraControl, ModelControl, OfferedControl } from './controls.ts';
export type { ModelDetails } from './details.ts';
export type { EventPage } from './event-log.ts';
export type { SystemShape } from './shape.ts';
export type { FlowTotals } from './order-flow.ts';
export type { LatencyTotals } from './latency-buckets.ts';

/** Counters since the system started, for an exporter: monotonic, as Prometheus wants them. */
export interface ModelTotals extends FlowTotals {
  /** alert.firing events by alert name. */
  alertsRaised: Record<string, number>;
}

export interface SimulatorOptions {
  seed: number;
  clock: Clock;
  system?: { id: string; name: string };
  environment?: Environment;
  /** Events kept for replay (eventsAfter); default 10 000. */
  retainEvents?: number;
  /**
   * Names this life of the system in snapshots (event ids compare only within one instance).
   * The host passes a fresh id per process; the default derives from the seed to stay deterministic.
   */
  instance?: string;
  /** A seed system's shape (venues, services, latencies, extra controls); default: the canonical one. */
  shape?: Partial<SystemShape>;
}

export const DEFAULT_SYSTEM = { id: 'sim', name: 'Simulated trading system' } as const;

/** A control as the trading API received it, with who sent it (the host authenticated them). */
export interface CommandInput {
  /** The Idempotency-Key: the command runs at most once per key. */
  key: string;
  controlId: ControlId;
  venueId?: string;
  params?: Record<string, unknown>;
  reason: string;
  /** Recorded as the trading state's changedBy. */
  operator: string;
}

export type CommandResult =
  /** It ran now; `duplicate`: the key had run before, and this is its first receipt again. */
  | { kind: 'executed' | 'duplicate'; receipt: ControlReceipt }
  /** Nothing ran: the key belongs to another command, the control is not offered, or the request is wrong. */
  | { kind: 'conflict' | 'not-offered' | 'bad-request'; message: string };

export class Simulator {
  readonly seed: number;
  readonly instance: string;
  #clock: Clock;
  #system: SystemInfo;
  #log: EventLog;
  #engine: Engine;
  #ledger = new CommandLedger();
  #offered: readonly ModelControl[];
  #ticking = false;

  constructor(opts: SimulatorOptions) {
    this.seed = opts.seed;
    this.instance = opts.instance || `sim-seed-${opts.seed}`;
    this.#clock = opts.clock;
    const { id, name } = opts.system ?? DEFAULT_SYSTEM;
    const shape = systemShape(opts.shape);
    this.#offered = offeredControls(shape.extraControls);
    this.#system = {
      id,
      name,
      controls: [...this.#offered],
      environment: opts.environment ?? 'simulator',
    };
    this.#log = new EventLog(opts.retainEvents);
    this.#engine = new Engine(opts.seed, opts.clock.now(), (at, body) => this.#log.append(at, body), shape);
  }

  /** Advances the model up to the clock's present, emitting what happens on the way. */
  tick(): void {
    // A listener that reads a snapshot while an event is being emitted must not re-enter a step.
    if (this.#ticking) return;
    this.#ticking = true;
    try {
      this.#engine.advanceTo(this.#clock.now());
    } finally {
      this.#ticking = false;
    }
  }

  /** Simulated time of an action: now, brought up to date first (never before processed time). */
  #actionTime(): number {
    this.tick();
    return Math.max(this.#clock.now(), this.#engine.time);
  }

  /** The full state as of the clock's present (ticks first). */
  snapshot(): Snapshot {
    this.tick();
    const e = this.#engine;
    return {
      system: { ...this.#system, controls: [...this.#system.controls] },
      instance: this.instance,
      asOf: iso(e.time),
      eventId: this.#log.lastId,
      tradingState: e.tradingState,
      services: e.services.list(),
      venues: e.venues.list(),
      metrics: { windowMs: WINDOW_MS, windows: structuredClone(e.windows) },
      alerts: e.alerts.list(),
      openOrders: e.venues.totalOpenOrders(),
      positions: e.positions.list(),
    };
  }

  /** Events after `afterId`, oldest first (ticks first). `gap` when they were no longer retained. */
  eventsAfter(afterId: number, limit?: number): EventPage {
    this.tick();
    return this.#log.after(afterId, limit);
  }

  /**
   * What a client standing at (`instance`, `afterId`) missed, as the API serves it. A position
   * from another life of the system (another instance, or ahead of this one) is a gap: its ids
   * say nothing about ours, so the client must start over from a snapshot.
   */
  eventPage(afterId: number, instance: string | null, limit?: number): ApiEventPage {
    const page = this.eventsAfter(afterId, limit);
    const otherLife = (instance !== null && instance !== this.instance) || afterId > page.lastEventId;
    return otherLife
      ? { instance: this.instance, events: [], lastEventId: page.lastEventId, gap: true }
      : { instance: this.instance, ...page };
  }

  /**
   * Every event still retained, oldest first (ticks first): the history a native API reads its
   * lists from (executions, violations, failed orders), as a real system reads its own tables.
   */
  history(): StreamEvent[] {
    this.tick();
    return this.#log.retained();
  }

  get lastEventId(): number {
    return this.#log.lastId;
  }

  /** Calls `listener` with every event as it is emitted; returns the unsubscribe function. */
  subscribe(listener: (event: StreamEvent) => void): () => void {
    return this.#log.subscribe(listener as Listener);
  }

  /** Starts a scenario now; idempotent while it runs. Throws ScenarioError on bad input. */
  startScenario(start: ScenarioStart): void {
    this.#engine.startScenario(start, this.#actionTime());
  }

  /** Stops a scenario now; the system recovers from it. Stopping 'normal' or a stopped one does nothing. */
  stopScenario(name: ScenarioName): void {
    this.tick();
    this.#engine.stopScenario(name);
  }

  /** Running scenarios, 'normal' first and always present. */
  get scenarios(): ScenarioName[] {
    return this.#engine.scenarios.names;
  }

  /** False while the system has crashed: the host then stops answering the trading API. */
  get apiAnswering(): boolean {
    return !this.#engine.scenarios.has('system-crash');
  }

  get environment(): Environment {
    return this.#system.environment === 'drill' ? 'drill' : 'simulator';
  }

  setEnvironment(env: Environment): void {
    this.#system = { ...this.#system, environment: env };
  }

  /**
   * Moves the trading state machine now and emits trading-state.changed (nothing when already
   * in `next`). KILLED cancels every open order at once; HALTED stops new orders and keeps open
   * ones; REDUCING shrinks positions by half over 300 s; ACTIVE resumes normal flow.
   */
  setTradingState(next: TradingStateName, by: string, reason: string): void {
    const at = this.#actionTime();
    if (this.#engine.setTradingState(next, by, reason, at)) this.#engine.reportNow(at);
  }

  /**
   * Executes a trading control at most once per idempotency key, now, and reports its effect in
   * events at once. The same key with the same request is a `duplicate` carrying the first
   * receipt (nothing runs again); with a different request, a `conflict`. A refused request
   * (not offered, bad venue or params) spends no key.
   */
  command(input: CommandInput): CommandResult {
    const { key, controlId, operator, reason } = input;
    if (!isOffered(controlId, this.#offered))
      return { kind: 'not-offered', message: notOfferedMessage(controlId, this.#offered) };
    if (typeof key !== 'string' || key === '')
      return { kind: 'bad-request', message: 'an idempotency key is required' };
    const planned = planControl(
      { controlId, venueId: input.venueId, params: input.params },
      this.#engine.venues.ids,
    );
    if (!planned.ok) return { kind: 'bad-request', message: planned.message };

    const print = fingerprint(input);
    const seen = this.#ledger.lookup(key, print);
    if (seen.kind !== 'new')
      return seen.kind === 'duplicate' ? seen : { kind: 'conflict', message: seen.message };

    const at = this.#actionTime();
    if (executePlan(this.#engine, planned.plan, operator, reason, at)) this.#engine.reportNow(at);
    const commandId = `cmd-${this.#ledger.size + 1}`;
    const venueId = input.venueId ?? null;
    const receipt: ControlReceipt = {
      commandId,
      idempotencyKey: key,
      controlId,
      venueId,
      outcome: 'accepted',
      operator,
      receivedAt: iso(at),
      expectedTradingState: expectedTradingState(controlId),
    };
    this.#ledger.record(key, print, receipt, {
      commandId,
      idempotencyKey: key,
      controlId,
      venueId,
      operator,
      reason,
      executedAt: iso(at),
    });
    return { kind: 'executed', receipt };
  }

  /** What the model knows beyond the snapshot (ticks first); see ModelDetails. */
  details(): ModelDetails {
    this.tick();
    return modelDetails(this.#engine);
  }

  /** Orders, errors, latency buckets and alerts since start (ticks first): see ModelTotals. */
  totals(): ModelTotals {
    this.tick();
    return { ...this.#engine.flow.totals(), alertsRaised: this.#engine.alerts.raised() };
  }

  /** Simulated time now (epoch ms), the model brought up to date first. */
  now(): number {
    return this.#actionTime();
  }

  /** The trading state now (ticks first): cheaper than a snapshot for a watcher that polls. */
  get tradingState(): TradingState {
    this.tick();
    return this.#engine.tradingState;
  }

  /** The venue ids, in the model's order. */
  get venueIds(): string[] {
    return this.#engine.venues.ids;
  }

  /** Every command executed so far, oldest first, each idempotency key at most once. */
  executedCommands(): ExecutedCommand[] {
    return this.#ledger.list();
  }
}
