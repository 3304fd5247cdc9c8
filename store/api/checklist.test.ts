import { describe, expect, test } from 'vitest';
import { checklistSchema, timelineSchema } from '../../contract/store-schemas.ts';
import { TEST_TIMEOUT_MS, call, declare, storeFactory, write } from '../test-support.ts';

const startStore = storeFactory();

describe('checklist progress', { timeout: TEST_TIMEOUT_MS }, () => {
  test('choose a playbook, tick and untick steps (who, when); switching keeps each playbook’s ticks', async () => {
    const store = await startStore();
    const { id } = await declare(store);
    const base = store.api(`/incidents/${id}/checklist`);
    const empty = checklistSchema.parse((await call(base)).body);
    expect(empty).toEqual({ incidentId: id, playbookId: null, chosenAt: null, chosenBy: null, ticks: [] });

    const early = await write(`${base}/steps/halt-trading`, 'PUT', {
      ticked: true,
      playbookId: 'exchange-outage',
      actor: 'ana',
    });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      detail: `${id} has no playbook yet: choose one before ticking its steps`,
    });

    const chosen = await write(`${base}/playbook`, 'PUT', { playbookId: 'exchange-outage', actor: 'ana' });
    expect(chosen.body).toMatchObject({ playbookId: 'exchange-outage', chosenBy: 'ana', ticks: [] });
    const tick = (step: string, ticked: boolean, actor = 'bo') =>
      write(`${base}/steps/${step}`, 'PUT', { ticked, playbookId: 'exchange-outage', actor });
    await tick('confirm-venue', true);
    await tick('disable-venue', true, 'cy');
    await tick('confirm-venue', true, 'zz'); // already ticked: nothing changes, not even who
    const ticked = checklistSchema.parse((await tick('notify-desk', true)).body);
    expect(ticked.ticks.map((t) => [t.stepId, t.tickedBy])).toEqual([
      ['confirm-venue', 'bo'],
      ['disable-venue', 'cy'],
      ['notify-desk', 'bo'],
    ]);
    expect(ticked.ticks.every((t) => !Number.isNaN(Date.parse(t.tickedAt)))).toBe(true);
    const unticked = checklistSchema.parse((await tick('disable-venue', false)).body);
    expect(unticked.ticks.map((t) => t.stepId)).toEqual(['confirm-venue', 'notify-desk']);

    await write(`${base}/playbook`, 'PUT', { playbookId: 'system-crash', actor: 'cy' });
    expect(checklistSchema.parse((await call(base)).body)).toMatchObject({
      playbookId: 'system-crash',
      ticks: [],
    });
    await write(`${base}/playbook`, 'PUT', { playbookId: 'exchange-outage', actor: 'cy' });
    const back = checklistSchema.parse((await call(base)).body);
    expect(back.ticks.map((t) => t.stepId)).toEqual(['confirm-venue', 'notify-desk']);

    const events = timelineSchema.parse((await call(store.api(`/incidents/${id}/timeline`))).body).events;
    expect(events.map((e) => e.type).slice(1)).toEqual([
      'playbook.chosen',
      'checklist.step-ticked',
      'checklist.step-ticked',
      'checklist.step-ticked',
      'checklist.step-unticked',
      'playbook.chosen',
      'playbook.chosen',
    ]);
    expect(events[5]).toMatchObject({
      actor: 'bo',
      details: { playbookId: 'exchange-outage', stepId: 'disable-venue' },
    });
  });

  test('a step id travels percent-encoded in the path', async () => {
    const store = await startStore();
    const { id } = await declare(store);
    const base = store.api(`/incidents/${id}/checklist`);
    await write(`${base}/playbook`, 'PUT', { playbookId: 'db', actor: 'ana' });
    const answer = await write(`${base}/steps/${encodeURIComponent('step 2/b')}`, 'PUT', {
      ticked: true,
      playbookId: 'db',
      actor: 'ana',
    });
    expect(checklistSchema.parse(answer.body).ticks.map((t) => t.stepId)).toEqual(['step 2/b']);
  });

  // Step ids repeat across playbooks (`reconcile`, `health`, `verify-operational`): a tick made
  // under one playbook and delivered after a switch must not tick the other's namesake step.
  test('a tick names its playbook: recorded for the active one, refused (409, in words) for another', async () => {
    const store = await startStore();
    const { id } = await declare(store);
    const base = store.api(`/incidents/${id}/checklist`);
    await write(`${base}/playbook`, 'PUT', { playbookId: 'hft-exchange-outage', actor: 'ana' });
    const tick = (playbookId: string, key?: string) =>
      write(`${base}/steps/reconcile`, 'PUT', { ticked: true, playbookId, actor: 'bo' }, { key });

    const ok = await tick('hft-exchange-outage');
    expect(ok.status).toBe(200);
    expect(checklistSchema.parse(ok.body).ticks.map((t) => t.stepId)).toEqual(['reconcile']);

    await write(`${base}/playbook`, 'PUT', { playbookId: 'hft-system-crash', actor: 'cy' });
    const before = (await call(store.api(`/incidents/${id}/timeline`))).body;
    const key = 'late-tick-0001';
    const late = await tick('hft-exchange-outage', key);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      title: 'Conflict',
      detail: `${id} now follows hft-system-crash; this tick of reconcile was for hft-exchange-outage, so it was not recorded. Tick the step again in hft-system-crash if it applies there`,
    });
    expect(checklistSchema.parse((await call(base)).body)).toMatchObject({
      playbookId: 'hft-system-crash',
      ticks: [],
    });
    expect((await call(store.api(`/incidents/${id}/timeline`))).body).toEqual(before);

    // Idempotency as for every refusal of the state: the same key and request get the same 409,
    // even once the playbook is switched back, so an outbox retry cannot turn it into a tick.
    await write(`${base}/playbook`, 'PUT', { playbookId: 'hft-exchange-outage', actor: 'cy' });
    const retried = await tick('hft-exchange-outage', key);
    expect([retried.status, retried.body]).toEqual([409, late.body]);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
  });

  test('a tick without its playbook is refused as malformed (400), not recorded under its key', async () => {
    const store = await startStore();
    const { id } = await declare(store);
    const base = store.api(`/incidents/${id}/checklist`);
    await write(`${base}/playbook`, 'PUT', { playbookId: 'hft-exchange-outage', actor: 'ana' });
    const key = 'old-tick-0001';
    const bare = await write(`${base}/steps/reconcile`, 'PUT', { ticked: true, actor: 'bo' }, { key });
    expect(bare.status).toBe(400);
    expect(bare.body).toMatchObject({
      detail: 'step tick: playbookId: missing, expected a string',
    });
    expect(checklistSchema.parse((await call(base)).body).ticks).toEqual([]);
    // A refusal of the form is not recorded: the same key with the playbook named goes through.
    const named = await write(
      `${base}/steps/reconcile`,
      'PUT',
      { ticked: true, playbookId: 'hft-exchange-outage', actor: 'bo' },
      { key },
    );
    expect(named.status).toBe(200);
  });
});
