import { QueryClient } from '@tanstack/react-query';
import { describe, expect, test } from 'vitest';
import { checklistFixture, incidentFixture, timelineFixture } from '../../contract/store-schemas-fixtures.ts';
import { keepSnapshot, restoreSnapshot, saveSnapshot, SNAPSHOT_STORAGE_KEY } from './offline-snapshot.ts';
import { warroomKeys } from './queries.ts';

const BASE = 'http://127.0.0.1:4312/warroom/v1';
const INCIDENT = incidentFixture.id;
const incidentListFixture = { storeId: 'store-a', lastChangeId: 12, incidents: [incidentFixture] };

/** A storage that holds `limit` characters at most, as a full localStorage would. */
function memoryStorage(limit = Infinity) {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (v.length > limit) throw new DOMException('full', 'QuotaExceededError');
      items.set(k, v);
    },
    removeItem: (k: string) => void items.delete(k),
  };
}

function filledClient() {
  const client = new QueryClient();
  client.setQueryData(warroomKeys.list(BASE), incidentListFixture);
  client.setQueryData(warroomKeys.checklist(BASE, INCIDENT), { ...checklistFixture, incidentId: INCIDENT });
  client.setQueryData(warroomKeys.timeline(BASE, INCIDENT), {
    incidentId: INCIDENT,
    events: timelineFixture,
  });
  client.setQueryData(warroomKeys.audit(BASE, INCIDENT), { records: [] }); // not kept
  client.setQueryData(['status', 'elsewhere'], { anything: true }); // not the store's
  return client;
}

describe('the offline snapshot', () => {
  test('keeps the list, checklists and timelines of this store, and restores them into an empty cache', () => {
    const storage = memoryStorage();
    saveSnapshot(filledClient(), BASE, storage, 1_000);
    const restored = new QueryClient();
    expect(restoreSnapshot(restored, BASE, storage)).toBe(1_000);
    expect(restored.getQueryData(warroomKeys.list(BASE))).toEqual(incidentListFixture);
    expect(restored.getQueryData(warroomKeys.checklist(BASE, INCIDENT))).toMatchObject({
      incidentId: INCIDENT,
    });
    expect(restored.getQueryData(warroomKeys.timeline(BASE, INCIDENT))).toMatchObject({
      incidentId: INCIDENT,
    });
    expect(restored.getQueryData(warroomKeys.audit(BASE, INCIDENT))).toBeUndefined();
    expect(restored.getQueryState(warroomKeys.list(BASE))?.dataUpdatedAt).toBe(1_000);
  });

  test('never overwrites what the cache already holds', () => {
    const storage = memoryStorage();
    saveSnapshot(filledClient(), BASE, storage);
    const client = new QueryClient();
    const newer = { ...incidentListFixture, lastChangeId: incidentListFixture.lastChangeId + 5 };
    client.setQueryData(warroomKeys.list(BASE), newer);
    restoreSnapshot(client, BASE, storage);
    expect(client.getQueryData(warroomKeys.list(BASE))).toBe(newer);
  });

  test('is not restored for another store, without its list, or when unreadable; a bad entry costs only itself', () => {
    const storage = memoryStorage();
    saveSnapshot(filledClient(), BASE, storage);
    expect(restoreSnapshot(new QueryClient(), 'http://127.0.0.1:9999/warroom/v1', storage)).toBeNull();

    const kept = JSON.parse(storage.getItem(SNAPSHOT_STORAGE_KEY)!) as {
      entries: { key: unknown[]; data: unknown }[];
    };
    const damaged = {
      ...kept,
      entries: kept.entries.map((e) => (e.key.at(-1) === 'timeline' ? { ...e, data: { events: 'no' } } : e)),
    };
    storage.setItem(SNAPSHOT_STORAGE_KEY, JSON.stringify(damaged));
    const client = new QueryClient();
    expect(restoreSnapshot(client, BASE, storage)).not.toBeNull();
    expect(client.getQueryData(warroomKeys.timeline(BASE, INCIDENT))).toBeUndefined();
    expect(client.getQueryData(warroomKeys.checklist(BASE, INCIDENT))).toBeDefined();

    const withoutList = { ...kept, entries: kept.entries.filter((e) => e.key.at(-1) !== 'incidents') };
    storage.setItem(SNAPSHOT_STORAGE_KEY, JSON.stringify(withoutList));
    expect(restoreSnapshot(new QueryClient(), BASE, storage)).toBeNull();

    storage.setItem(SNAPSHOT_STORAGE_KEY, '{not json');
    expect(restoreSnapshot(new QueryClient(), BASE, storage)).toBeNull();
  });

  test('when storage is short, keeps what matters most: everything but the timelines', () => {
    const full = memoryStorage();
    saveSnapshot(filledClient(), BASE, full);
    const whole = full.getItem(SNAPSHOT_STORAGE_KEY)!.length;
    const short = memoryStorage(whole - 1);
    saveSnapshot(filledClient(), BASE, short);
    const client = new QueryClient();
    expect(restoreSnapshot(client, BASE, short)).not.toBeNull();
    expect(client.getQueryData(warroomKeys.checklist(BASE, INCIDENT))).toBeDefined();
    expect(client.getQueryData(warroomKeys.timeline(BASE, INCIDENT))).toBeUndefined();
  });

  test('is written at once when the page goes away, not a second later: a reload keeps the latest list', () => {
    const storage = memoryStorage();
    const client = new QueryClient();
    const page = new EventTarget();
    const stop = keepSnapshot(client, BASE, storage, 60_000, page);
    client.setQueryData(warroomKeys.list(BASE), incidentListFixture);
    expect(storage.items.has(SNAPSHOT_STORAGE_KEY)).toBe(false); // still within its throttle
    page.dispatchEvent(new Event('pagehide'));
    const restored = new QueryClient();
    expect(restoreSnapshot(restored, BASE, storage)).not.toBeNull();
    expect(restored.getQueryData(warroomKeys.list(BASE))).toEqual(incidentListFixture);

    // And after it is stopped, the page's events write nothing more.
    stop();
    storage.items.clear();
    client.setQueryData(warroomKeys.list(BASE), { ...incidentListFixture, lastChangeId: 13 });
    page.dispatchEvent(new Event('pagehide'));
    expect(storage.items.has(SNAPSHOT_STORAGE_KEY)).toBe(false);
  });
});
