import type { ControlAuditRecord, Incident, TimelineEvent } from '../../contract/store-schemas.ts';
import {
  EVENT_LABELS,
  humanDuration,
  ROLE_LABELS,
  SCHEME_LABELS,
  severityLabel,
  STATUS_LABELS,
  systemLabel,
  TYPE_LABELS,
  UNKNOWN_SYSTEM,
  utcDateTime,
} from './labels.ts';
import type { SlaPolicy } from './sla-policy.ts';
import { slaState } from './sla.ts';
import type { Deadline } from './sla.ts';

/**
 * A Markdown table cell: a pipe would end the cell and a line break the row, and backslashes
 * must stay what they were, so text typed in the war room cannot break the table.
 */
export function tableCell(text: string | null | undefined): string {
  const value = (text ?? '').trim();
  if (value === '') return ' ';
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n/g, '<br>');
}

const row = (cells: readonly (string | null | undefined)[]) => `| ${cells.map(tableCell).join(' | ')} |`;

function table(header: readonly string[], rows: readonly (readonly (string | null)[])[]): string {
  return [row(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(row)].join('\n');
}

const TO_FILL = '_To be written by the team._';

function targetLine(name: string, deadline: Deadline | null): string[] {
  if (deadline === null) return [];
  const within = humanDuration(deadline.target.ms);
  const verdict = { met: 'met', missed: 'missed', overdue: 'missed', running: 'not yet due' }[deadline.state];
  return [`${name} within ${within} (${deadline.target.source})`, verdict];
}

export interface PostMortemInput {
  incident: Incident;
  timeline: readonly TimelineEvent[];
  audit: readonly ControlAuditRecord[];
  now: number;
  /** What the incident is timed by: its system's policy (see incident-systems.ts). */
  policy?: SlaPolicy | undefined;
  /** The name of a system by its id, as the board knows it; the id itself when not given. */
  systemName?: (systemId: string | null) => string;
}

const byId = (systemId: string | null) => systemId ?? UNKNOWN_SYSTEM;

/** A blameless post-mortem in Markdown: the facts the store holds, and headed gaps for the team. */
export function postMortemMarkdown({
  incident,
  timeline,
  audit,
  now,
  policy,
  systemName = byId,
}: PostMortemInput): string {
  const end = incident.resolvedAt === null ? now : Date.parse(incident.resolvedAt);
  const sla = slaState(incident, timeline, now, policy);
  const facts: (string | null)[][] = [
    ['Incident', incident.id],
    ['Title', incident.title],
    ['Trading system', systemLabel(incident.systemId, systemName(incident.systemId))],
    [
      'Severity',
      `${severityLabel(incident.severityScheme, incident.severity)} — ${SCHEME_LABELS[incident.severityScheme]}`,
    ],
    ['Type', TYPE_LABELS[incident.type]],
    ['Status', STATUS_LABELS[incident.status]],
    ['Declared', `${utcDateTime(incident.declaredAt)} by ${incident.declaredBy}`],
    [
      'Acknowledged',
      incident.acknowledgedAt === null
        ? 'never'
        : `${utcDateTime(incident.acknowledgedAt)} by ${incident.acknowledgedBy}`,
    ],
    ['Resolved', incident.resolvedAt === null ? 'not yet' : utcDateTime(incident.resolvedAt)],
    ['Duration', humanDuration(end - Date.parse(incident.declaredAt))],
    ['Services affected', incident.affectedServices.join(', ') || 'none named'],
    ['Venues affected', incident.affectedVenues.join(', ') || 'none named'],
    ...(Object.keys(ROLE_LABELS) as (keyof typeof ROLE_LABELS)[]).map((role) => [
      ROLE_LABELS[role],
      incident.roles[role] ?? 'not assigned',
    ]),
  ];
  const targets = [targetLine('Acknowledge', sla.acknowledge), targetLine('Respond', sla.respond)].filter(
    (t) => t.length > 0,
  );
  const events = [...timeline].sort((a, b) => a.seq - b.seq);
  return [
    `# Post-incident review: ${incident.id} — ${incident.title}`,
    '',
    '_Blameless: this review asks how our systems and processes allowed what happened and how to make them safer, never who is to blame._',
    '',
    '## Summary',
    '',
    table(['', ''], facts),
    '',
    ...(targets.length > 0 ? ['Response targets:', '', table(['Target', 'Outcome'], targets), ''] : []),
    '## Timeline',
    '',
    events.length === 0
      ? '_No timeline events were recorded._'
      : table(
          ['Time (UTC)', 'Who', 'What'],
          events.map((e) => [utcDateTime(e.at), e.actor, `${EVENT_LABELS[e.type]}: ${e.text ?? ''}`]),
        ),
    '',
    '## Impact',
    '',
    incident.impact ?? `${TO_FILL} Who and what was affected, for how long, at what cost.`,
    '',
    '## Root cause',
    '',
    incident.rootCause ?? `${TO_FILL} The technical cause and the contributing factors.`,
    '',
    '## What went well',
    '',
    `- ${TO_FILL}`,
    '',
    '## What could be improved',
    '',
    `- ${TO_FILL}`,
    '',
    '## Action items',
    '',
    table(['Action', 'Owner', 'Due', 'Priority'], [['_to add_', '', '', '']]),
    '',
    '## Trading controls used',
    '',
    audit.length === 0
      ? '_No trading control was recorded against this incident._'
      : table(
          [
            'Attempted (UTC)',
            'System',
            'Operator',
            'Control',
            'Scope',
            'Result',
            'Latency',
            'Reason',
            'Detail',
          ],
          audit.map((r) => [
            utcDateTime(r.attemptedAt),
            systemName(r.systemId),
            r.operator,
            r.controlId,
            r.scope,
            r.result,
            `${Math.round(r.latencyMs)} ms`,
            r.reason,
            r.detail,
          ]),
        ),
    '',
    '## Lessons learned',
    '',
    TO_FILL,
    '',
    `_Exported ${utcDateTime(now)} from the war room._`,
    '',
  ].join('\n');
}

/** A file name people can sort: "INC-12-post-mortem.md". */
export function postMortemFileName(incident: Incident): string {
  return `${incident.id.replace(/[^\w.-]+/g, '_')}-post-mortem.md`;
}
