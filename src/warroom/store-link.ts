import { create } from 'zustand';
import type { FeedReport } from './change-feed.ts';

// How this browser hears from the war-room store: a fact only the browser knows, so zustand.

const initial = (): FeedReport => ({ phase: 'connecting', since: Date.now(), problem: null });

const useLinkStore = create<{ report: FeedReport }>()(() => ({ report: initial() }));

export const useStoreLink = () => useLinkStore((s) => s.report);

export const storeLinkActions = {
  feedReported: (report: FeedReport) => useLinkStore.setState({ report }),
};

export function resetStoreLink(): void {
  useLinkStore.setState({ report: initial() });
}
