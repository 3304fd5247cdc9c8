import { create } from 'zustand';
import type { ConnectionReport } from './stream-types.ts';

// Client-side facts about the link to the trading API. The trading data itself lives in the
// query cache (see status-query.ts); only what the browser alone knows is kept here.
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

const useConnectionStore = create<ConnectionState>()(initial);

export const useConnectionReport = () => useConnectionStore((s) => s.report);
export const useDataProblem = () => useConnectionStore((s) => s.dataProblem);

const actions = {
  connectionReported: (report: ConnectionReport) => useConnectionStore.setState({ report }),
  invalidDataReceived: (message: string, at: number) =>
    useConnectionStore.setState({ dataProblem: { message, at } }),
  validDataReceived: () => {
    if (useConnectionStore.getState().dataProblem) useConnectionStore.setState({ dataProblem: null });
  },
};

export const useConnectionActions = () => actions;
export const connectionActions = actions;

/** Tests start from a clean slate. */
export function resetConnectionStore(): void {
  useConnectionStore.setState(initial(), true);
}
