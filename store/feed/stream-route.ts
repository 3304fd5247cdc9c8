// GET /warroom/v1/stream: every change, as it commits, to every open dashboard. A subscriber
// does not receive changes pushed at it; it is woken and reads the `changes` table after the
// last id it sent. So replay and live delivery are one loop, nothing is sent twice or skipped,
// and the same works when the wake-up comes from another instance (PostgreSQL LISTEN/NOTIFY).
import type { IncomingMessage } from 'node:http';
import { HttpProblem } from '../http/respond.ts';
import type { Route } from '../http/router.ts';
import type { ApiContext } from '../api/context.ts';
import type { Storage } from '../storage/storage.ts';
import type { SseResponse } from '../../http-kit/sse.ts';
import { openSseStream } from './sse.ts';

const PAGE = 500;

/** The id to resume after: the Last-Event-ID header, else the `lastEventId` query, else null. */
function lastEventId(req: IncomingMessage, url: URL): number | null {
  const header = req.headers['last-event-id'];
  const raw = typeof header === 'string' && header !== '' ? header : url.searchParams.get('lastEventId');
  if (raw === null || raw === '') return null;
  if (!/^\d{1,15}$/.test(raw))
    throw new HttpProblem(
      400,
      'Bad Request',
      `Last-Event-ID must be a change id (an integer ≥ 0) this store sent, got "${raw.slice(0, 40)}"`,
    );
  return Number(raw);
}

function follow(storage: Storage, stream: SseResponse, after: number): () => void {
  let sent = after;
  let pumping = false;
  let again = false;

  async function drain(): Promise<void> {
    for (;;) {
      const changes = await storage.changes(sent, PAGE);
      for (const change of changes) {
        stream.send(change.id, JSON.stringify(change));
        sent = change.id;
      }
      if (changes.length < PAGE || stream.closed) return;
    }
  }

  function wake(): void {
    // A wake-up during a drain means "read again when done": one reader per subscriber, and
    // the flag is looked at in the same step that ends the drain, so no wake-up is lost.
    if (pumping) return void (again = true);
    pumping = true;
    again = false;
    drain().then(
      () => {
        pumping = false;
        if (again && !stream.closed) wake();
      },
      () => {
        pumping = false;
        stream.close();
      },
    );
  }

  const unsubscribe = storage.onCommit(wake);
  wake();
  return unsubscribe;
}

export const streamRoute: Route<ApiContext> = {
  method: 'GET',
  pattern: '/warroom/v1/stream',
  async handle(ctx, req, res, _params, url) {
    // Without an id the stream starts at the newest change: read the incidents first, then
    // resume from their lastChangeId, and nothing falls between the two.
    const after = lastEventId(req, url) ?? (await ctx.storage.info()).lastChangeId;
    // Gone while we looked: its close event has passed, so nothing would ever unsubscribe it.
    if (res.destroyed) return;
    let unsubscribe = () => {};
    const stream = openSseStream(res, () => {
      ctx.streams.delete(stream);
      unsubscribe();
    });
    ctx.streams.add(stream);
    unsubscribe = follow(ctx.storage, stream, after);
  },
};
