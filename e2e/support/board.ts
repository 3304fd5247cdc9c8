import type { Page } from '@playwright/test';

// Selectors in one place, by role and name where the page offers them, so that drills and
// tests read like what the commander sees.
export const board = (page: Page) => ({
  tradingState: page.getByRole('region', { name: 'Trading state' }),
  tradingStateName: page.getByTestId('trading-state'),
  latencyPanel: page.getByRole('region', { name: 'Latency p99' }),
  latencyValue: page.getByTestId('latency-p99'),
  errorRate: page.getByTestId('error-rate'),
  services: page.getByRole('region', { name: 'Service health' }),
  alerts: page.getByRole('region', { name: 'Firing alerts' }),
  linkStatus: page.getByTestId('link-status'),
  controls: page.getByRole('navigation', { name: 'Trading controls' }),
  venues: page.getByRole('region', { name: 'Venues' }),
  venue: (name: string) => page.getByRole('region', { name: 'Venues' }).getByRole('listitem', { name }),
  unreachableBanner: page.getByRole('alert').filter({ hasText: 'Trading API unreachable' }),
  streamLostBanner: page.getByRole('status').filter({ hasText: 'Live stream lost' }),
});
