import { describe, expect, test } from 'vitest';
import type { Alert } from '../../contract/schemas.ts';
import { alertKey, alertReports } from './alert-events.ts';
import { at, incident } from '../testing/war-room-fixtures.ts';

const alert = (id: string, minutes: number, subject: string | null = null): Alert => ({
  id,
  name: `Alert ${id}`,
  severity: 'critical',
  summary: `${id} summary`,
  since: at(minutes),
  subject,
});

const open = incident({ id: 'INC-3' });
const known = new Set(['INC-3']);

describe('alert reports', () => {
  test('an alert that starts firing or clears goes to every open incident', () => {
    const other = incident({ id: 'INC-4' });
    const both = new Set(['INC-3', 'INC-4']);
    const fired = alertReports([], [alert('a', 5, 'binance')], [open, other], both);
    expect(fired.map((r) => [r.incidentId, r.event.type, r.event.text])).toEqual([
      ['INC-3', 'alert.fired', 'Alert a firing on binance: a summary'],
      ['INC-4', 'alert.fired', 'Alert a firing on binance: a summary'],
    ]);
    expect(fired[0]?.event).toMatchObject({ actor: 'system', details: { alertId: 'a', since: at(5) } });
    const cleared = alertReports([alert('a', 5)], [], [open], known);
    expect(cleared.map((r) => [r.event.type, r.event.text])).toEqual([['alert.cleared', 'Alert a cleared']]);
  });

  test('an alert still firing is not reported again; one that fires anew is', () => {
    expect(alertReports([alert('a', 5)], [alert('a', 5)], [open], known)).toEqual([]);
    const refired = alertReports([alert('a', 5)], [alert('a', 9)], [open], known);
    expect(refired.map((r) => r.event.type)).toEqual(['alert.fired', 'alert.cleared']);
  });

  test('at first sight of an incident, alerts that started after its declaration are reported', () => {
    const late = incident({ id: 'INC-3', declaredAt: at(3) });
    const reports = alertReports(null, [alert('before', 1), alert('after', 4)], [late], new Set());
    expect(reports.map((r) => r.event.details?.alertId)).toEqual(['after']);
    expect(alertReports(null, [alert('after', 4)], [late], known)).toEqual([]);
  });

  test('keys are the same for the same sighting on every dashboard, and valid store keys', () => {
    const a = alert('a', 5);
    expect(alertKey('alert.fired', 'INC-3', a)).toBe(
      alertKey('alert.fired', 'INC-3', { ...a, summary: 'changed' }),
    );
    expect(alertKey('alert.fired', 'INC-3', a)).not.toBe(alertKey('alert.fired', 'INC-3', alert('a', 6)));
    expect(alertKey('alert.fired', 'INC-3', a)).not.toBe(alertKey('alert.cleared', 'INC-3', a));
    const odd = alertKey('alert.fired', 'INC-3', { ...a, id: `é ${'x'.repeat(200)}` });
    expect(odd).toMatch(/^[\x21-\x7e]{8,128}$/);
  });
});
