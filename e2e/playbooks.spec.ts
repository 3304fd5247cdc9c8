import type { Locator, Page } from '@playwright/test';
import type { Snapshot } from '../contract/schemas.ts';
import type { Checklist, IncidentList } from '../contract/store-schemas.ts';
import { board, incidents } from './support/board.ts';
import { commandStatus, hold, signIn } from './support/controls.ts';
import { expect, test } from './support/fixtures.ts';
import type { SimProcess, StoreProcess } from './support/sim-process.ts';

// The playbook story, end to end: a real simulator in an exchange outage, a real store, the
// commander following the suggested playbook and a second viewer watching the same checklist.

/** A title no other test (the store is shared by the run) has used. */
const uniqueTitle = (what: string) => `${what} ${test.info().testId.slice(0, 6)}-${Date.now()}`;

const checklist = (page: Page) => page.getByRole('region', { name: 'Playbook checklist' });
const step = (page: Page, text: RegExp) => checklist(page).getByRole('listitem', { name: text });
const tickBox = (item: Locator) => item.getByRole('checkbox').first();

/** The exchange-outage declaration, through the form as the commander fills it. */
async function declareOutage(page: Page, title: string, venue: string): Promise<void> {
  const i = incidents(page);
  await i.panel.getByRole('button', { name: 'Declare incident' }).click();
  const form = i.declareForm;
  await form.getByLabel('Title').fill(title);
  // Graded in the simulator's own scheme (P1–P4, its profile says); any playbook may answer it.
  await form.getByLabel('Severity', { exact: true }).selectOption('P2');
  await form.getByLabel('Type').selectOption('exchange-outage');
  await form.getByRole('group', { name: 'Affected venues' }).getByRole('checkbox', { name: venue }).check();
  await form.getByRole('button', { name: 'Declare incident' }).click();
  await expect(form).toHaveCount(0);
  await expect(i.view).toHaveAccessibleName(/^Incident INC-\d+$/);
}

async function storedIncidentId(store: StoreProcess, title: string): Promise<string> {
  const { incidents: all } = await store.call<IncidentList>('GET', '/warroom/v1/incidents?status=all');
  const found = all.find((i) => i.title === title);
  if (!found) throw new Error(`the store has no incident titled ${title}`);
  return found.id;
}

const openOrdersOn = async (sim: SimProcess, venueId: string) =>
  (await sim.api<Snapshot>('status')).venues.find((v) => v.id === venueId)?.openOrders;

/**
 * Samples the step's command status and the simulator together for as long as it runs: at no
 * moment may the step say CONFIRMED while the venue still has open orders.
 */
function watchCancelHonesty(status: Locator, sim: SimProcess, venueId: string) {
  const violations: string[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const phase = await status.getAttribute('data-phase', { timeout: 500 }).catch(() => null);
      if (phase === 'confirmed') {
        const open = await openOrdersOn(sim, venueId).catch(() => undefined);
        if (open !== undefined && open !== 0)
          violations.push(`confirmed with ${open} open orders on ${venueId}`);
      }
      await new Promise((r) => setTimeout(r, 100));
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

test('exchange outage: the commander follows the HFT playbook; cancel-all confirms and ticks itself, a second viewer sees the ticks, resume waits for the verification checks', async ({
  page,
  browser,
  sim,
  store,
  people,
}) => {
  test.setTimeout(90_000);
  const title = uniqueTitle('Binance disconnected');

  // The exchange goes away; its resting orders are stuck there.
  await sim.startScenario({ name: 'exchange-outage', venueId: 'binance' });
  await sim.clock({ advanceMs: 12_000 });
  await expect
    .poll(async () => (await sim.api<Snapshot>('status')).venues.find((v) => v.id === 'binance')?.connection)
    .toBe('DISCONNECTED');
  expect(await openOrdersOn(sim, 'binance')).toBeGreaterThan(0);
  await page.goto('/');
  await expect(board(page).venue('Binance')).toHaveAttribute('data-status', 'DISCONNECTED');
  await incidents(page).responderName.fill('Alice Moreau');
  // Signed in, the commander is who the war room names: the store writes the session's person.
  await signIn(page, people.commander);

  // The commander declares the outage with the venue it hit; the HFT playbook is suggested.
  await declareOutage(page, title, 'Binance');
  const id = await storedIncidentId(store, title);
  const suggestion = checklist(page).getByRole('group', { name: 'Suggested playbook' });
  await expect(suggestion).toContainText('HFT: exchange outage');
  await suggestion.getByRole('button', { name: 'Use this playbook' }).click();
  await expect(checklist(page).getByRole('heading', { name: 'HFT: exchange outage' })).toBeVisible();
  await expect(checklist(page).getByRole('region', { name: 'Immediate actions' })).toHaveAttribute(
    'aria-current',
    'step',
  );

  // A second viewer: the desk's wall screen, in its own browser, following the same incident.
  const deskContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const desk = await deskContext.newPage();
  const deskFeed = desk.waitForResponse((r) => r.url().includes('/warroom/v1/stream'));
  await desk.goto('/desk');
  await deskFeed;
  await incidents(desk).row(title).click();
  await expect(checklist(desk).getByRole('heading', { name: 'HFT: exchange outage' })).toBeVisible();

  // The step that cancels every order on the venue fires the declared control (its gesture is a
  // click) and ticks itself only once the simulator really has no open orders there.
  const cancel = step(page, /^Cancel all open orders on the exchange/);
  await expect(tickBox(cancel)).not.toBeChecked();
  await cancel.getByRole('button', { name: 'Cancel all orders on binance' }).click();
  const status = cancel.getByRole('status');
  const honesty = watchCancelHonesty(status, sim, 'binance');
  await expect(status).toHaveAttribute('data-phase', 'confirmed', { timeout: 10_000 });
  expect(await honesty.stop()).toEqual([]);
  expect(await openOrdersOn(sim, 'binance')).toBe(0);
  await expect(tickBox(cancel)).toBeChecked();
  await expect(cancel).toContainText(/Ticked by commander at \d\d:\d\d:\d\d/);
  const executed = await sim.executed();
  expect(executed.filter((c) => c.controlId === 'venue-cancel-all')).toEqual([
    // The trading system knows the war-room server, whose credential the command came with.
    expect.objectContaining({ venueId: 'binance', operator: 'war-room' }),
  ]);

  // A step ticked by hand. The desk notes, by its own clock, when that box turns ticked.
  await desk.evaluate(() => {
    const item = [...document.querySelectorAll('li[aria-label]')].find((li) =>
      li.getAttribute('aria-label')?.startsWith('Confirm the exchange really is unreachable'),
    );
    const box = item?.querySelector<HTMLInputElement>('input[type="checkbox"]');
    if (!item || !box) throw new Error('the desk does not show the step');
    const seen = () => {
      if (box.checked) (window as { tickSeenAt?: number }).tickSeenAt ??= Date.now();
    };
    new MutationObserver(seen).observe(item, { attributes: true, childList: true, subtree: true });
    setInterval(seen, 5); // `checked` is a property: React sets it without touching the DOM tree
  });
  const confirmDown = step(page, /^Confirm the exchange really is unreachable/);
  await tickBox(confirmDown).check();
  await expect(confirmDown).toContainText(/Ticked by commander at \d\d:\d\d:\d\d/); // stored

  // The desk sees both within a couple of seconds.
  await expect(tickBox(step(desk, /^Cancel all open orders on the exchange/))).toBeChecked({ timeout: 2000 });
  await expect(tickBox(step(desk, /^Confirm the exchange really is unreachable/))).toBeChecked({
    timeout: 2000,
  });
  await expect(step(desk, /^Confirm the exchange really is unreachable/)).toContainText(
    'Ticked by commander',
  );
  const stored = await store.call<Checklist>('GET', `/warroom/v1/incidents/${id}/checklist`);
  expect(stored.playbookId).toBe('hft-exchange-outage');
  // From the moment the store recorded the hand tick to the moment the desk showed it (issue 6: 1 s).
  const tickedAt = stored.ticks.find((t) => t.stepId === 'confirm-exchange-down')?.tickedAt;
  const seenAt = await desk.evaluate(() => (window as { tickSeenAt?: number }).tickSeenAt ?? NaN);
  const delayMs = seenAt - Date.parse(tickedAt ?? '');
  test.info().annotations.push({ type: 'desk saw the tick after', description: `${delayMs} ms` });
  console.log(`desk saw the hand tick ${delayMs} ms after the store recorded it`);
  expect(delayMs).toBeLessThan(1000);
  expect(stored.ticks.map((t) => t.stepId).sort()).toEqual(['cancel-open-orders', 'confirm-exchange-down']);
  await page.screenshot({ path: test.info().outputPath('commander-cancel-confirmed.png') });
  await desk.screenshot({ path: test.info().outputPath('desk-sees-ticks.png') });

  // The commander halts while the venue is sorted out; resuming then waits for the playbook.
  await hold(page, /Halt trading/);
  await expect(commandStatus(page, 'Halt trading')).toHaveAttribute('data-phase', 'confirmed', {
    timeout: 5000,
  });
  await sim.stopScenario('exchange-outage');
  await page.getByRole('button', { name: 'Resume trading…' }).click();
  const gate = page.getByRole('group', { name: 'Resume trading' });
  await expect(gate).toContainText(`0 of 2 verification checks ticked — HFT: exchange outage (${id})`);
  await expect(gate.getByRole('list', { name: 'Verification checks not ticked' })).toContainText(
    'Reconcile our positions against the exchange before trading on it',
  );
  await expect(gate.getByRole('button', { name: 'Resume', exact: true })).toHaveCount(0);

  await tickBox(step(page, /^Confirm the exchange is operating normally again/)).check();
  await expect(gate).toContainText('1 of 2 verification checks ticked');
  await tickBox(step(page, /^Reconcile our positions against the exchange/)).check();
  await expect(gate).toContainText(`✓ 2 of 2 verification checks ticked — HFT: exchange outage (${id})`);
  await page.screenshot({ path: test.info().outputPath('resume-verified.png') });
  await hold(page, /^Resume$/);
  await expect(commandStatus(page, 'Resume trading')).toHaveAttribute('data-phase', 'confirmed', {
    timeout: 5000,
  });
  expect((await sim.api<Snapshot>('status')).tradingState).toMatchObject({
    state: 'ACTIVE',
    changedBy: 'war-room',
    reason: `${id}: playbook verification passed — HFT: exchange outage, 2 of 2 checks ticked`,
  });
  await expect(board(desk).tradingStateName).toHaveText('ACTIVE');
  await deskContext.close();
});

test('at 1366×768 the incident and its checklist share the column, the current phase in view', async ({
  page,
}) => {
  // The browser runs six minutes ahead of the store: the incident is six minutes old the moment
  // it is declared, so the current phase is the second one, Assessment, below Immediate actions.
  await page.clock.install({ time: Date.now() + 6 * 60_000 });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await incidents(page).responderName.fill('Bram Okafor');
  await declareOutage(page, uniqueTitle('Kraken session dropped'), 'Kraken');
  await checklist(page).getByRole('button', { name: 'Use this playbook' }).click();

  const assessment = checklist(page).getByRole('region', { name: 'Assessment' });
  await expect(assessment).toHaveAttribute('aria-current', 'step');
  // In view inside the checklist's own scroll, which is itself wholly on screen, beside the
  // incident (its title at least) and above the controls.
  await expect(assessment).toBeInViewport();
  await expect(checklist(page)).toBeInViewport({ ratio: 1 });
  await expect(incidents(page).view.getByRole('heading', { level: 2 })).toBeInViewport();
  await expect(board(page).controls).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: test.info().outputPath('column-1366x768.png') });

  // Folding the incidents gives the checklist the column; showing them brings them back.
  const panel = incidents(page).panel;
  const before = (await checklist(page).boundingBox())!.height;
  await page.getByRole('button', { name: /Fold incidents/ }).click();
  await expect(panel).toBeHidden();
  expect((await checklist(page).boundingBox())!.height).toBeGreaterThan(before + 150);
  await page.getByRole('button', { name: /Show incidents/ }).click();
  await expect(panel).toBeVisible();

  // Declaring another incident: the form is what matters now, and the checklist cedes room to it.
  await panel.getByRole('button', { name: 'Declare incident' }).click();
  await expect(incidents(page).declareForm).toBeVisible();
  await expect.poll(async () => (await checklist(page).boundingBox())!.height).toBeLessThan(before - 100);
  await expect(incidents(page).declareForm.getByLabel('Title')).toBeInViewport();
});
