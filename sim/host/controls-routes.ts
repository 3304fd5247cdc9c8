// The controls endpoints over node:http: reading what the transport-neutral API needs from the
// request, and writing its answer back, bent by the fault in force when it is a success (the
// command has run by then: a lying API still executes).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ControlReceipt, Fault, Operator } from '../../contract/schemas.ts';
import type { ApiAnswer, BodyRead } from '../api/controls-api.ts';
import { truncateJson, violateOperator, violateReceipt } from './faults.ts';
import { HttpError, readJsonBody } from './http-util.ts';

const PREFIX = '/api/v1/controls/';

/** The control named by a path under /api/v1/controls/, or null for any other path. */
export function controlInPath(pathname: string): string | null {
  if (!pathname.startsWith(PREFIX)) return null;
  const segment = pathname.slice(PREFIX.length);
  if (segment === '' || segment.includes('/')) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A single header's value; a repeated one is refused as absent rather than guessed at. */
export function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

export async function readBody(req: IncomingMessage): Promise<BodyRead> {
  try {
    return { ok: true, value: await readJsonBody(req) };
  } catch (error) {
    if (error instanceof HttpError) return { ok: false, status: error.status, detail: error.message };
    throw error;
  }
}

function render(answer: ApiAnswer, fault: Fault | null): string {
  const success = answer.status === 200 || answer.status === 202;
  if (success && fault?.kind === 'schema-violation')
    return JSON.stringify(
      'commandId' in answer.body
        ? violateReceipt(answer.body as ControlReceipt)
        : violateOperator(answer.body as Operator),
    );
  const text = JSON.stringify(answer.body);
  return success && fault?.kind === 'malformed-json' ? truncateJson(text) : text;
}

export function sendAnswer(res: ServerResponse, answer: ApiAnswer, fault: Fault | null): void {
  const text = render(answer, fault);
  res.writeHead(answer.status, {
    ...answer.headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}
