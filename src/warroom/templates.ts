import type { Incident, TimelineEvent } from '../../contract/store-schemas.ts';
import { humanDuration, severityLabel, STATUS_LABELS, TYPE_LABELS, utcDateTime, utcTime } from './labels.ts';
import type { SlaPolicy } from './sla-policy.ts';
import { slaTargets } from './sla.ts';

// The three messages the seeds' playbooks send during an incident — the first alert, the status
// update on a cadence, the resolution notice — filled from what the store knows, ready to paste
// into chat or mail. Plain text: they go to places that do not render Markdown.

export interface TemplateContext {
  now: number;
  /** What the incident is timed by: its system's policy (see incident-systems.ts). */
  policy?: SlaPolicy | undefined;
}

const ACTIONS = new Set<TimelineEvent['type']>([
  'incident.status-changed',
  'role.assigned',
  'playbook.chosen',
  'checklist.step-ticked',
  'control.attempted',
  'control.accepted',
  'control.confirmed',
  'control.unconfirmed',
  'control.failed',
]);

const line = (e: TimelineEvent) =>
  `- ${utcTime(e.at)} ${e.text ?? e.type}${e.actor === 'system' ? '' : ` (${e.actor})`}`;

function bullets(events: readonly TimelineEvent[], none: string, last = 6): string {
  return events.length === 0 ? `- ${none}` : events.slice(-last).map(line).join('\n');
}

function heading(kind: string, incident: Incident): string {
  const severity = severityLabel(incident.severityScheme, incident.severity).toUpperCase();
  return `[${kind}] ${severity} — ${incident.id}: ${incident.title}`;
}

function affected(incident: Incident): string {
  const services = incident.affectedServices.join(', ') || 'none named';
  const venues = incident.affectedVenues.join(', ') || 'none named';
  return `Services affected: ${services}\nVenues affected: ${venues}`;
}

function nextUpdate(incident: Incident, ctx: TemplateContext): string {
  const every = slaTargets(incident.severityScheme, incident.severity, ctx.policy).updateEveryMs;
  if (every === null) return 'Next update: when the status changes.';
  return `Next update: by ${utcTime(ctx.now + every.ms)} (every ${humanDuration(every.ms)} until resolved).`;
}

const commander = (incident: Incident) =>
  `Incident commander: ${incident.roles.commander ?? 'not yet assigned'}`;

export function initialAlert(
  incident: Incident,
  timeline: readonly TimelineEvent[],
  ctx: TemplateContext,
): string {
  const firstNote = timeline.find((e) => e.type === 'note');
  const alerts = timeline.filter((e) => e.type === 'alert.fired');
  return [
    heading('INCIDENT', incident),
    `Declared ${utcDateTime(incident.declaredAt)} by ${incident.declaredBy}. Status: ${STATUS_LABELS[incident.status]}.`,
    `Type: ${TYPE_LABELS[incident.type]}`,
    affected(incident),
    '',
    'What we know so far:',
    firstNote?.text ?? 'The team is assessing the impact.',
    '',
    'Alerts firing:',
    bullets(alerts, 'none reported'),
    '',
    'Actions taken:',
    bullets(
      timeline.filter((e) => ACTIONS.has(e.type)),
      'none yet',
    ),
    '',
    commander(incident),
    nextUpdate(incident, ctx),
  ].join('\n');
}

export function statusUpdate(
  incident: Incident,
  timeline: readonly TimelineEvent[],
  ctx: TemplateContext,
): string {
  const open = humanDuration(ctx.now - Date.parse(incident.declaredAt));
  return [
    heading('UPDATE', incident),
    `Status: ${STATUS_LABELS[incident.status]} since ${utcTime(incident.statusChangedAt)}; open for ${open}.`,
    affected(incident),
    '',
    'Latest:',
    bullets(
      timeline.filter((e) => e.type === 'note'),
      'no notes yet',
      3,
    ),
    '',
    'Done so far:',
    bullets(
      timeline.filter((e) => ACTIONS.has(e.type)),
      'nothing recorded yet',
    ),
    '',
    commander(incident),
    incident.status === 'RESOLVED'
      ? 'This incident is resolved: send the resolution notice.'
      : nextUpdate(incident, ctx),
  ].join('\n');
}

export function resolutionNotice(
  incident: Incident,
  timeline: readonly TimelineEvent[],
  ctx: TemplateContext,
): string {
  const resolvedAt = incident.resolvedAt === null ? null : Date.parse(incident.resolvedAt);
  const end = resolvedAt ?? ctx.now;
  return [
    heading('RESOLVED', incident),
    resolvedAt === null
      ? 'DRAFT — the incident is not resolved yet.'
      : `Resolved ${utcDateTime(resolvedAt)}, declared ${utcDateTime(incident.declaredAt)}.`,
    `Duration: ${humanDuration(end - Date.parse(incident.declaredAt))}`,
    affected(incident),
    '',
    `Impact: ${incident.impact ?? 'being assessed; the post-mortem will give the figures.'}`,
    `Root cause: ${incident.rootCause ?? 'under investigation; the post-mortem will say.'}`,
    '',
    'What was done:',
    bullets(
      timeline.filter((e) => ACTIONS.has(e.type)),
      'nothing recorded',
    ),
    '',
    'A blameless post-mortem will follow, with its action items.',
    commander(incident),
  ].join('\n');
}
