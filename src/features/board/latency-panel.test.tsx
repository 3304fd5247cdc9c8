import { act, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { snapshotFixture } from '../../../contract/fixtures.ts';
import { makeTradingApiDown } from '../../../sim/msw/handlers.ts';
import { thresholdPresets } from '../../config/thresholds.ts';
import { useStatus } from '../../live/status-query.ts';
import { FakeEventSource } from '../../testing/fake-event-source.ts';
import { server } from '../../testing/msw-server.ts';
import { makeSim, renderLive } from '../../testing/render-live.tsx';
import { LatencyPanel } from './latency-panel.tsx';

afterEach(() => vi.unstubAllGlobals());

function TradingStateName() {
  return <p data-testid="state">{useStatus((s) => s.tradingState?.state)}</p>;
}

const panel = () => screen.getByRole('region', { name: 'Latency p99' });
const micros = (el: HTMLElement) => Number(el.textContent?.replace(/[^\d.]/g, ''));

/** The snapshot fixture with one field of the first metric window broken. */
function brokenMetricsSnapshot() {
  const snapshot = structuredClone(snapshotFixture) as unknown as {
    metrics: { windows: Record<string, unknown>[] };
  };
  snapshot.metrics.windows[0]!.errorRate = 'n/a';
  return snapshot;
}

describe('LatencyPanel', () => {
  test('says there is no data before the first contact', () => {
    renderLive(<LatencyPanel />, { sim: makeSim() });
    expect(within(panel()).getByText('no data yet', { selector: 'p' })).toBeInTheDocument();
    expect(screen.queryByTestId('latency-p99')).not.toBeInTheDocument();
  });

  test('normal trading: the p99 in µs, judged normal in words, and a chart described for screen readers', async () => {
    renderLive(<LatencyPanel />, { sim: makeSim() });
    const value = await screen.findByTestId('latency-p99');
    expect(value).toHaveTextContent(/^\d+(\.\d+)? µs$/);
    expect(micros(value)).toBeLessThan(50);
    expect(value).toHaveAttribute('data-level', 'normal');
    expect(panel()).toHaveTextContent('● normal');
    expect(within(panel()).getByRole('img')).toHaveAccessibleName(
      new RegExp(`^p99 latency over the last \\d+ seconds, currently ${value.textContent}$`),
    );
  });

  test('latency degradation: WARNING past 50 µs, then CRITICAL past 100 µs', async () => {
    const { advance } = renderLive(<LatencyPanel />, {
      sim: makeSim({ scenarios: [{ name: 'latency-degradation' }] }),
    });
    await screen.findByTestId('latency-p99');

    advance(6000);
    await vi.waitFor(() =>
      expect(screen.getByTestId('latency-p99')).toHaveAttribute('data-level', 'warning'),
    );
    expect(micros(screen.getByTestId('latency-p99'))).toBeGreaterThan(50);
    expect(panel()).toHaveTextContent('△ WARNING — over 50 µs');

    advance(5000);
    await vi.waitFor(() =>
      expect(screen.getByTestId('latency-p99')).toHaveAttribute('data-level', 'critical'),
    );
    expect(micros(screen.getByTestId('latency-p99'))).toBeGreaterThan(100);
    expect(panel()).toHaveTextContent('▲ CRITICAL — over 100 µs');
    expect(panel()).not.toHaveTextContent('WARNING');
  });

  test('judges against configured thresholds in another unit: 250 µs is normal for an HFT system (1 ms)', async () => {
    const { advance } = renderLive(<LatencyPanel />, {
      sim: makeSim({ scenarios: [{ name: 'latency-degradation' }] }),
      config: { thresholds: thresholdPresets.hft },
    });
    await screen.findByTestId('latency-p99');
    advance(11_000);
    await vi.waitFor(() => expect(micros(screen.getByTestId('latency-p99'))).toBeGreaterThan(100));
    expect(screen.getByTestId('latency-p99')).toHaveAttribute('data-level', 'normal');
  });

  test('a window without orders has no p99: a dash, not a zero, and no level', async () => {
    const sim = makeSim();
    const { advance } = renderLive(<LatencyPanel />, { sim });
    await screen.findByTestId('latency-p99');
    sim.sim.setTradingState('HALTED', 'alice', 'drill');
    advance(2000);
    await vi.waitFor(() => expect(screen.getByTestId('latency-p99')).toHaveTextContent('—'));
    expect(screen.getByTestId('latency-p99')).toHaveAttribute('data-level', 'none');
    expect(panel()).toHaveTextContent('no orders in the latest window');
    expect(panel()).not.toHaveTextContent('normal');
  });

  test('when the trading API dies it keeps the last value and says it is stale', async () => {
    const { dropStream } = renderLive(<LatencyPanel />, { sim: makeSim() });
    const last = (await screen.findByTestId('latency-p99')).textContent;
    server.use(...makeTradingApiDown('/api/v1'));
    dropStream();
    await vi.waitFor(() => expect(panel()).toHaveTextContent(/stale \d/));
    expect(screen.getByTestId('latency-p99')).toHaveTextContent(last!);
  });

  test('a later window that breaks the contract is named, and the last valid p99 stays', async () => {
    const sim = makeSim();
    renderLive(<LatencyPanel />, { sim });
    const last = (await screen.findByTestId('latency-p99')).textContent;
    const id = sim.sim.eventPage(0, null).lastEventId + 1;
    const window = { ...snapshotFixture.metrics.windows[0], errorRate: 'n/a' };
    act(() =>
      FakeEventSource.latest().emit({ id, at: new Date().toISOString(), type: 'metrics.window', window }, id),
    );
    const alert = await within(panel()).findByRole('alert');
    expect(alert).toHaveTextContent(/Invalid data from the trading API: .*errorRate/);
    expect(screen.getByTestId('latency-p99')).toHaveTextContent(last!);
  });

  test('metrics that break the contract are named, never drawn, and cost only the metrics', async () => {
    renderLive(
      <>
        <LatencyPanel />
        <TradingStateName />
      </>,
      { handlers: [http.get('/api/v1/status', () => HttpResponse.json(brokenMetricsSnapshot()))] },
    );
    const alert = await within(panel()).findByRole('alert');
    expect(alert).toHaveTextContent(/Invalid data from the trading API: .*errorRate/);
    expect(panel()).toHaveTextContent('no valid data received');
    expect(screen.queryByTestId('latency-p99')).not.toBeInTheDocument();
    expect(screen.getByTestId('state')).toHaveTextContent('ACTIVE');
  });
});
