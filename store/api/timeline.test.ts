import { describe, expect, test } from 'vitest';
import { timelineSchema } from '../../contract/store-schemas.ts';
import { TEST_TIMEOUT_MS, call, declare, storeFactory, write } from '../test-support.ts';
import type { TestStore } from '../test-support.ts';

const startStore = storeFactory();

const timelineOf = async (store: TestStore, id: string) =>
  timelineSchema.parse((await call(store.api(`/incidents/${id}/timeline`))).body).events;

describe('timeline', { timeout: TEST_TIMEOUT_MS }, () => {
  test('every change is an event, in order, timestamped by the store and attributed', async () => {
    const store = await startStore();
    const { id } = await declare(store, { actor: 'ana', note: 'Paged by the venue monitor' });
    const other = await declare(store, { actor: 'zed' });
    const base = store.api(`/incidents/${id}`);
    await write(`${base}/acknowledge`, 'POST', { actor: 'ben' });
    await write(`${base}/roles/commander`, 'PUT', { person: 'ben', actor: 'ben' });
    await write(`${base}/timeline`, 'POST', {
      type: 'alert.fired',
      actor: 'dashboard',
      text: 'VenueDisconnected on xnys',
      details: { alertId: 'alert-8' },
    });
    await write(`${base}/status`, 'POST', { status: 'IDENTIFIED', actor: 'cat' });
    await write(`${base}/notes`, 'POST', { text: 'Venue confirms outage', actor: 'cat' });
    await write(`${base}`, 'PATCH', { severity: 'SEV1', actor: 'ben' });
    await write(`${base}/timeline`, 'POST', {
      type: 'control.accepted',
      actor: 'ben',
      details: { controlId: 'venue-disable', commandId: 'cmd-7' },
    });

    const events = await timelineOf(store, id);
    expect(events.map((e) => [e.type, e.actor])).toEqual([
      ['incident.declared', 'ana'],
      ['note', 'ana'],
      ['incident.acknowledged', 'ben'],
      ['role.assigned', 'ben'],
      ['alert.fired', 'dashboard'],
      ['incident.status-changed', 'cat'],
      ['note', 'cat'],
      ['incident.updated', 'ben'],
      ['control.accepted', 'ben'],
    ]);
    // One sequence for the whole store: the other incident's declaration sits between.
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seqs[2]! - seqs[1]!).toBe(2);
    expect(events.every((e) => e.incidentId === id)).toBe(true);
    const times = events.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(events[4]).toMatchObject({ text: 'VenueDisconnected on xnys', details: { alertId: 'alert-8' } });
    expect(events[5]).toMatchObject({
      details: { from: 'INVESTIGATING', to: 'IDENTIFIED', reopened: false },
    });
    expect(events[7]).toMatchObject({ details: { changed: { severity: { from: 'SEV2', to: 'SEV1' } } } });
    expect(events[8]).toMatchObject({ text: null, details: { commandId: 'cmd-7' } });
    expect((await timelineOf(store, other.id)).map((e) => e.type)).toEqual(['incident.declared']);
  });

  test('only alert and control events can be reported; the store writes the others itself', async () => {
    const store = await startStore();
    const { id } = await declare(store);
    const answer = await write(store.api(`/incidents/${id}/timeline`), 'POST', {
      type: 'incident.acknowledged',
      actor: 'eve',
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      detail: expect.stringMatching(
        /^reported event: type: expected one of alert\.fired, .*control\.failed, got "incident\.acknowledged"$/,
      ),
    });
  });

  test('a body nested thousands deep is refused in words, not with a crash', async () => {
    const store = await startStore();
    const { id } = await declare(store);
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const answer = await fetch(store.api(`/incidents/${id}/timeline`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'deep-details-0001' },
      body: `{"type":"alert.fired","actor":"system","details":${deep}}`,
    });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({
      detail: 'the reported event nests more than 64 levels deep',
    });
  });

  test('an unknown incident has no timeline, and nothing can be added to it', async () => {
    const store = await startStore();
    expect((await call(store.api('/incidents/INC-9/timeline'))).status).toBe(404);
    const note = await write(store.api('/incidents/INC-9/notes'), 'POST', { text: 'x', actor: 'eve' });
    expect(note).toMatchObject({ status: 404, body: { detail: 'there is no incident INC-9' } });
  });
});
