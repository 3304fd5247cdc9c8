import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { snapshotFixture } from '../../../contract/fixtures.ts';
import { makeTradingApiDown, makeTradingApiServe } from '../../../sim/msw/handlers.ts';
import { server } from '../../testing/msw-server.ts';
import { makeSim, renderLive } from '../../testing/render-live.tsx';
import { ServiceGrid } from './service-grid.tsx';

/** Serves `body()` as the snapshot; a gap on every events poll sends the client back to it. */
const serve = (body: () => unknown) => makeTradingApiServe('/api/v1', body);

const region = () => screen.getByRole('region', { name: 'Service health' });
const tile = (name: string) => within(region()).getByRole('listitem', { name });
const order = () =>
  within(screen.getByRole('list', { name: 'Services' }))
    .getAllByRole('listitem')
    .map((li) => li.getAttribute('aria-label'));

afterEach(() => vi.unstubAllGlobals());

describe('ServiceGrid', () => {
  test('shows every service UP by name, with how recent its check is', async () => {
    renderLive(<ServiceGrid />, { sim: makeSim() });
    expect(region()).toHaveTextContent('no data yet — waiting for the trading API');

    await screen.findByRole('list', { name: 'Services' });
    expect(order()).toEqual([
      'Database',
      'Market data handler',
      'Matching engine',
      'Order gateway',
      'Position keeper',
      'Risk manager',
      'Smart order router',
    ]);
    expect(region()).toHaveTextContent('all 7 UP');
    expect(tile('Database')).toHaveTextContent('● UP');
    expect(tile('Database')).toHaveAttribute('data-status', 'UP');
    expect(tile('Database')).toHaveTextContent(/checked \d\.\d s ago/);
    expect(region()).not.toHaveTextContent('check overdue');
  });

  test('db-pool-exhaustion: the database goes DEGRADED then DOWN with its detail, sorted first', async () => {
    const { advance } = renderLive(<ServiceGrid />, {
      sim: makeSim({ scenarios: [{ name: 'db-pool-exhaustion' }] }),
    });
    await screen.findByRole('list', { name: 'Services' });

    // Checks run every 5 s; within 8 s one has seen the pool past 90 % but not yet full.
    advance(8_000);
    await within(region()).findByText('connection pool nearly exhausted', { exact: false });
    expect(tile('Database')).toHaveTextContent('◐ DEGRADED');
    expect(tile('Order gateway')).toHaveTextContent('waiting for database connections');
    expect(order().slice(0, 2)).toEqual(['Database', 'Order gateway']);
    expect(region()).toHaveTextContent('2 of 7 not UP');

    advance(14_000);
    await within(region()).findByText(/connection pool exhausted \(200\/200\)/);
    expect(tile('Database')).toHaveTextContent('✖ DOWN');
    expect(tile('Database')).toHaveAttribute('data-status', 'DOWN');
    expect(order().slice(0, 2)).toEqual(['Database', 'Order gateway']);
    expect(tile('Risk manager')).not.toHaveTextContent('waiting');
  });

  test('when the trading API dies the tiles stay, greyed, and the panel says stale', async () => {
    const { dropStream } = renderLive(<ServiceGrid />, { sim: makeSim() });
    const list = await screen.findByRole('list', { name: 'Services' });

    server.use(...makeTradingApiDown('/api/v1'));
    dropStream();
    await waitFor(() => expect(region()).toHaveTextContent(/stale \d/));
    expect(within(list).getAllByRole('listitem')).toHaveLength(7);
    expect(list.closest('.opacity-50')).not.toBeNull();
  });

  test('a check far older than the system clock is flagged overdue; details show only when not UP', async () => {
    const snapshot = structuredClone(snapshotFixture);
    snapshot.services[0]!.lastCheckAt = '2025-03-14T09:29:40.000Z'; // 25 s before asOf
    snapshot.services[0]!.detail = 'all fine';
    renderLive(<ServiceGrid />, { handlers: serve(() => snapshot) });

    await screen.findByRole('list', { name: 'Services' });
    expect(order()).toEqual(['Risk engine', 'Order management']);
    expect(region()).toHaveTextContent('1 of 2 not UP');
    expect(tile('Order management')).toHaveTextContent('check overdue · checked 25 s ago');
    expect(tile('Order management')).not.toHaveTextContent('all fine');
    expect(tile('Risk engine')).toHaveTextContent('Limit checks taking 800 ms');
    expect(tile('Risk engine')).toHaveTextContent('checked 1.0 s ago');
    expect(tile('Risk engine')).not.toHaveTextContent('overdue');
  });

  test('services that never arrived valid are named as such, with what was wrong', async () => {
    const snapshot = structuredClone(snapshotFixture) as unknown as { services: { health: string }[] };
    snapshot.services[1]!.health = 'SICK';
    renderLive(<ServiceGrid />, { handlers: serve(() => snapshot) });

    expect(await within(region()).findByRole('alert')).toHaveTextContent(
      /Invalid data from the trading API: status snapshot: services\[1\]\.health/,
    );
    expect(region()).toHaveTextContent('no valid data received');
    expect(screen.queryByRole('list', { name: 'Services' })).not.toBeInTheDocument();
  });
});
