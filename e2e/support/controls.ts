import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Signs a commander in to the war room, with a name and password of the run's operators file. */
export async function signIn(page: Page, person: { name: string; password: string }): Promise<void> {
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Name').fill(person.name);
  await form.getByLabel('Password').fill(person.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
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
