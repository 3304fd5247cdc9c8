import { http, HttpResponse, passthrough } from 'msw';
import type { ReactNode } from 'react';
import { storeFactory } from '../../store/test-support.ts';
import type { TestStore } from '../../store/test-support.ts';
import { resetActor } from '../warroom/actor.ts';
import { incidentSelectionActions } from '../warroom/active-incident.ts';
import { resetOutbox } from '../warroom/outbox-store.ts';
import { resetStoreLink } from '../warroom/store-link.ts';
import { useWarRoomSync } from '../warroom/use-war-room-sync.ts';
import type { RuntimeConfig } from '../config/runtime-config.ts';
import { server } from './msw-server.ts';
import { makeSim, renderLive } from './render-live.tsx';

export interface WarRoomTestStore extends TestStore {
  /** The store's API base URL, absolute: `storeBaseUrl` of the config under test. */
  baseUrl: string;
}

/**
 * A real war-room store for the dom tests: the production server over a temporary SQLite file
 * on an ephemeral 127.0.0.1 port, in this process. msw lets requests to its origin through, so
 * jsdom's fetch reaches it and the unhandled-request rule still guards every other origin.
 * Call at the top of a test file (it registers the afterEach that closes the stores).
 */
export function warRoomStoreFactory(): () => Promise<WarRoomTestStore> {
  const start = storeFactory();
  return async () => {
    const store = await start();
    server.use(http.all(store.url('/*'), () => passthrough()));
    return { ...store, baseUrl: store.api('') };
  };
}

/** The browser's war-room state between tests: outbox, its localStorage, the link, the selection. */
export function resetWarRoomClient(): void {
  resetOutbox();
  localStorage.clear();
  resetActor();
  resetStoreLink();
  incidentSelectionActions.incidentClosed();
}

/** Mounts the war-room sync (change feed, outbox, alert reporting) as the app root does. */
export function WarRoomSync() {
  useWarRoomSync();
  return null;
}

/**
 * Renders part of the dashboard with the live stack (simulator behind msw) and the war-room
 * sync against a real store, as the app root mounts them.
 */
export function renderWarRoom(
  ui: ReactNode,
  store: WarRoomTestStore,
  opts: { sim?: ReturnType<typeof makeSim>; config?: Partial<RuntimeConfig> } = {},
) {
  return renderLive(
    <>
      <WarRoomSync />
      {ui}
    </>,
    { sim: opts.sim ?? makeSim(), config: { storeBaseUrl: store.baseUrl, ...opts.config } },
  );
}

/** The store stops answering (as a killed process would), or answers again. */
export function storeDown(store: WarRoomTestStore): void {
  server.use(http.all(store.url('/*'), () => HttpResponse.error()));
}
export function storeUp(store: WarRoomTestStore): void {
  server.use(http.all(store.url('/*'), () => passthrough()));
}
