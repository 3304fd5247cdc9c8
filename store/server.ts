// The war-room store as an HTTP server: its API under /warroom/, and optionally the built
// dashboard (--static) and the trading API forwarded under /api/ (--trading-api), so that a
// production install is this one process beside the trading system.
import { createServer } from 'node:http';
import { handleSystems } from '../connector/serve/system-routes.ts';
import { loadSystems } from '../connector/serve/systems.ts';
import type { Systems } from '../connector/serve/systems.ts';
import { closeServer, listen } from '../http-kit/listen.ts';
import { handleApi } from './api/api.ts';
import type { ApiContext } from './api/context.ts';
import { createSessionGuard } from './auth/session-guard.ts';
import { createSessions } from './auth/sessions.ts';
import type { SessionsOptions } from './auth/sessions.ts';
import { HttpProblem, sendHttpProblem, sendProblem } from './http/respond.ts';
import type { Storage } from './storage/storage.ts';
import { forwardToTradingApi } from './web/forward.ts';
import { serveStatic } from './web/static.ts';

export interface StoreServerOptions {
  storage: Storage;
  /** The built dashboard to serve (dist/). */
  staticDir?: string;
  /** The trading system's base URL; /api/* is forwarded to it. */
  tradingApi?: URL;
  /** Who may sign in (the operators file; nobody when absent), and for tests the clock and pauses. */
  auth?: Omit<SessionsOptions, 'storage'>;
  /**
   * The trading systems to connect, one profile file each: their connectors read them and serve
   * the contract under /api/systems/. Throws, naming every problem, when a profile is invalid.
   */
  profiles?: { files: readonly string[]; env?: NodeJS.ProcessEnv };
}

export interface StoreServer {
  listen(port: number, host?: string): Promise<number>;
  /** Ends open streams and connections and stops listening; the storage stays open. */
  close(): Promise<void>;
}

export function createStoreServer(options: StoreServerOptions): StoreServer {
  const sessions = createSessions({ operators: [], ...options.auth, storage: options.storage.sessions });
  const ctx: ApiContext = {
    storage: options.storage,
    streams: new Set(),
    sessions,
    auth: createSessionGuard(sessions),
  };
  const systems: Systems | null =
    options.profiles && options.profiles.files.length > 0
      ? loadSystems(options.profiles.files, ctx.auth, options.profiles.env, options.storage.controlKeys)
      : null;

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://store.invalid');
    const path = url.pathname;
    let handled: Promise<void> | void;
    if (path.startsWith('/warroom/')) handled = handleApi(ctx, req, res, url);
    else if (systems && (path === '/api/systems' || path.startsWith('/api/systems/')))
      handled = handleSystems(systems.context, req, res, url);
    else if (path === '/api' || path.startsWith('/api/'))
      handled = options.tradingApi
        ? forwardToTradingApi(options.tradingApi, req, res)
        : sendProblem(
            res,
            404,
            'Not Found',
            'this store forwards /api to no trading system: start it with --trading-api <url>',
          );
    else if (options.staticDir) handled = serveStatic(options.staticDir, req, res, url);
    else handled = sendProblem(res, 404, 'Not Found', `nothing is served at ${path} (no --static directory)`);

    Promise.resolve(handled).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof HttpProblem) return sendHttpProblem(res, error);
      console.error('war-room store:', error);
      sendProblem(
        res,
        500,
        'Internal Server Error',
        'the war-room store failed on this request; see its log',
      );
    });
  });

  return {
    listen: async (port, host) => {
      const bound = await listen(server, port, host);
      systems?.start();
      return bound;
    },
    close: async () => {
      for (const stream of ctx.streams) stream.close();
      await systems?.stop();
      await closeServer(server);
    },
  };
}
