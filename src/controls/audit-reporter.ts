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
  storeBaseUrl: string;
  operator: () => string;
  incidentId?: () => string | null;
  /** Puts an event on the incident's timeline (through the persistent outbox). */
  timeline?: (incidentId: string, event: TimelineControlEvent, key: string) => void;
  fetch?: typeof fetch;
  /** Waits between deliveries of a record the store did not take; the last one repeats. */
  retryDelaysMs?: readonly number[];
}

/**
 * Sends every attempt's result to the war-room store's audit log. A record the store cannot
 * take now is retried with backoff; its idempotency key (the command's key and the result)
 * makes a repeat harmless, so nothing is recorded twice and nothing is dropped while this tab
 * lives.
 */
export class AuditReporter {
  private readonly opts: Required<Omit<AuditReporterOptions, 'incidentId' | 'timeline'>> &
    Pick<AuditReporterOptions, 'incidentId' | 'timeline'>;

  private readonly sent = new Set<string>();
  private stopped = false;

  constructor(opts: AuditReporterOptions) {
    this.opts = {
      fetch: (i, init) => globalThis.fetch(i, init),
      retryDelaysMs: [1000, 2000, 5000, 10_000, 30_000],
      ...opts,
    };
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
    const draft = {
      incidentId: this.opts.incidentId?.() ?? null,
      operator: this.opts.operator(),
      controlId: command.controlId,
      scope: command.scope.venueId ? `venue:${command.scope.venueId}` : 'all',
      reason: command.reason,
      idempotencyKey: command.key,
      result,
      latencyMs: Math.max(0, (command.confirmedAt ?? Date.now()) - command.startedAt),
      attemptedAt: new Date(command.startedAt).toISOString(),
      commandId: command.receipt?.commandId ?? null,
      detail: command.problem,
    };
    void this.deliver(key, draft, 0);
  }

  stop(): void {
    this.stopped = true;
  }

  private async deliver(key: string, draft: object, attempt: number): Promise<void> {
    if (this.stopped) return;
    try {
      const response = await this.opts.fetch(`${this.opts.storeBaseUrl}/audit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(draft),
      });
      // 4xx other than 408/429 will not get better; anything else is worth another try.
      if (response.ok || (response.status < 500 && response.status !== 408 && response.status !== 429))
        return;
    } catch {
      // the store is unreachable: retry below
    }
    const delays = this.opts.retryDelaysMs;
    const delay = delays[Math.min(attempt, delays.length - 1)] ?? 30_000;
    setTimeout(() => void this.deliver(key, draft, attempt + 1), delay);
  }
}
