import type { ControlId, ControlReceipt } from '../../contract/schemas.ts';

/**
 * The life of one trading command, from the gesture to the trading system's confirmation.
 *
 *   sending ──answer──▶ accepted ──state observed──▶ confirmed
 *      │  ╲                 │
 *      │   network/5xx ─▶ retrying (same idempotency key) ─▶ … ─▶ failed
 *      └─ 4xx ─▶ rejected   └──deadline──▶ unconfirmed ──state observed──▶ confirmed (late)
 *
 * "Accepted" only means the API answered. Only seeing the trading state the command promised,
 * in data received after it was sent, makes it "confirmed" — the dashboard never says
 * "halted" while the system is still trading.
 */
export type CommandPhase =
  'sending' | 'retrying' | 'accepted' | 'unconfirmed' | 'confirmed' | 'rejected' | 'failed';

export interface CommandScope {
  venueId?: string;
}

export interface Command {
  /** Also the idempotency key: every retry of this command carries it. */
  key: string;
  controlId: ControlId;
  scope: CommandScope;
  reason: string;
  phase: CommandPhase;
  /** Client time (ms) the gesture completed. */
  startedAt: number;
  /** After this, still unconfirmed is loud. */
  deadlineAt: number;
  attempts: number;
  acceptedAt: number | null;
  confirmedAt: number | null;
  receipt: ControlReceipt | null;
  /** What went wrong last, in words (a 401 explained, "no answer within 4 s"…). */
  problem: string | null;
}

export type CommandEvent =
  | { type: 'attempted' }
  | { type: 'accepted'; receipt: ControlReceipt; at: number }
  | { type: 'rejected'; problem: string }
  | { type: 'transient'; problem: string }
  | { type: 'observed'; at: number }
  | { type: 'deadline' }
  | { type: 'gave-up'; problem: string };

/** Nothing more will happen to these. A `failed` command is not among them: see 'observed'. */
export const FINAL_PHASES: ReadonlySet<CommandPhase> = new Set(['confirmed', 'rejected']);

export function isFinal(command: Command): boolean {
  return FINAL_PHASES.has(command.phase);
}

/** Still in the air: a second gesture for the same control and scope must not send another. */
export function isInFlight(command: Command): boolean {
  return !isFinal(command) && command.phase !== 'failed';
}

export function newCommand(init: {
  key: string;
  controlId: ControlId;
  scope: CommandScope;
  reason: string;
  now: number;
  deadlineMs: number;
}): Command {
  return {
    key: init.key,
    controlId: init.controlId,
    scope: init.scope,
    reason: init.reason,
    phase: 'sending',
    startedAt: init.now,
    deadlineAt: init.now + init.deadlineMs,
    attempts: 0,
    acceptedAt: null,
    confirmedAt: null,
    receipt: null,
    problem: null,
  };
}

/** Pure transition; events that make no sense in a phase leave the command as it is. */
export function commandReducer(command: Command, event: CommandEvent): Command {
  // Confirmed from the live state before its HTTP answer came back: keep the answer, for the record.
  if (command.phase === 'confirmed' && event.type === 'accepted' && command.receipt === null)
    return { ...command, receipt: event.receipt, acceptedAt: event.at };
  if (isFinal(command)) return command;
  // We gave up sending, but the system may have executed an attempt we never heard back from:
  // if its state shows the effect, that is the truth to display.
  if (command.phase === 'failed' && event.type !== 'observed') return command;
  switch (event.type) {
    case 'attempted':
      return { ...command, attempts: command.attempts + 1 };
    case 'accepted':
      return {
        ...command,
        receipt: event.receipt,
        acceptedAt: command.acceptedAt ?? event.at,
        problem: null,
        phase: command.phase === 'unconfirmed' ? 'unconfirmed' : 'accepted',
      };
    case 'rejected':
      // A 4xx will not get better by sending it again; nothing was executed.
      return command.acceptedAt === null
        ? { ...command, phase: 'rejected', problem: event.problem }
        : command;
    case 'transient':
      if (command.acceptedAt !== null) return command; // already accepted: the retry was redundant
      return {
        ...command,
        phase: command.phase === 'unconfirmed' ? 'unconfirmed' : 'retrying',
        problem: event.problem,
      };
    case 'observed':
      return { ...command, phase: 'confirmed', confirmedAt: event.at, problem: null };
    case 'deadline':
      return { ...command, phase: 'unconfirmed' };
    case 'gave-up':
      // Never accepted and no more retries: but the system may still have executed it, so a
      // command that was sent is "failed" only in what we know, and says so.
      return command.acceptedAt === null ? { ...command, phase: 'failed', problem: event.problem } : command;
  }
}

/** Milliseconds from the gesture to confirmation: the figure the commander and drills report. */
export function confirmationMs(command: Command): number | null {
  return command.confirmedAt === null ? null : command.confirmedAt - command.startedAt;
}
