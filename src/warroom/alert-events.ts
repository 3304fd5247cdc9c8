import { hashKey } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { Alert } from '../../contract/schemas.ts';
import type { Incident, IncidentList, ReportedEvent } from '../../contract/store-schemas.ts';
import type { LiveState } from '../live/live-state.ts';
import { statusKeys } from '../live/status-query.ts';
import type { SystemScope } from '../systems/system-scope.tsx';
import { warroomKeys } from './queries.ts';
import type { WarRoomWrites } from './writes.ts';

export interface AlertReport {
  incidentId: string;
  event: ReportedEvent;
  /** The same on every dashboard that sees the same alert: the store takes it once. */
  key: string;
}

/**
 * An Idempotency-Key from what was seen: the incident, the alert and when it started firing.
 * Visible ASCII of at most 128 characters, as the store requires; hashed when it would not be.
 */
export function alertKey(type: string, incidentId: string, alert: Alert): string {
  const plain = `${type}.${incidentId}.${alert.id}.${Date.parse(alert.since)}`;
  if (/^[\x21-\x7e]{8,128}$/.test(plain)) return plain;
  return `${type}.${fnv1a(plain)}${fnv1a(`${plain}#`)}`;
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function report(type: 'alert.fired' | 'alert.cleared', incidentId: string, alert: Alert): AlertReport {
  // Only what every dashboard sees alike goes into the body: the store compares bodies under a key.
  const on = alert.subject === null ? '' : ` on ${alert.subject}`;
  const text =
    type === 'alert.fired' ? `${alert.name} firing${on}: ${alert.summary}` : `${alert.name} cleared${on}`;
  return {
    incidentId,
    key: alertKey(type, incidentId, alert),
    event: {
      type,
      actor: 'system',
      text,
      details: {
        alertId: alert.id,
        name: alert.name,
        severity: alert.severity,
        since: alert.since,
        subject: alert.subject,
      },
    },
  };
}

const sameFiring = (a: Alert, b: Alert) => a.id === b.id && a.since === b.since;

/**
 * What to put on the open incidents' timelines, going from the alerts seen last (`before`, null
 * at first sight) to the alerts now. An incident seen for the first time also gets the alerts
 * that started firing after it was declared, so a dashboard opened late still records them.
 */
export function alertReports(
  before: readonly Alert[] | null,
  now: readonly Alert[],
  open: readonly Incident[],
  known: ReadonlySet<string>,
): AlertReport[] {
  const out: AlertReport[] = [];
  for (const incident of open) {
    if (!known.has(incident.id)) {
      const declared = Date.parse(incident.declaredAt);
      for (const alert of now)
        if (Date.parse(alert.since) >= declared) out.push(report('alert.fired', incident.id, alert));
      continue;
    }
    if (before === null) continue;
    for (const alert of now)
      if (!before.some((b) => sameFiring(b, alert))) out.push(report('alert.fired', incident.id, alert));
    for (const alert of before)
      if (!now.some((n) => sameFiring(n, alert))) out.push(report('alert.cleared', incident.id, alert));
  }
  return out;
}

/**
 * Watches the live state of the system on screen in the query cache and reports alerts starting and clearing to every
 * open incident's timeline, through the outbox. Returns the unsubscribe.
 */
export function watchAlerts(
  queryClient: QueryClient,
  scope: SystemScope,
  storeBaseUrl: string,
  writes: Pick<WarRoomWrites, 'reportEvent'>,
): () => void {
  const liveKey = statusKeys.snapshot(scope);
  const listKey = warroomKeys.list(storeBaseUrl);
  const liveHash = hashKey(liveKey);
  const listHash = hashKey(listKey);
  let before: Alert[] | null = null;
  const known = new Set<string>();

  const check = () => {
    const alerts = queryClient.getQueryData<LiveState>(liveKey)?.alerts;
    const list = queryClient.getQueryData<IncidentList>(listKey);
    // No valid alerts (the section is broken) or no incidents yet: nothing can be said.
    if (!alerts || !list) return;
    const open = list.incidents.filter((i) => i.status !== 'RESOLVED');
    for (const r of alertReports(before, alerts, open, known))
      writes.reportEvent(r.incidentId, r.event, r.key);
    for (const incident of open) known.add(incident.id);
    before = alerts;
  };

  check();
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated') return;
    if (event.query.queryHash === liveHash || event.query.queryHash === listHash) check();
  });
}
