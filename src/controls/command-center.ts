import { create } from 'zustand';
import type { ControlId } from '../../contract/schemas.ts';
import type { LiveState } from '../live/live-state.ts';
import type { Person } from '../session/war-room-session.ts';
import { doneByHand, isFinal, isInFlight, needsResend, newCommand } from './command-machine.ts';
import type { Command, CommandScope } from './command-machine.ts';
import type { SystemScope } from '../systems/system-scope.tsx';
import { CommandRunner } from './command-runner.ts';
import type { SendOutcome } from './command-runner.ts';
import { controlById, verifiableOn } from './registry.ts';

// The commands of this browser tab, newest first: client state (what this operator pressed and
// what came of it). The trading state itself stays in the query cache.
const MAX_SHOWN = 20;
const useCommandStore = create<{ commands: Command[] }>()(() => ({ commands: [] }));

export const useCommands = () => useCommandStore((s) => s.commands);
export const resetCommands = () => useCommandStore.setState({ commands: [] });

export interface CommandCenterDeps {
  /** The trading system this center sends to: every command it makes names it. */
  system: SystemScope;
  /** Puts one attempt of a command on the wire to that system (send-control.ts in the app). */
  send(command: Command): Promise<SendOutcome>;
  /** Who is signed in to the war room; only a commander's commands are sent (the server checks again). */
  person(): Person | null;
  deadlineMs: number;
  /** That system's live state, as the board holds it. */
  liveState(): LiveState | undefined;
  /** Called on every change of the live state; returns the unsubscribe function. */
  subscribeLive(listener: () => void): () => void;
  /**
   * Every change of a command, for the audit log. Called after the request is on its way, and
   * whatever it throws is logged, never passed on: recording a control must not stop it.
   */
  report?(command: Command): void;
  /** The war-room server refused the session (ended, expired): ask who is signed in now. */
  unauthorized?(): void;
  /** Waits between attempts (the runner's defaults otherwise). */
  retryDelaysMs?: readonly number[];
  now?: () => number;
  newKey?: () => string;
}

/** The contract's limit on a control's reason. */
const MAX_REASON = 2000;

/**
 * A war-room tool must keep stopping trading when everything else is failing: a report that
 * throws (storage full, a bug) is said aloud and the command goes on.
 */
function reportSafely(report: (command: Command) => void, command: Command): void {
  try {
    report(command);
  } catch (error) {
    console.error(`control ${command.controlId} (${command.key}): not recorded: ${String(error)}`);
  }
}

export type FireResult = { ok: true; command: Command } | { ok: false; error: string };

/**
 * Fires declared controls and follows each command to its end. A second press of the same
 * control on the same scope while the first is in the air returns the first: one command.
 */
export class CommandCenter {
  private readonly deps: Required<Omit<CommandCenterDeps, 'report' | 'unauthorized' | 'retryDelaysMs'>> &
    Pick<CommandCenterDeps, 'report' | 'unauthorized' | 'retryDelaysMs'>;
  private readonly active = new Map<string, CommandRunner>();
  private readonly unsubscribe: () => void;

  constructor(deps: CommandCenterDeps) {
    this.deps = { now: () => Date.now(), newKey: () => crypto.randomUUID(), ...deps };
    this.unsubscribe = deps.subscribeLive(() => this.checkObserved());
  }

  fire(controlId: ControlId, scope: CommandScope, reason: string): FireResult {
    const declaration = controlById(controlId);
    const same = [...this.active.values()].find(
      (r) => r.command.controlId === controlId && r.command.scope.venueId === scope.venueId,
    );
    // One gesture, one command: while it is in the air a second press is the same command, and
    // once it got no valid answer a second press sends that very request again, same key — the
    // trading system may have executed it, and only the key keeps a retry from doing it twice.
    if (same && isInFlight(same.command)) return { ok: true, command: same.command };
    if (same && needsResend(same.command)) {
      same.resend();
      return { ok: true, command: same.command };
    }
    const person = this.deps.person();
    if (!person) return { ok: false, error: 'Sign in to the war room to use the controls.' };
    if (person.role !== 'commander')
      return { ok: false, error: `${person.name} is a viewer: only a commander may use the controls.` };
    const why = declaration.needsReason && !reason.trim() ? 'A reason is required.' : null;
    if (why) return { ok: false, error: why };
    // Stopping trading must never wait on a form: without a reason, it says so in the record.
    const text = reason.trim() || 'no reason given';
    if (text.length > MAX_REASON)
      return { ok: false, error: `The reason is ${text.length} characters; at most ${MAX_REASON}.` };
    // With no live state (API unreachable) the command may still get through: let it be tried.
    const state = this.deps.liveState();
    const unavailable = state ? declaration.unavailable(state, scope) : null;
    if (unavailable) return { ok: false, error: `${declaration.label}: ${unavailable}` };
    // Its effect already there: a command could only be "confirmed" by what it did not do.
    if (state && declaration.isDone(state, scope) === true)
      return { ok: false, error: `${declaration.label}: already in effect, nothing to do` };

    if (same) this.active.delete(same.command.key);
    const command = newCommand({
      key: this.deps.newKey(),
      controlId,
      system: this.deps.system,
      scope,
      reason: text,
      params: declaration.params,
      // Judged by the system's own word, as last heard: a profile may say it cannot show the effect.
      verifiable: verifiableOn(declaration, state?.system),
      now: this.deps.now(),
      deadlineMs: this.deps.deadlineMs,
    });
    const runner = new CommandRunner(command, {
      send: async (c) => {
        const outcome = await this.deps.send(c);
        if (outcome.kind === 'rejected' && outcome.status === 401) this.deps.unauthorized?.();
        return outcome;
      },
      onChange: (c) => this.changed(c),
      now: this.deps.now,
      ...(this.deps.retryDelaysMs ? { retryDelaysMs: this.deps.retryDelaysMs } : {}),
    });
    this.active.set(command.key, runner);
    // Started before anything is recorded: its first attempt shows the command (through
    // onChange), and the reports of it wait until the request is on the wire.
    runner.start();
    return { ok: true, command: runner.command };
  }

  /**
   * The commander ticked a control this system offers only by hand as run: nothing is sent, and
   * the tick is recorded through the same path as a fired control.
   */
  doneByHand(controlId: ControlId, scope: CommandScope, reason: string, command: string): FireResult {
    const person = this.deps.person();
    if (!person) return { ok: false, error: 'Sign in to the war room to use the controls.' };
    if (person.role !== 'commander')
      return { ok: false, error: `${person.name} is a viewer: only a commander may use the controls.` };
    const declaration = controlById(controlId);
    if (declaration.needsReason && !reason.trim()) return { ok: false, error: 'A reason is required.' };
    const made = doneByHand({
      key: this.deps.newKey(),
      controlId,
      system: this.deps.system,
      scope,
      reason: reason.trim().slice(0, MAX_REASON) || 'no reason given',
      command,
      now: this.deps.now(),
    });
    this.changed(made);
    return { ok: true, command: made };
  }

  dispose(): void {
    this.unsubscribe();
    for (const runner of this.active.values()) runner.stop();
    this.active.clear();
  }

  /** The trading system's own data is the only proof a command took effect. */
  private checkObserved(): void {
    const state = this.deps.liveState();
    if (!state) return;
    for (const runner of this.active.values()) {
      const { controlId, scope } = runner.command;
      if (controlById(controlId).isDone(state, scope) === true) runner.observe();
    }
  }

  private changed(command: Command): void {
    useCommandStore.setState((s) => ({
      commands: [command, ...s.commands.filter((c) => c.key !== command.key)].slice(0, MAX_SHOWN),
    }));
    // After the current step of the runner, so that a first attempt's request is already on the
    // wire; in order, since microtasks run in the order they were queued.
    const report = this.deps.report;
    if (report) queueMicrotask(() => reportSafely(report, command));
    // Nothing more will come of it: forget the runner (the command stays listed).
    const done = isFinal(command) || (command.phase === 'accepted' && !command.verifiable);
    if (done) this.active.delete(command.key);
  }
}
