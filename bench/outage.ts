import type { Browser, Locator } from '@playwright/test';
import type { EventPage, Snapshot, StreamEvent } from '../contract/schemas.ts';
import { board } from '../e2e/support/board.ts';
import type { SimProcess } from '../e2e/support/sim-process.ts';
import { newBoardPage, openLiveBoard, watchAttribute } from './browser.ts';
import { sleep } from './processes.ts';

// One exchange outage on a fresh simulator yields three samples:
//  - changeMs: drill-control POST → the Binance tile no longer CONNECTED (issue 2: "within 2 s").
//    It includes the simulator's own 1 s of silence before it calls a venue DEGRADED.
//  - eventToPageMs: the simulator's venues.changed event (its `at`) → the same frame; the
//    dashboard's share of changeMs.
//  - downMs: the moment Binance's market data is 30 s old → the tile shows DOWN (issue 3:
//    "within 2 s of 30 s without market data"). Negative would mean DOWN too early.

export interface OutageSample {
  changeMs: number;
  eventToPageMs: number;
  downMs: number;
}

const VENUE_ID = 'binance';
const VENUE_NAME = 'Binance';

async function waitForAttribute(target: Locator, name: string, value: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while ((await target.getAttribute(name, { timeout: timeoutMs })) !== value) {
    if (Date.now() > deadline) throw new Error(`${name} never became ${value}`);
    await sleep(50);
  }
}

/** Every retained event so far, page by page (the API gives at most 1000 at a time). */
export async function allEvents(sim: SimProcess): Promise<StreamEvent[]> {
  const events: StreamEvent[] = [];
  for (let after = 0, pages = 0; pages < 20; pages += 1) {
    const page = await sim.api<EventPage>(`events?after=${after}&limit=1000`);
    events.push(...page.events);
    const last = page.events.at(-1);
    if (!last || last.id >= page.lastEventId) break;
    after = last.id;
  }
  return events;
}

function firstSilentEventAt(events: StreamEvent[]): number {
  const event = events.find(
    (e) =>
      e.type === 'venues.changed' && e.venues.some((v) => v.id === VENUE_ID && v.connection !== 'CONNECTED'),
  );
  if (!event) throw new Error(`no venues.changed event shows ${VENUE_ID} silent`);
  return Date.parse(event.at);
}

/**
 * The real time (epoch ms) at which the venue's market data turns 30 s old. The simulator's
 * clock is ahead of real time by the jump; its `now` (not the snapshot's asOf, which lags it by
 * up to one 100 ms step) read at the midpoint of the request gives that offset.
 */
async function downAtRealTime(sim: SimProcess, downAfterMs: number): Promise<number> {
  const deadline = Date.now() + 5000;
  let lastData: string | null | undefined;
  // Once the simulator has stepped past the jump the venue is DISCONNECTED and its last data fixed.
  while (lastData === undefined) {
    const venue = (await sim.api<Snapshot>('status')).venues.find((v) => v.id === VENUE_ID);
    if (venue?.connection === 'DISCONNECTED') lastData = venue.lastMarketDataAt;
    else if (Date.now() > deadline) throw new Error(`${VENUE_ID} never became DISCONNECTED after the jump`);
    else await sleep(50);
  }
  if (lastData === null) throw new Error(`${VENUE_ID} never sent market data`);
  const before = Date.now();
  const state = await sim.state();
  const simAheadMs = Date.parse(state.now) - (before + Date.now()) / 2;
  return Date.parse(lastData) + downAfterMs - simAheadMs;
}

export async function outageTrial(browser: Browser, url: string, sim: SimProcess): Promise<OutageSample> {
  const page = await newBoardPage(browser);
  try {
    await openLiveBoard(page, url, 20_000);
    const tile = board(page).venue(VENUE_NAME);
    await waitForAttribute(tile, 'data-status', 'CONNECTED', 10_000);
    const changed = await watchAttribute(tile, 'data-status', { not: 'CONNECTED' });
    const down = await watchAttribute(tile, 'data-status', { oneOf: ['DOWN'] });

    const startedAt = Date.now();
    await sim.startScenario({ name: 'exchange-outage', venueId: VENUE_ID });
    const changedAt = await changed.shownAt(10_000);
    // Before the jump the simulator's clock is real time, so event times compare with the page's.
    const eventAt = firstSilentEventAt(await allEvents(sim));

    // Skip most of the 30 s: jump 27 s, then let the last seconds run at real speed.
    await sim.clock({ advanceMs: 27_000 });
    const downAt = await downAtRealTime(sim, 30_000);
    const shownDownAt = await down.shownAt(15_000);
    return {
      changeMs: changedAt - startedAt,
      eventToPageMs: changedAt - eventAt,
      downMs: shownDownAt - downAt,
    };
  } finally {
    await page.close();
  }
}
