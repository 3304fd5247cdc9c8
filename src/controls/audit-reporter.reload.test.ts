import { createElement, Fragment } from 'react';
import { afterEach, expect, test, vi } from 'vitest';
import { auditPageSchema, timelineSchema } from '../../contract/store-schemas.ts';
import { call, declare } from '../../store/test-support.ts';
import { makeSim, renderLive } from '../testing/render-live.tsx';
import {
  resetWarRoomClient,
  storeDown,
  storeUp,
  WarRoomSync,
  warRoomStoreFactory,
} from '../testing/war-room-store.tsx';
import type { WarRoomTestStore } from '../testing/war-room-store.tsx';
import { activeIncidentId } from '../warroom/active-incident.ts';
import { OUTBOX_STORAGE_KEY, readOutboxFile } from '../warroom/outbox-file.ts';
import { resetOutbox } from '../warroom/outbox-store.ts';
import { resetCommands, useCommands } from './command-center.ts';
import type { CommandCenter } from './command-center.ts';
import { useCommandCenter } from './controls-provider.tsx';
import { useWarRoomSession } from '../session/war-room-session.ts';
import { commander, warRoomServer } from '../testing/war-room-session.ts';

// The dashboard as the app root mounts it (controls provider, war-room sync, the simulator behind
// msw) against a real in-process store that is taken down and brought back; a reload is the page
// going away with its memory while localStorage stays.

const startStore = warRoomStoreFactory();
// The change feed, the stream and the outbox each take their turn; generous under a loaded suite.
const WAIT = { timeout: 5000 };

afterEach(() => {
  vi.unstubAllGlobals();
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

function renderDashboard(store: WarRoomTestStore, sim: ReturnType<typeof makeSim>) {
  return renderLive(createElement(Fragment, null, createElement(WarRoomSync), createElement(Probe)), {
    sim,
    // Signed in as a commander: the war-room server answers with the session, and takes the controls.
    handlers: warRoomServer({ sim: sim.sim, storeBaseUrl: store.baseUrl, signedIn: commander }).handlers,
    config: { storeBaseUrl: store.baseUrl },
  });
}

const queued = () => readOutboxFile(localStorage).entries.map((e) => `${e.kind} ${e.key}`);

test('a kill switch fired while the store is down is in its audit log after a reload, once', async () => {
  const store = await startStore();
  const incident = await declare(store);
  const sim = makeSim();
  const first = renderDashboard(store, sim);
  await vi.waitFor(() => expect(probe.person).toBe('alice'), WAIT);
  await vi.waitFor(() => expect(activeIncidentId()).toBe(incident.id), WAIT);

  storeDown(store);
  const fired = probe.center!.fire('kill-switch', {}, `${incident.id} unknown orders`);
  if (!fired.ok) throw new Error(fired.error);
  const key = fired.command.key;
  await vi.waitFor(() => expect(probe.phase).toBe('confirmed'), WAIT);
  await vi.waitFor(() => expect(queued()).toContain(`audit ${key}.confirmed`), WAIT);
  expect(queued().filter((e) => e.startsWith('audit'))).toEqual([
    `audit ${key}.accepted`,
    `audit ${key}.confirmed`,
  ]);

  // The reload, while the store is still down.
  first.unmount();
  resetOutbox();
  resetCommands();
  expect(localStorage.getItem(OUTBOX_STORAGE_KEY)).toContain(`${key}.confirmed`);

  storeUp(store);
  renderDashboard(store, sim);
  await vi.waitFor(() => expect(queued()).toEqual([]), WAIT);
  const { records } = auditPageSchema.parse((await call(store.api('/audit'))).body);
  expect(records.map((r) => `${r.idempotencyKey} ${r.result} ${r.incidentId}`)).toEqual([
    `${key} accepted ${incident.id}`,
    `${key} confirmed ${incident.id}`,
  ]);
  expect(records[1]).toMatchObject({ operator: 'alice', controlId: 'kill-switch', scope: 'all' });
  // Its timeline copies came through the same queue, once each. (Whether "accepted" is among
  // them depends on whether the stream showed KILLED before the receipt came.)
  const timeline = timelineSchema.parse((await call(store.api(`/incidents/${incident.id}/timeline`))).body);
  const control = timeline.events.filter((e) => e.type.startsWith('control.')).map((e) => e.type);
  expect(control[0]).toBe('control.attempted');
  expect(control.at(-1)).toBe('control.confirmed');
  expect(new Set(control).size).toBe(control.length);
}, 15_000);
