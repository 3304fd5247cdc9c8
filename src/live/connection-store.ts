import { create } from 'zustand';
import { useSystemScope } from '../systems/system-scope.tsx';
import type { ConnectionReport } from './stream-types.ts';

// Client-side facts about the link to each trading system's API, by system id. The trading data
// itself lives in the query cache (see status-query.ts); only what the browser alone knows is
// kept here.
interface ConnectionState {
  report: ConnectionReport;
  /** The last invalid payload, in words, and when it arrived (client ms); cleared by valid data. */
  dataProblem: { message: string; at: number } | null;
}

const initial = (): ConnectionState => ({
  report: {
    phase: 'connecting',
    since: Date.now(),
    lastContactAt: null,
    problem: null,
    resyncs: 0,
    serverClock: null,
  },
  dataProblem: null,
});

const useConnectionStore = create<{ bySystem: Record<string, ConnectionState> }>()(() => ({
  bySystem: {},
}));

// A system nothing was heard from yet is connecting since it was first asked about: one state
// per system, the same object on every read, as a store selector must return.
const unheard = new Map<string, ConnectionState>();
function stateOf(bySystem: Record<string, ConnectionState>, systemId: string): ConnectionState {
  const held = bySystem[systemId];
  if (held) return held;
  let fresh = unheard.get(systemId);
  if (!fresh) unheard.set(systemId, (fresh = initial()));
  return fresh;
}

/** The link to the system in scope. */
export const useConnectionReport = () => {
  const { systemId } = useSystemScope();
  return useConnectionStore((s) => stateOf(s.bySystem, systemId).report);
};
export const useDataProblem = () => {
  const { systemId } = useSystemScope();
  return useConnectionStore((s) => stateOf(s.bySystem, systemId).dataProblem);
};

function changed(systemId: string, change: Partial<ConnectionState>): void {
  useConnectionStore.setState((s) => ({
    bySystem: { ...s.bySystem, [systemId]: { ...stateOf(s.bySystem, systemId), ...change } },
  }));
}

export const connectionActions = {
  connectionReported: (systemId: string, report: ConnectionReport) => changed(systemId, { report }),
  invalidDataReceived: (systemId: string, message: string, at: number) =>
    changed(systemId, { dataProblem: { message, at } }),
  validDataReceived: (systemId: string) => {
    if (stateOf(useConnectionStore.getState().bySystem, systemId).dataProblem)
      changed(systemId, { dataProblem: null });
  },
};

/** Tests start from a clean slate. */
export function resetConnectionStore(): void {
  unheard.clear();
  useConnectionStore.setState({ bySystem: {} }, true);
}
