import { test as base } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_SIM_PORT, E2E_STORE_PORT } from '../../playwright.config.ts';
import { SimProcess, StoreProcess } from './sim-process.ts';

/**
 * Every test gets its own simulator process (fixed seed; a random operator token, as `npm start`
 * makes one) and the run shares one war-room store on a fresh database.
 */
export const test = base.extend<{ sim: SimProcess }, { store: StoreProcess }>({
  store: [
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'war-room-e2e-'));
      const store = new StoreProcess(E2E_STORE_PORT, join(dir, 'store.db'));
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
      const operator = { name: 'commander', token: randomBytes(18).toString('base64url') };
      const sim = new SimProcess(E2E_SIM_PORT, 1000 + testInfo.workerIndex, operator);
      await sim.start();
      await use(sim);
      await sim.kill();
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
