import { describe, expect, test } from 'vitest';
import type { Alert } from '../../../contract/schemas.ts';
import { alertCount, alertRows } from './alert-rows.ts';

const alert = (id: string, name: string, severity: Alert['severity'], since: string): Alert => ({
  id,
  name,
  severity,
  summary: `${name} ${id}`,
  since: `2025-03-14T09:${since}.000Z`,
  subject: null,
});

const labels = (alerts: Alert[]) =>
  alertRows(alerts).map((row) => (row.kind === 'alert' ? row.alert.id : `${row.name}×${row.alerts.length}`));

describe('alertRows', () => {
  test('critical first, then the longest-burning', () => {
    expect(
      labels([
        alert('w-new', 'A', 'warning', '30:00'),
        alert('c-new', 'B', 'critical', '29:50'),
        alert('w-old', 'C', 'warning', '20:00'),
        alert('c-old', 'D', 'critical', '25:00'),
      ]),
    ).toEqual(['c-old', 'c-new', 'w-old', 'w-new']);
  });

  test('three of one name fold into a group at the place of its worst, oldest member; two do not', () => {
    const rows = alertRows([
      alert('r1', 'Risk', 'warning', '29:00'),
      alert('r2', 'Risk', 'warning', '27:00'),
      alert('r3', 'Risk', 'critical', '29:30'),
      alert('m1', 'Stale', 'warning', '28:00'),
      alert('m2', 'Stale', 'warning', '26:00'),
    ]);
    expect(rows.map((r) => (r.kind === 'alert' ? r.alert.id : r.name))).toEqual(['Risk', 'm2', 'm1']);
    const group = rows[0]!;
    if (group.kind !== 'group') throw new Error('expected a group');
    expect(group.severity).toBe('critical');
    expect(group.critical).toBe(1);
    expect(group.alerts.map((a) => a.id)).toEqual(['r3', 'r2', 'r1']);
    // How long the storm has burned is its oldest member's age, critical or not.
    expect(group.oldest.id).toBe('r2');
  });

  test('nothing firing gives no rows', () => {
    expect(alertRows([])).toEqual([]);
  });
});

describe('alertCount', () => {
  test('counts alerts, not rows', () => {
    const storm = Array.from({ length: 5 }, (_, i) => alert(`r${i}`, 'Risk', 'warning', '29:00'));
    expect(alertCount([...storm, alert('x', 'Down', 'critical', '29:00')])).toBe('6 firing · 1 critical');
  });
});
