import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Alert } from '../../../contract/schemas.ts';
import { snapshotFixture } from '../../../contract/fixtures.ts';
import { makeTradingApiDown, makeTradingApiServe } from '../../../sim/msw/handlers.ts';
import { server } from '../../testing/msw-server.ts';
import { makeSim, renderLive } from '../../testing/render-live.tsx';
import { AlertsPanel } from './alerts-panel.tsx';

/** Serves `body()` as the snapshot; a gap on every events poll sends the client back to it. */
const serve = (body: () => unknown) => makeTradingApiServe('/api/v1', body);

const region = () => screen.getByRole('region', { name: 'Firing alerts' });
const list = () => within(region()).getByRole('list', { name: 'Firing alerts' });
/** Top-level rows only: a group's expanded members are not rows of the panel. */
const rows = () =>
  within(list())
    .getAllByRole('listitem')
    .filter((li) => li.parentElement === list());

afterEach(() => vi.unstubAllGlobals());

describe('AlertsPanel', () => {
  test('a calm system says no alerts are firing', async () => {
    renderLive(<AlertsPanel />, { sim: makeSim() });
    expect(region()).toHaveTextContent('no data yet — waiting for the trading API');
    expect(await within(region()).findByText('No alerts firing')).toBeInTheDocument();
  });

  test('exchange-outage: the critical alert comes first, each with severity word, subject and duration', async () => {
    const sim = makeSim({ scenarios: [{ name: 'exchange-outage', venueId: 'binance' }] });
    const { advance } = renderLive(<AlertsPanel />, { sim });
    await within(region()).findByText('No alerts firing');

    advance(12_000);
    await within(region()).findByRole('listitem', { name: 'ExchangeDisconnected' });
    // MarketDataStale started first, but critical outranks how long a warning has burned.
    expect(rows().map((r) => r.getAttribute('aria-label'))).toEqual([
      'ExchangeDisconnected',
      'MarketDataStale',
    ]);
    const [critical, warning] = rows();
    expect(critical).toHaveTextContent('✖ CRITICAL');
    expect(critical).toHaveTextContent('Session to Binance dropped');
    expect(critical).toHaveTextContent('on binance');
    expect(warning).toHaveTextContent('▲ WARNING');
    expect(warning).toHaveTextContent('No market data from Binance for over 5 s');
    // Durations count on the trading system's clock: the warning started 5 s into the silence,
    // the critical at 10 s, so the warning has burned longer — and is still listed second.
    const burned = (row: HTMLElement) => Number(/for (\d+(?:\.\d)?) s/.exec(row.textContent ?? '')?.[1]);
    expect(burned(warning!) - burned(critical!)).toBeCloseTo(5, 0);
    expect(region()).toHaveTextContent('2 firing · 1 critical');
  });

  test('risk-alert-storm: the breaches fold into one row with a count, which expands', async () => {
    const { advance } = renderLive(<AlertsPanel />, {
      sim: makeSim({ scenarios: [{ name: 'risk-alert-storm' }] }),
    });
    await within(region()).findByText('No alerts firing');

    advance(20_000);
    const group = await within(region()).findByRole('listitem', { name: /^RiskLimitBreach × \d+$/ });
    const count = Number(group.getAttribute('aria-label')!.split('× ')[1]);
    expect(count).toBeGreaterThanOrEqual(3);
    expect(rows()).toHaveLength(1);
    expect(region()).toHaveTextContent(`${count} firing · 0 critical`);

    await userEvent.click(within(group).getByRole('button', { name: `show all ${count}` }));
    expect(within(group).getAllByRole('listitem')).toHaveLength(count);
  });

  test('a storm of 23 stays one scrolling row; critical first, durations by the system clock', async () => {
    const alert = (name: string, severity: Alert['severity'], since: string, i = 0): Alert => ({
      id: `${name}:${i}`,
      name,
      severity,
      summary: `${name} number ${i}`,
      since,
      subject: `book-${i}`,
    });
    const storm = Array.from({ length: 23 }, (_, i) =>
      alert('RiskLimitBreach', 'warning', `2025-03-14T09:28:${String(i).padStart(2, '0')}.000Z`, i),
    );
    const snapshot = {
      ...snapshotFixture,
      alerts: [
        ...storm,
        alert('MarketDataStale', 'warning', '2025-03-14T09:29:00.000Z', 1),
        alert('MarketDataStale', 'warning', '2025-03-14T09:29:30.000Z', 2),
        alert('ExchangeDisconnected', 'critical', '2025-03-14T09:30:00.000Z'),
      ],
    };
    renderLive(<AlertsPanel />, { handlers: serve(() => snapshot) });

    await within(region()).findByRole('list', { name: 'Firing alerts' });
    expect(region()).toHaveTextContent('26 firing · 1 critical');
    expect(rows().map((r) => r.getAttribute('aria-label'))).toEqual([
      'ExchangeDisconnected',
      'RiskLimitBreach × 23',
      'MarketDataStale',
      'MarketDataStale',
    ]);
    // asOf is 09:30:05: the oldest breach has burned 2 min 05 s on the trading system's clock.
    expect(rows()[1]).toHaveTextContent('for 2 min 05 s');
    expect(rows()[0]).toHaveTextContent('for 5.0 s');
    expect(list()).toHaveClass('overflow-auto');

    const group = rows()[1]!;
    const toggle = within(group).getByRole('button', { name: 'show all 23' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    expect(within(group).getAllByRole('listitem')).toHaveLength(23);
    expect(within(group).getAllByRole('listitem')[0]).toHaveTextContent('RiskLimitBreach number 0');
    await userEvent.click(within(group).getByRole('button', { name: 'hide' }));
    expect(within(group).queryAllByRole('listitem')).toHaveLength(0);
  });

  test('when the trading API dies the alerts stay, greyed, and the panel says stale', async () => {
    const sim = makeSim({ scenarios: [{ name: 'exchange-outage', venueId: 'binance' }] });
    const { advance, dropStream } = renderLive(<AlertsPanel />, { sim });
    await within(region()).findByText('No alerts firing');
    advance(12_000);
    await within(region()).findByRole('listitem', { name: 'ExchangeDisconnected' });

    server.use(...makeTradingApiDown('/api/v1'));
    dropStream();
    await waitFor(() => expect(region()).toHaveTextContent(/stale \d/));
    expect(rows()).toHaveLength(2);
    expect(list().closest('.opacity-50')).not.toBeNull();
  });

  test('alerts that never arrived valid are named as such, with what was wrong', async () => {
    const snapshot = structuredClone(snapshotFixture) as unknown as { alerts: { severity: string }[] };
    snapshot.alerts[0]!.severity = 'info';
    renderLive(<AlertsPanel />, { handlers: serve(() => snapshot) });

    expect(await within(region()).findByRole('alert')).toHaveTextContent(
      /Invalid data from the trading API: status snapshot: alerts\[0\]\.severity/,
    );
    expect(region()).toHaveTextContent('no valid data received');
    expect(region()).not.toHaveTextContent('No alerts firing');
  });

  test('a silenced alert still fires, and says until when, by whom and why', async () => {
    const until = Date.parse(snapshotFixture.asOf) + 30 * 60_000;
    const alert = snapshotFixture.alerts[0]!;
    const snapshot = {
      ...structuredClone(snapshotFixture),
      alerts: [
        {
          ...alert,
          silence: { id: 's-1', until: new Date(until).toISOString(), by: 'alice', comment: 'INC-4: known' },
        },
      ],
    };
    renderLive(<AlertsPanel />, { handlers: serve(() => snapshot) });
    const row = await within(region()).findByRole('listitem', { name: alert.name });
    expect(row).toHaveTextContent(/SILENCED until \d\d:\d\d:\d\d by alice — “INC-4: known”/);
    expect(region()).toHaveTextContent('1 firing');
  });
});
