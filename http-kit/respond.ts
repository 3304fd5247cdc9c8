// Answers as JSON, and errors as RFC 9457 problem documents ({title, status, detail}) whose
// `detail` a person can act on.
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

export const JSON_TYPE = 'application/json; charset=utf-8';
export const PROBLEM_JSON_TYPE = 'application/problem+json; charset=utf-8';

/** A refusal raised while handling a request; whoever catches it answers it as a problem. */
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

export interface JsonResponder {
  /** `headers` go last: they add to the defaults, or replace them. */
  sendJson(res: ServerResponse, status: number, body: unknown, headers?: OutgoingHttpHeaders): void;
  sendProblem(
    res: ServerResponse,
    status: number,
    title: string,
    detail: string,
    headers?: OutgoingHttpHeaders,
  ): void;
  sendHttpProblem(res: ServerResponse, problem: HttpProblem): void;
}

const isProblem = (status: number, body: unknown) =>
  status >= 400 && body !== null && typeof body === 'object' && 'detail' in body;

/**
 * Writers whose problem documents say `problemType`: each service's contract names it (the
 * trading API's plain application/json, the store's application/problem+json). A problem
 * body sent through sendJson (a stored answer replayed) gets it too.
 */
export function jsonResponder(problemType: string): JsonResponder {
  function sendJson(res: ServerResponse, status: number, body: unknown, headers: OutgoingHttpHeaders = {}) {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': isProblem(status, body) ? problemType : JSON_TYPE,
      'content-length': Buffer.byteLength(text),
      'cache-control': 'no-store',
      ...headers,
    });
    res.end(text);
  }
  function sendProblem(
    res: ServerResponse,
    status: number,
    title: string,
    detail: string,
    headers: OutgoingHttpHeaders = {},
  ) {
    sendJson(res, status, { title, status, detail }, headers);
  }
  return {
    sendJson,
    sendProblem,
    sendHttpProblem: (res, problem) =>
      sendProblem(res, problem.status, problem.title, problem.message, problem.headers),
  };
}
