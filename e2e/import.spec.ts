import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { SavedPlaybookList } from '../contract/playbook-schemas.ts';
import { incidents } from './support/board.ts';
import { expect, test } from './support/fixtures.ts';

// Importing a runbook in the real browser: the parser runs in its Web Worker, the playbook is
// saved to the real store, and another viewer can follow it. Its title says nothing about an
// incident type, so it is never suggested to the other tests sharing this store.

const RUNBOOK = [
  '================================================================================',
  '1. SETTLEMENT BRIDGE PLAYBOOK',
  '================================================================================',
  '',
  'FIRST MOVES (0-5 minutes):',
  '```bash',
  '# 1. See what the bridge is doing',
  './bin/bridge-status',
  '',
  '# 2. Page the settlement team',
  './bin/page settlement',
  '```',
  '',
  'CHECKS (5-15 minutes):',
  '□ Fills reach the ledger <img src=x onerror="window.__pwned = 1">',
  '□ The [replay](javascript:window.__pwned=2) queue is empty',
  '',
].join('\n');

const valuesOf = (fields: Locator) =>
  fields.evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));

const importButton = (page: Page) => page.getByRole('button', { name: 'Import a runbook…' });

test('a pasted runbook is read in the worker, previewed as text, saved, and followed on another screen', async ({
  page,
  browser,
  store,
}) => {
  await page.goto('/');
  await incidents(page).responderName.fill('Noor Haddad');
  await importButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Import a runbook' });
  await dialog.getByLabel(/Paste a Markdown or plain-text runbook/).fill(RUNBOOK);
  await dialog.getByRole('button', { name: 'Read runbook' }).click();

  const draft = dialog.getByRole('article', { name: 'Imported playbook: Settlement bridge playbook' });
  await expect(draft).toBeVisible();
  expect(await valuesOf(draft.getByRole('textbox', { name: 'Phase title' }))).toEqual([
    'First moves',
    'Checks',
  ]);
  expect(await valuesOf(draft.getByRole('textbox', { name: 'Step text' }))).toEqual([
    'See what the bridge is doing',
    'Page the settlement team',
    'Fills reach the ledger',
    'The replay queue is empty',
  ]);
  await expect(dialog.getByRole('list', { name: 'Import warnings' })).toContainText('raw HTML ignored');
  expect(await dialog.locator('img, script, a[href]').count()).toBe(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

  await page.screenshot({ path: test.info().outputPath('import-preview.png') });
  await dialog.getByRole('button', { name: 'Save 1 playbook' }).click();
  await expect(dialog.getByRole('status')).toContainText('Saved 1 playbook from pasted text');
  const { playbooks } = await store.call<SavedPlaybookList>('GET', '/warroom/v1/playbooks');
  expect(playbooks.find((p) => p.playbook.id === 'import-settlement-bridge-playbook')).toMatchObject({
    savedBy: 'Noor Haddad',
    playbook: { title: 'Settlement bridge playbook' },
  });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);

  // Another commander's screen: the imported playbook is there to choose for an incident.
  const other = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await other.goto('/');
  await incidents(other).responderName.fill('Kai Lindqvist');
  const i = incidents(other);
  await i.panel.getByRole('button', { name: 'Declare incident' }).click();
  await i.declareForm.getByLabel('Title').fill(`Fills stuck ${Date.now()}`);
  await i.declareForm.getByLabel('Severity', { exact: true }).selectOption('P3');
  await i.declareForm.getByLabel('Type').selectOption('other');
  await i.declareForm.getByRole('button', { name: 'Declare incident' }).click();
  const checklist = other.getByRole('region', { name: 'Playbook checklist' });
  await checklist
    .getByRole('combobox', { name: /^Playbook/ })
    .selectOption({ label: 'Settlement bridge playbook' });
  await expect(checklist.getByRole('heading', { name: 'Settlement bridge playbook' })).toBeVisible();
  await expect(checklist.getByRole('listitem', { name: 'Fills reach the ledger' })).toBeVisible();
  await other.context().close();
});

test('a runbook with a warning, metadata, branches and a jump: the preview shows them, and the checklist skips what the jump passes over', async ({
  page,
}) => {
  const runbook = readFileSync('src/playbooks/import/corpus/01-order-gateway-rejects.md', 'utf8');
  await page.goto('/');
  await incidents(page).responderName.fill('Noor Haddad');
  await importButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Import a runbook' });
  await dialog.getByLabel(/Paste a Markdown or plain-text runbook/).fill(runbook);
  await dialog.getByRole('button', { name: 'Read runbook' }).click();

  const draft = dialog.getByRole('article', { name: 'Imported playbook: Order gateway rejecting orders' });
  await expect(draft.getByRole('list', { name: 'Warnings shown above the checklist' })).toContainText(
    'Never restart both gateway nodes',
  );
  await expect(draft.getByLabel('Metadata')).toContainText('order-gateway');
  await expect(draft.getByText('Branch — when the count is 0:')).toBeVisible();
  await expect(draft.getByText(/Goes to step 7 — Restart the gateway process/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('import-branches-preview.png'), fullPage: true });
  await dialog.getByRole('button', { name: 'Save 1 playbook' }).click();
  await expect(dialog.getByRole('status')).toContainText('Saved 1 playbook from pasted text');
  await dialog.getByRole('button', { name: 'Close' }).click();

  const i = incidents(page);
  await i.panel.getByRole('button', { name: 'Declare incident' }).click();
  await i.declareForm.getByLabel('Title').fill(`Gateway rejects ${Date.now()}`);
  await i.declareForm.getByLabel('Severity', { exact: true }).selectOption('P3');
  await i.declareForm.getByLabel('Type').selectOption('other');
  await i.declareForm.getByRole('button', { name: 'Declare incident' }).click();
  const checklist = page.getByRole('region', { name: 'Playbook checklist' });
  await checklist
    .getByRole('combobox', { name: /^Playbook/ })
    .selectOption({ label: 'Order gateway rejecting orders' });
  await expect(checklist.getByRole('list', { name: 'Warnings of this playbook' })).toBeVisible();
  await checklist.getByRole('checkbox', { name: 'Go to step 7' }).check();
  await expect(checklist.locator('[data-skipped]')).toHaveCount(4);
  await expect(checklist.getByRole('region', { name: 'Mitigate' }).getByText('Skipped')).toHaveCount(4);
  await page.getByRole('button', { name: /Fold incidents/ }).click();
  await checklist.getByRole('region', { name: 'Mitigate' }).scrollIntoViewIfNeeded();
  await checklist.screenshot({ path: test.info().outputPath('import-branches-checklist.png') });
});
