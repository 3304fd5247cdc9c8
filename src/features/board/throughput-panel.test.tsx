import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { snapshotFixture } from '../../../contract/fixtures.ts';
import { makeTradingApiDown } from '../../../sim/msw/handlers.ts';
import { server } from '../../testing/msw-server.ts';
import { makeSim, renderLive } from '../../testing/render-live.tsx';
import { ThroughputPanel } from './throughput-panel.tsx';

afterEach(() => vi.unstubAllGlobals());

const panel = () => screen.getByRole('region', { name: 'Throughput' });
const rate = () => Number(screen.getByTestId('throughput').textContent?.replace(/[^\d.]/g, ''));

describe('ThroughputPanel', () => {
  test('says there is no data before the first contact', () => {
    renderLive(<ThroughputPanel />, { sim: makeSim() });
    expect(within(panel()).getByText('no data yet', { selector: 'p' })).toBeInTheDocument();
    expect(screen.queryByTestId('throughput')).not.toBeInTheDocument();
  });

  test('normal trading: about 2,000 orders/s, and no halt warning', async () => {
    renderLive(<ThroughputPanel />, { sim: makeSim() });
    const value = await screen.findByTestId('throughput');
    expect(value).toHaveTextContent(/^[\d,]+ orders\/s$/);
    expect(rate()).toBeGreaterThan(1000);
    expect(panel()).not.toHaveTextContent('no orders');
    expect(within(panel()).getByRole('img')).toHaveAccessibleName(
      /^throughput over the last \d+ seconds, currently [\d,]+ orders\/s$/,
    );
  });

  test('a halted system has no throughput, and the panel says so plainly', async () => {
    const sim = makeSim();
    const { advance } = renderLive(<ThroughputPanel />, { sim });
    await screen.findByTestId('throughput');
    sim.sim.setTradingState('HALTED', 'alice', 'drill');
    advance(2000);
    await vi.waitFor(() => expect(screen.getByTestId('throughput')).toHaveTextContent('0 orders/s'));
    expect(panel()).toHaveTextContent('no orders — trading is HALTED');
  });

  test('when the trading API dies it keeps the last value and says it is stale', async () => {
    const { dropStream } = renderLive(<ThroughputPanel />, { sim: makeSim() });
    const last = (await screen.findByTestId('throughput')).textContent;
    server.use(...makeTradingApiDown('/api/v1'));
    dropStream();
    await vi.waitFor(() => expect(panel()).toHaveTextContent(/stale \d/));
    expect(screen.getByTestId('throughput')).toHaveTextContent(last!);
  });

  test('metrics that break the contract are named, never shown as a throughput', async () => {
    const snapshot = structuredClone(snapshotFixture) as unknown as { metrics: { windows: object[] } };
    snapshot.metrics.windows[0] = { ...snapshot.metrics.windows[0], errorRate: 'n/a' };
    renderLive(<ThroughputPanel />, {
      handlers: [http.get('/api/v1/status', () => HttpResponse.json(snapshot))],
    });
    const alert = await within(panel()).findByRole('alert');
    expect(alert).toHaveTextContent(/Invalid data from the trading API: .*errorRate/);
    expect(panel()).toHaveTextContent('no valid data received');
    expect(screen.queryByTestId('throughput')).not.toBeInTheDocument();
  });
});
