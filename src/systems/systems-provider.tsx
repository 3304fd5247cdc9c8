import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useRuntimeConfig } from '../config/config-context.tsx';
import { resolveSystems } from './resolve-systems.ts';
import { systemQueries } from './system-directory.ts';
import { rememberSystemInUrl, systemInUrl } from './system-param.ts';
import { SystemScopeContext, SystemsContext, SystemWatchContext } from './system-scope.tsx';
import type { SystemsView } from './system-scope.tsx';

/**
 * Reads the war-room server's system list (polled: it is served from memory) and gives the board
 * the system chosen in the URL, or the first one listed, or — with no list — the one configured.
 */
export function SystemsProvider({ children }: { children: ReactNode }) {
  const { apiBaseUrl, systemsUrl } = useRuntimeConfig();
  const list = useQuery(systemQueries.directory(systemsUrl));
  const [wanted, setWanted] = useState(systemInUrl);

  // A link followed within the tab (Back, or one pasted into the address bar) is obeyed too.
  useEffect(() => {
    const onPop = () => setWanted(systemInUrl());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const resolved = resolveSystems({
    directory: list.data,
    unanswered: list.data === undefined && list.isError,
    wanted,
    apiBaseUrl,
    systemsUrl,
  });
  const { systemId, apiBaseUrl: scopeBase } = resolved.scope;
  // By value: the list is read every 2 s, and a new object each time would restart the stream.
  const scope = useMemo(() => ({ systemId, apiBaseUrl: scopeBase }), [systemId, scopeBase]);
  const view: SystemsView = {
    systems: resolved.systems,
    listProblem: list.isError ? list.error.message : null,
    listReadAt: list.dataUpdatedAt || null,
    unknownChoice: resolved.unknownChoice,
    select: (id) => {
      setWanted(id);
      rememberSystemInUrl(id);
    },
  };

  return (
    <SystemsContext value={view}>
      <SystemWatchContext value={resolved.watch}>
        <SystemScopeContext value={scope}>{children}</SystemScopeContext>
      </SystemWatchContext>
    </SystemsContext>
  );
}
