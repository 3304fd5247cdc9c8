import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  checklistSchema,
  incidentListSchema,
  savedPlaybookListSchema,
  timelineSchema,
} from '../../contract/store-schemas.ts';
import { parseJsonText } from '../../contract/validate.ts';
import { warroomKeys } from './queries.ts';

// What this browser last knew of the war-room store, kept in localStorage so that a reload while
// the store is down still shows the incidents, their checklists (ticks included) and timelines —
// the outbox already keeps what was typed, this keeps what was read. Restored only into an empty
// cache; the change feed then catches up from the list's position (`lastChangeId`) once the store
// answers, or reads everything again if the store is another one. The same principle as the
// board's LAST KNOWN values: shown, and said to be last known while the store is away.

export const SNAPSHOT_STORAGE_KEY = 'warroom.snapshot';
const VERSION = 1;

/** The cache entries worth keeping, by the last part of their key, with the schema to read them back. */
const KEPT: Record<string, z.ZodType> = {
  incidents: incidentListSchema,
  checklist: checklistSchema,
  timeline: timelineSchema,
  playbooks: savedPlaybookListSchema,
};

type SnapshotStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

interface Snapshot {
  version: number;
  baseUrl: string;
  savedAt: number;
  entries: { key: QueryKey; data: unknown }[];
}

function keptKind(key: QueryKey, baseUrl: string): string | null {
  const [root, url] = key;
  const last = key.at(-1);
  if (root !== warroomKeys.all(baseUrl)[0] || url !== baseUrl || typeof last !== 'string') return null;
  return last in KEPT ? last : null;
}

function entriesOf(queryClient: QueryClient, baseUrl: string): Snapshot['entries'] {
  return queryClient
    .getQueryCache()
    .findAll({ queryKey: warroomKeys.all(baseUrl) })
    .filter((q) => q.state.data !== undefined && keptKind(q.queryKey, baseUrl) !== null)
    .map((q) => ({ key: q.queryKey, data: q.state.data }));
}

/** Writes the snapshot; without the timelines when the whole does not fit. */
export function saveSnapshot(
  queryClient: QueryClient,
  baseUrl: string,
  storage: SnapshotStorage,
  now = Date.now(),
): void {
  const entries = entriesOf(queryClient, baseUrl);
  const attempts = [entries, entries.filter((e) => e.key.at(-1) !== 'timeline')];
  for (const kept of attempts) {
    try {
      storage.setItem(
        SNAPSHOT_STORAGE_KEY,
        JSON.stringify({ version: VERSION, baseUrl, savedAt: now, entries: kept }),
      );
      return;
    } catch {
      // storage full: try with less
    }
  }
  try {
    storage.removeItem(SNAPSHOT_STORAGE_KEY);
  } catch {
    // nothing more to do: the next reload starts from the store, as before
  }
}

/**
 * Puts the last snapshot of this store into an empty cache and says when it was taken (null when
 * there was none for this store, or it could not be read). Entries that fail their schema are
 * skipped, one by one: a damaged timeline must not cost the incident list.
 */
export function restoreSnapshot(
  queryClient: QueryClient,
  baseUrl: string,
  storage: SnapshotStorage,
): number | null {
  let raw: string | null;
  try {
    raw = storage.getItem(SNAPSHOT_STORAGE_KEY);
  } catch {
    return null;
  }
  if (!raw) return null;
  const parsed = parseJsonText(raw, 'kept snapshot');
  if (!parsed.ok) return null;
  const snapshot = parsed.value as Partial<Snapshot>;
  if (snapshot.version !== VERSION || snapshot.baseUrl !== baseUrl || !Array.isArray(snapshot.entries))
    return null;
  if (typeof snapshot.savedAt !== 'number') return null;
  // The list is the feed's position: without it, nothing else can be caught up safely.
  const listHash = JSON.stringify(warroomKeys.list(baseUrl));
  if (!snapshot.entries.some((e) => JSON.stringify(e.key) === listHash)) return null;
  for (const entry of snapshot.entries) {
    const kind = Array.isArray(entry.key) ? keptKind(entry.key, baseUrl) : null;
    const schema = kind === null ? undefined : KEPT[kind];
    const data = schema?.safeParse(entry.data);
    if (!data?.success || queryClient.getQueryData(entry.key) !== undefined) continue;
    queryClient.setQueryData(entry.key, data.data, { updatedAt: snapshot.savedAt });
  }
  return snapshot.savedAt;
}

/** Where the page says it is going away: a reload, a closed tab, a phone locking its screen. */
type PageEvents = Pick<Window, 'addEventListener' | 'removeEventListener'>;

/**
 * Keeps the snapshot current as the cache changes, at most once per `everyMs`, and at once when
 * the page is hidden or unloaded: a reload in the second after an incident was declared must not
 * come back to the list as it was before it (seen in CI: the row gone after a reload).
 */
export function keepSnapshot(
  queryClient: QueryClient,
  baseUrl: string,
  storage: SnapshotStorage,
  everyMs = 1000,
  page: PageEvents | null = typeof window === 'undefined' ? null : window,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer === null) return;
    clearTimeout(timer);
    timer = null;
    saveSnapshot(queryClient, baseUrl, storage);
  };
  const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    if (keptKind(event.query.queryKey, baseUrl) === null || timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      saveSnapshot(queryClient, baseUrl, storage);
    }, everyMs);
  });
  // pagehide comes on a reload and a close, visibilitychange when a tab is put away (where
  // pagehide may never come, as on mobile).
  const onHidden = () => flush();
  page?.addEventListener('pagehide', onHidden);
  page?.addEventListener('visibilitychange', onHidden);
  return () => {
    unsubscribe();
    page?.removeEventListener('pagehide', onHidden);
    page?.removeEventListener('visibilitychange', onHidden);
    flush();
  };
}
