import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { incidentListSchema } from '../../contract/store-schemas.ts';
import type { Change, IncidentList, Timeline } from '../../contract/store-schemas.ts';
import { call, declare, write } from '../../store/test-support.ts';
import { warRoomStoreFactory } from '../testing/war-room-store.tsx';
import type { WarRoomTestStore } from '../testing/war-room-store.tsx';
import { applyChanges, foldIncidentList, foldTimeline } from './apply-change.ts';
import { ChangeFeed } from './change-feed.ts';
import type { FeedPhase } from './change-feed.ts';
import { warroomKeys } from './queries.ts';
import { SseParser } from './sse-parser.ts';
import { event, incident } from '../testing/war-room-fixtures.ts';

const startStore = warRoomStoreFactory();

describe('folding changes', () => {
  const list: IncidentList = { storeId: 's', lastChangeId: 4, incidents: [incident({ id: 'INC-1' })] };
  const created: Change = {
    id: 5,
    at: '2026-03-02T14:00:00Z',
    incidentId: 'INC-2',
    type: 'incident.created',
    incident: incident({ id: 'INC-2' }),
  };

  test('a new incident goes first, once; the list moves to the change id', () => {
    const once = foldIncidentList(list, created);
    expect(once.incidents.map((i) => i.id)).toEqual(['INC-2', 'INC-1']);
    expect(once.lastChangeId).toBe(5);
    expect(foldIncidentList(once, created).incidents).toHaveLength(2);
  });

  test('an update replaces the incident, but an older copy never overwrites a newer one', () => {
    const newer = incident({ id: 'INC-1', status: 'IDENTIFIED', updatedAt: '2026-03-02T14:10:00.000Z' });
    const updated = foldIncidentList(list, { ...created, id: 6, type: 'incident.updated', incident: newer });
    expect(updated.incidents[0]?.status).toBe('IDENTIFIED');
    const stale = foldIncidentList(updated, {
      ...created,
      id: 7,
      type: 'incident.updated',
      incident: incident({ id: 'INC-1' }),
    });
    expect(stale.incidents[0]?.status).toBe('IDENTIFIED');
    expect(stale.lastChangeId).toBe(7);
  });

  test('timeline events are kept in seq order, each once', () => {
    const [a, b] = [event(1, 'note', 'a'), event(2, 'note', 'b')];
    const timeline: Timeline = { incidentId: 'INC-3', events: [] };
    const folded = foldTimeline(foldTimeline(foldTimeline(timeline, b), a), b);
    expect(folded.events.map((e) => e.text)).toEqual(['a', 'b']);
  });

  test('into the query cache: the list, the incident, and only timelines that are held', () => {
    const client = new QueryClient();
    client.setQueryData(warroomKeys.list('/w'), list);
    client.setQueryData(warroomKeys.timeline('/w', 'INC-3'), { incidentId: 'INC-3', events: [] });
    const note = event(3, 'note', 'hello');
    applyChanges(client, '/w', [
      created,
      { id: 6, at: note.at, incidentId: 'INC-3', type: 'timeline.appended', event: note },
      {
        id: 7,
        at: note.at,
        incidentId: 'INC-9',
        type: 'timeline.appended',
        event: { ...note, seq: 999, incidentId: 'INC-9' },
      },
    ]);
    expect(client.getQueryData<IncidentList>(warroomKeys.list('/w'))?.lastChangeId).toBe(7);
    expect(client.getQueryData(warroomKeys.incident('/w', 'INC-2'))).toMatchObject({ id: 'INC-2' });
    expect(client.getQueryData<Timeline>(warroomKeys.timeline('/w', 'INC-3'))?.events).toEqual([note]);
    expect(client.getQueryData(warroomKeys.timeline('/w', 'INC-9'))).toBeUndefined();
  });
});

describe('the SSE parser', () => {
  test('reads ids and data across chunk boundaries and skips comments', () => {
    const parser = new SseParser();
    expect(parser.push('retry: 1000\n\n: keep-alive\n\nid: 4\nda')).toEqual([]);
    expect(parser.push('ta: {"a":1}\n\nid: 5\r\ndata: x\r\ndata: y\r\n\r\n')).toEqual([
      { id: '4', data: '{"a":1}' },
      { id: '5', data: 'x\ny' },
    ]);
  });
});

/** A sink like the app's: the incident list and every change applied to it. */
function listSink(store: WarRoomTestStore) {
  const state = { list: null as IncidentList | null, phases: [] as FeedPhase[], applied: [] as number[] };
  return {
    state,
    sink: {
      position: () =>
        state.list ? { storeId: state.list.storeId, changeId: state.list.lastChangeId } : null,
      restart: async () => {
        state.list = incidentListSchema.parse((await call(store.api('/incidents'))).body);
      },
      apply: (changes: Change[]) => {
        for (const change of changes) {
          state.applied.push(change.id);
          state.list = foldIncidentList(state.list!, change);
        }
      },
      report: (r: { phase: FeedPhase }) => state.phases.push(r.phase),
    },
  };
}

const feeds: ChangeFeed[] = [];
afterEach(() => feeds.splice(0).forEach((f) => f.stop()));

describe('the change feed against a real store', () => {
  test('streams every change within a second, each once, resuming with Last-Event-ID', async () => {
    const store = await startStore();
    await declare(store, { title: 'before the dashboard opened' });
    const { state, sink } = listSink(store);
    const requests: string[] = [];
    const feed = new ChangeFeed(sink, {
      baseUrl: store.baseUrl,
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        requests.push(`${String(input)} ${headers.get('last-event-id') ?? ''}`.trim());
        return globalThis.fetch(input, init);
      },
    });
    feeds.push(feed);
    feed.start();
    await vi.waitFor(() => expect(state.phases.at(-1)).toBe('live'));
    // A declaration is two changes: the incident and its first timeline event.
    expect(requests.at(-1)).toBe(`${store.baseUrl}/stream 2`);

    const startedAt = Date.now();
    const second = await declare(store, { title: 'while watching' });
    await vi.waitFor(() => expect(state.list?.incidents.map((i) => i.id)).toContain(second.id), {
      timeout: 1000,
    });
    expect(Date.now() - startedAt).toBeLessThan(1000);
    await write(store.api(`/incidents/${second.id}/notes`), 'POST', { text: 'n', actor: 'a' });
    await vi.waitFor(() => expect(state.list?.lastChangeId).toBe(6));
    expect(state.applied).toEqual([3, 4, 5, 6]);
  });

  test('polls changes?after= while the stream is refused, then goes back to the stream', async () => {
    const store = await startStore();
    const { state, sink } = listSink(store);
    let streamAllowed = false;
    const feed = new ChangeFeed(sink, {
      baseUrl: store.baseUrl,
      pollMs: 100,
      streamRetryEvery: 3,
      fetch: (input, init) =>
        !streamAllowed && String(input).endsWith('/stream')
          ? Promise.reject(new TypeError('fetch failed'))
          : globalThis.fetch(input, init),
    });
    feeds.push(feed);
    feed.start();
    await vi.waitFor(() => expect(state.phases).toContain('polling'));
    const incident = await declare(store);
    await vi.waitFor(() => expect(state.list?.incidents.map((i) => i.id)).toEqual([incident.id]), {
      timeout: 1000,
    });

    streamAllowed = true;
    await vi.waitFor(() => expect(state.phases.at(-1)).toBe('live'));
    await declare(store, { title: 'again' });
    await vi.waitFor(() => expect(state.list?.incidents).toHaveLength(2));
    expect(state.applied).toEqual([1, 2, 3, 4]);
  });

  test('says the store is unreachable while nothing answers', async () => {
    const { state, sink } = listSink({} as WarRoomTestStore);
    const feed = new ChangeFeed(
      { ...sink, restart: () => Promise.reject(new Error('the store is unreachable')) },
      { baseUrl: 'http://store.invalid/warroom/v1', pollMs: 50, maxBackoffMs: 50 },
    );
    feeds.push(feed);
    feed.start();
    await vi.waitFor(() => expect(state.phases).toContain('unreachable'));
  });
});
