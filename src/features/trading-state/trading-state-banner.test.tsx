import { screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { snapshotFixture } from '../../../contract/fixtures.ts';
import { makeTradingApiDown, makeTradingApiServe } from '../../../sim/msw/handlers.ts';
import { makeSim, renderLive } from '../../testing/render-live.tsx';
import { server } from '../../testing/msw-server.ts';
import { profiled } from '../../testing/systems.ts';
import { TradingStateBanner } from './trading-state-banner.tsx';

const region = () => screen.getByRole('region', { name: 'Trading state' });
const serving = (snapshot: unknown) => makeTradingApiServe('/api/v1', () => snapshot);

afterEach(() => vi.unstubAllGlobals());

describe('the trading-state banner', () => {
  test('shows the state with who, when and why', async () => {
    const sim = makeSim();
    const { advance } = renderLive(<TradingStateBanner />, { sim });
    expect(await screen.findByTestId('trading-state')).toHaveTextContent('ACTIVE');
    sim.sim.setTradingState('KILLED', 'carol', 'unknown orders on 3 venues');
    advance(100);
    expect(await screen.findByText('KILLED')).toBeInTheDocument();
    expect(region()).toHaveTextContent('all orders cancelled, order flow blocked');
    expect(region()).toHaveTextContent(/since \d\d:\d\d:\d\d by carol — “unknown orders on 3 venues”/);
  });

  test('a system that reports no trading state says so, in its own words', async () => {
    const sim = makeSim();
    profiled(sim.sim, {
      notOffered: [{ section: 'tradingState', reason: 'LAV/ADAF reports no trading state' }],
    });
    renderLive(<TradingStateBanner />, { sim });
    expect(await screen.findByText('LAV/ADAF reports no trading state')).toBeInTheDocument();
    expect(screen.queryByTestId('trading-state')).not.toBeInTheDocument();
    expect(region()).not.toHaveTextContent(/unknown|LAST KNOWN/);
  });

  test('an invalid state from the API is named, never shown as a state', async () => {
    const bad = {
      ...structuredClone(snapshotFixture),
      tradingState: { ...snapshotFixture.tradingState, state: 'PAUSED' },
    };
    renderLive(<TradingStateBanner />, { handlers: serving(bad) });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Invalid trading state from the trading API: status snapshot: tradingState\.state: expected one of ACTIVE, REDUCING, HALTED, KILLED, got "PAUSED"/,
    );
    expect(region()).toHaveTextContent('Trading state unknown — no valid state received');
    expect(screen.queryByTestId('trading-state')).not.toBeInTheDocument();
  });

  test('when the API goes silent the last state stays, marked stale', async () => {
    const sim = makeSim();
    const { dropStream } = renderLive(<TradingStateBanner />, { sim });
    expect(await screen.findByTestId('trading-state')).toHaveTextContent('ACTIVE');
    server.use(...makeTradingApiDown('/api/v1'));
    dropStream();
    expect(await screen.findByText(/stale \d/)).toBeInTheDocument();
    expect(screen.getByTestId('trading-state')).toHaveTextContent('ACTIVE');
  });
});
