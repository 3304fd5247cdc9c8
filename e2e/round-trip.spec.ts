import { board } from './support/board.ts';
import { expect, test } from './support/fixtures.ts';

test('the board shows the live trading state and p99 from the simulator, with its data age', async ({
  page,
}) => {
  await page.goto('/');
  const b = board(page);
  await expect(b.tradingStateName).toHaveText('ACTIVE');
  await expect(b.tradingState).toContainText('start of day');
  await expect(b.latencyValue).toHaveText(/^\d+(\.\d+)? µs$/);
  await expect(b.latencyPanel).toContainText(/updated \d+\.\d s ago/);

  // Live: new windows keep arriving. (Not "the figure changes": p99 comes from histogram
  // buckets, so a calm market can show the same figure several windows running.)
  const first = Number(await b.linkStatus.getAttribute('data-event-id'));
  await expect
    .poll(async () => Number(await b.linkStatus.getAttribute('data-event-id')), { timeout: 10_000 })
    .toBeGreaterThan(first + 2);
  await expect(b.latencyPanel).toContainText(/updated [0-2]\.\d s ago/);
  await expect(b.venue('Binance')).toContainText('CONNECTED');
  await page.screenshot({ path: test.info().outputPath('board-normal.png') });
});

test('an exchange outage started through drill control shows on the page within 2 s', async ({
  page,
  sim,
}) => {
  await page.goto('/');
  const b = board(page);
  await expect(b.venue('Binance')).toContainText('CONNECTED');

  await sim.startScenario({ name: 'exchange-outage', venueId: 'binance' });
  const started = Date.now();
  await expect(b.venue('Binance')).not.toContainText('CONNECTED', { timeout: 2000 });
  expect(Date.now() - started).toBeLessThan(2000);
  await expect(b.venue('Bybit')).toContainText('CONNECTED');
  await page.screenshot({ path: test.info().outputPath('board-exchange-outage.png') });
});

test('killing the trading system keeps last-known values on screen, then recovers by itself', async ({
  page,
  sim,
}) => {
  await page.goto('/');
  const b = board(page);
  await expect(b.tradingStateName).toHaveText('ACTIVE');
  await expect(b.latencyValue).toHaveText(/µs$/);

  await sim.kill();
  await expect(b.unreachableBanner).toBeVisible({ timeout: 10_000 });
  await expect(b.unreachableBanner).toContainText(/since \d\d:\d\d:\d\d/);
  await expect(b.unreachableBanner).toContainText(/last-known values from \d/);
  // Read once the link is down, not before the kill: until then events keep arriving (on a busy
  // machine one can land between a read and the kill), and after it nothing can change the figure.
  const lastKnown = await b.latencyValue.textContent();
  expect(lastKnown).toMatch(/µs$/);
  // Last-known values stay, marked stale with their age: never a blank page or a spinner.
  await expect(b.tradingStateName).toHaveText('ACTIVE');
  await expect(b.latencyPanel).toContainText(/stale \d/);
  await expect(b.latencyValue).toHaveText(lastKnown!);
  await page.screenshot({ path: test.info().outputPath('board-api-down.png') });

  await sim.start();
  await expect(b.unreachableBanner).toBeHidden({ timeout: 15_000 });
  await expect(b.latencyPanel).toContainText(/updated \d+\.\d s ago/);
  await expect(b.tradingStateName).toHaveText('ACTIVE');
});
