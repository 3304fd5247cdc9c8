// The controls half of the trading API, independent of transport: the HTTP host and the msw
// handlers both turn a request into these answers, so a component test and a drill get the same
// status codes and the same words. Checks run in the order a person fixes them: who you are,
// what you asked for, whether you may, then the request itself.
import { controlIdSchema, controlRequestSchema } from '../../contract/schemas.ts';
import type { ControlReceipt, Operator, Problem } from '../../contract/schemas.ts';
import { parseOrExplain } from '../../contract/validate.ts';
import { OFFERED_CONTROLS, isOffered, notOfferedMessage } from '../model/controls.ts';
import type { Simulator } from '../model/simulator.ts';
import type { OperatorBook } from './operators.ts';

export const IDEMPOTENCY_KEY_MIN = 8;
export const IDEMPOTENCY_KEY_MAX = 128;

/** An answer to send: 200/202 carry a receipt or an operator, everything else a problem. */
export type ApiAnswer =
  | { status: 200 | 202; body: ControlReceipt | Operator; headers: Record<string, string> }
  | { status: number; body: Problem; headers: Record<string, string> };

/** The request body as the transport read it: parsed JSON, or why it could not be read. */
export type BodyRead = { ok: true; value: unknown } | { ok: false; status: number; detail: string };

export interface ControlRequestIn {
  /** The path segment, not yet known to be a control. */
  controlId: string;
  authorization: string | null;
  idempotencyKey: string | null;
  body: BodyRead;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  409: 'Conflict',
  413: 'Payload Too Large',
  501: 'Not Implemented',
};

export function problem(status: number, detail: string): ApiAnswer {
  // 401 says how to authenticate, as HTTP asks of it.
  const headers: Record<string, string> =
    status === 401 ? { 'www-authenticate': 'Bearer realm="trading controls"' } : {};
  return { status, body: { title: TITLES[status] ?? 'Error', status, detail }, headers };
}

/** GET /api/v1/operator: who the token belongs to and what they may do. */
export function operatorAnswer(operators: OperatorBook, authorization: string | null): ApiAnswer {
  const auth = operators.authenticate(authorization);
  if (!auth.ok) return problem(401, auth.detail);
  return { status: 200, body: { ...auth.identity }, headers: {} };
}

function checkKey(key: string | null): string | null {
  if (key === null || key === '')
    return (
      `an Idempotency-Key header is required (${IDEMPOTENCY_KEY_MIN} to ${IDEMPOTENCY_KEY_MAX} characters): ` +
      'resending a command with the same key is what keeps it from running twice'
    );
  if (key.length < IDEMPOTENCY_KEY_MIN || key.length > IDEMPOTENCY_KEY_MAX)
    return `the Idempotency-Key header must be ${IDEMPOTENCY_KEY_MIN} to ${IDEMPOTENCY_KEY_MAX} characters, got ${key.length}`;
  return null;
}

/** POST /api/v1/controls/{controlId}. Executes at most once per key; see Simulator.command. */
export function controlAnswer(sim: Simulator, operators: OperatorBook, req: ControlRequestIn): ApiAnswer {
  const auth = operators.authenticate(req.authorization);
  if (!auth.ok) return problem(401, auth.detail);
  const { operator, controls } = auth.identity;

  const id = controlIdSchema.safeParse(req.controlId);
  if (!id.success)
    return problem(
      400,
      `unknown control "${req.controlId}" (this system offers ${OFFERED_CONTROLS.join(', ')})`,
    );
  const controlId = id.data;
  if (!isOffered(controlId)) return problem(501, notOfferedMessage(controlId));
  if (!controls.includes(controlId))
    return problem(
      403,
      `operator "${operator}" may not use ${controlId} (allowed: ${controls.join(', ') || 'none'})`,
    );

  const keyProblem = checkKey(req.idempotencyKey);
  if (keyProblem !== null) return problem(400, keyProblem);
  if (!req.body.ok) return problem(req.body.status, req.body.detail);
  const parsed = parseOrExplain(controlRequestSchema, req.body.value, 'control request');
  if (!parsed.ok) return problem(400, parsed.error);

  const result = sim.command({ key: req.idempotencyKey ?? '', controlId, operator, ...parsed.value });
  switch (result.kind) {
    case 'executed':
      return { status: 202, body: result.receipt, headers: {} };
    case 'duplicate':
      return { status: 200, body: result.receipt, headers: {} };
    case 'conflict':
      return problem(409, result.message);
    case 'not-offered':
      return problem(501, result.message);
    case 'bad-request':
      return problem(400, result.message);
  }
}
