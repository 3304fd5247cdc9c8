// The system's documents → the canonical sections, one function per section, as the profile
// says. Each returns the canonical value or throws a MappingError saying which field failed:
// one bad venue costs the venue list, not the board, and the board says why.
import type { Alert, AlertSilence, Position, Service, TradingState, Venue } from '../../contract/schemas.ts';
import type {
  AlertsSection,
  PositionsSection,
  Probe,
  ServicesSection,
  TradingStateSection,
  VenuesSection,
} from '../profile/sections.ts';
import type { Condition } from '../read/condition.ts';
import type { ReadResult } from '../read/perform-read.ts';
import { asBoolean, asEnum, asNumber, asString, asTime, fieldValue, itemsAt, MappingError } from './field.ts';
import type { Item } from './field.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const MAX_ITEMS = 5000;

function items(document: unknown, path: string, what: string): Item[] {
  const found = itemsAt(document, path);
  if (found.length > MAX_ITEMS)
    throw new MappingError(`${what}: ${found.length} items, more than the ${MAX_ITEMS} a board can show`);
  return found;
}

/**
 * The trading state as the system shows it, and when it lapses by itself (a Redis key's TTL),
 * as an instant: "in 59 min 58 s" would change with every read, the instant does not.
 */
export function mapTradingState(
  section: TradingStateSection,
  document: unknown,
  readAt: number,
  systemName: string,
): { tradingState: TradingState; dated: boolean; expiresAt: number | null } {
  const state = asEnum(
    section.state,
    document,
    ['ACTIVE', 'REDUCING', 'HALTED', 'KILLED'] as const,
    'tradingState.state',
  );
  const changedAt = section.changedAt
    ? asTime(section.changedAt, document, readAt, 'tradingState.changedAt')
    : null;
  const expires = section.expiresInSeconds ? fieldValue(section.expiresInSeconds, document) : undefined;
  return {
    // A system that does not date its state is dated by the connector when it first saw it.
    tradingState: {
      state,
      changedAt: changedAt ?? iso(readAt),
      changedBy: asString(section.changedBy, document, systemName),
      reason: asString(section.reason, document, ''),
    },
    dated: changedAt !== null,
    expiresAt: typeof expires === 'number' && expires >= 0 ? readAt + expires * 1000 : null,
  };
}

export function mapServiceList(
  list: NonNullable<ServicesSection['list']>,
  document: unknown,
  readAt: number,
): Service[] {
  return items(document, list.items, 'services.items').map((node, i) => {
    const id = asString(list.id, node, '');
    if (id === '') throw new MappingError(`services[${i}].id: nothing found`);
    const health = asEnum(list.health, node, ['UP', 'DEGRADED', 'DOWN'] as const, `services[${id}].health`);
    const detail = list.detail ? asString(list.detail, node, '') || null : null;
    return {
      id,
      name: asString(list.name, node, id),
      health,
      lastCheckAt: iso(readAt),
      detail: health === 'UP' ? null : detail,
    };
  });
}

/** A probe's answer judged by its rules; no answer at all is DOWN, with why. */
export function judgeProbe(
  probe: Probe,
  rules: { up: Condition[]; degraded: Condition[] },
  result: ReadResult,
): Service {
  const base = { id: probe.id, name: probe.name ?? probe.id, lastCheckAt: iso(result.at) };
  if (!result.ok) return { ...base, health: 'DOWN', detail: result.problem };
  const answer = { status: result.status, body: result.document, responseTimeMs: result.responseTimeMs };
  const failed = rules.up.find((rule) => !safeTest(rule, answer));
  const detailText = probe.detail && result.json ? asString(probe.detail, result.document, '') : '';
  if (failed)
    return {
      ...base,
      health: 'DOWN',
      detail: detailText || `${failed.text} does not hold (HTTP ${result.status})`,
    };
  const degraded = rules.degraded.length > 0 && rules.degraded.every((rule) => safeTest(rule, answer));
  return degraded
    ? { ...base, health: 'DEGRADED', detail: detailText || rules.degraded.map((r) => r.text).join(' and ') }
    : { ...base, health: 'UP', detail: null };
}

function safeTest(rule: Condition, answer: Parameters<Condition['test']>[0]): boolean {
  try {
    return rule.test(answer);
  } catch {
    return false;
  }
}

export function mapVenues(section: VenuesSection, document: unknown, readAt: number): Venue[] {
  return items(document, section.items, 'venues.items').map((node, i) => {
    const id = asString(section.id, node, '');
    if (id === '') throw new MappingError(`venues[${i}].id: nothing found`);
    const what = `venues[${id}]`;
    const openOrders = section.openOrders ? asNumber(section.openOrders, node, `${what}.openOrders`) : 0;
    return {
      id,
      name: asString(section.name, node, id),
      connection: asEnum(
        section.connection,
        node,
        ['CONNECTED', 'DEGRADED', 'DISCONNECTED'] as const,
        `${what}.connection`,
      ),
      enabled: section.enabled ? asBoolean(section.enabled, node, `${what}.enabled`) : true,
      lastMarketDataAt: section.lastMarketDataAt
        ? asTime(section.lastMarketDataAt, node, readAt, `${what}.lastMarketDataAt`)
        : null,
      openOrders: Math.max(0, Math.round(openOrders)),
    };
  });
}

export function mapPositions(
  section: PositionsSection,
  document: unknown,
): { positions: Position[]; openOrders: number | null } {
  const positions = items(document, section.items, 'positions.items').flatMap((node, i): Position[] => {
    if (
      section.openWhen &&
      String(fieldValue(section.openWhen.field, node)) !== String(section.openWhen.equals)
    )
      return [];
    const symbol = asString(section.symbol, node, '');
    if (symbol === '') throw new MappingError(`positions[${i}].symbol: nothing found`);
    let quantity = asNumber(section.quantity, node, `positions[${symbol}].quantity`);
    if (
      section.side &&
      section.sideShort !== undefined &&
      asString(section.side, node, '') === section.sideShort
    )
      quantity = -Math.abs(quantity);
    const notional = section.notional
      ? Math.abs(asNumber(section.notional, node, `positions[${symbol}].notional`))
      : 0;
    return [{ symbol, venueId: asString(section.venueId, node, ''), quantity, notional }];
  });
  const openOrders = section.openOrders
    ? Math.max(0, Math.round(asNumber(section.openOrders, document, 'positions.openOrders')))
    : null;
  return { positions, openOrders };
}

export function mapAlerts(section: AlertsSection, document: unknown, readAt: number): Alert[] {
  return items(document, section.items, 'alerts.items').map((node, i) => {
    const id = asString(section.id, node, '');
    if (id === '') throw new MappingError(`alerts[${i}].id: nothing found`);
    const what = `alerts[${id}]`;
    const name = asString(section.name, node, id);
    return {
      id,
      name,
      severity: asEnum(section.severity, node, ['warning', 'critical'] as const, `${what}.severity`),
      summary: asString(section.summary, node, name),
      since: (section.since ? asTime(section.since, node, readAt, `${what}.since`) : null) ?? iso(readAt),
      subject: section.subject ? asString(section.subject, node, '') || null : null,
      ...(section.silence ? { silence: silenceOf(section.silence, node, readAt, what) } : {}),
    };
  });
}

function silenceOf(
  spec: NonNullable<AlertsSection['silence']>,
  node: unknown,
  readAt: number,
  what: string,
): AlertSilence | null {
  const id = asString(spec.id, node, '');
  if (id === '') return null;
  const until = asTime(spec.until, node, readAt, `${what}.silence.until`);
  if (until === null) throw new MappingError(`${what}.silence.until: nothing found`);
  return {
    id,
    until,
    by: spec.by ? asString(spec.by, node, '') || null : null,
    comment: spec.comment ? asString(spec.comment, node, '') || null : null,
  };
}
