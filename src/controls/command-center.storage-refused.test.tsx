import { afterEach, expect, test, vi } from 'vitest';
import { auditPageSchema, timelineSchema } from '../../contract/store-schemas.ts';
import { call, declare } from '../../store/test-support.ts';
import { server } from '../testing/msw-server.ts';
import { makeSim, renderLive } from '../testing/render-live.tsx';
import { resetWarRoomClient, WarRoomSync, warRoomStoreFactory } from '../testing/war-room-store.tsx';
import { activeIncidentId } from '../warroom/active-incident.ts';
import { resetCommands, useCommands } from './command-center.ts';
import type { CommandCenter } from './command-center.ts';
import { useCommandCenter } from './controls-provider.tsx';
import { useWarRoomSession } from '../session/war-room-session.ts';
import { commander, warRoomServer } from '../testing/war-room-session.ts';
import { fullStorage } from '../testing/full-storage.ts';

// The dashboard as the app root mounts it (controls provider, war-room sync, the simulator behind
// msw) against a real in-process store; only localStorage is swapped, for one that refuses every
// write as a full (or disabled) one does. The hold gesture ends in `center.fire`, as here.

const startStore = warRoomStoreFactory();
const WAIT = { timeout: 5000 };

afterEach(() => {
  server.events.removeAllListeners();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  resetCommands();
  resetWarRoomClient();
});

const probe: { center: CommandCenter | null; phase: string | undefined; person: string | undefined } = {
  center: null,
  phase: undefined,
  person: undefined,
};
function Probe() {
  probe.center = useCommandCenter();
  probe.phase = useCommands()[0]?.phase;
  probe.person = useWarRoomSession().person?.name;
  return null;
}

test('with localStorage full, Halt still sends one request and is confirmed; its records reach the store', async () => {
  const store = await startStore();
  // With an incident open, the very first report (its timeline's "attempted") writes to the outbox.
  const incident = await declare(store);
  resetWarRoomClient(); // this tab's outbox is made afresh, over the full storage
  vi.stubGlobal('localStorage', fullStorage());
  vi.spyOn(console, 'error').mockImplementation(() => {});
  const halts: string[] = [];
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'POST' && request.url.endsWith('/controls/halt')) halts.push(request.url);
  });
  const sim = makeSim();
  renderLive(
    <>
      <WarRoomSync />
      <Probe />
    </>,
    {
      sim,
      handlers: warRoomServer({ sim: sim.sim, storeBaseUrl: store.baseUrl, signedIn: commander }).handlers,
      config: { storeBaseUrl: store.baseUrl },
    },
  );
  await vi.waitFor(() => expect(probe.person).toBe('alice'), WAIT);
  await vi.waitFor(() => expect(activeIncidentId()).toBe(incident.id), WAIT);

  const fired = probe.center!.fire('halt', {}, `${incident.id} gateway down`);
  expect(fired.ok).toBe(true);
  await vi.waitFor(() => expect(probe.phase).toBe('confirmed'), WAIT);
  expect(sim.sim.snapshot().tradingState.state).toBe('HALTED');
  expect(sim.sim.executedCommands()).toHaveLength(1);
  expect(halts).toHaveLength(1);
  // No phantom "sending" left behind: the next press is judged on the trading state.
  expect(probe.center!.fire('halt', {}, 'again')).toEqual({
    ok: false,
    error: 'Halt trading: already halted',
  });

  // Held in this tab's memory, the records still reach the store.
  await vi.waitFor(async () => {
    const { records } = auditPageSchema.parse((await call(store.api('/audit'))).body);
    expect(records.map((r) => `${r.controlId} ${r.result} ${r.incidentId}`)).toEqual([
      `halt accepted ${incident.id}`,
      `halt confirmed ${incident.id}`,
    ]);
  }, WAIT);
  const timeline = timelineSchema.parse((await call(store.api(`/incidents/${incident.id}/timeline`))).body);
  expect(timeline.events.map((e) => e.type)).toContain('control.attempted');
}, 15_000);
