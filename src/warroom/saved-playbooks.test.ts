import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, test } from 'vitest';
import { savedPlaybookFixture } from '../../contract/fixtures.ts';
import { savedPlaybookListSchema } from '../../contract/store-schemas.ts';
import type { Playbook, SavedPlaybook, SavedPlaybookList } from '../../contract/store-schemas.ts';
import { http, HttpResponse } from 'msw';
import { call } from '../../store/test-support.ts';
import { playbookLibrary } from '../playbooks/library/index.ts';
import { server } from '../testing/msw-server.ts';
import { resetWarRoomClient, storeDown, warRoomStoreFactory } from '../testing/war-room-store.tsx';
import type { WarRoomTestStore } from '../testing/war-room-store.tsx';
import { applyChanges, foldSavedPlaybooks } from './apply-change.ts';
import { playbookCatalog } from './playbook-catalog.ts';
import { warroomKeys } from './queries.ts';
import { checkPlaybookForSave, savePlaybook } from './saved-playbooks.ts';
import { rereadStore } from './use-war-room-sync.ts';

const startStore = warRoomStoreFactory();
afterEach(() => resetWarRoomClient());

const runbook: Playbook = structuredClone(savedPlaybookFixture.playbook);
const renamed = (title: string): Playbook => ({ ...structuredClone(runbook), title });

const storedPlaybooks = async (store: WarRoomTestStore) =>
  savedPlaybookListSchema.parse((await call(store.api('/playbooks'))).body).playbooks;

const saved = (playbook: Playbook, revision = 1): SavedPlaybook => ({
  playbook,
  revision,
  savedAt: '2026-03-02T14:00:00.000Z',
  savedBy: 'ana',
});

describe('saving a playbook', () => {
  test('new, then again unchanged, then an edit of the revision it was based on', async () => {
    const store = await startStore();
    const first = await savePlaybook(store.baseUrl, runbook, null, { actor: 'ana' });
    expect(first).toEqual({ ok: true, saved: { ...saved(runbook), savedAt: expect.any(String) } });
    // Pressed again after a lost answer: the same content is the same playbook, not a conflict.
    expect(await savePlaybook(store.baseUrl, runbook, null, { actor: 'ana' })).toEqual(first);
    const edit = await savePlaybook(store.baseUrl, renamed('NYSE session loss v2'), 1, { actor: 'bo' });
    expect(edit).toMatchObject({ ok: true, saved: { revision: 2, savedBy: 'bo' } });
    expect(await storedPlaybooks(store)).toEqual([edit.ok && edit.saved]);
  });

  test('an edit of a revision someone else replaced is a conflict that carries theirs', async () => {
    const store = await startStore();
    await savePlaybook(store.baseUrl, runbook, null, { actor: 'ana' });
    const theirs = await savePlaybook(store.baseUrl, renamed('Their title'), 1, { actor: 'bo' });
    const mine = await savePlaybook(store.baseUrl, renamed('My title'), 1, { actor: 'cy' });
    expect(mine).toEqual({
      ok: false,
      reason: 'conflict',
      error: expect.stringMatching(/is at revision 2, saved by bo .* then save again with baseRevision 2$/),
      current: theirs.ok && theirs.saved,
    });
    expect((await storedPlaybooks(store)).map((p) => p.playbook.title)).toEqual(['Their title']);
  });

  test('a playbook the store would refuse is not sent, and the reason says where', async () => {
    const store = await startStore();
    const library = playbookLibrary[0]!;
    expect(await savePlaybook(store.baseUrl, library, null, { actor: 'ana' })).toEqual({
      ok: false,
      reason: 'invalid',
      error: expect.stringMatching(/^playbook save: playbook\.id: a saved playbook's id is "import-"/),
    });
    expect(checkPlaybookForSave({ ...runbook, phases: [...runbook.phases, runbook.phases[0]] })).toEqual({
      ok: false,
      error: expect.stringContaining('phase id first-minutes is used twice'),
    });
    expect(checkPlaybookForSave(runbook)).toEqual({ ok: true, value: runbook });
    expect(await storedPlaybooks(store)).toEqual([]);
  });

  test('with the store down, the save fails clearly (the draft is the caller’s to keep)', async () => {
    const store = await startStore();
    storeDown(store);
    expect(await savePlaybook(store.baseUrl, runbook, null, { actor: 'ana' })).toEqual({
      ok: false,
      reason: 'unreachable',
      error: 'not saved: the store is unreachable; your draft is kept',
    });
  });
});

describe('saved playbooks in the query cache', () => {
  const list: SavedPlaybookList = { storeId: 's', lastChangeId: 3, playbooks: [saved(runbook, 2)] };

  test('a newer revision replaces, an older or repeated one does not; new ones go in id order', () => {
    expect(foldSavedPlaybooks(list, saved(renamed('Newer'), 3), 7)).toEqual({
      ...list,
      lastChangeId: 7,
      playbooks: [saved(renamed('Newer'), 3)],
    });
    expect(foldSavedPlaybooks(list, saved(renamed('Older'), 1))).toBe(list);
    expect(foldSavedPlaybooks(list, saved(renamed('Repeat'), 2), 9)).toEqual({ ...list, lastChangeId: 9 });
    const other = { ...runbook, id: 'import-a-first' };
    expect(foldSavedPlaybooks(list, saved(other)).playbooks.map((p) => p.playbook.id)).toEqual([
      'import-a-first',
      runbook.id,
    ]);
  });

  test('a playbook.saved change folds into the saved playbooks', () => {
    const client = new QueryClient();
    client.setQueryData(warroomKeys.playbooks('/w'), list);
    const change = { id: 8, at: 'x', incidentId: null, type: 'playbook.saved' as const };
    applyChanges(client, '/w', [{ ...change, savedPlaybook: saved(renamed('From the feed'), 3) }]);
    expect(client.getQueryData<SavedPlaybookList>(warroomKeys.playbooks('/w'))).toMatchObject({
      lastChangeId: 8,
      playbooks: [{ revision: 3, playbook: { title: 'From the feed' } }],
    });
  });

  test('when the store is read afresh (another database), the saved playbooks are read again', async () => {
    const store = await startStore();
    const client = new QueryClient();
    client.setQueryData(warroomKeys.playbooks(store.baseUrl), list);
    await rereadStore(client, store.baseUrl);
    expect(client.getQueryState(warroomKeys.playbooks(store.baseUrl))?.isInvalidated).toBe(true);
    expect(client.getQueryState(warroomKeys.list(store.baseUrl))?.isInvalidated).toBe(false);
  });
});

describe('the playbook catalog', () => {
  const exchange = (id: string, system: Playbook['system'], title = id): Playbook => ({
    ...runbook,
    id,
    system,
    title,
    incidentTypes: ['exchange-outage'],
  });

  test('looks up library and saved playbooks by id; saved ones are listed by title', () => {
    const catalog = playbookCatalog([saved(exchange('import-z', 'generic', 'A runbook')), saved(runbook)]);
    expect(catalog.byId('hft-exchange-outage')?.system).toBe('hft');
    expect(catalog.byId(runbook.id)).toEqual(runbook);
    expect(catalog.savedById(runbook.id)?.revision).toBe(1);
    expect(catalog.byId('import-nothing')).toBeNull();
    expect(catalog.saved.map((s) => s.playbook.title)).toEqual(['A runbook', runbook.title]);
  });

  test('no library id is in the saved namespace, so a saved playbook never shadows one', () => {
    expect(playbookLibrary.filter((p) => p.id.startsWith('import-'))).toEqual([]);
  });

  test('suggests the library’s for the system at hand, then a saved one, then the library’s first', () => {
    const catalog = playbookCatalog([
      saved(exchange('import-any', 'generic')),
      saved(exchange('import-eafix', 'eafix')),
    ]);
    // The library has an exchange-outage playbook for HFT and SMC, none for EAFIX.
    expect(catalog.suggest('exchange-outage', 'hft')?.id).toBe('hft-exchange-outage');
    expect(catalog.suggest('exchange-outage', 'smc')?.id).toBe('smc-p1-exchange-api-failure');
    expect(catalog.suggest('exchange-outage', 'eafix')?.id).toBe('import-eafix');
    expect(catalog.suggest('exchange-outage')?.id).toBe('import-any');
    expect(catalog.suggest('database')?.id).toBe('hft-database-failure');
    expect(playbookCatalog([]).suggest('exchange-outage')?.id).toBe('hft-exchange-outage');
  });
});

describe('suggestions for a system whose policy names its playbooks', () => {
  const answering = (id: string, system: string, title: string, incidentTypes: Playbook['incidentTypes']) =>
    saved({ ...runbook, id, system, title, incidentTypes });
  const catalog = playbookCatalog([
    answering('import-any', 'generic', 'Any desk: venue down', ['exchange-outage']),
    answering('import-desk-7', 'desk-7', 'Desk 7: venue down', ['exchange-outage']),
  ]);

  test('are chosen among that library’s playbooks, library first, then saved', () => {
    expect(catalog.suggestFor('exchange-outage', 'desk-7')?.id).toBe('import-desk-7');
    expect(catalog.suggestFor('exchange-outage', 'smc')?.id).toBe('smc-p1-exchange-api-failure');
    expect(catalog.suggestFor('exchange-outage', 'hft')?.id).toBe('hft-exchange-outage');
  });

  test('none when none of its playbooks answers the type; any, as before, when it names none', () => {
    expect(catalog.suggestFor('database', 'desk-7')).toBeNull();
    expect(catalog.suggestFor('exchange-outage', 'eafix')).toBeNull();
    expect(catalog.suggestFor('exchange-outage', null)).toEqual(catalog.suggest('exchange-outage'));
    expect(catalog.suggestFor('exchange-outage', null)?.id).toBe('import-any');
  });
});

describe('the store answering HTTP errors', () => {
  test('a 5xx is "unreachable" (try again), a 4xx is "refused" in the store’s words', async () => {
    const store = await startStore();
    const answer = (status: number, body: object) =>
      server.use(http.put(store.api('/playbooks/*'), () => HttpResponse.json(body, { status })));
    answer(503, { title: 'Service Unavailable', status: 503, detail: 'database locked' });
    expect(await savePlaybook(store.baseUrl, runbook, null, { actor: 'a' })).toEqual({
      ok: false,
      reason: 'unreachable',
      error: 'not saved: the store answered HTTP 503; your draft is kept',
    });
    answer(415, { title: 'Unsupported Media Type', status: 415, detail: 'send the playbook save as JSON' });
    expect(await savePlaybook(store.baseUrl, runbook, null, { actor: 'a' })).toEqual({
      ok: false,
      reason: 'refused',
      error: 'send the playbook save as JSON',
    });
  });
});
