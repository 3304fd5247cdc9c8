import { hashKey, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useRuntimeConfig } from '../config/config-context.tsx';
import type { LiveState } from '../live/live-state.ts';
import { statusKeys } from '../live/status-query.ts';
import { useSystemScope } from '../systems/system-scope.tsx';
import { AuditReporter } from './audit-reporter.ts';
import { CommandCenter } from './command-center.ts';
import { CommandCenters } from './command-centers.ts';
import { activeIncidentId } from '../warroom/active-incident.ts';
import { outboxFor } from '../warroom/outbox-store.ts';
import { warRoomWrites } from '../warroom/writes.ts';
import { bindSessionReader, cachedPerson, sessionDoubted } from '../session/war-room-session.ts';
import { sendControl } from './send-control.ts';

const CommandCentersContext = createContext<CommandCenters | null>(null);

/**
 * The command centers of this dashboard, one per trading system, each watching that system's
 * live state in the query cache every panel reads; all record to one audit log.
 */
export function ControlsProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const config = useRuntimeConfig();
  const [centers, setCenters] = useState<CommandCenters | null>(null);

  useEffect(() => {
    // Looked up on every write rather than held: the tab's outbox can be replaced while this
    // provider lives (a test's simulated reload), and a stopped one would not send what it took.
    const writes = () => warRoomWrites(outboxFor(config.storeBaseUrl));
    // Who is signed in is the session query's answer in the cache: read there, never copied.
    const person = () => cachedPerson(queryClient, config.storeBaseUrl);
    const unbind = bindSessionReader(queryClient, config.storeBaseUrl);
    const audit = new AuditReporter({
      operator: () => person()?.name ?? 'unknown operator',
      incidentId: activeIncidentId,
      audit: (draft, key) => writes().recordControlAttempt(draft, key),
      timeline: (incidentId, event, key) => writes().reportEvent(incidentId, event, key),
    });
    const next = new CommandCenters((system) => {
      const key = statusKeys.snapshot(system);
      return new CommandCenter({
        system,
        send: (command) =>
          sendControl(command, {
            apiBaseUrl: system.apiBaseUrl,
            timeoutMs: config.controls.requestTimeoutMs,
          }),
        person,
        deadlineMs: config.controls.confirmDeadlineMs,
        liveState: () => queryClient.getQueryData<LiveState>(key),
        subscribeLive: (listener) =>
          queryClient.getQueryCache().subscribe((event) => {
            if (event.type === 'updated' && event.query.queryHash === hashKey(key)) listener();
          }),
        report: (command) => audit.report(command),
        // The store may have ended the session: it says whether anyone is signed in still.
        unauthorized: () => void sessionDoubted(queryClient, config.storeBaseUrl),
      });
    });
    setCenters(next);
    return () => {
      next.dispose();
      unbind();
    };
  }, [queryClient, config]);

  return <CommandCentersContext value={centers}>{children}</CommandCentersContext>;
}

/** The command center of the trading system in scope; null until the controls are ready. */
export function useCommandCenter(): CommandCenter | null {
  const centers = useContext(CommandCentersContext);
  const system = useSystemScope();
  // Made on first use, during render: a button must never hold a center that is not its system's.
  return centers?.for(system) ?? null;
}
