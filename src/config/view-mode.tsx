import { createContext, useContext } from 'react';

/**
 * Which dashboard this is: the commander's, or the trading desk's wall screen (`/desk`), which
 * shows the same truth and changes nothing. The app decides once, from the path; anything that
 * edits asks here rather than reading the URL itself.
 */
export type ViewMode = 'commander' | 'desk';

const ViewModeContext = createContext<ViewMode>('commander');

export const ViewModeProvider = ViewModeContext.Provider;

export const useViewMode = (): ViewMode => useContext(ViewModeContext);
