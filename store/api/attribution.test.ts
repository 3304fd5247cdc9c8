// With a session, the store names who did it: the session's person, whatever the body says.
// Without one the store's writes are still open and take the body's actor (a later issue closes them).
import { beforeAll, describe, expect, test } from 'vitest';
import { incidentSchema, timelineSchema } from '../../contract/store-schemas.ts';
import { asOperators, makeOperators, signedIn } from '../auth/session-test-support.ts';
import type { TestOperator } from '../auth/session-test-support.ts';
import { TEST_TIMEOUT_MS, call, declaration, storeFactory, write } from '../test-support.ts';

let commander: TestOperator;
let viewer: TestOperator;
beforeAll(async () => {
  ({ commander, viewer } = await makeOperators());
});
const startStore = storeFactory();

const attempt = (incidentId: string) => ({
  incidentId,
  operator: 'mallory',
  controlId: 'halt',
  scope: 'all',
  reason: 'runaway orders',
  idempotencyKey: `cmd-${crypto.randomUUID()}`,
  result: 'accepted',
  latencyMs: 12,
  attemptedAt: '2026-11-02T09:00:00.000Z',
});

describe('who the records name', { timeout: TEST_TIMEOUT_MS }, () => {
  test("a signed-in person's writes are theirs: declaration, timeline, checklist, audit", async () => {
    const store = await startStore({ auth: { operators: asOperators([commander, viewer]) } });
    const cookie = await signedIn(store.api('/session'), commander);
    const as = { headers: { cookie } };

    const declared = await write(store.api('/incidents'), 'POST', declaration({ actor: 'mallory' }), as);
    const incident = incidentSchema.parse(declared.body);
    expect(incident.declaredBy).toBe('dana');
    const id = incident.id;
    await write(store.api(`/incidents/${id}/acknowledge`), 'POST', { actor: 'mallory' }, as);
    await write(store.api(`/incidents/${id}/notes`), 'POST', { text: 'looking', actor: 'mallory' }, as);
    await write(
      store.api(`/incidents/${id}/timeline`),
      'POST',
      { type: 'control.attempted', actor: 'mallory', text: 'halt' },
      as,
    );
    await write(
      store.api(`/incidents/${id}/checklist/playbook`),
      'PUT',
      { playbookId: 'p', actor: 'mallory' },
      as,
    );
    const ticked = await write(
      store.api(`/incidents/${id}/checklist/steps/s1`),
      'PUT',
      { ticked: true, playbookId: 'p', actor: 'mallory' },
      as,
    );
    expect(ticked.body).toMatchObject({ chosenBy: 'dana', ticks: [{ stepId: 's1', tickedBy: 'dana' }] });
    // Who is assigned a role is what the body says; who assigned it is the session's person.
    await write(store.api(`/incidents/${id}/roles/scribe`), 'PUT', { person: 'sam', actor: 'mallory' }, as);
    const audit = await write(store.api('/audit'), 'POST', attempt(id), as);
    expect(audit.body).toMatchObject({ operator: 'dana' });

    const events = timelineSchema.parse((await call(store.api(`/incidents/${id}/timeline`))).body).events;
    expect(events.map((e) => e.actor)).toEqual(events.map(() => 'dana'));
    expect(events.length).toBe(7);
    expect(incidentSchema.parse((await call(store.api(`/incidents/${id}`))).body)).toMatchObject({
      acknowledgedBy: 'dana',
      roles: { scribe: 'sam' },
    });
  });

  test('without a session, or with one that ended, the body names the actor as before', async () => {
    const store = await startStore({ auth: { operators: asOperators([commander, viewer]) } });
    const open = await write(store.api('/incidents'), 'POST', declaration({ actor: 'ana' }));
    expect(incidentSchema.parse(open.body).declaredBy).toBe('ana');

    const cookie = await signedIn(store.api('/session'), viewer);
    const origin = new URL(store.url('/')).origin;
    await call(store.api('/session'), { method: 'DELETE', headers: { cookie, origin } });
    const after = await write(store.api('/audit'), 'POST', attempt(incidentSchema.parse(open.body).id), {
      headers: { cookie },
    });
    expect(after.body).toMatchObject({ operator: 'mallory' });
  });
});
