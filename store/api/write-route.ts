// The one path every write takes: idempotency key, JSON body, validation against the contract,
// then the work inside storage.write, whose reply is sent only once its transaction committed.
import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { parseOrExplain } from '../../contract/validate.ts';
import { readJsonBody } from '../http/body.ts';
import { HttpProblem, sendJson, sendProblem } from '../http/respond.ts';
import type { Params, Route } from '../http/router.ts';
import type { WriteReply, WriteTx } from '../storage/storage.ts';
import type { ApiContext } from './context.ts';
import { requestFingerprint } from './fingerprint.ts';

export interface WriteRouteSpec<T> {
  method: 'POST' | 'PUT' | 'PATCH';
  pattern: string;
  /** Names the body in messages: "incident declaration: title: expected at most 200 characters …". */
  what: string;
  schema: z.ZodType<T>;
  /**
   * The body's field that names who acts. When the request comes with a session, the store
   * writes the session's person there: the person signed in is who did it, whatever the client
   * says. Without a session the body's own value stands (the store's writes are still open).
   */
  actorField: keyof T & ('actor' | 'operator');
  /** Checks path parameters (throws an HttpProblem) before the body is read. */
  checkParams?: (params: Params) => void;
  /**
   * Checks the valid body against the path (throws an HttpProblem) before the write: a refusal
   * of the form, so, like a schema failure, it is not recorded under the key.
   */
  checkBody?: (input: T, params: Params) => void;
  run(tx: WriteTx, input: T, params: Params): Promise<WriteReply>;
}

// Visible ASCII only: a key must survive being logged, copied and sent again byte for byte.
const KEY = /^[\x21-\x7e]{8,128}$/;
const KEY_RULE =
  '8 to 128 visible ASCII characters (a UUID will do), new for each write and the same when the write is retried';

function idempotencyKey(req: IncomingMessage): string {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined || raw === '')
    throw new HttpProblem(400, 'Bad Request', `every write needs an Idempotency-Key header: ${KEY_RULE}`);
  if (typeof raw !== 'string' || !KEY.test(raw))
    throw new HttpProblem(
      400,
      'Bad Request',
      `the Idempotency-Key header ${typeof raw === 'string' ? `is ${raw.length} characters long or has spaces or non-ASCII characters` : 'was sent more than once'}; it must be ${KEY_RULE}`,
    );
  return raw;
}

export function writeRoute<T>(spec: WriteRouteSpec<T>): Route<ApiContext> {
  return {
    method: spec.method,
    pattern: spec.pattern,
    async handle(ctx, req, res, params, url) {
      const key = idempotencyKey(req);
      spec.checkParams?.(params);
      const body = await readJsonBody(req, spec.what);
      const parsed = parseOrExplain(spec.schema, body, spec.what);
      if (!parsed.ok) throw new HttpProblem(400, 'Bad Request', parsed.error);
      spec.checkBody?.(parsed.value, params);
      const session = await ctx.sessions.lookup(req);
      const input =
        session.kind === 'person'
          ? { ...parsed.value, [spec.actorField]: session.person.name }
          : parsed.value;
      const path = url.pathname;
      const outcome = await ctx.storage.write(
        { key, fingerprint: requestFingerprint(spec.method, path, body), method: spec.method, path },
        (tx) => spec.run(tx, input, params),
      );
      switch (outcome.kind) {
        case 'written':
          return sendJson(res, outcome.reply.status, outcome.reply.body);
        case 'replayed':
          return sendJson(res, outcome.reply.status, outcome.reply.body, { 'idempotent-replayed': 'true' });
        case 'key-reused': {
          const first = outcome.firstUse;
          return sendProblem(
            res,
            409,
            'Conflict',
            `the Idempotency-Key "${key}" was already used at ${first.at} for ${first.method} ${first.path} with a different body: send a new key for a new write, or the identical request to get its first answer again`,
          );
        }
      }
    },
  };
}
