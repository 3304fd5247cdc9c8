import type { Alert, AlertSeverity } from '../../../contract/schemas.ts';

/**
 * From this many firing alerts of one name they show as one row with a count: a storm of 23
 * RiskLimitBreach rows would bury the one ExchangeDisconnected that matters.
 */
export const GROUP_FROM = 3;

export type AlertRow =
  | { kind: 'alert'; alert: Alert }
  | {
      kind: 'group';
      name: string;
      /** Members in display order: worst and longest-burning first. */
      alerts: Alert[];
      severity: AlertSeverity;
      /** The longest-burning member: how long this kind of alert has been firing. */
      oldest: Alert;
      critical: number;
    };

const rank: Record<AlertSeverity, number> = { critical: 0, warning: 1 };

/** Critical first, then the longest-burning, then by name and id so the order never flickers. */
export function compareAlerts(a: Alert, b: Alert): number {
  return (
    rank[a.severity] - rank[b.severity] ||
    Date.parse(a.since) - Date.parse(b.since) ||
    a.name.localeCompare(b.name) ||
    a.id.localeCompare(b.id)
  );
}

/** The rows of the alerts panel; a group takes the place of its worst, oldest member. */
export function alertRows(alerts: readonly Alert[], groupFrom = GROUP_FROM): AlertRow[] {
  const sorted = [...alerts].sort(compareAlerts);
  const byName = new Map<string, Alert[]>();
  for (const alert of sorted) byName.set(alert.name, [...(byName.get(alert.name) ?? []), alert]);

  const rows: AlertRow[] = [];
  const grouped = new Set<string>();
  for (const alert of sorted) {
    const members = byName.get(alert.name) ?? [alert];
    if (members.length < groupFrom) {
      rows.push({ kind: 'alert', alert });
    } else if (!grouped.has(alert.name)) {
      grouped.add(alert.name);
      const oldest = members.reduce((a, b) => (Date.parse(b.since) < Date.parse(a.since) ? b : a));
      rows.push({
        kind: 'group',
        name: alert.name,
        alerts: members,
        severity: alert.severity,
        oldest,
        critical: members.filter((m) => m.severity === 'critical').length,
      });
    }
  }
  return rows;
}

/** "4 firing · 2 critical": counts alerts, not rows, so grouping never hides how many fire. */
export function alertCount(alerts: readonly Alert[]): string {
  const critical = alerts.filter((a) => a.severity === 'critical').length;
  return `${alerts.length} firing · ${critical} critical`;
}
