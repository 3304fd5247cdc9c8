// Every command the system executed, by idempotency key: what makes a resend (after a timeout,
// a lost answer, a garbled one) safe. A key is spent only by a command that ran; its entry keeps
// a fingerprint of what it asked for, so the same key for something else is told apart from a
// resend. Entries are kept for the life of the process: controls are sent by people, a handful
// an incident, and forgetting a key would let a late resend run a command twice.
import type { ControlId, ControlReceipt, ExecutedCommand } from './types.ts';

export interface CommandIdentity {
  controlId: ControlId;
  venueId?: string;
  params?: Record<string, unknown>;
  reason: string;
}

interface Entry {
  fingerprint: string;
  receipt: ControlReceipt;
  executed: ExecutedCommand;
}

export type LedgerLookup =
  { kind: 'new' } | { kind: 'duplicate'; receipt: ControlReceipt } | { kind: 'conflict'; message: string };

/** JSON with object keys sorted, so that `{a, b}` and `{b, a}` are the same params. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What a command asked for; absent params and `{}` are the same request. */
export function fingerprint(command: CommandIdentity): string {
  return canonical([command.controlId, command.venueId ?? null, command.params ?? {}, command.reason]);
}

export class CommandLedger {
  #byKey = new Map<string, Entry>();
  #executed: ExecutedCommand[] = [];

  lookup(key: string, print: string): LedgerLookup {
    const entry = this.#byKey.get(key);
    if (!entry) return { kind: 'new' };
    if (entry.fingerprint === print)
      return { kind: 'duplicate', receipt: { ...entry.receipt, outcome: 'duplicate' } };
    const { controlId, venueId, executedAt } = entry.executed;
    const what = venueId === null ? controlId : `${controlId} on ${venueId}`;
    return {
      kind: 'conflict',
      message:
        `this Idempotency-Key was used at ${executedAt} for ${what} with other details ` +
        '(control, venue, params or reason); nothing was executed. A new command needs a new key.',
    };
  }

  record(key: string, print: string, receipt: ControlReceipt, executed: ExecutedCommand): void {
    this.#byKey.set(key, { fingerprint: print, receipt: { ...receipt }, executed: { ...executed } });
    this.#executed.push({ ...executed });
  }

  get size(): number {
    return this.#executed.length;
  }

  /** Executed commands, oldest first (copies). */
  list(): ExecutedCommand[] {
    return this.#executed.map((command) => ({ ...command }));
  }
}
