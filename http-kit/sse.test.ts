import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { closeServer, listen } from './listen.ts';
import { SseResponse, sseMessage } from './sse.ts';
import { openStream, sseReader } from './testing/sse-reader.ts';
import { TEST_TIMEOUT_MS, waitFor } from './testing/wait.ts';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(closeServer));
});

/** A server whose every request opens an event stream, handed to the test. */
async function streaming(keepAliveMs = 60_000) {
  const opened: SseResponse[] = [];
  let closes = 0;
  let beats = 0;
  const server = createServer((_req, res) => {
    const stream: SseResponse = new SseResponse(res, {
      keepAliveMs,
      beat: () => {
        beats += 1;
        stream.comment('keep-alive');
        stream.send(null, `{"beat":${beats}}`);
      },
      onClose: () => (closes += 1),
    });
    opened.push(stream);
  });
  servers.push(server);
  const port = await listen(server, 0);
  return { url: `http://127.0.0.1:${port}/`, opened, closes: () => closes };
}

describe('sseMessage', () => {
  test('frames a message, one data line per line; without an id, no id field', () => {
    expect(sseMessage(7, '{"a":1}')).toBe('id: 7\ndata: {"a":1}\n\n');
    expect(sseMessage(8, 'one\ntwo')).toBe('id: 8\ndata: one\ndata: two\n\n');
    expect(sseMessage(null, 'beat')).toBe('data: beat\n\n');
  });
});

describe('SseResponse over a real connection', { timeout: TEST_TIMEOUT_MS }, () => {
  test('sends event-stream headers, messages with ids and id-less beats; close() ends the stream', async () => {
    const t = await streaming(50);
    const response = await openStream(t.url);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const stream = await waitFor('the stream to open', () => t.opened[0]);
    stream.send(1, '{"first":true}');
    const reader = sseReader(response);
    // The comment and the retry hint are not messages; the beat is one, without an id.
    const [first, beat] = await reader.read(2);
    expect(first).toEqual({ id: '1', data: '{"first":true}' });
    expect(beat).toEqual({ id: null, data: '{"beat":1}' });
    stream.close();
    expect(await reader.ended()).toBe('closed');
    await waitFor('onClose', () => (t.closes() === 1 ? true : undefined));
    expect(stream.closed).toBe(true);
    stream.send(2, 'after the end'); // ignored, not thrown
  });

  test('drop() cuts the connection; closeServer() ends a server with streams still open', async () => {
    const t = await streaming();
    const dropped = await openStream(t.url);
    const kept = await openStream(t.url);
    const [first] = await waitFor('both streams', () => (t.opened.length === 2 ? t.opened : undefined));
    first!.drop();
    expect(await sseReader(dropped).ended()).toBe('error');
    await closeServer(servers.pop()!);
    expect(await sseReader(kept).ended()).toMatch(/closed|error/);
    await waitFor('both onClose calls', () => (t.closes() === 2 ? true : undefined));
  });
});
