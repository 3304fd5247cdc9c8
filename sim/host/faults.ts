import type { ControlReceipt, Fault, Operator, Snapshot, StreamEvent } from '../../contract/schemas.ts';

// Faults act on the HTTP surface only: the model keeps running underneath, exactly as a real
// trading system keeps trading while its API is slow, failing or lying.

/** Valid JSON cut off mid-way: what a crashing upstream or a broken proxy delivers. */
export function truncateJson(text: string): string {
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}

/**
 * Well-formed JSON that breaks the contract the way real systems do: a native enum value
 * leaking through (PAUSED instead of HALTED), a number turned into a string.
 */
export function violateSnapshot(snapshot: Snapshot): unknown {
  const copy = structuredClone(snapshot) as unknown as Record<string, unknown> & {
    tradingState: Record<string, unknown>;
    metrics: { windows: Record<string, unknown>[] };
  };
  copy.tradingState.state = 'PAUSED';
  for (const window of copy.metrics.windows) window.errorRate = 'n/a';
  return copy;
}

export function violateEvent(event: StreamEvent): unknown {
  const copy = structuredClone(event) as unknown as Record<string, unknown>;
  if (event.type === 'metrics.window') (copy.window as Record<string, unknown>).errorRate = 'n/a';
  else if (event.type === 'trading-state.changed')
    (copy.tradingState as Record<string, unknown>).state = 'PAUSED';
  else if (event.type === 'reset') return { ...copy, snapshot: violateSnapshot(event.snapshot) };
  // Other changes pass untouched: the fault breaks two sections, so the rest must keep working.
  return copy;
}

/** A receipt in a native dialect: an upper-case outcome and an epoch-number time. */
export function violateReceipt(receipt: ControlReceipt): unknown {
  return { ...receipt, outcome: receipt.outcome.toUpperCase(), receivedAt: Date.parse(receipt.receivedAt) };
}

/** The operator's controls as one comma-separated string instead of a list. */
export function violateOperator(operator: Operator): unknown {
  return { ...operator, controls: operator.controls.join(',') };
}

export function describeFault(fault: Fault | null): string {
  if (!fault) return 'none';
  return fault.kind === 'slow' ? `slow (${fault.delayMs ?? 0} ms)` : fault.kind;
}
