import type { Incident, TimelineEvent } from '../../contract/store-schemas.ts';

// Incidents and timeline events for the war-room unit tests.

export const T0 = Date.parse('2026-03-02T14:00:00.000Z');
export const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

export function incident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'INC-3',
    title: 'Binance feed silent',
    systemId: null,
    severityScheme: 'P0-P3',
    severity: 'P0',
    type: 'exchange-outage',
    status: 'INVESTIGATING',
    affectedServices: ['market-data'],
    affectedVenues: ['Binance'],
    declaredAt: at(0),
    declaredBy: 'dana',
    acknowledgedAt: null,
    acknowledgedBy: null,
    statusChangedAt: at(0),
    resolvedAt: null,
    lastNoteAt: null,
    roles: { commander: null, scribe: null, communications: null },
    impact: null,
    rootCause: null,
    updatedAt: at(0),
    ...overrides,
  };
}

let seq = 100;
export function event(
  minutes: number,
  type: TimelineEvent['type'],
  text: string | null,
  actor = 'dana',
): TimelineEvent {
  seq += 1;
  return { seq, incidentId: 'INC-3', at: at(minutes), actor, type, text, details: {} };
}
