import { AlertsPanel } from '../features/board/alerts-panel.tsx';
import { ErrorRatePanel } from '../features/board/error-rate-panel.tsx';
import { LatencyPanel } from '../features/board/latency-panel.tsx';
import { ServiceGrid } from '../features/board/service-grid.tsx';
import { ThroughputPanel } from '../features/board/throughput-panel.tsx';
import { VenueGrid } from '../features/board/venue-grid.tsx';
import { PanelBoundary } from '../components/ui/panel-boundary.tsx';
import { ConnectionBanner } from '../features/connection/connection-banner.tsx';
import { SystemHeader } from '../features/connection/system-header.tsx';
import { ControlBar } from '../features/controls/control-bar.tsx';
import { TradingStateBanner } from '../features/trading-state/trading-state-banner.tsx';
import { useLiveStream } from '../live/use-live-stream.ts';
import { useWarRoomSync } from '../warroom/use-war-room-sync.ts';
import { IncidentColumn } from './incident-column.tsx';
import { ViewModeProvider } from '../config/view-mode.tsx';
import type { ViewMode } from '../config/view-mode.tsx';

/**
 * The war room on one screen: the live board on the left, the incident and its playbook on the
 * right, the controls pinned to the bottom. Only the columns scroll, never the page, so the
 * trading state and the controls are always in view.
 */
/** `desk`: the trading desk's wall screen — the same truth, read-only, with no controls at all. */
export function App({ view = 'commander' }: { view?: ViewMode }) {
  useLiveStream();
  useWarRoomSync();
  return (
    <ViewModeProvider value={view}>
      <div className="flex h-screen flex-col bg-slate-950 text-slate-100">
        <SystemHeader />
        <ConnectionBanner />
        <div className="flex min-h-0 flex-1">
          <main className="flex min-w-0 flex-1 flex-col gap-3 overflow-y-auto p-3">
            <h1 className="sr-only">War room</h1>
            <TradingStateBanner />
            {/* Each panel in its own boundary, hooks included: one failing panel never takes the board. */}
            <div className="grid grid-cols-3 gap-3">
              <PanelBoundary name="Latency p99">
                <LatencyPanel />
              </PanelBoundary>
              <PanelBoundary name="Error rate">
                <ErrorRatePanel />
              </PanelBoundary>
              <PanelBoundary name="Throughput">
                <ThroughputPanel />
              </PanelBoundary>
            </div>
            <div className="grid grid-cols-2 items-start gap-3 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
              <div className="flex min-w-0 flex-col gap-3">
                <PanelBoundary name="Venues">
                  <VenueGrid />
                </PanelBoundary>
                <PanelBoundary name="Firing alerts">
                  <AlertsPanel className="max-h-[40vh] min-h-32" />
                </PanelBoundary>
              </div>
              <PanelBoundary name="Service health">
                <ServiceGrid />
              </PanelBoundary>
            </div>
          </main>
          <aside
            aria-label="Incident and playbook"
            className="flex w-[340px] shrink-0 flex-col gap-3 overflow-hidden border-l border-slate-800 p-3 xl:w-[420px]"
          >
            <IncidentColumn />
          </aside>
        </div>
        {view === 'commander' && <ControlBar />}
      </div>
    </ViewModeProvider>
  );
}
