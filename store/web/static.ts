// The built dashboard. Unknown paths without a file extension get index.html, so that a
// dashboard route reloaded in the browser still opens the app; a missing file (an old hashed
// asset, a typo) is a plain 404 rather than HTML the browser would try to run as a script.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';
import { HttpProblem, sendProblem } from '../http/respond.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

/**
 * config.json repoints a built dashboard without a rebuild, so it must never come from a cache;
 * Vite's hashed assets never change under their name, so they may be cached for good.
 */
function cacheControl(path: string): string {
  if (path === '/config.json') return 'no-store';
  if (path.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

async function fileAt(path: string): Promise<{ size: number } | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? { size: info.size } : null;
  } catch {
    return null;
  }
}

export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, url: URL) {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return sendProblem(res, 405, 'Method Not Allowed', `the dashboard's files take GET, not ${req.method}`, {
      allow: 'GET, HEAD',
    });
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    throw new HttpProblem(400, 'Bad Request', `${url.pathname} is not valid percent-encoding`);
  }
  const base = resolve(root);
  let file = resolve(base, `.${path.endsWith('/') ? `${path}index.html` : path}`);
  // Never outside the dashboard's folder, whatever `..` or encoded slashes the path holds.
  const inside = relative(base, file);
  if (path.includes('\0') || inside.startsWith('..') || inside.startsWith(sep))
    return sendProblem(res, 404, 'Not Found', `nothing is served at ${url.pathname}`);
  let found = await fileAt(file);
  let servedPath = path;
  if (!found && extname(path) === '') {
    file = join(base, 'index.html');
    found = await fileAt(file);
    servedPath = '/index.html';
  }
  if (!found) return sendProblem(res, 404, 'Not Found', `the dashboard has no file ${url.pathname}`);
  res.writeHead(200, {
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': found.size,
    'cache-control': cacheControl(servedPath),
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
