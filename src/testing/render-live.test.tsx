import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, expect, test, vi } from 'vitest';
import { snapshotFixture } from '../../contract/fixtures.ts';
import { useStatus } from '../live/status-query.ts';
import { makeSim, renderLive } from './render-live.tsx';

function TradingStateName() {
  return <p>{useStatus((s) => s.tradingState?.state) ?? 'nothing yet'}</p>;
}

afterEach(() => vi.unstubAllGlobals());

test('renderLive feeds a panel from the simulator model through the network edge', async () => {
  const sim = makeSim();
  const { advance } = renderLive(<TradingStateName />, { sim });
  expect(await screen.findByText('ACTIVE')).toBeInTheDocument();
  sim.sim.setTradingState('KILLED', 'bob', 'breach');
  advance(100);
  expect(await screen.findByText('KILLED')).toBeInTheDocument();
});

test('renderLive feeds a panel from hand-made handlers, polling', async () => {
  renderLive(<TradingStateName />, {
    handlers: [
      http.get('/api/v1/status', () =>
        HttpResponse.json({
          ...snapshotFixture,
          tradingState: { ...snapshotFixture.tradingState, state: 'HALTED' },
        }),
      ),
    ],
  });
  expect(await screen.findByText('HALTED')).toBeInTheDocument();
});
