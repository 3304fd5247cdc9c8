import { describe, expect, test } from 'vitest';
import {
  changePageSchema,
  incidentListSchema,
  incidentSchema,
  timelineSchema,
} from '../../contract/store-schemas.ts';
import type { IncidentStatus } from '../../contract/store-schemas.ts';
import { TEST_TIMEOUT_MS, call, declaration, declare, storeFactory, write } from '../test-support.ts';
import type { TestStore } from '../test-support.ts';

const startStore = storeFactory();

const setStatus = (store: TestStore, id: string, status: IncidentStatus) =>
  write(store.api(`/incidents/${id}/status`), 'POST', { status, actor: 'eli' });

describe('incidents', { timeout: TEST_TIMEOUT_MS }, () => {
  test('declare, then get and list it: the store gives the id, times and defaults', async () => {
    const store = await startStore();
    const answer = await write(
      store.api('/incidents'),
      'POST',
      declaration({ note: 'Gateway logs show 503s' }),
    );
    expect(answer.status).toBe(201);
    const incident = incidentSchema.parse(answer.body);
    const { actor: _actor, ...declared } = declaration();
    expect(incident).toMatchObject({
      id: 'INC-1',
      ...declared,
      status: 'INVESTIGATING',
      declaredBy: 'dana',
      acknowledgedAt: null,
      resolvedAt: null,
      roles: { commander: null, scribe: null, communications: null },
      impact: null,
      rootCause: null,
    });
    expect(incident.statusChangedAt).toBe(incident.declaredAt);
    expect(incident.lastNoteAt).toBe(incident.declaredAt);

    expect((await call(store.api('/incidents/INC-1'))).body).toEqual(incident);
    const second = await declare(store, { title: 'Market data stale', severity: 'SEV3' });
    const list = incidentListSchema.parse((await call(store.api('/incidents'))).body);
    expect(list.incidents).toEqual([second, incident]);
    expect(list.lastChangeId).toBeGreaterThan(0);
  });

  test('an incident names the system it is about, in the answer, the list, the feed and the timeline', async () => {
    const store = await startStore();
    const named = await declare(store, { systemId: 'desk-7' });
    expect(named.systemId).toBe('desk-7');
    // An older dashboard says nothing of it: taken as before, the system unknown.
    const unnamed = await write(store.api('/incidents'), 'POST', declaration());
    expect(unnamed.status).toBe(201);
    expect(unnamed.body).toHaveProperty('systemId', null);

    const list = (await call(store.api('/incidents'))).body as { incidents: Record<string, unknown>[] };
    expect(list.incidents.map((i) => i['systemId'])).toEqual([null, 'desk-7']);
    const changes = changePageSchema.parse((await call(store.api('/changes?after=0'))).body).changes;
    const created = changes.filter((c) => c.type === 'incident.created');
    expect(created.map((c) => c.incident.systemId)).toEqual(['desk-7', null]);
    const timeline = timelineSchema.parse((await call(store.api(`/incidents/${named.id}/timeline`))).body);
    expect(timeline.events[0]).toMatchObject({ type: 'incident.declared', details: { systemId: 'desk-7' } });
    // An edit leaves it as declared.
    await write(store.api(`/incidents/${named.id}`), 'PATCH', { title: 'Desk 7 rejecting', actor: 'lee' });
    expect(incidentSchema.parse((await call(store.api(`/incidents/${named.id}`))).body).systemId).toBe(
      'desk-7',
    );
  });

  test('a system id that is not one is refused in words, and nothing is declared', async () => {
    const store = await startStore();
    const answer = await write(store.api('/incidents'), 'POST', declaration({ systemId: 'Desk 7' }));
    expect(answer).toMatchObject({
      status: 400,
      body: {
        detail:
          'incident declaration: systemId: a system id is a lower-case letter, then lower-case letters, digits and dashes',
      },
    });
    expect(incidentListSchema.parse((await call(store.api('/incidents'))).body).incidents).toEqual([]);
  });

  test('the list filters open and resolved incidents', async () => {
    const store = await startStore();
    const open = await declare(store);
    const done = await declare(store);
    expect((await setStatus(store, done.id, 'RESOLVED')).status).toBe(200);
    const ids = async (status: string) =>
      incidentListSchema
        .parse((await call(store.api(`/incidents?status=${status}`))).body)
        .incidents.map((i) => i.id);
    expect(await ids('open')).toEqual([open.id]);
    expect(await ids('resolved')).toEqual([done.id]);
    expect(await ids('all')).toEqual([done.id, open.id]);
  });

  test('acknowledge once: who and when; a second acknowledgement is a conflict', async () => {
    const store = await startStore();
    const { id } = await declare(store);
    const first = await write(store.api(`/incidents/${id}/acknowledge`), 'POST', { actor: 'finn' });
    expect(first.status).toBe(200);
    const acknowledged = incidentSchema.parse(first.body);
    expect(acknowledged.acknowledgedBy).toBe('finn');
    expect(acknowledged.acknowledgedAt).not.toBeNull();
    const again = await write(store.api(`/incidents/${id}/acknowledge`), 'POST', { actor: 'gus' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ detail: expect.stringContaining('already acknowledged by finn') });
    expect(incidentSchema.parse((await call(store.api(`/incidents/${id}`))).body).acknowledgedBy).toBe(
      'finn',
    );
  });

  test('status moves forward, may skip, resolves and reopens; backwards and no-ops are refused', async () => {
    const store = await startStore();
    const { id } = await declare(store);
    const status = async (to: IncidentStatus) => {
      const answer = await setStatus(store, id, to);
      return { code: answer.status, body: answer.body as Record<string, unknown> };
    };
    expect((await status('IDENTIFIED')).code).toBe(200);
    expect(await status('IDENTIFIED')).toMatchObject({
      code: 409,
      body: { detail: `${id}: the incident is already IDENTIFIED` },
    });
    expect((await status('RESOLVED')).body).toMatchObject({
      status: 'RESOLVED',
      resolvedAt: expect.any(String),
    });
    expect(await status('MONITORING')).toMatchObject({
      code: 409,
      body: { detail: expect.stringContaining('can only be reopened to INVESTIGATING') },
    });
    expect((await status('INVESTIGATING')).body).toMatchObject({ status: 'INVESTIGATING', resolvedAt: null });
    expect((await status('MONITORING')).code).toBe(200);
    expect(await status('IDENTIFIED')).toMatchObject({
      code: 409,
      body: { detail: expect.stringContaining('cannot go back from MONITORING to IDENTIFIED') },
    });
    expect(incidentSchema.parse((await call(store.api(`/incidents/${id}`))).body).status).toBe('MONITORING');
  });

  test('roles: assign, reassign, unassign; setting what is set changes nothing', async () => {
    const store = await startStore();
    const { id } = await declare(store);
    const role = (name: string, person: string | null) =>
      write(store.api(`/incidents/${id}/roles/${name}`), 'PUT', { person, actor: 'hal' });
    expect((await role('commander', 'ivy')).body).toMatchObject({ roles: { commander: 'ivy' } });
    expect((await role('scribe', 'jo')).body).toMatchObject({ roles: { commander: 'ivy', scribe: 'jo' } });
    expect((await role('commander', 'kai')).body).toMatchObject({
      roles: { commander: 'kai', scribe: 'jo' },
    });
    const unchanged = await role('commander', 'kai');
    expect(unchanged.status).toBe(200);
    const after = await role('scribe', null);
    expect(after.body).toMatchObject({ roles: { commander: 'kai', scribe: null, communications: null } });
    const timeline = (await call(store.api(`/incidents/${id}/timeline`))).body as {
      events: { type: string }[];
    };
    expect(timeline.events.map((e) => e.type).filter((t) => t.startsWith('role.'))).toEqual([
      'role.assigned',
      'role.assigned',
      'role.assigned',
      'role.unassigned',
    ]);
  });

  test('edit: severity within the declared scheme, post-mortem fields, nothing-to-change', async () => {
    const store = await startStore();
    const { id } = await declare(store, { severityScheme: 'P0-P3', severity: 'P2' });
    const patch = (body: object) => write(store.api(`/incidents/${id}`), 'PATCH', { actor: 'lee', ...body });
    const raised = await patch({ severity: 'P0', impact: 'Orders rejected for 4 minutes' });
    expect(raised.body).toMatchObject({
      severity: 'P0',
      impact: 'Orders rejected for 4 minutes',
      rootCause: null,
    });
    const outside = await patch({ severity: 'SEV1' });
    expect(outside.status).toBe(400);
    expect(outside.body).toMatchObject({
      detail: `${id}: SEV1 is not a severity of the P0-P3 scheme; use one of P0, P1, P2, P3`,
    });
    expect((await patch({ rootCause: 'Expired TLS certificate' })).body).toMatchObject({
      impact: 'Orders rejected for 4 minutes',
      rootCause: 'Expired TLS certificate',
    });
    expect((await patch({ impact: null })).body).toMatchObject({ impact: null });
    const empty = await patch({});
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ detail: expect.stringContaining('nothing to change') });
  });

  test('notes are timeline events and move lastNoteAt', async () => {
    const store = await startStore();
    const { id, lastNoteAt } = await declare(store);
    expect(lastNoteAt).toBeNull();
    const note = await write(store.api(`/incidents/${id}/notes`), 'POST', {
      text: 'Failover started',
      actor: 'mo',
    });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ incidentId: id, type: 'note', text: 'Failover started', actor: 'mo' });
    const incident = incidentSchema.parse((await call(store.api(`/incidents/${id}`))).body);
    expect(incident.lastNoteAt).toBe((note.body as { at: string }).at);
  });
});
