// One HTTP request from a test, its body read whole as text and parsed when it is JSON.
import { WAIT_MS } from './wait.ts';

export interface Answer {
  status: number;
  headers: Headers;
  contentType: string | null;
  text: string;
  /** The parsed body; undefined when the text is not JSON. */
  body: unknown;
}

export async function request(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(WAIT_MS), ...init });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const { status, headers } = response;
  return { status, headers, contentType: headers.get('content-type'), text, body };
}
