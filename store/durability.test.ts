// The store as a real process, killed with SIGKILL right after it acknowledged writes: every
// acknowledged write must be there after a restart, and change ids must go on, never repeat.
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
  changePageSchema,
  changeSchema,
  incidentListSchema,
  storeHealthSchema,
  timelineEventSchema,
  timelineSchema,
} from '../contract/store-schemas.ts';
import { storeProcessFactory } from './process-support.ts';
import {
  TEST_TIMEOUT_MS,
  call,
  declaration,
  openStream,
  readSseMessages,
  sseReader,
  tempDir,
  write,
} from './test-support.ts';

const runStore = storeProcessFactory();
const removals: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const remove of removals.splice(0)) await remove();
});

async function startOn(db: string) {
  const store = runStore(['--port', '0', '--db', db]);
  const port = await store.port();
  return { store, api: (path: string) => `http://127.0.0.1:${port}/warroom/v1${path}` };
}

async function freshDb(): Promise<string> {
  const dir = await tempDir();
  removals.push(dir.remove);
  // A folder that does not exist yet: the store creates it.
  return join(dir.path, 'data', 'war-room.db');
}

async function killHard(store: ReturnType<typeof runStore>) {
  store.child.kill('SIGKILL');
  expect(await store.exited()).toEqual({ code: null, signal: 'SIGKILL' });
}

describe('durability', { timeout: TEST_TIMEOUT_MS * 2 }, () => {
  test('kill -9 right after the acknowledgements: every acknowledged write survives; ids go on', async () => {
    const db = await freshDb();
    const first = await startOn(db);
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const answer = await write(first.api('/incidents'), 'POST', declaration({ title: `incident ${i}` }));
      expect(answer.status).toBe(201);
      ids.push((answer.body as { id: string }).id);
    }
    // Concurrent writes, acknowledged, then the kill at once: no grace period to flush anything.
    const notes = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        write(first.api(`/incidents/${ids[i % 4]}/notes`), 'POST', { text: `note ${i}`, actor: 'ana' }),
      ),
    );
    expect(notes.map((n) => n.status)).toEqual(notes.map(() => 201));
    await killHard(first.store);

    const second = await startOn(db);
    const list = incidentListSchema.parse((await call(second.api('/incidents'))).body);
    expect(list.incidents.map((i) => i.id).sort()).toEqual([...ids].sort());
    const stored = new Map<number, unknown>();
    for (const id of ids)
      for (const event of timelineSchema.parse((await call(second.api(`/incidents/${id}/timeline`))).body)
        .events)
        stored.set(event.seq, event);
    for (const note of notes) {
      const event = timelineEventSchema.parse(note.body);
      expect(stored.get(event.seq)).toEqual(event);
    }

    // 4 × (created + declared) + 24 × (note + lastNoteAt): ids 1…56, none lost, none twice.
    const page = changePageSchema.parse((await call(second.api('/changes?after=0&limit=1000'))).body);
    expect(page.changes.map((c) => c.id)).toEqual(Array.from({ length: 56 }, (_, i) => i + 1));
    expect(list.lastChangeId).toBe(56);
    await write(second.api(`/incidents/${ids[0]}/notes`), 'POST', { text: 'after restart', actor: 'bo' });
    const next = changePageSchema.parse((await call(second.api('/changes?after=56'))).body).changes;
    expect(next.map((c) => c.id)).toEqual([57, 58]);
    second.store.child.kill('SIGTERM');
    expect(await second.store.exited()).toEqual({ code: 0, signal: null });
  });

  test('Last-Event-ID resumes across a restart: exactly the missed changes, then live', async () => {
    const db = await freshDb();
    const first = await startOn(db);
    const { id } = (await write(first.api('/incidents'), 'POST', declaration())).body as { id: string };
    const storeId = storeHealthSchema.parse((await call(first.api('/health'))).body).storeId;
    const stream = await openStream(first.api('/stream'), { 'last-event-id': '0' });
    const seen = (await readSseMessages(stream, 2)).map((m) => changeSchema.parse(JSON.parse(m.data)));
    const lastSeen = seen.at(-1)!.id;
    // The dashboard loses its connection; the war room goes on writing; the store dies.
    sseReader(stream).cancel();
    for (const text of ['missed 1', 'missed 2', 'missed 3'])
      expect((await write(first.api(`/incidents/${id}/notes`), 'POST', { text, actor: 'cy' })).status).toBe(
        201,
      );
    await killHard(first.store);

    const second = await startOn(db);
    expect(storeHealthSchema.parse((await call(second.api('/health'))).body)).toMatchObject({
      storeId,
      lastChangeId: lastSeen + 6,
    });
    const resumed = await openStream(second.api('/stream'), { 'last-event-id': String(lastSeen) });
    const replayed = (await readSseMessages(resumed, 6)).map((m) => changeSchema.parse(JSON.parse(m.data)));
    expect(replayed.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6].map((n) => lastSeen + n));
    const texts = replayed.flatMap((c) => (c.type === 'timeline.appended' ? [c.event.text] : []));
    expect(texts).toEqual(['missed 1', 'missed 2', 'missed 3']);

    await write(second.api(`/incidents/${id}/notes`), 'POST', { text: 'live again', actor: 'cy' });
    const live = (await readSseMessages(resumed, 2)).map((m) => changeSchema.parse(JSON.parse(m.data)));
    expect(live.map((c) => c.id)).toEqual([lastSeen + 7, lastSeen + 8]);
    expect(live[0]).toMatchObject({ type: 'timeline.appended', event: { text: 'live again' } });
  });
});
