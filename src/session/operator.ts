import { create } from 'zustand';
import type { ControlId } from '../../contract/schemas.ts';

// Who is signed in at this tab: read by the controls (to send) and by the war-room writes (to
// name the responder). Signing in — asking the trading system whether a credential is good —
// is the controls' business (src/controls/operator-session.ts); this module only holds the answer.

export interface OperatorSession {
  token: string;
  operator: string;
  controls: ControlId[];
}

// The token lives for this browser tab's session only: sessionStorage, never localStorage, the
// URL or a log. Closing the tab signs the operator out.
const STORAGE_KEY = 'warroom.operator-session';

function restore(): OperatorSession | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<OperatorSession>;
    return typeof parsed.token === 'string' &&
      typeof parsed.operator === 'string' &&
      Array.isArray(parsed.controls)
      ? (parsed as OperatorSession)
      : null;
  } catch {
    return null;
  }
}

const useSessionStore = create<{ session: OperatorSession | null }>()(() => ({ session: restore() }));

export const useOperatorSession = () => useSessionStore((s) => s.session);
export const currentSession = () => useSessionStore.getState().session;

/** A credential the trading system vouched for: kept for this tab. */
export function sessionStarted(session: OperatorSession): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  useSessionStore.setState({ session });
}

export function signedOut(): void {
  sessionStorage.removeItem(STORAGE_KEY);
  useSessionStore.setState({ session: null });
}
