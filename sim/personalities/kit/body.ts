// Reading a native request's body: size, media type, nesting, then JSON. The seeds send their
// bodies with `curl -d '{…}'`, which labels them application/x-www-form-urlencoded; the systems
// they were written for read such a body as JSON all the same, so that label is taken too, when
// what it carries is JSON. Anything else that is not JSON is refused with a 415.
import type { IncomingMessage } from 'node:http';
import { readBodyText } from '../../../http-kit/body.ts';
import { MAX_JSON_DEPTH, jsonDepth } from './json-depth.ts';
import { NativeProblem, badRequest } from './problem.ts';
import type { BodyRule } from './types.ts';

const MAX_BODY_BYTES = 64 * 1024;
const JSON_TYPES = ['application/json', 'application/x-www-form-urlencoded'];

function mediaType(req: IncomingMessage): string | null {
  const raw = req.headers['content-type'];
  if (raw === undefined) return null;
  return raw.split(';')[0]?.trim().toLowerCase() ?? '';
}

/** The body as parsed JSON (undefined when there is none), or a NativeProblem saying what is wrong. */
export async function readNativeBody(req: IncomingMessage, rule: BodyRule): Promise<unknown> {
  const text = await readBodyText(req, {
    maxBytes: MAX_BODY_BYTES,
    drainBytes: 4 * MAX_BODY_BYTES,
    tooLarge: (bytes) =>
      new NativeProblem(413, `request body of ${bytes} bytes; at most ${MAX_BODY_BYTES} are taken`),
  });
  if (rule === 'none') return undefined;
  if (text.trim() === '') {
    if (rule === 'required') throw badRequest('a JSON body is required');
    return undefined;
  }
  const type = mediaType(req);
  if (type !== null && !(JSON_TYPES.includes(type) || type.endsWith('+json')))
    throw new NativeProblem(415, `the body must be JSON (Content-Type: application/json), not ${type}`);
  const depth = jsonDepth(text);
  if (depth > MAX_JSON_DEPTH)
    throw badRequest(`the JSON body nests ${depth} levels deep; at most ${MAX_JSON_DEPTH}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw type === 'application/x-www-form-urlencoded'
      ? new NativeProblem(415, 'the body must be JSON; a form-encoded body is not taken')
      : badRequest('the body is not valid JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw badRequest('the JSON body must be an object');
  return value;
}
