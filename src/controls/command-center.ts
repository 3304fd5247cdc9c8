import { create } from 'zustand';
import type { ControlId } from '../../contract/schemas.ts';
import type { LiveState } from '../live/live-state.ts';
import { isFinal, isInFlight, newCommand } from './command-machine.ts';
import type { Command, CommandScope } from './command-machine.ts';
import { CommandRunner } from './command-runner.ts';
import { controlById } from './registry.ts';
import { sendControl } from './send-control.ts';

// The commands of this browser tab, newest first: client state (what this operator pressed and
// what came of it). The trading state itself stays in the query cache.
const MAX_SHOWN = 20;
const useCommandStore = create<{ commands: Command[] }>()(() => ({ commands: [] }));

export const useCommands = () => useCommandStore((s) => s.commands);
export const useLatestCommand = (controlId: ControlId, venueId?: string) =>
  useCommandStore(
    (s) => s.commands.find((c) => c.controlId === controlId && c.scope.venueId === venueId) ?? null,
  );
export const resetCommands = () => useCommandStore.setState({ commands: [] });

export interface CommandCenterDeps {
  apiBaseUrl: string;
  requestTimeoutMs: number;
  deadlineMs: number;
  token(): string | null;
  liveState(): LiveState | undefined;
  /** Called on every change of the live state; returns the unsubscribe function. */
  subscribeLive(listener: () => void): () => void;
  /** Every change of a command, for the audit log. */
  report?(command: Command): void;
  now?: () => number;
  newKey?: () => string;
}

export type FireResult = { ok: true; command: Command } | { ok: false; error: string };

/**
 * Fires declared controls and follows each command to its end. A second press of the same
 * control on the same scope while the first is in the air returns the first: one command.
 */
export class CommandCenter {
  private readonly deps: Required<Omit<CommandCenterDeps, 'report'>> & Pick<CommandCenterDeps, 'report'>;
  private readonly active = new Map<string, CommandRunner>();
  private readonly unsubscribe: () => void;

  constructor(deps: CommandCenterDeps) {
    this.deps = { now: () => Date.now(), newKey: () => crypto.randomUUID(), ...deps };
    this.unsubscribe = deps.subscribeLive(() => this.checkObserved());
  }

  fire(controlId: ControlId, scope: CommandScope, reason: string): FireResult {
    const running = [...this.active.values()].find(
      (r) =>
        r.command.controlId === controlId &&
        r.command.scope.venueId === scope.venueId &&
        isInFlight(r.command),
    );
    if (running) return { ok: true, command: running.command };
    const token = this.deps.token();
    if (!token) return { ok: false, error: 'Sign in with an operator token to use the controls.' };
    if (!reason.trim()) return { ok: false, error: 'A reason is required.' };
    const declaration = controlById(controlId);
    // With no live state (API unreachable) the command may still get through: let it be tried.
    const state = this.deps.liveState();
    const why = state ? declaration.unavailable(state, scope) : null;
    if (why) return { ok: false, error: `${declaration.label}: ${why}` };

    const command = newCommand({
      key: this.deps.newKey(),
      controlId,
      scope,
      reason: reason.trim(),
      now: this.deps.now(),
      deadlineMs: this.deps.deadlineMs,
    });
    const runner = new CommandRunner(command, {
      send: (c) =>
        sendControl(c, {
          apiBaseUrl: this.deps.apiBaseUrl,
          token,
          timeoutMs: this.deps.requestTimeoutMs,
          params: declaration.params,
        }),
      onChange: (c) => this.changed(c),
      now: this.deps.now,
    });
    this.active.set(command.key, runner);
    this.changed(command);
    runner.start();
    return { ok: true, command: runner.command };
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
    this.deps.report?.(command);
    if (isFinal(command)) this.active.delete(command.key);
  }
}
