import type { Page } from '@playwright/test';
import type { Snapshot } from '../contract/schemas.ts';
import { board } from './support/board.ts';
import { commandStatus, hold, signIn } from './support/controls.ts';
import { expect, test } from './support/fixtures.ts';
import type { SimProcess } from './support/sim-process.ts';

test('security breach: the commander holds the kill switch; confirmed, orders gone, the desk sees KILLED within 1 s', async ({
  page,
  browser,
  sim,
  store,
  people,
}) => {
  await page.goto('/');
  const desk = await (await browser.newContext()).newPage();
  await desk.goto('/desk');
  await expect(board(desk).tradingStateName).toHaveText('ACTIVE');
  await expect(desk.getByRole('navigation', { name: 'Trading controls' })).toHaveCount(0); // read-only

  await sim.startScenario({ name: 'security-breach' });
  await sim.clock({ advanceMs: 6000 });
  await expect(board(page).alerts).toContainText('UnknownOrders');
  await signIn(page, people.commander);
  await page.getByLabel('Reason').fill('INC-12 unknown orders on three venues');

  // The desk notes when KILLED appears on its screen, by its own clock.
  await desk.evaluate(() => {
    const target = document.querySelector('[data-testid="trading-state"]');
    new MutationObserver(() => {
      if (target?.textContent === 'KILLED') (window as { killedSeenAt?: number }).killedSeenAt ??= Date.now();
    }).observe(target!, { childList: true, characterData: true, subtree: true });
  });
  const simAheadMs = Date.parse((await sim.state()).now) - Date.now(); // the clock was advanced above

  await hold(page, /Kill switch/);
  const status = commandStatus(page, 'Kill switch');
  await expect(status).toHaveAttribute('data-phase', 'confirmed', { timeout: 5000 });
  await expect(status).toHaveText(/CONFIRMED in \d+ ms/);
  await expect(board(desk).tradingStateName).toHaveText('KILLED');
  // From the moment the trading system changed state to the moment the desk showed it.
  const killedAt = Date.parse((await sim.api<Snapshot>('status')).tradingState.changedAt) - simAheadMs;
  const seenAt = await desk.evaluate(() => (window as { killedSeenAt?: number }).killedSeenAt ?? NaN);
  expect(seenAt - killedAt).toBeLessThan(1000);
  // The trading system knows the war-room server that sent it (its credential is the server's);
  // who held the switch is in the war-room's audit log, below.
  await expect(board(desk).tradingState).toContainText(
    'by war-room — “INC-12 unknown orders on three venues”',
  );

  // The trading system's own view: killed, and no open orders left anywhere.
  await expect.poll(async () => (await sim.api<Snapshot>('status')).openOrders).toBe(0);
  expect((await sim.api<Snapshot>('status')).tradingState.state).toBe('KILLED');
  expect(await sim.executed()).toHaveLength(1);
  // Every attempt is in the store's audit log, in the name of the person signed in: accepted, then confirmed.
  await expect
    .poll(async () => {
      const { records } = await store.call<{
        records: { result: string; controlId: string; operator: string }[];
      }>('GET', '/warroom/v1/audit');
      // The answer may come back after the stream already confirmed it: order is not the point.
      return records
        .filter((r) => r.controlId === 'kill-switch')
        .map((r) => `${r.result} by ${r.operator}`)
        .sort();
    })
    .toEqual([`accepted by ${people.commander.name}`, `confirmed by ${people.commander.name}`]);
  await page.screenshot({ path: test.info().outputPath('kill-switch-confirmed.png') });
  await desk.screenshot({ path: test.info().outputPath('desk-killed.png') });
});

/**
 * Samples the page and the simulator together, every 100 ms, for as long as it runs: at no
 * moment may the page say CONFIRMED while the simulator is not halted.
 */
function watchHonesty(page: Page, sim: SimProcess) {
  const violations: string[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const phase = await commandStatus(page, 'Halt trading')
        .getAttribute('data-phase')
        .catch(() => null);
      if (phase === 'confirmed') {
        const state = (await sim.api<Snapshot>('status').catch(() => null))?.tradingState.state;
        if (state !== undefined && state !== 'HALTED')
          violations.push(`confirmed while the simulator was ${state}`);
      }
      await page.waitForTimeout(100);
    }
  })();
  return {
    async stop(): Promise<string[]> {
      running = false;
      await loop;
      return violations;
    },
  };
}

/** Halts under a fault and follows it to confirmation, watching the page's honesty throughout. */
async function haltHonestly(
  page: Page,
  sim: SimProcess,
  commander: { name: string; password: string },
  fault: Parameters<SimProcess['setFault']>[0] | (() => Promise<void>) | null,
  during: () => Promise<void>,
) {
  await page.goto('/');
  await signIn(page, commander);
  if (typeof fault === 'function') await fault();
  else if (fault) await sim.setFault(fault);
  await hold(page, /Halt trading/);
  const status = commandStatus(page, 'Halt trading');
  await expect(status).toBeVisible();
  const watch = watchHonesty(page, sim);
  await during();
  await expect(status).toHaveAttribute('data-phase', 'confirmed', { timeout: 45_000 });
  expect((await sim.api<Snapshot>('status')).tradingState.state).toBe('HALTED');
  expect(await watch.stop()).toEqual([]);
  expect(await sim.executed()).toHaveLength(1);
}

test('halt under an API timeout: retried with the same key, executed once, confirmed only when halted', async ({
  page,
  sim,
  people,
}) => {
  test.setTimeout(90_000);
  // 6 s: longer than the dashboard's 4 s request deadline.
  await haltHonestly(page, sim, people.commander, { kind: 'slow', delayMs: 6000 }, async () => {
    await expect(commandStatus(page, 'Halt trading')).toHaveAttribute('data-phase', /retrying|unconfirmed/, {
      timeout: 10_000,
    });
    await sim.clearFault();
  });
});

test('halt under 5xx: never executed while failing, then executed once and confirmed', async ({
  page,
  sim,
  people,
}) => {
  test.setTimeout(90_000);
  await haltHonestly(page, sim, people.commander, { kind: 'http-500' }, async () => {
    await expect(commandStatus(page, 'Halt trading')).toHaveAttribute('data-phase', 'retrying');
    expect(await sim.executed()).toHaveLength(0);
    await page.screenshot({ path: test.info().outputPath('halt-retrying-5xx.png') });
    await sim.clearFault();
  });
});

test('halt under a 10 s slow API: UNCONFIRMED with the fallback command, then confirmed once the truth arrives', async ({
  page,
  sim,
  people,
}) => {
  test.setTimeout(120_000);
  await haltHonestly(page, sim, people.commander, { kind: 'slow', delayMs: 10_000 }, async () => {
    const status = commandStatus(page, 'Halt trading');
    await expect(status).toHaveAttribute('data-phase', 'unconfirmed', { timeout: 10_000 });
    await expect(status).toContainText('Idempotency-Key');
    await page.screenshot({ path: test.info().outputPath('halt-unconfirmed-slow.png') });
    await page.waitForTimeout(12_000); // the command ran on the simulator after 10 s; the page must still not claim it
    await sim.clearFault();
  });
});

test('halt with the stream dropped: accepted, then confirmed from polling', async ({
  page,
  sim,
  store,
  people,
}) => {
  test.setTimeout(60_000);
  try {
    // The war-room server's stream to the dashboard is cut: the board polls it instead.
    await haltHonestly(
      page,
      sim,
      people.commander,
      () => store.dropStreams(),
      async () => {},
    );
    await expect(board(page).linkStatus).toHaveAttribute('data-phase', 'polling');
  } finally {
    await store.restoreStreams();
  }
});

test('halt against an API whose answers cannot be read: a second hold is the same command; it runs once', async ({
  page,
  sim,
  people,
}) => {
  test.setTimeout(90_000);
  await haltHonestly(page, sim, people.commander, { kind: 'schema-violation' }, async () => {
    const status = commandStatus(page, 'Halt trading');
    await expect(status).toHaveAttribute('data-phase', /retrying|unconfirmed|failed/, { timeout: 10_000 });
    await hold(page, /Halt trading/); // the commander, unsure, holds again
    await page.waitForTimeout(1500);
    expect(await sim.executed()).toHaveLength(1);
    await sim.clearFault();
  });
});
