import { z } from 'zod';
import {
  alertSchema,
  metricsSchema,
  positionSchema,
  serviceSchema,
  sourceProblemSchema,
  streamEventSchema,
  systemInfoSchema,
  timestampSchema,
  tradingStateSchema,
  venueSchema,
} from '../../contract/schemas.ts';
import type { SourceProblem, StreamEvent, SystemInfo } from '../../contract/schemas.ts';
import { parseOrExplain } from '../../contract/validate.ts';
import type { ParseResult } from '../../contract/validate.ts';
import type { LiveState, Section } from './live-state.ts';

// Validation where data enters, one section at a time. What positions the stream (instance,
// event id, time) must be valid or nothing can be trusted; each section is checked on its own,
// so one bad part of a payload costs one panel, not the board.

type SectionValue<S extends Section> = NonNullable<LiveState[S]>;
type SectionResult<T> = ParseResult<T>;

export interface SnapshotParts {
  system: SystemInfo;
  instance: string;
  eventId: number;
  asOf: string;
  /** What the war-room server could not read of the system, per section (none for a native one). */
  problems: SourceProblem[];
  sections: { [S in Section]: SectionResult<SectionValue<S>> };
}

const snapshotEnvelope = z.object({
  system: systemInfoSchema,
  instance: z.string().min(1),
  asOf: timestampSchema,
  eventId: z.int().min(0),
  // A list that cannot be read is no reason to refuse the snapshot: its sections still can be.
  problems: z.array(sourceProblemSchema).catch([]).default([]),
});

// Each section is checked inside an object carrying its own key, so messages name the full path.
const sectionSchemas = {
  tradingState: z.object({ tradingState: tradingStateSchema }).transform((s) => s.tradingState),
  services: z.object({ services: z.array(serviceSchema) }).transform((s) => s.services),
  venues: z.object({ venues: z.array(venueSchema) }).transform((s) => s.venues),
  metrics: z.object({ metrics: metricsSchema }).transform((s) => s.metrics),
  alerts: z.object({ alerts: z.array(alertSchema) }).transform((s) => s.alerts),
  orders: z.object({ openOrders: z.int().min(0), positions: z.array(positionSchema) }),
} satisfies { [S in Section]: z.ZodType<SectionValue<S>, unknown> };

export function parseSnapshotParts(data: unknown, what: string): ParseResult<SnapshotParts> {
  const envelope = parseOrExplain(snapshotEnvelope, data, what);
  if (!envelope.ok) return envelope;
  const section = <S extends Section>(name: S) =>
    parseOrExplain(sectionSchemas[name] as unknown as z.ZodType<SectionValue<S>>, data, what);
  return {
    ok: true,
    value: {
      ...envelope.value,
      sections: {
        tradingState: section('tradingState'),
        services: section('services'),
        venues: section('venues'),
        metrics: section('metrics'),
        alerts: section('alerts'),
        orders: section('orders'),
      },
    },
  };
}

/** Which section each kind of change belongs to (the sources' problems belong to several). */
export const sectionOfChange: Readonly<
  Record<Exclude<StreamEvent, { type: 'reset' }>['type'], Section | null>
> = {
  'service.changed': 'services',
  'services.checked': 'services',
  'venues.changed': 'venues',
  'metrics.window': 'metrics',
  'trading-state.changed': 'tradingState',
  'alert.firing': 'alerts',
  'alert.cleared': 'alerts',
  'orders.changed': 'orders',
  'sources.problems': null,
};

/** The same, for a type read off the wire: undefined for types this dashboard does not know. */
const sectionOfType: Readonly<Record<string, Section | null | undefined>> = sectionOfChange;

export type ParsedEvent =
  | { kind: 'change'; event: Exclude<StreamEvent, { type: 'reset' }> }
  | { kind: 'reset'; id: number; parts: SnapshotParts }
  /** Positioned but unusable: the stream moves past it and the section says what was wrong. */
  | { kind: 'invalid'; id: number; at: string; section: Section | null; error: string };

const eventEnvelope = z.object({ id: z.int().min(0), at: timestampSchema, type: z.string() });

/** Fails only when the event cannot even be positioned (no valid id, time or type). */
export function parseEvent(data: unknown, what = 'stream event'): ParseResult<ParsedEvent> {
  const envelope = parseOrExplain(eventEnvelope, data, what);
  if (!envelope.ok) return envelope;
  const { id, at, type } = envelope.value;
  if (type === 'reset') {
    const parts = parseSnapshotParts((data as { snapshot?: unknown }).snapshot, `${what} (reset)`);
    return parts.ok ? { ok: true, value: { kind: 'reset', id, parts: parts.value } } : parts;
  }
  const parsed = parseOrExplain(streamEventSchema, data, what);
  if (parsed.ok && parsed.value.type !== 'reset')
    return { ok: true, value: { kind: 'change', event: parsed.value } };
  const error = parsed.ok ? `${what}: unexpected reset` : parsed.error;
  return { ok: true, value: { kind: 'invalid', id, at, section: sectionOfType[type] ?? null, error } };
}

export interface ParsedEventPage {
  instance: string;
  lastEventId: number;
  gap: boolean;
  events: ParsedEvent[];
}

const pageEnvelope = z.object({
  instance: z.string().min(1),
  lastEventId: z.int().min(0),
  gap: z.boolean(),
  events: z.array(z.unknown()),
});

export function parseEventPage(data: unknown, what = 'missed events'): ParseResult<ParsedEventPage> {
  const page = parseOrExplain(pageEnvelope, data, what);
  if (!page.ok) return page;
  const events: ParsedEvent[] = [];
  for (const [i, raw] of page.value.events.entries()) {
    const event = parseEvent(raw, `${what}: events[${i}]`);
    if (!event.ok) return event;
    events.push(event.value);
  }
  return { ok: true, value: { ...page.value, events } };
}

/** The position an item moves the stream to. */
export const idOf = (item: ParsedEvent): number => (item.kind === 'change' ? item.event.id : item.id);
