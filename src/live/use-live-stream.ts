import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useRuntimeConfig } from '../config/config-context.tsx';
import { useSystemScope, useSystemWatched } from '../systems/system-scope.tsx';
import { applyAll, fromSnapshot } from './apply-event.ts';
import { connectionActions } from './connection-store.ts';
import type { LiveState } from './live-state.ts';
import { statusKeys } from './status-query.ts';
import { StreamClient } from './stream-client.ts';
import type { StreamClientOptions } from './stream-types.ts';

/**
 * Mounted once at the root: one stream, for the system on screen, feeds every panel. Switching
 * systems closes it and opens the other's; what was held of the first stays in the cache.
 */
export function useLiveStream(overrides: Partial<StreamClientOptions> = {}): void {
  const queryClient = useQueryClient();
  const config = useRuntimeConfig();
  const { systemId, apiBaseUrl } = useSystemScope();
  const watch = useSystemWatched();
  // Overrides exist for tests only and are read once, when the client is made.
  const overridesRef = useRef(overrides);

  useEffect(() => {
    if (!watch) return;
    const key = statusKeys.snapshot({ systemId, apiBaseUrl });
    const client = new StreamClient(
      {
        position: () => {
          const held = queryClient.getQueryData<LiveState>(key);
          return held ? { instance: held.instance, eventId: held.eventId } : null;
        },
        replace: (parts) => {
          queryClient.setQueryData<LiveState>(key, (old) => fromSnapshot(parts, old ?? null, Date.now()));
          connectionActions.validDataReceived(systemId);
        },
        apply: (items) => {
          queryClient.setQueryData<LiveState>(key, (old) => (old ? applyAll(old, items, Date.now()) : old));
          connectionActions.validDataReceived(systemId);
        },
        report: (report) => connectionActions.connectionReported(systemId, report),
        invalid: (message) => connectionActions.invalidDataReceived(systemId, message, Date.now()),
        hasProblems: () => Object.keys(queryClient.getQueryData<LiveState>(key)?.problems ?? {}).length > 0,
      },
      {
        baseUrl: apiBaseUrl,
        pollMs: config.fallbackPollMs,
        ...overridesRef.current,
      },
    );
    client.start();
    return () => client.stop();
  }, [queryClient, systemId, apiBaseUrl, watch, config.fallbackPollMs]);
}
