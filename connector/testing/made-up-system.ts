// A made-up sixth trading system for the connector's tests: a small real HTTP server whose field
// names, enums, units, time formats and authentication are unlike any seed system's. Connecting
// it needs nothing but its profile (made-up-system.profile.yaml beside this file).
import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { closeServer, listen } from '../../http-kit/listen.ts';

export const DESK_KEY = 'desk-key-for-tests-only';

export interface MadeUpSystem {
  port: number;
  /** What it holds; tests change it and read it. */
  state: {
    mode: 'GO' | 'FROZEN' | 'STOP';
    books: {
      code: string;
      link: 'up' | 'flaky' | 'down';
      routing: 'on' | 'off';
      resting: number;
      tickAgoS: number;
    }[];
    latencyNs: number;
    errorPct: number;
    ordersTotal: number;
    holdings: { instrument: string; book: string; qty: number; side: 'B' | 'S'; value: number }[];
  };
  /** Every request it served, as "METHOD path". */
  requests: string[];
  /** Answer every request with this status (null: normally). */
  failWith: number | null;
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? null : (JSON.parse(text) as unknown);
}

export async function startMadeUpSystem(): Promise<MadeUpSystem> {
  const system: MadeUpSystem = {
    port: 0,
    state: {
      mode: 'GO',
      books: [
        { code: 'XLON', link: 'up', routing: 'on', resting: 4, tickAgoS: 0.5 },
        { code: 'XPAR', link: 'flaky', routing: 'on', resting: 2, tickAgoS: 12 },
      ],
      latencyNs: 750_000,
      errorPct: 0.4,
      ordersTotal: 0,
      holdings: [{ instrument: 'VOD.L', book: 'XLON', qty: 1000, side: 'S', value: 71_500 }],
    },
    requests: [],
    failWith: null,
    close: async () => {},
  };
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://made-up.invalid');
      system.requests.push(`${req.method} ${url.pathname}`);
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (system.failWith !== null) return send(system.failWith, { oops: true });
      if (req.headers['x-desk-key'] !== DESK_KEY) return send(403, { error: 'desk key required' });
      const s = system.state;
      if (req.method === 'GET' && url.pathname === '/desk/overview')
        return send(200, {
          engine: { mode: s.mode, sinceEpoch: 1_700_000_000 },
          perf: { p99Nanos: s.latencyNs, rejectPct: s.errorPct, counters: { ordersTotal: s.ordersTotal } },
          books: s.books,
          holdings: s.holdings,
        });
      if (req.method === 'GET' && url.pathname === '/ping') return send(200, { pong: 'yes' });
      if (req.method === 'POST' && url.pathname === '/desk/freeze') {
        const payload = (await body(req)) as { why?: string } | null;
        if (!payload?.why) return send(422, { error: 'why is required' });
        s.mode = 'FROZEN';
        return send(200, { frozen: true });
      }
      if (req.method === 'POST' && url.pathname === '/desk/thaw') {
        s.mode = 'GO';
        return send(200, { ok: true });
      }
      const flatten = /^\/desk\/books\/([^/]+)\/flatten$/.exec(url.pathname);
      if (req.method === 'POST' && flatten) {
        const book = s.books.find((b) => b.code === decodeURIComponent(flatten[1] ?? ''));
        if (!book) return send(404, { error: 'no such book' });
        book.resting = 0;
        return send(202, { queued: true });
      }
      send(404, { error: 'no route' });
    })();
  });
  system.port = await listen(server, 0);
  system.close = () => closeServer(server);
  return system;
}
