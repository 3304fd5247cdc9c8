import { act, render, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ManualClock } from '../../sim/model/clock.ts';
import { Simulator } from '../../sim/model/simulator.ts';
import { makeTradingApiDown, simHandlers } from '../../sim/msw/handlers.ts';
import type { RuntimeConfig } from '../config/runtime-config.ts';
import { server } from '../testing/msw-server.ts';
import { installSimStream } from '../testing/sim-stream.ts';
import { testConfig } from '../testing/render-live.tsx';
import { resetWarRoomClient, warRoomStoreFactory } from '../testing/war-room-store.tsx';
import { App } from './app.tsx';
import { AppProviders } from './providers.tsx';

// The board reads incidents from a real, empty war-room store.
const startStore = warRoomStoreFactory();
let config: RuntimeConfig = testConfig;
beforeEach(async () => {
  config = { ...testConfig, storeBaseUrl: (await startStore()).baseUrl };
});
afterEach(resetWarRoomClient);

function renderBoard(environment: 'simulator' | 'drill' = 'simulator') {
  const clock = new ManualClock(Date.now());
  const sim = new Simulator({ seed: 3, clock, instance: 'life-1', environment });
  clock.advance(3000);
  server.use(...simHandlers({ sim, baseUrl: config.apiBaseUrl }));
  const stream = installSimStream(sim);
  render(
    <AppProviders config={config}>
      <App />
    </AppProviders>,
  );
  /** Simulated time passes; the model emits, the stream delivers. */
  const advance = (ms: number) =>
    act(() => {
      clock.advance(ms);
      sim.tick();
    });
  return { sim, stream, advance };
}

const venueCard = (name: string) =>
  within(screen.getByRole('region', { name: 'Venues' })).getByRole('listitem', { name });

afterEach(() => vi.unstubAllGlobals());

describe('the first board', () => {
  test('shows the trading state, p99 and venues from the trading API, and how fresh they are', async () => {
    renderBoard();
    expect(await screen.findByTestId('trading-state')).toHaveTextContent('ACTIVE');
    expect(screen.getByRole('region', { name: 'Trading state' })).toHaveTextContent(
      'by system — “start of day”',
    );
    expect(screen.getByTestId('latency-p99')).toHaveTextContent(/^\d+(\.\d+)? µs$/);
    expect(venueCard('Binance')).toHaveTextContent('CONNECTED');
    expect(screen.getByRole('region', { name: 'Latency p99' })).toHaveTextContent(/updated \d\.\d s ago/);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText('SIMULATOR — not a live trading system')).toBeInTheDocument();
  });

  test('a simulator in drill mode is announced as a drill', async () => {
    renderBoard('drill');
    expect(await screen.findByText('DRILL — scripted exercise, not a live incident')).toBeInTheDocument();
    expect(screen.queryByText(/SIMULATOR/)).not.toBeInTheDocument();
  });

  test('live events move the board: a silent exchange, a new p99, a halt with who and why', async () => {
    const { sim, advance } = renderBoard();
    await screen.findByTestId('trading-state');

    sim.startScenario({ name: 'exchange-outage', venueId: 'binance' });
    sim.startScenario({ name: 'latency-degradation' });
    advance(12_000);
    expect(venueCard('Binance')).toHaveTextContent('DISCONNECTED');
    expect(venueCard('Binance')).toHaveTextContent(/market data 1[12] s old/);
    expect(venueCard('Bybit')).toHaveTextContent('CONNECTED');
    const p99 = Number(screen.getByTestId('latency-p99').textContent?.replace(/[^\d.]/g, ''));
    expect(p99).toBeGreaterThan(100);

    act(() => sim.setTradingState('HALTED', 'alice', 'Binance feed silent'));
    expect(screen.getByTestId('trading-state')).toHaveTextContent('HALTED');
    expect(screen.getByRole('region', { name: 'Trading state' })).toHaveTextContent(
      'by alice — “Binance feed silent”',
    );
  });

  test('when the trading API dies the board keeps last-known values, marks them stale and says since when', async () => {
    const { stream } = renderBoard();
    await screen.findByTestId('trading-state');
    const p99 = screen.getByTestId('latency-p99').textContent;

    server.use(...makeTradingApiDown(config.apiBaseUrl));
    act(() => stream.dropAll());
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent(/Trading API unreachable since \d\d:\d\d:\d\d \(no connection\)/);
    expect(banner).toHaveTextContent(/showing last-known values from \d/);
    expect(screen.getByTestId('trading-state')).toHaveTextContent('ACTIVE');
    expect(screen.getByTestId('latency-p99')).toHaveTextContent(p99!);
    await vi.waitFor(() =>
      expect(screen.getByRole('region', { name: 'Latency p99' })).toHaveTextContent(/stale \d/),
    );
  });

  test('a payload that breaks the contract is named on the board, never shown as data', async () => {
    server.use(
      http.get('/api/v1/status', () =>
        HttpResponse.json({
          system: { id: 'x', name: 'X', environment: 'production' },
          tradingState: { state: 'PAUSED' },
        }),
      ),
    );
    render(
      <AppProviders config={config}>
        <App />
      </AppProviders>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/invalid data at \d\d:\d\d:\d\d: status snapshot: /);
    expect(screen.getByRole('region', { name: 'Trading state' })).toHaveTextContent('Trading state unknown');
    expect(screen.queryByTestId('trading-state')).not.toBeInTheDocument();
  });
});
