import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { snapshotFixture } from '../../../contract/fixtures.ts';
import { makeTradingApiDown, makeTradingApiServe } from '../../../sim/msw/handlers.ts';
import { server } from '../../testing/msw-server.ts';
import { makeSim, renderLive } from '../../testing/render-live.tsx';
import { ServiceGrid } from './service-grid.tsx';
import { VenueGrid } from './venue-grid.tsx';

/** Serves `body()` as the snapshot; a gap on every events poll sends the client back to it. */
const serve = (body: () => unknown) => makeTradingApiServe('/api/v1', body);

const region = () => screen.getByRole('region', { name: 'Venues' });
// The e2e selector: a listitem named after the venue inside the "Venues" region.
const tile = (name: string) => within(region()).getByRole('listitem', { name });

afterEach(() => vi.unstubAllGlobals());

describe('VenueGrid', () => {
  test('shows every venue connected with fresh market data and its open orders', async () => {
    renderLive(<VenueGrid />, { sim: makeSim() });
    expect(region()).toHaveTextContent('no data yet — waiting for the trading API');

    await within(region()).findByRole('listitem', { name: 'Binance' });
    for (const name of ['Binance', 'Bybit', 'OKX', 'Kraken']) {
      expect(tile(name)).toHaveAttribute('data-status', 'CONNECTED');
      expect(tile(name)).toHaveTextContent('● CONNECTED');
      expect(tile(name)).toHaveTextContent(/market data \d\.\d s old/);
      expect(tile(name)).toHaveTextContent(/\d+ open orders?/);
    }
    expect(region()).toHaveTextContent('4 of 4 connected');
    expect(region()).not.toHaveTextContent('routing disabled');
  });

  test('exchange-outage: DEGRADED, then DISCONNECTED, then DOWN once market data is 30 s old', async () => {
    const sim = makeSim({ scenarios: [{ name: 'exchange-outage', venueId: 'binance' }] });
    const { advance } = renderLive(<VenueGrid />, { sim });
    await within(region()).findByRole('listitem', { name: 'Binance' });

    advance(2_000);
    await waitFor(() => expect(tile('Binance')).toHaveAttribute('data-status', 'DEGRADED'));
    expect(tile('Binance')).toHaveTextContent('◐ DEGRADED');
    expect(tile('Binance')).toHaveTextContent(/market data \d\.\d s old/);
    expect(region()).toHaveTextContent('3 of 4 connected');

    advance(10_000);
    await waitFor(() => expect(tile('Binance')).toHaveAttribute('data-status', 'DISCONNECTED'));
    expect(tile('Binance')).toHaveTextContent('○ DISCONNECTED');
    expect(tile('Binance')).toHaveTextContent(/market data 1[12] s old/);

    // 29 s of silence: the API's state still stands.
    advance(17_000);
    await waitFor(() => expect(tile('Binance')).toHaveTextContent(/market data 2[89] s old/));
    expect(tile('Binance')).toHaveAttribute('data-status', 'DISCONNECTED');

    advance(2_000);
    await waitFor(() => expect(tile('Binance')).toHaveAttribute('data-status', 'DOWN'));
    expect(tile('Binance')).toHaveTextContent('✖ DOWN');
    expect(tile('Binance')).toHaveTextContent(/no market data for 3[01] s/);
    expect(tile('Bybit')).toHaveAttribute('data-status', 'CONNECTED');
    expect(region()).toHaveTextContent('3 of 4 connected');
  });

  test('by the trading system clock: a CONNECTED venue silent for 31 s is DOWN; none yet is not', async () => {
    const snapshot = structuredClone(snapshotFixture);
    snapshot.venues.push({
      id: 'iexg',
      name: 'IEX',
      connection: 'CONNECTED',
      enabled: true,
      lastMarketDataAt: '2025-03-14T09:29:34.000Z', // 31 s before asOf
      openOrders: 1,
    });
    renderLive(<VenueGrid />, { handlers: serve(() => snapshot) });

    await within(region()).findByRole('listitem', { name: 'IEX' });
    expect(tile('IEX')).toHaveAttribute('data-status', 'DOWN');
    expect(tile('IEX')).toHaveTextContent('no market data for 31 s');
    expect(tile('IEX')).toHaveTextContent('1 open order');
    expect(tile('Nasdaq')).toHaveAttribute('data-status', 'CONNECTED');
    expect(tile('NYSE')).toHaveAttribute('data-status', 'DEGRADED');
    expect(tile('NYSE')).toHaveTextContent('market data 7.0 s old');
    expect(tile('Cboe BZX')).toHaveAttribute('data-status', 'DISCONNECTED');
    expect(tile('Cboe BZX')).toHaveTextContent('no market data yet');
    expect(tile('Cboe BZX')).toHaveTextContent('routing disabled');
    expect(tile('Nasdaq')).not.toHaveTextContent('routing disabled');
    expect(region()).toHaveTextContent('1 of 4 connected');
  });

  test('when the trading API dies the tiles stay, greyed, and the panel says stale', async () => {
    const { dropStream } = renderLive(<VenueGrid />, { sim: makeSim() });
    await within(region()).findByRole('listitem', { name: 'Binance' });

    server.use(...makeTradingApiDown('/api/v1'));
    dropStream();
    await waitFor(() => expect(region()).toHaveTextContent(/stale \d/));
    expect(tile('Binance')).toHaveAttribute('data-status', 'CONNECTED');
    expect(within(region()).getAllByRole('listitem')).toHaveLength(4);
    expect(tile('Binance').closest('.opacity-50')).not.toBeNull();
  });

  test('an invalid venue state is named in the Venues panel; the Services panel beside it is unaffected', async () => {
    const snapshot = structuredClone(snapshotFixture) as unknown as { venues: { connection: string }[] };
    snapshot.venues[0]!.connection = 'UP';
    renderLive(
      <>
        <VenueGrid />
        <ServiceGrid />
      </>,
      { handlers: serve(() => snapshot) },
    );

    expect(await within(region()).findByRole('alert')).toHaveTextContent(
      /Invalid data from the trading API: status snapshot: venues\[0\]\.connection/,
    );
    expect(region()).toHaveTextContent('no valid data received');
    const services = screen.getByRole('region', { name: 'Service health' });
    expect(within(services).getAllByRole('listitem')).toHaveLength(2);
    expect(within(services).queryByRole('alert')).not.toBeInTheDocument();
  });

  test('invalid data after valid data: the problem is shown and the last-known tiles stay', async () => {
    let snapshot: unknown = snapshotFixture;
    renderLive(<VenueGrid />, { handlers: serve(() => snapshot) });
    await within(region()).findByRole('listitem', { name: 'Nasdaq' });

    const broken = structuredClone(snapshotFixture) as unknown as { venues: { connection: string }[] };
    broken.venues[0]!.connection = 'UP';
    snapshot = broken;
    expect(await within(region()).findByRole('alert', {}, { timeout: 5_000 })).toHaveTextContent(
      /venues\[0\]\.connection/,
    );
    expect(tile('Nasdaq')).toHaveAttribute('data-status', 'CONNECTED');
    expect(within(region()).getAllByRole('listitem')).toHaveLength(3);
    expect(region()).toHaveTextContent(/stale \d/);
  });
});
