// Reading a request's JSON body, with the limits and messages every write shares.
import type { IncomingMessage } from 'node:http';
import { parseJsonText } from '../../contract/validate.ts';
import { readBodyText } from '../../http-kit/body.ts';
import { jsonDepth } from '../../http-kit/json-depth.ts';
import { HttpProblem } from './respond.ts';

export const MAX_BODY_BYTES = 256 * 1024;
// Past this the upload is cut off rather than drained, so nobody can make the store read forever.
const MAX_DRAIN_BYTES = 16 * 1024 * 1024;

function isJson(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json' || (type?.startsWith('application/') === true && type.endsWith('+json'));
}

/**
 * Nothing the store takes nests deeper than a few levels (a playbook's branches are limited to
 * 5), and everything that walks a body — fingerprinting, validation — recurses: a body nested
 * thousands deep would overflow the stack and answer 500. Refused before it is parsed.
 */
export const MAX_JSON_DEPTH = 64;

export { jsonDepth };

/** The parsed body; `what` names it in messages ("incident declaration: not valid JSON …"). */
export async function readJsonBody(req: IncomingMessage, what: string): Promise<unknown> {
  if (!isJson(req.headers['content-type']))
    throw new HttpProblem(
      415,
      'Unsupported Media Type',
      `send the ${what} as JSON with the header content-type: application/json (got ${req.headers['content-type'] ?? 'none'})`,
    );
  const text = await readBodyText(req, {
    maxBytes: MAX_BODY_BYTES,
    // Over the limit: keep draining (so the client can read the 413), but only so far.
    drainBytes: MAX_DRAIN_BYTES,
    tooLarge: (size) =>
      new HttpProblem(
        413,
        'Content Too Large',
        `the ${what} is ${size} bytes; the store takes at most ${MAX_BODY_BYTES} bytes (256 KB) per request`,
      ),
  });
  if (jsonDepth(text) > MAX_JSON_DEPTH)
    throw new HttpProblem(400, 'Bad Request', `the ${what} nests more than ${MAX_JSON_DEPTH} levels deep`);
  const parsed = parseJsonText(text, what);
  if (!parsed.ok) throw new HttpProblem(400, 'Bad Request', parsed.error);
  return parsed.value;
}
