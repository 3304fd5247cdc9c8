// The connector's canonical picture of one system, section by section, rebuilt from the latest
// answer of each read. Mapping failures and failed reads are kept per section, in words, and
// served with the snapshot, so a section that cannot be read says so in its own panel, with its
// last valid value, instead of going quiet or showing that value as current.
import type {
  Alert,
  MetricWindow,
  Position,
  SectionName,
  Service,
  SourceProblem,
  TradingState,
  Venue,
} from '../../contract/schemas.ts';
import { fieldValue } from '../map/field.ts';
import {
  mapAlerts,
  mapPositions,
  mapServiceList,
  mapTradingState,
  mapVenues,
  judgeProbe,
} from '../map/sections.ts';
import { MetricsReader } from '../map/metrics.ts';
import type { Profile } from '../profile/schema.ts';
import { describeRead } from '../profile/sources.ts';
import { usable } from '../read/perform-read.ts';
import type { ReadResult } from '../read/perform-read.ts';
import type { PlannedRead } from './read-plan.ts';

export interface Picture {
  tradingState: TradingState | null;
  services: Service[];
  venues: Venue[];
  windows: MetricWindow[];
  alerts: Alert[];
  openOrders: number;
  positions: Position[];
  /** When service health was last checked, by any probe or list read. */
  servicesCheckedAt: string | null;
  /** The sections that cannot be read now. */
  problems: SourceProblem[];
}

export const MAX_WINDOWS = 120;

const iso = (ms: number) => new Date(ms).toISOString();
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class SystemPicture {
  readonly profile: Profile;
  /** The state as the system reports it, and when it lapses by itself (null: it does not). */
  #state: TradingState | null = null;
  #expiresAt: number | null = null;
  services = new Map<string, Service>();
  serviceList: Service[] = [];
  venues: Venue[] = [];
  windows: MetricWindow[] = [];
  nativeAlerts: Alert[] = [];
  positions: Position[] = [];
  positionOpenOrders: number | null = null;
  servicesCheckedAt: number | null = null;
  /** Why a section cannot be shown as current, and since when. */
  problems = new Map<SectionName, { problem: string; since: number }>();
  #metrics: MetricsReader | null;
  #probeOrder: string[];

  constructor(profile: Profile) {
    this.profile = profile;
    const metrics = profile.sections.metrics;
    this.#metrics = metrics && !('notOffered' in metrics) ? new MetricsReader(metrics) : null;
    const services = profile.sections.services;
    this.#probeOrder = services && 'probes' in services ? (services.probes ?? []).map((p) => p.id) : [];
  }

  #fail(section: SectionName, problem: string, at: number): void {
    const held = this.problems.get(section);
    this.problems.set(section, { problem, since: held?.problem === problem ? held.since : at });
  }

  /** Takes one read's answer into every section it feeds. */
  ingest(planned: PlannedRead, result: ReadResult): void {
    if (planned.probe) {
      const service = judgeProbe(planned.probe.probe, planned.probe, result);
      this.services.set(service.id, service);
      this.servicesCheckedAt = result.at;
      return;
    }
    if (planned.expiry) {
      const spec = this.profile.sections.tradingState;
      const answer = usable(result, 'tradingState.expiry');
      const seconds =
        answer.ok && spec && 'expiry' in spec && spec.expiry
          ? fieldValue(spec.expiry.seconds, answer.document)
          : null;
      // Unreadable: not known to lapse, rather than a guess.
      this.#expire(typeof seconds === 'number' && seconds >= 0 ? result.at + seconds * 1000 : null);
      return;
    }
    if (planned.sections.includes('services')) this.servicesCheckedAt = result.at;
    for (const section of planned.sections) {
      const answer = usable(result, `${section} (${describeRead(planned.read)})`);
      if (!answer.ok) {
        this.#fail(section, answer.problem, result.at);
        continue;
      }
      try {
        this.#apply(section, answer.document, result.at);
        this.problems.delete(section);
      } catch (error) {
        this.#fail(section, message(error), result.at);
      }
    }
  }

  #apply(section: SectionName, document: unknown, at: number): void {
    const s = this.profile.sections;
    const name = this.profile.name;
    switch (section) {
      case 'tradingState': {
        if (!s.tradingState || 'notOffered' in s.tradingState) return;
        const read = mapTradingState(s.tradingState, document, at, name);
        const held = this.#state;
        // Undated by the system: the state keeps the time the connector first saw it.
        if (
          !read.dated &&
          held &&
          held.state === read.tradingState.state &&
          held.changedBy === read.tradingState.changedBy
        )
          read.tradingState.changedAt = held.changedAt;
        this.#state = read.tradingState;
        if (!s.tradingState.expiry) this.#expire(read.expiresAt);
        return;
      }
      case 'services':
        if (s.services && 'list' in s.services && s.services.list)
          this.serviceList = mapServiceList(s.services.list, document, at);
        return;
      case 'venues':
        if (s.venues && !('notOffered' in s.venues)) this.venues = mapVenues(s.venues, document, at);
        return;
      case 'positions':
        if (s.positions && !('notOffered' in s.positions))
          ({ positions: this.positions, openOrders: this.positionOpenOrders } = mapPositions(
            s.positions,
            document,
          ));
        return;
      case 'alerts':
        if (s.alerts && !('notOffered' in s.alerts)) this.nativeAlerts = mapAlerts(s.alerts, document, at);
        return;
      case 'metrics': {
        const spec = s.metrics && !('notOffered' in s.metrics) ? s.metrics : null;
        if (spec?.windows) {
          const last = this.windows.at(-1)?.end ?? '';
          const fresh = MetricsReader.windows(spec.windows, document, at).filter((w) => w.end > last);
          this.windows = [...this.windows, ...fresh].slice(-MAX_WINDOWS);
          return;
        }
        const window = this.#metrics?.read(document, at);
        if (window) this.windows = [...this.windows, window].slice(-MAX_WINDOWS);
        return;
      }
    }
  }

  /** A TTL read a second later names the same instant, give or take the read's own delay. */
  #expire(expiresAt: number | null): void {
    const held = this.#expiresAt;
    this.#expiresAt =
      expiresAt !== null && held !== null && Math.abs(expiresAt - held) < 2000 ? held : expiresAt;
  }

  /** The trading state with when it lapses by itself, if it does, in its reason. */
  get tradingState(): TradingState | null {
    const state = this.#state;
    if (!state || this.#expiresAt === null) return state;
    const lapse = `lapses by itself at ${iso(this.#expiresAt).slice(11, 19)} UTC`;
    return { ...state, reason: state.reason ? `${state.reason}; ${lapse}` : lapse };
  }

  /** The sections that cannot be read now, each with why and since when, in section order. */
  sourceProblems(): SourceProblem[] {
    return [...this.problems]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([section, { problem, since }]) => ({ section, problem, since: iso(since) }));
  }

  picture(extraAlerts: Alert[]): Picture {
    // Probes in the profile's order, whichever answered first.
    const order = this.#probeOrder;
    const probed = [...this.services.values()]
      .filter((p) => !this.serviceList.some((s) => s.id === p.id))
      .sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
    const services = [...this.serviceList, ...probed];
    const venueOrders = this.venues.reduce((sum, v) => sum + v.openOrders, 0);
    return {
      tradingState: this.tradingState,
      services,
      venues: this.venues,
      windows: this.windows,
      alerts: [...this.nativeAlerts, ...extraAlerts],
      openOrders: this.positionOpenOrders ?? venueOrders,
      positions: this.positions,
      servicesCheckedAt: this.servicesCheckedAt === null ? null : iso(this.servicesCheckedAt),
      problems: this.sourceProblems(),
    };
  }
}
