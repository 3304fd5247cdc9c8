import { create } from 'zustand';
import { Outbox } from './outbox.ts';
import type { OutboxStatus } from './outbox.ts';
import type { OutboxEntry, RefusedWrite } from './outbox-file.ts';
import { useStoreBaseUrl } from './queries.ts';

// What only this browser knows about its edits: which are still to be sent, which the store
// refused. The edits themselves live in localStorage (outbox-file.ts); this mirrors them for React.

interface OutboxView {
  entries: readonly OutboxEntry[];
  refused: readonly RefusedWrite[];
  ids: Readonly<Record<string, string>>;
  status: OutboxStatus;
}

const empty = (): OutboxView => ({
  entries: [],
  refused: [],
  ids: {},
  status: { problem: null, retryAt: null },
});

const useOutboxView = create<OutboxView>()(empty);

let current: { baseUrl: string; outbox: Outbox } | null = null;

/** The one outbox of this tab, for the store at `baseUrl`. Not started: useWarRoomSync starts it. */
export function outboxFor(baseUrl: string): Outbox {
  if (current?.baseUrl === baseUrl) return current.outbox;
  current?.outbox.stop();
  const outbox = new Outbox({ baseUrl, storage: localStorage });
  const mirror = () => {
    const { file, status } = outbox.snapshot();
    useOutboxView.setState({ entries: file.entries, refused: file.refused, ids: file.ids, status });
  };
  outbox.subscribe(mirror);
  mirror();
  current = { baseUrl, outbox };
  return outbox;
}

/** Tests start from a clean slate (and a clean localStorage). */
export function resetOutbox(): void {
  current?.outbox.stop();
  current = null;
  useOutboxView.setState(empty(), true);
}

function useOutboxReady(): Outbox {
  return outboxFor(useStoreBaseUrl());
}

/** Edits not yet taken by the store, oldest first: "3 unsynced". */
export function usePendingWrites(): readonly OutboxEntry[] {
  useOutboxReady();
  return useOutboxView((s) => s.entries);
}

/** Edits the store refused; they stay listed until dismissed. */
export function useRefusedWrites(): readonly RefusedWrite[] {
  useOutboxReady();
  return useOutboxView((s) => s.refused);
}

/** Why the oldest edit is waiting, and when it is tried next. */
export function useOutboxStatus(): OutboxStatus {
  useOutboxReady();
  return useOutboxView((s) => s.status);
}

/** Local placeholder ids of incidents declared offline → the store's ids, once delivered. */
export function useDeclaredIds(): Readonly<Record<string, string>> {
  useOutboxReady();
  return useOutboxView((s) => s.ids);
}

export function useOutboxActions() {
  const outbox = useOutboxReady();
  return {
    refusalDismissed: (key: string) => outbox.dismissRefusal(key),
    retryRequested: () => outbox.kick(),
  };
}
