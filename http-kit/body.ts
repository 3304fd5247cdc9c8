// Reading a request body with a size limit. What the body must be (JSON, which messages) is
// each service's business.
import type { IncomingMessage } from 'node:http';

export interface BodyLimits {
  /** The most bytes kept; a larger body is refused with `tooLarge`. */
  maxBytes: number;
  /**
   * Past maxBytes, read and drop the rest up to this many bytes in all, so that the client is
   * still listening when the refusal comes, and destroy the request beyond. Without it the
   * refusal comes at once and the rest is never read.
   */
  drainBytes?: number;
  /** The error to throw for a body over maxBytes, given the bytes read. */
  tooLarge(bytes: number): Error;
}

/** The body as UTF-8 text. */
export async function readBodyText(req: IncomingMessage, limits: BodyLimits): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= limits.maxBytes) chunks.push(chunk as Buffer);
    else if (limits.drainBytes === undefined) throw limits.tooLarge(size);
    // Nobody can make us read forever.
    else if (size > limits.drainBytes) req.destroy();
  }
  if (size > limits.maxBytes) throw limits.tooLarge(size);
  return Buffer.concat(chunks).toString('utf8');
}
