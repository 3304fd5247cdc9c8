import type {
  IncidentStatus,
  IncidentType,
  RoleName,
  Severity,
  SeverityScheme,
  TimelineEventType,
} from '../../contract/store-schemas.ts';
import { severityRank } from './sla.ts';

// Words for the store's codes, shared by the views, the templates and the post-mortem, so that a
// P1 reads the same ("critical") on the board, in a status update and in the review.

const RANK_WORDS = ['critical', 'high', 'medium', 'low'] as const;
export type SeverityWord = (typeof RANK_WORDS)[number];

export function severityWord(scheme: SeverityScheme, severity: Severity): SeverityWord {
  return RANK_WORDS[severityRank(scheme, severity)] ?? 'low';
}

/** "P1 critical" */
export const severityLabel = (scheme: SeverityScheme, severity: Severity): string =>
  `${severity} ${severityWord(scheme, severity)}`;

/** "SEV1–SEV4": a scheme as people write it. */
export const SCHEME_NAMES: { readonly [S in SeverityScheme]: string } = {
  'P0-P3': 'P0–P3',
  'P1-P4': 'P1–P4',
  'SEV1-SEV4': 'SEV1–SEV4',
};

/** A scheme with the seed systems that use it, for choosing one when the system does not say. */
export const SCHEME_LABELS: { readonly [S in SeverityScheme]: string } = {
  'P0-P3': 'P0–P3 (EAFIX, SMC, LAV/ADAF)',
  'P1-P4': 'P1–P4 (RTES)',
  'SEV1-SEV4': 'SEV1–SEV4 (HFT)',
};

/** What an incident or a control record that names no trading system says instead. */
export const UNKNOWN_SYSTEM = 'unknown system';

/** "HFT system (hft)": the name people read, and the id records and URLs use when it differs. */
export function systemLabel(id: string | null, name: string): string {
  return id === null || id === name ? name : `${name} (${id})`;
}

export const TYPE_LABELS: { readonly [T in IncidentType]: string } = {
  'exchange-outage': 'Exchange outage',
  'market-data': 'Market data',
  'system-crash': 'System crash',
  'performance-degradation': 'Performance degradation',
  'error-storm': 'Error storm',
  'risk-alert': 'Risk alert',
  database: 'Database',
  'messaging-backlog': 'Messaging backlog',
  connectivity: 'Network / connectivity',
  'security-breach': 'Security breach',
  'data-loss': 'Data loss',
  other: 'Other',
};

export const STATUS_LABELS: { readonly [S in IncidentStatus]: string } = {
  INVESTIGATING: 'Investigating',
  IDENTIFIED: 'Identified',
  MONITORING: 'Monitoring',
  RESOLVED: 'Resolved',
};

export const ROLE_LABELS: { readonly [R in RoleName]: string } = {
  commander: 'Incident commander',
  scribe: 'Scribe',
  communications: 'Communications',
};

export const EVENT_LABELS: { readonly [T in TimelineEventType]: string } = {
  'incident.declared': 'Declared',
  'incident.acknowledged': 'Acknowledged',
  'incident.status-changed': 'Status',
  'incident.updated': 'Edited',
  'role.assigned': 'Role',
  'role.unassigned': 'Role',
  note: 'Note',
  'playbook.chosen': 'Playbook',
  'checklist.step-ticked': 'Step done',
  'checklist.step-unticked': 'Step undone',
  'alert.fired': 'Alert fired',
  'alert.cleared': 'Alert cleared',
  'control.attempted': 'Control',
  'control.accepted': 'Control accepted',
  'control.confirmed': 'Control confirmed',
  'control.unconfirmed': 'Control unconfirmed',
  'control.failed': 'Control failed',
};

/** "14:03 UTC": messages leave the room, so they carry the time zone. */
export function utcTime(iso: string | number): string {
  return `${new Date(iso).toISOString().slice(11, 16)} UTC`;
}

/** "2026-05-01 14:03:07 UTC" */
export function utcDateTime(iso: string | number): string {
  return `${new Date(iso).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** "45 min", "2 h 05 min", "3 d 4 h": for durations people read in a message. */
export function humanDuration(ms: number): string {
  const min = Math.max(0, Math.floor(ms / 60_000));
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h ${String(min % 60).padStart(2, '0')} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}
