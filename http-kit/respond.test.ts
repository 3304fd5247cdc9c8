import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { readBodyText } from './body.ts';
import type { BodyLimits } from './body.ts';
import { closeServer, listen } from './listen.ts';
import { HttpProblem, JSON_TYPE, PROBLEM_JSON_TYPE, jsonResponder } from './respond.ts';
import { request } from './testing/request.ts';
import { TEST_TIMEOUT_MS } from './testing/wait.ts';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(closeServer));
});

async function serve(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void) {
  const server = createServer((req, res) => void handle(req, res));
  servers.push(server);
  const port = await listen(server, 0);
  return `http://127.0.0.1:${port}/`;
}

describe('jsonResponder', { timeout: TEST_TIMEOUT_MS }, () => {
  test('answers JSON, and problems in the media type it was made with', async () => {
    for (const problemType of [JSON_TYPE, PROBLEM_JSON_TYPE]) {
      const { sendJson, sendProblem, sendHttpProblem } = jsonResponder(problemType);
      const url = await serve((req, res) => {
        if (req.url === '/ok') return sendJson(res, 200, { detail: 'a field, not a problem' });
        if (req.url === '/replay')
          return sendJson(res, 409, { title: 'Conflict', status: 409, detail: 'again' });
        if (req.url === '/thrown')
          return sendHttpProblem(
            res,
            new HttpProblem(405, 'Method Not Allowed', 'GET only', { allow: 'GET' }),
          );
        sendProblem(res, 404, 'Not Found', 'nothing here');
      });
      const ok = await request(`${url}ok`);
      expect([ok.status, ok.contentType, ok.headers.get('cache-control')]).toEqual([
        200,
        JSON_TYPE,
        'no-store',
      ]);
      const missing = await request(`${url}missing`);
      expect([missing.status, missing.contentType]).toEqual([404, problemType]);
      expect(missing.body).toEqual({ title: 'Not Found', status: 404, detail: 'nothing here' });
      expect((await request(`${url}replay`)).contentType).toBe(problemType);
      const thrown = await request(`${url}thrown`);
      expect(thrown.body).toEqual({ title: 'Method Not Allowed', status: 405, detail: 'GET only' });
      expect(thrown.headers.get('allow')).toBe('GET');
    }
  });
});

describe('readBodyText', { timeout: TEST_TIMEOUT_MS }, () => {
  const echo = (limits: Omit<BodyLimits, 'tooLarge'>) =>
    serve(async (req, res) => {
      const { sendJson, sendHttpProblem } = jsonResponder(JSON_TYPE);
      try {
        sendJson(res, 200, {
          text: await readBodyText(req, {
            ...limits,
            tooLarge: (bytes) => new HttpProblem(413, 'Too Large', `${bytes} bytes`),
          }),
        });
      } catch (error) {
        if (error instanceof HttpProblem) sendHttpProblem(res, error);
        else throw error;
      }
    });

  test('reads the body as UTF-8 text', async () => {
    const url = await echo({ maxBytes: 16 });
    expect((await request(url, { method: 'POST', body: 'grüß' })).body).toEqual({ text: 'grüß' });
  });
  test('drains a body over the limit and refuses it, naming its whole size', async () => {
    const url = await echo({ maxBytes: 16, drainBytes: 1024 });
    const answer = await request(url, { method: 'POST', body: 'x'.repeat(100) });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ detail: '100 bytes' });
  });
});
