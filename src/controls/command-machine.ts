import type { ControlId, ControlReceipt } from '../../contract/schemas.ts';
import type { SystemScope } from '../systems/system-scope.tsx';

/**
 * The life of one trading command, from the gesture to the trading system's confirmation.
 *
 *   sending ──receipt──▶ accepted ──effect seen──▶ confirmed
 *      │ ╲                  │
 *      │  no valid answer ─▶ retrying (same idempotency key) ─▶ … ─▶ failed ("may have executed")
 *      └─ 4xx ─▶ rejected   └──deadline──▶ unconfirmed ──effect seen──▶ confirmed (late)
 *
 * Confirmed needs two proofs: the trading system's receipt for *this* command's key, and its
 * effect in the live state. The effect alone could be someone else's doing (or already there);
 * the receipt alone is only "accepted". Either may come first — the stream often beats the HTTP
 * answer. A 4xx wins over an effect seen: our command was refused, whatever else happened.
 *
 * A control a system offers only by hand is never sent: the commander runs its command and ticks
 * it, and the command is born `done-by-hand` — recorded like any other, confirmed by nobody.
 */
export type CommandPhase =
  'sending' | 'retrying' | 'accepted' | 'unconfirmed' | 'confirmed' | 'rejected' | 'failed' | 'done-by-hand';

export interface CommandScope {
  venueId?: string;
}

export interface Command {
  /** Also the idempotency key: every attempt of this command carries it, and the same body. */
  key: string;
  controlId: ControlId;
  /** The trading system it was sent to; null only for a command made outside a command center. */
  system: SystemScope | null;
  scope: CommandScope;
  reason: string;
  params?: Record<string, unknown>;
  /**
   * False when nothing in the live state can show its effect — the control's or this system's
   * doing (see verifiableOn in registry.ts): such a command is never "confirmed".
   */
  verifiable: boolean;
  phase: CommandPhase;
  /** Client time (ms) the gesture completed. */
  startedAt: number;
  /** After this, still unconfirmed is loud. */
  deadlineAt: number;
  attempts: number;
  acceptedAt: number | null;
  /** When the live state first showed the effect (client ms). */
  observedAt: number | null;
  confirmedAt: number | null;
  receipt: ControlReceipt | null;
  /** What went wrong last, in words (a 401 explained, "no answer within 4 s"…). */
  problem: string | null;
  /** The command a person ran by hand and ticked as done; null for one sent to the trading API. */
  byHand: string | null;
}

export type CommandEvent =
  | { type: 'attempted' }
  | { type: 'accepted'; receipt: ControlReceipt; at: number }
  | { type: 'rejected'; problem: string }
  | { type: 'transient'; problem: string }
  | { type: 'observed'; at: number }
  | { type: 'deadline' }
  | { type: 'gave-up'; problem: string }
  /** A second gesture on a command with no valid answer: the same request, same key, again. */
  | { type: 'resent' };

export function isFinal(command: Command): boolean {
  return command.phase === 'confirmed' || command.phase === 'rejected' || command.phase === 'done-by-hand';
}

/**
 * Still waiting on the trading system: a second gesture on the same control and scope must not
 * make another command. Accepted-and-unverifiable is done: nothing more can be learned.
 */
export function isInFlight(command: Command): boolean {
  if (command.phase === 'accepted') return command.verifiable;
  return command.phase === 'sending' || command.phase === 'retrying';
}

/**
 * No valid answer, or no effect seen: a new gesture re-sends this very command (same key). An
 * accepted command whose effect never showed is re-sent too, not replaced: the trading system
 * (or the war-room server, for one that takes no key) answers the repeat with its first receipt,
 * so an unsure second hold can never halt twice.
 */
export function needsResend(command: Command): boolean {
  return command.phase === 'failed' || command.phase === 'unconfirmed';
}

export function newCommand(init: {
  key: string;
  controlId: ControlId;
  system?: SystemScope;
  scope: CommandScope;
  reason: string;
  params?: Record<string, unknown>;
  verifiable?: boolean;
  now: number;
  deadlineMs: number;
}): Command {
  return {
    key: init.key,
    controlId: init.controlId,
    system: init.system ?? null,
    scope: init.scope,
    reason: init.reason,
    ...(init.params ? { params: init.params } : {}),
    verifiable: init.verifiable ?? true,
    phase: 'sending',
    startedAt: init.now,
    deadlineAt: init.now + init.deadlineMs,
    attempts: 0,
    acceptedAt: null,
    observedAt: null,
    confirmedAt: null,
    receipt: null,
    problem: null,
    byHand: null,
  };
}

/** What the commander ticked as run by hand, for a control the system offers only that way. */
export function doneByHand(init: {
  key: string;
  controlId: ControlId;
  system: SystemScope;
  scope: CommandScope;
  reason: string;
  /** The command exactly as it was given to run. */
  command: string;
  now: number;
}): Command {
  const { command, ...rest } = init;
  return {
    ...newCommand({ ...rest, verifiable: false, deadlineMs: 0 }),
    phase: 'done-by-hand',
    byHand: command,
  };
}

const confirmed = (command: Command, at: number): Command => ({
  ...command,
  phase: 'confirmed',
  confirmedAt: at,
  problem: null,
});

/** Pure transition; events that make no sense in a phase leave the command as it is. */
export function commandReducer(command: Command, event: CommandEvent): Command {
  if (isFinal(command)) return command;
  switch (event.type) {
    case 'attempted':
      return { ...command, attempts: command.attempts + 1 };
    case 'accepted': {
      const next = {
        ...command,
        receipt: event.receipt,
        acceptedAt: command.acceptedAt ?? event.at,
        problem: null,
      };
      if (command.observedAt !== null) return confirmed(next, event.at);
      return { ...next, phase: command.phase === 'unconfirmed' ? 'unconfirmed' : 'accepted' };
    }
    case 'rejected':
      // Refused, whatever the live state shows: that effect was not this command's doing.
      return command.acceptedAt === null
        ? { ...command, phase: 'rejected', problem: event.problem }
        : command;
    case 'transient':
      if (command.acceptedAt !== null) return command; // already accepted: the retry was redundant
      return {
        ...command,
        phase: command.phase === 'unconfirmed' || command.phase === 'failed' ? command.phase : 'retrying',
        problem: event.problem,
      };
    case 'observed':
      if (!command.verifiable || command.observedAt !== null) return command;
      return command.receipt
        ? confirmed({ ...command, observedAt: event.at }, event.at)
        : { ...command, observedAt: event.at };
    case 'deadline':
      if (!command.verifiable && command.phase === 'accepted') return command;
      return command.phase === 'failed' ? command : { ...command, phase: 'unconfirmed' };
    case 'gave-up':
      return command.acceptedAt === null ? { ...command, phase: 'failed', problem: event.problem } : command;
    case 'resent':
      return needsResend(command) ? { ...command, phase: 'retrying' } : command;
  }
}

/** Milliseconds from the gesture to confirmation: the figure the commander and drills report. */
export function confirmationMs(command: Command): number | null {
  return command.confirmedAt === null ? null : command.confirmedAt - command.startedAt;
}
