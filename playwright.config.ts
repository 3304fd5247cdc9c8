import { defineConfig, devices } from '@playwright/test';

// Browsers cannot be downloaded here: Debian's Chromium is used, and Playwright's video
// recorder is Debian's ffmpeg linked in by scripts/link-ffmpeg.mjs.
process.env.PLAYWRIGHT_BROWSERS_PATH ??= '0';

export const E2E_PORT = 4320;
export const E2E_SIM_PORT = 4321;
export const E2E_STORE_PORT = 4322;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // One simulator port for the run: tests kill and restart it, so they run one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    viewport: { width: 1920, height: 1080 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1920, height: 1080 } } },
  ],
  webServer: {
    // The built dashboard, as it ships, forwarding /api and /warroom to the war-room server, whose
    // connector reads the simulator each test starts.
    command: `npx vite preview --port ${E2E_PORT} --strictPort`,
    url: `http://127.0.0.1:${E2E_PORT}/config.json`,
    env: {
      WARROOM_API_TARGET: `http://127.0.0.1:${E2E_STORE_PORT}`,
      WARROOM_STORE_TARGET: `http://127.0.0.1:${E2E_STORE_PORT}`,
    },
    // The proxy logs every refused connection while a test has the simulator killed: noise.
    stderr: 'ignore',
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
