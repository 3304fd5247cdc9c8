import { parseJsonText } from '../../contract/validate.ts';
import { backoffDelay } from '../live/backoff.ts';
import { newKey, OUTBOX_STORAGE_KEY, readOutboxFile, writeOutboxFile } from './outbox-file.ts';
import type { AuditEntry, EditEntry, OutboxEntry, OutboxFile, StorageLike } from './outbox-file.ts';
import { isPermanentStatus, problemText, StoreUnreachable, storeRequest } from './store-client.ts';
import type { StoreFetch } from './store-client.ts';
import { answerOf, auditIncidentOf, requestFor, unlinkedRecord } from './outbox-requests.ts';
import type { Delivered } from './outbox-requests.ts';

export type { Delivered } from './outbox-requests.ts';

export interface OutboxSnapshot {
  file: OutboxFile;
  status: OutboxStatus;
  /**
   * Why localStorage refused the queue, while it does (full, or disabled): the queue is then held
   * in this tab's memory only, still delivered while the tab lives but lost with it.
   */
  storageProblem: string | null;
}

export interface OutboxStatus {
  /** Why the head of the queue is waiting, while it is. */
  problem: string | null;
  /** Client ms of the next attempt, while waiting. */
  retryAt: number | null;
}

interface DraftFields {
  method: 'POST' | 'PUT' | 'PATCH';
  suffix: string;
  body: Record<string, unknown>;
  /** A key derived from what is reported, for automatic events several dashboards may send. */
  key?: string;
  quiet?: boolean;
}

export type EditDraft = DraftFields & Pick<EditEntry, 'kind' | 'incidentId'>;
export type AuditDraft = DraftFields & Pick<AuditEntry, 'kind' | 'incidentId'>;
export type WriteDraft = EditDraft | AuditDraft;

export interface OutboxOptions {
  baseUrl: string;
  storage: StorageLike;
  storageKey?: string;
  fetch?: StoreFetch;
  requestTimeoutMs?: number;
  /** First wait after a failed attempt; it doubles, with jitter, up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
  now?: () => number;
}

type Outcome =
  | { kind: 'done'; answer: Delivered | null; incidentId: string | null }
  | { kind: 'refused'; status: number; problem: string }
  | { kind: 'retry'; problem: string };

const REMEMBERED_KEYS = 300;

/**
 * The queue this tab held in memory, written back over what other tabs stored meanwhile: their
 * entries are kept (after ours, in their order), not overwritten. One they delivered and we still
 * hold is sent again under its key, which the store replays rather than doing twice.
 */
function mergeFiles(stored: OutboxFile, mine: OutboxFile): OutboxFile {
  const known = new Set([
    ...mine.entries.map((e) => e.key),
    ...mine.refused.map((r) => r.entry.key),
    ...mine.delivered,
  ]);
  const refusedHere = new Set(mine.refused.map((r) => r.entry.key));
  return {
    ...mine,
    entries: [...mine.entries, ...stored.entries.filter((e) => !known.has(e.key))],
    ids: { ...stored.ids, ...mine.ids },
    refused: [...mine.refused, ...stored.refused.filter((r) => !refusedHere.has(r.entry.key))],
    delivered: [...new Set([...stored.delivered, ...mine.delivered])].slice(-REMEMBERED_KEYS),
  };
}

/**
 * Every edit to the war-room store goes through here, and every record for its control audit
 * log. Each is written to localStorage before it is sent, delivered one at a time in the order
 * it was made, and removed only when the store has answered for it: retried with backoff while
 * the store is unreachable, across reloads, with the same Idempotency-Key, so that a write whose
 * answer was lost is replayed by the store rather than done twice. A 4xx other than 408/429 is a
 * refusal: set aside for the person to read.
 *
 * localStorage is the truth, re-read before every step, so that two tabs of one browser share
 * one queue; both may send the same head at once, which the key makes harmless. When storage
 * refuses the queue (full, or disabled), this tab holds it in memory instead and says so
 * (`storageProblem`): a halt's audit record must still be sent, and nothing may stop the
 * control that made it. Each later change tries storage again.
 */
export class Outbox {
  private readonly opts: Required<OutboxOptions>;
  private readonly listeners = new Set<() => void>();
  private readonly deliveredListeners = new Set<(entry: OutboxEntry, answer: Delivered | null) => void>();
  private file: OutboxFile;
  /** The queue, while storage refuses it: then this tab's copy is the truth. */
  private held: OutboxFile | null = null;
  private storageProblem: string | null = null;
  private status: OutboxStatus = { problem: null, retryAt: null };
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pumping = false;
  private stopped = true;
  private failures = 0;

  constructor(options: OutboxOptions) {
    this.opts = {
      storageKey: OUTBOX_STORAGE_KEY,
      fetch: (input, init) => globalThis.fetch(input, init),
      requestTimeoutMs: 8000,
      baseDelayMs: 1000,
      maxDelayMs: 30_000,
      random: Math.random,
      now: () => Date.now(),
      ...options,
    };
    this.file = readOutboxFile(this.opts.storage, this.opts.storageKey);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.pump();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Try now rather than at the end of the backoff: the store is known to be back. */
  kick(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.pump();
  }

  /** Another tab changed the stored queue. */
  reload(): void {
    // Holding the queue in memory, this tab must not take the stored one for it: it tries to
    // write its own back instead, with what the other tab stored.
    if (this.held) return this.update((file) => file);
    this.file = readOutboxFile(this.opts.storage, this.opts.storageKey);
    this.emit();
  }

  snapshot(): OutboxSnapshot {
    return { file: this.file, status: this.status, storageProblem: this.storageProblem };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onDelivered(listener: (entry: OutboxEntry, answer: Delivered | null) => void): () => void {
    this.deliveredListeners.add(listener);
    return () => this.deliveredListeners.delete(listener);
  }

  /** Queues a write; null when one with the same key is queued or was delivered already. */
  enqueue(draft: WriteDraft): OutboxEntry | null {
    const key = draft.key ?? newKey();
    let queued: OutboxEntry | null = null;
    this.update((file) => {
      if (file.entries.some((e) => e.key === key) || file.delivered.includes(key)) return file;
      const { key: _key, quiet = false, ...rest } = draft;
      queued = { ...rest, key, quiet, queuedAt: this.opts.now(), attempts: 0, problem: null };
      return { ...file, entries: [...file.entries, queued] };
    });
    if (queued && !this.stopped && !this.timer) void this.pump();
    return queued;
  }

  /** The store's id for an incident declared here offline, once known; else the id itself. */
  resolveId(id: string): string {
    return this.file.ids[id] ?? id;
  }

  dismissRefusal(key: string): void {
    this.update((file) => ({ ...file, refused: file.refused.filter((r) => r.entry.key !== key) }));
  }

  private read(): OutboxFile {
    return this.held ?? readOutboxFile(this.opts.storage, this.opts.storageKey);
  }

  private update(change: (file: OutboxFile) => OutboxFile): void {
    const current = this.read();
    const next = change(current);
    this.file = next === current && !this.held ? next : this.store(next);
    this.emit();
  }

  /** Writes the queue; when storage refuses, holds it in memory. Returns the queue as it now is. */
  private store(next: OutboxFile): OutboxFile {
    const file = this.held ? mergeFiles(readOutboxFile(this.opts.storage, this.opts.storageKey), next) : next;
    try {
      writeOutboxFile(this.opts.storage, file, this.opts.storageKey);
    } catch (error) {
      if (!this.held)
        console.error(`war-room outbox: storage refused the queue, held in this tab: ${String(error)}`);
      this.held = next;
      this.storageProblem = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return next;
    }
    this.held = null;
    this.storageProblem = null;
    return file;
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  private setStatus(status: OutboxStatus): void {
    this.status = status;
    this.emit();
  }

  private async pump(): Promise<void> {
    if (this.pumping || this.stopped) return;
    this.pumping = true;
    try {
      for (;;) {
        if (this.stopped) return;
        const file = this.read();
        const head = file.entries[0];
        if (!head) return this.setStatus({ problem: null, retryAt: null });
        const outcome = await this.deliver(head, file);
        if (outcome.kind === 'retry') return this.retryLater(head, outcome.problem);
        this.failures = 0;
        this.settle(head, outcome);
      }
    } finally {
      this.pumping = false;
    }
  }

  private async deliver(head: OutboxEntry, file: OutboxFile): Promise<Outcome> {
    const request = requestFor(head, file);
    if ('refused' in request) return { kind: 'refused', status: 0, problem: request.refused };
    let answer: { status: number; text: string; replayed: boolean };
    try {
      answer = await storeRequest(
        `${this.opts.baseUrl}${request.path}`,
        {
          method: head.method,
          headers: { 'content-type': 'application/json', 'idempotency-key': head.key },
          body: JSON.stringify(request.body),
        },
        this.opts.requestTimeoutMs,
        this.opts.fetch,
      );
    } catch (error) {
      return { kind: 'retry', problem: error instanceof StoreUnreachable ? error.message : String(error) };
    }
    const { status, text, replayed } = answer;
    if (status >= 200 && status < 300) return this.accepted(head, status, text, replayed);
    if (isPermanentStatus(status)) return { kind: 'refused', status, problem: problemText(status, text) };
    return { kind: 'retry', problem: `the store answered HTTP ${status}` };
  }

  private accepted(head: OutboxEntry, status: number, text: string, replayed: boolean): Outcome {
    const json = parseJsonText(text, 'store answer');
    const parsed = json.ok ? answerOf(head, json.value) : json;
    if (!parsed.ok) {
      // Done, but without the incident's id a declaration's follow-ups cannot be sent.
      if (head.kind === 'declare') return { kind: 'refused', status, problem: parsed.error };
      return { kind: 'done', answer: null, incidentId: null };
    }
    const answer = parsed.value;
    const incidentId = answer.kind === 'incident' ? answer.incident.id : null;
    // A replayed answer (this write was taken before; its first answer was lost) is the state as it
    // was then: a checklist ticked since unticked, an incident since changed. Only its id is used;
    // the change feed brings what is true now.
    return { kind: 'done', answer: replayed ? null : answer, incidentId };
  }

  private settle(head: OutboxEntry, outcome: Exclude<Outcome, { kind: 'retry' }>): void {
    this.update((file) => {
      const entries = file.entries.filter((e) => e.key !== head.key);
      const incidentId = head.kind === 'audit' ? auditIncidentOf(head, file) : null;
      if (outcome.kind === 'refused' && outcome.status === 404 && head.kind === 'audit' && incidentId) {
        // In its place, so the audit log keeps the order the controls were used in; once only,
        // however many tabs got the same refusal.
        const again = unlinkedRecord(head, incidentId);
        const queued = file.entries.some((e) => e.key === again.key) || file.delivered.includes(again.key);
        return {
          ...file,
          entries: file.entries.flatMap((e) => (e.key !== head.key ? [e] : queued ? [] : [again])),
        };
      }
      if (outcome.kind === 'refused') {
        if (head.quiet) return { ...file, entries };
        const refusal = {
          entry: head,
          status: outcome.status,
          problem: outcome.problem,
          at: this.opts.now(),
        };
        return { ...file, entries, refused: [...file.refused, refusal] };
      }
      const delivered = [...file.delivered.filter((k) => k !== head.key), head.key].slice(-REMEMBERED_KEYS);
      const ids =
        head.kind === 'declare' && outcome.incidentId !== null
          ? { ...file.ids, [head.incidentId]: outcome.incidentId }
          : file.ids;
      return { ...file, entries, delivered, ids };
    });
    if (outcome.kind === 'done')
      for (const listener of this.deliveredListeners) listener(head, outcome.answer);
  }

  private retryLater(head: OutboxEntry, problem: string): void {
    this.failures += 1;
    this.update((file) => ({
      ...file,
      entries: file.entries.map((e) =>
        e.key === head.key ? { ...e, attempts: e.attempts + 1, problem } : e,
      ),
    }));
    const delay = backoffDelay(this.failures, this.opts.baseDelayMs, this.opts.maxDelayMs, this.opts.random);
    this.setStatus({ problem, retryAt: this.opts.now() + delay });
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.pump();
    }, delay);
  }
}
