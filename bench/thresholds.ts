import type { Browser } from '@playwright/test';
import type { Latency, StreamEvent } from '../contract/schemas.ts';
import { board } from '../e2e/support/board.ts';
import type { SimProcess } from '../e2e/support/sim-process.ts';
import { newBoardPage, openLiveBoard, watchAttribute } from './browser.ts';
import { allEvents } from './outage.ts';
import { sleep } from './processes.ts';

// Issue 3: "during the latency-degradation scenario the p99 panel reaches warning then critical
// within 2 s of the simulator crossing each threshold". The simulator crosses a threshold when it
// closes the first 1 s metrics window whose p99 is over it: that window's `end`. Its clock runs
// at real speed from the process start (no jump here), so `end` compares with the page's clock.

export interface ThresholdSample {
  warningMs: number;
  criticalMs: number;
}

/** RTES defaults, which public/config.json selects: p99 warning over 50 µs, critical over 100 µs. */
const WARNING_US = 50;
const CRITICAL_US = 100;

const micros = ({ value, unit }: Latency) => value * { us: 1, ms: 1_000, s: 1_000_000 }[unit];

/** The end of the first window over `limitUs` that closed after `sinceMs` (the scenario's start). */
function firstWindowEndOver(events: StreamEvent[], limitUs: number, sinceMs: number): number {
  for (const e of events)
    if (e.type === 'metrics.window' && e.window.latencyP99 && micros(e.window.latencyP99) > limitUs) {
      const end = Date.parse(e.window.end);
      if (end >= sinceMs) return end;
    }
  throw new Error(`the simulator closed no window over ${limitUs} µs`);
}

export async function thresholdTrial(
  browser: Browser,
  url: string,
  sim: SimProcess,
): Promise<ThresholdSample> {
  const page = await newBoardPage(browser);
  try {
    await openLiveBoard(page, url, 20_000);
    const figure = board(page).latencyValue;
    // A stray slow window before the scenario would stamp "warning" before any crossing.
    const deadline = Date.now() + 10_000;
    while ((await figure.getAttribute('data-level')) !== 'normal') {
      if (Date.now() > deadline) throw new Error('the p99 figure never showed data-level="normal"');
      await sleep(50);
    }
    // Warning is reached when the figure first shows warning or worse: one window can jump both.
    const warning = await watchAttribute(figure, 'data-level', { oneOf: ['warning', 'critical'] });
    const critical = await watchAttribute(figure, 'data-level', { oneOf: ['critical'] });

    const startedAt = Date.now();
    await sim.startScenario({ name: 'latency-degradation' });
    const warningAt = await warning.shownAt(30_000);
    const criticalAt = await critical.shownAt(30_000);
    const events = await allEvents(sim);
    return {
      warningMs: warningAt - firstWindowEndOver(events, WARNING_US, startedAt),
      criticalMs: criticalAt - firstWindowEndOver(events, CRITICAL_US, startedAt),
    };
  } finally {
    await page.close();
  }
}
