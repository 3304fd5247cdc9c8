import { act } from '@testing-library/react';
import { createElement, Fragment } from 'react';
import { afterEach, expect, test, vi } from 'vitest';
import { auditPageSchema, timelineSchema } from '../../contract/store-schemas.ts';
import { call, declare } from '../../store/test-support.ts';
import { makeSim, renderLive, testConfig } from '../testing/render-live.tsx';
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
import { signedOut, signIn } from './operator-session.ts';

// The dashboard as the app root mounts it (controls provider, war-room sync, the simulator behind
// msw) against a real in-process store that is taken down and brought back; a reload is the page
// going away with its memory while localStorage stays.

const startStore = warRoomStoreFactory();
const TOKEN = 'test-token-0001';
// The change feed, the stream and the outbox each take their turn; generous under a loaded suite.
const WAIT = { timeout: 5000 };

afterEach(() => {
  vi.unstubAllGlobals();
  signedOut();
  resetCommands();
  resetWarRoomClient();
});

const probe: { center: CommandCenter | null; phase: string | undefined } = { center: null, phase: undefined };
function Probe() {
  probe.center = useCommandCenter();
  probe.phase = useCommands()[0]?.phase;
  return null;
}

function renderDashboard(store: WarRoomTestStore, sim: ReturnType<typeof makeSim>) {
  return renderLive(createElement(Fragment, null, createElement(WarRoomSync), createElement(Probe)), {
    sim,
    operators: [{ name: 'alice', token: TOKEN }],
    config: { storeBaseUrl: store.baseUrl },
  });
}

const queued = () => readOutboxFile(localStorage).entries.map((e) => `${e.kind} ${e.key}`);

test('a kill switch fired while the store is down is in its audit log after a reload, once', async () => {
  const store = await startStore();
  const incident = await declare(store);
  const sim = makeSim();
  const first = renderDashboard(store, sim);
  await act(async () => {
    expect((await signIn(testConfig.apiBaseUrl, TOKEN)).ok).toBe(true);
  });
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
