// One open change feed: Server-Sent Events with a comment every 5 s while nothing changes.
import type { ServerResponse } from 'node:http';
import { SseResponse } from '../../http-kit/sse.ts';

const KEEP_ALIVE_MS = 5000;

/** Opens the event stream on `res`; `onClose` runs once when it has closed. */
export function openSseStream(res: ServerResponse, onClose: () => void): SseResponse {
  const stream: SseResponse = new SseResponse(res, {
    keepAliveMs: KEEP_ALIVE_MS,
    // A comment: EventSource ignores it, so the dashboard's position never moves.
    beat: () => stream.comment('keep-alive'),
    onClose,
  });
  return stream;
}
