import { test as base } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_SIM_PORT, E2E_STORE_PORT } from '../../playwright.config.ts';
import { makeEmbeddedOperators } from '../../store/auth/embedded-operators.ts';
import type { EmbeddedOperator } from '../../store/auth/embedded-operators.ts';
import { SimProcess, StoreProcess } from './sim-process.ts';

/** The run's operators file and the people in it, with their passwords (the test's own). */
export interface People {
  file: string;
  commander: EmbeddedOperator;
  viewer: EmbeddedOperator;
}

// The simulator's operator token, for the run: the war-room server holds it, never a browser.
const SIM_TOKEN = randomBytes(18).toString('base64url');

/**
 * Every test gets its own simulator process (fixed seed), and the run shares one war-room server
 * on a fresh database, with a commander and a viewer of its own (fresh passwords, as `npm start`
 * makes them; only their hashes in the operators file). The server connects the simulator with an
 * operator token made for the run, which no browser ever sees.
 */
export const test = base.extend<{ sim: SimProcess }, { store: StoreProcess; people: People }>({
  people: [
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'war-room-e2e-operators-'));
      const file = join(dir, 'operators.json');
      const [commander, viewer] = await makeEmbeddedOperators(file);
      await use({ file, commander: commander!, viewer: viewer! });
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  store: [
    async ({ people }, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'war-room-e2e-'));
      const store = new StoreProcess(E2E_STORE_PORT, join(dir, 'store.db'), {
        operatorsFile: people.file,
        sim: { url: `http://127.0.0.1:${E2E_SIM_PORT}`, token: SIM_TOKEN },
      });
      await store.start();
      await use(store);
      await store.kill();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker', auto: true },
  ],
  // auto: a test that never touches drill control still needs a trading system to watch.
  sim: [
    async ({}, use, testInfo) => {
      const sim = new SimProcess(E2E_SIM_PORT, 1000 + testInfo.workerIndex, {
        name: 'war-room',
        token: SIM_TOKEN,
      });
      await sim.start();
      await use(sim);
      await sim.kill();
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
