// profiles/sim.yaml against a real simulator process: the connector's picture is the
// simulator's own, and a control goes through with the operator token, confirmed by read-back.
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { snapshotSchema } from '../contract/schemas.ts';
import type { ExecutedCommand } from '../contract/schemas.ts';
import { SystemConnector } from '../connector/engine/system-connector.ts';
import { loadProfileFile } from '../connector/profile/load.ts';
import { serviceProcessFactory } from '../http-kit/testing/process.ts';
import { request } from '../http-kit/testing/request.ts';
import { TEST_TIMEOUT_MS, waitFor } from '../http-kit/testing/wait.ts';

const token = randomBytes(18).toString('base64url');
const runSim = serviceProcessFactory({
  name: 'simulator',
  main: fileURLToPath(new URL('../sim/host/main.ts', import.meta.url)),
  env: { ...process.env, WARROOM_SIM_PORT: undefined, WARROOM_SIM_OPERATORS: `commander:${token}` },
});

let connector: SystemConnector | null = null;
afterEach(async () => {
  await connector?.stop();
  connector = null;
});

describe('profiles/sim.yaml', { timeout: TEST_TIMEOUT_MS }, () => {
  test('reads the simulator as it is, and controls it with its token, confirmed by read-back', async () => {
    const sim = runSim(['--port', '0', '--seed', '11']);
    const url = `http://127.0.0.1:${await sim.port()}`;
    const loaded = loadProfileFile(fileURLToPath(new URL('./sim.yaml', import.meta.url)), {
      WARROOM_SIM_URL: url,
      WARROOM_SIM_TOKEN: token,
    });
    if (!loaded.ok) throw new Error(loaded.error);
    connector = new SystemConnector({ loaded: loaded.loaded });
    connector.start();
    const ours = await waitFor('windows', () => {
      const s = connector?.snapshot();
      return s && s.metrics.windows.length > 2 ? s : undefined;
    });
    const theirs = snapshotSchema.parse((await request(`${url}/api/v1/status`)).body);
    expect(snapshotSchema.parse(ours).system).toMatchObject({ id: 'sim', unconfirmable: [], notOffered: [] });
    expect(ours.venues.map((v) => v.id)).toEqual(theirs.venues.map((v) => v.id));
    expect(ours.services.map((s) => s.id)).toEqual(theirs.services.map((s) => s.id));
    expect(ours.tradingState.state).toBe(theirs.tradingState.state);
    // Windows are the simulator's own, as it dated them.
    expect(theirs.metrics.windows.map((w) => w.end)).toEqual(
      expect.arrayContaining(ours.metrics.windows.slice(0, 1).map((w) => w.end)),
    );
    expect(ours.metrics.windowMs).toBe(theirs.metrics.windowMs);

    const venue = ours.venues[0]?.id ?? '';
    const outcome = await connector.command({
      key: 'key-sim-halt-01',
      controlId: 'halt',
      reason: 'drill',
      operator: 'dana',
    });
    expect(outcome).toMatchObject({ kind: 'executed' });
    await waitFor('HALTED read back', () =>
      connector?.snapshot()?.tradingState.state === 'HALTED' ? true : undefined,
    );
    expect(
      (
        await connector.command({
          key: 'key-sim-cxl-001',
          controlId: 'venue-cancel-all',
          venueId: venue,
          reason: 'drill',
          operator: 'dana',
        })
      ).kind,
    ).toBe('executed');
    const executed = (await request(`${url}/__sim/commands`)).body as { commands: ExecutedCommand[] };
    // The simulator ran each once, under the connector's key.
    expect(executed.commands.map((c) => [c.controlId, c.idempotencyKey])).toEqual([
      ['halt', 'key-sim-halt-01'],
      ['venue-cancel-all', 'key-sim-cxl-001'],
    ]);
  });
});
