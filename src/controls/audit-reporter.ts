import { z } from 'zod';
import {
  controlAuditDraftSchema,
  reportedEventSchema,
  systemIdSchema,
} from '../../contract/store-schemas.ts';
import type { ControlAuditDraft } from '../../contract/store-schemas.ts';
import { editEntrySchema } from '../warroom/outbox-file.ts';
import type { AuditWriteResult } from '../warroom/writes.ts';
import { UNLISTED_SYSTEM_ID } from '../systems/resolve-systems.ts';
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
    case 'done-by-hand':
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
  // The audit log has no word for it: confirmed, by the person who ran it (the detail says so).
  if (command.phase === 'done-by-hand') results.push('confirmed');
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

/** A text field's longest allowed value, read from the contract's schema (through nullable/optional). */
function maxLengthOf(schema: z.ZodType): number {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable)
    inner = inner.unwrap() as z.ZodType;
  const max = inner instanceof z.ZodString ? inner.maxLength : null;
  if (max === null) throw new Error('audit reporter: a text field of the contract has no length limit');
  return max;
}

// The store's limits, from the schemas it checks with: a record cut short is kept, one too long
// would be refused and the use of a control lost from the audit log.
const audit = controlAuditDraftSchema.shape;
const LIMITS = {
  operator: maxLengthOf(audit.operator),
  controlId: maxLengthOf(audit.controlId),
  scope: maxLengthOf(audit.scope),
  reason: maxLengthOf(audit.reason),
  idempotencyKey: maxLengthOf(audit.idempotencyKey),
  commandId: maxLengthOf(audit.commandId),
  detail: maxLengthOf(audit.detail),
  eventActor: maxLengthOf(reportedEventSchema.shape.actor),
  eventText: maxLengthOf(reportedEventSchema.shape.text),
};

/** Free text, cut visibly. */
const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
/** An identifier, cut to a prefix: still found by searching for the start of the real one. */
const prefix = (id: string, max: number): string => id.slice(0, max);

// The outbox's own keys have a limit too, checked when its stored queue is read back: one too long
// would have the whole queue set aside. The longest key made here ends in this.
const LONGEST_SUFFIX = '.timeline.control.unconfirmed';
const keyBaseOf = (command: Command): string =>
  prefix(command.key, maxLengthOf(editEntrySchema.shape.key) - LONGEST_SUFFIX.length);

/**
 * The listed system a command went to, for the record; null for the one system the board speaks
 * to unlisted, whose records read as they always did.
 */
const listedSystem = (command: Command): string | null =>
  command.system && command.system.systemId !== UNLISTED_SYSTEM_ID ? command.system.systemId : null;

/**
 * The system for the record's own field. One whose id the audit log's contract would refuse (no
 * profile gives one) is left to the scope's words: the record must never be what is lost.
 */
function recordedSystem(command: Command): string | null {
  const system = listedSystem(command);
  return system !== null && systemIdSchema.safeParse(system).success ? system : null;
}

/** What the command acted on: `all`, `venue:binance`; `system:hft`, `system:hft/venue:binance`. */
function scopeOf(command: Command): string {
  const venue = command.scope.venueId ? `venue:${command.scope.venueId}` : null;
  const system = listedSystem(command);
  if (system === null) return venue ?? 'all';
  return venue ? `system:${system}/${venue}` : `system:${system}`;
}

/** What the record adds in words: what went wrong, or the command a person ran by hand. */
const detailOf = (command: Command): string | null =>
  command.byHand === null
    ? command.problem
    : `done by hand, ticked in the war room; the trading system was not asked: ${command.byHand}`;

/** A name is required (at least one character): an empty one would have the record refused. */
const operatorName = (name: string, max: number): string => clip(name.trim() || 'unknown operator', max);

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

  /**
   * The incident of each command, by key, as it was when the command was first reported (when
   * the control was fired): switching incident while it is confirmed must not split its records.
   */
  private readonly incidents = new Map<string, string | null>();

  constructor(opts: AuditReporterOptions) {
    this.opts = opts;
  }

  report(command: Command): void {
    const incidentId = this.incidentOf(command);
    for (const result of resultsOf(command)) this.record(command, result, incidentId);
    this.toTimeline(command, incidentId);
  }

  private incidentOf(command: Command): string | null {
    const known = this.incidents.get(command.key);
    if (known !== undefined) return known;
    const incidentId = this.opts.incidentId?.() ?? null;
    this.incidents.set(command.key, incidentId);
    return incidentId;
  }

  /** The incident's timeline tells the story too: attempted, accepted, then what came of it. */
  private toTimeline(command: Command, incidentId: string | null): void {
    if (!incidentId || !this.opts.timeline) return;
    const type = timelineType(command);
    const key = `${keyBaseOf(command)}.timeline.${type}`;
    if (!type || this.sent.has(key)) return;
    this.sent.add(key);
    const venue = command.scope.venueId ? ` on ${command.scope.venueId}` : '';
    const system = listedSystem(command);
    const scope = `${venue}${system === null ? '' : ` (system ${system})`}`;
    const detail = detailOf(command);
    this.opts.timeline(
      incidentId,
      {
        type,
        actor: operatorName(this.opts.operator(), LIMITS.eventActor),
        text: clip(
          `${command.controlId}${scope}: ${command.phase}${detail ? ` — ${detail}` : ''} (reason: ${command.reason})`,
          LIMITS.eventText,
        ),
        details: { idempotencyKey: command.key, commandId: command.receipt?.commandId ?? null },
      },
      key,
    );
  }

  private record(command: Command, result: AuditResult, incidentId: string | null): void {
    const key = `${keyBaseOf(command)}.${result}`;
    if (this.sent.has(key)) return;
    this.sent.add(key);
    const commandId = command.receipt?.commandId ?? null;
    const detail = detailOf(command);
    const queued = this.opts.audit(
      {
        incidentId,
        systemId: recordedSystem(command),
        operator: operatorName(this.opts.operator(), LIMITS.operator),
        controlId: clip(command.controlId, LIMITS.controlId),
        scope: clip(scopeOf(command), LIMITS.scope),
        reason: clip(command.reason, LIMITS.reason),
        idempotencyKey: prefix(command.key, LIMITS.idempotencyKey),
        result,
        latencyMs: Math.max(0, (command.confirmedAt ?? Date.now()) - command.startedAt),
        attemptedAt: new Date(command.startedAt).toISOString(),
        commandId: commandId === null ? null : prefix(commandId, LIMITS.commandId),
        detail: detail === null ? null : clip(detail, LIMITS.detail),
      },
      key,
    );
    // Only a bug makes a record the audit log's contract refuses: say so rather than lose it unseen.
    if (!queued.ok) console.error(`control audit: ${queued.error}`);
  }
}
