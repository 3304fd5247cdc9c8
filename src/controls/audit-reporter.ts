import type { ControlAuditDraft } from '../../contract/store-schemas.ts';
import type { AuditWriteResult } from '../warroom/writes.ts';
import type { Command } from './command-machine.ts';

type AuditResult = 'accepted' | 'duplicate' | 'rejected' | 'failed' | 'confirmed' | 'unconfirmed';

export interface TimelineControlEvent {
  type:
    'control.attempted' | 'control.accepted' | 'control.confirmed' | 'control.unconfirmed' | 'control.failed';
  actor: string;
  text: string;
  details: Record<string, unknown>;
}

function timelineType(command: Command): TimelineControlEvent['type'] | null {
  switch (command.phase) {
    case 'sending':
      return 'control.attempted';
    case 'accepted':
      return 'control.accepted';
    case 'confirmed':
      return 'control.confirmed';
    case 'unconfirmed':
      return 'control.unconfirmed';
    case 'rejected':
    case 'failed':
      return 'control.failed';
    default:
      return null;
  }
}

/**
 * What a command's state is worth recording, under the names the store's audit log knows: the
 * trading system's answer (whenever it came, even after the state already confirmed it) and
 * what came of it.
 */
function resultsOf(command: Command): AuditResult[] {
  const results: AuditResult[] = [];
  if (command.receipt) results.push(command.receipt.outcome === 'duplicate' ? 'duplicate' : 'accepted');
  if (['rejected', 'failed', 'confirmed', 'unconfirmed'].includes(command.phase))
    results.push(command.phase as AuditResult);
  return results;
}

export interface AuditReporterOptions {
  operator: () => string;
  incidentId?: () => string | null;
  /** Queues a record for the store's audit log (on the persistent outbox), under `key`. */
  audit: (draft: ControlAuditDraft, key: string) => AuditWriteResult;
  /** Puts an event on the incident's timeline (through the persistent outbox). */
  timeline?: (incidentId: string, event: TimelineControlEvent, key: string) => void;
}

/** Within the audit log's limits: a record cut short is kept, one too long would be refused. */
const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Records every attempt's result in the war-room store's audit log, and tells the incident's
 * timeline. Both go on the persistent outbox, which keeps them across reloads while the store is
 * down and delivers each once: its key (the command's key and the result) is made here, the same
 * on every report of the command, so nothing is recorded twice.
 */
export class AuditReporter {
  private readonly opts: AuditReporterOptions;

  /** Keys already queued, so that the many reports of one command queue each record once. */
  private readonly sent = new Set<string>();

  constructor(opts: AuditReporterOptions) {
    this.opts = opts;
  }

  report(command: Command): void {
    for (const result of resultsOf(command)) this.record(command, result);
    this.toTimeline(command);
  }

  /** The incident's timeline tells the story too: attempted, accepted, then what came of it. */
  private toTimeline(command: Command): void {
    const incidentId = this.opts.incidentId?.() ?? null;
    if (!incidentId || !this.opts.timeline) return;
    const type = timelineType(command);
    const key = `${command.key}.timeline.${type}`;
    if (!type || this.sent.has(key)) return;
    this.sent.add(key);
    const scope = command.scope.venueId ? ` on ${command.scope.venueId}` : '';
    this.opts.timeline(
      incidentId,
      {
        type,
        actor: this.opts.operator(),
        text: `${command.controlId}${scope}: ${command.phase}${command.problem ? ` — ${command.problem}` : ''} (reason: ${command.reason})`.slice(
          0,
          10_000,
        ),
        details: { idempotencyKey: command.key, commandId: command.receipt?.commandId ?? null },
      },
      key,
    );
  }

  private record(command: Command, result: AuditResult): void {
    const key = `${command.key}.${result}`;
    if (this.sent.has(key)) return;
    this.sent.add(key);
    const queued = this.opts.audit(
      {
        incidentId: this.opts.incidentId?.() ?? null,
        operator: clip(this.opts.operator(), 200),
        controlId: command.controlId,
        scope: command.scope.venueId ? `venue:${command.scope.venueId}` : 'all',
        reason: clip(command.reason, 2000),
        idempotencyKey: command.key,
        result,
        latencyMs: Math.max(0, (command.confirmedAt ?? Date.now()) - command.startedAt),
        attemptedAt: new Date(command.startedAt).toISOString(),
        commandId: command.receipt?.commandId ?? null,
        detail: command.problem === null ? null : clip(command.problem, 2000),
      },
      key,
    );
    // Only a bug makes a record the audit log's contract refuses: say so rather than lose it unseen.
    if (!queued.ok) console.error(`control audit: ${queued.error}`);
  }
}
