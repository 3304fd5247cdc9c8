// A control sent through a native endpoint runs through the model, as the canonical controls do,
// so drill control's executed-commands list shows it. Native APIs take no Idempotency-Key (the
// connector guarantees once-only on its side): every request is a fresh command.
import { randomUUID } from 'node:crypto';
import type { ControlId, ControlReceipt, Simulator } from '../../model/simulator.ts';
import { NativeProblem, badRequest } from './problem.ts';

export interface NativeCommand {
  controlId: ControlId;
  venueId?: string;
  params?: Record<string, unknown>;
  reason: string;
  /** Recorded as changedBy: the native channel it came through (there is no operator). */
  by: string;
}

export function runControl(sim: Simulator, command: NativeCommand): ControlReceipt {
  const result = sim.command({
    key: `native-${randomUUID()}`,
    controlId: command.controlId,
    venueId: command.venueId,
    params: command.params,
    reason: command.reason,
    operator: command.by,
  });
  switch (result.kind) {
    case 'executed':
    case 'duplicate':
      return result.receipt;
    case 'bad-request':
      throw badRequest(result.message);
    case 'not-offered':
      throw new NativeProblem(501, result.message);
    case 'conflict':
      throw new NativeProblem(409, result.message);
  }
}
