// Answers as JSON, and errors as RFC 9457 problem documents whose `detail` a person can act on.
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** A refusal raised while handling a request; the server turns it into a problem response. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly headers: OutgoingHttpHeaders;
  constructor(status: number, title: string, detail: string, headers: OutgoingHttpHeaders = {}) {
    super(detail);
    this.status = status;
    this.title = title;
    this.headers = headers;
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  const text = JSON.stringify(body);
  // A problem body says so in its type; clients that only want JSON read it as JSON all the same.
  const isProblem = status >= 400 && body !== null && typeof body === 'object' && 'detail' in body;
  res.writeHead(status, {
    'content-type': `application/${isProblem ? 'problem+json' : 'json'}; charset=utf-8`,
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

export function sendProblem(
  res: ServerResponse,
  status: number,
  title: string,
  detail: string,
  headers: OutgoingHttpHeaders = {},
): void {
  sendJson(res, status, { title, status, detail }, headers);
}

export function sendHttpProblem(res: ServerResponse, problem: HttpProblem): void {
  sendProblem(res, problem.status, problem.title, problem.message, problem.headers);
}
