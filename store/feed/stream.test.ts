import { describe, expect, test } from 'vitest';
import { changePageSchema, changeSchema, storeHealthSchema } from '../../contract/store-schemas.ts';
import type { Change } from '../../contract/store-schemas.ts';
import {
  TEST_TIMEOUT_MS,
  call,
  declare,
  openStream,
  readSseMessages,
  storeFactory,
  write,
} from '../test-support.ts';
import type { SseMessage, TestStore } from '../test-support.ts';

const startStore = storeFactory();

/** Parses every message against the contract and checks that its SSE id is the change's id. */
function changes(messages: SseMessage[]): Change[] {
  return messages.map((message) => {
    const change = changeSchema.parse(JSON.parse(message.data));
    expect(message.id).toBe(String(change.id));
    return change;
  });
}

const lastChangeId = async (store: TestStore) =>
  storeHealthSchema.parse((await call(store.api('/health'))).body).lastChangeId;

const note = (store: TestStore, id: string, text: string) =>
  write(store.api(`/incidents/${id}/notes`), 'POST', { text, actor: 'ana' });

describe('change feed', { timeout: TEST_TIMEOUT_MS }, () => {
  test('two open dashboards both get every change, live, with increasing ids', async () => {
    const store = await startStore();
    const [one, two] = await Promise.all([
      openStream(store.api('/stream')),
      openStream(store.api('/stream')),
    ]);
    expect(one.headers.get('cache-control')).toBe('no-store');

    const incident = await declare(store, { note: 'first look' });
    await write(store.api(`/incidents/${incident.id}/checklist/playbook`), 'PUT', {
      playbookId: 'p',
      actor: 'a',
    });
    await write(store.api('/audit'), 'POST', {
      incidentId: incident.id,
      operator: 'ana',
      controlId: 'halt',
      scope: 'all',
      reason: 'r',
      idempotencyKey: 'abcdefgh',
      result: 'accepted',
      latencyMs: 3,
      attemptedAt: new Date().toISOString(),
    });
    const expected = [
      'incident.created',
      'timeline.appended',
      'timeline.appended',
      'checklist.changed',
      'timeline.appended',
      'audit.appended',
    ];
    for (const stream of [one, two]) {
      const received = changes(await readSseMessages(stream, expected.length));
      expect(received.map((c) => c.type)).toEqual(expected);
      expect(received.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(received[0]).toMatchObject({ incidentId: incident.id, incident });
    }
  });

  test('Last-Event-ID replays exactly the missed changes, then goes on live', async () => {
    const store = await startStore();
    const { id } = await declare(store);
    const seen = await lastChangeId(store);
    await note(store, id, 'missed one');
    await note(store, id, 'missed two');
    const missed = changePageSchema.parse((await call(store.api(`/changes?after=${seen}`))).body).changes;
    expect(missed.length).toBe(4); // per note: the timeline event and the incident's lastNoteAt

    const stream = await openStream(store.api('/stream'), { 'last-event-id': String(seen) });
    const replayed = changes(await readSseMessages(stream, missed.length));
    expect(replayed).toEqual(missed);
    await note(store, id, 'live');
    const [live] = changes(await readSseMessages(stream, 1));
    expect(live).toMatchObject({
      id: missed.at(-1)!.id + 1,
      type: 'timeline.appended',
      event: { text: 'live' },
    });

    // The query parameter does the same for clients that cannot set headers.
    const byQuery = await openStream(store.api(`/stream?lastEventId=${seen}`));
    expect(changes(await readSseMessages(byQuery, missed.length + 2))).toEqual(
      changePageSchema.parse((await call(store.api(`/changes?after=${seen}`))).body).changes,
    );
  });

  test('a garbled Last-Event-ID is a 400, not a silent start from somewhere', async () => {
    const store = await startStore();
    const answer = await call(store.api('/stream'), { headers: { 'last-event-id': 'abc' } });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      detail: expect.stringContaining('Last-Event-ID must be a change id'),
    });
  });

  test('changes?after= pages through everything, oldest first, and says the newest id', async () => {
    const store = await startStore();
    const { id } = await declare(store);
    for (let i = 0; i < 3; i += 1) await note(store, id, `n${i}`);
    const all = changePageSchema.parse((await call(store.api('/changes?after=0'))).body);
    expect(all.changes.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(all.lastChangeId).toBe(8);
    expect(all.storeId).toMatch(/^[0-9a-f]{32}$/);
    const page = changePageSchema.parse((await call(store.api('/changes?after=2&limit=3'))).body);
    expect(page.changes.map((c) => c.id)).toEqual([3, 4, 5]);
    expect(page.lastChangeId).toBe(8);
    expect(changePageSchema.parse((await call(store.api('/changes?after=8'))).body).changes).toEqual([]);
  });
});
