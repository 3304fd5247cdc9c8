import { test as base } from '@playwright/test';
import { E2E_SIM_PORT } from '../../playwright.config.ts';
import { SimProcess } from './sim-process.ts';

/** Every test gets its own simulator process (fixed seed), stopped when the test ends. */
export const test = base.extend<{ sim: SimProcess }>({
  // auto: a test that never touches drill control still needs a trading system to watch.
  sim: [
    async ({}, use, testInfo) => {
      const sim = new SimProcess(E2E_SIM_PORT, 1000 + testInfo.workerIndex);
      await sim.start();
      await use(sim);
      await sim.kill();
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
