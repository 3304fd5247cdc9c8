// The connected systems of one war-room server: one connector per profile file, started and
// stopped together, with the context their routes are served from.
import type { SseResponse } from '../../http-kit/sse.ts';
import type { KeyLedger } from '../control/executor.ts';
import { SystemConnector } from '../engine/system-connector.ts';
import { loadProfileFile } from '../profile/load.ts';
import { watchReachability } from './system-routes.ts';
import type { ControlGuard, SystemsContext } from './system-routes.ts';

/** Control keys by system, as the war-room store keeps them (store/storage/storage.ts). */
export interface ControlKeys {
  controlKey(systemId: string, key: string): Promise<{ fingerprint: string; outcome: string } | null>;
  putControlKey(systemId: string, key: string, fingerprint: string, outcome: string): Promise<void>;
  deleteControlKey(systemId: string, key: string): Promise<void>;
}

const ledgerOf = (keys: ControlKeys, systemId: string): KeyLedger => ({
  get: (key) => keys.controlKey(systemId, key),
  put: (key, fingerprint, outcome) => keys.putControlKey(systemId, key, fingerprint, outcome),
  delete: (key) => keys.deleteControlKey(systemId, key),
});

export interface Systems {
  context: SystemsContext;
  start(): void;
  stop(): Promise<void>;
}

/** Loads every profile (all problems at once, each naming its file) or throws with them. */
export function loadSystems(
  files: readonly string[],
  guard: ControlGuard,
  env: NodeJS.ProcessEnv = process.env,
  keys?: ControlKeys,
): Systems {
  const drillToken = env.WARROOM_DRILL_TOKEN ?? '';
  if (drillToken !== '' && drillToken.length < 16)
    throw new Error('WARROOM_DRILL_TOKEN must be at least 16 characters');
  const problems: string[] = [];
  const connectors = new Map<string, SystemConnector>();
  for (const file of files) {
    const result = loadProfileFile(file, env);
    if (!result.ok) {
      problems.push(result.error);
      continue;
    }
    const { id } = result.loaded.profile;
    if (connectors.has(id))
      problems.push(`${file}: the system id "${id}" is already used by another profile`);
    else
      try {
        connectors.set(id, new SystemConnector({ loaded: result.loaded, keys: keys && ledgerOf(keys, id) }));
      } catch (error) {
        problems.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const context: SystemsContext = {
    systems: connectors,
    guard,
    streams: new Map<string, Set<SseResponse>>(),
    ...(drillToken !== '' ? { drill: { token: drillToken, streamsDropped: new Set<string>() } } : {}),
  };
  let unwatch = () => {};
  return {
    context,
    start() {
      unwatch = watchReachability(context);
      for (const connector of connectors.values()) connector.start();
    },
    async stop() {
      unwatch();
      for (const open of context.streams.values()) for (const sse of open) sse.close();
      await Promise.all([...connectors.values()].map((c) => c.stop()));
    },
  };
}
