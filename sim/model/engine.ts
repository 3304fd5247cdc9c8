// The trading system's state and its course through simulated time, one fixed step at a
// time. Everything periodic (metric windows, venue and order reports, health checks) happens
// on step boundaries, so the same seed yields the same history however time is fed in.
import { AlertBook } from './alert-book.ts';
import * as rules from './alert-rules.ts';
import { dbPoolGauge, effectsAt } from './effects.ts';
import type { DbPoolGauge, Effects } from './effects.ts';
import { assessServices } from './health-rules.ts';
import { latencyMu } from './latency-curve.ts';
import type { LatencyProfile } from './latency-curve.ts';
import { NORMAL_ORDER_RATE, OrderFlow } from './order-flow.ts';
import { PositionBook } from './positions.ts';
import { RiskLimitStorm } from './risk-limits.ts';
import { Rng } from './rng.ts';
import { ScenarioBook } from './scenarios.ts';
import { ServiceBook } from './services.ts';
import { CANONICAL_SHAPE } from './shape.ts';
import type { SystemShape } from './shape.ts';
import { SystemModes } from './system-modes.ts';
import { CHECK_MS, RETAINED_WINDOWS, WINDOW_MS, iso, nextStepEnd } from './time.ts';
import * as trading from './trading-state.ts';
import type {
  Emit,
  MetricWindow,
  ScenarioName,
  ScenarioStart,
  TradingState,
  TradingStateName,
} from './types.ts';
import { VenueBook } from './venues.ts';

export class Engine {
  readonly venues: VenueBook;
  readonly flow: OrderFlow;
  readonly positions: PositionBook;
  readonly services: ServiceBook;
  readonly alerts: AlertBook;
  readonly scenarios: ScenarioBook;
  readonly modes = new SystemModes();
  /** Closed metric windows, oldest first, at most RETAINED_WINDOWS. */
  readonly windows: MetricWindow[] = [];
  #emit: Emit;
  #time: number;
  #trading: TradingState;
  /** The REDUCING in progress: since when, and by how much over how long. */
  #reduction: { since: number; plan: trading.ReductionPlan } | null = null;
  #riskRng: Rng;
  #riskStorm: RiskLimitStorm | null = null;
  #reportedOrders = '';
  #latency: LatencyProfile;

  constructor(seed: number, startMs: number, emit: Emit, shape: SystemShape = CANONICAL_SHAPE) {
    this.#emit = emit;
    this.#time = startMs;
    this.#latency = shape.latency;
    this.venues = new VenueBook(new Rng(seed, 'venues'), startMs, shape.venues);
    this.flow = new OrderFlow(new Rng(seed, 'orders'), startMs, latencyMu(shape.latency));
    this.positions = new PositionBook(new Rng(seed, 'positions'), this.venues.ids);
    this.services = new ServiceBook(startMs, shape.services);
    this.alerts = new AlertBook(emit);
    this.scenarios = new ScenarioBook(this.venues.ids, new Rng(seed, 'scenarios'));
    this.#riskRng = new Rng(seed, 'risk');
    this.#trading = { state: 'ACTIVE', changedAt: iso(startMs), changedBy: 'system', reason: 'start of day' };
  }

  /** Simulated time up to which the model has been processed (epoch ms). */
  get time(): number {
    return this.#time;
  }

  get tradingState(): TradingState {
    return { ...this.#trading };
  }

  /** Processes every whole step that ends at or before `target`; the remainder waits for later. */
  advanceTo(target: number): void {
    for (let end = nextStepEnd(this.#time); end <= target; end = nextStepEnd(this.#time)) this.#step(end);
  }

  #step(end: number): void {
    const dtMs = end - this.#time;
    const fx = effectsAt(this.scenarios, end, this.#latency);
    this.modes.expire(end);
    const state = this.#trading.state;
    // The intruder trades through our own order gateway, so the kill switch shuts it out too
    // (HALTED only stops our strategy: the gateway stays open).
    const intruded = trading.blocksGateway(state) ? [] : fx.breachedVenues;
    const connectionChanged = this.venues.step(end, dtMs, {
      silentVenues: fx.silentVenues,
      breachedVenues: intruded,
      crashed: fx.crashed,
      restingFactor: trading.restingOrderFactor(state),
      frozen: trading.freezesOpenOrders(state),
    });
    const routing = this.venues.routing(fx.silentVenues, this.modes.conservative);
    const flowing = !fx.crashed && routing.open;
    this.flow.step(dtMs, {
      rate: flowing ? NORMAL_ORDER_RATE * trading.orderRateFactor(state) : 0,
      latencyFactor: fx.latencyFactor,
      errorProb: fx.errorProb + routing.failProb,
    });
    const r = this.#reduction;
    const shrink =
      r === null || fx.crashed ? 1 : trading.reductionStep(this.#time - r.since, end - r.since, r.plan);
    this.positions.step(dtMs, {
      trading: state === 'ACTIVE' && !fx.crashed,
      shrink,
      silentVenues: fx.silentVenues,
      breachedVenues: intruded,
    });
    this.#time = end;
    if (end % WINDOW_MS === 0) this.#closeWindow(end);
    else if (connectionChanged) this.#reportVenues(end); // a venue going down must not wait for the window
    if (end % CHECK_MS === 0) this.#checkHealth(end, fx);
  }

  #closeWindow(end: number): void {
    const window = this.flow.closeWindow(end);
    this.windows.push(window);
    if (this.windows.length > RETAINED_WINDOWS) this.windows.shift();
    this.#emit(end, { type: 'metrics.window', window });
    this.alerts.reconcile('LatencyP99High', rules.latencyAlerts(window, this.#latency), end);
    this.alerts.reconcile('ErrorRateHigh', rules.errorRateAlerts(window), end);
    const venues = this.venues.list();
    this.alerts.reconcile('MarketDataStale', rules.staleMarketDataAlerts(venues, end), end);
    this.alerts.reconcile('ExchangeDisconnected', rules.disconnectedAlerts(venues), end);
    this.alerts.reconcile('RiskLimitBreach', this.#riskStorm?.breaches(end) ?? [], end);

    this.#reportVenues(end);
    this.#reportOrders(end);
  }

  #reportOrders(at: number): void {
    const openOrders = this.venues.totalOpenOrders();
    const positions = this.positions.list();
    const report = JSON.stringify([openOrders, positions]);
    if (report !== this.#reportedOrders) {
      this.#reportedOrders = report;
      this.#emit(at, { type: 'orders.changed', openOrders, positions });
    }
  }

  /** Reports venues and orders that an action changed now, rather than at the next window. */
  reportNow(at: number): void {
    this.#reportVenues(at);
    this.#reportOrders(at);
  }

  #reportVenues(end: number): void {
    const changedVenues = this.venues.takeChanged();
    if (changedVenues.length > 0) this.#emit(end, { type: 'venues.changed', venues: changedVenues });
  }

  #checkHealth(end: number, fx: Effects): void {
    for (const service of this.services.check(end, assessServices(fx, this.venues.list())))
      this.#emit(end, { type: 'service.changed', service });
    this.#emit(end, { type: 'services.checked', checkedAt: iso(end) });
    this.alerts.reconcile('ServiceDown', rules.serviceDownAlerts(this.services.list()), end);
    this.alerts.reconcile('UnknownOrders', rules.unknownOrdersAlerts(this.venues.unknownOrders()), end);
  }

  startScenario(start: ScenarioStart, at: number): void {
    if (!this.scenarios.start(start, at)) return;
    if (start.name === 'risk-alert-storm')
      this.#riskStorm = new RiskLimitStorm(this.#riskRng, at, this.positions.list());
  }

  stopScenario(name: ScenarioName): void {
    if (!this.scenarios.stop(name)) return;
    // Effects that are functions of time end by themselves; these two hold state of their own.
    if (name === 'risk-alert-storm') this.#riskStorm = null;
    if (name === 'security-breach') this.venues.clearUnknown();
  }

  /**
   * Returns false (and emits nothing) when the system is already in `next`. `reduction` says how
   * REDUCING reduces (default: half over 300 s).
   */
  setTradingState(
    next: TradingStateName,
    by: string,
    reason: string,
    at: number,
    reduction: trading.ReductionPlan = trading.DEFAULT_REDUCTION,
  ): boolean {
    if (!trading.isTradingStateName(next)) throw new RangeError(`unknown trading state: ${String(next)}`);
    if (next === this.#trading.state) return false;
    this.#trading = { state: next, changedAt: iso(at), changedBy: by, reason };
    this.#reduction = next === 'REDUCING' ? { since: at, plan: reduction } : null;
    if (next === 'KILLED') this.venues.cancelAll();
    this.#emit(at, { type: 'trading-state.changed', tradingState: { ...this.#trading } });
    return true;
  }

  /** Venues whose exchange is down now (not our session to it: the exchange). */
  exchangesDown(): readonly string[] {
    return effectsAt(this.scenarios, this.#time, this.#latency).silentVenues;
  }

  /** The connection pool as its gauge reads now. */
  dbPool(): DbPoolGauge {
    return dbPoolGauge(this.scenarios, this.#time);
  }

  /**
   * Reconnects a venue's session unless its exchange (or our whole system) is still down, in
   * which case a new session would drop at once: nothing changes. Returns whether it reconnected.
   */
  reconnectVenue(venueId: string, at: number): boolean {
    const fx = effectsAt(this.scenarios, at, this.#latency);
    if (fx.crashed || fx.silentVenues.includes(venueId)) return false;
    return this.venues.reconnect(venueId, at);
  }
}
