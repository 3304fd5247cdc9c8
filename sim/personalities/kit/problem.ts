// A refusal raised by a route or by the plumbing under it; the service answers it in the
// system's own error dialect. Bad input is always one of these: never a 5xx, never a crash.

export class NativeProblem extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;
  constructor(status: number, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
  }
}

export const badRequest = (message: string): NativeProblem => new NativeProblem(400, message);
export const notFound = (message: string): NativeProblem => new NativeProblem(404, message);
