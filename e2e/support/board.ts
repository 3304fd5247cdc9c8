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

// The incidents column: the open-incidents panel, the declare form and the incident opened here.
export const incidents = (page: Page) => {
  const view = page.getByRole('region', { name: /^Incident (INC-\d+|\(not yet in the store\))$/ });
  return {
    panel: page.getByRole('region', { name: 'Open incidents' }),
    responderName: page.getByLabel('Your name'),
    declareForm: page.getByRole('form', { name: 'Declare an incident' }),
    list: page.getByRole('list', { name: 'Incidents' }),
    row: (title: string) =>
      page.getByRole('list', { name: 'Incidents' }).getByRole('button', { name: title }),
    unsynced: page.getByRole('status').filter({ hasText: /\d+ unsynced/ }),
    refused: page.getByRole('alert').filter({ hasText: 'The store refused' }),
    view,
    status: view.getByRole('group', { name: 'Status' }),
    timeline: view.getByRole('region', { name: 'Timeline' }),
    timelineItems: view.getByRole('region', { name: 'Timeline' }).getByRole('listitem'),
    noteText: view.getByLabel('Note', { exact: true }),
    role: (label: string) => view.getByRole('textbox', { name: label, exact: true }),
    setRole: (label: string) => view.getByRole('button', { name: `Set ${label}` }),
  };
};
