import { describe, expect, test } from 'vitest';
import type { ControlAuditRecord } from '../../contract/store-schemas.ts';
import { postMortemFileName, postMortemMarkdown, tableCell } from './post-mortem.ts';
import { at, event, incident, T0 } from '../testing/war-room-fixtures.ts';

const audit: ControlAuditRecord = {
  seq: 1,
  recordedAt: at(4),
  incidentId: 'INC-3',
  systemId: 'hft',
  operator: 'sam',
  controlId: 'disable-venue',
  scope: 'venue:binance',
  reason: 'INC-3 | feed silent',
  idempotencyKey: 'cmd-123456',
  result: 'confirmed',
  latencyMs: 812.4,
  attemptedAt: at(4),
  commandId: 'c-1',
  detail: null,
};

describe('table cells', () => {
  test('pipes, line breaks and backslashes cannot break a row', () => {
    expect(tableCell('a | b')).toBe('a \\| b');
    expect(tableCell('line one\nline two\r\nthree')).toBe('line one<br>line two<br>three');
    expect(tableCell('C:\\path|x')).toBe('C:\\\\path\\|x');
    expect(tableCell('')).toBe(' ');
    expect(tableCell(null)).toBe(' ');
  });
});

describe('the post-mortem', () => {
  const resolved = incident({
    status: 'RESOLVED',
    acknowledgedAt: at(3),
    acknowledgedBy: 'sam',
    resolvedAt: at(75),
    statusChangedAt: at(75),
    roles: { commander: 'sam', scribe: 'lee', communications: null },
    impact: 'No Binance orders for 75 min',
  });
  const timeline = [
    event(0, 'incident.declared', 'P0 exchange-outage declared: Binance feed silent'),
    event(2, 'note', 'websocket | 503\nretrying'),
    event(6, 'alert.fired', 'Market data silent firing on binance', 'system'),
    event(75, 'incident.status-changed', 'MONITORING → RESOLVED', 'sam'),
  ];
  const md = postMortemMarkdown({ incident: resolved, timeline, audit: [audit], now: T0 + 2 * 3_600_000 });

  test('is blameless and has every section, with placeholders where the team must write', () => {
    expect(md).toMatch(/^# Post-incident review: INC-3 — Binance feed silent\n/);
    expect(md).toContain('_Blameless:');
    for (const section of [
      'Summary',
      'Timeline',
      'Impact',
      'Root cause',
      'What went well',
      'What could be improved',
      'Action items',
      'Trading controls used',
      'Lessons learned',
    ])
      expect(md).toContain(`\n## ${section}\n`);
    expect(md).toContain('No Binance orders for 75 min');
    expect(md).toMatch(/## Root cause\n\n_To be written by the team._/);
    expect(md).toContain('| Action | Owner | Due | Priority |');
  });

  test('summarises the incident and whether the targets were met', () => {
    expect(md).toContain('| Severity | P0 critical — P0–P3 (EAFIX, SMC, LAV/ADAF) |');
    expect(md).toContain('| Duration | 1 h 15 min |');
    expect(md).toContain('| Incident commander | sam |');
    expect(md).toContain('| Communications | not assigned |');
    expect(md).toContain('| Acknowledge within 5 min (EAFIX) | met |');
    expect(md).toContain('| Respond within 15 min (EAFIX) | met |');
  });

  test('lists every timeline event with its time, who and what, escaped', () => {
    expect(md).toContain('| Time (UTC) | Who | What |');
    expect(md).toContain(
      '| 2026-03-02 14:00:00 UTC | dana | Declared: P0 exchange-outage declared: Binance feed silent |',
    );
    expect(md).toContain('| 2026-03-02 14:02:00 UTC | dana | Note: websocket \\| 503<br>retrying |');
    expect(md).toContain(
      '| 2026-03-02 14:06:00 UTC | system | Alert fired: Market data silent firing on binance |',
    );
    expect(md).toContain('| 2026-03-02 15:15:00 UTC | sam | Status: MONITORING → RESOLVED |');
  });

  test('includes the control audit records, escaped', () => {
    expect(md).toContain(
      '| 2026-03-02 14:04:00 UTC | hft | sam | disable-venue | venue:binance | confirmed | 812 ms | INC-3 \\| feed silent |   |',
    );
    const none = postMortemMarkdown({ incident: resolved, timeline: [], audit: [], now: T0 });
    expect(none).toContain('_No trading control was recorded against this incident._');
    expect(none).toContain('_No timeline events were recorded._');
  });

  test('names the trading system the incident and each control were about', () => {
    const names: Record<string, string> = { hft: 'HFT system' };
    const hft = postMortemMarkdown({
      incident: { ...resolved, systemId: 'hft' },
      timeline,
      audit: [audit, { ...audit, seq: 2, systemId: null }],
      now: T0,
      systemName: (id) => (id === null ? 'unknown system' : (names[id] ?? id)),
    });
    expect(hft).toContain('| Trading system | HFT system (hft) |');
    expect(hft).toContain('| Attempted (UTC) | System | Operator |');
    expect(hft).toContain('| 2026-03-02 14:04:00 UTC | HFT system | sam |');
    expect(hft).toContain('| 2026-03-02 14:04:00 UTC | unknown system | sam |');
    // Declared before incidents named their system.
    expect(md).toContain('| Trading system | unknown system |');
  });

  test('is named after the incident', () => {
    expect(postMortemFileName(resolved)).toBe('INC-3-post-mortem.md');
  });
});
