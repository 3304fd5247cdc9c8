// LAV/ADAF's halt wants the Executioner's EMERGENCY_TOKEN as a Bearer token: the connector sends
// the one its environment holds, and a wrong one is a refusal in the system's words, nothing run.
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { SystemConnector } from '../connector/engine/system-connector.ts';
import { loadProfileFile } from '../connector/profile/load.ts';
import { TEST_TIMEOUT_MS, waitFor } from '../http-kit/testing/wait.ts';
import { personalityFactory } from '../sim/personalities/testing/personality-process.ts';

const start = personalityFactory({ EMERGENCY_TOKEN: 'the-right-emergency-token' });
let connector: SystemConnector | null = null;
afterEach(async () => {
  await connector?.stop();
  connector = null;
});

describe('profiles/lav-adaf.yaml: the emergency token', { timeout: TEST_TIMEOUT_MS }, () => {
  test('a wrong token: refused by the Executioner, said so, and trading goes on', async () => {
    const running = await start('lav-adaf');
    const loaded = loadProfileFile(fileURLToPath(new URL('./lav-adaf.yaml', import.meta.url)), {
      LAV_SENTINEL_URL: running.services.sentinel ?? '',
      LAV_WARDEN_URL: running.services.warden ?? '',
      LAV_EXECUTIONER_URL: running.services.executioner ?? '',
      EMERGENCY_TOKEN: 'not-the-right-token',
    });
    if (!loaded.ok) throw new Error(loaded.error);
    connector = new SystemConnector({ loaded: loaded.loaded });
    connector.start();
    const c = connector;
    await waitFor('reachable', () => (c.reachable ? true : undefined));
    const outcome = await c.command({
      key: 'key-lav-halt-01',
      controlId: 'halt',
      reason: 'drill',
      operator: 'dana',
    });
    expect(outcome).toMatchObject({
      kind: 'refused',
      status: 422,
      detail: expect.stringContaining('HTTP 401'),
    });
    expect(c.snapshot()?.tradingState.state).toBe('ACTIVE');
    // The token is never in what the server serves.
    expect(JSON.stringify(c.snapshot())).not.toContain('not-the-right-token');
  });
});
