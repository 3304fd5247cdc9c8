// A personality on real ports: the main service answers beside drill control on the host's own
// server; every other service gets a server of its own, on the port asked for or a free one.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { closeServer, listen } from '../../../http-kit/listen.ts';
import type { Simulator } from '../../model/simulator.ts';
import { nativeService } from './serve.ts';
import type { NativeSurface } from './serve.ts';
import type { PersonalityDef, PersonalityOptions } from './types.ts';

export interface PersonalityHost {
  /** Serves the main service's requests (drill control is routed away before this). */
  main(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Binds every service but the main one; `ports` by service name (absent or 0: a free port). */
  listenServices(ports: Readonly<Record<string, number>>, host?: string): Promise<void>;
  /** Ports bound so far, by service name, in the definition's order (the main one once known). */
  readonly ports: Map<string, number>;
  close(): Promise<void>;
}

export function createPersonalityHost(
  def: PersonalityDef,
  sim: Simulator,
  fault: NativeSurface['fault'],
  options: PersonalityOptions,
): PersonalityHost {
  const runtime = def.create(sim, options);
  const surface: NativeSurface = { sim, fault };
  const handlers = new Map(
    def.services.map((spec) => [
      spec.name,
      nativeService(def, spec, runtime.routes[spec.name] ?? [], surface),
    ]),
  );
  const servers: Server[] = [];
  const ports = new Map<string, number>();
  const [mainSpec, ...others] = def.services;

  return {
    ports,
    main: (req, res) => handlers.get(mainSpec.name)?.(req, res) ?? Promise.resolve(),
    async listenServices(wanted, host) {
      for (const spec of others) {
        const handle = handlers.get(spec.name);
        const server = createServer((req, res) => void handle?.(req, res));
        servers.push(server);
        ports.set(spec.name, await listen(server, wanted[spec.name] ?? 0, host));
      }
    },
    async close() {
      await runtime.stop?.();
      await Promise.all(servers.map(closeServer));
    },
  };
}
