// One trading system, as the war-room server sees it: its profile's reads run on their own
// timers — once, whatever the number of dashboards — their answers become one canonical
// picture, and each change of that picture becomes a contract event that every viewer's stream
// replays. Controls go through the executor, and the sections their effect shows in are read
// again at once, so a confirmation is as quick as the system allows and never quicker.
import { randomUUID } from 'node:crypto';
import type {
  EventPage,
  SectionName,
  Snapshot,
  StreamEvent,
  SystemInfo,
  SystemSummary,
  TradingState,
} from '../../contract/schemas.ts';
import { ControlExecutor } from '../control/executor.ts';
import type { CommandInput, CommandOutcome, KeyLedger } from '../control/executor.ts';
import { fillString } from '../control/template.ts';
import type { LoadedProfile } from '../profile/load.ts';
import type { Profile } from '../profile/schema.ts';
import { describeRead } from '../profile/sources.ts';
import { asTime } from '../map/field.ts';
import { performRead, usable } from '../read/perform-read.ts';
import type { ReadContext, ReadResult } from '../read/perform-read.ts';
import { redactor } from '../read/redact.ts';
import { RedisPool } from '../read/redis-pool.ts';
import { alertEvents, gone, orderEvents, serviceEvents, tradingStateEvents, venueEvents } from './diff.ts';
import { CanonicalLog } from './event-log.ts';
import { HaltWatch } from './halt-watch.ts';
import { SystemPicture } from './picture.ts';
import type { Picture } from './picture.ts';
import { planReads } from './read-plan.ts';
import type { PlannedRead } from './read-plan.ts';
import { systemInfo } from './system-info.ts';

export interface ConnectorOptions {
  loaded: LoadedProfile;
  now?: () => number;
  fetch?: typeof fetch;
  /** Where its control keys outlive this server; in memory only when absent. */
  keys?: KeyLedger;
}

const iso = (ms: number) => new Date(ms).toISOString();
/** Sections whose reads show a control's effect, to be read again once it has run. */
const READ_BACK: readonly SectionName[] = ['tradingState', 'venues', 'positions'];

export class SystemConnector {
  readonly id: string;
  readonly name: string;
  readonly instance = randomUUID();
  readonly info: SystemInfo;
  #now: () => number;
  #clock: Profile['clock'] | null;
  #redact: (text: string) => string;
  #clockOffset = 0;
  #reads: PlannedRead[];
  #readCtx: ReadContext;
  #redis: RedisPool;
  #executor: ControlExecutor;
  #picture: SystemPicture;
  #published: Picture | null = null;
  #log = new CanonicalLog();
  #haltWatch = new HaltWatch();
  #latest = new Map<string, ReadResult>();
  #timers = new Map<string, ReturnType<typeof setTimeout>>();
  #inFlight = new Map<string, Promise<void>>();
  #again = new Set<string>();
  #stopped = true;
  #lastContactAt: number | null = null;
  #reachable = false;
  #reachabilityListeners = new Set<(reachable: boolean) => void>();
  /** Requests sent to the system, for the figures that prove it is asked once. */
  requestCount = 0;

  constructor(options: ConnectorOptions) {
    const { profile, urls, redisUrls, secrets } = options.loaded;
    this.id = profile.id;
    this.name = profile.name;
    const base = options.now ?? Date.now;
    // The system's clock where its profile reads one: ages on the board are measured on it, as
    // a simulator's accelerated or paused clock, or a host whose clock is off, require.
    this.#now = () => base() + this.#clockOffset;
    this.#clock = profile.clock ?? null;
    this.#redact = redactor(secrets);
    this.#picture = new SystemPicture(profile);
    this.#reads = planReads(profile);
    this.info = systemInfo(profile, profile.environment);
    const values = { reason: '', operator: '', params: {}, secrets };
    const serviceHeaders = Object.fromEntries(
      Object.entries(profile.http).map(([name, s]) => [
        name,
        Object.fromEntries(Object.entries(s.headers ?? {}).map(([k, v]) => [k, fillString(v, values)])),
      ]),
    );
    const timeouts = Object.fromEntries(Object.entries(profile.http).map(([name, s]) => [name, s.timeoutMs]));
    const passwords = Object.fromEntries(
      Object.entries(profile.redis).map(([name, r]) => [
        name,
        r.passwordSecret ? secrets[r.passwordSecret] : undefined,
      ]),
    );
    this.#redis = new RedisPool(redisUrls, passwords);
    const fetchImpl = options.fetch;
    this.#readCtx = {
      urls,
      headers: serviceHeaders,
      timeouts,
      redis: this.#redis,
      now: this.#now,
      fetch: fetchImpl,
    };
    this.#executor = new ControlExecutor({
      keys: options.keys,
      systemName: profile.name,
      bindings: profile.controls,
      urls,
      serviceHeaders,
      timeouts,
      secrets,
      redis: this.#redis,
      // A system that offers its venues: a venue control names one of them, and none is known
      // before they have been read. One that does not: the venue goes as the commander wrote it.
      venueIds: () =>
        this.info.notOffered?.some((n) => n.section === 'venues')
          ? null
          : (this.#published?.venues.map((v) => v.id) ?? []),
      now: this.#now,
      fetch: fetchImpl,
    });
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    for (const read of this.#reads) void this.#run(read);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    await Promise.allSettled(this.#inFlight.values());
    await this.#redis.close();
  }

  /** Runs one read now (or once more right after the one in flight), then on its timer. */
  #run(read: PlannedRead): Promise<void> {
    const running = this.#inFlight.get(read.key);
    if (running) {
      this.#again.add(read.key);
      return running;
    }
    clearTimeout(this.#timers.get(read.key));
    const done = (async () => {
      this.requestCount += 1;
      const answer = await performRead(read.read, this.#readCtx);
      // What the system says of a failure may echo a credential back: never passed on.
      const result = answer.ok ? answer : { ...answer, problem: this.#redact(answer.problem) };
      this.#latest.set(read.key, result);
      if (read.clock) this.#readClock(result);
      if (!read.probe && usable(result, read.key).ok)
        this.#lastContactAt = Math.max(this.#lastContactAt ?? 0, result.at);
      this.#picture.ingest(read, result);
      this.#publish();
    })().finally(() => {
      this.#inFlight.delete(read.key);
      if (this.#stopped) return;
      if (this.#again.delete(read.key)) void this.#run(read);
      else
        this.#timers.set(
          read.key,
          setTimeout(() => void this.#run(read), read.everyMs),
        );
    });
    this.#inFlight.set(read.key, done);
    return done;
  }

  #readClock(result: ReadResult): void {
    const answer = usable(result, 'clock');
    if (!answer.ok || !this.#clock) return;
    try {
      const time = asTime(this.#clock.at, answer.document, result.at, 'clock.at');
      if (time !== null) this.#clockOffset += Date.parse(time) - result.at;
    } catch {
      // A clock that cannot be read leaves the last offset: it is the best estimate there is.
    }
  }

  /** Now, on the system's clock (the connector's own where the profile reads none). */
  now(): number {
    return this.#now();
  }

  /** A read's latest answer as a section sees it: usable, or why not. */
  #answerOf(read: PlannedRead) {
    const result = this.#latest.get(read.key);
    const what = describeRead(read.read);
    return result ? usable(result, what) : undefined;
  }

  /** The reads that decide whether the system can be read at all: its trading state's, else all but probes. */
  get #primary(): PlannedRead[] {
    const state = this.#reads.filter((r) => r.sections.includes('tradingState') && !r.expiry);
    return state.length > 0 ? state : this.#reads.filter((r) => !r.probe);
  }

  #publish(): void {
    const primary = this.#primary;
    const answered = primary.length === 0 || primary.every((r) => this.#latest.has(r.key));
    const reachable =
      answered &&
      (primary.length === 0 ? this.#latest.size > 0 : primary.some((r) => this.#answerOf(r)?.ok === true));
    if (!answered) return;
    const at = this.#now();
    const base = this.#picture.picture([]);
    const halt = this.#haltWatch.observe(base.tradingState, base.openOrders, base.positions, iso(at));
    const next = halt ? { ...base, alerts: [...base.alerts, halt] } : base;
    const before = this.#published;
    this.#published = next;
    if (before) {
      const events = [
        ...tradingStateEvents(before.tradingState, next.tradingState),
        ...serviceEvents(before.services, next.services, next.servicesCheckedAt, before.servicesCheckedAt),
        ...venueEvents(before.venues, next.venues),
        ...next.windows
          .filter((w) => !before.windows.some((b) => b.end === w.end))
          .map((window) => ({ type: 'metrics.window' as const, window })),
        ...alertEvents(before.alerts, next.alerts),
        ...orderEvents(before, next),
        ...(JSON.stringify(before.problems) === JSON.stringify(next.problems)
          ? []
          : [{ type: 'sources.problems' as const, problems: next.problems }]),
      ];
      for (const body of events) this.#log.append(at, body);
      // A venue or a service no longer there cannot be said by a change: the whole picture
      // follows, or dashboards that stream would show it for as long as they stay open.
      if (gone(before.venues, next.venues) || gone(before.services, next.services)) {
        const snapshot = this.snapshot();
        if (snapshot) this.#log.appendReset(at, (eventId) => ({ ...snapshot, eventId }));
      }
    }
    if (reachable !== this.#reachable) {
      this.#reachable = reachable;
      for (const listener of [...this.#reachabilityListeners]) listener(reachable);
    }
  }

  get reachable(): boolean {
    return this.#reachable;
  }

  /** Why the system cannot be read, in words; null while it can. */
  get problem(): string | null {
    if (this.#reachable) return null;
    const failed = this.#primary.map((r) => this.#answerOf(r)).find((r) => r && !r.ok);
    if (failed && !failed.ok) return `${this.name} cannot be read: ${failed.problem}`;
    return this.#published === null ? `${this.name}: not read yet` : `${this.name}: its state cannot be read`;
  }

  onReachability(listener: (reachable: boolean) => void): () => void {
    this.#reachabilityListeners.add(listener);
    return () => void this.#reachabilityListeners.delete(listener);
  }

  #tradingState(): TradingState {
    return (
      this.#published?.tradingState ?? {
        state: 'ACTIVE',
        changedAt: iso(this.#lastContactAt ?? this.#now()),
        changedBy: this.name,
        reason: `${this.name} does not report a trading state`,
      }
    );
  }

  /** The full picture as a contract snapshot; null until the system has been read. */
  snapshot(): Snapshot | null {
    const p = this.#published;
    if (!p) return null;
    return {
      system: this.info,
      instance: this.instance,
      asOf: iso(this.#lastContactAt ?? this.#now()),
      eventId: this.#log.lastId,
      tradingState: this.#tradingState(),
      services: p.services,
      venues: p.venues,
      metrics: { windowMs: this.#windowMs(p), windows: p.windows },
      alerts: p.alerts,
      openOrders: p.openOrders,
      positions: p.positions,
      problems: p.problems,
    };
  }

  /** The length of the windows: as the system dates them, else the metrics read's interval. */
  #windowMs(p: Picture): number {
    const last = p.windows.at(-1);
    const span = last ? Date.parse(last.end) - Date.parse(last.start) : 0;
    return span >= 1
      ? Math.round(span)
      : (this.#reads.find((r) => r.sections.includes('metrics'))?.everyMs ?? 1000);
  }

  summary(): SystemSummary {
    return {
      id: this.id,
      name: this.name,
      environment: this.info.environment,
      reachable: this.#reachable,
      problem: this.problem,
      lastContactAt: this.#lastContactAt === null ? null : iso(this.#lastContactAt),
      tradingState: this.#published?.tradingState ?? null,
    };
  }

  eventPage(after: number, instance: string | null, limit: number): EventPage {
    const page = this.#log.after(after, limit);
    const otherLife = (instance !== null && instance !== this.instance) || after > page.lastEventId;
    return otherLife
      ? { instance: this.instance, events: [], lastEventId: page.lastEventId, gap: true }
      : { instance: this.instance, ...page };
  }

  subscribe(listener: (event: StreamEvent) => void): () => void {
    return this.#log.subscribe(listener);
  }

  /** Executes a control (at most once per key), then reads back the sections that show its effect. */
  async command(input: CommandInput): Promise<CommandOutcome> {
    const outcome = await this.#executor.run(input);
    if (outcome.kind === 'executed' || outcome.kind === 'uncertain') void this.refresh(READ_BACK);
    return outcome;
  }

  /** Reads the given sections again now. */
  async refresh(sections: readonly SectionName[]): Promise<void> {
    if (this.#stopped) return;
    await Promise.all(
      this.#reads.filter((r) => r.sections.some((s) => sections.includes(s))).map((r) => this.#run(r)),
    );
  }
}
