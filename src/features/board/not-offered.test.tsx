import { screen, waitFor } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { makeSim, renderLive } from '../../testing/render-live.tsx';
import { profiled } from '../../testing/systems.ts';
import { AlertsPanel } from './alerts-panel.tsx';
import { ErrorRatePanel } from './error-rate-panel.tsx';
import { LatencyPanel } from './latency-panel.tsx';
import { ServiceGrid } from './service-grid.tsx';
import { ThroughputPanel } from './throughput-panel.tsx';
import { VenueGrid } from './venue-grid.tsx';

afterEach(() => vi.unstubAllGlobals());

test('each panel of a section the system does not offer gives the reason, not an empty panel or an error', async () => {
  const sim = makeSim();
  profiled(sim.sim, {
    name: 'RTES',
    notOffered: [
      { section: 'venues', reason: 'RTES has no venue data' },
      { section: 'services', reason: 'RTES reports no service health' },
      { section: 'metrics', reason: 'RTES publishes no latency or order metrics' },
      { section: 'alerts', reason: 'RTES alerts go to its own pager, not to this API' },
    ],
  });
  renderLive(
    <>
      <VenueGrid />
      <ServiceGrid />
      <LatencyPanel />
      <ErrorRatePanel />
      <ThroughputPanel />
      <AlertsPanel />
    </>,
    { sim },
  );
  const panel = (name: string) => screen.getByRole('region', { name });
  await waitFor(() => expect(panel('Venues')).toHaveTextContent('Not offered: RTES has no venue data'));
  expect(panel('Service health')).toHaveTextContent('RTES reports no service health');
  for (const name of ['Latency p99', 'Error rate', 'Throughput'])
    expect(panel(name)).toHaveTextContent('RTES publishes no latency or order metrics');
  expect(panel('Firing alerts')).toHaveTextContent('RTES alerts go to its own pager');
  // Not data gone missing: no age, no staleness, no warning, no chart.
  for (const name of ['Venues', 'Service health', 'Latency p99', 'Firing alerts']) {
    expect(panel(name)).not.toHaveTextContent(/updated|stale|no data yet/);
    expect(panel(name).querySelector('[role="alert"], [role="listitem"], svg')).toBeNull();
  }
});
