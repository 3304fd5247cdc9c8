import type { Command } from './command-machine.ts';

type AuditResult = 'accepted' | 'duplicate' | 'rejected' | 'failed' | 'confirmed' | 'unconfirmed';

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
  private readonly opts: Required<Omit<AuditReporterOptions, 'incidentId'>> &
    Pick<AuditReporterOptions, 'incidentId'>;
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
