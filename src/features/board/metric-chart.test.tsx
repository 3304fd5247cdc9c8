import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { plotWidth } from './chart-geometry.ts';
import { MetricChart } from './metric-chart.tsx';
import type { ChartPoint } from './metric-series.ts';

afterEach(() => vi.unstubAllGlobals());

const start = Date.parse('2025-03-14T09:30:00Z');
const fiveMinutes: ChartPoint[] = Array.from({ length: 300 }, (_, i) => ({
  t: start + (i + 1) * 1000,
  v: i === 200 ? 900 : 25,
}));
const format = (v: number) => `${v} µs`;
const lines = [
  { level: 'warning', value: 50, label: 'warning 50 µs' },
  { level: 'critical', value: 100, label: 'critical 100 µs' },
] as const;

/** A layout engine in miniature: every observed element is `width` × `height`. */
function stubResizeObserver(width: number, height: number) {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      readonly callback: ResizeObserverCallback;
      constructor(callback: ResizeObserverCallback) {
        this.callback = callback;
      }
      observe(target: Element) {
        const entry = { target, contentRect: { width, height } } as unknown as ResizeObserverEntry;
        queueMicrotask(() => this.callback([entry], this as unknown as ResizeObserver));
      }
      disconnect() {}
      unobserve() {}
    },
  );
}

describe('MetricChart', () => {
  test('unmeasured (no layout, as in jsdom) it draws nothing and does not crash, but still says what it shows', () => {
    render(
      <MetricChart label="p99 latency over the last 5 minutes" points={fiveMinutes} formatValue={format} />,
    );
    const chart = screen.getByRole('img', { name: 'p99 latency over the last 5 minutes' });
    expect(chart).toHaveAttribute('data-points', '0');
    expect(chart.querySelector('svg')).toBeNull();
  });

  test('measured, it loads recharts lazily and draws no more points than the plot has pixels, spike included', async () => {
    stubResizeObserver(160, 120);
    const { container } = render(
      <MetricChart label="p99" points={fiveMinutes} thresholds={lines} formatValue={format} />,
    );
    const chart = screen.getByRole('img', { name: 'p99' });
    // recharts arrives after the first paint; meanwhile the chart area says so, quietly.
    expect(await screen.findByText('loading chart…')).toBeInTheDocument();
    await vi.waitFor(() => expect(container.querySelector('.recharts-line-curve')).not.toBeNull());
    const drawn = Number(chart.getAttribute('data-points'));
    expect(drawn).toBeGreaterThan(2);
    expect(drawn).toBeLessThanOrEqual(plotWidth(160));
    // The one-window spike to 900 µs still sets the top of the y axis: decimation kept it.
    const labels = [...container.querySelectorAll('text')].map((t) => parseFloat(t.textContent ?? ''));
    expect(Math.max(...labels.filter((n) => !Number.isNaN(n)))).toBeGreaterThanOrEqual(900);
    // Threshold lines are drawn and labelled.
    expect(chart).toHaveTextContent('warning 50 µs');
    expect(chart).toHaveTextContent('critical 100 µs');
  });

  test('a short series is drawn point for point', async () => {
    stubResizeObserver(800, 120);
    const { container } = render(
      <MetricChart label="p99" points={fiveMinutes.slice(0, 40)} formatValue={format} />,
    );
    await vi.waitFor(() => expect(container.querySelector('.recharts-line-curve')).not.toBeNull());
    expect(screen.getByRole('img')).toHaveAttribute('data-points', '40');
  });
});
