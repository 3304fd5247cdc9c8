import type { SourceProblem, StreamEvent } from '../../contract/schemas.ts';
import { SECTIONS } from './live-state.ts';
import type { LiveState, Section } from './live-state.ts';
import { sectionOfChange } from './parse.ts';
import type { ParsedEvent, SnapshotParts } from './parse.ts';

/** The dashboard keeps no more metric windows than the server sends in a snapshot. */
export const MAX_METRIC_WINDOWS = 300;

function upsertById<T extends { id: string }>(list: readonly T[], items: readonly T[]): T[] {
  const next = [...list];
  for (const item of items) {
    const at = next.findIndex((x) => x.id === item.id);
    if (at === -1) next.push(item);
    else next[at] = item;
  }
  return next;
}

function withoutProblem(problems: LiveState['problems'], section: Section): LiveState['problems'] {
  if (!problems[section]) return problems;
  return Object.fromEntries(Object.entries(problems).filter(([key]) => key !== section));
}

/** The contract's section names → ours: positions travel with the open orders. */
const SECTION_OF_SOURCE: Record<SourceProblem['section'], Section> = {
  tradingState: 'tradingState',
  services: 'services',
  venues: 'venues',
  metrics: 'metrics',
  alerts: 'alerts',
  positions: 'orders',
};

/**
 * What the war-room server says it cannot read of the system, in place of what it said before:
 * each such section keeps its last value and says why, like one we could not parse ourselves
 * (which, being ours, is not overwritten).
 */
function withSourceProblems(state: LiveState, problems: readonly SourceProblem[]): LiveState {
  const kept = Object.fromEntries(Object.entries(state.problems).filter(([, p]) => p.origin !== 'source'));
  for (const p of problems) {
    const section = SECTION_OF_SOURCE[p.section];
    if (kept[section]) continue;
    const since = state.problems[section]?.since ?? state.confirmedAt;
    kept[section] = { message: p.problem, since, origin: 'source' };
  }
  return { ...state, problems: kept };
}

/**
 * A snapshot replaces what is held, section by section: a valid section is taken, an invalid
 * one keeps the last-known value and records what was wrong (since when it was last valid).
 */
export function fromSnapshot(parts: SnapshotParts, previous: LiveState | null, now: number): LiveState {
  const state: LiveState = {
    system: parts.system,
    instance: parts.instance,
    eventId: parts.eventId,
    asOf: parts.asOf,
    tradingState: null,
    services: null,
    venues: null,
    metrics: null,
    alerts: null,
    orders: null,
    problems: {},
    confirmedAt: now,
  };
  for (const section of SECTIONS) {
    const result = parts.sections[section];
    if (result.ok) {
      (state as Record<Section, unknown>)[section] = result.value;
    } else {
      (state as Record<Section, unknown>)[section] = previous?.[section] ?? null;
      // It was valid until the last data that was: as of then is what the panel now shows.
      const since = previous?.problems[section]?.since ?? previous?.confirmedAt ?? now;
      state.problems[section] = { message: result.error, since };
    }
  }
  return withSourceProblems(state, parts.problems);
}

/** Folds one valid change into the state. Pure: the query cache holds the result. */
function applyChange(state: LiveState, event: Exclude<StreamEvent, { type: 'reset' }>): LiveState {
  const next: LiveState = { ...state, eventId: event.id, asOf: event.at };
  switch (event.type) {
    case 'service.changed':
      // A list never received whole stays unknown: one service is not the list.
      if (state.services) next.services = upsertById(state.services, [event.service]);
      break;
    case 'services.checked':
      // A check stamped onto health values we could not read would make them look current.
      if (state.services && !state.problems.services)
        next.services = state.services.map((s) => ({ ...s, lastCheckAt: event.checkedAt }));
      break;
    case 'venues.changed':
      if (state.venues) next.venues = upsertById(state.venues, event.venues);
      break;
    case 'metrics.window': {
      const windowMs = Date.parse(event.window.end) - Date.parse(event.window.start);
      const windows = [...(state.metrics?.windows ?? []), event.window].slice(-MAX_METRIC_WINDOWS);
      next.metrics = { windowMs: state.metrics?.windowMs ?? windowMs, windows };
      break;
    }
    case 'trading-state.changed':
      next.tradingState = event.tradingState;
      break;
    case 'alert.firing':
      if (state.alerts) next.alerts = upsertById(state.alerts, [event.alert]);
      break;
    case 'alert.cleared':
      if (state.alerts) next.alerts = state.alerts.filter((a) => a.id !== event.alertId);
      break;
    case 'orders.changed':
      next.orders = { openOrders: event.openOrders, positions: event.positions };
      break;
    case 'sources.problems':
      return withSourceProblems(next, event.problems);
  }
  return next;
}

const WHOLE_SECTION_CHANGES = new Set<string>(['trading-state.changed', 'orders.changed', 'metrics.window']);

export function applyParsed(state: LiveState, item: ParsedEvent, now: number): LiveState {
  switch (item.kind) {
    case 'reset':
      return fromSnapshot(item.parts, state, now);
    case 'change': {
      const next = applyChange(state, item.event);
      // Only a change that carries its whole section makes last-known data current again; a
      // partial one (one venue, one alert) cannot vouch for the rest, and a snapshot must.
      const section = sectionOfChange[item.event.type];
      const confirmed = { ...next, confirmedAt: now };
      return WHOLE_SECTION_CHANGES.has(item.event.type) && section !== null
        ? { ...confirmed, problems: withoutProblem(next.problems, section) }
        : confirmed;
    }
    case 'invalid': {
      const next = { ...state, eventId: item.id, asOf: item.at };
      if (item.section === null) return next;
      const since = state.problems[item.section]?.since ?? state.confirmedAt;
      return { ...next, problems: { ...state.problems, [item.section]: { message: item.error, since } } };
    }
  }
}

export function applyAll(state: LiveState, items: readonly ParsedEvent[], now: number): LiveState {
  return items.reduce((s, item) => applyParsed(s, item, now), state);
}
