import type { ControlReceipt } from '../../contract/schemas.ts';
import { commandReducer, isFinal, needsResend } from './command-machine.ts';
import type { Command, CommandEvent } from './command-machine.ts';

export type SendOutcome =
  | { kind: 'accepted'; receipt: ControlReceipt }
  /** The API refused it (4xx): sending again will not help, and nothing was executed. */
  | { kind: 'rejected'; problem: string; status: number }
  /** No usable answer (network, timeout, 5xx, a lying body): safe to resend with the same key. */
  | { kind: 'transient'; problem: string };

export interface CommandRunnerDeps {
  send(command: Command): Promise<SendOutcome>;
  onChange(command: Command): void;
  now(): number;
  /** Waits between attempts; when they run out, the runner gives up sending. */
  retryDelaysMs?: readonly number[];
}

const DEFAULT_RETRY_DELAYS_MS = [300, 600, 1200, 2400, 4800, 9600];

/**
 * Drives one command: sends it, resends it with the *same idempotency key* while answers fail,
 * turns it loud at the deadline, and confirms it when told the live state shows its effect.
 * Attempts are sequential: a retry never races a request still in flight.
 */
export class CommandRunner {
  private state: Command;
  private readonly deps: CommandRunnerDeps & { retryDelaysMs: readonly number[] };
  private timers: ReturnType<typeof setTimeout>[] = [];
  private stopped = false;

  constructor(command: Command, deps: CommandRunnerDeps) {
    this.state = command;
    this.deps = { retryDelaysMs: DEFAULT_RETRY_DELAYS_MS, ...deps };
  }

  get command(): Command {
    return this.state;
  }

  start(): void {
    this.later(() => this.dispatch({ type: 'deadline' }), this.state.deadlineAt - this.deps.now());
    void this.attempt(0);
  }

  /**
   * The live state now shows what the command promised. Timers stop (no deadline, no retry), but
   * an answer still on its way is awaited, so that what the trading system said is recorded.
   */
  observe(): void {
    this.dispatch({ type: 'observed', at: this.deps.now() });
    if (isFinal(this.state)) {
      this.timers.forEach(clearTimeout);
      this.timers = [];
    }
  }

  /** A second gesture on a command that got no valid answer: the same request again, same key. */
  resend(): void {
    if (!needsResend(this.state)) return;
    this.stopped = false;
    this.dispatch({ type: 'resent' });
    void this.attempt(0);
  }

  stop(): void {
    this.stopped = true;
    this.timers.forEach(clearTimeout);
    this.timers = [];
  }

  private dispatch(event: CommandEvent): void {
    const next = commandReducer(this.state, event);
    if (next === this.state) return;
    this.state = next;
    this.deps.onChange(next);
  }

  private later(fn: () => void, ms: number): void {
    this.timers.push(setTimeout(() => !this.stopped && fn(), Math.max(0, ms)));
  }

  private async attempt(retriesSoFar: number): Promise<void> {
    if (this.stopped || isFinal(this.state)) return;
    this.dispatch({ type: 'attempted' });
    const outcome = await this.deps.send(this.state);
    if (this.stopped) return;
    switch (outcome.kind) {
      case 'accepted':
        this.dispatch({ type: 'accepted', receipt: outcome.receipt, at: this.deps.now() });
        return;
      case 'rejected':
        this.dispatch({ type: 'rejected', problem: outcome.problem });
        return;
      case 'transient': {
        this.dispatch({ type: 'transient', problem: outcome.problem });
        const delay = this.deps.retryDelaysMs[retriesSoFar];
        if (delay === undefined || isFinal(this.state)) {
          const tries = retriesSoFar + 1;
          this.dispatch({ type: 'gave-up', problem: `${outcome.problem} — gave up after ${tries} attempts` });
          return;
        }
        this.later(() => void this.attempt(retriesSoFar + 1), delay);
      }
    }
  }
}
