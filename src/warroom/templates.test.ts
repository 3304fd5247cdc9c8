import { describe, expect, test } from 'vitest';
import { initialAlert, resolutionNotice, statusUpdate } from './templates.ts';
import { at, event, incident, T0 } from '../testing/war-room-fixtures.ts';

const MIN = 60_000;

const timeline = [
  event(0, 'incident.declared', 'P0 exchange-outage declared: Binance feed silent'),
  event(1, 'alert.fired', 'Market data silent firing on binance: no ticks for 31 s', 'system'),
  event(2, 'note', 'Binance websocket returns 503'),
  event(4, 'control.attempted', 'disable-venue binance', 'sam'),
  event(9, 'incident.status-changed', 'INVESTIGATING → IDENTIFIED', 'sam'),
  event(12, 'note', 'Failover to the backup feed under way'),
];
const identified = incident({
  status: 'IDENTIFIED',
  statusChangedAt: at(9),
  lastNoteAt: at(12),
  roles: { commander: 'sam', scribe: null, communications: null },
});

describe('message templates', () => {
  test('the initial alert says what, how bad, what is known, what was done and when the next word comes', () => {
    const text = initialAlert(incident(), timeline.slice(0, 3), { now: T0 + 3 * MIN });
    expect(text.split('\n')[0]).toBe('[INCIDENT] P0 CRITICAL — INC-3: Binance feed silent');
    expect(text).toContain('Declared 2026-03-02 14:00:00 UTC by dana. Status: Investigating.');
    expect(text).toContain('Venues affected: Binance');
    expect(text).toContain('Binance websocket returns 503');
    expect(text).toContain('- 14:01 UTC Market data silent firing on binance: no ticks for 31 s');
    expect(text).toContain('Actions taken:\n- none yet');
    expect(text).toContain('Incident commander: not yet assigned');
    // EAFIX P0: progress updates every 30 min.
    expect(text).toContain('Next update: by 14:33 UTC (every 30 min until resolved).');
  });

  test('the status update gives the status, how long it has been open, the latest notes and the actions', () => {
    const text = statusUpdate(identified, timeline, { now: T0 + 40 * MIN });
    expect(text.split('\n')[0]).toBe('[UPDATE] P0 CRITICAL — INC-3: Binance feed silent');
    expect(text).toContain('Status: Identified since 14:09 UTC; open for 40 min.');
    expect(text).toContain('- 14:12 UTC Failover to the backup feed under way (dana)');
    expect(text).toContain('- 14:04 UTC disable-venue binance (sam)');
    expect(text).toContain('- 14:09 UTC INVESTIGATING → IDENTIFIED (sam)');
    expect(text).toContain('Incident commander: sam');
  });

  test('the resolution notice gives the duration, impact and root cause, or says they are still to come', () => {
    const resolved = {
      ...identified,
      status: 'RESOLVED' as const,
      resolvedAt: at(75),
      rootCause: 'Expired TLS certificate on the feed handler',
    };
    const text = resolutionNotice(resolved, timeline, { now: T0 + 80 * MIN });
    expect(text.split('\n')[0]).toBe('[RESOLVED] P0 CRITICAL — INC-3: Binance feed silent');
    expect(text).toContain('Resolved 2026-03-02 15:15:00 UTC, declared 2026-03-02 14:00:00 UTC.');
    expect(text).toContain('Duration: 1 h 15 min');
    expect(text).toContain('Root cause: Expired TLS certificate on the feed handler');
    expect(text).toContain('Impact: being assessed');
    expect(resolutionNotice(identified, timeline, { now: T0 })).toContain(
      'DRAFT — the incident is not resolved yet.',
    );
  });

  test('a system without an update cadence is promised an update when the status changes', () => {
    const sev3 = incident({ severityScheme: 'SEV1-SEV4', severity: 'SEV3' });
    expect(initialAlert(sev3, [], { now: T0 })).toContain('Next update: when the status changes.');
  });
});
