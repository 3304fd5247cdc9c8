import { create } from 'zustand';
import type { FeedReport } from './change-feed.ts';

// How this browser hears from the war-room store: a fact only the browser knows, so zustand.

const initial = (): FeedReport => ({ phase: 'connecting', since: Date.now(), problem: null });

const useLinkStore = create<{ report: FeedReport; restoredAt: number | null }>()(() => ({
  report: initial(),
  restoredAt: null,
}));

export const useStoreLink = () => useLinkStore((s) => s.report);

/** When the incidents on screen are what this browser last knew (offline-snapshot.ts), as of when; else null. */
export const useLastKnownSince = () =>
  useLinkStore((s) =>
    s.restoredAt !== null && s.report.phase !== 'live' && s.report.phase !== 'polling' ? s.restoredAt : null,
  );

export const storeLinkActions = {
  feedReported: (report: FeedReport) =>
    // Once the feed has caught up, what is on screen is the store's again.
    useLinkStore.setState((s) => ({ report, restoredAt: report.phase === 'live' ? null : s.restoredAt })),
  snapshotRestored: (savedAt: number) => useLinkStore.setState({ restoredAt: savedAt }),
};

export function resetStoreLink(): void {
  useLinkStore.setState({ report: initial(), restoredAt: null });
}
