import type { Page } from '@playwright/test';
import type { EventPage, MetricWindow, Snapshot } from '../contract/schemas.ts';
import { board } from './support/board.ts';
import { expect, test } from './support/fixtures.ts';
import type { SimProcess } from './support/sim-process.ts';

/** When (epoch ms, by the simulator's clock) the first window past `limitUs` closed. */
async function firstWindowOver(sim: SimProcess, limitUs: number): Promise<number> {
  const page = await sim.api<EventPage>('events?after=0&limit=1000');
  const window = page.events
    .flatMap((e) => (e.type === 'metrics.window' ? [e.window] : []))
    .find((w: MetricWindow) => (w.latencyP99?.value ?? 0) > limitUs);
  if (!window) throw new Error(`no window over ${limitUs} µs yet`);
  return Date.parse(window.end);
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

test('latency degradation: the p99 panel turns warning, then critical, within 2 s of the simulator crossing', async ({
  page,
  sim,
}) => {
  await page.goto('/');
  const b = board(page);
  await expect(b.latencyValue).toHaveAttribute('data-level', 'normal');
  await sim.startScenario({ name: 'latency-degradation' });

  await expect(b.latencyValue).toHaveAttribute('data-level', 'warning', { timeout: 15_000 });
  const sawWarning = Date.now();
  expect(sawWarning - (await firstWindowOver(sim, 50))).toBeLessThan(2000);
  await shoot(page, 'latency-warning');

  await expect(b.latencyValue).toHaveAttribute('data-level', 'critical', { timeout: 15_000 });
  const sawCritical = Date.now();
  expect(sawCritical - (await firstWindowOver(sim, 100))).toBeLessThan(2000);
  await expect(b.alerts).toContainText('LatencyP99High');
  await shoot(page, 'latency-critical');
});

test('exchange outage: a venue silent for 30 s shows DOWN within 2 s, not before', async ({ page, sim }) => {
  await page.goto('/');
  const binance = board(page).venue('Binance');
  await expect(binance).toHaveAttribute('data-status', 'CONNECTED');
  // The moment the page first shows DOWN, stamped by the page itself: no sampling at a guessed time.
  await page.evaluate(() => {
    const w = window as { downSeenAt?: number };
    new MutationObserver(() => {
      const tile = document.querySelector('[aria-label="Binance"][data-status]');
      if (tile?.getAttribute('data-status') === 'DOWN') w.downSeenAt ??= Date.now();
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  // Skip most of the wait with the simulator's clock paused, so that however long the steps take
  // on a busy machine the silence is 25 s when it runs again at real speed.
  await sim.clock({ paused: true });
  await sim.startScenario({ name: 'exchange-outage', venueId: 'binance' });
  await sim.clock({ advanceMs: 25_000 });
  const status = await sim.api<Snapshot>('status');
  const lastData = Date.parse(status.venues.find((v) => v.id === 'binance')!.lastMarketDataAt!);
  await expect(binance).toHaveAttribute('data-status', 'DISCONNECTED');

  const resumedAt = Date.now();
  await sim.clock({ paused: false });
  const downAtRealTime = resumedAt + (lastData + 30_000 - Date.parse(status.asOf));
  await expect(binance).toHaveAttribute('data-status', 'DOWN', { timeout: 10_000 });
  const seenAt = await page.evaluate(() => (window as { downSeenAt?: number }).downSeenAt ?? NaN);
  expect(seenAt).toBeGreaterThan(downAtRealTime - 700);
  expect(seenAt - downAtRealTime).toBeLessThan(2000);
  await expect(board(page).venue('Bybit')).toHaveAttribute('data-status', 'CONNECTED');
  await shoot(page, 'exchange-outage-down');
});

test('stream drop: the board falls back to polling and returns to the stream without losing an event', async ({
  page,
  store,
}) => {
  await page.goto('/');
  const b = board(page);
  await expect(b.linkStatus).toHaveAttribute('data-phase', 'live');

  // The war-room server's own stream to the dashboard is cut (the simulator is read by polling).
  await store.dropStreams();
  // Behind a proxy the drop is noticed by the silence watchdog (two missed heartbeats).
  await expect(b.linkStatus).toHaveAttribute('data-phase', 'polling', { timeout: 10_000 });
  await expect(b.streamLostBanner).toBeVisible();
  // Polling keeps the board current: events keep arriving while the stream is refused.
  const during = Number(await b.linkStatus.getAttribute('data-event-id'));
  await expect
    .poll(async () => Number(await b.linkStatus.getAttribute('data-event-id')))
    .toBeGreaterThan(during + 3);
  await shoot(page, 'stream-drop-polling');

  await store.restoreStreams();
  await expect(b.linkStatus).toHaveAttribute('data-phase', 'live', { timeout: 15_000 });
  await expect(b.streamLostBanner).toBeHidden();
  // Caught up with the server, having never started over from a snapshot: nothing was lost.
  await expect
    .poll(
      async () => Number(await b.linkStatus.getAttribute('data-event-id')) >= (await store.lastEventId()) - 5,
    )
    .toBe(true);
  await expect(b.linkStatus).toHaveAttribute('data-resyncs', '0');
});

test('bad data: a payload that breaks the contract is named in its panels while the others keep working', async ({
  page,
  sim,
}) => {
  await page.goto('/');
  const b = board(page);
  await expect(b.tradingStateName).toHaveText('ACTIVE');
  await sim.setFault({ kind: 'schema-violation' });
  // The war-room server reads the simulator: what does not fit is named in the panels it costs.
  await expect(b.latencyPanel).toContainText('Cannot be read from the trading system', { timeout: 10_000 });
  await expect(b.latencyPanel).toContainText('errorRate');
  await expect(b.tradingState).toContainText('The trading state cannot be read from');
  await expect(b.tradingState).toContainText('"PAUSED"');
  await expect(b.tradingStateName).toHaveText('ACTIVE'); // the last valid state, said to be so
  // The other panels are not merely showing old values: they stay live.
  await expect(b.venues).toContainText(/updated \d\.\d s ago/);
  await expect(b.venues).not.toContainText('Invalid data');
  const eventId = Number(await b.linkStatus.getAttribute('data-event-id'));
  await expect
    .poll(async () => Number(await b.linkStatus.getAttribute('data-event-id')))
    .toBeGreaterThan(eventId + 2);
  await expect(b.venues).toContainText(/updated \d\.\d s ago/);
  await shoot(page, 'schema-violation');

  await sim.setFault({ kind: 'malformed-json' });
  // Every panel the unreadable answer feeds says so; the first is enough to see.
  await expect(page.getByRole('alert').filter({ hasText: 'not valid JSON' }).first()).toBeVisible({
    timeout: 15_000,
  });
  await expect(b.tradingStateName).toHaveText('ACTIVE');
  await shoot(page, 'malformed-json');
});

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
]) {
  test(`the board fits ${viewport.width}×${viewport.height} with the controls bar always in view`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto('/');
    await expect(board(page).tradingStateName).toHaveText('ACTIVE');
    await expect(board(page).latencyValue).toHaveText(/µs$/);
    await expect(page.locator('.recharts-line').first()).toBeVisible();
    await expect(board(page).controls).toBeInViewport();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shoot(page, `board-${viewport.width}x${viewport.height}`);
  });
}

/** Each scenario and what must be visible on the board once it runs. */
const scenarios = [
  ['exchange-outage', 'ExchangeDisconnected'],
  ['latency-degradation', 'LatencyP99High'],
  ['error-storm', 'ErrorRateHigh'],
  ['risk-alert-storm', 'RiskLimitBreach'],
  ['db-pool-exhaustion', 'ServiceDown'],
  ['security-breach', 'UnknownOrders'],
  ['system-crash', 'Trading API unreachable'],
] as const;

test('a screenshot of the board in each scenario, kept as an artifact', async ({ page, sim }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(board(page).tradingStateName).toHaveText('ACTIVE');
  await shoot(page, 'scenario-normal');
  for (const [name, visible] of scenarios) {
    await sim.startScenario({ name });
    await sim.clock({ advanceMs: 12_000 });
    await expect(page.getByText(visible).first()).toBeVisible({ timeout: 10_000 });
    await shoot(page, `scenario-${name}`);
    await sim.stopScenario(name);
    await sim.clock({ advanceMs: 15_000 });
    await expect(board(page).unreachableBanner).toBeHidden({ timeout: 15_000 });
  }
});
