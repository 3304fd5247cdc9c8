import { hashKey, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useRuntimeConfig } from '../config/config-context.tsx';
import type { LiveState } from '../live/live-state.ts';
import { statusKeys } from '../live/status-query.ts';
import { useSystemScope } from '../systems/system-scope.tsx';
import { AuditReporter } from './audit-reporter.ts';
import { CommandCenter } from './command-center.ts';
import { activeIncidentId } from '../warroom/active-incident.ts';
import { outboxFor } from '../warroom/outbox-store.ts';
import { warRoomWrites } from '../warroom/writes.ts';
import { currentSession, signedOut, signIn, TOKEN_UNKNOWN } from './operator-session.ts';

const CommandCenterContext = createContext<CommandCenter | null>(null);

/** One command center per dashboard: it watches the same query cache every panel reads. */
export function ControlsProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const config = useRuntimeConfig();
  const scope = useSystemScope();
  const [center, setCenter] = useState<CommandCenter | null>(null);

  useEffect(() => {
    const key = statusKeys.snapshot(scope);
    // Looked up on every write rather than held: the tab's outbox can be replaced while this
    // provider lives (a test's simulated reload), and a stopped one would not send what it took.
    const writes = () => warRoomWrites(outboxFor(config.storeBaseUrl));
    const audit = new AuditReporter({
      operator: () => currentSession()?.operator ?? 'unknown operator',
      incidentId: activeIncidentId,
      audit: (draft, key) => writes().recordControlAttempt(draft, key),
      timeline: (incidentId, event, key) => writes().reportEvent(incidentId, event, key),
    });
    const next = new CommandCenter({
      apiBaseUrl: scope.apiBaseUrl,
      requestTimeoutMs: config.controls.requestTimeoutMs,
      deadlineMs: config.controls.confirmDeadlineMs,
      token: () => currentSession()?.token ?? null,
      liveState: () => queryClient.getQueryData<LiveState>(key),
      subscribeLive: (listener) =>
        queryClient.getQueryCache().subscribe((event) => {
          if (event.type === 'updated' && event.query.queryHash === hashKey(key)) listener();
        }),
      report: (command) => audit.report(command),
      unauthorized: signedOut,
    });
    setCenter(next);
    // A token kept from before a reload may have been revoked since: check it again now rather
    // than show controls that will only be refused.
    const kept = currentSession();
    if (kept) {
      void signIn(config.apiBaseUrl, kept.token).then((result) => {
        if (!result.ok && result.error === TOKEN_UNKNOWN) signedOut();
      });
    }
    return () => {
      next.dispose();
    };
  }, [queryClient, config, scope]);

  return <CommandCenterContext value={center}>{children}</CommandCenterContext>;
}

export function useCommandCenter(): CommandCenter | null {
  return useContext(CommandCenterContext);
}
