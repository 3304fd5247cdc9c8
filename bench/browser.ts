import { chromium } from '@playwright/test';
import type { Browser, Locator, Page } from '@playwright/test';

// The page side of a measurement. Playwright's own waiting polls, so "when did it change" would
// be known only to within its polling interval plus a round trip; instead a MutationObserver in
// the page stamps the change, and the stamp is taken at the next animation frame — when the
// change is painted, which is when the commander can see it.

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
}

export async function newBoardPage(browser: Browser): Promise<Page> {
  return browser.newPage({ viewport: { width: 1920, height: 1080 } });
}

/** What a watched attribute must become: one of `oneOf`, or anything but `not`. */
export type AttributeGoal = { oneOf: string[] } | { not: string };

export interface Watch {
  /** Epoch ms (the page's performance.timeOrigin + now()) of the frame that first showed the goal. */
  shownAt(timeoutMs: number): Promise<number>;
}

let nextWatchId = 0;

/**
 * Starts watching `attribute` of the element `target` resolves to now. The element must stay the
 * same DOM node until the goal is reached (React keeps keyed and unchanged nodes); if it is
 * replaced the watch fails rather than silently measuring nothing.
 */
export async function watchAttribute(
  target: Locator,
  attribute: string,
  goal: AttributeGoal,
): Promise<Watch> {
  const id = `w${nextWatchId++}`;
  await target.evaluate(
    (el, { id, attribute, goal }) => {
      const store = ((window as unknown as { __bench?: Record<string, number | string> }).__bench ??= {});
      const reached = (value: string | null) =>
        value !== null && ('oneOf' in goal ? goal.oneOf.includes(value) : value !== goal.not);
      const check = () => {
        if (store[id] !== undefined) return;
        if (!el.isConnected) {
          store[id] = 'the watched element was replaced before reaching its goal';
          observer.disconnect();
        } else if (reached(el.getAttribute(attribute))) {
          observer.disconnect();
          store[id] = 'pending';
          requestAnimationFrame(() => (store[id] = performance.timeOrigin + performance.now()));
        }
      };
      const observer = new MutationObserver(check);
      // childList on the whole body as well, to notice the element being removed.
      observer.observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: [attribute],
      });
      check();
    },
    { id, attribute, goal },
  );
  const page = target.page();
  return {
    async shownAt(timeoutMs) {
      const handle = await page.waitForFunction(
        (id) => {
          const value = (window as unknown as { __bench?: Record<string, number | string> }).__bench?.[id];
          return value === undefined || value === 'pending' ? false : value;
        },
        id,
        { timeout: timeoutMs, polling: 50 },
      );
      const value = (await handle.jsonValue()) as number | string;
      if (typeof value === 'string') throw new Error(value);
      return value;
    },
  };
}

/** Loads the board and waits until it shows live data: a p99 figure in µs. */
export async function openLiveBoard(page: Page, url: string, timeoutMs: number): Promise<void> {
  await page.goto(url, { timeout: timeoutMs });
  await page.getByTestId('latency-p99').filter({ hasText: /µs$/ }).waitFor({ timeout: timeoutMs });
}
