import type { IncomingMessage } from 'node:http';
import { readBodyText } from '../../http-kit/body.ts';
import { HttpProblem, JSON_TYPE, jsonResponder } from '../../http-kit/respond.ts';

/** A refused request body or drill input: a 413 when it is too large, else a 400. */
export class HttpError extends HttpProblem {
  constructor(status: number, message: string) {
    super(status, status === 413 ? 'Payload Too Large' : 'Bad Request', message);
  }
}

// The trading API's contract has its problem documents as plain application/json.
export const { sendJson, sendProblem, sendHttpProblem } = jsonResponder(JSON_TYPE);

const MAX_BODY_BYTES = 64 * 1024;

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const text = await readBodyText(req, {
    maxBytes: MAX_BODY_BYTES,
    tooLarge: () => new HttpError(413, `request body over ${MAX_BODY_BYTES} bytes`),
  });
  if (text.trim() === '') throw new HttpError(400, 'a JSON request body is required');
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'the request body is not valid JSON');
  }
}
