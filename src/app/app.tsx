import { ConnectionBanner } from '../features/connection/connection-banner.tsx';
import { SystemHeader } from '../features/connection/system-header.tsx';
import { LatencyFigure } from '../features/board/latency-figure.tsx';
import { VenueStrip } from '../features/board/venue-strip.tsx';
import { TradingStateBanner } from '../features/trading-state/trading-state-banner.tsx';
import { useLiveStream } from '../live/use-live-stream.ts';

export function App() {
  useLiveStream();
  return (
    <div className="min-h-screen bg-slate-950 text-slate-100">
      <SystemHeader />
      <ConnectionBanner />
      <main className="mx-auto flex max-w-[1900px] flex-col gap-4 p-4">
        <h1 className="sr-only">War room</h1>
        <TradingStateBanner />
        <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
          <LatencyFigure />
          <VenueStrip />
        </div>
      </main>
    </div>
  );
}
