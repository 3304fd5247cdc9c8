import { useCallback, useSyncExternalStore } from 'react';
import { Outbox } from './outbox.ts';
import type { OutboxSnapshot, OutboxStatus } from './outbox.ts';
import { isEdit } from './outbox-file.ts';
import type { EditEntry, OutboxEntry, RefusedWrite } from './outbox-file.ts';
import { useStoreBaseUrl } from './queries.ts';

// What only this browser knows about its edits: which are still to be sent, which the store
// refused. The edits themselves live in localStorage (outbox-file.ts), or in the Outbox's memory
// while storage refuses them; the Outbox is the external store React reads them from. Components
// read it with useSyncExternalStore rather than through a mirrored copy: a mirror has to be
// filled when the outbox is made, which happens during a render, and filling it there updated
// components already on screen while React was rendering.

let current: { baseUrl: string; outbox: Outbox } | null = null;

/** The one outbox of this tab, for the store at `baseUrl`. Not started: useWarRoomSync starts it. */
export function outboxFor(baseUrl: string): Outbox {
  if (current?.baseUrl === baseUrl) return current.outbox;
  current?.outbox.stop();
  const outbox = new Outbox({ baseUrl, storage: localStorage });
  current = { baseUrl, outbox };
  return outbox;
}

/** Tests start from a clean slate (and a clean localStorage). */
export function resetOutbox(): void {
  current?.outbox.stop();
  current = null;
}

function useOutboxReady(): Outbox {
  return outboxFor(useStoreBaseUrl());
}

/** A part of the outbox's state; the outbox replaces its file and status on change, never mutates. */
function useOutboxState<T>(select: (state: OutboxSnapshot) => T): T {
  const outbox = useOutboxReady();
  const subscribe = useCallback((onChange: () => void) => outbox.subscribe(onChange), [outbox]);
  return useSyncExternalStore(subscribe, () => select(outbox.snapshot()));
}

// One filtered array per queue, so that useSyncExternalStore sees the same snapshot until the
// queue changes (a fresh array on every read would re-render forever).
const editsByQueue = new WeakMap<readonly OutboxEntry[], readonly EditEntry[]>();
function editsOf(entries: readonly OutboxEntry[]): readonly EditEntry[] {
  let edits = editsByQueue.get(entries);
  if (!edits) editsByQueue.set(entries, (edits = entries.filter(isEdit)));
  return edits;
}

/**
 * Edits not yet taken by the store, oldest first: "3 unsynced". Control audit records wait in
 * the same queue but are left out: they are not the person's edits, nothing on screen is laid
 * over from them, and counting them would say "unsynced" about something nobody typed.
 */
export function usePendingWrites(): readonly EditEntry[] {
  return useOutboxState((s) => editsOf(s.file.entries));
}

const NOTHING_HELD: readonly OutboxEntry[] = [];

/**
 * Everything still to send (edits and control audit records alike) while localStorage refuses
 * the queue: held in this tab only, so a reload or a closed tab loses it. Empty while the queue
 * is stored.
 */
export function useHeldInTabOnly(): readonly OutboxEntry[] {
  return useOutboxState((s) => (s.storageProblem === null ? NOTHING_HELD : s.file.entries));
}

/** Edits the store refused; they stay listed until dismissed. */
export function useRefusedWrites(): readonly RefusedWrite[] {
  return useOutboxState((s) => s.file.refused);
}

/** Why the oldest edit is waiting, and when it is tried next. */
export function useOutboxStatus(): OutboxStatus {
  return useOutboxState((s) => s.status);
}

/** Local placeholder ids of incidents declared offline → the store's ids, once delivered. */
export function useDeclaredIds(): Readonly<Record<string, string>> {
  return useOutboxState((s) => s.file.ids);
}

export function useOutboxActions() {
  const outbox = useOutboxReady();
  return {
    refusalDismissed: (key: string) => outbox.dismissRefusal(key),
    retryRequested: () => outbox.kick(),
  };
}
