import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { snapshotFixture } from '../../../contract/fixtures.ts';
import { makeTradingApiDown } from '../../../sim/msw/handlers.ts';
import { thresholdPresets } from '../../config/thresholds.ts';
import { server } from '../../testing/msw-server.ts';
import { makeSim, renderLive } from '../../testing/render-live.tsx';
import { ErrorRatePanel, errorRateLines } from './error-rate-panel.tsx';

afterEach(() => vi.unstubAllGlobals());

const panel = () => screen.getByRole('region', { name: 'Error rate' });
const percent = () => Number(screen.getByTestId('error-rate').textContent?.replace(/[^\d.]/g, ''));

describe('ErrorRatePanel', () => {
  test('says there is no data before the first contact', () => {
    renderLive(<ErrorRatePanel />, { sim: makeSim() });
    expect(within(panel()).getByText('no data yet', { selector: 'p' })).toBeInTheDocument();
    expect(screen.queryByTestId('error-rate')).not.toBeInTheDocument();
  });

  test('normal trading: a rate under 0.5 %, judged normal in words, with the failed orders counted', async () => {
    renderLive(<ErrorRatePanel />, { sim: makeSim() });
    const value = await screen.findByTestId('error-rate');
    expect(value).toHaveTextContent(/^\d+\.\d\d %$/);
    expect(percent()).toBeLessThan(0.5);
    expect(value).toHaveAttribute('data-level', 'normal');
    expect(panel()).toHaveTextContent('● normal');
    expect(panel()).toHaveTextContent(/\d+ of [\d,]+ orders failed/);
    expect(within(panel()).getByRole('img')).toHaveAccessibleName(
      /^error rate over the last \d+ seconds, currently \d+\.\d\d %$/,
    );
  });

  test('an error storm is CRITICAL over 1 %', async () => {
    const { advance } = renderLive(<ErrorRatePanel />, {
      sim: makeSim({ scenarios: [{ name: 'error-storm' }] }),
    });
    await screen.findByTestId('error-rate');
    advance(3000);
    await vi.waitFor(() =>
      expect(screen.getByTestId('error-rate')).toHaveAttribute('data-level', 'critical'),
    );
    expect(percent()).toBeGreaterThan(1);
    expect(panel()).toHaveTextContent('▲ CRITICAL — over 1 %');
  });

  test('the same storm is a WARNING where the configured thresholds are higher (2 % / 10 %)', async () => {
    const { advance } = renderLive(<ErrorRatePanel />, {
      sim: makeSim({ scenarios: [{ name: 'error-storm' }] }),
      config: { thresholds: { ...thresholdPresets.rtes, errorRate: { warning: 0.02, critical: 0.1 } } },
    });
    await screen.findByTestId('error-rate');
    advance(3000);
    await vi.waitFor(() => expect(screen.getByTestId('error-rate')).toHaveAttribute('data-level', 'warning'));
    expect(percent()).toBeGreaterThan(2);
    expect(panel()).toHaveTextContent('△ WARNING — over 2 %');
  });

  test('a window without orders has no rate: a dash, not 0 %', async () => {
    const sim = makeSim();
    const { advance } = renderLive(<ErrorRatePanel />, { sim });
    await screen.findByTestId('error-rate');
    sim.sim.setTradingState('KILLED', 'alice', 'drill');
    advance(2000);
    await vi.waitFor(() => expect(screen.getByTestId('error-rate')).toHaveTextContent('—'));
    expect(screen.getByTestId('error-rate')).toHaveAttribute('data-level', 'none');
    expect(panel()).toHaveTextContent('no orders in the latest window');
  });

  test('when the trading API dies it keeps the last value and says it is stale', async () => {
    const { dropStream } = renderLive(<ErrorRatePanel />, { sim: makeSim() });
    const last = (await screen.findByTestId('error-rate')).textContent;
    server.use(...makeTradingApiDown('/api/v1'));
    dropStream();
    await vi.waitFor(() => expect(panel()).toHaveTextContent(/stale \d/));
    expect(screen.getByTestId('error-rate')).toHaveTextContent(last!);
  });

  test('metrics that break the contract are named, never shown as a rate', async () => {
    const snapshot = structuredClone(snapshotFixture) as unknown as { metrics: { windows: object[] } };
    snapshot.metrics.windows[0] = { ...snapshot.metrics.windows[0], errorRate: 'n/a' };
    renderLive(<ErrorRatePanel />, {
      handlers: [http.get('/api/v1/status', () => HttpResponse.json(snapshot))],
    });
    const alert = await within(panel()).findByRole('alert');
    expect(alert).toHaveTextContent(/Invalid data from the trading API: .*errorRate/);
    expect(panel()).toHaveTextContent('no valid data received');
    expect(screen.queryByTestId('error-rate')).not.toBeInTheDocument();
  });

  test('threshold lines are labelled as configured', () => {
    expect(errorRateLines(thresholdPresets.rtes)).toEqual([
      { level: 'warning', value: 0.005, label: 'warning 0.5 %' },
      { level: 'critical', value: 0.01, label: 'critical 1 %' },
    ]);
  });
});
