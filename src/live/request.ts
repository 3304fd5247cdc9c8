/** Why a request to the trading API produced no usable body. */
export class RequestFailure extends Error {
  readonly kind: 'network' | 'timeout' | 'http';
  readonly status: number | null;
  constructor(kind: 'network' | 'timeout' | 'http', message: string, status: number | null = null) {
    super(message);
    this.kind = kind;
    this.status = status;
  }
}

/**
 * GETs a URL and returns its body as text, with a deadline. Validation is the caller's job:
 * a body that arrived is not yet data we trust.
 */
export async function requestText(fetchImpl: typeof fetch, url: string, timeoutMs: number): Promise<string> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: { accept: 'application/json' },
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    // By name, not instanceof: the DOMException may come from another realm (a test DOM, a polyfill).
    const name = (error as { name?: unknown } | null)?.name;
    if (name === 'TimeoutError' || name === 'AbortError')
      throw new RequestFailure('timeout', `no answer within ${timeoutMs / 1000} s`);
    throw new RequestFailure('network', 'no connection');
  }
  if (!response.ok) {
    // The dev/preview proxy answers 502/504 when the trading system is not listening.
    throw new RequestFailure('http', `HTTP ${response.status}`, response.status);
  }
  try {
    return await response.text();
  } catch {
    throw new RequestFailure('network', 'the connection broke mid-answer');
  }
}

export function describeFailure(error: unknown): string {
  if (error instanceof RequestFailure) return error.message;
  return error instanceof Error ? error.message : String(error);
}
