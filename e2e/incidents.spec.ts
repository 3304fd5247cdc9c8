import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { Incident, IncidentList, Timeline } from '../contract/store-schemas.ts';
import { incidents } from './support/board.ts';
import { expect, test } from './support/fixtures.ts';
import type { StoreProcess } from './support/sim-process.ts';

/** A title no other test (the store is shared by the run) has used. */
const uniqueTitle = (what: string) => `${what} ${test.info().testId.slice(0, 6)}-${Date.now()}`;

/** The whole screen, and the incident opened on it (the column scrolls, so it gets its own picture). */
async function shoot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
  const view = incidents(page).view;
  if ((await view.count()) > 0)
    await view.screenshot({ path: test.info().outputPath(`${name}-incident.png`) });
}

/** Says who is at this keyboard, as the timeline will name them. */
async function sayWhoIAm(page: Page, name: string) {
  await incidents(page).responderName.fill(name);
}

/** Declares through the form, as the commander does: one step, every field the store needs. */
async function declare(
  page: Page,
  incident: { title: string; severity: string; venue: string; note?: string },
): Promise<void> {
  const i = incidents(page);
  await i.panel.getByRole('button', { name: 'Declare incident' }).click();
  const form = i.declareForm;
  await form.getByLabel('Title').fill(incident.title);
  // The simulator's profile grades its incidents P1–P4: the form says so rather than asking.
  await expect(form).toContainText(
    'Severity scheme: P1–P4, as Simulated trading system grades its incidents',
  );
  await form.getByLabel('Severity', { exact: true }).selectOption(incident.severity);
  await form.getByLabel('Type').selectOption('exchange-outage');
  await form
    .getByRole('group', { name: 'Affected venues' })
    .getByRole('checkbox', { name: incident.venue })
    .check();
  if (incident.note) await form.getByLabel('First note (optional)').fill(incident.note);
  await form.getByRole('button', { name: 'Declare incident' }).click();
  await expect(form).toHaveCount(0);
}

/** The store's own record of the incident with this title: the test's independent truth. */
async function storedIncident(store: StoreProcess, title: string): Promise<Incident> {
  const { incidents: all } = await store.call<IncidentList>('GET', '/warroom/v1/incidents?status=all');
  const found = all.find((i) => i.title === title);
  if (!found) throw new Error(`the store has no incident titled ${title}`);
  return found;
}

const storedTimeline = async (store: StoreProcess, id: string) =>
  (await store.call<Timeline>('GET', `/warroom/v1/incidents/${id}/timeline`)).events;

test('the commander declares an exchange outage; the desk sees it within 1 s, then the acknowledgement and the status', async ({
  page,
  browser,
  store,
}) => {
  const title = uniqueTitle('Binance sessions dropping');
  await page.goto('/');
  await sayWhoIAm(page, 'Alice Moreau');
  const commander = incidents(page);
  await expect(commander.list).toBeAttached();

  // The trading desk's wall screen, in its own browser.
  const deskContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const desk = await deskContext.newPage();
  const deskStream = desk.waitForResponse((r) => r.url().includes('/warroom/v1/stream'));
  await desk.goto('/desk');
  await expect(desk.getByRole('navigation', { name: 'Trading controls' })).toHaveCount(0); // read-only
  await deskStream; // the desk hears the store's change feed live
  const deskIncidents = incidents(desk);
  await expect(deskIncidents.row(title)).toHaveCount(0);

  // The desk notes, by its own clock, when the title first appears on its screen.
  await desk.evaluate((wanted) => {
    const column = document.querySelector('aside[aria-label="Incident and playbook"]');
    if (!column) throw new Error('the desk has no incident column');
    new MutationObserver(() => {
      if (column.textContent?.includes(wanted))
        (window as { incidentSeenAt?: number }).incidentSeenAt ??= Date.now();
    }).observe(column, { childList: true, characterData: true, subtree: true });
  }, title);

  await declare(page, { title, severity: 'P1', venue: 'Binance' });
  await expect(commander.view).toHaveAccessibleName(/^Incident INC-\d+$/);
  await expect(commander.view).toContainText(title);
  await expect(commander.view).toContainText('affects Binance');
  await expect(commander.unsynced).toHaveCount(0);
  await shoot(page, 'commander-declared');

  await expect(deskIncidents.row(title)).toBeVisible();
  const stored = await storedIncident(store, title);
  expect(stored).toMatchObject({
    systemId: 'sim',
    severityScheme: 'P1-P4',
    severity: 'P1',
    type: 'exchange-outage',
    affectedVenues: ['Binance'],
    declaredBy: 'Alice Moreau',
    status: 'INVESTIGATING',
  });
  const seenAt = await desk.evaluate(() => (window as { incidentSeenAt?: number }).incidentSeenAt ?? NaN);
  // From the moment the store recorded the declaration to the moment the desk showed it.
  const delayMs = seenAt - Date.parse(stored.declaredAt);
  test.info().annotations.push({ type: 'desk saw the declaration after', description: `${delayMs} ms` });
  expect(delayMs).toBeLessThan(1000);
  const deskRow = deskIncidents.row(title);
  await expect(deskRow).toHaveAccessibleName(`${stored.id} ${title}`);
  await expect(deskRow).toContainText('P1 critical');
  await expect(deskRow).toContainText('Simulated trading system');
  await expect(deskRow).toContainText('Investigating');
  await shoot(desk, 'desk-sees-declaration');

  // The desk opens it to follow along; the commander acknowledges and moves the status.
  await deskRow.click();
  await expect(deskIncidents.view).toHaveAccessibleName(`Incident ${stored.id}`);
  await expect(deskIncidents.view.getByRole('button', { name: 'Acknowledge' })).toBeVisible();

  await commander.view.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(commander.view).toContainText('Acknowledged by Alice Moreau');
  await commander.status.getByRole('button', { name: 'Identified' }).click();
  await expect(commander.status.getByRole('button', { name: 'Identified' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await expect(deskIncidents.view).toContainText('Acknowledged by Alice Moreau', { timeout: 2000 });
  await expect(deskIncidents.view.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);
  await expect(deskIncidents.status.getByRole('button', { name: 'Identified' })).toHaveAttribute(
    'aria-pressed',
    'true',
    { timeout: 2000 },
  );
  await expect(deskRow).toContainText('Identified');
  await expect(
    deskIncidents.timelineItems.filter({ hasText: 'Alice Moreau acknowledged the incident' }),
  ).toHaveCount(1);
  await expect(deskIncidents.timelineItems.filter({ hasText: 'INVESTIGATING → IDENTIFIED' })).toHaveCount(1);
  await shoot(desk, 'desk-sees-ack-and-status');

  const after = await store.call<Incident>('GET', `/warroom/v1/incidents/${stored.id}`);
  expect(after).toMatchObject({ acknowledgedBy: 'Alice Moreau', status: 'IDENTIFIED' });
  await deskContext.close();
});

test('the store is killed mid-edit: notes, status and role are kept (across a reload) and delivered once', async ({
  page,
  store,
}) => {
  test.setTimeout(90_000);
  const title = uniqueTitle('Binance order gateway stalls');
  const notes = [
    `Binance FIX session reconnect loop seen on gw-3 (${title})`,
    `Failover to gw-4 started, waiting for the exchange (${title})`,
  ];
  await page.goto('/');
  await sayWhoIAm(page, 'Bram Okafor');
  const i = incidents(page);
  await declare(page, { title, severity: 'P2', venue: 'Binance' });
  await expect(i.view).toHaveAccessibleName(/^Incident INC-\d+$/);
  const { id } = await storedIncident(store, title);
  const before = await storedTimeline(store, id);
  expect(before.map((e) => e.type)).toEqual(['incident.declared']);

  // The store crashes while the war room is working the incident.
  await store.kill();

  await i.noteText.fill(notes[0]!);
  await i.view.getByRole('button', { name: 'Add note' }).click();
  await i.noteText.fill(notes[1]!);
  await i.view.getByRole('button', { name: 'Add note' }).click();
  await i.status.getByRole('button', { name: 'Identified' }).click();
  await i.role('Incident commander').fill('Bram Okafor');
  await i.setRole('Incident commander').click();

  // Nothing is lost and nothing pretends to be saved: four edits waiting, all still on screen.
  await expect(i.unsynced).toContainText('4 unsynced');
  await expect(i.unsynced).toContainText('the store is unreachable', { timeout: 15_000 });
  for (const note of notes)
    await expect(i.timelineItems.filter({ hasText: note })).toContainText('(unsynced)');
  await expect(i.status.getByRole('button', { name: 'Identified' })).toHaveAttribute('aria-pressed', 'true');
  await expect(i.role('Incident commander')).toHaveValue('Bram Okafor');
  await expect(i.row(title)).toContainText('Identified');
  await expect(i.refused).toHaveCount(0);
  await shoot(page, 'offline-edits-pending');

  // A reload while the store is still down: the queue is in the browser, not in the page.
  await page.reload();
  await expect(i.unsynced).toContainText('4 unsynced');
  await expect(i.unsynced).toContainText('the store is unreachable', { timeout: 15_000 });
  // What was read before the reload is kept too: the incident is still there, with the edits laid
  // over it, and can be opened; the page says it is last known rather than live.
  await expect(
    page.getByText(/^Last known as of \d\d:\d\d:\d\d: the war-room store has not answered/),
  ).toBeVisible({
    timeout: 15_000,
  });
  await expect(i.row(title)).toContainText('Identified');
  await i.row(title).click();
  await expect(i.view).toHaveAccessibleName(`Incident ${id}`);
  for (const note of notes)
    await expect(i.timelineItems.filter({ hasText: note })).toContainText('(unsynced)');
  await expect(i.refused).toHaveCount(0);
  await shoot(page, 'offline-edits-after-reload');

  // The store comes back on the same database: the queue drains by itself.
  await store.start();
  await expect(i.unsynced).toHaveCount(0, { timeout: 20_000 });
  await expect(i.refused).toHaveCount(0);
  await i.row(title).click();
  await expect(i.view).toHaveAccessibleName(`Incident ${id}`);
  for (const note of notes) {
    await expect(i.timelineItems.filter({ hasText: note })).toHaveCount(1);
    await expect(i.timelineItems.filter({ hasText: note })).not.toContainText('(unsynced)');
  }
  await expect(i.timelineItems.filter({ hasText: 'INVESTIGATING → IDENTIFIED' })).toHaveCount(1);
  await expect(i.timelineItems.filter({ hasText: 'Bram Okafor is incident commander' })).toHaveCount(1);
  await shoot(page, 'offline-edits-delivered');

  // The store's own record: each edit exactly once, in the order it was made, by its author
  // (alerts the dashboard reports to every open incident are not edits and are left out).
  const events = (await storedTimeline(store, id)).filter((e) => !e.type.startsWith('alert.'));
  expect(events.map((e) => [e.type, e.text, e.actor])).toEqual([
    ['incident.declared', `P2 exchange-outage declared: ${title}`, 'Bram Okafor'],
    ['note', notes[0], 'Bram Okafor'],
    ['note', notes[1], 'Bram Okafor'],
    ['incident.status-changed', 'INVESTIGATING → IDENTIFIED', 'Bram Okafor'],
    ['role.assigned', 'Bram Okafor is incident commander', 'Bram Okafor'],
  ]);
  const incident = await store.call<Incident>('GET', `/warroom/v1/incidents/${id}`);
  expect(incident).toMatchObject({ status: 'IDENTIFIED', roles: { commander: 'Bram Okafor' } });
});

test('post-mortem: an exchange outage with notes, a fired alert and its resolution exports with its timeline', async ({
  page,
  sim,
  store,
}) => {
  test.setTimeout(90_000);
  const title = uniqueTitle('Binance market data gone');
  const notes = [
    'Binance market data silent since the open; quotes pulled on that venue',
    'Exchange confirms a matching-engine restart | ETA 10 min',
  ];
  await page.goto('/');
  await sayWhoIAm(page, 'Chen Wei');
  const i = incidents(page);
  await declare(page, { title, severity: 'P1', venue: 'Binance', note: notes[0] });
  await expect(i.view).toHaveAccessibleName(/^Incident INC-\d+$/);
  const { id } = await storedIncident(store, title);
  await i.view.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(i.view).toContainText('Acknowledged by Chen Wei');

  // The outage happens while the incident is open: the dashboard puts the alert on its timeline.
  await sim.startScenario({ name: 'exchange-outage', venueId: 'binance' });
  await sim.clock({ advanceMs: 12_000 });
  const fired = i.timelineItems.filter({ hasText: 'MarketDataStale firing on binance' });
  await expect(fired).toHaveCount(1, { timeout: 15_000 });
  await expect(fired).toHaveAttribute('data-type', 'alert.fired');
  await expect(i.timelineItems.filter({ hasText: 'ExchangeDisconnected firing on binance' })).toHaveCount(1);

  await i.noteText.fill(notes[1]!);
  await i.view.getByRole('button', { name: 'Add note' }).click();
  await expect(i.timelineItems.filter({ hasText: 'matching-engine restart' })).not.toContainText(
    '(unsynced)',
  );
  await i.status.getByRole('button', { name: 'Resolved' }).click();
  await expect(
    i.view.getByRole('group', { name: 'Status' }).getByRole('button', { name: 'Reopen' }),
  ).toBeVisible();
  await expect(i.timelineItems.filter({ hasText: 'INVESTIGATING → RESOLVED' })).toHaveCount(1);
  await expect(i.unsynced).toHaveCount(0);
  await shoot(page, 'post-mortem-incident-resolved');

  const download = page.waitForEvent('download');
  await i.view.getByRole('button', { name: 'Export post-mortem (.md)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${id}-post-mortem.md`);
  const markdown = await readFile(await file.path(), 'utf8');
  await test.info().attach('post-mortem.md', { body: markdown, contentType: 'text/markdown' });

  // The summary: what the store holds about the incident.
  expect(markdown).toContain(`# Post-incident review: ${id} — ${title}`);
  expect(markdown).toContain('Blameless');
  const summary = section(markdown, 'Summary');
  expect(summary).toContain(`| Title | ${title} |`);
  expect(summary).toContain('| Severity | P1 critical');
  expect(summary).toContain('| Type | Exchange outage |');
  expect(summary).toContain('| Status | Resolved |');
  expect(summary).toMatch(/\| Declared \| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC by Chen Wei \|/);
  expect(summary).toMatch(/\| Acknowledged \| .* by Chen Wei \|/);
  expect(summary).toMatch(/\| Resolved \| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \|/);
  expect(summary).toContain('| Venues affected | Binance |');

  // The timeline table: every event the store recorded, in order, with its time and author.
  const timeline = section(markdown, 'Timeline');
  expect(timeline).toContain('| Time (UTC) | Who | What |');
  const rows = timeline.split('\n').filter((line) => /^\| \d{4}-/.test(line));
  const stored = await storedTimeline(store, id);
  expect(rows).toHaveLength(stored.length);
  const expected = [
    ['Chen Wei', `Declared: P1 exchange-outage declared: ${title}`],
    ['Chen Wei', `Note: ${notes[0]}`],
    ['Chen Wei', 'Acknowledged: Chen Wei acknowledged the incident'],
    ['system', 'Alert fired: MarketDataStale firing on binance: No market data from Binance for over 5 s'],
    // A pipe typed in a note must not break the table.
    ['Chen Wei', 'Note: Exchange confirms a matching-engine restart \\| ETA 10 min'],
    ['Chen Wei', 'Status: INVESTIGATING → RESOLVED'],
  ];
  let at = 0;
  for (const [who, what] of expected) {
    const found = rows.findIndex((row, n) => n >= at && row.endsWith(`| ${who} | ${what} |`));
    expect(found, `timeline row "${who} | ${what}" after row ${at}`).toBeGreaterThanOrEqual(at);
    at = found + 1;
  }
  expect(
    rows.filter((r) => r.includes('ExchangeDisconnected firing on binance: Session to Binance dropped')),
  ).toHaveLength(1);
  // Times are the store's, to the second.
  const firstStored = stored[0]!;
  expect(rows[0]).toContain(`| ${firstStored.at.slice(0, 19).replace('T', ' ')} UTC |`);

  // The sections the team fills in.
  for (const heading of ['Impact', 'Root cause', 'Action items', 'What went well', 'Lessons learned'])
    expect(markdown).toContain(`\n## ${heading}\n`);
  expect(section(markdown, 'Action items')).toContain('| Action | Owner | Due | Priority |');
});

/** The text under `## heading`, up to the next heading of that level. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start === -1) throw new Error(`the post-mortem has no "${heading}" section`);
  const next = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, next === -1 ? undefined : next);
}
