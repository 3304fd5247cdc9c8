// /api/* to the trading system, streamed both ways: the SSE stream passes through message by
// message (nothing is buffered), and a client that goes away ends the upstream request.
import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { sendProblem } from '../http/respond.ts';

// Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are not forwarded.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
}

export function forwardToTradingApi(target: URL, req: IncomingMessage, res: ServerResponse): void {
  const basePath = target.pathname.replace(/\/$/, '');
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = request(
    {
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      method: req.method,
      path: `${basePath}${req.url ?? '/'}`,
      headers: {
        ...endToEnd(req.headers),
        host: target.host,
        'x-forwarded-host': req.headers.host ?? '',
        'x-forwarded-proto': 'http',
        'x-forwarded-for': req.socket.remoteAddress ?? '',
      },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
      // Headers now, not with the first body bytes: an event stream may be quiet for a while.
      res.flushHeaders();
      answer.pipe(res);
      // The trading system cut the stream: cut ours too, so the dashboard sees it end.
      answer.on('aborted', () => res.destroy());
      answer.on('error', () => res.destroy());
    },
  );
  upstream.on('error', (error: NodeJS.ErrnoException) => {
    if (res.destroyed) return;
    if (res.headersSent) return void res.destroy();
    sendProblem(
      res,
      502,
      'Bad Gateway',
      `the trading system at ${target.origin} did not answer (${error.code ?? error.message}); the war-room store itself is up`,
    );
  });
  // The dashboard went away (closed the stream, navigated): stop asking the trading system.
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}
