import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Signs the commander in with the operator token the simulator was started with. */
export async function signIn(page: Page, token: string): Promise<void> {
  await page.getByLabel('Operator token').fill(token);
  await page.getByRole('button', { name: 'Sign in to use controls' }).click();
  await expect(page.getByRole('button', { name: /Kill switch/ })).toBeVisible();
}

/** The one deliberate gesture: press and hold (here on the keyboard: focus, hold Enter). */
export async function hold(page: Page, name: RegExp, ms = 800): Promise<void> {
  const button = page.getByRole('button', { name });
  await button.focus();
  await page.keyboard.down('Enter');
  await page.waitForTimeout(ms);
  await page.keyboard.up('Enter');
}

export const commandStatus = (page: Page, label: string) =>
  page.getByRole('list', { name: 'Commands' }).getByRole('listitem', { name: label }).first();
