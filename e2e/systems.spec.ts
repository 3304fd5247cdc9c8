import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { board } from './support/board.ts';
import { commandStatus, hold } from './support/controls.ts';
import { NpmStart } from './support/npm-start.ts';
import type { Person } from './support/npm-start.ts';

// Each seed system started the README's way, `WARROOM_SYSTEM=<id> npm start`, and looked at as
// the commander would: every section it offers is populated, those it does not offer say so,
// every remote control it offers is CONFIRMED through its own endpoint (the simulated system's
// ledger says it ran once), and every control it offers only by hand shows its exact command.
// Which sections and controls each system has is written here from the seeds, not read from the
// profile; only the words and commands the profile carries are read from it, to compare.

const PORTS = { web: 4340, store: 4342, sim: 4350 };

type Step =
  | { hold: 'kill-switch' | 'halt'; expect: string }
  | { click: string; control: string; venue?: string; expect?: string }
  | { resume: true; expect: string }
  | { check: (app: NpmStart, page: Page) => Promise<void> };

interface SystemCase {
  id: string;
  name: string;
  /** Sections the seed shows no source for: the panel says so in the profile's words. */
  notOffered: ('venues' | 'alerts')[];
  /** Remote controls, fired in this order; each is CONFIRMED, or said to be unconfirmable. */
  steps: Step[];
  /** Controls offered only by hand. */
  manual: string[];
  before?: (app: NpmStart, page: Page) => Promise<void>;
}

const SYSTEMS: SystemCase[] = [
  {
    id: 'hft',
    name: 'HFT system',
    notOffered: [],
    steps: [
      // As its runbook has it for a venue in trouble: stop routing to it, then cancel what rests
      // there (cancelled on a venue still quoting, new orders would replace them at once).
      { click: 'Disable venue', control: 'venue-disable', venue: 'binance' },
      { click: 'Cancel all orders', control: 'venue-cancel-all', venue: 'binance' },
      { click: 'Reconnect', control: 'venue-reconnect', venue: 'okx' },
      { hold: 'kill-switch', expect: 'KILLED' },
    ],
    manual: ['halt', 'resume'],
  },
  {
    id: 'rtes',
    name: 'RTES',
    notOffered: ['venues'],
    steps: [],
    manual: ['halt', 'maintenance-mode', 'resume'],
  },
  {
    id: 'eafix',
    name: 'EAFIX',
    notOffered: [],
    steps: [{ hold: 'halt', expect: 'HALTED' }],
    manual: ['resume'],
  },
  {
    id: 'smc',
    name: 'SMC Trading Agent',
    notOffered: [],
    steps: [
      { hold: 'halt', expect: 'HALTED' },
      {
        // The halt is the Redis key its runbook names, with the one-hour expiry, and the board
        // says when it lapses by itself.
        check: async (_app, page) => {
          expect(redis('GET', 'emergency_halt')).toBe('true');
          const ttl = Number(redis('TTL', 'emergency_halt'));
          expect(ttl).toBeGreaterThan(3500);
          expect(ttl).toBeLessThanOrEqual(3600);
          await expect(board(page).tradingState).toContainText(/lapses by itself at \d\d:\d\d:\d\d UTC/);
        },
      },
      { resume: true, expect: 'ACTIVE' },
      { check: async () => expect(redis('EXISTS', 'emergency_halt')).toBe('0') },
    ],
    manual: ['venue-failover'],
  },
  {
    id: 'lav-adaf',
    name: 'LAV/ADAF',
    notOffered: [],
    steps: [
      { click: 'Disable venue', control: 'venue-disable', venue: 'okx' },
      { click: 'Conservative routing', control: 'routing-conservative' },
      { click: 'Manual regime', control: 'regime-manual' },
      { click: 'Reduce positions', control: 'reduce-positions', expect: 'REDUCING' },
      { hold: 'halt', expect: 'HALTED' },
    ],
    manual: ['resume'],
  },
];

/** SMC's Redis, which `npm start` runs on the last port of the system's block. */
const redis = (...args: string[]) =>
  execFileSync('redis-cli', ['-p', String(PORTS.sim + 9), ...args])
    .toString()
    .trim();

/** Every control the bar can show, whichever system is on screen. */
const ALL_CONTROLS = [
  'kill-switch',
  'halt',
  'reduce-positions',
  'venue-cancel-all',
  'venue-disable',
  'venue-reconnect',
  'venue-failover',
  'routing-conservative',
  'regime-manual',
  'maintenance-mode',
];

const LABELS: Record<string, string> = {
  'kill-switch': 'Kill switch',
  halt: 'Halt trading',
  resume: 'Resume trading',
  'maintenance-mode': 'Maintenance mode',
  'venue-failover': 'Fail over',
};

interface Profile {
  sections: Record<string, { notOffered?: string }>;
  controls: Record<string, { run?: string; note?: string }>;
}
const profileOf = (id: string) =>
  parseYaml(readFileSync(`profiles/${id}.yaml`, 'utf8'), { merge: true }) as Profile;

async function signIn(page: Page, person: Person) {
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Name').fill(person.name);
  await form.getByLabel('Password').fill(person.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(board(page).controls).toContainText(`${person.name} (commander)`);
}

/** Opens what hides a control: the resume gate, the "More controls" disclosure. */
async function reveal(page: Page, controlId: string): Promise<Locator> {
  const controls = board(page).controls;
  if (controlId === 'resume') {
    const opener = controls.getByRole('button', { name: 'Resume trading…' });
    if (await opener.isVisible()) await opener.click();
  }
  const more = controls.locator('details', { hasText: 'More controls' });
  const inMore = (await more.locator(`[data-control="${controlId}"]`).count()) > 0;
  if (inMore && !(await more.evaluate((d) => (d as HTMLDetailsElement).open)))
    await more.locator('summary').click();
  return controls.locator(`[data-control="${controlId}"]`);
}

async function chooseVenue(page: Page, venue: string) {
  await board(page).controls.getByLabel('Venue', { exact: true }).selectOption(venue);
}

async function runStep(page: Page, app: NpmStart, step: Step) {
  if ('check' in step) return step.check(app, page);
  const ledger = (await app.executed()).length;
  if ('hold' in step) {
    await hold(page, new RegExp(LABELS[step.hold]!));
    await expect(commandStatus(page, LABELS[step.hold]!)).toHaveAttribute('data-phase', 'confirmed', {
      timeout: 15_000,
    });
    await expect(board(page).tradingStateName).toHaveText(step.expect);
  } else if ('resume' in step) {
    await reveal(page, 'resume');
    await page.getByLabel('Override — why is it safe? (recorded)').fill('drill over: engine healthy');
    await board(page).controls.getByRole('button', { name: 'Resume', exact: true }).click();
    await expect(commandStatus(page, 'Resume trading')).toHaveAttribute('data-phase', 'confirmed', {
      timeout: 15_000,
    });
    await expect(board(page).tradingStateName).toHaveText(step.expect);
  } else {
    if (step.venue) await chooseVenue(page, step.venue);
    const control = await reveal(page, step.control);
    await control.getByRole('button', { name: step.click }).click();
    const label = step.venue ? `${step.click} on ${step.venue}` : step.click;
    const status = commandStatus(page, label);
    if (['routing-conservative', 'regime-manual'].includes(step.control)) {
      // Nothing in the board's picture can show these: accepted, and said to be unconfirmable.
      await expect(status).toHaveAttribute('data-phase', 'accepted', { timeout: 15_000 });
      await expect(status).toContainText('nothing on this board can show its effect');
    } else {
      await expect(status).toHaveAttribute('data-phase', 'confirmed', { timeout: 15_000 });
    }
    if (step.expect) await expect(board(page).tradingStateName).toHaveText(step.expect);
  }
  // The system's own ledger: the command ran, once.
  await expect.poll(async () => (await app.executed()).length).toBe(ledger + 1);
}

for (const system of SYSTEMS) {
  test.describe(`WARROOM_SYSTEM=${system.id} npm start`, () => {
    test.describe.configure({ mode: 'serial' });
    let app: NpmStart;
    const profile = profileOf(system.id);

    test.beforeAll(async () => {
      test.setTimeout(120_000);
      app = await NpmStart.start(system.id, PORTS);
    });
    test.afterAll(async () => {
      await app?.stop();
    });

    test(`${system.name}: every section it offers is populated, the others say why`, async ({ page }) => {
      await page.goto(app.url);
      const b = board(page);
      await expect(page.getByRole('banner')).toContainText(system.name);
      await expect(b.tradingStateName).toHaveText('ACTIVE');
      // Through Prometheus (RTES): its first scrapes must come before a rate can be taken.
      await expect(b.latencyValue).toHaveText(/\d/, { timeout: 20_000 });
      await expect(b.errorRate).toHaveText(/\d/, { timeout: 20_000 });
      await expect(b.services).toContainText(/all \d+ UP/);
      const sections = { venues: b.venues, alerts: b.alerts };
      for (const [name, panel] of Object.entries(sections)) {
        const reason = profile.sections[name]?.notOffered;
        if (system.notOffered.includes(name as 'venues')) {
          expect(
            reason,
            `the ${name} section of profiles/${system.id}.yaml says why it is missing`,
          ).toBeTruthy();
          await expect(panel).toContainText(reason!);
        } else {
          expect(reason).toBeUndefined();
          await expect(panel).toContainText(name === 'venues' ? /\d+ of \d+ connected/ : 'No alerts firing');
        }
      }
      await expect(page.getByText('Cannot be read from the trading system')).toHaveCount(0);
      await page.screenshot({ path: test.info().outputPath(`${system.id}-board.png`) });
    });

    test(`${system.name}: what it offers only by hand shows its exact command`, async ({ page }) => {
      await page.goto(app.url);
      await signIn(page, app.person('commander'));
      for (const id of system.manual) {
        const command = profile.controls[id]?.run;
        expect(command, `profiles/${system.id}.yaml runs ${id} by hand`).toBeTruthy();
        const control = await reveal(page, id);
        await control.getByRole('button', { name: /by hand/ }).click();
        const panel = control.getByRole('group', { name: /, by hand$/ });
        await expect(panel.locator('code')).toHaveText(command!);
        await page.screenshot({ path: test.info().outputPath(`${system.id}-${id}-by-hand.png`) });
        await control.getByRole('button', { name: /by hand/ }).click();
        await expect(panel).toBeHidden();
      }
    });

    test(`${system.name}: every remote control it offers goes through its own endpoint, confirmed`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await page.goto(app.url);
      await signIn(page, app.person('commander'));
      await page.getByLabel('Reason').fill(`drill on ${system.name}`);
      for (const step of system.steps) {
        if ('control' in step && step.control === 'venue-reconnect') {
          // Reconnect is offered only for a venue that is not connected: its exchange goes quiet
          // first, and the session is confirmed back once the exchange answers again.
          await app.drill('POST', 'scenarios', { name: 'exchange-outage', venueId: step.venue });
          await app.drill('POST', 'clock', { advanceMs: 15_000 });
          await expect(board(page).venue(step.venue!)).toContainText(/DISCONNECTED|DEGRADED/, {
            timeout: 10_000,
          });
          const ledger = (await app.executed()).length;
          await chooseVenue(page, step.venue!);
          await board(page).controls.getByRole('button', { name: 'Reconnect' }).click();
          await app.drill('DELETE', 'scenarios/exchange-outage');
          await expect(commandStatus(page, `Reconnect on ${step.venue}`)).toHaveAttribute(
            'data-phase',
            'confirmed',
            { timeout: 15_000 },
          );
          await expect.poll(async () => (await app.executed()).length).toBe(ledger + 1);
          continue;
        }
        await runStep(page, app, step);
      }
      // Whatever else the bar lists, this system does not offer, and the bar says so.
      const offered = new Set([
        ...system.manual,
        ...system.steps.flatMap((s) =>
          'hold' in s ? [s.hold] : 'control' in s ? [s.control] : 'resume' in s ? ['resume'] : [],
        ),
      ]);
      for (const id of ALL_CONTROLS.filter((c) => !offered.has(c))) {
        const control = await reveal(page, id);
        // Without venues there is nothing to act on: no venue actions at all.
        if (id.startsWith('venue-') && system.notOffered.includes('venues'))
          await expect(control, `${id} on ${system.id}`).toHaveCount(0);
        else
          await expect(control, `${id} on ${system.id}`).toContainText('not offered by this trading system');
      }
      await page.screenshot({ path: test.info().outputPath(`${system.id}-controls.png`) });
    });
  });
}
