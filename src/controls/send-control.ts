import { controlReceiptSchema, problemSchema } from '../../contract/schemas.ts';
import type { ControlRequest } from '../../contract/schemas.ts';
import { parseJsonText, parseOrExplain } from '../../contract/validate.ts';
import type { Command } from './command-machine.ts';
import type { SendOutcome } from './command-runner.ts';

export interface SendContext {
  /** The war-room server's API of the trading system: it holds the system's credentials. */
  apiBaseUrl: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

// What each refusal means for the person holding the button.
const refusal: Record<number, string> = {
  400: 'the trading system refused the request as malformed',
  401: 'the war-room session was refused: sign in again',
  403: 'this person may not use this control',
  404: 'the trading system does not know this control or venue',
  409: 'this command key was already used for a different command',
  501: 'this trading system does not offer this control',
};

/**
 * Puts one attempt of a command on the wire and says what came of it. The idempotency key is the
 * command's own, the same on every attempt, so a retry after a timeout can never execute twice.
 * Who sends it is the war-room session: its cookie goes with the request (same origin), and the
 * browser holds no credential of the trading system's.
 */
export async function sendControl(command: Command, ctx: SendContext): Promise<SendOutcome> {
  const body = controlRequestBody(command);
  let response: Response;
  try {
    response = await (ctx.fetch ?? globalThis.fetch)(`${ctx.apiBaseUrl}/controls/${command.controlId}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'idempotency-key': command.key },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(ctx.timeoutMs),
    });
  } catch (error) {
    const name = (error as { name?: unknown } | null)?.name;
    const timedOut = name === 'TimeoutError' || name === 'AbortError';
    return {
      kind: 'transient',
      problem: timedOut ? `no answer within ${ctx.timeoutMs / 1000} s` : 'no connection',
    };
  }
  const text = await response.text().catch(() => '');
  if (response.ok) {
    const json = parseJsonText(text, 'control receipt');
    const receipt = json.ok ? parseOrExplain(controlReceiptSchema, json.value, 'control receipt') : json;
    // A 2xx we cannot read may still mean it executed: resending the same key is safe and asks again.
    return receipt.ok
      ? { kind: 'accepted', receipt: receipt.value }
      : { kind: 'transient', problem: receipt.error };
  }
  const detail = problemDetail(text);
  if (response.status >= 500 && response.status !== 501) {
    return { kind: 'transient', problem: `HTTP ${response.status}${detail ? `: ${detail}` : ''}` };
  }
  const meaning = refusal[response.status] ?? `the trading system refused it (HTTP ${response.status})`;
  return { kind: 'rejected', problem: `${meaning}${detail ? ` — ${detail}` : ''}`, status: response.status };
}

/**
 * The request body of a command: built in one place, because every attempt — and the fallback
 * command a person runs by hand — must be the very same request, or the key no longer matches it.
 */
export function controlRequestBody(command: Command): ControlRequest {
  const body: ControlRequest = { reason: command.reason };
  if (command.scope.venueId !== undefined) body.venueId = command.scope.venueId;
  if (command.params) body.params = command.params;
  return body;
}

function problemDetail(text: string): string | null {
  const json = parseJsonText(text, 'problem');
  if (!json.ok) return null;
  const problem = problemSchema.safeParse(json.value);
  return problem.success ? problem.data.detail : null;
}
